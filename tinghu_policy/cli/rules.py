"""``tinghu-policy rules``: every rule id with the provision it encodes, its title and who owes the duty; and the
look-up ``explain`` uses (an id in any case; a provision names its rules; an unknown id names the closest ones)."""

from __future__ import annotations

import difflib
import json

import click
from rich.table import Table
from rich.text import Text

from tinghu_policy.cli.app import app, console
from tinghu_policy.cli.provisions import resolve_provision
from tinghu_policy.cli.render import is_narrow, print_wrapped
from tinghu_policy.engine import catalogue
from tinghu_policy.engine.rule import Rule
from tinghu_policy.errors import TinghuPolicyError, UnknownProvisionError
from tinghu_policy.provisions import provision, registry


def owed_by_text(rule: Rule) -> str:
    """``区数据局``, or ``—`` for a rule that names the party per finding."""
    return rule.owed_by.name_zh if rule.owed_by is not None else "—"


def rules_under(provision_id: str) -> list[Rule]:
    """The rules encoding ``provision_id`` or a provision under it, in catalogue order."""
    wanted = {provision_id, *(p.id for p in registry().descendants(provision_id))}
    return [r for r in catalogue() if r.provision in wanted]


def find_rule(text: str) -> Rule:
    """The rule ``text`` names (its id, in any case). An error otherwise: for a provision, the rules encoding it;
    for anything else, the closest ids."""
    rules = {r.id: r for r in catalogue()}
    key = text.strip()
    for candidate in (key, key.lower()):
        if candidate in rules:
            return rules[candidate]
    try:
        provision_id = resolve_provision(key)
    except UnknownProvisionError:
        provision_id = None
    if provision_id is not None:
        encoding = [r.id for r in rules_under(provision_id)]
        p = provision(provision_id)
        listed = f"its rules are {', '.join(encoding)}" if encoding else "no rule encodes it"
        raise TinghuPolicyError(
            f"{text!r} is a provision, {p.cite_zh} ({provision_id}), not a rule id: {listed} "
            f"(tinghu-policy show {provision_id} shows its text)"
        )
    near = _near(key.lower(), list(rules))
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise TinghuPolicyError(f"unknown rule id {text!r}{hint} (tinghu-policy rules lists every rule)")


def _near(key: str, ids: list[str]) -> list[str]:
    """Ids close to ``key``: close as a whole, close after the article prefix, or containing it."""
    names = {i.split(".", 1)[-1]: i for i in ids}
    found = [
        *difflib.get_close_matches(key, ids, n=3, cutoff=0.6),
        *(names[n] for n in difflib.get_close_matches(key.split(".", 1)[-1], list(names), n=3, cutoff=0.75)),
        *(i for i in ids if len(key) >= 4 and key in i),
    ]
    return list(dict.fromkeys(found))[:5]


@app.command("rules")
@click.argument("provision_id", required=False, metavar="[PROVISION]")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def list_rules(provision_id: str | None, as_json: bool) -> None:
    """List every rule: its id, the provision it encodes, its title and who owes the duty.

    PROVISION keeps the rules of that provision and those under it: art11, art11.p1.i2, ch3 or a citation such as
    第十一条. `tinghu-policy explain RULE_ID` tells more about one rule.
    """
    chosen = rules_under(resolve_provision(provision_id)) if provision_id else list(catalogue())
    if as_json:
        for r in chosen:
            p = provision(r.provision)
            record = {
                "id": r.id,
                "provision": r.provision,
                "citation_zh": p.cite_zh,
                "citation_en": p.cite_en,
                "title_zh": r.title_zh,
                "title_en": r.title_en,
                "owed_by": r.owed_by.value if r.owed_by is not None else None,
                "to": [t.value for t in r.to],
                "decisions": list(r.decisions),
            }
            console.print_json(json.dumps(record, ensure_ascii=False), indent=None)
        return
    if is_narrow(console):
        for r in chosen:
            line = Text(r.id, style="bold")
            line.append(f"  {provision(r.provision).cite_zh}  ({r.provision})")
            line.append(f"  {owed_by_text(r)}", style="cyan")
            console.print(line, soft_wrap=True)
            print_wrapped(console, r.title_zh, indent="  ")
            print_wrapped(console, r.title_en, indent="  ", style="dim")
    else:
        table = Table(title=f"{len(chosen)} rules", title_justify="left")
        table.add_column("id", no_wrap=True)
        table.add_column("provision", no_wrap=True)
        table.add_column("owed by 义务方", no_wrap=True)
        table.add_column("title", ratio=1, overflow="fold")
        for r in chosen:
            table.add_row(
                r.id,
                Text.assemble(provision(r.provision).cite_zh, "\n", (r.provision, "dim")),
                owed_by_text(r),
                Text.assemble(r.title_zh, "\n", (r.title_en, "dim")),
            )
        console.print(table)
    print_wrapped(
        console, f"{len(chosen)} rules; tinghu-policy explain RULE_ID tells more about one", style="dim"
    )
