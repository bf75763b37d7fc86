"""Kills the surviving mutants of art12_prohibitions.py: later O&M plans after an inapplicable one, and what the
notes say about an action that has not happened or happened in breach."""

from __future__ import annotations

from datetime import date

from tinghu_policy import Finding, Interpretation, Project, evaluate

from .support import BASE, finding

RULE = "art12.om_funding_needs_data_sharing"


def _plans(*plans: dict[str, object]) -> list[object]:
    project = Project.model_validate(
        {**BASE, "prohibitions": {"public_data_shared": [{"value": False}]}, "om_plans": list(plans)}
    )
    report = evaluate(project, as_of=date(2026, 3, 1), interpretation=Interpretation())
    return [(f.subject, f.status.value) for f in report.findings if f.rule == RULE]


def test_a_plan_after_one_not_yet_filed_is_still_judged() -> None:
    found = _plans(
        {"year": 2027, "submitted": "2026-10-09", "budgeted": "2026-12-01"},
        {"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"},
    )
    assert found == [("2027", "not_applicable"), ("2026", "fails")]


def test_a_plan_after_one_without_money_is_still_judged() -> None:
    found = _plans(
        {"year": 2025, "submitted": "2024-10-09"},
        {"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"},
    )
    assert found == [("2025", "not_applicable"), ("2026", "fails")]


def _om_funding(public_data_shared: bool) -> Finding:
    """Art. 12's O&M-funding prohibition for a 2026 plan in the annual budget."""
    return finding(
        "art12.om_funding_needs_data_sharing",
        prohibitions={"public_data_shared": [{"value": public_data_shared}]},
        om_plans=[{"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"}],
        subject="2026",
    )


def test_a_breach_says_it_must_not_happen_and_a_kept_rule_does_not() -> None:
    breach = _om_funding(public_data_shared=False)
    assert breach.status == "fails"
    assert breach.note_zh.endswith("，不得如此")
    kept = _om_funding(public_data_shared=True)
    assert kept.status == "holds"
    assert "不得如此" not in kept.note_zh


def test_no_works_yet_says_whether_the_approval_is_missing() -> None:
    unapproved = finding("art12.funds_and_works_need_approval", subject="works")
    assert unapproved.status == "holds"
    assert "the condition is not met, so it must not happen" in unapproved.note_en
    approved = finding(
        "art12.funds_and_works_need_approval",
        subject="works",
        review=[{"received": "2025-12-01", "final_opinion": "2026-01-05"}],
        approval={"approved": "2026-01-10", "approved_by": "data_bureau"},
    )
    assert approved.status == "holds"
    assert "that act has not happened: nothing is breached" in approved.note_en
