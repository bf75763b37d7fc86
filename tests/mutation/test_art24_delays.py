"""Kills the surviving mutants of art24_delays.py: the schedule note names the D5 reading in force; a day late or
early against the schedule; a seriously overdue completion is not "late but within"; the adjustment in force is
the latest one carried out and passed, whatever comes before it."""

from __future__ import annotations

from datetime import date
from typing import Any

from tinghu_policy import Finding
from tinghu_policy.engine import CheckRole, Status

from .support import finding

LATE: dict[str, Any] = {
    "implementation": {"works_started": "2025-01-06", "approved_completion": "2025-08-31"},
    "acceptance": {"completed": "2026-02-28"},
}


def test_the_schedule_names_the_d5_reading_in_force() -> None:
    default = finding("art24.schedule", as_of=date(2026, 6, 30), **LATE)
    assert "'more than' excludes the limit day" in default.note_en
    assert "“超过”不包括本数" in default.note_zh
    at_least = finding(
        "art24.schedule",
        as_of=date(2026, 6, 30),
        interpretation={"serious_overdue_boundary": "at_least"},
        **LATE,
    )
    assert "'or more' includes the limit day" in at_least.note_en
    assert "“以上”包括本数" in at_least.note_zh


def _schedule(as_of: date, completed: str | None = None, **implementation: Any) -> Finding:
    return finding(
        "art24.schedule",
        as_of=as_of,
        implementation={"works_started": "2025-01-06", **implementation},
        acceptance={"completed": completed},
    )


# kills art24_delays.py:283 core/NumberReplacer #10
# kills art24_delays.py:283 core/ReplaceComparisonOperator_Gt_NotEq #2
def test_one_day_past_the_schedule_is_late_and_a_day_before_it_is_not() -> None:
    """Schedule ending 2025-08-31: completed 2025-09-01 is one day beyond it (late, within the 6 months — the note
    says so and the completion is shown against the schedule); completed 2025-08-30 is not late at all."""
    late = _schedule(date(2026, 3, 1), "2025-09-01", approved_completion="2025-08-31")
    assert late.status is Status.HOLDS
    assert [c.role for c in late.checks] == [CheckRole.REQUIREMENT, CheckRole.CONTEXT]
    assert "超出批复工期1天" in late.note_zh
    early = _schedule(date(2026, 3, 1), "2025-08-30", approved_completion="2025-08-31")
    assert early.status is Status.HOLDS
    assert [c.role for c in early.checks] == [CheckRole.REQUIREMENT]
    assert "超出" not in early.note_zh


# kills art24_delays.py:283 core/ReplaceComparisonOperator_Is_LtE #2
def test_a_seriously_overdue_completion_is_not_called_late_but_within_the_limit() -> None:
    """Schedule ending 2025-08-31, limit 2026-02-28 (D3), completed 2026-03-10: seriously overdue (FAILS); the
    "late but not 6 months" note and its context check belong only to a project within the limit."""
    found = _schedule(date(2026, 6, 30), "2026-03-10", approved_completion="2025-08-31")
    assert found.status is Status.FAILS
    assert [c.role for c in found.checks] == [CheckRole.REQUIREMENT]
    assert "不属严重逾期" not in found.note_zh


PASSED: dict[str, Any] = {
    "reviewed_by_data_bureau": {"day": "2025-05-20", "outcome": "approved"},
    "reviewed_by_finance": {"day": "2025-05-20", "outcome": "approved"},
}


def _adjustment(**changes: Any) -> dict[str, Any]:
    """An adjustment of the schedule (art. 26 ground (三)) requested on 2025-05-06."""
    return {
        "requested": "2025-05-06",
        "amount": "0.00",
        "goals_unchanged": True,
        "ground": "business_need",
        "within_approved_plan": True,
        **changes,
    }


def _adjusted_schedule(*adjustments: dict[str, Any]) -> Finding:
    """Approved completion 2025-06-30 (limit 2025-12-30); as_of 2026-03-02, not completed: FAILS unless an
    adjustment in force moved the schedule to 2025-12-31 (limit 2026-06-30)."""
    return _schedule(date(2026, 3, 2), approved_completion="2025-06-30", adjustments=list(adjustments))


# kills art24_delays.py:134 core/ReplaceContinueWithBreak #0
def test_an_adjustment_that_moves_no_schedule_does_not_hide_a_later_one() -> None:
    """Module docstring, 批复工期 (1): the latest adjustment carried out and passed sets the schedule. A first
    adjustment only requested, or carried out without a new completion date (money only), sets none — the second,
    carried out and passed with 2025-12-31, is in force."""
    moved = _adjustment(**PASSED, adjusted="2025-05-26", approved_completion_after="2025-12-31")
    for first in (_adjustment(), _adjustment(**PASSED, adjusted="2025-05-25")):
        found = _adjusted_schedule(first, moved)
        assert found.status is Status.HOLDS
        assert found.checks[0].required == date(2026, 6, 30)


# kills art24_delays.py:136 core/ReplaceContinueWithBreak #1
def test_a_refused_adjustment_does_not_hide_a_later_passed_one() -> None:
    """A first adjustment carried out after the finance bureau refused it changes no schedule; the second,
    carried out after both reviews passed it, moves it to 2025-12-31."""
    refused = _adjustment(
        reviewed_by_data_bureau=PASSED["reviewed_by_data_bureau"],
        reviewed_by_finance={"day": "2025-05-20", "outcome": "rejected"},
        adjusted="2025-05-25",
        approved_completion_after="2026-12-31",
    )
    moved = _adjustment(**PASSED, adjusted="2025-05-26", approved_completion_after="2025-12-31")
    found = _adjusted_schedule(refused, moved)
    assert found.status is Status.HOLDS
    assert found.checks[0].required == date(2026, 6, 30)  # 2025-12-31 + 6 months


# kills art24_delays.py:137 core/ReplaceComparisonOperator_GtE_Gt #0
def test_of_two_adjustments_carried_out_on_one_day_the_later_one_counts() -> None:
    """Two schedule adjustments carried out the same day, the second requested later: the second is the latest
    adjustment (as art. 26's budget_in_force reads a tie: the one listed later is the later adjustment, an
    assumption no clause settles), so its 2025-12-31 is in force, not the first's 2025-08-31 (over the limit on
    2026-03-01)."""
    first = _adjustment(**PASSED, adjusted="2025-05-26", approved_completion_after="2025-08-31")
    second = _adjustment(
        **PASSED, requested="2025-05-10", adjusted="2025-05-26", approved_completion_after="2025-12-31"
    )
    found = _adjusted_schedule(first, second)
    assert found.status is Status.HOLDS
    assert found.checks[0].required == date(2026, 6, 30)  # 2025-12-31 + 6 months
