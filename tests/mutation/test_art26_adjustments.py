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
