"""Art. 14: joint evaluation → project code → approval documents → approval by 区数据局."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import (
    ClassifiedApplication,
    Interpretation,
    ProjectCodeAfter,
    SameDayPrecedence,
)

BASE: dict[str, Any] = {
    "id": "TH-T-14",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
}
ROUND = {
    "received": "2026-02-26",
    "documents": ["request"],
    "panel_received": "2026-03-20",
    "expert_opinion": "2026-03-25",
    "fiscal_review_report": "2026-03-25",
    "final_opinion": "2026-03-25",
}
"""A round whose joint evaluation ends on 2026-03-25: expert opinion, fiscal report and final opinion that day."""
STEPS = ("project_code", "documents_filed", "approved")


def run(approval: dict[str, Any], review: list[Any] | None = None, **facts: Any) -> Report:
    facts = {**BASE, "review": [ROUND] if review is None else review, "approval": approval, **facts}
    return evaluate(facts, as_of=date(2026, 4, 30))


def order(report: Report) -> tuple[Status, ...]:
    return tuple(report.finding("art14.approval_order", step).status for step in STEPS)


H, F, NA = Status.HOLDS, Status.FAILS, Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("code", "documents", "approved", "expected"),
    [
        ("2026-03-25", "2026-03-25", "2026-03-25", (H, H, H)),  # all on the same day: not before the previous
        ("2026-03-24", "2026-04-02", "2026-04-15", (F, H, H)),  # the code a day before the expert opinion
        ("2026-03-30", "2026-03-29", "2026-04-15", (H, F, H)),
        ("2026-03-30", "2026-04-02", "2026-04-01", (H, H, F)),
        (None, "2026-04-02", None, (NA, F, NA)),  # documents filed without a project code
        ("2026-03-30", None, "2026-04-15", (H, NA, F)),  # approved without documents
        (None, None, None, (NA, NA, NA)),
    ],
)
def test_each_step_not_before_the_previous(
    code: str | None, documents: str | None, approved: str | None, expected: tuple[Status, ...]
) -> None:
    approval = {"project_code_obtained": code, "documents_filed": documents, "approved": approved}
    assert order(run(approval)) == expected


def test_each_step_names_the_party_that_takes_it() -> None:
    report = run(
        {"project_code_obtained": "2026-03-30", "documents_filed": "2026-04-02", "approved": "2026-04-15"}
    )
    owed = {step: report.finding("art14.approval_order", step).owed_by for step in STEPS}
    assert {step: None if party is None else party.value for step, party in owed.items()} == {
        "project_code": "project_unit",
        "documents_filed": "project_unit",
        "approved": "data_bureau",
    }
    approved = report.finding("art14.approval_order", "approved")
    assert "（审批）" in approved.explanation_zh
    assert "义务方：区数据局" in approved.explanation_zh


def test_project_code_without_any_joint_evaluation_fails() -> None:
    report = run(
        {"project_code_obtained": "2026-03-30"}, review=[{"received": "2026-02-26", "documents": ["request"]}]
    )
    finding = report.finding("art14.approval_order", "project_code")
    assert finding.status is Status.FAILS
    assert "联合评审最终审核意见" in finding.explanation_zh


def test_the_last_round_counts() -> None:
    returned = {"received": "2026-01-05", "documents": ["request"], "returned": "2026-02-10"}
    report = run({"project_code_obtained": "2026-03-30"}, review=[returned, ROUND])
    assert report.finding("art14.approval_order", "project_code").status is Status.HOLDS
    only_old = run(
        {"project_code_obtained": "2026-03-30"},
        review=[ROUND, returned | {"received": "2026-03-26", "returned": "2026-03-27"}],
    )
    assert only_old.finding("art14.approval_order", "project_code").status is Status.FAILS


@pytest.mark.parametrize(
    ("approved_by", "expected"),
    [("data_bureau", Status.HOLDS), ("development_reform", Status.FAILS), (None, Status.UNDETERMINED)],
)
def test_approved_by_data_bureau(approved_by: str | None, expected: Status) -> None:
    report = run({"approved": "2026-04-15", "approved_by": approved_by})
    assert report.finding("art14.approved_by_data_bureau").status is expected


def test_not_yet_approved_is_not_applicable() -> None:
    assert run({}).finding("art14.approved_by_data_bureau").status is Status.NOT_APPLICABLE


def test_classified_project_has_no_joint_evaluation() -> None:
    report = run({"project_code_obtained": "2026-03-01"}, review=[], classified=True)
    finding = report.finding("art14.approval_order")
    assert (finding.status, finding.subject) == (Status.NOT_APPLICABLE, None)


# --- D19: a classified project; D17: steps on the same day -------------------------------------------------------

OUT_OF_ORDER = {
    "project_code_obtained": "2026-03-30",
    "documents_filed": "2026-03-29",
    "approved": "2026-04-15",
}


def interpreted(approval: dict[str, Any], interpretation: Interpretation, **facts: Any) -> Report:
    facts = {**BASE, "review": [ROUND], "approval": approval, **facts}
    return evaluate(facts, as_of=date(2026, 4, 30), interpretation=interpretation)


def test_d19_application_only_orders_a_classified_project_from_the_project_code() -> None:
    option = Interpretation(classified_application=ClassifiedApplication.APPLICATION_ONLY)
    report = interpreted(OUT_OF_ORDER, option, review=[], classified=True)
    assert order(report) == (H, F, H)  # no joint evaluation needed before the code
    assert "D19" in report.finding("art14.approval_order", "project_code").note_zh


def test_d19_pre_review_only_keeps_the_joint_evaluation_step_for_a_classified_project() -> None:
    option = Interpretation(classified_application=ClassifiedApplication.PRE_REVIEW_ONLY)
    early_code = {
        "project_code_obtained": "2026-03-24",
        "documents_filed": "2026-04-02",
        "approved": "2026-04-15",
    }
    assert order(interpreted(early_code, option, classified=True)) == (F, H, H)
    without_evaluation = interpreted(early_code, option, review=[], classified=True)
    assert order(without_evaluation) == (F, H, F)  # nor a final opinion or fiscal report before the approval


def test_d19_readings_leave_a_non_classified_project_alone() -> None:
    for reading in ClassifiedApplication:
        report = interpreted(OUT_OF_ORDER, Interpretation(classified_application=reading))
        assert order(report) == (H, F, H)


def test_d17_earlier_day_makes_steps_on_the_same_day_out_of_order() -> None:
    same_day = {
        "project_code_obtained": "2026-03-25",
        "documents_filed": "2026-03-25",
        "approved": "2026-03-25",
    }
    strict = Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)
    assert order(interpreted(same_day, strict)) == (F, F, F)
    assert order(run(same_day)) == (H, H, H)


# --- the end of the joint evaluation: D32 and the approval ------------------------------------------------------------

EVALUATION = {
    "received": "2026-05-11",
    "documents": ["request"],
    "panel_received": "2026-06-01",
    "expert_opinion": "2026-06-08",
    "fiscal_review_report": "2026-06-16",
    "final_opinion": "2026-06-17",
}
"""Expert opinion 06-08, fiscal review report 06-16, final review opinion 06-17."""
EXPERT_OPINION = Interpretation(project_code_after=ProjectCodeAfter.EXPERT_OPINION)


def evaluated(
    approval: dict[str, Any], interpretation: Interpretation, review: list[Any] | None = None
) -> Report:
    facts = {**BASE, "review": [EVALUATION] if review is None else review, "approval": approval}
    return evaluate(facts, as_of=date(2026, 6, 30), interpretation=interpretation)


@pytest.mark.parametrize(
    ("code", "default", "option"),
    [
        ("2026-06-07", F, F),  # before the expert opinion
        ("2026-06-08", F, H),  # on the expert opinion's day, before the final opinion
        ("2026-06-16", F, H),
        ("2026-06-17", H, H),  # on the final opinion's day (D17)
        ("2026-06-18", H, H),
    ],
)
def test_d32_the_project_code_follows_the_final_opinion_by_default(
    code: str, default: Status, option: Status
) -> None:
    approval = {"project_code_obtained": code}
    assert order(evaluated(approval, Interpretation()))[0] is default
    assert order(evaluated(approval, EXPERT_OPINION))[0] is option


@settings(max_examples=60, deadline=None)
@given(offset=st.integers(min_value=-8, max_value=8))
def test_the_approval_follows_the_final_opinion_and_the_fiscal_report_under_every_reading(
    offset: int,
) -> None:
    """Documents filed 06-09 after a code of 06-08 (D32 option, so the earlier steps hold); approval 06-17 ± offset."""
    approved = date(2026, 6, 17) + timedelta(days=offset)
    approval = {
        "project_code_obtained": "2026-06-08",
        "documents_filed": "2026-06-09",
        "approved": approved.isoformat(),
    }
    for interpretation in (Interpretation(), EXPERT_OPINION):
        finding = evaluated(approval, interpretation).finding("art14.approval_order", "approved")
        assert finding.status is (H if approved >= date(2026, 6, 17) else F)
        failed = {c.fact for c in finding.checks if c.ok is False}
        expected = set()
        if approved < date(2026, 6, 17):
            expected.add("review[0].final_opinion")
        if approved < date(2026, 6, 16):
            expected.add("review[0].fiscal_review_report")
        assert failed == expected


def test_an_approval_without_a_final_opinion_or_fiscal_report_names_them() -> None:
    round_ = {k: v for k, v in EVALUATION.items() if k not in ("fiscal_review_report", "final_opinion")}
    approval = {
        "project_code_obtained": "2026-06-09",
        "documents_filed": "2026-06-10",
        "approved": "2026-06-12",
    }
    finding = evaluated(approval, EXPERT_OPINION, review=[round_]).finding("art14.approval_order", "approved")
    assert finding.status is F
    assert [c.fact for c in finding.checks if c.ok is False] == [
        "review[0].final_opinion",
        "review[0].fiscal_review_report",
    ]
    assert "审批（2026-06-12）前已有最终审核意见" in finding.explanation_zh


def test_d19_application_only_does_not_ask_the_approval_to_follow_a_review() -> None:
    option = Interpretation(classified_application=ClassifiedApplication.APPLICATION_ONLY)
    approval = {
        "project_code_obtained": "2026-03-02",
        "documents_filed": "2026-03-04",
        "approved": "2026-03-16",
    }
    report = interpreted(approval, option, review=[], classified=True)
    assert order(report) == (H, H, H)
