"""What a day is under the official arrangement: its kind, whether it is a working day, its holiday name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DayKind(StrEnum):
    """The kind of a day in the State Council arrangement (decision D2)."""

    WORKDAY = "workday"
    """Monday–Friday, not a holiday."""
    WEEKEND = "weekend"
    """Saturday or Sunday, not arranged otherwise (公休日)."""
    PUBLIC_HOLIDAY = "public_holiday"
    """A rest day of a notice's holiday block (放假), including weekend and in-lieu (调休) days inside it."""
    MAKEUP_WORKDAY = "makeup_workday"
    """A weekend day the notice makes a working day (调休上班)."""


KINDS = tuple(DayKind)
"""The kinds in index order: a calendar's day index stores ``KINDS.index(kind)`` per day."""


@dataclass(frozen=True, slots=True)
class Special:
    """A day the arrangement makes a public holiday or a make-up working day."""

    kind: DayKind
    name_zh: str
    name_en: str | None
    in_lieu: bool
    source: str


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One day of a :class:`~tinghu_policy.periods.WorkCalendar`."""

    date: date
    kind: DayKind
    working: bool
    """A working day under the interpretation's working-day rule (D2)."""
    name_zh: str | None = None
    """The holiday (or, for a make-up working day, the holiday it makes up for), e.g. 国庆节."""
    name_en: str | None = None
    in_lieu: bool = False
    """A weekday given as rest in exchange for a make-up working day (调休)."""
    source: str | None = None
    """The data the day comes from; None for a provisional day beyond the data (D12)."""
    provisional: bool = False
    """Beyond the calendar data, read as weekends only (D12 ``provisional``)."""

    @property
    def label_zh(self) -> str:
        """E.g. 国庆节, 春节调休上班日, 周六, 工作日."""
        if self.kind is DayKind.PUBLIC_HOLIDAY:
            return self.name_zh or "节假日"
        if self.kind is DayKind.MAKEUP_WORKDAY:
            return f"{self.name_zh or ''}调休上班日"
        if self.kind is DayKind.WEEKEND:
            return WEEKDAY_ZH[self.date.weekday()]
        return "工作日"

    @property
    def label_en(self) -> str:
        """E.g. 国庆节 National Day, a make-up working day for 春节 Spring Festival, a Saturday."""
        name = " ".join(n for n in (self.name_zh, self.name_en) if n)
        if self.kind is DayKind.PUBLIC_HOLIDAY:
            return name or "a public holiday"
        if self.kind is DayKind.MAKEUP_WORKDAY:
            return f"a make-up working day for {name}" if name else "a make-up working day"
        if self.kind is DayKind.WEEKEND:
            return f"a {WEEKDAY_EN[self.date.weekday()]}"
        return "a working day"
