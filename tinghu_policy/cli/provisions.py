"""``tinghu-policy show`` and ``tinghu-policy provisions``: the regulation's text, citations and encoding status."""

from __future__ import annotations

import json

import click
from rich.table import Table

from tinghu_policy.cli.app import app, console
from tinghu_policy.provisions import Level, provision, registry
from tinghu_policy.provisions.status import EncodingStatus, aggregate_status, status_of

_STATUS_STYLE = {
    EncodingStatus.ENCODED: "green",
    EncodingStatus.NOT_COMPUTABLE: "dim",
    EncodingStatus.PENDING: "yellow",
    None: "red",
}


@app.command()
@click.argument("provision_id")
def show(provision_id: str) -> None:
    """Show a provision: its citation, official text, corrections and encoding status.

    PROVISION_ID is e.g. art11.p1.i2, art26 or ch3.
    """
    p = provision(provision_id)
    console.print(f"[bold]{p.cite_zh}[/bold]  {p.cite_en}  [dim]({p.id}, {p.chapter})[/dim]")
    console.print(p.text, markup=False)
    for erratum in registry().errata(p.id):
        console.print(
            f"[dim]勘误 erratum {erratum.id} ({erratum.kind}): {erratum.original!r} → {erratum.corrected!r}[/dim]",
            markup=True,
        )
    status = aggregate_status(p.id)
    line = f"status: [{_STATUS_STYLE[status]}]{status or 'none'}[/]"
    if p.level in (Level.PARAGRAPH, Level.ITEM):
        detail = status_of(p.id)
        if detail.rules:
            line += f" by {', '.join(detail.rules)}"
        if detail.reason:
            line += f" — {detail.reason}"
    console.print(line)


@app.command("provisions")
@click.option(
    "--status",
    "status_name",
    type=click.Choice([s.value for s in EncodingStatus]),
    help="Only provisions with this status.",
)
@click.option("--chapter", help="Only this chapter, e.g. ch3.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def list_provisions(status_name: str | None, chapter: str | None, as_json: bool) -> None:
    """List every article, paragraph and item with its citation and encoding status."""
    status = EncodingStatus(status_name) if status_name else None
    rows = []
    for p in registry():
        if p.level is Level.CHAPTER or (chapter and p.chapter != chapter):
            continue
        state = aggregate_status(p.id)
        if status is not None and state is not status:
            continue
        detail = status_of(p.id) if p.level is not Level.ARTICLE else None
        rows.append((p, state, detail))
    if as_json:
        for p, state, detail in rows:
            record: dict[str, object] = {
                "id": p.id,
                "citation_zh": p.cite_zh,
                "citation_en": p.cite_en,
                "status": state,
            }
            if detail:
                record |= {"rules": list(detail.rules), "reason": detail.reason}
            console.print_json(json.dumps(record, ensure_ascii=False), indent=None)
        return
    table = Table(title="《盐城市亭湖区政务信息化项目建设管理办法（试行）》 provisions", show_lines=False)
    for column in ("id", "citation", "status", "rules / reason"):
        table.add_column(column)
    for p, state, detail in rows:
        label = p.id if p.level is Level.ARTICLE else "  " + p.id
        why = "; ".join(part for part in (", ".join(detail.rules), detail.reason) if part) if detail else ""
        shown = f"{state or 'none'}" + (" (in part)" if detail and detail.rules and detail.reason else "")
        style = "bold" if p.level is Level.ARTICLE else ""
        table.add_row(label, p.cite_zh, f"[{_STATUS_STYLE[state]}]{shown}[/]", why, style=style)
    console.print(table)
    counts = {s: sum(1 for _, st, d in rows if d and st is s) for s in EncodingStatus}
    console.print(
        f"{sum(1 for p, _, _ in rows if p.level is Level.ARTICLE)} articles; paragraphs and items: "
        + ", ".join(f"{n} {s}" for s, n in counts.items())
    )
