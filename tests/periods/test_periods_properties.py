"""Properties over the whole covered range, checked against chinese-calendar day by day (``support``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.errors import MonthEndClampError
from tinghu_policy.interpretation import (
    CalendarCoverage,
    CountingStart,
    Interpretation,
    MonthEnd,
    Rollover,
    WorkingDayRule,
)
from tinghu_policy.periods import (
    Days,
    Months,
    Period,
    Step,
    StepKind,
    WorkCalendar,
    WorkingDays,
    Years,
    deadline,
    is_working_day,
    period_limit,
    working_days_between,
)
from tinghu_policy.periods.reckoning import reckon

from .support import covered_days, official_working, official_working_days

MARGIN = 800  # days kept free before the end of the data: no period below reaches past it

working_days = st.builds(WorkingDays, st.integers(1, 40))
periods: st.SearchStrategy[Period] = st.one_of(
    working_days,
    st.builds(Days, st.integers(1, 120)),
    st.builds(Months, st.integers(1, 24)),
    st.builds(Years, st.integers(1, 2)),
)
interpretations = st.builds(
    Interpretation,
    counting_start=st.sampled_from(CountingStart),
    working_day=st.sampled_from(WorkingDayRule),
    last_day_rollover=st.sampled_from(Rollover),
    beyond_calendar_data=st.sampled_from(CalendarCoverage),
)


@given(covered_days(MARGIN), working_days)
@settings(max_examples=300)
def test_a_working_day_deadline_is_the_nth_working_day(start: date, period: WorkingDays) -> None:
    due = deadline(start, period).due
    assert official_working(due)
    assert official_working_days(start, due) == period.n
    assert working_days_between(start, due) == period.n


@given(covered_days(MARGIN), covered_days(MARGIN))
def test_working_days_between_counts_each_day(a: date, b: date) -> None:
    b = min(b, a + timedelta(days=60))
    assert working_days_between(a, b) == (official_working_days(a, b) if b > a else 0)


@given(covered_days(MARGIN), st.integers(0, 40), periods)
def test_deadlines_are_monotone_in_the_start(start: date, shift: int, period: Period) -> None:
    assert deadline(start, period).due <= deadline(start + timedelta(days=shift), period).due


@given(covered_days(MARGIN), working_days, st.integers(1, 20))
def test_working_day_deadlines_grow_strictly_with_n(start: date, period: WorkingDays, more: int) -> None:
    assert deadline(start, period).due < deadline(start, WorkingDays(period.n + more)).due


@given(covered_days(MARGIN), st.integers(1, 12), st.integers(1, 12))
def test_month_deadlines_are_monotone_in_n(start: date, n: int, more: int) -> None:
    assert deadline(start, Months(n)).due <= deadline(start, Months(n + more)).due


@given(
    covered_days(MARGIN),
    st.one_of(st.builds(Months, st.integers(1, 24)), st.builds(Days, st.integers(1, 120))),
)
@settings(max_examples=300)
def test_a_rolled_deadline_is_the_first_working_day_from_the_corresponding_day(
    start: date, period: Period
) -> None:
    corresponding = start + (
        relativedelta(months=period.n) if isinstance(period, Months) else relativedelta(days=period.n)
    )  # relativedelta clamps to the month end: 第二百零二条
    due = deadline(start, period).due
    assert due >= corresponding
    assert period_limit(start, period).due == corresponding
    assert official_working(due)
    rest = [corresponding + timedelta(days=i) for i in range((due - corresponding).days)]
    assert not any(official_working(day) for day in rest)  # empty when the corresponding day is working


@given(covered_days(MARGIN), periods, interpretations, st.booleans())
@settings(max_examples=300)
def test_the_explanation_reruns_the_same_computation(
    start: date, period: Period, interp: Interpretation, limit: bool
) -> None:
    """The hot path (no record) and the explaining path (with a record) agree, for every interpretation."""
    compute = period_limit if limit else deadline
    result = compute(start, period, interpretation=interp)
    record: list[Step] = []
    assert reckon(start, period, WorkCalendar.default(), interp, limit, record) == (result.due, ())
    assert record == list(result.steps)
    assert record[-1].kind is StepKind.END
    assert result.explanation_en.endswith(".")


@given(covered_days(MARGIN), periods)
def test_d1b_is_never_earlier_and_changes_nothing_on_a_working_day(start: date, period: Period) -> None:
    d1b = Interpretation(counting_start=CountingStart.NEXT_WORKING_DAY)
    plain, deemed = deadline(start, period).due, deadline(start, period, interpretation=d1b).due
    assert deemed >= plain
    if is_working_day(start):
        assert deemed == plain


@given(covered_days(MARGIN), periods)
def test_month_end_raise_refuses_exactly_the_clamped_cases(start: date, period: Period) -> None:
    clamps = False  # 第二百零二条: no corresponding day when relativedelta had to clamp the day of month
    if isinstance(period, Months):
        clamps = (start + relativedelta(months=period.n)).day != start.day
    elif isinstance(period, Years):
        clamps = (start + relativedelta(years=period.n)).day != start.day
    clamped = deadline(start, period)
    assert any(s.kind is StepKind.MONTH_END_CLAMP for s in clamped.steps) == clamps
    refusing = Interpretation(month_end=MonthEnd.RAISE)
    if clamps:
        with pytest.raises(MonthEndClampError) as caught:
            deadline(start, period, interpretation=refusing)
        assert caught.value.month_end == period_limit(start, period).due
    else:
        assert deadline(start, period, interpretation=refusing) == clamped


@given(covered_days(MARGIN), periods)
def test_provisional_mode_changes_nothing_inside_the_data(start: date, period: Period) -> None:
    provisional = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)
    result = deadline(start, period, interpretation=provisional)
    assert (result.due, result.provisional) == (deadline(start, period).due, False)
