"""Shared test helpers: an independent oracle for working days, taken from chinese-calendar directly."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
from hypothesis import strategies as st

from tinghu_policy.periods import CORRECTIONS, DayKind

CORRECTED = {c.date: c.kind is DayKind.MAKEUP_WORKDAY for c in CORRECTIONS}
"""The built-in corrections as date → working, the only place the oracle follows the library."""

FIRST_YEAR = min(d.year for d in chinese_calendar.holidays)
LAST_YEAR = max(d.year for d in chinese_calendar.holidays)
FIRST_UNCOVERED_YEAR = LAST_YEAR + 1
"""Found from the installed chinese-calendar's data, never hard-coded (1.11.0: 2027)."""


def official_working(day: date) -> bool:
    """Whether ``day`` is a working day: chinese-calendar's answer, corrections applied."""
    if day in CORRECTED:
        return CORRECTED[day]
    return bool(chinese_calendar.is_workday(day))


def official_working_days(after: date, until: date) -> int:
    """Working days in ``(after, until]``, counted one by one."""
    return sum(official_working(after + timedelta(days=i)) for i in range(1, (until - after).days + 1))


def covered_days(margin: int = 0) -> st.SearchStrategy[date]:
    """Days of the covered years, leaving ``margin`` days before the end of the data."""
    return st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31) - timedelta(days=margin))
