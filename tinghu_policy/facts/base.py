"""Building blocks of the facts models: frozen, unknown fields refused, exact money, legal dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.periods import to_legal_date


class Facts(BaseModel):
    """Base of every facts model: immutable; an unknown field is an error that names it."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False, str_strip_whitespace=True)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _legal_date(value: Any) -> date:
    """A date, an ISO ``YYYY-MM-DD`` string, or a timezone-aware timestamp (converted to its Shanghai date, D14)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            if _ISO_DATE.fullmatch(text):
                value = date.fromisoformat(text)
            elif _ISO_TIMESTAMP.match(text):
                value = datetime.fromisoformat(text)
            else:
                raise ValueError(text)
        except ValueError:
            raise ValueError(f"{value!r} is not a date (write YYYY-MM-DD)") from None
    if not isinstance(value, date):
        raise ValueError(f"expected a date (YYYY-MM-DD), got {type(value).__name__} {value!r}")
    try:
        return to_legal_date(value)
    except TinghuPolicyError as exc:
        raise ValueError(str(exc)) from None


LegalDate = Annotated[date, BeforeValidator(_legal_date)]
"""A calendar date in Asia/Shanghai (D14). Integers and naive timestamps are refused, never guessed."""

Money = Annotated[
    Decimal,
    Field(
        ge=0, max_digits=16, decimal_places=2, allow_inf_nan=False, description="元 (yuan), exact to the fen"
    ),
]
"""An amount in 元: exact ``Decimal``, non-negative, at most two decimal places; NaN and Infinity refused."""

Dated = tuple[str, date | None]
"""A fact's path and its date (None when not given)."""


def require_order(*chains: tuple[Dated, ...]) -> None:
    """Refuse an answer dated before what it answers: in each chain, no given date precedes an earlier one.

    Every pair of a chain is compared, not only neighbours, so a missing fact in between hides nothing.
    """
    for chain in chains:
        for n, (earlier, first) in enumerate(chain):
            for later, then in chain[n + 1 :]:
                if first is not None and then is not None and then < first:
                    raise ValueError(f"{later} ({then}) is before {earlier} ({first})")
