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


def rendered_zh(note: Note | None) -> str:
    return render(note)[0]


def rendered_en(note: Note | None) -> str:
    return render(note)[1]


def joined(sep_zh: str, sep_en: str, *notes: Note | None) -> Text:
    """The notes' texts joined, each language with its separator (empty notes left out only if both texts are)."""
    texts = [render(n) for n in notes]
    return sep_zh.join(t[0] for t in texts), sep_en.join(t[1] for t in texts)


def concat(*notes: Note | None) -> Text:
    """The notes' texts one after the other."""
    texts = [render(n) for n in notes]
    return "".join(t[0] for t in texts), "".join(t[1] for t in texts)


def stripped_then(note: Note | None, strip_zh: str, strip_en: str, more: Note | None) -> Text:
    """``note`` with ``strip_zh``/``strip_en`` characters stripped from its end (``str.rstrip``), then ``more``."""
    zh, en = render(note)
    more_zh, more_en = render(more)
    return zh.rstrip(strip_zh) + more_zh, en.rstrip(strip_en) + more_en


def unsuffixed_then(note: Note | None, suffix_zh: str, suffix_en: str, more: Note | None) -> Text:
    """``note`` without the suffix ``suffix_zh``/``suffix_en`` (``str.removesuffix``), then ``more``."""
    zh, en = render(note)
    more_zh, more_en = render(more)
    return zh.removesuffix(suffix_zh) + more_zh, en.removesuffix(suffix_en) + more_en
