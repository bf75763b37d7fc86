"""Art. 11: the filing set, the review clock (5, 15, 3, 5 working days), the sequence and the annual O&M plan."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import (
    ClassifiedApplication,
    CountingStart,
    FinalOpinionOrder,
    Interpretation,
    JointEvaluationClockStart,
    RevisionExpiry,
    SameDayPrecedence,
)
from tinghu_policy.periods import WorkingDays, deadline, is_working_day

BASE: dict[str, Any] = {
    "id": "TH-T-11",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
}
ALL_DOCS = ["request", "feasibility_study", "cost_assessment"]
FOUR = {
    "committee_office": "2026-03-12",
    "cyberspace_office": "2026-03-13",
    "finance_bureau": "2026-03-16",
    "audit_bureau": "2026-03-16",
}


def opinion(issued: str) -> dict[str, Any]:
    """An initial opinion issued on ``issued`` that asks for a revision (the case art. 11(1)(ii) describes)."""
    return {"issued": issued, "outcome": "revise"}


def approved(day: str) -> dict[str, Any]:
    """A review (or re-check) concluded on ``day`` that passed the O&M plan."""
    return {"day": day, "outcome": "approved"}


def run(as_of: date, *, interpretation: Interpretation | None = None, **facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=as_of, interpretation=interpretation)


def one_round(as_of: date, *, interpretation: Interpretation | None = None, **round_: Any) -> Report:
    return run(as_of, interpretation=interpretation, review=[{"documents": ALL_DOCS, **round_}])


# --- (一) filing set ----------------------------------------------------------------------------------------------


def test_filing_set_names_the_missing_document() -> None:
    report = one_round(date(2026, 3, 20), received="2026-03-02", documents=["request", "feasibility_study"])
    finding = report.finding("art11.filing_set", "round 1")
    assert finding.status is Status.FAILS
    failed = [c.fact for c in finding.checks if c.ok is False]
    assert failed == ["review[0].documents.cost_assessment"]
    assert "造价咨询评估报告" in finding.explanation_zh


# --- (二) initial opinion: 5 working days -------------------------------------------------------------------------

receipts = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 30))


@settings(max_examples=150, deadline=None)
@given(received=receipts)
def test_initial_opinion_boundary_on_the_due_day_and_the_next_working_day(received: date) -> None:
    """On the 5th working day after receipt → met; on the next working day → late (D1, D2)."""
    due = received + timedelta(days=1)
    counted = 0
    while True:  # count working days independently of the rule: the receipt day itself is not counted
        if is_working_day(due):
            counted += 1
            if counted == 5:
                break
        due += timedelta(days=1)
    after = due + timedelta(days=1)
    while not is_working_day(after):
        after += timedelta(days=1)
    met = one_round(
        date(2026, 12, 31), received=received.isoformat(), initial_opinion=opinion(due.isoformat())
    )
    late = one_round(
        date(2026, 12, 31), received=received.isoformat(), initial_opinion=opinion(after.isoformat())
    )
    assert met.finding("art11.initial_opinion", "round 1").status is Status.MET
    assert met.finding("art11.initial_opinion", "round 1").due == due
    assert late.finding("art11.initial_opinion", "round 1").status is Status.LATE


def test_initial_opinion_pending_then_overdue() -> None:
    # received Wed 2026-04-01; 04-02, 04-03, (Qingming 04-04…06), 04-07, 04-08, 04-09 → due Thu 04-09
    assert (
        one_round(date(2026, 4, 9), received="2026-04-01").finding("art11.initial_opinion", "round 1").status
        is Status.PENDING
    )
    overdue = one_round(date(2026, 4, 10), received="2026-04-01").finding("art11.initial_opinion", "round 1")
    assert overdue.status is Status.OVERDUE
    assert overdue.due == date(2026, 4, 9)


def test_saturday_receipt_d1_and_d1b_differ_by_one_working_day() -> None:
    d1 = one_round(date(2026, 3, 31), received="2026-03-07").finding("art11.initial_opinion", "round 1")
    d1b = one_round(
        date(2026, 3, 31),
        received="2026-03-07",
        interpretation=Interpretation(counting_start=CountingStart.NEXT_WORKING_DAY),
    ).finding("art11.initial_opinion", "round 1")
    assert (d1.due, d1b.due) == (date(2026, 3, 13), date(2026, 3, 16))


def test_a_round_received_after_as_of_is_not_yet_known() -> None:
    report = run(
        date(2026, 3, 31),
        review=[
            {"received": "2026-03-02", "documents": ALL_DOCS},
            {"received": "2026-04-07", "documents": ALL_DOCS},
        ],
    )
    subjects = [f.subject for f in report.findings if f.rule == "art11.initial_opinion"]
    assert subjects == ["round 1"]


# --- (二) revision: 15 working days and D15 -----------------------------------------------------------------------


def _revision(as_of: date, interpretation: Interpretation | None = None, **extra: Any) -> Report:
    # initial opinion Mon 2025-04-21 → 15 working days (make-up Sun 04-27, Labour Day 05-01…05) → due Wed 2025-05-14
    return one_round(
        as_of,
        interpretation=interpretation,
        received="2025-04-15",
        initial_opinion=opinion("2025-04-21"),
        **extra,
    )


def test_revision_due_matches_the_periods_library() -> None:
    finding = _revision(date(2025, 5, 20)).finding("art11.revision", "round 1")
    assert finding.due == deadline(date(2025, 4, 21), WorkingDays(15)).due == date(2025, 5, 14)
    assert finding.status is Status.OVERDUE


def test_d15_default_says_returned_on_expiry() -> None:
    finding = _revision(date(2025, 5, 20)).finding("art11.revision", "round 1")
    assert "申请视为退回" in finding.note_zh
    assert "returned (D15)" in finding.note_en


def test_d15_by_notice_without_a_recorded_return_keeps_the_round_open() -> None:
    by_notice = Interpretation(revision_expiry=RevisionExpiry.RETURNED_BY_NOTICE)
    finding = _revision(date(2025, 5, 20), by_notice).finding("art11.revision", "round 1")
    assert finding.status is Status.OVERDUE
    assert "尚未记录退回" in finding.note_zh
    assert "视为退回" not in finding.note_zh


def test_d15_by_notice_names_the_recorded_return_once_known() -> None:
    by_notice = Interpretation(revision_expiry=RevisionExpiry.RETURNED_BY_NOTICE)
    before = _revision(date(2025, 5, 15), by_notice, returned="2025-05-16").finding(
        "art11.revision", "round 1"
    )
    after = _revision(date(2025, 5, 16), by_notice, returned="2025-05-16").finding(
        "art11.revision", "round 1"
    )
    assert "尚未记录退回" in before.note_zh
    assert "2025-05-16退回申请" in after.note_zh


def test_late_revision_under_the_default_is_a_resubmission() -> None:
    finding = _revision(date(2025, 5, 20), revised="2025-05-15").finding("art11.revision", "round 1")
    assert finding.status is Status.LATE
    assert "重新申报" in finding.note_zh


def test_met_revision_carries_no_return_note() -> None:
    finding = _revision(date(2025, 5, 20), revised="2025-05-14").finding("art11.revision", "round 1")
    assert finding.status is Status.MET
    assert "退回" not in finding.note_zh


def test_resubmission_restarts_the_clock() -> None:
    report = run(
        date(2025, 5, 30),
        review=[
            {
                "received": "2025-04-15",
                "documents": ALL_DOCS,
                "initial_opinion": opinion("2025-04-21"),
                "returned": "2025-05-15",
            },
            {"received": "2025-05-19", "documents": ALL_DOCS},
        ],
    )
    second = report.finding("art11.initial_opinion", "round 2")
    assert second.due == deadline(date(2025, 5, 19), WorkingDays(5)).due == date(2025, 5, 26)
    assert second.status is Status.OVERDUE


# --- (三) department review ---------------------------------------------------------------------------------------


def test_every_named_department_owes_an_opinion_and_added_ones_too() -> None:
    report = one_round(
        date(2026, 3, 20),
        received="2026-02-26",
        initial_opinion=opinion("2026-03-03"),
        revised="2026-03-09",
        sent_to_departments="2026-03-10",
        department_opinions={"development_reform": "2026-03-11"},
    )
    found = {f.subject: f for f in report.findings if f.rule == "art11.department_review"}
    assert set(found) == {
        f"round 1: {p}"
        for p in (
            "committee_office",
            "cyberspace_office",
            "finance_bureau",
            "audit_bureau",
            "development_reform",
        )
    }
    assert found["round 1: development_reform"].status is Status.MET
    assert found["round 1: audit_bureau"].status is Status.OVERDUE
    assert found["round 1: audit_bureau"].owed_by is not None
    assert found["round 1: audit_bureau"].owed_by.value == "audit_bureau"


def test_department_review_not_started_is_not_applicable() -> None:
    report = one_round(date(2026, 3, 20), received="2026-03-02")
    statuses = {f.status for f in report.findings if f.rule == "art11.department_review"}
    assert statuses == {Status.NOT_APPLICABLE}


# --- (四) joint evaluation and D9 ---------------------------------------------------------------------------------

EVALUATED: dict[str, Any] = {
    "received": "2026-02-26",
    "initial_opinion": opinion("2026-03-03"),
    "revised": "2026-03-10",
    "sent_to_departments": "2026-03-11",
    "department_opinions": FOUR,
    "panel_received": "2026-03-20",
    "expert_opinion": "2026-03-25",
}
D9_OPTION = Interpretation(joint_evaluation_clock_start=JointEvaluationClockStart.DEPARTMENT_REVIEW_COMPLETE)


def test_d9_default_counts_from_the_panel_receipt() -> None:
    finding = one_round(date(2026, 3, 31), **EVALUATED).finding("art11.joint_evaluation", "round 1")
    assert (finding.status, finding.due) == (Status.MET, date(2026, 3, 27))


def test_d9_option_counts_from_the_last_department_opinion() -> None:
    finding = one_round(date(2026, 3, 31), interpretation=D9_OPTION, **EVALUATED).finding(
        "art11.joint_evaluation", "round 1"
    )
    assert (finding.status, finding.due) == (Status.LATE, date(2026, 3, 23))


def test_d9_option_waits_for_every_named_department() -> None:
    partial = {**EVALUATED, "department_opinions": {k: v for k, v in FOUR.items() if k != "audit_bureau"}}
    finding = one_round(date(2026, 3, 31), interpretation=D9_OPTION, **partial).finding(
        "art11.joint_evaluation", "round 1"
    )
    assert finding.status is Status.NOT_APPLICABLE


def test_d9_option_ignores_an_opinion_dated_after_as_of() -> None:
    late_opinion = {**EVALUATED, "department_opinions": {**FOUR, "audit_bureau": "2026-04-01"}}
    finding = one_round(date(2026, 3, 31), interpretation=D9_OPTION, **late_opinion).finding(
        "art11.joint_evaluation", "round 1"
    )
    assert finding.status is Status.NOT_APPLICABLE


# --- (四) sequence ------------------------------------------------------------------------------------------------


def _sequence(**changes: Any) -> Status:
    report = one_round(date(2026, 4, 30), **{**EVALUATED, **changes})
    return report.finding("art11.evaluation_sequence", "round 1").status


def test_sequence_in_order_holds() -> None:
    assert (
        _sequence(
            revised_after_evaluation="2026-03-26",
            fiscal_review_report="2026-03-27",
            final_opinion="2026-03-30",
        )
        is Status.HOLDS
    )


def test_sequence_panel_before_the_last_department_opinion_fails() -> None:
    assert _sequence(panel_received="2026-03-14", expert_opinion="2026-03-18") is Status.FAILS


def test_sequence_fiscal_report_without_an_expert_opinion_fails() -> None:
    assert _sequence(expert_opinion=None, fiscal_review_report="2026-03-23") is Status.FAILS


def test_sequence_final_opinion_before_the_fiscal_report_fails() -> None:
    assert _sequence(fiscal_review_report="2026-03-30", final_opinion="2026-03-27") is Status.FAILS


def test_sequence_before_the_panel_is_not_applicable() -> None:
    assert _sequence(panel_received=None, expert_opinion=None) is Status.NOT_APPLICABLE


# --- classified projects ------------------------------------------------------------------------------------------


def test_classified_project_leaves_every_rule_of_paragraph_1() -> None:
    report = run(date(2026, 4, 30), classified=True, review=[EVALUATED | {"documents": ["request"]}])
    para1 = [f for f in report.findings if f.rule.startswith("art11.") and f.provision != "art11.p2"]
    assert {f.rule for f in para1} == {
        "art11.filing_set",
        "art11.initial_opinion",
        "art11.revision",
        "art11.department_review",
        "art11.departments_after_revision",
        "art11.joint_evaluation",
        "art11.evaluation_sequence",
    }
    assert all(f.status is Status.NOT_APPLICABLE and f.subject is None for f in para1)


# --- 第二款 the annual O&M plan -------------------------------------------------------------------------------------


def _om(plan: dict[str, Any], as_of: date = date(2026, 1, 15)) -> Status:
    return run(as_of, om_plans=[{"year": 2026, **plan}]).finding("art11.om_plan", "2026").status


def test_om_plan_in_budget_without_review_fails() -> None:
    assert (
        _om(
            {
                "submitted": "2025-10-09",
                "rechecked_by_finance": approved("2025-11-05"),
                "budgeted": "2025-12-01",
            }
        )
        is Status.FAILS
    )


def test_om_plan_in_budget_without_recheck_fails() -> None:
    assert _om({"reviewed_by_data_bureau": approved("2025-10-20"), "budgeted": "2025-12-01"}) is Status.FAILS


def test_om_plan_recheck_before_review_fails() -> None:
    plan = {
        "reviewed_by_data_bureau": approved("2025-11-05"),
        "rechecked_by_finance": approved("2025-10-20"),
        "budgeted": "2025-12-01",
    }
    assert _om(plan) is Status.FAILS


def test_om_plan_in_order_holds() -> None:
    plan = {
        "submitted": "2025-10-09",
        "reviewed_by_data_bureau": approved("2025-10-20"),
        "rechecked_by_finance": approved("2025-11-05"),
        "budgeted": "2025-12-01",
    }
    assert _om(plan) is Status.HOLDS


def test_om_plan_review_dated_after_as_of_is_not_yet_done() -> None:
    plan = {
        "reviewed_by_data_bureau": approved("2025-10-20"),
        "rechecked_by_finance": approved("2026-02-01"),
        "budgeted": "2026-01-10",
    }
    assert _om(plan) is Status.FAILS


def test_om_plan_not_in_budget_reports_its_stage() -> None:
    finding = run(
        date(2026, 1, 15),
        om_plans=[
            {"year": 2026, "submitted": "2025-10-09", "reviewed_by_data_bureau": approved("2025-10-20")}
        ],
    ).finding("art11.om_plan", "2026")
    assert finding.status is Status.NOT_APPLICABLE
    assert "待区财政局复核" in finding.note_zh


def test_om_plan_not_in_budget_but_rechecked_without_review_fails() -> None:
    assert _om({"submitted": "2025-10-09", "rechecked_by_finance": approved("2025-10-20")}) is Status.FAILS


@pytest.mark.parametrize(
    ("review", "recheck", "expected"),
    [
        ("approved", "approved", Status.HOLDS),
        ("rejected", "approved", Status.FAILS),  # a rejecting review is not the review the budget must follow
        ("approved", "rejected", Status.FAILS),
        ("approved", None, Status.UNDETERMINED),  # the re-check's conclusion is not stated
    ],
)
def test_om_plan_reviews_must_pass_the_plan(review: str, recheck: str | None, expected: Status) -> None:
    plan = {
        "submitted": "2025-10-09",
        "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": review},
        "rechecked_by_finance": {"day": "2025-11-05", "outcome": recheck},
        "budgeted": "2025-12-01",
    }
    assert _om(plan) is expected


def test_om_plan_budget_entry_before_the_recheck_fails() -> None:
    plan = {
        "submitted": "2025-10-09",
        "reviewed_by_data_bureau": approved("2025-10-20"),
        "rechecked_by_finance": approved("2025-11-05"),
        "budgeted": "2025-11-04",
    }
    assert _om(plan) is Status.FAILS


def test_om_plan_budgeted_after_as_of_is_not_yet_in_the_budget() -> None:
    plan = {
        "year": 2026,
        "submitted": "2025-10-09",
        "reviewed_by_data_bureau": approved("2025-10-20"),
        "rechecked_by_finance": approved("2025-11-05"),
        "budgeted": "2026-02-01",
    }
    finding = run(date(2026, 1, 15), om_plans=[plan]).finding("art11.om_plan", "2026")
    assert finding.status is Status.NOT_APPLICABLE
    assert "尚未列入年度预算" in finding.note_zh


def test_no_om_plan_is_not_applicable() -> None:
    assert run(date(2026, 1, 15)).finding("art11.om_plan").status is Status.NOT_APPLICABLE


# --- (三) the materials go to the departments after the revision (D17) ---------------------------------------------

EARLIER_DAY = Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)


def _after_revision(
    revised: date | None, sent: date | None, interpretation: Interpretation | None = None
) -> Status:
    round_ = {
        "received": "2026-03-02",
        "initial_opinion": opinion("2026-03-03"),
        "revised": None if revised is None else revised.isoformat(),
        "sent_to_departments": None if sent is None else sent.isoformat(),
    }
    report = one_round(date(2026, 4, 30), interpretation=interpretation, **round_)
    return report.finding("art11.departments_after_revision", "round 1").status


@settings(max_examples=60, deadline=None)
@given(revised=st.integers(min_value=0, max_value=20), sent=st.integers(min_value=0, max_value=20))
def test_departments_after_revision_both_readings_of_d17(revised: int, sent: int) -> None:
    """Same day: holds by default, fails with ``earlier_day``; otherwise the order decides under both readings."""
    revised_day, sent_day = (
        date(2026, 3, 3) + timedelta(days=revised),
        date(2026, 3, 3) + timedelta(days=sent),
    )
    assert _after_revision(revised_day, sent_day) is (Status.HOLDS if sent >= revised else Status.FAILS)
    assert _after_revision(revised_day, sent_day, EARLIER_DAY) is (
        Status.HOLDS if sent > revised else Status.FAILS
    )


def test_materials_sent_without_a_revision_fail_and_name_the_missing_step() -> None:
    report = one_round(
        date(2026, 3, 20),
        received="2026-03-02",
        initial_opinion=opinion("2026-03-05"),
        sent_to_departments="2026-03-10",
    )
    finding = report.finding("art11.departments_after_revision", "round 1")
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == ["review[0].revised"]


def test_departments_after_revision_waits_for_the_sending() -> None:
    assert _after_revision(date(2026, 3, 9), None) is Status.NOT_APPLICABLE
    assert _after_revision(date(2026, 3, 9), date(2026, 5, 4)) is Status.NOT_APPLICABLE  # sent after as_of


def test_an_accepting_initial_opinion_owes_no_revision_and_the_materials_go_on_as_they_are() -> None:
    report = one_round(
        date(2026, 4, 30),
        received="2026-03-02",
        initial_opinion={"issued": "2026-03-03", "outcome": "accept"},
        sent_to_departments="2026-03-04",
    )
    assert report.finding("art11.revision", "round 1").status is Status.NOT_APPLICABLE
    assert report.finding("art11.departments_after_revision", "round 1").status is Status.HOLDS


def test_a_rejecting_initial_opinion_ends_the_round_without_a_revision() -> None:
    report = one_round(
        date(2026, 4, 30),
        received="2026-03-02",
        initial_opinion={"issued": "2026-03-03", "outcome": "reject"},
    )
    finding = report.finding("art11.revision", "round 1")
    assert finding.status is Status.NOT_APPLICABLE
    assert "不予通过" in finding.note_zh


# --- (四) sequence: D17 and D20 -------------------------------------------------------------------------------------


def test_sequence_steps_on_the_same_day_fail_only_with_earlier_day() -> None:
    same_day = {
        **EVALUATED,
        "revised_after_evaluation": "2026-03-25",
        "fiscal_review_report": "2026-03-25",
        "final_opinion": "2026-03-25",
    }
    assert one_round(date(2026, 4, 30), **same_day).finding(
        "art11.evaluation_sequence", "round 1"
    ).status is (Status.HOLDS)
    strict = one_round(date(2026, 4, 30), interpretation=EARLIER_DAY, **same_day)
    finding = strict.finding("art11.evaluation_sequence", "round 1")
    assert finding.status is Status.FAILS
    assert {c.fact for c in finding.checks if c.ok is False} == {
        "review[0].revised_after_evaluation",
        "review[0].fiscal_review_report",
        "review[0].final_opinion",
    }


def test_d20_option_does_not_order_the_final_opinion_after_the_fiscal_report() -> None:
    early_final = {"fiscal_review_report": "2026-03-30", "final_opinion": "2026-03-27"}
    option = Interpretation(final_opinion_order=FinalOpinionOrder.AFTER_EXPERT_OPINION)
    report = one_round(date(2026, 4, 30), interpretation=option, **{**EVALUATED, **early_final})
    assert report.finding("art11.evaluation_sequence", "round 1").status is Status.HOLDS
    assert _sequence(**early_final) is Status.FAILS  # the default: the final opinion is the last step


def test_d20_option_still_orders_the_final_opinion_after_the_expert_opinion() -> None:
    option = Interpretation(final_opinion_order=FinalOpinionOrder.AFTER_EXPERT_OPINION)
    report = one_round(
        date(2026, 4, 30), interpretation=option, **{**EVALUATED, "final_opinion": "2026-03-24"}
    )
    assert report.finding("art11.evaluation_sequence", "round 1").status is Status.FAILS


# --- classified projects: D19 -------------------------------------------------------------------------------------


def _classified(reading: ClassifiedApplication) -> Report:
    round_ = EVALUATED | {"documents": ALL_DOCS, "initial_opinion": None, "revised": None}
    return run(
        date(2026, 4, 30),
        classified=True,
        review=[round_],
        interpretation=Interpretation(classified_application=reading),
    )


def test_d19_pre_review_only_keeps_items_1_3_and_4() -> None:
    report = _classified(ClassifiedApplication.PRE_REVIEW_ONLY)
    assert report.finding("art11.filing_set", "round 1").status is Status.HOLDS
    assert report.finding("art11.department_review", "round 1: finance_bureau").status is Status.MET
    assert report.finding("art11.joint_evaluation", "round 1").status is Status.MET
    assert report.finding("art11.evaluation_sequence", "round 1").status is Status.HOLDS
    for rule in ("art11.initial_opinion", "art11.revision", "art11.departments_after_revision"):
        assert report.finding(rule).status is Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    "reading", [ClassifiedApplication.WHOLE_FLOW, ClassifiedApplication.APPLICATION_ONLY]
)
def test_d19_whole_flow_and_application_only_leave_all_of_paragraph_1(reading: ClassifiedApplication) -> None:
    report = _classified(reading)
    para1 = [f for f in report.findings if f.rule.startswith("art11.") and f.provision != "art11.p2"]
    assert {f.status for f in para1} == {Status.NOT_APPLICABLE}
    assert "D19" in report.finding("art11.department_review").note_zh


# --- 第二款: D17 ------------------------------------------------------------------------------------------------------


def test_om_plan_steps_on_the_same_day_fail_only_with_earlier_day() -> None:
    plan = {
        "year": 2026,
        "submitted": "2025-10-09",
        "reviewed_by_data_bureau": approved("2025-10-09"),
        "rechecked_by_finance": approved("2025-10-09"),
        "budgeted": "2025-10-09",
    }
    assert run(date(2026, 1, 15), om_plans=[plan]).finding("art11.om_plan", "2026").status is Status.HOLDS
    strict = run(date(2026, 1, 15), om_plans=[plan], interpretation=EARLIER_DAY).finding(
        "art11.om_plan", "2026"
    )
    assert strict.status is Status.FAILS
