"""Kills the surviving mutants of art11_review_clock.py: the notes of the departmental step and the O&M plan, every
O&M plan after an inapplicable one, and the final opinion under D17's stricter reading; since run 10, every round
after an inapplicable one, the boundaries of the revision window and of the return (also beyond the calendar data,
D12), D15's option on and before the window's last day, the facts each round's checks name, and the years an O&M
plan is owed and reached (D13)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy import Interpretation, Project, evaluate
from tinghu_policy.engine import Finding, Report, Status
from tinghu_policy.interpretation import ClassifiedApplication, RevisionExpiry

from .support import BASE, finding

REFUSAL_NOTICE = {"return_without_opinion": "refusal_notice"}
"""D41's option: a return before any initial opinion is a refusal at the pre-review, shown as a notice."""

ROUND = {"received": "2025-06-09", "documents": ["request", "feasibility_study", "cost_assessment"]}


def test_sending_without_a_revision_says_not_given() -> None:
    found = finding(
        "art11.departments_after_revision",
        subject="round 1",
        review=[
            {
                **ROUND,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "revise"},
                "sent_to_departments": "2025-06-19",
            }
        ],
    )
    assert found.status == "fails"
    assert "revised: not given" in found.note_en
    assert "完善申报材料：未提供" in found.note_zh
    revised = finding(
        "art11.departments_after_revision",
        subject="round 1",
        review=[
            {
                **ROUND,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "revise"},
                "revised": "2025-06-18",
                "sent_to_departments": "2025-06-19",
            }
        ],
    )
    assert "revised: 2025-06-18" in revised.note_en


def test_an_om_plan_after_one_not_yet_filed_is_still_judged() -> None:
    project = Project.model_validate(
        {
            **BASE,
            "om_plans": [
                {"year": 2027, "submitted": "2026-10-09"},
                {
                    "year": 2026,
                    "submitted": "2025-10-09",
                    "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": "approved"},
                    "rechecked_by_finance": {"day": "2025-11-05", "outcome": "approved"},
                    "budgeted": "2025-12-01",
                },
            ],
        }
    )
    report = evaluate(project, as_of=date(2026, 3, 1), interpretation=Interpretation())
    found = [(f.subject, f.status.value) for f in report.findings if f.rule == "art11.om_plan"]
    assert found == [("2027", "not_applicable"), ("2026", "holds")]


def test_an_om_plan_not_yet_budgeted_names_the_stage_reached() -> None:
    submitted = finding("art11.om_plan", subject="2026", om_plans=[{"year": 2026, "submitted": "2025-10-09"}])
    assert submitted.status == "not_applicable"
    assert "submitted on 2025-10-09, awaiting review" in submitted.note_en
    reviewed = finding(
        "art11.om_plan",
        subject="2026",
        om_plans=[
            {
                "year": 2026,
                "submitted": "2025-10-09",
                "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": "approved"},
            }
        ],
    )
    assert "reviewed by the data bureau on 2025-10-20, awaiting the finance re-check" in reviewed.note_en


def test_the_final_opinion_is_not_compared_with_itself_under_d17_earlier_day() -> None:
    """D17 ``earlier_day``: each later step must be dated at least a day after the one before; a final opinion a day
    after the fiscal report (and the revision) is in order."""
    found = finding(
        "art11.evaluation_sequence",
        subject="round 1",
        interpretation={"same_day_precedence": "earlier_day"},
        review=[
            {
                **ROUND,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "revise"},
                "revised": "2025-06-18",
                "sent_to_departments": "2025-06-19",
                "department_opinions": {
                    "committee_office": "2025-06-20",
                    "cyberspace_office": "2025-06-20",
                    "finance_bureau": "2025-06-23",
                    "audit_bureau": "2025-06-23",
                },
                "panel_received": "2025-06-24",
                "expert_opinion": "2025-06-27",
                "revised_after_evaluation": "2025-07-02",
                "fiscal_review_report": "2025-07-07",
                "final_opinion": "2025-07-08",
            }
        ],
    )
    assert found.status == "holds", found.explanation_en


def test_a_budgeted_plan_never_reviewed_is_not_also_checked_for_the_review_order() -> None:
    found = finding(
        "art11.om_plan",
        subject="2026",
        om_plans=[{"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"}],
    )
    assert found.status == "fails"
    assert [c.fact for c in found.checks] == [
        "om_plans[0].reviewed_by_data_bureau",
        "om_plans[0].rechecked_by_finance",
    ]


# --- the survivors of run 10 (04:07): each test names the mutants it kills ------------------------------------------

DOCS = ["request", "feasibility_study", "cost_assessment"]
EXPIRY = {"revision_expiry": RevisionExpiry.RETURNED_ON_EXPIRY}


def report(as_of: date, interpretation: dict[str, Any] | None = None, **changes: Any) -> Report:
    """The report on the base project with ``changes`` (``interpretation``: the options set)."""
    project = Project.model_validate({**BASE, **changes})
    return evaluate(project, as_of=as_of, interpretation=Interpretation(**(interpretation or {})))


def rounds(found: Report, rule: str) -> list[tuple[str | None, Status]]:
    """Every finding of ``rule``: its subject and status, in order."""
    return [(f.subject, f.status) for f in found.findings if f.rule == rule]


def revise(issued: str) -> dict[str, Any]:
    return {"issued": issued, "outcome": "revise"}


def reject(issued: str) -> dict[str, Any]:
    return {"issued": issued, "outcome": "reject"}


# Round received Mon 2025-06-09, initial opinion (revise) issued Wed 06-11: the 15 working days of art. 11(1)(ii)
# run 06-12, 13, 16…20, 23…27, 30, 07-01, 07-02 — the window's last day is Wed 2025-07-02 (no holiday in it).
WINDOW = {"received": "2025-06-09", "documents": DOCS, "initial_opinion": revise("2025-06-11")}
LAST_DAY = date(2025, 7, 2)


# kills art11_review_clock.py:199 ReplaceComparisonOperator_LtE_Lt #0
def test_a_round_received_on_as_of_is_judged_that_day() -> None:
    """Art. 11(1)(i)-(ii): the application is with 区数据局 on the day it is received, so on that day the filing set
    is judged and the 5 working days of the initial opinion have begun (PENDING)."""
    found = report(date(2025, 6, 9), review=[{"received": "2025-06-09", "documents": DOCS}])
    assert rounds(found, "art11.filing_set") == [("round 1", Status.HOLDS)]
    assert rounds(found, "art11.initial_opinion") == [("round 1", Status.PENDING)]


# kills art11_review_clock.py:297 ReplaceAndWithOr #4
# kills art11_review_clock.py:297 ReplaceComparisonOperator_Gt_NotEq #0
# kills art11_review_clock.py:297 ReplaceComparisonOperator_Gt_GtE #0
# kills art11_review_clock.py:297 ReplaceComparisonOperator_Gt_IsNot #0
@pytest.mark.parametrize("as_of", [date(2025, 7, 1), LAST_DAY])
def test_d15_option_the_round_is_not_returned_while_the_window_runs(as_of: date) -> None:
    """D15 ``returned_on_expiry``: the application counts as returned once working day 15 *ends* (07-02), not
    before and not on it. Materials sent to the departments on Mon 06-30 start their 3 working days (art.
    11(1)(iii): 07-01, 02, 03); on 07-01 and on 07-02 the clock is PENDING, due 07-03, and no return has ended it."""
    found = report(as_of, EXPIRY, review=[{**WINDOW, "sent_to_departments": "2025-06-30"}])
    review = [f for f in found.findings if f.rule == "art11.department_review"]
    assert [(f.status, f.due) for f in review] == [(Status.PENDING, date(2025, 7, 3))] * 4


# kills art11_review_clock.py:297 ReplaceAndWithOr #3
# kills art11_review_clock.py:297 ReplaceComparisonOperator_Gt_NotEq #1
# kills art11_review_clock.py:297 ReplaceComparisonOperator_Gt_GtE #1
# kills art11_review_clock.py:297 ReplaceComparisonOperator_Gt_IsNot #1
@pytest.mark.parametrize("revised", ["2025-07-01", "2025-07-02"])
def test_d15_option_a_revision_within_the_window_keeps_the_round_after_it_ends(revised: str) -> None:
    """D15 ``returned_on_expiry`` returns only a round whose window ended *without* revised materials. Revised the
    day before or on the last day (07-02) is in time (项目单位应在15个工作日内…完善修改), so materials sent after the
    window (07-03) continue this round: art. 11(1)(iii) 完善申报材料后…同步 HOLDS."""
    found = report(
        date(2025, 7, 31),
        EXPIRY,
        review=[{**WINDOW, "revised": revised, "sent_to_departments": "2025-07-03"}],
    )
    assert rounds(found, "art11.departments_after_revision") == [("round 1", Status.HOLDS)]
    assert found.finding("art11.revision", "round 1").status is Status.MET


# kills art11_review_clock.py:351 ReplaceContinueWithBreak #0
def test_a_round_filed_after_the_effective_date_is_judged_after_one_filed_before() -> None:
    """D13: round 1 (received 2025-06-09) is out of reach of a regulation effective 2025-07-01; round 2 (received
    2025-07-14) is not, and its filing set is complete (art. 11(1)(i))."""
    found = report(
        date(2025, 7, 31),
        {"effective_date": date(2025, 7, 1)},
        review=[
            {"received": "2025-06-09", "documents": DOCS},
            {"received": "2025-07-14", "documents": DOCS},
        ],
    )
    assert rounds(found, "art11.filing_set") == [
        ("round 1", Status.NOT_APPLICABLE),
        ("round 2", Status.HOLDS),
    ]


# kills art11_review_clock.py:999 ReplaceContinueWithBreak #13
# kills art11_review_clock.py:1059 AddNot #88
# kills art11_review_clock.py:1059 ReplaceComparisonOperator_Is_IsNot #48
# kills art11_review_clock.py:1061 ReplaceComparisonOperator_Is_IsNot #49
# kills art11_review_clock.py:1061 AddNot #89
def test_an_om_plan_filed_before_the_effective_date_is_out_of_reach_and_a_later_one_is_judged() -> None:
    """D13: the 2025 plan, filed 2024-10-09, predates a regulation effective 2025-01-01 (NOT_APPLICABLE, however
    it went); the 2026 plan, filed 2025-10-09 and budgeted without the data bureau's review or finance's re-check,
    FAILS art. 11(2) 报区数据局审核，由区财政局复核后列入年度预算."""
    found = report(
        date(2026, 3, 1),
        {"effective_date": date(2025, 1, 1)},
        om_plans=[
            {"year": 2025, "submitted": "2024-10-09", "budgeted": "2024-12-01"},
            {"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"},
        ],
    )
    assert rounds(found, "art11.om_plan") == [("2025", Status.NOT_APPLICABLE), ("2026", Status.FAILS)]


# kills art11_review_clock.py:431 ReplaceContinueWithBreak #1
# kills art11_review_clock.py:504 ReplaceBinaryOperator_Sub_Mod #4
# kills art11_review_clock.py:504 ReplaceBinaryOperator_Sub_RShift #4
# kills art11_review_clock.py:504 ReplaceBinaryOperator_Sub_BitXor #4
# kills art11_review_clock.py:621 ReplaceBinaryOperator_Add_BitOr #2
# kills art11_review_clock.py:621 ReplaceBinaryOperator_Add_BitXor #2
def test_three_rejected_rounds_then_a_revised_one_each_judged_as_its_own_round() -> None:
    """Rounds 1-3 rejected at the pre-review (``reject``): no revision is owed (NOT_APPLICABLE), the return is a
    NOTICE on that round's own initial opinion, and nothing was sent to the departments after the return (D15).
    Round 4 (opinion 2025-11-05, revised 11-12, sent 11-13) is revised in time (MET), owes no return, and its
    sending follows the revision (art. 11(1)(iii) HOLDS)."""
    found = report(
        date(2025, 12, 31),
        review=[
            {"received": "2025-06-09", "documents": DOCS, "initial_opinion": reject("2025-06-11")},
            {"received": "2025-07-14", "documents": DOCS, "initial_opinion": reject("2025-07-16")},
            {"received": "2025-09-01", "documents": DOCS, "initial_opinion": reject("2025-09-03")},
            {
                "received": "2025-11-03",
                "documents": DOCS,
                "initial_opinion": revise("2025-11-05"),
                "revised": "2025-11-12",
                "sent_to_departments": "2025-11-13",
            },
        ],
    )
    na = Status.NOT_APPLICABLE
    assert rounds(found, "art11.revision") == [
        ("round 1", na),
        ("round 2", na),
        ("round 3", na),
        ("round 4", Status.MET),
    ]
    returns = [f for f in found.findings if f.rule == "art11.application_return"]
    assert [(f.subject, f.status, [c.fact for c in f.checks]) for f in returns] == [
        (f"round {n}", Status.NOTICE, [f"review[{n - 1}].initial_opinion.outcome"]) for n in (1, 2, 3)
    ] + [("round 4", na, [])]
    assert rounds(found, "art11.departments_after_revision") == [
        *((f"round {n}", na) for n in (1, 2, 3)),
        ("round 4", Status.HOLDS),
    ]


# kills art11_review_clock.py:727 ReplaceContinueWithBreak #5
# kills art11_review_clock.py:738 ReplaceContinueWithBreak #7
def test_the_sending_of_every_round_is_judged_after_an_unchanged_and_an_unsent_round() -> None:
    """Art. 11(1)(iii): round 1, passed unchanged (``accept``) and sent after the opinion, HOLDS; round 2 (revise)
    was never sent (NOT_APPLICABLE); round 3 was sent the day after its revision (HOLDS)."""
    found = report(
        date(2025, 12, 31),
        review=[
            {
                "received": "2025-06-09",
                "documents": DOCS,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "accept"},
                "sent_to_departments": "2025-06-12",
            },
            {"received": "2025-07-14", "documents": DOCS, "initial_opinion": revise("2025-07-16")},
            {**WINDOW, "received": "2025-09-01", "initial_opinion": revise("2025-09-03")}
            | {"revised": "2025-09-10", "sent_to_departments": "2025-09-11"},
        ],
    )
    assert rounds(found, "art11.departments_after_revision") == [
        ("round 1", Status.HOLDS),
        ("round 2", Status.NOT_APPLICABLE),
        ("round 3", Status.HOLDS),
    ]


# kills art11_review_clock.py:439 ReplaceTrueWithFalse #2
# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_Eq #2
# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_Lt #2
# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_LtE #2
# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_Is #2
# kills art11_review_clock.py:446 ReplaceContinueWithBreak #2
# kills art11_review_clock.py:546 ReplaceComparisonOperator_LtE_NotEq #4
# kills art11_review_clock.py:546 ReplaceComparisonOperator_LtE_IsNot #4
def test_a_return_before_the_window_ended_then_a_revision_ends_the_units_duty_and_fails() -> None:
    """Returned 2025-06-20, before the window's last day (07-02), with no revision by then; revised materials came
    06-25. Art. 11(1)(ii) 否则将退回申请 provides a return only after the 15 working days: the return cut the unit's
    time short (``application_return`` FAILS) and ended its duty to revise (``revision`` NOT_APPLICABLE, the note
    naming the window's last day). Round 2, resubmitted later, is judged on its own."""
    found = report(
        date(2025, 12, 31),
        review=[
            {**WINDOW, "returned": "2025-06-20", "revised": "2025-06-25"},
            {"received": "2025-09-01", "documents": DOCS, "initial_opinion": revise("2025-09-03")}
            | {"revised": "2025-09-10"},
        ],
    )
    assert rounds(found, "art11.revision") == [("round 1", Status.NOT_APPLICABLE), ("round 2", Status.MET)]
    assert "before the window ended (2025-07-02)" in found.finding("art11.revision", "round 1").note_en
    assert found.finding("art11.application_return", "round 1").status is Status.FAILS


# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_GtE #2
# kills art11_review_clock.py:546 ReplaceComparisonOperator_LtE_NotEq #4
# kills art11_review_clock.py:546 ReplaceComparisonOperator_LtE_Lt #4
def test_a_revision_on_the_day_of_an_early_return_is_in_time_and_owes_no_return() -> None:
    """Revised materials and a return both on 2025-06-20, within the window: D17 (same day in order) — the return
    did not come before the revision, so the unit revised within the 15 working days (``revision`` MET) and the
    return is not the one item (ii) provides for want of a revision (``application_return`` NOT_APPLICABLE)."""
    found = report(date(2025, 12, 31), review=[{**WINDOW, "returned": "2025-06-20", "revised": "2025-06-20"}])
    assert found.finding("art11.revision", "round 1").status is Status.MET
    assert found.finding("art11.application_return", "round 1").status is Status.NOT_APPLICABLE


# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_NotEq #2
# kills art11_review_clock.py:442 ReplaceComparisonOperator_Gt_IsNot #2
def test_a_revision_before_an_early_return_is_met() -> None:
    """Revised 2025-06-18, returned 06-20, both within the window (to 07-02): the unit revised within the 15 working
    days (art. 11(1)(ii)), so its revision is MET — the return did not end a duty already done — and the return is
    not for want of a revision (``application_return`` NOT_APPLICABLE)."""
    found = report(date(2025, 12, 31), review=[{**WINDOW, "returned": "2025-06-20", "revised": "2025-06-18"}])
    assert found.finding("art11.revision", "round 1").status is Status.MET
    assert found.finding("art11.application_return", "round 1").status is Status.NOT_APPLICABLE


# kills art11_review_clock.py:730 ReplaceContinueWithBreak #6
def test_a_sending_after_the_effective_date_is_judged_after_one_before_it() -> None:
    """D13: round 1's materials went to the departments on 2025-06-19, before a regulation effective 2025-07-01
    (NOT_APPLICABLE); round 2's went on 09-11, the day after its revision (art. 11(1)(iii) HOLDS)."""
    found = report(
        date(2025, 12, 31),
        {"effective_date": date(2025, 7, 1)},
        review=[
            {**WINDOW, "revised": "2025-06-18", "sent_to_departments": "2025-06-19"},
            {"received": "2025-09-01", "documents": DOCS, "initial_opinion": revise("2025-09-03")}
            | {"revised": "2025-09-10", "sent_to_departments": "2025-09-11"},
        ],
    )
    assert rounds(found, "art11.departments_after_revision") == [
        ("round 1", Status.NOT_APPLICABLE),
        ("round 2", Status.HOLDS),
    ]


# kills art11_review_clock.py:439 ReplaceFalseWithTrue #1
def test_a_return_before_a_window_beyond_the_calendar_names_its_earliest_end() -> None:
    """D12: the window of an opinion issued 2026-12-18 ends in 2027, whose arrangement is not in the calendar data,
    no earlier than 2027-01-02; a return on 2026-12-25 ended the unit's duty, and the note says the last day is
    known only as no earlier than 2027-01-02 (not "the window ended" on that day)."""
    found = report(
        date(2026, 12, 30),
        review=[
            {
                "received": "2026-12-14",
                "documents": DOCS,
                "initial_opinion": revise("2026-12-18"),
                "returned": "2026-12-25",
            }
        ],
    )
    revised = found.finding("art11.revision", "round 1")
    assert revised.status is Status.NOT_APPLICABLE
    assert "no earlier than 2027-01-02" in revised.note_en
    assert "before the window ended (2027-01-02)" not in revised.note_en


# kills art11_review_clock.py:496 ReplaceTrueWithFalse #3
def test_a_classified_project_has_no_return_to_judge_under_d19_pre_review_only() -> None:
    """D19 ``pre_review_only``: a classified project skips the pre-review of item (ii) under every reading, so the
    return (an act of the pre-review) is NOT_APPLICABLE even when one is recorded before the window ended."""
    found = report(
        date(2025, 12, 31),
        {"classified_application": ClassifiedApplication.PRE_REVIEW_ONLY},
        classified=True,
        review=[{**WINDOW, "returned": "2025-06-20"}],
    )
    assert rounds(found, "art11.application_return") == [(None, Status.NOT_APPLICABLE)]


# kills art11_review_clock.py:517 ReplaceComparisonOperator_Gt_Is #3
# kills art11_review_clock.py:525 ReplaceFalseWithTrue #2
def test_a_return_before_the_initial_opinion_was_issued_is_a_notice() -> None:
    """Returned 2025-06-10, the initial opinion issued only on 06-11: under D41's option ``refusal_notice`` the
    application was refused without an opinion before it — a NOTICE naming 区数据局 (the rule's docstring), its
    context check showing that no opinion came before the return; under the default (``opinion_owed``) the return
    FAILS on that check."""
    for options, status in ((REFUSAL_NOTICE, Status.NOTICE), (None, Status.FAILS)):
        found = report(date(2025, 7, 31), options, review=[{**WINDOW, "returned": "2025-06-10"}])
        returned = found.finding("art11.application_return", "round 1")
        assert returned.status is status
        assert [(c.fact, c.ok) for c in returned.checks] == [("review[0].initial_opinion.issued", False)]


# kills art11_review_clock.py:546 ReplaceComparisonOperator_LtE_Lt #3
def test_a_revision_on_the_windows_last_day_owes_no_return_after_it() -> None:
    """Revised on 2025-07-02, the 15th working day (项目单位应在15个工作日内…完善修改: in time); a return recorded on
    07-10 is not for want of a revision: NOT_APPLICABLE (not a return the item provides, HOLDS)."""
    found = report(date(2025, 7, 31), review=[{**WINDOW, "revised": "2025-07-02", "returned": "2025-07-10"}])
    assert found.finding("art11.application_return", "round 1").status is Status.NOT_APPLICABLE


# kills art11_review_clock.py:554 ReplaceComparisonOperator_Gt_Eq #4
# kills art11_review_clock.py:554 ReplaceComparisonOperator_Gt_GtE #4
# kills art11_review_clock.py:554 ReplaceComparisonOperator_Gt_Is #4
@pytest.mark.parametrize(
    ("returned", "status", "says"),
    [
        ("2025-07-03", Status.HOLDS, ", after the window ended: the return item (ii) provides"),
        ("2025-07-02", Status.FAILS, ", before the window ended."),
    ],
)
def test_the_return_note_says_whether_it_came_after_the_window(
    returned: str, status: Status, says: str
) -> None:
    """No revision. A return the day after the last day (07-03) is the one item (ii) provides (否则将退回申请); one on
    the last day (07-02) is not after the window. The status follows the check; the note must say the same (the
    note is the only place the mutants differ)."""
    found = report(date(2025, 7, 31), review=[{**WINDOW, "returned": returned}])
    judged = found.finding("art11.application_return", "round 1")
    assert judged.status is status
    assert f"returned the application on {returned}{says}" in judged.note_en


# Beyond the calendar data (D12): received 2026-12-14, opinion (revise) Fri 2026-12-18; the 15 working days end in
# 2027, whose official arrangement is not in the calendar data, and no earlier than 15 days later: 2027-01-02.
BEYOND = {"received": "2026-12-14", "documents": DOCS, "initial_opinion": revise("2026-12-18")}


# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Eq #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_NotEq #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Lt #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Gt #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_GtE #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Is #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_IsNot #5
# kills art11_review_clock.py:571 ReplaceComparisonOperator_Is_IsNot #29
# kills art11_review_clock.py:571 ReplaceOrWithAnd #10
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Eq #6
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_NotEq #6
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Lt #6
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Gt #6
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_GtE #6
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_Is #6
# kills art11_review_clock.py:571 ReplaceComparisonOperator_LtE_IsNot #6
# kills art11_review_clock.py:573 ReplaceComparisonOperator_LtE_NotEq #7
# kills art11_review_clock.py:573 ReplaceComparisonOperator_LtE_Lt #7
# kills art11_review_clock.py:575 ReplaceComparisonOperator_LtE_Lt #8
# kills art11_review_clock.py:573 ReplaceComparisonOperator_LtE_IsNot #7
@pytest.mark.parametrize(
    ("as_of", "revised", "returned", "status"),
    [
        # revised before the earliest end, nothing returned: in time whatever 2027's holidays, no return owed
        (date(2027, 1, 15), "2026-12-28", None, Status.NOT_APPLICABLE),
        # revised on the earliest end: the window cannot have ended before that day, so still in time
        (date(2027, 1, 15), "2027-01-02", None, Status.NOT_APPLICABLE),
        # revised after it: whether in time depends on 2027's holidays
        (date(2027, 1, 15), "2027-01-05", None, Status.UNDETERMINED),
        # revised and returned the same day before the earliest end: revised in time (D17), no return owed
        (date(2027, 1, 15), "2026-12-28", "2026-12-28", Status.NOT_APPLICABLE),
        # returned before the earliest end, revised after the return: the return cut the window short
        (date(2027, 1, 15), "2026-12-28", "2026-12-25", Status.FAILS),
        # revised in time, returned after the earliest end: not a return for want of a revision
        (date(2027, 1, 15), "2026-12-28", "2027-01-11", Status.NOT_APPLICABLE),
        # returned on the earliest end, no revision: the last day is that day or later, so not after it
        (date(2027, 1, 15), None, "2027-01-02", Status.FAILS),
        # nothing revised or returned past the earliest end: whether the window ended depends on 2027
        (date(2027, 1, 15), None, None, Status.UNDETERMINED),
        # nothing revised or returned on the earliest end: the window still runs, no return owed yet
        (date(2027, 1, 2), None, None, Status.NOT_APPLICABLE),
    ],
)
def test_the_return_beyond_the_calendar_is_answered_where_the_earliest_end_settles_it(
    as_of: date, revised: str | None, returned: str | None, status: Status
) -> None:
    """Art. 11(1)(ii) 否则将退回申请 with D12: 15 working days take at least 15 days, so the window ends no earlier
    than 2027-01-02; what that bound settles is answered, the rest is UNDETERMINED naming 2027."""
    found = report(as_of, review=[{**BEYOND, "revised": revised, "returned": returned}])
    judged = found.finding("art11.application_return", "round 1")
    assert judged.status is status
    assert judged.missing == (("calendar:2027",) if status is Status.UNDETERMINED else ())


# kills art11_review_clock.py:570 ReplaceBinaryOperator_Add_BitOr #1
# kills art11_review_clock.py:570 ReplaceBinaryOperator_Add_BitXor #1
def test_a_second_round_whose_window_ends_beyond_the_calendar_is_that_rounds_finding() -> None:
    """Round 1 revised in time (no return owed); round 2's window ends beyond the calendar data and nothing was
    revised or returned by 2027-01-15: UNDETERMINED for round 2 (D12)."""
    found = report(
        date(2027, 1, 15),
        review=[
            {
                **WINDOW,
                "received": "2026-03-02",
                "initial_opinion": revise("2026-03-05"),
                "revised": "2026-03-12",
            },
            BEYOND,
        ],
    )
    assert rounds(found, "art11.application_return") == [
        ("round 1", Status.NOT_APPLICABLE),
        ("round 2", Status.UNDETERMINED),
    ]


# kills art11_review_clock.py:600 ReplaceComparisonOperator_LtE_Eq #9
def test_no_return_is_owed_while_the_window_runs() -> None:
    """On 2025-06-20 the window (to 07-02) still runs: nothing is owed yet, NOT_APPLICABLE (not a PENDING return)."""
    found = report(date(2025, 6, 20), review=[WINDOW])
    assert found.finding("art11.application_return", "round 1").status is Status.NOT_APPLICABLE


def _panel_round(received: str, panel: str) -> dict[str, Any]:
    return {
        "received": received,
        "documents": DOCS,
        "panel_received": panel,
        "panel_technical_experts": True,
        "panel_financial_experts": True,
    }


PANELS = [
    _panel_round("2025-03-03", "2025-03-20"),
    _panel_round("2025-04-07", "2025-04-24"),
    _panel_round("2025-05-12", "2025-05-29"),
]


# kills art11_review_clock.py:840 ReplaceBinaryOperator_Sub_Mod #9
# kills art11_review_clock.py:840 ReplaceBinaryOperator_Sub_RShift #9
# kills art11_review_clock.py:840 NumberReplacer #54
def test_each_rounds_panel_is_judged_on_its_own_experts() -> None:
    """Art. 11(1)(iv) 联合评审小组由技术专家和财政专家组成, judged on each round's own panel."""
    found = report(date(2025, 12, 31), review=PANELS)
    judged = [f for f in found.findings if f.rule == "art11.panel_composition"]
    assert [(f.subject, f.status, [c.fact for c in f.checks]) for f in judged] == [
        (
            f"round {n}",
            Status.HOLDS,
            [f"review[{n - 1}].panel_technical_experts", f"review[{n - 1}].panel_financial_experts"],
        )
        for n in (1, 2, 3)
    ]


# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_Add #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_Mul #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_Div #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_FloorDiv #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_Mod #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_Pow #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_RShift #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_LShift #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_BitOr #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_BitAnd #7
# kills art11_review_clock.py:759 ReplaceBinaryOperator_Sub_BitXor #7
# kills art11_review_clock.py:759 NumberReplacer #50
# kills art11_review_clock.py:759 NumberReplacer #51
# kills art11_review_clock.py:839 ReplaceContinueWithBreak #9
def test_each_panel_before_the_effective_date_is_out_of_reach_naming_its_own_receipt() -> None:
    """D13: the three panels received the materials before a regulation effective 2025-07-01, so no round's
    evaluation is judged (NOT_APPLICABLE); each finding's context check names that round's panel receipt."""
    found = report(date(2025, 12, 31), {"effective_date": date(2025, 7, 1)}, review=PANELS)
    judged = [f for f in found.findings if f.rule == "art11.panel_composition"]
    assert [(f.subject, f.status, [(c.fact, c.actual) for c in f.checks]) for f in judged] == [
        ("round 1", Status.NOT_APPLICABLE, [("review[0].panel_received", date(2025, 3, 20))]),
        ("round 2", Status.NOT_APPLICABLE, [("review[1].panel_received", date(2025, 4, 24))]),
        ("round 3", Status.NOT_APPLICABLE, [("review[2].panel_received", date(2025, 5, 29))]),
    ]


# kills art11_review_clock.py:855 NumberReplacer #65
def test_a_final_opinion_before_the_fiscal_report_names_the_step_it_must_follow() -> None:
    """D20 (default ``last_step``): 区数据局形成最终审核意见 comes after 区财政局…出具财评报告. A final opinion of
    2025-07-04 before the fiscal report of 07-08 FAILS, the check labelled as the final opinion after the fiscal
    review report."""
    found = report(
        date(2025, 7, 31),
        review=[
            {
                **WINDOW,
                "revised": "2025-06-18",
                "sent_to_departments": "2025-06-19",
                "department_opinions": {
                    "committee_office": "2025-06-20",
                    "cyberspace_office": "2025-06-20",
                    "finance_bureau": "2025-06-23",
                    "audit_bureau": "2025-06-23",
                },
                "panel_received": "2025-06-24",
                "expert_opinion": "2025-06-27",
                "fiscal_review_report": "2025-07-08",
                "final_opinion": "2025-07-04",
            }
        ],
    )
    sequence = found.finding("art11.evaluation_sequence", "round 1")
    assert sequence.status is Status.FAILS
    failed = [(c.fact, c.label_en, c.label_zh) for c in sequence.checks if c.ok is False]
    assert failed == [
        (
            "review[0].final_opinion",
            "final opinion (after fiscal review report)",
            "最终审核意见（财评报告之后）",
        )
    ]


# kills art11_review_clock.py:1020 ReplaceBinaryOperator_Add_BitXor #4
# kills art11_review_clock.py:1035 NumberReplacer #82
# kills art11_review_clock.py:1035 NumberReplacer #84
def test_the_plan_of_an_odd_as_of_year_is_owed_by_its_first_day() -> None:
    """Art. 11(2) 按年度 (the module's note): a system in operation since 2023-05-01 owes a plan for 2024 and for
    2025, the year of as_of (2025-06-30), each due by 1 January of its budget year; none given: both FAIL, the
    context check comparing the start of operation with that 1 January."""
    found = report(date(2025, 6, 30), operation={"started": "2023-05-01"})
    plans = [f for f in found.findings if f.rule == "art11.om_plan"]
    assert [(f.subject, f.status) for f in plans] == [("2024", Status.FAILS), ("2025", Status.FAILS)]
    context = [(c.fact, c.required, c.actual, c.ok) for c in plans[1].checks if c.fact == "operation.started"]
    assert context == [("operation.started", date(2025, 1, 1), date(2023, 5, 1), True)]


# kills art11_review_clock.py:1027 ReplaceBinaryOperator_Sub_RShift #11
# kills art11_review_clock.py:1027 ReplaceBinaryOperator_Sub_BitXor #11
# kills art11_review_clock.py:1027 NumberReplacer #76
# kills art11_review_clock.py:1027 NumberReplacer #78
# kills art11_review_clock.py:1027 NumberReplacer #80
def test_a_missing_plan_is_in_reach_from_the_first_of_january_of_the_year_before() -> None:
    """D13 for an owed year without a plan: its preparation begins on the later of 1 January of the year before
    and the start of operation (2022-03-01). Effective 2024-01-02: 2023 (prepared from 2022-03-01), 2024 (from
    2023-01-01) and 2025 (from 2024-01-01, a day before the effective date) are out of reach; 2026 (from
    2025-01-01) FAILS."""
    found = report(
        date(2026, 6, 30), {"effective_date": date(2024, 1, 2)}, operation={"started": "2022-03-01"}
    )
    na = Status.NOT_APPLICABLE
    assert rounds(found, "art11.om_plan") == [
        *((str(year), na) for year in (2023, 2024, 2025)),
        ("2026", Status.FAILS),
    ]


# kills art11_review_clock.py:1038 NumberReplacer #86
# kills art11_review_clock.py:1038 NumberReplacer #87
def test_a_missing_plan_names_the_day_the_listed_plan_was_filed_later() -> None:
    """The 2026 plan of a system in operation since 2024-05-01 was owed by 2026-01-01; the one listed is filed only
    on 2026-08-01, after as_of (2026-06-30): FAILS, the note giving that filing day."""
    found = report(
        date(2026, 6, 30),
        operation={"started": "2024-05-01"},
        om_plans=[
            {"year": 2025, "submitted": "2024-10-09", "budgeted": "2024-12-01"}
            | {"reviewed_by_data_bureau": {"day": "2024-10-20", "outcome": "approved"}}
            | {"rechecked_by_finance": {"day": "2024-11-05", "outcome": "approved"}},
            {"year": 2026, "submitted": "2026-08-01"},
        ],
    )
    missing = found.finding("art11.om_plan", "2026")
    assert missing.status is Status.FAILS
    assert "the 2026 plan listed was filed only on 2026-08-01" in missing.note_en


# kills art11_review_clock.py:1053 NumberReplacer #89
# kills art11_review_clock.py:1053 AddNot #87
def test_a_plan_filed_after_as_of_says_when_it_is_filed() -> None:
    """A 2027 plan submitted 2026-10-09 is not known on 2026-03-01 (NOT_APPLICABLE); the note gives the day."""
    found = finding(
        "art11.om_plan",
        date(2026, 3, 1),
        subject="2027",
        om_plans=[{"year": 2027, "submitted": "2026-10-09"}],
    )
    assert found.status == "not_applicable"
    assert "the O&M plan is filed on 2026-10-09, after as_of" in found.note_en


def _rechecked_plan(review: str) -> Finding:
    """The 2026 plan on 2026-01-15: submitted 2025-10-09, reviewed by 区数据局 on 10-20 (``review``: its outcome),
    re-checked by 区财政局 on 11-05, not yet in the budget."""
    return finding(
        "art11.om_plan",
        date(2026, 1, 15),
        subject="2026",
        om_plans=[
            {
                "year": 2026,
                "submitted": "2025-10-09",
                "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": review},
                "rechecked_by_finance": {"day": "2025-11-05", "outcome": "approved"},
            }
        ],
    )


# kills art11_review_clock.py:1110 ReplaceComparisonOperator_IsNot_Is #54
# kills art11_review_clock.py:1110 ReplaceComparisonOperator_Is_Gt #13
def test_a_recheck_after_a_review_that_did_not_pass_is_out_of_order() -> None:
    """Art. 11(2) 报区数据局审核，由区财政局复核: the re-check follows a review that passed. Reviewed 2025-10-20 and
    rejected, re-checked 11-05, not yet budgeted: the step taken out of order FAILS (the rule's docstring: a plan
    not yet in the budget fails when a step already taken is out of order)."""
    found = _rechecked_plan("rejected")
    assert found.status == "fails"
    assert [(c.fact, c.ok) for c in found.checks if c.ok is False] == [
        ("om_plans[0].rechecked_by_finance.day", False)
    ]


# kills art11_review_clock.py:1133 ReplaceComparisonOperator_IsNot_Is #58
def test_a_rechecked_plan_not_yet_budgeted_names_the_recheck() -> None:
    """Reviewed and re-checked, not yet in the budget: NOT_APPLICABLE, the stage reached being the re-check."""
    found = _rechecked_plan("approved")
    assert found.status == "not_applicable"
    assert "stage reached: re-checked by finance on 2025-11-05" in found.note_en


# --- survivors reviewed 2026-12-07 (line numbers of a469706) -------------------------------------------------------


# kills art11_review_clock.py:319 ReplaceComparisonOperator_Lt_LtE #0
@pytest.mark.parametrize(
    ("returned", "status"),
    [
        ("2025-06-13", Status.NOT_APPLICABLE),  # before the due day: the round ended with the return
        (
            "2025-06-16",
            Status.NOT_APPLICABLE,
        ),  # on the due day: not yet due (it ends at 24:00), ended with it
        ("2025-06-17", Status.OVERDUE),  # a day after: the opinion was already overdue, and stays so
    ],
)
def test_a_return_on_the_day_the_initial_opinion_is_due_ends_its_clock(returned: str, status: Status) -> None:
    """Art. 11(1)(ii) 在5个工作日内给予初审意见: received Mon 2025-06-09, the 5 working days are 06-10…13 and 06-16,
    so the opinion is due on 2025-06-16 (to 24:00). No opinion was issued; 区数据局 returned the application. A
    return up to and including the due day comes while the opinion is not yet overdue and ends the round and its
    clock (the rule's docstring, D15 with D41's option ``refusal_notice``: NOT_APPLICABLE); a return the day after
    leaves the opinion OVERDUE. Under D41's default (``opinion_owed``) no return ends it: OVERDUE in every case."""
    review = [{"received": "2025-06-09", "documents": DOCS, "returned": returned}]
    found = finding(
        "art11.initial_opinion", date(2025, 6, 30), "round 1", review=review, interpretation=REFUSAL_NOTICE
    )
    assert found.status == status
    assert (
        finding("art11.initial_opinion", date(2025, 6, 30), "round 1", review=review).status is Status.OVERDUE
    )


# kills art11_review_clock.py:1094 ReplaceAndWithOr #23
def test_a_review_after_as_of_shows_no_conclusion() -> None:
    """Art. 11(2) 报区数据局审核…后列入年度预算: on 2026-06-30 the 2026 plan is in the budget (2025-12-01) but 区数据局's
    review is dated 2026-07-10, after ``as_of`` — not yet known, so neither the review nor its conclusion is shown
    as given: the plan FAILS on the missing review and re-check, with no check of a conclusion not yet reached."""
    found = finding(
        "art11.om_plan",
        date(2026, 6, 30),
        subject="2026",
        om_plans=[
            {
                "year": 2026,
                "submitted": "2025-10-09",
                "reviewed_by_data_bureau": {"day": "2026-07-10", "outcome": "approved"},
                "budgeted": "2025-12-01",
            }
        ],
    )
    assert found.status == "fails"
    assert [(c.fact, c.ok) for c in found.checks] == [
        ("om_plans[0].reviewed_by_data_bureau", False),
        ("om_plans[0].rechecked_by_finance", False),
    ]
