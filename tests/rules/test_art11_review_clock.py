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
    RevisionWindowStart,
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


EXPIRY = Interpretation(revision_expiry=RevisionExpiry.RETURNED_ON_EXPIRY)


def test_d15_default_makes_the_return_due_and_keeps_the_round_open() -> None:
    finding = _revision(date(2025, 5, 20)).finding("art11.revision", "round 1")
    assert finding.status is Status.OVERDUE
    assert "退回申请已到期，区数据局尚未退回，申请仍在本轮（D15）" in finding.note_zh
    assert "视为退回" not in finding.note_zh
    assert "the return is due" in finding.note_en


def test_d15_option_says_returned_on_expiry() -> None:
    finding = _revision(date(2025, 5, 20), EXPIRY).finding("art11.revision", "round 1")
    assert finding.status is Status.OVERDUE
    assert "申请视为退回（D15 选项）" in finding.note_zh
    assert "counts as returned (D15 option)" in finding.note_en


def test_d15_default_names_the_recorded_return_once_known() -> None:
    before = _revision(date(2025, 5, 15), returned="2025-05-16").finding("art11.revision", "round 1")
    after = _revision(date(2025, 5, 16), returned="2025-05-16").finding("art11.revision", "round 1")
    assert "尚未退回" in before.note_zh
    assert "区数据局于2025-05-16退回申请（D15）" in after.note_zh


def test_late_revision_continues_the_round_by_default_and_is_a_resubmission_under_the_option() -> None:
    default = _revision(date(2025, 5, 20), revised="2025-05-15").finding("art11.revision", "round 1")
    assert default.status is Status.LATE
    assert "逾期提交的材料仍属本轮" in default.note_zh
    option = _revision(date(2025, 5, 20), EXPIRY, revised="2025-05-15").finding("art11.revision", "round 1")
    assert option.status is Status.LATE
    assert "重新申报" in option.note_zh


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
        "art11.application_return",
        "art11.department_review",
        "art11.departments_after_revision",
        "art11.joint_evaluation",
        "art11.panel_composition",
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


# --- (二) the return (D15) ------------------------------------------------------------------------------------------

# initial opinion Thu 2026-06-04 (revise) → the window's last day is Fri 2026-06-26 (Dragon Boat 06-19…06-21 off)
WINDOW_DUE = date(2026, 6, 26)


def _returned(
    returned: date | None,
    *,
    as_of: date = date(2026, 7, 31),
    interpretation: Interpretation | None = None,
    **extra: Any,
) -> Report:
    round_: dict[str, Any] = {
        "received": "2026-06-01",
        "initial_opinion": opinion("2026-06-04"),
        "returned": None if returned is None else returned.isoformat(),
        **extra,
    }
    return one_round(as_of, interpretation=interpretation, **round_)


@settings(max_examples=60, deadline=None)
@given(offset=st.integers(min_value=0, max_value=40))
def test_a_return_holds_only_after_the_windows_last_day(offset: int) -> None:
    """Returned on or before the last day → the return fails and the revision is not applicable; after it → the
    return holds and the revision is overdue (D15)."""
    returned = date(2026, 6, 4) + timedelta(days=offset)
    report = _returned(returned)
    early = returned <= WINDOW_DUE
    assert report.finding("art11.application_return", "round 1").status is (
        Status.FAILS if early else Status.HOLDS
    )
    assert report.finding("art11.revision", "round 1").status is (
        Status.NOT_APPLICABLE if early else Status.OVERDUE
    )


def test_an_early_return_names_the_return_and_the_windows_last_day() -> None:
    finding = _returned(date(2026, 6, 8)).finding("art11.application_return", "round 1")
    assert finding.owed_by is not None
    assert finding.owed_by.value == "data_bureau"
    failed = [c for c in finding.checks if c.ok is False]
    assert [(c.fact, c.required, c.actual) for c in failed] == [
        ("review[0].returned", WINDOW_DUE, date(2026, 6, 8))
    ]
    assert "期满前退回缩短了项目单位的修改期限" in finding.note_zh
    revision = _returned(date(2026, 6, 8)).finding("art11.revision", "round 1")
    assert "修改义务随退回终止" in revision.note_zh or "完善材料的义务随退回终止" in revision.note_zh


def test_d41_option_a_return_before_any_initial_opinion_is_a_notice_and_ends_the_opinions_clock() -> None:
    # received Mon 2026-06-01 → the opinion is due Mon 06-08; returned Wed 06-03 with no opinion
    report = one_round(
        date(2026, 7, 31), interpretation=REFUSAL_NOTICE, received="2026-06-01", returned="2026-06-03"
    )
    finding = report.finding("art11.application_return", "round 1")
    assert finding.status is Status.NOTICE
    assert "未先给予初审意见" in finding.note_zh
    assert report.finding("art11.revision", "round 1").status is Status.NOT_APPLICABLE
    assert report.finding("art11.initial_opinion", "round 1").status is Status.NOT_APPLICABLE
    # returned after the opinion's due day: the opinion was already overdue
    late = one_round(
        date(2026, 7, 31), interpretation=REFUSAL_NOTICE, received="2026-06-01", returned="2026-06-09"
    )
    assert late.finding("art11.initial_opinion", "round 1").status is Status.OVERDUE
    assert late.finding("art11.application_return", "round 1").status is Status.NOTICE


REFUSAL_NOTICE = Interpretation(return_without_opinion="refusal_notice")
"""D41's option: a return before any initial opinion is a refusal at the pre-review, shown as a notice."""


@pytest.mark.parametrize(
    ("as_of", "issued", "opinion", "returned"),
    [
        # 第十一条第一款第（二）项 with D41's default, opinion_owed. Received Mon 2026-06-01 → the opinion is due
        # Mon 06-08; returned Wed 06-03 with no opinion before it.
        (date(2026, 6, 8), None, Status.PENDING, Status.FAILS),  # on the due day: still owed, not yet overdue
        (date(2026, 6, 9), None, Status.OVERDUE, Status.FAILS),  # a day past it: overdue
        (date(2026, 7, 31), "2026-06-08", Status.MET, Status.FAILS),  # given after the return, on the due day
        (date(2026, 7, 31), "2026-06-09", Status.LATE, Status.FAILS),  # a day after it
    ],
)
def test_d41_a_return_is_no_opinion_the_opinion_stays_owed_and_the_return_fails(
    as_of: date, issued: str | None, opinion: Status, returned: Status
) -> None:
    facts: dict[str, Any] = {"received": "2026-06-01", "returned": "2026-06-03"}
    if issued is not None:
        facts["initial_opinion"] = {"issued": issued, "outcome": "revise"}
    report = one_round(as_of, **facts)
    clock = report.finding("art11.initial_opinion", "round 1")
    assert (clock.status, clock.due) == (opinion, date(2026, 6, 8))
    if issued is None:
        assert "2026-06-03的退回不是初审意见，初审意见仍须给予（D41）" in clock.note_zh
    judged = report.finding("art11.application_return", "round 1")
    assert judged.status is returned
    assert [(c.fact, c.ok) for c in judged.checks] == [("review[0].initial_opinion.issued", False)]
    assert "未经初审即退回，不符合本项（D41）" in judged.note_zh
    assert "D41" in judged.decisions
    assert "D41" in clock.decisions


def test_an_opinion_issued_on_the_day_of_the_return_preceded_it() -> None:
    """An initial opinion issued on the day 区数据局 returned the application came before the return (the same day
    counts, as D17 reads an order): the return is judged by the revision window it cut short, not as one without an
    opinion (D41) — its failing check is the return against the window's last day."""
    # kills art11_review_clock.py:538 core/ReplaceComparisonOperator_Gt_GtE #3 (run 12)
    finding = _returned(date(2026, 6, 4)).finding("art11.application_return", "round 1")
    assert finding.status is Status.FAILS
    failed = [(c.fact, c.required, c.actual) for c in finding.checks if c.ok is False]
    assert failed == [("review[0].returned", WINDOW_DUE, date(2026, 6, 4))]
    assert "未先给予初审意见" not in finding.note_zh


def test_d41_default_and_option_agree_once_an_opinion_preceded_the_return() -> None:
    """D41 concerns a return before any initial opinion only: after one, the return is judged by the window alike."""
    for interpretation in (None, REFUSAL_NOTICE):
        report = _returned(date(2026, 6, 8), interpretation=interpretation)
        assert report.finding("art11.application_return", "round 1").status is Status.FAILS
        assert report.finding("art11.initial_opinion", "round 1").status is Status.MET


def test_a_return_after_the_opinion_but_before_the_unit_received_it_fails() -> None:
    report = one_round(
        date(2026, 7, 31),
        received="2026-06-01",
        initial_opinion={"issued": "2026-06-04", "received_by_unit": "2026-06-10", "outcome": "revise"},
        returned="2026-06-05",
    )
    assert report.finding("art11.application_return", "round 1").status is Status.FAILS


def test_no_return_while_the_window_runs_then_due_without_a_date() -> None:
    running = _returned(None, as_of=WINDOW_DUE).finding("art11.application_return", "round 1")
    assert running.status is Status.NOT_APPLICABLE
    due = _returned(None, as_of=WINDOW_DUE + timedelta(days=3)).finding("art11.application_return", "round 1")
    assert (due.status, due.due) == (Status.PENDING, None)
    assert "退回申请已到期" in due.note_zh


def test_d15_option_deems_the_return_made_and_owes_nothing() -> None:
    finding = _returned(None, interpretation=EXPIRY).finding("art11.application_return", "round 1")
    assert finding.status is Status.NOT_APPLICABLE
    assert "视为退回（D15 选项）" in finding.note_zh


@pytest.mark.parametrize(
    ("revised", "returned", "expected"),
    [
        ("2026-06-20", None, Status.NOT_APPLICABLE),  # revised in time: no return owed
        ("2026-06-20", "2026-06-24", Status.NOT_APPLICABLE),  # a later return is not for want of a revision
        ("2026-06-30", None, Status.NOT_APPLICABLE),  # late materials before any return: the round went on
        (
            "2026-06-30",
            "2026-07-02",
            Status.HOLDS,
        ),  # returned after the window, late materials notwithstanding
        ("2026-07-03", "2026-07-02", Status.HOLDS),  # materials after the return belong to a resubmission
    ],
)
def test_the_return_and_the_units_revision(revised: str, returned: str | None, expected: Status) -> None:
    report = _returned(None if returned is None else date.fromisoformat(returned), revised=revised)
    assert report.finding("art11.application_return", "round 1").status is expected


def test_a_return_after_an_accepting_opinion_is_not_this_items_return() -> None:
    report = one_round(
        date(2026, 7, 31),
        received="2026-06-01",
        initial_opinion={"issued": "2026-06-04", "outcome": "accept"},
        returned="2026-06-05",
    )
    assert report.finding("art11.application_return", "round 1").status is Status.NOT_APPLICABLE


def test_a_pre_review_rejection_is_a_notice_to_the_data_bureau() -> None:
    report = one_round(
        date(2026, 7, 31),
        received="2026-06-01",
        initial_opinion={"issued": "2026-06-04", "outcome": "reject"},
    )
    finding = report.finding("art11.application_return", "round 1")
    assert finding.status is Status.NOTICE
    assert finding.owed_by is not None
    assert finding.owed_by.value == "data_bureau"
    assert "第十二条" in finding.note_zh
    assert "不予通过" in finding.explanation_zh


def test_the_return_is_out_of_reach_before_the_effective_date() -> None:
    late_effect = Interpretation(effective_date=date(2026, 6, 10))
    finding = _returned(date(2026, 6, 8), interpretation=late_effect).finding(
        "art11.application_return", "round 1"
    )
    assert finding.status is Status.NOT_APPLICABLE
    assert "D13" in finding.note_zh


# --- (二) the revision window's start (D33) ------------------------------------------------------------------------

ISSUE = Interpretation(revision_window_start=RevisionWindowStart.ISSUE)


def _window(
    revised: str | None, *, interpretation: Interpretation | None = None, as_of: date = date(2026, 6, 19)
) -> Report:
    # issued Thu 2026-05-14, received by the unit Mon 05-18: from receipt → due Mon 06-08; from issue → due Thu 06-04
    return one_round(
        as_of,
        interpretation=interpretation,
        received="2026-05-11",
        initial_opinion={"issued": "2026-05-14", "received_by_unit": "2026-05-18", "outcome": "revise"},
        revised=revised,
    )


@pytest.mark.parametrize(
    ("revised", "default", "issue"),
    [
        ("2026-06-04", Status.MET, Status.MET),
        ("2026-06-05", Status.MET, Status.LATE),
        ("2026-06-08", Status.MET, Status.LATE),
        ("2026-06-09", Status.LATE, Status.LATE),
    ],
)
def test_d33_the_window_runs_from_the_units_receipt_where_recorded(
    revised: str, default: Status, issue: Status
) -> None:
    by_receipt = _window(revised).finding("art11.revision", "round 1")
    by_issue = _window(revised, interpretation=ISSUE).finding("art11.revision", "round 1")
    assert (by_receipt.status, by_receipt.due) == (default, date(2026, 6, 8))
    assert (by_issue.status, by_issue.due) == (issue, date(2026, 6, 4))
    assert by_receipt.checks[0].fact == "review[0].initial_opinion.received_by_unit"
    assert by_issue.checks[0].fact == "review[0].initial_opinion.issued"


def test_d33_a_receipt_after_as_of_has_not_started_the_window() -> None:
    finding = _window(None, as_of=date(2026, 5, 15)).finding("art11.revision", "round 1")
    assert finding.status is Status.NOT_APPLICABLE
    assert (
        _window(None, as_of=date(2026, 5, 15), interpretation=ISSUE)
        .finding("art11.revision", "round 1")
        .status
        is Status.PENDING
    )


def test_d33_without_a_recorded_receipt_the_window_runs_from_the_issue() -> None:
    finding = _returned(None, as_of=date(2026, 6, 20)).finding("art11.revision", "round 1")
    assert finding.due == WINDOW_DUE
    assert finding.checks[0].fact == "review[0].initial_opinion.issued"


# --- a returned round's later steps (D15) ---------------------------------------------------------------------------

LATER_STEPS: dict[str, Any] = {
    "revised": "2026-06-30",
    "sent_to_departments": "2026-07-01",
    "department_opinions": dict.fromkeys(FOUR, "2026-07-02"),
    "panel_received": "2026-07-07",
    "panel_technical_experts": True,
    "panel_financial_experts": True,
    "expert_opinion": "2026-07-10",
}
LATER_RULES = (
    "art11.departments_after_revision",
    "art11.joint_evaluation",
    "art11.panel_composition",
    "art11.evaluation_sequence",
)


def test_steps_after_a_recorded_return_belong_to_a_new_application() -> None:
    report = _returned(date(2026, 6, 29), **LATER_STEPS)
    for rule_id in LATER_RULES:
        finding = report.finding(rule_id, "round 1")
        assert finding.status is Status.NOT_APPLICABLE, rule_id
        assert "2026-06-29退回申请" in finding.note_zh
    assert report.finding("art11.department_review", "round 1: audit_bureau").status is Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("interpretation", "later"),
    [(None, Status.HOLDS), (EXPIRY, Status.NOT_APPLICABLE)],
)
def test_a_late_revision_continues_the_round_only_by_notice(
    interpretation: Interpretation | None, later: Status
) -> None:
    report = _returned(None, interpretation=interpretation, **LATER_STEPS)
    assert report.finding("art11.departments_after_revision", "round 1").status is later
    assert report.finding("art11.evaluation_sequence", "round 1").status is later


def test_a_department_clock_running_on_the_return_day_ends_with_it_and_an_overdue_one_stays() -> None:
    # sent Mon 2026-06-29 → due Thu 07-02; returned Wed 07-01: the clock was still running → not applicable
    running = one_round(
        date(2026, 7, 31),
        received="2026-06-01",
        initial_opinion=opinion("2026-06-04"),
        revised="2026-06-26",
        sent_to_departments="2026-06-29",
        department_opinions={"committee_office": "2026-07-01", "finance_bureau": "2026-07-03"},
        returned="2026-07-01",
    )
    assert running.finding("art11.department_review", "round 1: committee_office").status is Status.MET
    assert running.finding("art11.department_review", "round 1: audit_bureau").status is Status.NOT_APPLICABLE
    # an opinion given after the return does not count for the round
    assert (
        running.finding("art11.department_review", "round 1: finance_bureau").status is Status.NOT_APPLICABLE
    )
    # returned Mon 07-06, after the due day 07-02: the missing opinions were already overdue
    overdue = one_round(
        date(2026, 7, 31),
        received="2026-06-01",
        initial_opinion=opinion("2026-06-04"),
        revised="2026-06-26",
        sent_to_departments="2026-06-29",
        returned="2026-07-06",
    )
    assert overdue.finding("art11.department_review", "round 1: audit_bureau").status is Status.OVERDUE


def test_a_rejecting_opinion_returns_the_round() -> None:
    report = one_round(
        date(2026, 7, 31),
        received="2026-06-01",
        initial_opinion={"issued": "2026-06-04", "outcome": "reject"},
        sent_to_departments="2026-06-05",
    )
    finding = report.finding("art11.departments_after_revision", "round 1")
    assert finding.status is Status.NOT_APPLICABLE
    assert "不予通过" in finding.note_zh


# --- (四) 经部门会审后 ------------------------------------------------------------------------------------------------


def test_the_panel_waits_for_every_department_named_or_listed() -> None:
    missing_audit = {
        **EVALUATED,
        "department_opinions": {k: v for k, v in FOUR.items() if k != "audit_bureau"},
    }
    finding = one_round(date(2026, 4, 30), **missing_audit).finding("art11.evaluation_sequence", "round 1")
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == ["review[0].department_opinions.audit_bureau"]
    listed = {**EVALUATED, "department_opinions": {**FOUR, "development_reform": None}}
    finding = one_round(date(2026, 4, 30), **listed).finding("art11.evaluation_sequence", "round 1")
    assert [c.fact for c in finding.checks if c.ok is False] == [
        "review[0].department_opinions.development_reform"
    ]


def test_a_panel_without_any_departmental_review_fails_naming_the_sending() -> None:
    skipped = {**EVALUATED, "sent_to_departments": None, "department_opinions": {}}
    finding = one_round(date(2026, 4, 30), **skipped).finding("art11.evaluation_sequence", "round 1")
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == ["review[0].sent_to_departments"]
    assert all(c.required is not None for c in finding.checks)
    assert "—" not in finding.explanation_zh


@settings(max_examples=60, deadline=None)
@given(opinion_day=st.integers(min_value=0, max_value=12), panel_day=st.integers(min_value=0, max_value=12))
def test_the_last_opinion_and_the_panel_under_both_readings_of_d17(opinion_day: int, panel_day: int) -> None:
    sent = date(2026, 3, 11)
    # the other three answered on the sending day, so the audit bureau's opinion is the last
    opinions = dict.fromkeys(FOUR, sent.isoformat()) | {
        "audit_bureau": (sent + timedelta(days=opinion_day)).isoformat()
    }
    facts = {
        **EVALUATED,
        "department_opinions": opinions,
        "panel_received": (sent + timedelta(days=panel_day)).isoformat(),
        "expert_opinion": (sent + timedelta(days=panel_day)).isoformat(),
    }
    default = one_round(date(2026, 4, 30), **facts).finding("art11.evaluation_sequence", "round 1")
    strict = one_round(date(2026, 4, 30), interpretation=EARLIER_DAY, **facts).finding(
        "art11.evaluation_sequence", "round 1"
    )
    assert default.status is (Status.HOLDS if panel_day >= opinion_day else Status.FAILS)
    assert strict.status is (Status.HOLDS if panel_day > opinion_day else Status.FAILS)


# --- (四) the panel's make-up -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("technical", "financial", "expected"),
    [
        (True, True, Status.HOLDS),
        (True, False, Status.FAILS),
        (False, True, Status.FAILS),
        (None, True, Status.UNDETERMINED),
        (True, None, Status.UNDETERMINED),
    ],
)
def test_the_panel_is_made_up_of_technical_and_financial_experts(
    technical: bool | None, financial: bool | None, expected: Status
) -> None:
    facts = {**EVALUATED, "panel_technical_experts": technical, "panel_financial_experts": financial}
    finding = one_round(date(2026, 4, 30), **facts).finding("art11.panel_composition", "round 1")
    assert finding.status is expected
    assert finding.owed_by is not None
    assert finding.owed_by.value == "data_bureau"


def test_the_panels_make_up_waits_for_the_panel() -> None:
    facts = {**EVALUATED, "panel_received": None, "expert_opinion": None}
    assert (
        one_round(date(2026, 4, 30), **facts).finding("art11.panel_composition", "round 1").status
        is Status.NOT_APPLICABLE
    )


# --- 第二款 按年度: the years that owe a plan ----------------------------------------------------------------------------


def _plan(year: int) -> dict[str, Any]:
    return {
        "year": year,
        "submitted": f"{year - 1}-10-09",
        "reviewed_by_data_bureau": approved(f"{year - 1}-10-20"),
        "rechecked_by_finance": approved(f"{year - 1}-11-05"),
        "budgeted": f"{year - 1}-12-01",
    }


@settings(max_examples=60, deadline=None)
@given(
    started=st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 12, 31)),
    as_of=st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31)),
    listed=st.sets(st.integers(min_value=2021, max_value=2027), max_size=4),
)
def test_each_year_after_operation_began_up_to_as_of_owes_a_plan(
    started: date, as_of: date, listed: set[int]
) -> None:
    report = run(
        as_of, operation={"started": started.isoformat()}, om_plans=[_plan(y) for y in sorted(listed)]
    )
    failing = {f.subject for f in report.findings if f.rule == "art11.om_plan" and f.status is Status.FAILS}
    owed = set(range(started.year + 1, as_of.year + 1)) if started <= as_of else set()
    # a plan listed for an owed year counts only once it is filed (on 1 October… of the year before)
    filed = {y for y in listed if date(y - 1, 10, 9) <= as_of}
    assert failing == {str(y) for y in owed - filed}


def test_a_missing_year_names_the_plans_and_the_operation() -> None:
    finding = run(date(2026, 3, 31), operation={"started": "2024-11-18"}, om_plans=[_plan(2026)]).finding(
        "art11.om_plan", "2025"
    )
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks] == ["operation.started", "om_plans"]
    assert "2025年度" in finding.explanation_zh


def test_the_year_operation_began_and_the_next_years_plan_are_not_owed() -> None:
    report = run(date(2025, 12, 31), operation={"started": "2025-01-06"})
    assert report.finding("art11.om_plan").status is Status.NOT_APPLICABLE


def test_a_missing_year_prepared_before_the_effective_date_is_out_of_reach() -> None:
    # the 2025 plan is prepared from the later of 2024-01-01 and the start of operation (2024-11-18)
    inside = Interpretation(effective_date=date(2024, 11, 18))
    outside = Interpretation(effective_date=date(2024, 11, 19))
    facts: dict[str, Any] = {"operation": {"started": "2024-11-18"}, "om_plans": [_plan(2026)]}
    assert (
        run(date(2026, 3, 31), interpretation=inside, **facts).finding("art11.om_plan", "2025").status
        is Status.FAILS
    )
    assert (
        run(date(2026, 3, 31), interpretation=outside, **facts).finding("art11.om_plan", "2025").status
        is Status.NOT_APPLICABLE
    )


# --- the revision window beyond the calendar data (D12), before the unit's receipt, under D15's option ----------------


def _beyond(as_of: date, returned: str | None = None) -> Report:
    # initial opinion Fri 2026-12-18 (revise): 9 working days left in 2026 (12-21…25, 12-28…31), 6 more in 2027,
    # whose official arrangement is not in the calendar data; the 15 working days end no earlier than 2027-01-02
    return one_round(as_of, received="2026-12-14", initial_opinion=opinion("2026-12-18"), returned=returned)


def test_a_revision_window_ending_beyond_the_calendar_is_pending_without_a_due_date() -> None:
    """Art. 11(1)(ii) 15个工作日内…完善修改: on 2026-12-28 the window still runs whatever 2027's holidays; its last
    day needs 2027's arrangement (D12), so no due date."""
    finding = _beyond(date(2026, 12, 28)).finding("art11.revision", "round 1")
    assert (finding.status, finding.due, finding.missing) == (Status.PENDING, None, ())
    assert [c.fact for c in finding.checks] == ["review[0].initial_opinion.issued", "review[0].revised"]
    assert "2027" in finding.note_zh


def test_whether_a_return_came_after_a_window_ending_beyond_the_calendar_can_be_undetermined() -> None:
    """Returned Mon 2027-01-11. Weekends alone would end the window on Fri 01-08 (the return after it: allowed);
    with New Year's Day 01-01 off it ends on 01-11 (the return not after it: cut short). Which holds needs 2027's
    arrangement (D12, art. 11(1)(ii) 否则将退回申请): UNDETERMINED, naming the year."""
    finding = _beyond(date(2027, 1, 15), returned="2027-01-11").finding("art11.application_return", "round 1")
    assert (finding.status, finding.due, finding.missing) == (Status.UNDETERMINED, None, ("calendar:2027",))
    assert [c.fact for c in finding.checks] == ["review[0].initial_opinion.issued"]
    assert "2027" in finding.note_zh


@pytest.mark.parametrize(
    ("as_of", "returned", "expected"),
    [
        (date(2026, 12, 28), None, Status.NOT_APPLICABLE),  # the window cannot have ended yet: no return owed
        (date(2026, 12, 30), "2026-12-25", Status.FAILS),  # returned before the window could end: cut short
    ],
)
def test_the_return_is_judged_without_the_missing_year_where_it_does_not_depend_on_it(
    as_of: date, returned: str | None, expected: Status
) -> None:
    """D12 (default ``error``): give the answer that does not depend on the missing year. The window ends no
    earlier than 2027-01-02, so before then it still runs (art. 11(1)(ii): no return owed yet), and a return on
    2026-12-25 came before it ended (否则将退回申请: only after the 15 working days). Failed before the fix
    (UNDETERMINED in both); a blind reading of the clause agreed (not applicable; fails) and put the earliest end at
    2027-01-06 — a tighter floor than the rule's 15 days, which only answers less often, never otherwise."""
    finding = _beyond(as_of, returned=returned).finding("art11.application_return", "round 1")
    assert (finding.status, finding.missing) == (expected, ())


def test_a_return_before_a_window_ending_beyond_the_calendar_ends_the_units_duty() -> None:
    """Art. 11(1)(ii) and the rule's docstring: a return recorded before the window ends (and before any revision)
    ends the unit's duty: NOT_APPLICABLE. Returned 2026-12-25, before the earliest end (2027-01-02). PENDING before
    the fix; a blind reading agreed (not applicable)."""
    finding = _beyond(date(2026, 12, 30), returned="2026-12-25").finding("art11.revision", "round 1")
    assert finding.status is Status.NOT_APPLICABLE


def test_a_return_before_the_unit_received_the_opinion_fails_while_the_receipt_is_still_to_come() -> None:
    """Opinion issued Thu 2026-03-05, to reach the unit on Tue 03-10; returned Fri 03-06; as_of Mon 03-09. The
    window has not begun (D33: it runs from the receipt recorded), so the return came before the 15 working days
    could end: item (ii) provides a return only after them (否则将退回申请) — FAILS, naming the receipt."""
    report = one_round(
        date(2026, 3, 9),
        received="2026-03-02",
        initial_opinion={"issued": "2026-03-05", "received_by_unit": "2026-03-10", "outcome": "revise"},
        returned="2026-03-06",
    )
    finding = report.finding("art11.application_return", "round 1")
    assert finding.status is Status.FAILS
    assert [(c.fact, c.ok) for c in finding.checks] == [("review[0].initial_opinion.received_by_unit", False)]
    assert "2026-03-06" in finding.note_zh
    assert report.finding("art11.revision", "round 1").status is Status.NOT_APPLICABLE


def test_d15_option_a_revision_in_time_does_not_return_the_round() -> None:
    """D15 ``returned_on_expiry``: the round counts as returned only when the window ends without revised
    materials. Revised 2026-03-12, within the 15 working days of 03-05, and sent on 03-13: art. 11(1)(iii)
    项目单位…完善申报材料后，区数据局将…同步 holds."""
    finding = one_round(
        date(2026, 4, 30),
        interpretation=EXPIRY,
        received="2026-03-02",
        initial_opinion=opinion("2026-03-05"),
        revised="2026-03-12",
        sent_to_departments="2026-03-13",
    ).finding("art11.departments_after_revision", "round 1")
    assert finding.status is Status.HOLDS
    assert [(c.fact, c.required, c.actual) for c in finding.checks] == [
        ("review[0].sent_to_departments", date(2026, 3, 12), date(2026, 3, 13))
    ]


def test_om_plan_rejected_by_the_data_bureau_and_not_in_the_budget_reports_the_rejection() -> None:
    """Art. 11(2) 报区数据局审核，由区财政局复核后列入年度预算: a plan the bureau's review did not pass and not in the
    budget has breached no step yet (the rule fails a rejecting review once the plan is budgeted); not applicable,
    the note saying how far it came."""
    plan = {
        "year": 2026,
        "submitted": "2025-10-09",
        "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": "rejected"},
    }
    finding = run(date(2026, 1, 15), om_plans=[plan]).finding("art11.om_plan", "2026")
    assert finding.status is Status.NOT_APPLICABLE
    assert "区数据局于2025-10-20审核未通过" in finding.note_zh
    assert "尚未列入年度预算" in finding.note_zh


def test_a_revision_before_a_window_ending_beyond_the_calendar_owes_no_return() -> None:
    """Revised 2026-12-28, before the earliest end of the window (2027-01-02: 15 working days take at least 15
    days), nothing returned: art. 11(1)(ii) 否则将退回申请 does not arise whatever 2027's holidays (D12) — no
    return is owed (NOT_APPLICABLE), and the revision is MET."""
    report = one_round(
        date(2026, 12, 30), received="2026-12-14", initial_opinion=opinion("2026-12-18"), revised="2026-12-28"
    )
    assert report.finding("art11.application_return", "round 1").status is Status.NOT_APPLICABLE
    assert "2026-12-28" in report.finding("art11.application_return", "round 1").note_zh
    assert report.finding("art11.revision", "round 1").status is Status.MET
