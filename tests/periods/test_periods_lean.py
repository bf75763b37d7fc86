"""The lean working-day entry point: ``working_days_after(d, n)`` is ``deadline(d, WorkingDays(n)).due``."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.errors import CalendarCoverageError, LegalDateError, PeriodError
from tinghu_policy.periods import WorkCalendar, WorkingDays, deadline, working_days_after

from .support import FIRST_YEAR, LAST_YEAR, official_working, official_working_days

around_the_data = st.dates(date(FIRST_YEAR - 1, 11, 1), date(LAST_YEAR + 1, 2, 28))
"""The covered years and two months on either side: the answers, and the errors beyond the data."""


def _answer(call: object) -> object:
    try:
        return call()  # type: ignore[operator]
    except CalendarCoverageError as gap:
        return ("beyond", gap.year, str(gap))


@given(around_the_data, st.integers(1, 40))
@settings(max_examples=1500)
def test_it_answers_as_deadline_does(start: date, n: int) -> None:
    assert _answer(lambda: working_days_after(start, n)) == _answer(
        lambda: deadline(start, WorkingDays(n)).due
    )


@given(st.dates(date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 10, 31)), st.sampled_from((5, 10, 15)))
def test_it_is_the_nth_official_working_day_after_the_start(start: date, n: int) -> None:
    due = working_days_after(start, n)
    assert official_working(due)
    assert official_working_days(start, due) == n


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (date(2025, 9, 27), 5, date(2025, 10, 10)),  # a make-up Saturday start, the National Day week skipped
        (date(2025, 9, 26), 1, date(2025, 9, 28)),  # the make-up Sunday is a working day
        (date(2005, 12, 30), 1, date(2005, 12, 31)),  # a make-up working day by the built-in correction
    ],
)
def test_worked_examples(start: date, n: int, due: date) -> None:
    assert working_days_after(start, n) == due == deadline(start, WorkingDays(n)).due


def test_beyond_the_data_it_names_the_year_and_how_to_supply_it() -> None:
    last = WorkCalendar.default().covered[1]
    with pytest.raises(CalendarCoverageError) as raised:
        working_days_after(date(last, 12, 24), 10)
    assert raised.value.year == last + 1
    message = str(raised.value)
    assert f"no official working-day arrangement for {last + 1}" in message
    assert "--calendar-overlay" in message
    assert "statutory_estimate" in message


def test_bad_input_gets_the_errors_of_deadline() -> None:
    with pytest.raises(PeriodError, match="whole number n ≥ 1, got 0"):
        working_days_after(date(2025, 3, 3), 0)
    with pytest.raises(PeriodError, match="got True"):
        working_days_after(date(2025, 3, 3), True)
    with pytest.raises(LegalDateError):
        working_days_after("2025-03-03", 5)  # type: ignore[arg-type]


def test_an_aware_timestamp_is_its_shanghai_date() -> None:
    late_evening_utc = datetime(2025, 9, 26, 17, 0, tzinfo=UTC)  # 2025-09-27 01:00 in Shanghai
    assert working_days_after(late_evening_utc, 5) == working_days_after(date(2025, 9, 27), 5)
    assert working_days_after(late_evening_utc, 5) == deadline(late_evening_utc, WorkingDays(5)).due
