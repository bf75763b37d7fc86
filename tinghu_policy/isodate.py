"""The one spelling of a date the library reads: ``YYYY-MM-DD`` (schemas/README.md, "Conventions").

Python's :meth:`date.fromisoformat` also reads the basic format (``20250101``) and ISO weeks (``2025W011`` is
2024-12-30), and pydantic reads a number of seconds (``"1735689600"``); a mistyped date would then be an answer
about another day. Every date in a file, an option or the API goes through :func:`iso_date` instead. No imports
beyond the standard library: the facts, the interpretation and the calendar overlays all use it.
"""

from __future__ import annotations

import re
from datetime import date

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""``YYYY-MM-DD``, ASCII digits only."""


def iso_date(text: str) -> date:
    """``text`` (surrounding blanks ignored) as a date; :class:`ValueError` unless it is exactly ``YYYY-MM-DD``
    and a real day."""
    stripped = text.strip()
    if ISO_DATE.fullmatch(stripped):
        try:
            return date.fromisoformat(stripped)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date ({exc})") from None
    raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD)")


def exact_date(value: object) -> object:
    """A pydantic before-validator: a string must be exactly ``YYYY-MM-DD`` (:func:`iso_date`) and a number is
    refused (not read as seconds since 1970); any other value is left to the field's own type."""
    if isinstance(value, str):
        return iso_date(value)
    if isinstance(value, int | float):
        raise ValueError(f"{value!r} is a number, not a date (write YYYY-MM-DD)")
    return value
