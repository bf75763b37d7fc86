"""Kills the surviving mutants of art26_adjustments.py: one not-applicable finding per rule without adjustments,
every adjustment judged when the budget is missing, the 10% limit shown exactly, and what the notes show."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tinghu_policy import Finding, Interpretation, Project, evaluate

from .support import BASE, finding

RULES = (
    "art26.adjustment_route",
    "art26.ground_law_or_policy",
    "art26.ground_technical_optimisation",
    "art26.ground_business_need",
    "art26.adjustment_review",
    "art26.adjustment_filing",
    "art26.general_rules",
)
APPROVED = {"approved": "2025-03-10", "approved_budget": "1234.54"}


def _adjustment(**changes: Any) -> dict[str, Any]:
    return {
        "requested": "2025-09-01",
        "amount": "100.00",
        "goals_unchanged": True,
        "ground": "technical_optimisation",
        **changes,
    }


def _findings(**changes: Any) -> dict[str, list[tuple[str | None, str]]]:
    project = Project.model_validate({**BASE, **changes})
    report = evaluate(project, as_of=date(2025, 12, 31), interpretation=Interpretation())
    out: dict[str, list[tuple[str | None, str]]] = {}
    for f in report.findings:
        if f.rule in RULES:
            out.setdefault(f.rule, []).append((f.subject, f.status.value))
    return out


def test_without_adjustments_every_rule_says_not_applicable_once() -> None:
    assert _findings() == {rule: [(None, "not_applicable")] for rule in RULES}


def test_every_adjustment_is_judged_when_the_budget_is_missing() -> None:
    found = _findings(implementation={"adjustments": [_adjustment(), _adjustment(requested="2025-10-01")]})
    assert [subject for subject, _ in found["art26.ground_technical_optimisation"]] == [
        "adjustment 1",
        "adjustment 2",
    ]


def test_the_ten_percent_limit_is_shown_exactly_when_it_is_not_a_whole_fen() -> None:
    """10% of 1234.54 is 123.454: shown as it is, not rounded to 123.45."""
    found = finding(
        "art26.adjustment_route",
        subject="adjustment 1",
        approval=APPROVED,
        implementation={"adjustments": [_adjustment()]},
    )
    assert Decimal("123.454") in [c.required for c in found.checks]


def test_the_basis_of_a_ground_is_shown() -> None:
    found = finding(
        "art26.adjustment_route",
        subject="adjustment 1",
        approval=APPROVED,
        implementation={"adjustments": [_adjustment(basis="区数据局2025年第3号技术评审意见")]},
    )
    assert "(basis: 区数据局2025年第3号技术评审意见)" in found.note_en
    without = finding(
        "art26.adjustment_route",
        subject="adjustment 1",
        approval=APPROVED,
        implementation={"adjustments": [_adjustment()]},
    )
    assert "basis" not in without.note_en


def test_an_approval_anew_before_the_adjustment_shows_the_order_it_checked() -> None:
    def general_rules(adjustment: dict[str, Any]) -> Finding:
        return finding(
            "art26.general_rules",
            subject="adjustment 1",
            approval=APPROVED,
            implementation={"adjustments": [adjustment]},
        )

    found = general_rules(_adjustment(amount="500.00", reapproved="2025-09-20", adjusted="2025-09-25"))
    assert found.status == "holds"
    assert [c.fact for c in found.checks] == ["implementation.adjustments[0].reapproved"]
    found = general_rules(_adjustment(amount="500.00", reapproved="2025-09-20"))  # not adjusted yet
    assert found.status == "holds"
    assert found.checks == ()


def test_with_the_route_undetermined_every_adjustment_is_undetermined_and_not_reviewed() -> None:
    """No approved budget: the 10% test cannot be made, so para. 1's route is undetermined for each adjustment; the
    review of para. 1 does not apply and the general rules cannot be decided."""
    found = _findings(implementation={"adjustments": [_adjustment(), _adjustment(requested="2025-10-01")]})
    assert found["art26.general_rules"] == [
        ("adjustment 1", "undetermined"),
        ("adjustment 2", "undetermined"),
    ]
    for rule in ("art26.adjustment_review", "art26.adjustment_filing"):
        assert found[rule] == [("adjustment 1", "not_applicable"), ("adjustment 2", "not_applicable")]


def _rule_findings(
    rule: str, *, as_of: date = date(2025, 12, 31), options: dict[str, Any] | None = None, **changes: Any
) -> list[Finding]:
    """Every finding of ``rule`` for the base project with ``changes``, in order."""
    project = Project.model_validate({**BASE, **changes})
    report = evaluate(project, as_of=as_of, interpretation=Interpretation(**(options or {})))
    return [f for f in report.findings if f.rule == rule]


def _statuses(rule: str, **changes: Any) -> list[tuple[str | None, str]]:
    return [(f.subject, f.status.value) for f in _rule_findings(rule, **changes)]


def _within(**changes: Any) -> dict[str, Any]:
    """An adjustment whose investment after it (1000.00) is within every approved total used here."""
    return _adjustment(**{"total_after": "1000.00", **changes})


_PASSED = {"day": "2025-10-10", "outcome": "approved"}
# D13 (effective date 2025-10-01): adjustment 1 entirely before it; 2 and 3 requested before it and carried out after
# it (2 on the route of para. 1, 3 over the 10% limit, approved anew); 4 requested after it, on the route.
_D13_ADJUSTMENTS = [
    _within(requested="2025-08-01", adjusted="2025-09-01", amount="10.00"),
    _within(
        requested="2025-09-15",
        adjusted="2025-10-15",
        reviewed_by_data_bureau=_PASSED,
        reviewed_by_finance=_PASSED,
        filed_with_development_reform="2025-10-15",
    ),
    _within(requested="2025-09-20", amount="500.00", reapproved="2025-10-20", adjusted="2025-10-25"),
    _within(requested="2025-10-05"),
]


def _d13(rule: str) -> list[tuple[str | None, str]]:
    return _statuses(
        rule,
        options={"effective_date": "2025-10-01", "adjustment_limit_basis": "each_adjustment"},
        approval=APPROVED,
        implementation={"adjustments": _D13_ADJUSTMENTS},
    )


# kills art26_adjustments.py:139 core/ReplaceFalseWithTrue #0
# kills art26_adjustments.py:141 core/AddNot #1
# kills art26_adjustments.py:141 core/ReplaceComparisonOperator_Is_IsNot #1
# kills art26_adjustments.py:144 core/AddNot #2
# kills art26_adjustments.py:144 core/ReplaceAndWithOr #0
# kills art26_adjustments.py:315 core/ReplaceContinueWithBreak #1
def test_d13_the_route_and_grounds_go_by_the_request() -> None:
    """D13: the route and the grounds judge the request — one made before the effective date is out of reach even if
    carried out after it; one requested after it is judged (10% of 1234.54 is 123.454: 100 is within it)."""
    outside = [("adjustment 1", "not_applicable"), ("adjustment 2", "not_applicable")]
    assert _d13("art26.adjustment_route") == [
        *outside,
        ("adjustment 3", "not_applicable"),
        ("adjustment 4", "holds"),
    ]
    assert _d13("art26.ground_technical_optimisation") == [
        *outside,
        ("adjustment 3", "not_applicable"),
        ("adjustment 4", "holds"),
    ]


# kills art26_adjustments.py:144 core/AddNot #2
# kills art26_adjustments.py:144 core/ReplaceComparisonOperator_IsNot_Is #1
# kills art26_adjustments.py:419 core/ReplaceTrueWithFalse #4
# kills art26_adjustments.py:522 core/ReplaceTrueWithFalse #8
# kills art26_adjustments.py:524 core/ReplaceContinueWithBreak #4
def test_d13_the_review_filing_and_new_approval_go_by_the_execution() -> None:
    """D13: the review before, the filing with and the new approval before an adjustment judge its execution — one
    requested before the effective date but carried out after it is judged."""
    assert _d13("art26.adjustment_review") == [
        ("adjustment 1", "not_applicable"),
        ("adjustment 2", "holds"),  # both reviews passed it on 10 October, before 15 October
        ("adjustment 3", "not_applicable"),  # off the route
        ("adjustment 4", "pending"),  # not reviewed yet
    ]
    filing = _d13("art26.adjustment_filing")
    assert filing[:2] == [("adjustment 1", "not_applicable"), ("adjustment 2", "met")]  # 同时: the same day
    assert _d13("art26.general_rules") == [
        ("adjustment 1", "not_applicable"),
        ("adjustment 2", "not_applicable"),  # on the route of para. 1
        ("adjustment 3", "holds"),  # approved anew on 20 October, before it was made on 25 October
        ("adjustment 4", "not_applicable"),
    ]


# kills art26_adjustments.py:120 core/NumberReplacer #5
# kills art26_adjustments.py:121 core/NumberReplacer #11
# kills art26_adjustments.py:467 core/ReplaceUnaryOperator_USub_Not #0
# kills art26_adjustments.py:467 core/NumberReplacer #23
def test_the_review_shows_each_bureaus_day_and_conclusion() -> None:
    """经区数据局、区财政局审核: both reviews are shown, each its own day and conclusion, named by the bureau."""
    [found] = _rule_findings(
        "art26.adjustment_review",
        approval=APPROVED,
        implementation={
            "adjustments": [
                _within(
                    adjusted="2025-10-15",
                    reviewed_by_data_bureau=_PASSED,
                    reviewed_by_finance={"day": "2025-10-12", "outcome": "approved"},
                )
            ]
        },
    )
    assert found.status == "holds"
    p = "implementation.adjustments[0]"
    assert [(c.fact, c.label_zh) for c in found.checks] == [
        (f"{p}.reviewed_by_data_bureau.day", "区数据局审核日期"),
        (f"{p}.reviewed_by_data_bureau.outcome", "区数据局审核结论"),
        (f"{p}.reviewed_by_finance.day", "区财政局审核日期"),
        (f"{p}.reviewed_by_finance.outcome", "区财政局审核结论"),
    ]


# kills art26_adjustments.py:468 core/ReplaceAndWithOr #3
def test_a_review_dated_after_as_of_is_still_to_come() -> None:
    """A review dated after ``as_of`` has not happened on it: the review is PENDING, not undetermined for want of
    its conclusion."""
    [found] = _rule_findings(
        "art26.adjustment_review",
        approval=APPROVED,
        implementation={
            "adjustments": [
                _within(reviewed_by_data_bureau=_PASSED, reviewed_by_finance={"day": "2026-01-10"})
            ]
        },
    )
    assert found.status == "pending"
    assert [c.fact for c in found.checks] == ["implementation.adjustments[0].reviewed_by_data_bureau.outcome"]


# kills art26_adjustments.py:205 core/NumberReplacer #18
def test_d31_the_running_total_starts_right_after_the_new_approval() -> None:
    """D31 cumulative: after adjustment 1's new approval (total 1000.00, so 10% is 100.00), adjustments 2 (80.00,
    carried out) and 3 (50.00) count together: 130.00 is over the limit."""
    found = _statuses(
        "art26.adjustment_route",
        approval=APPROVED,
        implementation={
            "adjustments": [
                _within(
                    requested="2025-06-01", amount="500.00", total_after="1000.00", reapproved="2025-06-20"
                ),
                _within(requested="2025-07-01", amount="80.00", adjusted="2025-07-10"),
                _within(requested="2025-08-01", amount="50.00"),
            ]
        },
    )
    assert found[1:] == [("adjustment 2", "holds"), ("adjustment 3", "fails")]


def _limit_of_third(first: str, second: str) -> Decimal | None:
    """The 10% limit adjustment 3 is held to, after adjustments 1 (total 1000.00) and 2 (2000.00) approved anew."""
    [found] = [
        f
        for f in _rule_findings(
            "art26.adjustment_route",
            approval=APPROVED,
            implementation={
                "adjustments": [
                    _within(requested="2025-06-01", amount="500", total_after="1000.00", reapproved=first),
                    _within(requested="2025-06-02", amount="900", total_after="2000.00", reapproved=second),
                    _within(requested="2025-08-01", amount="150.00"),
                ]
            },
        )
        if f.subject == "adjustment 3"
    ]
    [limit] = [c.required for c in found.checks if c.fact == "implementation.adjustments"]
    assert isinstance(limit, Decimal)
    return limit


# kills art26_adjustments.py:177 core/ReplaceComparisonOperator_GtE_Eq #1
# kills art26_adjustments.py:177 core/ReplaceComparisonOperator_GtE_Gt #1
# kills art26_adjustments.py:177 core/ReplaceComparisonOperator_GtE_Is #1
def test_the_latest_new_approval_sets_the_budget_in_force() -> None:
    """The approved total in force is the latest new approval's: 10% of 2000.00 — also when both were approved the
    same day (the one listed later is the later adjustment)."""
    assert _limit_of_third("2025-06-20", "2025-07-20") == Decimal("200")
    assert _limit_of_third("2025-06-20", "2025-06-20") == Decimal("200")


def _within_budget(expenditure_as_of: str) -> str:
    """art. 25: 1500.00 spent, against the approved 1000.00 or, from 30 September, the 2000.00 approved anew."""
    [found] = _rule_findings(
        "art25.within_budget",
        approval={"approved": "2025-03-10", "approved_budget": "1000.00"},
        implementation={
            "adjustments": [
                _within(
                    requested="2025-08-01", amount="900.00", total_after="2000.00", reapproved="2025-09-30"
                )
            ],
            "actual_expenditure": "1500.00",
            "expenditure_as_of": expenditure_as_of,
        },
    )
    return found.status.value


# kills art26_adjustments.py:175 core/ReplaceComparisonOperator_Gt_Eq #0
# kills art26_adjustments.py:175 core/ReplaceComparisonOperator_Gt_GtE #0
# kills art26_adjustments.py:175 core/ReplaceComparisonOperator_Gt_Is #0
def test_a_new_approval_is_in_force_from_its_own_day() -> None:
    """budget_in_force(on=…): a new approval of 30 September is in force for a figure as of that day, not the day
    before."""
    assert _within_budget("2025-09-30") == "holds"
    assert _within_budget("2025-09-29") == "fails"
