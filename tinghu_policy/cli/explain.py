"""``tinghu-policy explain RULE_ID``: a rule's provision and text, docstring, party, decisions and source."""

from __future__ import annotations

import inspect
from pathlib import Path

import click
from rich.markup import escape

from tinghu_policy.cli.app import app, console
from tinghu_policy.engine.rule import Rule, rule_by_id
from tinghu_policy.interpretation import DECISIONS, Interpretation
from tinghu_policy.provisions import provision


@app.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Explain a rule: the provision it encodes (citation and official text), what it does, who owes it, the
    interpretation decisions it applies (default and alternatives) and where its code is.

    RULE_ID is e.g. art11.initial_opinion (an unknown id names the closest ones).
    """
    rule = rule_by_id(rule_id)
    p = provision(rule.provision)
    console.print(f"[bold]{rule.id}[/bold]  {escape(rule.title_zh)}")
    console.print(f"[dim]{escape(rule.title_en)}[/dim]")
    console.print(f"\n[bold]条款 Provision[/bold]  {p.cite_zh}  {p.cite_en}  [dim]({p.id})[/dim]")
    console.print(p.text, markup=False)
    if rule.doc:
        console.print("\n[bold]规则 Rule[/bold]")
        console.print(inspect.cleandoc(rule.doc), markup=False)
    console.print("\n[bold]义务方 Owed by[/bold]  " + _party(rule))
    if rule.to:
        console.print("[bold]报送 To[/bold]  " + "、".join(f"{t.name_zh} ({t.value})" for t in rule.to))
    if rule.decides_scope:
        console.print("[dim]decides the scope: runs for every project, also one outside the regulation[/dim]")
    console.print("\n[bold]解释决定 Interpretation decisions[/bold]" + ("" if rule.decisions else "  none"))
    for decision_id in rule.decisions:
        _print_decision(decision_id)
    console.print(
        f"\n[bold]源代码 Source[/bold]  {rule.module}.{rule.function.__name__}  [dim]{_where(rule)}[/dim]"
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
        console.print(f"  {decision_id}: [red]not in the catalogue[/red]")
        return
    field = Interpretation.model_fields[decision.field]
    console.print(
        f"  [bold]{decision.id}[/bold] {decision.title_zh} {decision.title_en} — option [cyan]{decision.field}[/cyan]"
    )
    console.print(f"    {decision.basis}", markup=False)
    if field.description:
        console.print(f"    [dim]{escape(field.description)}[/dim]")
    options = decision.options()
    for option in sorted(options, key=lambda o: not o.default):
        value = f"[green]{escape(option.value)}[/green]" if option.default else escape(option.value)
        meaning = f" — {escape(option.meaning)}" if option.meaning else ""
        console.print(f"    {'default' if option.default else 'alternative'}: {value}{meaning}")
    if not options:
        console.print(
            f"    default: [green]{escape(_shown(field.default))}[/green] (a caller may set a value)"
        )
    console.print(
        f"    [dim]override: --option {decision.id}=VALUE  (or --option {decision.field}=VALUE)[/dim]"
    )


def _shown(value: object) -> str:
    return "none" if value is None else str(value)
