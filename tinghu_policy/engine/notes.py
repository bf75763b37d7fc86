"""Notes as data: what a verdict says in words, rendered only when a reader reads it.

A rule's verdict carries its note as a :data:`Note`, never as text: either the two texts themselves, ``(zh, en)``
(a constant, built once), or a wording function with the data it words, ``(function, *data)``, which
:func:`render` calls when the note is read — in the report, an explanation, a table — and never in a batch line.
The wording functions of the engine's helpers are here; a rule module's are in
:mod:`tinghu_policy.rules.wording`, beside nothing but other words. Rendering gives exactly the text the note
stands for: a wording function is the f-string it replaced, moved, not rewritten.
"""

from __future__ import annotations

from typing import Any

Text = tuple[str, str]
"""A text in Chinese and in English."""

Note = tuple[Any, ...]
"""``(zh, en)``, or ``(wording_function, *data)`` rendered by ``wording_function(*data)``; ``()``: no note."""

NO_NOTE: Text = ("", "")


def render(note: Note | None) -> Text:
    """The note's Chinese and English texts."""
    if not note:
        return NO_NOTE
    head = note[0]
    if head.__class__ is str:
        return note  # (zh, en)
    made: Text = head(*note[1:])
    return made


def stripped_then(note: Note | None, strip_zh: str, strip_en: str, more: Note | None) -> Text:
    """``note`` with ``strip_zh``/``strip_en`` characters stripped from its end (``str.rstrip``), then ``more``."""
    zh, en = render(note)
    more_zh, more_en = render(more)
    return zh.rstrip(strip_zh) + more_zh, en.rstrip(strip_en) + more_en
