"""Kills the surviving mutants of art31_37_supervision.py: how the cost overrun's percentage is written (exact when
short, "about" when rounded — also when rounded up); the latest approved 概算 (art. 26(2)) an overrun is measured
against; the D30 limit computed exactly; the cause as a failed check; art. 37's approval ground for the works after
funds out of reach, and its notes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from tinghu_policy.interpretation import Interpretation

from .support import finding


def _overrun(budget: str, actual: str) -> str:
    found = finding(
        "art37.cost_overrun",
        approval={"approved": "2025-03-10", "approved_budget": budget},
        implementation={"actual_expenditure": actual},
        interpretation={"serious_overrun_percent": "50"},
    )
    return found.note_en


def test_a_percentage_with_eight_decimals_is_shown_exactly() -> None:
    """Overrun 10,000,000.05 on 100,000,000.00 = 10.00000005% exactly (eight decimals)."""
    assert "10.00000005%" in _overrun("100000000.00", "110000000.05")


def test_a_percentage_with_nine_decimals_is_rounded_and_says_about() -> None:
    """Overrun 100,000,000.05 on 1,000,000,000.00 = 10.000000005% (nine decimals) → about 10.00%."""
    note = _overrun("1000000000.00", "1100000000.05")
    assert "about 10.00%" in note
    assert "10.000000005" not in note


def test_a_percentage_rounded_up_says_about() -> None:
    """Overrun 200.00 on 3,000.00 = 6.666…% → about 6.67% (rounded up, still not exact)."""
    assert "about 6.67%" in _overrun("3000.00", "3200.00")


def test_an_exact_short_percentage_has_no_about() -> None:
    note = _overrun("3000.00", "3300.00")
    assert "10.00%" in note
    assert "about 10.00%" not in note


def _reapproved(requested: str, reapproved: str, total_after: str) -> dict[str, Any]:
    """An adjustment beyond art. 26(1), approved anew under art. 26(2) with a new total."""
    return {
        "requested": requested,
        "amount": "100.00",
        "goals_unchanged": True,
        "total_after": total_after,
        "reapproved": reapproved,
    }


def _against_reapprovals(*adjustments: dict[str, Any]) -> tuple[str, list[tuple[str, object]]]:
    """1,800.00 spent against an approved 1,000.00 and the totals approved anew by ``adjustments``."""
    found = finding(
        "art37.cost_overrun",
        approval={"approved": "2025-03-10", "approved_budget": "1000.00"},
        implementation={"adjustments": list(adjustments), "actual_expenditure": "1800.00"},
    )
    return found.status.value, [(c.fact, c.required) for c in found.checks]


# kills art31_37_supervision.py:277 core/ReplaceComparisonOperator_GtE_NotEq #0
# kills art31_37_supervision.py:277 core/ReplaceComparisonOperator_GtE_IsNot #0
def test_the_latest_reapproval_sets_the_budget_whatever_the_order_listed() -> None:
    """D30: an overrun is measured against the latest approved 概算 — after art. 26(2), the total approved anew
    last. Listed first, approved 2025-09-01 with 2,000.00; listed second, approved earlier (2025-06-01) with
    1,500.00: the 1,800.00 spent is within the 2,000.00 (holds), not over the 1,500.00."""
    status, checks = _against_reapprovals(
        _reapproved("2025-08-01", "2025-09-01", "2000.00"), _reapproved("2025-05-01", "2025-06-01", "1500.00")
    )
    assert status == "holds"
    assert checks == [
        ("implementation.adjustments[0].reapproved", date(2026, 6, 30)),
        ("implementation.actual_expenditure", Decimal("2000.00")),
    ]


# kills art31_37_supervision.py:277 core/ReplaceComparisonOperator_GtE_Gt #0
# kills art31_37_supervision.py:277 core/ReplaceComparisonOperator_GtE_NotEq #0
def test_of_two_reapprovals_on_one_day_the_one_listed_later_sets_the_budget() -> None:
    """Both approved anew on 2025-06-01 (1,500.00 listed first, 2,000.00 second): the one listed later is the later
    adjustment — the reading art. 26's budget in force takes (test_art26_adjustments.py::
    test_the_latest_new_approval_sets_the_budget_in_force; no clause settles a same-day tie), so art. 37 measures
    against the same 2,000.00: within it."""
    status, checks = _against_reapprovals(
        _reapproved("2025-05-01", "2025-06-01", "1500.00"), _reapproved("2025-05-02", "2025-06-01", "2000.00")
    )
    assert status == "holds"
    assert checks == [
        ("implementation.adjustments[1].reapproved", date(2026, 6, 30)),
        ("implementation.actual_expenditure", Decimal("2000.00")),
    ]


def _one_fen_over(percent: str) -> tuple[str, list[tuple[str, object, object, bool | None, str]]]:
    """0.01 over a budget of 1.00 (exactly 1%), caused by mismanagement, under the D30 threshold ``percent``."""
    found = finding(
        "art37.cost_overrun",
        approval={"approved": "2025-03-10", "approved_budget": "1.00"},
        implementation={"actual_expenditure": "1.01"},
        supervision={"overrun_from_mismanagement_or_fraud": True},
        interpretation={"serious_overrun_percent": percent},
    )
    return found.status.value, [(c.fact, c.required, c.actual, c.ok, c.role.value) for c in found.checks]


# kills art31_37_supervision.py:365 core/ReplaceFalseWithTrue #1
def test_a_serious_overrun_by_mismanagement_fails_on_the_limit_and_on_the_cause() -> None:
    """Art. 37 + D30 (threshold 0.5%): 1% over is more than 0.5% — serious — and caused by mismanagement: the ground
    is established (FAILS). Both requirements show as failed: the spending against the limit of 1.005, and the cause,
    which must not be mismanagement or fraud."""
    status, checks = _one_fen_over("0.5")
    assert status == "fails"
    assert checks == [
        ("implementation.actual_expenditure", Decimal("1.00"), Decimal("1.01"), False, "context"),
        ("implementation.actual_expenditure", Decimal("1.005"), Decimal("1.01"), False, "requirement"),
        ("supervision.overrun_from_mismanagement_or_fraud", False, True, False, "requirement"),
    ]


def test_the_serious_overrun_limit_is_exact_at_six_decimal_places() -> None:
    """D30 (超过 excludes the figure itself), a boundary pair at the finest threshold D30 accepts: 1% over exceeds
    0.999999%, so it is serious (FAILS) against the limit 1.00 × 100.999999 / 100 = 1.00999999 exactly; at a
    threshold of exactly 1% the limit is 1.01 and 1.01 spent is not more than it (NOTICE). A limit rounded to 1.01
    would make the first "not more than" too."""
    status, checks = _one_fen_over("0.999999")
    assert status == "fails"
    assert checks[1] == (
        "implementation.actual_expenditure",
        Decimal("1.00999999"),
        Decimal("1.01"),
        False,
        "requirement",
    )
    status, checks = _one_fen_over("1")
    assert status == "notice"
    assert checks[1][1:4] == (Decimal("1.01"), Decimal("1.01"), True)


@pytest.mark.parametrize("percent", ["0.0000001", "1000000.000001", "1E+999999999"])
def test_a_threshold_whose_limit_cannot_be_exact_is_refused_naming_d30(percent: str) -> None:
    """D30 takes at most 6 decimal places and at most 1,000,000 %: beyond that the limit could not be computed
    exactly (or at all: 1E+999999999 overflowed), so the interpretation is refused, the field named."""
    with pytest.raises(ValidationError, match="serious_overrun_percent"):
        Interpretation.model_validate({"serious_overrun_percent": percent})


_APPROVED = {"approved": "2025-03-10", "approved_by": "data_bureau"}
_ACTS = {"funds_arranged": "2025-04-01", "works_started": "2025-07-01"}


# kills art31_37_supervision.py:447 core/ReplaceContinueWithBreak #1
def test_works_are_judged_when_the_funds_came_before_the_effective_date() -> None:
    """D13, effective 2025-06-01: money arranged on 2025-04-01 is out of reach (not applicable), but the works of
    2025-07-01 are judged — approved by 区数据局 on 2025-03-10, before them: the procedure was followed."""
    effective = {"effective_date": "2025-06-01"}
    funds = finding(
        "art37.skipped_approval",
        subject="funds",
        approval=_APPROVED,
        implementation=_ACTS,
        interpretation=effective,
    )
    assert funds.status == "not_applicable"
    works = finding(
        "art37.skipped_approval",
        subject="works",
        approval=_APPROVED,
        implementation=_ACTS,
        interpretation=effective,
    )
    assert works.status == "holds"


# kills art31_37_supervision.py:464 core/ReplaceComparisonOperator_Is_GtE #2
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_NotEq #3
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_Lt #3
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_Gt #3
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_IsNot #18
def test_works_approved_first_by_the_data_bureau_say_the_procedure_was_followed() -> None:
    """Approved by 区数据局 on 2025-03-10, works on 2025-07-01: HOLDS, and the note says the procedure was followed
    — not that it was skipped."""
    works = finding("art37.skipped_approval", subject="works", approval=_APPROVED, implementation=_ACTS)
    assert works.status == "holds"
    assert "approved by the data bureau (2025-03-10) before implementation (works started) (2025-07-01)" in (
        works.note_en
    )
    assert "区数据局审批（2025-03-10），不属未履行审核审批程序" in works.note_zh
    assert "without the review and approval procedure" not in works.note_en


# kills art31_37_supervision.py:464 core/ReplaceComparisonOperator_Is_GtE #2
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_NotEq #3
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_Gt #3
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_GtE #3
# kills art31_37_supervision.py:466 core/ReplaceComparisonOperator_Is_IsNot #18
def test_an_approval_by_an_unstated_body_neither_follows_nor_skips_the_procedure() -> None:
    """Approved on 2025-03-10 by a body not stated: whether 区数据局 approved the works is undetermined (missing
    ``approval.approved_by``); the note claims neither that the procedure was followed nor that it was skipped."""
    works = finding(
        "art37.skipped_approval", subject="works", approval={"approved": "2025-03-10"}, implementation=_ACTS
    )
    assert works.status == "undetermined"
    assert works.missing == ("approval.approved_by",)
    assert "the procedure was followed" not in works.note_en
    assert "without the review and approval procedure" not in works.note_en
    assert "不属未履行审核审批程序" not in works.note_zh
    assert "未履行本办法规定的审核审批程序" not in works.note_zh


def test_a_threshold_written_with_trailing_zeros_sets_the_limit_it_means() -> None:
    """D30: "5." followed by 72 zeros is 5 %, within D30's 6 decimal places; it is held at "5.000000", so the limit
    shown is 1,000,000.00 × 105.000000 / 100 = 1050000.00000000 exactly (it carried 71 trailing zeros before, their
    number set by the arithmetic's precision). 10 % over exceeds 5 %, by mismanagement: FAILS."""
    found = finding(
        "art37.cost_overrun",
        approval={"approved": "2025-03-10", "approved_budget": "1000000.00"},
        implementation={"actual_expenditure": "1100000.00"},
        supervision={"overrun_from_mismanagement_or_fraud": True},
        interpretation={"serious_overrun_percent": "5." + "0" * 72},
    )
    assert found.status == "fails"
    assert str(found.checks[1].required) == "1050000.00000000"
