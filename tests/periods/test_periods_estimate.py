"""D12 ``statutory_estimate``: beyond the data, weekends plus the statutory holidays, every result provisional
and naming the years; inside the data nothing changes. The worked cases pretend 2026 is the last year published
(``published_until``), so they hold whatever chinese-calendar release is installed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.errors import CalendarCoverageError, CalendarOverlayError
from tinghu_policy.interpretation import (
    DEFAULT_INTERPRETATION,
    CalendarCoverage,
    Interpretation,
    Rollover,
    WorkingDayRule,
)
from tinghu_policy.periods import (
    DayKind,
    Days,
    Months,
    Period,
    StepKind,
    WorkCalendar,
    WorkingDays,
    Years,
    deadline,
    is_working_day,
    period_limit,
    working_days_between,
    year_end,
)
from tinghu_policy.periods import calendar as calendar_module
from tinghu_policy.periods.statutory import HORIZON

from .support import FIRST_YEAR, LAST_YEAR, covered_days

ESTIMATE = Interpretation(beyond_calendar_data=CalendarCoverage.STATUTORY_ESTIMATE)
WEEKENDS = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)
KNOWN = WorkCalendar.default().published_until(2026)
"""The data as it stood before the 2027 notice."""

periods: st.SearchStrategy[Period] = st.one_of(
    st.builds(WorkingDays, st.integers(1, 40)),
    st.builds(Days, st.integers(1, 120)),
    st.builds(Months, st.integers(1, 24)),
    st.builds(Years, st.integers(1, 2)),
)


def test_the_default_is_still_an_error() -> None:
    assert DEFAULT_INTERPRETATION.beyond_calendar_data is CalendarCoverage.ERROR
    with pytest.raises(CalendarCoverageError):
        deadline(date(2026, 12, 28), WorkingDays(5), calendar=KNOWN)


def test_a_working_day_count_into_the_next_year_skips_new_years_day() -> None:
    """2026-12-28 (Mon) + 5 working days: 29, 30, 31 December, then 1 January 2027 (元旦, a Friday, estimated) is
    not counted, 2 and 3 January are a weekend → 4 (Mon), 5 (Tue): due 2027-01-05. Weekends only: 2027-01-04."""
    result = deadline(date(2026, 12, 28), WorkingDays(5), calendar=KNOWN, interpretation=ESTIMATE)
    assert (result.due, result.provisional, result.estimated_years) == (date(2027, 1, 5), True, (2027,))
    weekends = deadline(date(2026, 12, 28), WorkingDays(5), calendar=KNOWN, interpretation=WEEKENDS)
    assert (weekends.due, weekends.estimated_years) == (date(2027, 1, 4), (2027,))
    count = next(s for s in result.steps if s.kind is StepKind.COUNT)
    assert count.text_zh.endswith("（2027年按法定节假日估算，调休安排未知）")
    assert "bridging days unknown" in count.text_en
    closing = result.steps[-1]
    assert closing.kind is StepKind.PROVISIONAL
    assert "国务院令第774号" in closing.text_zh
    assert "调休" in closing.text_zh
    assert "临时结果" in closing.text_zh
    assert "数据覆盖2004—2026年" in closing.text_zh
    assert "cannot be known in advance" in closing.text_en


def test_a_spring_festival_count() -> None:
    """2027-02-01 (Mon) + 5 working days: 2, 3, 4 February; 5–10 February are 除夕 to 初三 and two 补假 (初一, 初二
    fall on the weekend); 11, 12 February → due 2027-02-12. Weekends only: 2027-02-08."""
    assert deadline(date(2027, 2, 1), WorkingDays(5), calendar=KNOWN, interpretation=ESTIMATE).due == date(
        2027, 2, 12
    )
    assert deadline(date(2027, 2, 1), WorkingDays(5), calendar=KNOWN, interpretation=WEEKENDS).due == date(
        2027, 2, 8
    )


def test_a_month_period_rolls_over_an_estimated_holiday() -> None:
    """2026-11-03 + 3 months = 2027-02-03 (Wed), a working day: no rollover, said to rest on the estimate.
    2026-11-05 + 3 months = 2027-02-05 (除夕): rolled over 5–10 February (补假 included) to 2027-02-11."""
    plain = deadline(date(2026, 11, 3), Months(3), calendar=KNOWN, interpretation=ESTIMATE)
    assert (plain.due, plain.estimated_years) == (date(2027, 2, 3), (2027,))
    kept = next(s for s in plain.steps if s.kind is StepKind.NO_ROLLOVER)
    assert "2027-02-03是工作日" in kept.text_zh
    assert "按法定节假日估算" in kept.text_zh
    rolled = deadline(date(2026, 11, 5), Months(3), calendar=KNOWN, interpretation=ESTIMATE)
    assert rolled.due == date(2027, 2, 11)
    rollover = next(s for s in rolled.steps if s.kind is StepKind.ROLLOVER)
    assert rollover.text_zh.startswith("2027-02-05是春节，顺延至2027-02-11")
    assert "按法定节假日估算" in rollover.text_zh
    # a limit is the corresponding day itself: no day's status is read, nothing is estimated
    limit = period_limit(date(2026, 11, 5), Months(3), calendar=KNOWN, interpretation=ESTIMATE)
    assert (limit.due, limit.provisional, limit.estimated_years) == (date(2027, 2, 5), False, ())


def test_holidays_only_rollover_reads_the_estimated_holidays() -> None:
    interp = Interpretation(
        beyond_calendar_data=CalendarCoverage.STATUTORY_ESTIMATE, last_day_rollover=Rollover.HOLIDAYS_ONLY
    )
    # 2027-05-01 (Sat, 劳动节) to 05-04 (补假): the first day after the holidays is 05-05
    assert deadline(date(2027, 4, 1), Months(1), calendar=KNOWN, interpretation=interp).due == date(
        2027, 5, 5
    )


def test_year_end_rollover_reads_the_estimate() -> None:
    interp = ESTIMATE.model_copy(update={"year_end_rollover": True})
    # 2027-12-31 is a Friday: a working day, estimated
    end = year_end(2027, calendar=KNOWN, interpretation=interp)
    assert (end.due, end.estimated_years) == (date(2027, 12, 31), (2027,))


def test_day_info_beyond_the_data() -> None:
    eve = KNOWN.day(date(2027, 2, 5), interpretation=ESTIMATE)
    assert (eve.kind, eve.working, eve.provisional, eve.name_zh) == (
        DayKind.PUBLIC_HOLIDAY,
        False,
        True,
        "春节",
    )
    assert eve.source is not None
    assert eve.source.startswith("statutory estimate")
    plain = KNOWN.day(date(2027, 2, 11), interpretation=ESTIMATE)
    assert (plain.kind, plain.working, plain.provisional) == (DayKind.WORKDAY, True, True)
    assert plain.source is not None
    assert "国务院令第774号" in plain.source
    weekends = KNOWN.day(date(2027, 2, 5), interpretation=WEEKENDS)
    assert (weekends.kind, weekends.working, weekends.source) == (DayKind.WORKDAY, True, None)


def test_single_days_and_spans() -> None:
    assert not is_working_day(date(2027, 10, 4), calendar=KNOWN, interpretation=ESTIMATE)  # 国庆节补假
    assert is_working_day(date(2027, 10, 4), calendar=KNOWN, interpretation=WEEKENDS)
    # 1–31 October 2027: 21 weekdays, of which 1, 4, 5 October are estimated holidays
    assert (
        working_days_between(date(2027, 9, 30), date(2027, 10, 31), calendar=KNOWN, interpretation=ESTIMATE)
        == 18
    )
    assert (
        working_days_between(date(2027, 9, 30), date(2027, 10, 31), calendar=KNOWN, interpretation=WEEKENDS)
        == 21
    )


def test_years_before_the_data_follow_the_1999_edition() -> None:
    """2003: 劳动节 5月1日至3日 and 国庆节 10月1日至3日 (国务院令第270号); the data begins in 2004."""
    assert (FIRST_YEAR, WorkCalendar.default().covered[0]) == (2004, 2004)
    for day in (date(2003, 5, 2), date(2003, 10, 3)):
        info = WorkCalendar.default().day(day, interpretation=ESTIMATE)
        assert (info.kind, info.provisional) == (DayKind.PUBLIC_HOLIDAY, True)
        assert info.source is not None
        assert "国务院令第270号" in info.source


def test_the_estimate_reaches_a_horizon_and_no_further() -> None:
    last = KNOWN.covered[1] + HORIZON
    assert deadline(date(last, 12, 1), WorkingDays(5), calendar=KNOWN, interpretation=ESTIMATE).provisional
    with pytest.raises(CalendarCoverageError) as caught:
        deadline(date(last, 12, 20), WorkingDays(15), calendar=KNOWN, interpretation=ESTIMATE)
    assert caught.value.year == last + 1
    with pytest.raises(CalendarCoverageError) as before:
        deadline(date(1999, 12, 1), WorkingDays(5), interpretation=ESTIMATE)
    assert before.value.year == 1999
    assert "statutory_estimate" in str(before.value)


def test_an_overlay_year_is_data_and_the_estimate_moves_on() -> None:
    from pathlib import Path

    overlay = Path(__file__).resolve().parents[2] / "examples" / "calendar-overlays" / "2026.yaml"
    cut = WorkCalendar.default().published_until(2025).with_overlay(overlay)
    assert cut.covered[1] == 2026
    result = deadline(date(2026, 12, 28), WorkingDays(5), calendar=cut, interpretation=ESTIMATE)
    assert (result.due, result.estimated_years) == (date(2027, 1, 5), (2027,))


@given(covered_days(800), periods, st.sampled_from([Rollover.REST_DAYS, Rollover.HOLIDAYS_ONLY]))
@settings(max_examples=200)
def test_inside_the_data_the_estimate_changes_nothing(
    start: date, period: Period, rollover: Rollover
) -> None:
    estimate = ESTIMATE.model_copy(update={"last_day_rollover": rollover})
    official = Interpretation(last_day_rollover=rollover)
    result = deadline(start, period, interpretation=estimate)
    assert (result.due, result.provisional, result.estimated_years) == (
        deadline(start, period, interpretation=official).due,
        False,
        (),
    )
    assert result.steps == deadline(start, period, interpretation=official).steps


@given(
    st.dates(date(2026, 9, 1), date(2027, 10, 31)),
    periods,
    st.sampled_from(WorkingDayRule),
)
@settings(max_examples=200)
def test_the_estimate_is_never_earlier_than_weekends_only(
    start: date, period: Period, rule: WorkingDayRule
) -> None:
    """The estimate's rest days beyond the data include the weekends-only reading's: a deadline can only be later."""
    estimate = deadline(
        start, period, calendar=KNOWN, interpretation=ESTIMATE.model_copy(update={"working_day": rule})
    )
    weekends = deadline(
        start, period, calendar=KNOWN, interpretation=WEEKENDS.model_copy(update={"working_day": rule})
    )
    assert estimate.due >= weekends.due
    assert estimate.provisional == bool(estimate.estimated_years)
    if estimate.provisional:
        assert all(y > 2026 for y in estimate.estimated_years)
        marked = [s for s in estimate.steps if "调休安排未知" in s.text_zh]
        assert marked  # a step that read an estimated day says so
        assert estimate.steps[-1].kind is StepKind.PROVISIONAL


@given(st.dates(date(2027, 1, 1), date(2027, 12, 31)))
@settings(max_examples=100)
def test_every_estimated_day_is_a_weekday_rest_or_work_by_the_law(day: date) -> None:
    from tinghu_policy.periods.statutory import estimate_specials

    info = KNOWN.day(day, interpretation=ESTIMATE)
    assert info.provisional
    assert info.working == (day.weekday() < 5 and day not in estimate_specials(2027))


def test_published_until_cuts_the_data() -> None:
    cut = WorkCalendar.default().published_until(2020)
    assert cut.covered == (FIRST_YEAR, 2020)
    assert cut.corrections == WorkCalendar.default().corrections  # 2005-12-31 is before the cut
    with pytest.raises(CalendarCoverageError):
        deadline(date(2020, 12, 28), WorkingDays(5), calendar=cut)
    with pytest.raises(CalendarOverlayError):
        WorkCalendar.default().published_until(LAST_YEAR + 1)


def test_the_installed_chinese_calendar_covers_2004_to_2026() -> None:
    """Pinned on purpose: when chinesecalendar ships 2027 this fails, and someone checks the new year against its
    notice, the README's legal-time section and the accuracy table (which then grows by a year)."""
    assert (chinese_calendar.__version__, WorkCalendar.default().covered) == ("1.11.0", (2004, 2026))


def test_a_new_chinese_calendar_year_is_used_with_no_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """A release with 2027 in it (simulated: the estimate's 2027 as chinese-calendar data) extends the covered years;
    the built-in correction of 2005-12-31 still applies."""
    from tinghu_policy.periods.statutory import estimate_specials

    year = LAST_YEAR + 1
    holidays: dict[date, Any] = dict(chinese_calendar.holidays)
    holidays |= dict.fromkeys(estimate_specials(year), "New Year's Day")
    monkeypatch.setattr(chinese_calendar, "holidays", holidays)
    fresh = calendar_module.default_calendar.__wrapped__()
    assert fresh.covered == (FIRST_YEAR, year)
    assert fresh.day(date(2005, 12, 31)).working  # the correction
    info = fresh.day(date(year, 1, 1))
    assert (info.kind, info.provisional) == (DayKind.PUBLIC_HOLIDAY, False)
    assert info.source == f"chinesecalendar {chinese_calendar.__version__}"
    result = deadline(date(year - 1, 12, 28), WorkingDays(5), calendar=fresh, interpretation=ESTIMATE)
    assert not result.provisional


def test_the_estimate_index_is_built_once_per_calendar() -> None:
    cal = WorkCalendar.default().published_until(2024)
    line = cal.timeline(WorkingDayRule.OFFICIAL_ARRANGEMENT, True)
    assert cal.timeline(WorkingDayRule.OFFICIAL_ARRANGEMENT, True) is line
    assert cal.timeline(WorkingDayRule.OFFICIAL_ARRANGEMENT) is not line
    lo, hi = cal.estimate_span
    assert date.fromordinal(lo) == date(2000, 1, 1)
    assert date.fromordinal(hi - 1) == date(2024 + HORIZON, 12, 31)
    # inside the data, the two indexes agree day by day
    day = date(2024, 1, 1)
    while day.year == 2024:
        assert line.is_working(day.toordinal()) == cal.timeline(
            WorkingDayRule.OFFICIAL_ARRANGEMENT
        ).is_working(day.toordinal())
        day += timedelta(days=1)
