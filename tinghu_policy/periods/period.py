"""Period lengths: working days, calendar days, months, years — frozen values with Chinese and English labels.

Counting follows 民法典 第二百零一条 (the start day is not counted) and 第二百零二条 (a month or year period
ends on the corresponding day); see :func:`tinghu_policy.periods.deadline`.
"""

from __future__ import annotations

from dataclasses import dataclass

from tinghu_policy.errors import PeriodError


def _check_length(kind: str, n: object) -> None:
    if type(n) is not int or n < 1:
        raise PeriodError(f"{kind}(n) needs a whole number n ≥ 1, got {n!r}")


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """``n`` working days (工作日, decision D2); never rolled over, the last day is always a working day."""

    n: int

    def __post_init__(self) -> None:
        _check_length("WorkingDays", self.n)

    @property
    def label_zh(self) -> str:
        return f"{self.n}个工作日"

    @property
    def label_en(self) -> str:
        return f"{self.n} working day{'s' if self.n > 1 else ''}"


@dataclass(frozen=True, slots=True)
class Days:
    """``n`` calendar days (日); the last day rolls over a rest day (民法典 第二百零三条, decision D4)."""

    n: int

    def __post_init__(self) -> None:
        _check_length("Days", self.n)

    @property
    def label_zh(self) -> str:
        return f"{self.n}日"

    @property
    def label_en(self) -> str:
        return f"{self.n} day{'s' if self.n > 1 else ''}"


@dataclass(frozen=True, slots=True)
class Months:
    """``n`` months (个月): ends on the corresponding day of the final month (民法典 第二百零二条, D3, D4)."""

    n: int

    def __post_init__(self) -> None:
        _check_length("Months", self.n)

    @property
    def label_zh(self) -> str:
        return f"{self.n}个月"

    @property
    def label_en(self) -> str:
        return f"{self.n} month{'s' if self.n > 1 else ''}"


@dataclass(frozen=True, slots=True)
class Years:
    """``n`` years (年): ends on the corresponding day of the final year (民法典 第二百零二条, D3, D4)."""

    n: int

    def __post_init__(self) -> None:
        _check_length("Years", self.n)

    @property
    def label_zh(self) -> str:
        return f"{self.n}年"

    @property
    def label_en(self) -> str:
        return f"{self.n} year{'s' if self.n > 1 else ''}"


Period = WorkingDays | Days | Months | Years
"""A period length that :func:`~tinghu_policy.periods.deadline` counts from a start day."""


@dataclass(frozen=True, slots=True)
class YearEnd:
    """每年年底前 (decision D6): a fixed date, 31 December of ``year``, not a period counted from an event."""

    year: int

    def __post_init__(self) -> None:
        if type(self.year) is not int or not 1 <= self.year <= 9999:
            raise PeriodError(f"YearEnd(year) needs a year 1–9999, got {self.year!r}")

    @property
    def label_zh(self) -> str:
        return f"{self.year}年年底前"

    @property
    def label_en(self) -> str:
        return f"before the end of {self.year}"
