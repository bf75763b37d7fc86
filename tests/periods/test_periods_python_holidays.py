"""Cross-check against python-holidays, an independent transcription of the State Council notices.

python-holidays exposes the arrangement as ``holidays.China(years=…)`` (``country_holidays("CN", …)``): the
dict holds the weekday rest days,
``weekend_workdays`` the make-up working days, and ``is_working_day(d)`` combines both with the weekend.

Disagreements of chinese-calendar 1.11.0 with python-holidays 0.109 over 2004–2026, each settled:

* 2005-12-31 (Saturday): chinese-calendar rest, python-holidays working. The 2006 notice
  (国办发明电〔2005〕35号) says "12月31日（星期六）上班": python-holidays is right; shipped as a built-in
  correction (``tinghu_policy/periods/corrections.py``).

After the corrections the library agrees with python-holidays on every covered day, so no difference is
documented as a python-holidays one (``PYTHON_HOLIDAYS_DIFFERENCES`` is empty). A new disagreement (e.g. after
upgrading either package) fails these tests until it is settled from the notice and added to one of the lists.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from tinghu_policy.periods import CORRECTIONS, DayKind, WorkCalendar

from .support import FIRST_YEAR, LAST_YEAR

PYTHON_HOLIDAYS_DIFFERENCES: dict[date, str] = {}
"""Days where python-holidays is wrong per the notice, with the reason (none known)."""


@pytest.fixture(scope="module")
def python_holidays() -> holidays.HolidayBase:
    return holidays.country_holidays("CN", years=range(FIRST_YEAR, LAST_YEAR + 1))


def covered_days() -> list[date]:
    first = date(FIRST_YEAR, 1, 1)
    return [first + timedelta(days=i) for i in range((date(LAST_YEAR, 12, 31) - first).days + 1)]


def test_chinese_calendar_and_python_holidays_disagree_only_where_corrected(
    python_holidays: holidays.HolidayBase,
) -> None:
    disagreements = {
        day
        for day in covered_days()
        if chinese_calendar.is_workday(day) != python_holidays.is_working_day(day)
    }
    assert disagreements == {c.date for c in CORRECTIONS} | set(PYTHON_HOLIDAYS_DIFFERENCES)


def test_the_corrected_calendar_agrees_with_python_holidays_on_every_day(
    python_holidays: holidays.HolidayBase,
) -> None:
    calendar = WorkCalendar.default()
    disagreements = {
        day for day in covered_days() if calendar.day(day).working != python_holidays.is_working_day(day)
    }
    assert disagreements == set(PYTHON_HOLIDAYS_DIFFERENCES)


def test_make_up_days_and_weekday_holidays_match(python_holidays: holidays.HolidayBase) -> None:
    calendar = WorkCalendar.default()
    kinds = {day: calendar.day(day).kind for day in covered_days()}
    makeup = {day for day, kind in kinds.items() if kind is DayKind.MAKEUP_WORKDAY}
    weekday_rest = {
        day for day, kind in kinds.items() if kind is DayKind.PUBLIC_HOLIDAY and day.weekday() < 5
    }
    assert makeup == {d for d in python_holidays.weekend_workdays if FIRST_YEAR <= d.year <= LAST_YEAR}
    assert weekday_rest == {d for d in python_holidays if d.weekday() < 5}
