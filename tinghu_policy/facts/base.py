"""Building blocks of the facts models: frozen, unknown fields refused, exact money, legal dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Optional, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.isodate import ISO_DATE
from tinghu_policy.periods import to_legal_date

_STRICT_BOOL: dict[object, object] = {
    "bool": StrictBool,
    "bool | None": Optional[StrictBool],  # noqa: UP045  (an object for pydantic, not an annotation)
}


class Facts(BaseModel):
    """Base of every facts model: immutable; an unknown field is an error that names it.

    A yes/no field takes ``true`` or ``false`` only (schemas/README.md, "Conventions"): ``"yes"``, ``"true"``,
    ``1`` or YAML 1.1's ``on`` are refused naming the field, never read as a boolean. Each subclass's ``bool``
    annotations are made strict when the class is created (:meth:`__init_subclass__`), so no field can forget it.
    ``model_validate_json`` reads with the library's one JSON parser (:func:`tinghu_policy.yaml_input.load_json`):
    a duplicate key, ``NaN`` or invalid UTF-8 is a :class:`~pydantic.ValidationError`, and a number is exact.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_default=False, str_strip_whitespace=True, defer_build=True
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # the class's own annotations, changed in place before pydantic reads them (get_annotations gives a copy)
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
        for name, annotation in list(annotations.items()):
            strict = _STRICT_BOOL.get(annotation) if isinstance(annotation, str) else None
            if strict is not None:
                annotations[name] = strict
        super().__init_subclass__(**kwargs)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """Validate a JSON document read by the library's strict JSON parser (duplicate keys, ``NaN``,
        ``Infinity`` and invalid UTF-8 refused as ``json_invalid``; numbers exact)."""
        from tinghu_policy.yaml_input import json_data_or_error

        return cls.model_validate(json_data_or_error(cls.__name__, json_data), **kwargs)


_ISO_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}")


def _legal_date(value: Any) -> date:
    """A date, an ISO ``YYYY-MM-DD`` string, or a timezone-aware timestamp (converted to its Shanghai date, D14)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            if ISO_DATE.fullmatch(text):
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
        day = to_legal_date(value)
    except TinghuPolicyError as exc:
        raise ValueError(str(exc)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"{day} is outside the years a fact can be dated ({FIRST_YEAR}–{LAST_YEAR}): check the year"
        )
    return day


FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years a fact's date may fall in, as a budget or report year: a date outside is a typing error (9999-12-31,
0025-11-28), refused naming the field rather than carried into a period that ends beyond the calendar."""

LegalDate = Annotated[date, BeforeValidator(_legal_date)]
"""A calendar date in Asia/Shanghai (D14), in the years 2000–2100. Integers and naive timestamps are refused, never
guessed."""


def _exact_amount(value: Any) -> Any:
    """An amount is a decimal string, an integer or a ``Decimal``; a binary float is refused: ``0.1`` is not
    exactly a tenth, and the facts must be exact to the fen (a JSON or YAML number is read as a ``Decimal`` from
    its text, so files are unaffected)."""
    if isinstance(value, float):
        raise ValueError(
            f"{value!r} is a binary floating-point number, which is not exact: write the amount as a decimal "
            f'string, e.g. "{value:.2f}"'
        )
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_exact_amount),
    Field(
        ge=0, max_digits=16, decimal_places=2, allow_inf_nan=False, description="元 (yuan), exact to the fen"
    ),
]
"""An amount in 元: exact ``Decimal``, non-negative, at most two decimal places; NaN, Infinity and Python floats
refused (a decimal string, an integer, a ``Decimal``, or a JSON/YAML number read from its text)."""

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
