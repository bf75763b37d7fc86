"""Escaping and small Markdown/HTML builders: every string from the data is shown as text, never as markup."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in "&<>\"'|*_[]`\\~#"})
"""HTML specials and the characters Markdown would read as markup, as numeric character references."""


def text(value: object) -> str:
    """``value`` as inline text safe in Markdown and HTML (table cells included); line breaks become ``<br>``."""
    escaped = str(value).replace("\r\n", "\n").translate(_ENTITIES)
    return escaped.replace("\n", "<br>")


def code(value: object) -> str:
    """``value`` as inline code."""
    return f"<code>{text(value)}</code>"


def ident(value: object, *, small: bool = False) -> str:
    """An identifier (a rule id, a field path, a file) as code that a narrow column breaks only after ``.``,
    ``_``, ``/`` or ``-``, never mid-word."""
    shown = text(value)
    for mark in (".", "&#95;", "/", "-", "&#91;"):
        shown = shown.replace(mark, mark + "<wbr>")
    css = "th-id th-id-small" if small else "th-id"
    return f'<code class="{css}">{shown}</code>'


def attr(value: object) -> str:
    """``value`` as an HTML attribute value (without the quotes)."""
    return html.escape(str(value), quote=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; headers and cells are already-safe inline HTML."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or "—" for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def fence(source: str, language: str = "python") -> str:
    """A fenced code block that no backtick run in ``source`` can close early."""
    longest = max((len(run) for run in _backtick_runs(source)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{language}\n{source.rstrip()}\n{marks}"


def _backtick_runs(source: str) -> Iterable[str]:
    run = ""
    for char in source:
        if char == "`":
            run += char
        elif run:
            yield run
            run = ""
    if run:
        yield run


def pre(value: str, css_class: str) -> str:
    """A preformatted block (hand-worked comments keep their alignment)."""
    return f'<pre class="{attr(css_class)}">{html.escape(value)}</pre>'
