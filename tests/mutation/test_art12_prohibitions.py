"""Kills the surviving mutants of art12_prohibitions.py: later O&M plans after an inapplicable one, and what the
notes say about an action that has not happened or happened in breach."""

from __future__ import annotations

from datetime import date

import pytest

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


# --- survivors reviewed 2026-12-07 (line numbers of a469706) -------------------------------------------------------


# kills art12_prohibitions.py:225 ReplaceOrWithAnd #0
def test_data_sharing_is_read_on_the_day_the_money_was_arranged() -> None:
    """未按要求共享、更新公共数据的，不得安排运维经费 (D21 default ``arranged``): the plan entered the budget on
    2025-12-01, when public data was not shared (shared only from 2026-02-01). The prohibition is judged on the day of
    the act, so it FAILS although data is shared by ``as_of`` (2026-06-30)."""
    found = finding(
        RULE,
        subject="2026",
        prohibitions={"public_data_shared": [{"value": False}, {"value": True, "since": "2026-02-01"}]},
        om_plans=[{"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"}],
    )
    assert found.status == "fails"
    assert [(c.fact, c.actual) for c in found.checks] == [("prohibitions.public_data_shared", False)]


REQUESTED = {"om_funding_act": "requested"}


# kills art12_prohibitions.py:221 NumberReplacer #5
def test_under_d21_requested_data_sharing_is_read_on_the_day_the_plan_was_filed() -> None:
    """D21 option ``requested``: the request, made with the plan, is the blocked act, on the day the plan was filed
    (submitted 2025-10-09). Public data was shared only from 2026-01-01, so the request FAILS."""
    found = finding(
        RULE,
        subject="2026",
        interpretation=REQUESTED,
        prohibitions={"public_data_shared": [{"value": False}, {"value": True, "since": "2026-01-01"}]},
        om_plans=[{"year": 2026, "submitted": "2025-10-09", "om_funding_requested": True}],
    )
    assert found.status == "fails"
    assert [(c.fact, c.actual) for c in found.checks] == [("prohibitions.public_data_shared", False)]
    assert "on 2025-10-09" in found.note_en


# kills art12_prohibitions.py:221 NumberReplacer #6
# kills art12_prohibitions.py:221 NumberReplacer #7
def test_under_d21_requested_a_request_before_the_effective_date_names_the_filing() -> None:
    """D13 with D21 ``requested``: a request made with a plan filed (submitted) on 2025-10-09, before a regulation
    effective 2026-01-01, is out of reach; the context check names the fact that dates the act,
    ``om_plans[0].submitted``, and shows its day."""
    found = finding(
        RULE,
        subject="2026",
        interpretation={**REQUESTED, "effective_date": date(2026, 1, 1)},
        prohibitions={"public_data_shared": [{"value": False}]},
        om_plans=[{"year": 2026, "submitted": "2025-10-09", "om_funding_requested": True}],
    )
    assert found.status == "not_applicable"
    assert [(c.fact, c.actual) for c in found.checks] == [("om_plans[0].submitted", date(2025, 10, 9))]


# kills art12_prohibitions.py:253 ReplaceOrWithAnd #2
def test_duplication_is_read_on_the_day_of_approval() -> None:
    """未按要求开展集约共享建设造成重复浪费的，不得批准立项: approved 2026-01-10 while the construction duplicated
    (remedied only from 2026-02-01): the approval FAILS, judged on its own day, not on ``as_of``."""
    found = finding(
        "art12.approval_needs_no_duplication",
        prohibitions={"duplicate_construction": [{"value": True}, {"value": False, "since": "2026-02-01"}]},
        approval={"approved": "2026-01-10", "approved_by": "data_bureau"},
    )
    assert found.status == "fails"
    assert [(c.fact, c.actual) for c in found.checks] == [("prohibitions.duplicate_construction", True)]


WORKS = "art12.funds_and_works_need_approval"
APPROVED = {"approved": "2026-01-10", "approved_by": "data_bureau"}


# kills art12_prohibitions.py:282 ReplaceComparisonOperator_LtE_Lt #0
@pytest.mark.parametrize(
    ("review", "status", "final_fact"),
    [
        # the only round, received and concluded on the approval day (D17: same day in order): the procedure held
        ([{"received": "2026-01-10", "final_opinion": "2026-01-10"}], "holds", "review[0].final_opinion"),
        # round 2 received on the approval day, not concluded: the approval answers it without a final opinion
        (
            [{"received": "2025-12-01", "final_opinion": "2026-01-05"}, {"received": "2026-01-10"}],
            "fails",
            "review[1].final_opinion",
        ),
    ],
)
def test_a_round_received_on_the_approval_day_is_the_one_the_approval_answers(
    review: list[dict[str, str]], status: str, final_fact: str
) -> None:
    """按本办法履行审批程序: the approval (2026-01-10) answers the last round received on or before its day, whose
    final opinion must come first; works started 2026-01-20."""
    found = finding(
        WORKS,
        subject="works",
        review=review,
        approval=APPROVED,
        implementation={"works_started": "2026-01-20"},
    )
    assert found.status == status
    assert found.checks[-1].fact == final_fact


# kills art12_prohibitions.py:316 AddNot #16
# kills art12_prohibitions.py:316 ReplaceComparisonOperator_Is_IsNot #6
def test_without_approval_the_check_names_the_action_day_only_once_there_is_one() -> None:
    """No approval at all: before any works the check is "approved" (shown as context); works started 2026-01-20
    FAIL, the check being approval before the works on that day."""
    none_yet = finding(WORKS, subject="works")
    assert none_yet.status == "holds"
    assert [(c.label_en, c.label_zh) for c in none_yet.checks] == [("approved", "已履行审批程序")]
    started = finding(WORKS, subject="works", implementation={"works_started": "2026-01-20"})
    assert started.status == "fails"
    assert [c.label_en for c in started.checks] == [
        "approved before implementation (works started) (2026-01-20)"
    ]
