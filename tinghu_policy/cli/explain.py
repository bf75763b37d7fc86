"""``tinghu-policy explain RULE_ID``: a rule's provision and text, docstring, party, decisions and source."""

from __future__ import annotations

import ast
import inspect
import itertools
import types
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import click
from rich.markup import escape

from tinghu_policy.cli.app import app, console
from tinghu_policy.engine.rule import Rule, rule_by_id
from tinghu_policy.interpretation import DECISIONS, DEFAULT_INTERPRETATION, Interpretation
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
    default = getattr(DEFAULT_INTERPRETATION, decision.field)
    console.print(
        f"  [bold]{decision.id}[/bold] {decision.title_zh} {decision.title_en} — option [cyan]{decision.field}[/cyan]"
    )
    console.print(f"    {decision.basis}", markup=False)
    if field.description:
        console.print(f"    [dim]{escape(field.description)}[/dim]")
    console.print(
        f"    default: [green]{escape(_shown(default))}[/green]" + _doc_suffix(field.annotation, default)
    )
    for value in alternatives(field.annotation, default):
        console.print(f"    alternative: {escape(_shown(value))}" + _doc_suffix(field.annotation, value))
    console.print(
        f"    [dim]override: --option {decision.id}=VALUE  (or --option {decision.field}=VALUE)[/dim]"
    )


def _shown(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def alternatives(annotation: Any, default: object) -> list[object]:
    """The values an option can take besides ``default``: enum members, true/false, none, or a description."""
    out: list[object] = []
    for kind in _kinds(annotation):
        if isinstance(kind, type) and issubclass(kind, Enum):
            out += [m for m in kind if m != default]
        elif kind is bool:
            out += [v for v in (True, False) if v != default]
        elif kind is type(None):
            if default is not None:
                out.append(None)
        elif isinstance(kind, str):  # a Literal's value
            if kind != default:
                out.append(kind)
        else:
            name = getattr(kind, "__name__", str(kind))
            out.append(f"a value of type {name}")
    return out


def _kinds(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return [k for arg in get_args(annotation) for k in _kinds(arg)]
    if origin is Literal:
        return list(get_args(annotation))
    if origin is not None and get_args(annotation):  # Annotated[int, ...]
        return _kinds(get_args(annotation)[0])
    return [annotation]


def _doc_suffix(annotation: Any, value: object) -> str:
    if not isinstance(value, Enum):
        return ""
    doc = member_docs(type(value)).get(value.name)
    return f" — {escape(doc)}" if doc else ""


@cache
def member_docs(enum: type[Enum]) -> dict[str, str]:
    """The docstrings written under each member of ``enum`` (Python keeps none at run time: read the source)."""
    try:
        tree = ast.parse(inspect.cleandoc("\n" + inspect.getsource(enum)))
    except (OSError, TypeError, SyntaxError):
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[node.targets[0].id] = " ".join(after.value.value.split())
    return docs
