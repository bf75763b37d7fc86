"""``tinghu-policy explain RULE_ID``: a rule's provision and text, docstring, party, decisions and source.

The docstring is written for the source and the docs site (Sphinx roles, lines broken at 110 columns); here it
is shown as plain text (:func:`plain_doc`): roles become their names, paragraphs are joined and wrapped again to
the terminal's width, Chinese without spaces and never with closing punctuation at the start of a line.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
from rich.text import Text

from tinghu_policy.cli.app import app, console
from tinghu_policy.cli.render import print_wrapped
from tinghu_policy.cli.rules import find_rule
from tinghu_policy.engine.rule import Rule
from tinghu_policy.interpretation import DECISIONS, Interpretation
from tinghu_policy.names import OPEN_VALUE_ZH, option_zh
from tinghu_policy.provisions import provision

_ROLE = re.compile(r":(?:[\w-]+:)?[\w-]+:`(?P<body>[^`]+)`")
_TITLED = re.compile(r"(?P<title>.*?)\s*<(?P<target>[^>]+)>", re.S)
_LITERAL = re.compile(r"``(?P<body>[^`]+)``")
_BULLET = re.compile(r"(?:[-*•]|\d+[.)]|\(\w{1,4}\)|（\w{1,4}）)\s")
_WIDE_END = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u2018-\u201d]$")
_WIDE_START = re.compile(r"^[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u2018-\u201d]")


def _role(match: re.Match[str]) -> str:
    body = match["body"]
    titled = _TITLED.fullmatch(body)
    if titled is not None:
        return titled["title"]
    if body.startswith("~"):
        return body[1:].rsplit(".", 1)[-1]
    return body.lstrip(".!")


def plain_markup(text: str) -> str:
    """``text`` without reStructuredText markup: ``:class:`~a.b.C``` → ``C``, ``:func:`x <a.x>``` → ``x``,
    ````code```` → ``code``."""
    return _LITERAL.sub(lambda m: m["body"], _ROLE.sub(_role, text))


def _join(left: str, right: str) -> str:
    """Two pieces of one sentence broken across source lines: a space, except between Chinese characters or after
    full-width punctuation."""
    if (_WIDE_END.search(left) and _WIDE_START.search(right)) or left[-1:] in "，。；：、（“":
        return left + right
    return f"{left} {right}"


def plain_doc(doc: str) -> list[str]:
    """A docstring as logical lines: markup removed, each paragraph (and each list item) joined into one line;
    an empty string between paragraphs. Indented literal blocks (``>>>``, code) keep their lines."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", inspect.cleandoc(doc)):
        lines = block.splitlines()
        if lines and lines[0].lstrip().startswith(">>>"):
            out.extend(lines)
        else:
            joined: list[str] = []
            for raw in lines:
                line = raw.strip()
                if not joined or _BULLET.match(line):
                    joined.append(line)
                else:
                    joined[-1] = _join(joined[-1], line)
            out.extend(plain_markup(line) for line in joined)
        out.append("")
    while out and not out[-1]:
        out.pop()
    return out


@app.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Explain a rule: the provision it encodes (citation and official text), what it does, who owes it, the
    interpretation decisions it applies (default and alternatives) and where its code is.

    RULE_ID is e.g. art11.initial_opinion, in any case (an unknown id names the closest ones; a provision such as
    art11.p1.i2 or 第十一条 names its rules; `tinghu-policy rules` lists them all).
    """
    rule = find_rule(rule_id)
    p = provision(rule.provision)
    console.print(Text.assemble((rule.id, "bold"), f"  {rule.title_zh}"), soft_wrap=True)
    print_wrapped(console, rule.title_en, style="dim")
    console.print()
    console.print(
        Text.assemble(("条款 Provision", "bold"), f"  {p.cite_zh}  {p.cite_en}  ", (f"({p.id})", "dim")),
        soft_wrap=True,
    )
    print_wrapped(console, p.text)
    if rule.doc:
        console.print()
        console.print(Text("规则 Rule", style="bold"))
        for line in plain_doc(rule.doc):
            bullet = _BULLET.match(line)
            print_wrapped(console, line, subsequent=" " * len(bullet.group()) if bullet else "")
    console.print()
    console.print(Text.assemble(("义务方 Owed by", "bold"), "  " + _party(rule)), soft_wrap=True)
    if rule.to:
        print_wrapped(
            console, "报送 To  " + "、".join(f"{t.name_zh} ({t.value})" for t in rule.to), subsequent="  "
        )
    if rule.decides_scope:
        print_wrapped(
            console, "decides the scope: runs for every project, also one outside the regulation", style="dim"
        )
    console.print()
    console.print(
        Text.assemble(("解释决定 Interpretation decisions", "bold"), "" if rule.decisions else "  none"),
        soft_wrap=True,
    )
    for decision_id in rule.decisions:
        _print_decision(decision_id)
    console.print()
    console.print(
        Text.assemble(
            ("源代码 Source", "bold"), f"  {rule.module}.{rule.function.__name__}  ", (_where(rule), "dim")
        ),
        soft_wrap=True,
    )


def _party(rule: Rule) -> str:
    if rule.owed_by is None:
        return "— (named per finding, e.g. each department)"
    return f"{rule.owed_by.name_zh} {rule.owed_by.name_en} ({rule.owed_by.value})"


def _where(rule: Rule) -> str:
    try:
        path = Path(inspect.getsourcefile(rule.function) or "")
    except TypeError:
        return ""
    return f"{path}:{rule.function.__code__.co_firstlineno}"


def _print_decision(decision_id: str) -> None:
    decision = DECISIONS.get(decision_id)
    if decision is None:
        console.print(Text.assemble(f"  {decision_id}: ", ("not in the catalogue", "red")))
        return
    field = Interpretation.model_fields[decision.field]
    line = Text.assemble(
        ("  " + decision.id, "bold"),
        f" {decision.title_zh} {decision.title_en} — option ",
        (decision.field, "cyan"),
    )
    console.print(line, soft_wrap=True)
    print_wrapped(console, plain_markup(decision.basis), indent="    ")
    if field.description:
        print_wrapped(console, plain_markup(" ".join(field.description.split())), indent="    ", style="dim")
    options = decision.options()
    for option in sorted(options, key=lambda o: not o.default):
        kind = "默认 default" if option.default else "可选 alternative"
        meanings = [option_zh(decision.field, option.value) or ""]
        if option.meaning:
            meanings.append(plain_markup(" ".join(option.meaning.split())))
        meaning = "；".join(m for m in meanings if m)
        text = f"{kind}: {option.value}" + (f" — {meaning}" if meaning else "")
        print_wrapped(
            console, text, indent="    ", subsequent="      ", style="green" if option.default else ""
        )
    if not options:
        enter = OPEN_VALUE_ZH.get(decision.field)
        print_wrapped(
            console,
            f"默认 default: {_shown(field.default)} (a caller may set a value)"
            + (f" — {enter}" if enter else ""),
            indent="    ",
        )
    print_wrapped(
        console,
        f"override: --option {decision.id}=VALUE  (or --option {decision.field}=VALUE)",
        indent="    ",
        style="dim",
    )


def _shown(value: object) -> str:
    return "none" if value is None else str(value)
