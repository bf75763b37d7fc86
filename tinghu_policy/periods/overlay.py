"""Calendar overlays: one year's working-day arrangement, from its State Council notice, as YAML or JSON.

chinese-calendar only knows the years whose notice it has shipped (decision D12). An overlay supplies one
more year, or replaces a year, citing the notice. It lists the holiday blocks as the notice words them
("10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。")::

    year: 2026
    notice:
      title: 国务院办公厅关于2026年部分节假日安排的通知   # without 《》
      number: null                                       # document number (发文字号), only if known
      issued: 2025-11-04                                 # the date the notice is dated
      url: https://…                                     # optional
    holidays:
      - name_zh: 国庆节
        name_en: National Day                            # optional
        first: 2026-10-01                                # first rest day of the block
        last: 2026-10-07                                 # last rest day of the block
        in_lieu: [2026-10-06, 2026-10-07]                # optional: weekdays off in exchange (调休)
        makeup_workdays: [2026-09-20, 2026-10-10]        # optional: weekend days worked (上班)

Every day from ``first`` to ``last`` is a rest day; every other day of the year is a working day
Monday–Friday and a rest day at weekends. Unknown fields are refused; every date must lie in ``year``; a day
may belong to one block only and cannot be both a rest day and a make-up working day; make-up days must be
weekend days and in-lieu days weekdays inside their block. The file is read like every other input
(:mod:`tinghu_policy.yaml_input`: bounded, no aliases or tags, dates exactly ``YYYY-MM-DD``). A worked example
and the rules for adding a year are in ``examples/calendar-overlays/``.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from tinghu_policy.errors import CalendarOverlayError
from tinghu_policy.periods.days import DayKind, Special
from tinghu_policy.periods.notice import Day, Notice

_MODEL = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)


class HolidayBlock(BaseModel):
    """One holiday of the notice: a block of rest days and the weekend days worked in exchange."""

    model_config = _MODEL

    name_zh: str = Field(min_length=1, description="The holiday as the notice names it, e.g. 国庆节.")
    name_en: str | None = Field(None, min_length=1, description="English name, e.g. National Day.")
    first: Day = Field(description="First rest day of the block.")
    last: Day = Field(description="Last rest day of the block (inclusive).")
    in_lieu: tuple[Day, ...] = Field(
        (), description="Weekdays inside the block given as rest in exchange (调休)."
    )
    makeup_workdays: tuple[Day, ...] = Field((), description="Weekend days worked in exchange (调休上班).")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.last < self.first:
            raise ValueError(f"{self.name_zh}: last {self.last} is before first {self.first}")
        for day in self.in_lieu:
            if not self.first <= day <= self.last or day.weekday() >= 5:
                raise ValueError(
                    f"{self.name_zh}: in-lieu day {day} must be a weekday between first and last"
                )
        for day in self.makeup_workdays:
            if day.weekday() < 5:
                raise ValueError(f"{self.name_zh}: make-up working day {day} is not a Saturday or Sunday")
        return self

    def rest_days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]


class CalendarOverlay(BaseModel):
    """One year's working-day arrangement, citing its State Council notice (format: module docstring)."""

    model_config = _MODEL

    year: StrictInt = Field(ge=1, le=9999)
    notice: Notice
    holidays: tuple[HolidayBlock, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_kind_per_day(self) -> Self:
        seen: dict[date, str] = {}
        for block in self.holidays:
            days = [(d, "rest day") for d in block.rest_days()]
            days += [(d, "make-up working day") for d in block.makeup_workdays]
            for day, what in days:
                if day.year != self.year:
                    raise ValueError(f"{block.name_zh}: {day} is not in {self.year}")
                if day in seen:
                    raise ValueError(f"{day} is listed twice: {seen[day]} and {block.name_zh} {what}")
                seen[day] = f"{block.name_zh} {what}"
        return self

    def specials(self) -> dict[date, Special]:
        """The year's public holidays and make-up working days."""
        source = f"overlay {self.notice.citation}"
        out: dict[date, Special] = {}
        for block in self.holidays:
            for day in block.rest_days():
                out[day] = Special(
                    DayKind.PUBLIC_HOLIDAY, block.name_zh, block.name_en, day in block.in_lieu, source
                )
            for day in block.makeup_workdays:
                out[day] = Special(DayKind.MAKEUP_WORKDAY, block.name_zh, block.name_en, False, source)
        return out


def load_overlay(path: str | os.PathLike[str]) -> CalendarOverlay:
    """Read and validate an overlay file (``.yaml``/``.yml`` or ``.json``) with the library's one reader
    (:mod:`tinghu_policy.yaml_input`: at most 2,000,000 bytes, strict UTF-8, no anchors, aliases or tags, duplicate
    keys refused); errors name the file, the line and the field."""
    from pydantic import ValidationError

    from tinghu_policy.yaml_input import InputError, decode, describe, load_document, read_file

    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        raise CalendarOverlayError(f"{file}: a calendar overlay is a .yaml, .yml or .json file")
    try:
        text = decode(read_file(file), str(file))
        data, lines = load_document(text, str(file), "json" if suffix == ".json" else "yaml")
    except InputError as exc:
        raise CalendarOverlayError(f"not a valid calendar overlay: {exc}") from None
    try:
        return CalendarOverlay.model_validate(data)
    except ValidationError as exc:
        raise CalendarOverlayError(
            f"not a valid calendar overlay: {describe(exc, str(file), lines)}"
        ) from None
