"""Worked cases: every expected date is worked out by hand in the comment above it, from the notices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tinghu_policy.errors import CalendarCoverageError, LegalDateError, MonthEndClampError, TinghuPolicyError
from tinghu_policy.interpretation import (
    CalendarCoverage,
    CountingStart,
    Interpretation,
    MonthEnd,
    OverBoundary,
    Rollover,
    WorkingDayRule,
)
from tinghu_policy.periods import (
    Days,
    Months,
    StepKind,
    WorkingDays,
    Years,
    deadline,
    exceeds,
    period_limit,
    to_legal_date,
    working_days_between,
    year_end,
)

from .support import FIRST_UNCOVERED_YEAR, FIRST_YEAR

SHANGHAI = ZoneInfo("Asia/Shanghai")
D1B = Interpretation(counting_start=CountingStart.NEXT_WORKING_DAY)
WITHOUT_MAKEUP = Interpretation(working_day=WorkingDayRule.WEEKDAYS_WITHOUT_MAKEUP)


def test_saturday_receipt_plus_5_working_days_over_national_day_2025() -> None:
    # Received Sat 2025-09-27, not counted. Sun 09-28 is a make-up working day (1), Mon 09-29 (2),
    # Tue 09-30 (3); 10-01..10-08 National Day + Mid-Autumn; Thu 10-09 (4), Fri 10-10 (5).
    # (Sat 10-11, also a make-up day, would be the 6th.)
    result = deadline(date(2025, 9, 27), WorkingDays(5))
    assert result.due == date(2025, 10, 10)
    assert result.ends_at == datetime(2025, 10, 11, tzinfo=SHANGHAI)
    assert not result.provisional
    assert working_days_between(date(2025, 9, 27), date(2025, 10, 10)) == 5
    assert [s.kind for s in result.steps] == [StepKind.START, StepKind.COUNT, StepKind.END]
    assert "民法典第二百零一条" in result.explanation_zh
    assert result.explanation_en.startswith("start day 2025-09-27 not counted (民法典第二百零一条)")
    assert result.met_by(date(2025, 10, 10))
    assert not result.met_by(date(2025, 10, 11))


def test_d1b_deems_the_saturday_event_on_the_next_working_day() -> None:
    # D1b: Sat 2025-09-27 is a rest day, deemed on the next working day Sun 09-28 (make-up), not counted.
    # Mon 09-29 (1), Tue 09-30 (2), Thu 10-09 (3), Fri 10-10 (4), Sat 10-11 make-up (5): one day later.
    result = deadline(date(2025, 9, 27), WorkingDays(5), interpretation=D1B)
    assert result.due == date(2025, 10, 11)
    assert result.steps[0].kind is StepKind.DEEMED_START
    assert result.steps[0].dates == (date(2025, 9, 27), date(2025, 9, 28))
    # on a working day D1b changes nothing: Fri 2025-09-26 + 5 = 09-28, 29, 30, 10-09, 10-10
    assert deadline(date(2025, 9, 26), WorkingDays(5), interpretation=D1B).due == date(2025, 10, 10)


def test_2026_spring_festival_make_up_saturdays() -> None:
    # Fri 2026-02-13 + 3: Sat 02-14 make-up (1); 02-15..02-23 Spring Festival; Tue 02-24 (2), Wed 02-25 (3).
    assert deadline(date(2026, 2, 13), WorkingDays(3)).due == date(2026, 2, 25)
    # Thu 2026-02-26 + 2: Fri 02-27 (1), Sat 02-28 make-up (2).
    assert deadline(date(2026, 2, 26), WorkingDays(2)).due == date(2026, 2, 28)
    # D2 without make-up days: Tue 02-24 (1), Wed 02-25 (2), Thu 02-26 (3); and Fri 02-27 (1), Mon 03-02 (2).
    assert deadline(date(2026, 2, 13), WorkingDays(3), interpretation=WITHOUT_MAKEUP).due == date(2026, 2, 26)
    assert deadline(date(2026, 2, 26), WorkingDays(2), interpretation=WITHOUT_MAKEUP).due == date(2026, 3, 2)


def test_31_august_plus_6_months_ends_on_a_make_up_saturday() -> None:
    # 2025-08-31 + 6 months: 2026-02-31 does not exist -> month end Sat 2026-02-28 (第二百零二条), which is a
    # Spring Festival make-up working day, so no rollover (第二百零三条 only moves rest days).
    result = deadline(date(2025, 8, 31), Months(6))
    assert result.due == date(2026, 2, 28)
    kinds = [s.kind for s in result.steps]
    assert kinds == [StepKind.START, StepKind.MONTH_END_CLAMP, StepKind.NO_ROLLOVER, StepKind.END]
    assert "month-end clamp 2026-02-31 → 2026-02-28 (民法典第二百零二条)" in result.explanation_en
    # 2023-08-31 + 6 months: 2024-02-31 does not exist -> 2024-02-29 (leap year, a Thursday, working).
    assert deadline(date(2023, 8, 31), Months(6)).due == date(2024, 2, 29)


def test_month_end_clamp_can_be_refused() -> None:
    with pytest.raises(MonthEndClampError) as caught:
        deadline(date(2025, 8, 31), Months(6), interpretation=Interpretation(month_end=MonthEnd.RAISE))
    assert caught.value.corresponding == "2026-02-31"
    assert caught.value.month_end == date(2026, 2, 28)
    assert isinstance(caught.value, TinghuPolicyError)
    # a period whose corresponding day exists is unaffected: 2025-08-28 + 6 months = Sat 2026-02-28 (make-up)
    assert deadline(
        date(2025, 8, 28), Months(6), interpretation=Interpretation(month_end=MonthEnd.RAISE)
    ).due == (date(2026, 2, 28))


def test_29_february_plus_12_months() -> None:
    # 2024-02-29 + 12 months: 2025-02-29 does not exist -> 2025-02-28, a Friday and a working day.
    assert deadline(date(2024, 2, 29), Months(12)).due == date(2025, 2, 28)
    assert deadline(date(2024, 2, 29), Years(1)).due == date(2025, 2, 28)
    # 2024-02-29 + 2 years: 2026-02-29 does not exist -> Sat 2026-02-28, the Spring Festival make-up day.
    assert deadline(date(2024, 2, 29), Years(2)).due == date(2026, 2, 28)


def test_a_month_end_inside_a_holiday_rolls_over() -> None:
    # 2025-09-01 + 1 month = Wed 2025-10-01, National Day; rest through Wed 10-08; Thu 10-09 is a working day.
    result = deadline(date(2025, 9, 1), Months(1))
    assert result.due == date(2025, 10, 9)
    rolled = "rolled over from 2025-10-01 to 2025-10-09 because 2025-10-01 is 国庆节 National Day"
    assert f"{rolled} (民法典第二百零三条)" in result.explanation_en
    # the same with 30 calendar days: 2025-09-01 + 30 days = 2025-10-01 -> 2025-10-09
    assert deadline(date(2025, 9, 1), Days(30)).due == date(2025, 10, 9)
    # holidays_only rolls out of the holiday too (10-09 is no holiday); none keeps 10-01
    holidays_only = Interpretation(last_day_rollover=Rollover.HOLIDAYS_ONLY)
    assert deadline(date(2025, 9, 1), Months(1), interpretation=holidays_only).due == date(2025, 10, 9)
    no_rollover = Interpretation(last_day_rollover=Rollover.NONE)
    assert deadline(date(2025, 9, 1), Months(1), interpretation=no_rollover).due == date(2025, 10, 1)


def test_a_weekend_rolls_over_unless_holidays_only() -> None:
    # 2025-10-15 + 1 month = Sat 2025-11-15, an ordinary weekend -> Mon 2025-11-17;
    # holidays_only keeps the Saturday.
    assert deadline(date(2025, 10, 15), Months(1)).due == date(2025, 11, 17)
    holidays_only = Interpretation(last_day_rollover=Rollover.HOLIDAYS_ONLY)
    kept = deadline(date(2025, 10, 15), Months(1), interpretation=holidays_only)
    assert kept.due == date(2025, 11, 15)
    assert kept.steps[-2].kind is StepKind.NO_ROLLOVER


def test_a_start_on_a_holiday() -> None:
    # Fri 2025-10-03 (National Day), not counted: 10-04..10-08 rest, Thu 10-09 (1), Fri 10-10 (2),
    # Sat 10-11 make-up (3), Mon 10-13 (4), Tue 10-14 (5).
    assert deadline(date(2025, 10, 3), WorkingDays(5)).due == date(2025, 10, 14)
    # D1b: deemed on Thu 10-09, not counted: 10-10 (1), 10-11 (2), 10-13 (3), 10-14 (4), 10-15 (5).
    assert deadline(date(2025, 10, 3), WorkingDays(5), interpretation=D1B).due == date(2025, 10, 15)
    # calendar days: 2025-10-03 + 3 days = 10-06 (Mid-Autumn, rest) -> Thu 10-09.
    assert deadline(date(2025, 10, 3), Days(3)).due == date(2025, 10, 9)


def test_a_date_past_the_data_is_an_error_naming_the_year() -> None:
    # the first working day after 31 December of the last covered year is in the first uncovered year
    with pytest.raises(CalendarCoverageError) as caught:
        deadline(date(FIRST_UNCOVERED_YEAR - 1, 12, 31), WorkingDays(1))
    assert caught.value.year == FIRST_UNCOVERED_YEAR
    assert str(FIRST_UNCOVERED_YEAR) in str(caught.value)
    # before the data: the days after 20 December of the year before are not covered
    with pytest.raises(CalendarCoverageError) as before:
        deadline(date(FIRST_YEAR - 1, 12, 20), WorkingDays(5))
    assert before.value.year == FIRST_YEAR - 1
    # far past the data the error names the year whose status was needed (rollover looks at the last day)
    with pytest.raises(CalendarCoverageError) as far:
        deadline(date(FIRST_UNCOVERED_YEAR + 1, 3, 1), Days(1))
    assert far.value.year == FIRST_UNCOVERED_YEAR + 1


def test_provisional_answer_past_the_data() -> None:
    provisional = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)
    start = date(FIRST_UNCOVERED_YEAR - 1, 12, 31)
    result = deadline(start, WorkingDays(1), interpretation=provisional)
    # weekends only: the first Monday–Friday after the start
    expected = start + timedelta(days=1)
    while expected.weekday() >= 5:
        expected += timedelta(days=1)
    assert (result.due, result.provisional) == (expected, True)
    assert result.steps[-1].kind is StepKind.PROVISIONAL
    assert str(FIRST_UNCOVERED_YEAR) in result.explanation_en
    # inside the data the same interpretation gives the official, non-provisional answer
    inside = deadline(date(2025, 9, 27), WorkingDays(5), interpretation=provisional)
    assert (inside.due, inside.provisional) == (date(2025, 10, 10), False)


def test_exceeds_boundary_pair() -> None:
    # 2025-04-01 + 6 months: corresponding day Wed 2025-10-01 (National Day). A limit is not rolled over:
    # the limit day is 2025-10-01 (the deadline of the same period would be 2025-10-09).
    start, period = date(2025, 4, 1), Months(6)
    assert period_limit(start, period).due == date(2025, 10, 1)
    assert deadline(start, period).due == date(2025, 10, 9)
    # 超过 (strictly more, default): not over on the limit day itself, over the next day
    assert not exceeds(start, date(2025, 10, 1), period)
    assert exceeds(start, date(2025, 10, 2), period)
    # 以上 (at least): over on the limit day itself, not the day before
    assert exceeds(start, date(2025, 10, 1), period, boundary=OverBoundary.AT_LEAST)
    assert not exceeds(start, date(2025, 9, 30), period, boundary=OverBoundary.AT_LEAST)
    # the default boundary comes from the interpretation
    at_least = Interpretation(serious_overdue_boundary=OverBoundary.AT_LEAST)
    assert exceeds(start, date(2025, 10, 1), period, interpretation=at_least)
    assert not exceeds(
        start, date(2025, 10, 1), period, interpretation=at_least, boundary=OverBoundary.STRICTLY_MORE
    )


def test_year_end_with_and_without_rollover() -> None:
    # 每年年底前 2023: Sun 2023-12-31, a fixed date. With rollover: 12-31 to 2024-01-01 is the New Year
    # holiday (12-30..01-01), Tue 2024-01-02 is a working day.
    assert year_end(2023).due == date(2023, 12, 31)
    assert year_end(2023).ends_at == datetime(2024, 1, 1, tzinfo=SHANGHAI)
    rolling = Interpretation(year_end_rollover=True)
    assert year_end(2023, interpretation=rolling).due == date(2024, 1, 2)
    # 2005-12-31 is a Saturday but a make-up working day (the correction): nothing to roll
    assert year_end(2005, interpretation=rolling).due == date(2005, 12, 31)
    # a fixed date needs no calendar data; rolling it does
    assert year_end(FIRST_UNCOVERED_YEAR).due == date(FIRST_UNCOVERED_YEAR, 12, 31)
    with pytest.raises(CalendarCoverageError):
        year_end(FIRST_UNCOVERED_YEAR, interpretation=rolling)


def test_naive_timestamps_are_refused_aware_ones_converted() -> None:
    with pytest.raises(LegalDateError, match="naive"):
        deadline(datetime(2025, 9, 27, 10, 0), WorkingDays(5))
    for value in ("2025-09-27", 20250927, None):
        with pytest.raises(LegalDateError, match="expected a date"):
            to_legal_date(value)  # type: ignore[arg-type]
    # 2025-09-26T20:00Z is 2025-09-27 04:00 in Shanghai: the Saturday receipt again
    aware = datetime(2025, 9, 26, 20, 0, tzinfo=UTC)
    assert to_legal_date(aware) == date(2025, 9, 27)
    assert deadline(aware, WorkingDays(5)).due == date(2025, 10, 10)
    # 23:59 in New York on 2025-09-26 is 11:59 on 2025-09-27 in Shanghai
    assert to_legal_date(datetime(2025, 9, 26, 23, 59, tzinfo=timezone(timedelta(hours=-4)))) == date(
        2025, 9, 27
    )
    # the Shanghai evening stays on its day
    assert to_legal_date(datetime(2025, 9, 26, 23, 59, tzinfo=SHANGHAI)) == date(2025, 9, 26)
    assert issubclass(LegalDateError, TinghuPolicyError)
