"""Period values, the Deadline object, and the module-level helpers' edge cases."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from tinghu_policy.errors import CalendarCoverageError, PeriodError, TinghuPolicyError
from tinghu_policy.interpretation import CalendarCoverage, Interpretation, Rollover
from tinghu_policy.periods import (
    Days,
    Deadline,
    Months,
    StepKind,
    WorkCalendar,
    WorkingDays,
    YearEnd,
    Years,
    deadline,
    period_limit,
    working_days_between,
    year_end,
)

from .support import FIRST_UNCOVERED_YEAR

PROVISIONAL = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)


@pytest.mark.parametrize(
    ("period", "zh", "en"),
    [
        (WorkingDays(5), "5个工作日", "5 working days"),
        (WorkingDays(1), "1个工作日", "1 working day"),
        (Days(15), "15日", "15 days"),
        (Months(6), "6个月", "6 months"),
        (Months(1), "1个月", "1 month"),
        (Years(1), "1年", "1 year"),
        (YearEnd(2026), "2026年年底前", "before the end of 2026"),
    ],
)
def test_labels(period: WorkingDays | Days | Months | Years | YearEnd, zh: str, en: str) -> None:
    assert (period.label_zh, period.label_en) == (zh, en)


@pytest.mark.parametrize("kind", [WorkingDays, Days, Months, Years])
@pytest.mark.parametrize("n", [0, -1, 1.5, True, "5", None])
def test_a_period_needs_a_whole_number_of_at_least_one(kind: type[WorkingDays], n: object) -> None:
    with pytest.raises(PeriodError, match="whole number"):
        kind(n)  # type: ignore[arg-type]
    assert issubclass(PeriodError, TinghuPolicyError)


def test_periods_are_frozen_values() -> None:
    other_kind: object = Days(5)
    assert WorkingDays(5) == WorkingDays(5) != other_kind
    assert len({Months(6), Months(6)}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        WorkingDays(5).n = 6  # type: ignore[misc]


def test_the_fast_deadline_equals_the_dataclass_built_one() -> None:
    fast = deadline(date(2025, 9, 27), WorkingDays(5))
    built = Deadline(date(2025, 9, 27), WorkingDays(5), date(2025, 10, 10), False, WorkCalendar.default(),
                     Interpretation())  # fmt: skip
    assert fast == built
    assert repr(fast) == repr(built)
    assert hash(fast) == hash(built)
    assert (fast.calendar, fast.interpretation, fast.limit) == (built.calendar, built.interpretation, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.due = date(2030, 1, 1)  # type: ignore[misc]


def test_met_by_takes_aware_timestamps() -> None:
    result = deadline(date(2025, 9, 27), WorkingDays(5))  # due 2025-10-10, ends 2025-10-11 00:00 Shanghai
    assert result.met_by(datetime(2025, 10, 10, 15, 59, tzinfo=UTC))  # 23:59 in Shanghai
    assert not result.met_by(datetime(2025, 10, 10, 16, 0, tzinfo=UTC))  # 00:00 on the 11th in Shanghai


def test_steps_name_the_rollover_and_the_no_rollover_option() -> None:
    kinds = [s.kind for s in deadline(date(2025, 9, 1), Months(1)).steps]
    assert kinds == [StepKind.START, StepKind.CORRESPONDING_DAY, StepKind.ROLLOVER, StepKind.END]
    kept = deadline(
        date(2025, 9, 1), Months(1), interpretation=Interpretation(last_day_rollover=Rollover.NONE)
    )
    assert [s.kind for s in kept.steps][-2:] == [StepKind.NO_ROLLOVER, StepKind.END]
    assert "D4" in kept.explanation_en
    limit = period_limit(date(2025, 9, 1), Months(1))
    assert (limit.due, limit.limit) == (date(2025, 10, 1), True)
    assert "D5" in limit.explanation_en
    assert year_end(2025).steps[0].kind is StepKind.FIXED_DATE


def test_working_days_between_is_zero_backwards_and_checks_coverage() -> None:
    assert working_days_between(date(2025, 10, 10), date(2025, 9, 27)) == 0
    assert working_days_between(date(2025, 10, 10), date(2025, 10, 10)) == 0
    start, end = date(FIRST_UNCOVERED_YEAR - 1, 12, 31), date(FIRST_UNCOVERED_YEAR, 1, 31)
    with pytest.raises(CalendarCoverageError):
        working_days_between(start, end)
    weekdays = sum(
        date.fromordinal(o).weekday() < 5 for o in range(start.toordinal() + 1, end.toordinal() + 1)
    )
    assert working_days_between(start, end, interpretation=PROVISIONAL) == weekdays


def test_results_past_year_9999_are_refused() -> None:
    with pytest.raises(PeriodError, match="9999"):
        deadline(date(9999, 12, 1), Months(1), interpretation=PROVISIONAL)
    with pytest.raises(PeriodError, match="9999"):
        deadline(date(9999, 12, 1), Days(40), interpretation=PROVISIONAL)
    with pytest.raises(PeriodError, match="9999"):
        deadline(date(9999, 12, 1), WorkingDays(40), interpretation=PROVISIONAL)
    with pytest.raises(PeriodError, match="use year_end"):
        deadline(date(2025, 3, 1), YearEnd(2025))  # type: ignore[arg-type]
    with pytest.raises(PeriodError, match="not a period"):
        deadline(date(2025, 3, 1), 5)  # type: ignore[arg-type]
