"""``tinghu-policy show`` and ``tinghu-policy provisions``: the regulation's text, citations and encoding status.

A provision is named by its id in any case (``art11.p1.i2``, ``ART11.P1.I2``, ``ch3``) or by its citation as a legal
reader writes it: ``第十一条``, ``第十一条第一款第（二）项`` (half-width brackets and Arabic numbers too:
``第11条第1款第(2)项``), ``第三章``, or in English ``Art. 11(1)(ii)``, ``Chapter 3`` (:func:`resolve_provision`).
"""

from __future__ import annotations

import json
import re

import click
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from tinghu_policy.cli.app import app, console
from tinghu_policy.cli.render import is_narrow, print_wrapped, printable, wrap
from tinghu_policy.errors import UnknownProvisionError
from tinghu_policy.provisions import Level, Provision, provision, registry
from tinghu_policy.provisions.status import EncodingStatus, aggregate_status, status_of

_STATUS_STYLE = {
    EncodingStatus.ENCODED: "green",
    EncodingStatus.NOT_COMPUTABLE: "dim",
    EncodingStatus.PENDING: "yellow",
    None: "red",
}

_N = r"[0-9〇零一二三四五六七八九十百两]+"
_CITATION = re.compile(
    rf"第(?P<article>{_N})条(?:第(?P<paragraph>{_N})款)?(?:第?[（(](?P<item>{_N})[）)]项?|第(?P<item_plain>{_N})项)?"
)
_CHAPTER = re.compile(rf"第(?P<chapter>{_N})章|chapter(?P<english>\d+)", re.IGNORECASE)
_ENGLISH = re.compile(
    r"art(?:icle)?\.?(?P<article>\d+)(?:\((?P<paragraph>\d+)\))?(?:\((?P<item>[ivxl]+)\))?", re.IGNORECASE
)
_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _number(text: str) -> int:
    """11 / 十一 / 四十 / 一百零五 → the number."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char == "百":
            total += (digit or 1) * 100
            digit = None
        elif char == "十":
            total += (digit or 1) * 10
            digit = None
        else:
            digit = _DIGITS[char]
    return total + (digit or 0)


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def resolve_provision(text: str) -> str:
    """The provision id ``text`` names: an id in any case, a Chinese citation or an English one.

    An item cited without its paragraph (``第十一条第（二）项``) is found when only one paragraph of the article has
    such an item. :class:`~tinghu_policy.errors.UnknownProvisionError` (with near ids) when nothing matches.
    """
    given = text
    text = re.sub(r"[\s\u3000]+", "", text)
    ids = registry()
    if text.lower() in ids:
        return text.lower()
    match = _CITATION.fullmatch(text)
    if match is not None:
        item = match["item"] or match["item_plain"]
        return _cited(
            given,
            _number(match["article"]),
            _number(match["paragraph"]) if match["paragraph"] else None,
            _number(item) if item else None,
        )
    match = _ENGLISH.fullmatch(text)
    if match is not None:
        return _cited(
            given,
            int(match["article"]),
            int(match["paragraph"]) if match["paragraph"] else None,
            _roman(match["item"]) if match["item"] else None,
        )
    match = _CHAPTER.fullmatch(text)
    if match is not None and f"ch{_number(match['chapter'] or match['english'])}" in ids:
        return f"ch{_number(match['chapter'] or match['english'])}"
    raise UnknownProvisionError(given, ids.suggest(text.lower()))


def _cited(given: str, article: int, paragraph: int | None, item: int | None) -> str:
    ids = registry()
    article_id = f"art{article}"
    if article_id not in ids:
        raise UnknownProvisionError(given, [])
    if paragraph is None and item is None:
        return article_id
    if paragraph is not None:
        wanted = f"{article_id}.p{paragraph}" + (f".i{item}" if item is not None else "")
        if wanted not in ids:
            raise UnknownProvisionError(given, [p.id for p in ids.descendants(article_id)])
        return wanted
    holding = [p.id for p in ids.children(article_id) if f"{p.id}.i{item}" in ids]
    if len(holding) == 1:
        return f"{holding[0]}.i{item}"
    raise UnknownProvisionError(
        given, [f"{p}.i{item}" for p in holding] or [p.id for p in ids.descendants(article_id)]
    )


@app.command()
@click.argument("provision_id", metavar="PROVISION")
def show(provision_id: str) -> None:
    """Show a provision: its citation, official text, corrections and encoding status.

    PROVISION is an id (art11.p1.i2, art26, ch3 — in any case) or a citation: 第十一条第一款第（二）项, 第二十六条,
    第三章, Art. 11(1)(ii).
    """
    p = provision(resolve_provision(provision_id))
    console.print(
        Text.assemble(
            (p.cite_zh, "bold"),
            f"  {p.cite_en}  ",
            (f"({p.id})" if p.level is Level.CHAPTER else f"({p.id}, {p.chapter})", "dim"),
        ),
        soft_wrap=True,
    )
    print_wrapped(console, p.text)
    for erratum in registry().errata(p.id):
        print_wrapped(
            console,
            f"勘误 erratum {erratum.id} ({erratum.kind}): {erratum.original!r} → {erratum.corrected!r}",
            subsequent="  ",
            style="dim",
        )
    status = aggregate_status(p.id)
    line = Text("status: ")
    line.append(str(status or "none"), style=_STATUS_STYLE[status])
    console.print(line, soft_wrap=True)
    if p.level in (Level.PARAGRAPH, Level.ITEM):
        detail = status_of(p.id)
        if detail.rules:
            print_wrapped(console, "rules: " + ", ".join(detail.rules), subsequent="  ")
        if detail.reason:
            print_wrapped(console, "理由：" + detail.reason_zh, subsequent="  ")
            print_wrapped(console, "reason: " + detail.reason, subsequent="  ", style="dim")


@app.command("provisions")
@click.option(
    "--status",
    "status_name",
    type=click.Choice([s.value for s in EncodingStatus]),
    help="Only provisions with this status.",
)
@click.option("--chapter", help="Only this chapter, e.g. ch3 (or 第三章).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def list_provisions(status_name: str | None, chapter: str | None, as_json: bool) -> None:
    """List every article, paragraph and item with its citation and encoding status.

    A terminal narrower than 110 columns, a pipe or a CI log gets one line per provision (id, citation, status)
    with the rules and the reason below it: ids are never broken or shortened.
    """
    status = EncodingStatus(status_name) if status_name else None
    if chapter is not None:
        chapter = resolve_provision(chapter)
    rows: list[tuple[Provision, EncodingStatus | None]] = []
    for p in registry():
        if p.level is Level.CHAPTER or (chapter and p.chapter != chapter):
            continue
        state = aggregate_status(p.id)
        if status is not None and state is not status:
            continue
        rows.append((p, state))
    if as_json:
        for p, state in rows:
            record: dict[str, object] = {
                "id": p.id,
                "citation_zh": p.cite_zh,
                "citation_en": p.cite_en,
                "status": state,
            }
            if p.level is not Level.ARTICLE:
                detail = status_of(p.id)
                record |= {
                    "rules": list(detail.rules),
                    "reason": detail.reason,
                    "reason_zh": detail.reason_zh,
                }
            console.print_json(json.dumps(record, ensure_ascii=False), indent=None)
        return
    title = "《盐城市亭湖区政务信息化项目建设管理办法（试行）》 provisions"
    if is_narrow(console):
        _print_compact(title, rows)
    else:
        _print_table(title, rows)
    counts = {s: sum(1 for p, st in rows if p.level is not Level.ARTICLE and st is s) for s in EncodingStatus}
    print_wrapped(
        console,
        f"{sum(1 for p, _ in rows if p.level is Level.ARTICLE)} articles; paragraphs and items: "
        + ", ".join(f"{n} {s}" for s, n in counts.items()),
    )


def _shown_status(p: Provision, state: EncodingStatus | None) -> str:
    if p.level is Level.ARTICLE:
        return str(state or "none")
    detail = status_of(p.id)
    return f"{state or 'none'}" + (" (in part)" if detail.rules and detail.reason else "")


def _print_table(title: str, rows: list[tuple[Provision, EncodingStatus | None]]) -> None:
    table = Table(title=title, show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("citation", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("rules / reason", ratio=1)
    for p, state in rows:
        label = p.id if p.level is Level.ARTICLE else "  " + p.id
        why = ""
        if p.level is not Level.ARTICLE:
            detail = status_of(p.id)
            why = "; ".join(part for part in (", ".join(detail.rules), detail.reason) if part)
        style = "bold" if p.level is Level.ARTICLE else ""
        table.add_row(
            label, p.cite_zh, Text(_shown_status(p, state), style=_STATUS_STYLE[state]), why, style=style
        )
    console.print(table)


def _print_compact(title: str, rows: list[tuple[Provision, EncodingStatus | None]]) -> None:
    """One line per provision — id, citation, status, aligned — then its rules and the reason, wrapped."""
    print_wrapped(console, title, style="bold")
    id_width = max((len(p.id) + (0 if p.level is Level.ARTICLE else 2) for p, _ in rows), default=0)
    cite_width = max((cell_len(p.cite_zh) for p, _ in rows), default=0)
    for p, state in rows:
        label = p.id if p.level is Level.ARTICLE else "  " + p.id
        line = Text(label.ljust(id_width) + "  ", style="bold" if p.level is Level.ARTICLE else "")
        line.append(p.cite_zh + " " * (cite_width - cell_len(p.cite_zh)) + "  ")
        line.append(_shown_status(p, state), style=_STATUS_STYLE[state])
        console.print(line, soft_wrap=True)
        if p.level is Level.ARTICLE:
            continue
        detail = status_of(p.id)
        if detail.rules:
            for text in wrap(", ".join(detail.rules), console.width, indent="      "):
                console.print(Text(text, style="dim"), soft_wrap=True)
        if detail.reason:
            print_wrapped(console, printable(detail.reason, lines=True), indent="      ", style="dim")
