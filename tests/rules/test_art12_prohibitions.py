"""Art. 12: the six prohibitions (六个不得), each a fact and the action it blocks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Art3Substance, Interpretation, OmFundingAct, SameDayPrecedence

BASE: dict[str, Any] = {
    "id": "TH-T-12",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
}
APPLIED = [{"received": "2026-02-02", "documents": ["request", "feasibility_study", "cost_assessment"]}]


def run(as_of: date = date(2026, 3, 31), **facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=as_of)


def state(value: bool | None) -> list[dict[str, Any]]:
    """A prohibition's state as a format 2.0 history: ``value`` from the start (None: not known, no entry)."""
    return [] if value is None else [{"value": value}]


def round_1(review: list[Any]) -> str | None:
    """The subject of the finding about the first application: ``round 1``, or none before any application."""
    return "round 1" if review else None


@pytest.mark.parametrize(
    ("plans", "key_work_tasks", "review", "expected"),
    [
        (["district"], [], APPLIED, Status.HOLDS),
        ([], [], APPLIED, Status.FAILS),
        ([], [], [], Status.HOLDS),
        (["municipal"], [], [], Status.HOLDS),
        ([], ["provincial"], APPLIED, Status.HOLDS),  # a key work task lifts the bar too
        (["national"], [], APPLIED, Status.FAILS),  # a national plan alone does not
    ],
)
def test_initiation_needs_plan(
    plans: list[str], key_work_tasks: list[str], review: list[Any], expected: Status
) -> None:
    planning = {"plans": plans, "key_work_tasks": key_work_tasks}
    finding = run(planning=planning, review=review).finding("art12.initiation_needs_plan", round_1(review))
    assert finding.status is expected
    assert "申请项目立项" in finding.note_zh


def test_an_application_after_as_of_has_not_happened() -> None:
    finding = run(date(2026, 2, 1), review=APPLIED).finding("art12.initiation_needs_plan")
    assert finding.status is Status.HOLDS


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ("art12.new_project_needs_integration", "systems_integrated"),
        ("art12.new_project_needs_cloud_migration", "migrated_to_cloud"),
    ],
)
@pytest.mark.parametrize(
    ("new", "review", "value", "expected"),
    [
        (True, APPLIED, True, Status.HOLDS),
        (True, APPLIED, False, Status.FAILS),
        (True, APPLIED, None, Status.UNDETERMINED),
        (True, [], False, Status.HOLDS),
        (False, APPLIED, False, Status.NOT_APPLICABLE),
    ],
)
def test_new_project_prohibitions(
    rule: str, field: str, new: bool, review: list[Any], value: bool | None, expected: Status
) -> None:
    report = run(new_project=new, review=review, prohibitions={field: state(value)})
    finding = report.finding(rule, round_1(review) if new else None)
    assert finding.status is expected
    if expected is not Status.NOT_APPLICABLE:
        assert "申请新项目建设" in finding.note_zh
    if expected is Status.UNDETERMINED:
        assert finding.missing == (f"prohibitions.{field}",)


def test_each_application_round_reads_the_state_on_its_own_day() -> None:
    rounds = [{"received": "2026-02-02", "returned": "2026-02-20"}, {"received": "2026-03-02"}]
    integrated = [{"value": False}, {"value": True, "since": "2026-02-25"}]
    report = run(new_project=True, review=rounds, prohibitions={"systems_integrated": integrated})
    found = [
        (f.subject, f.status) for f in report.findings if f.rule == "art12.new_project_needs_integration"
    ]
    assert found == [("round 1", Status.FAILS), ("round 2", Status.HOLDS)]


def test_a_blocked_act_not_yet_done_shows_the_state_as_context() -> None:
    finding = run(new_project=True, prohibitions={"migrated_to_cloud": state(False)}).finding(
        "art12.new_project_needs_cloud_migration"
    )
    assert (finding.status, finding.subject) == (Status.HOLDS, None)
    assert [c.role.value for c in finding.checks] == ["context"]
    assert "不得发生" in finding.note_zh


@pytest.mark.parametrize(
    ("shared", "in_budget", "requested", "expected"),
    [
        (True, True, True, Status.HOLDS),
        (False, True, False, Status.FAILS),
        (None, True, True, Status.UNDETERMINED),
        (False, False, True, Status.HOLDS),
        (False, False, False, Status.NOT_APPLICABLE),
    ],
)
def test_om_funding_needs_data_sharing(
    shared: bool | None, in_budget: bool, requested: bool, expected: Status
) -> None:
    plan = {"year": 2026, "budgeted": "2026-01-15" if in_budget else None, "om_funding_requested": requested}
    finding = run(prohibitions={"public_data_shared": state(shared)}, om_plans=[plan]).finding(
        "art12.om_funding_needs_data_sharing", "2026"
    )
    assert finding.status is expected
    if expected is not Status.NOT_APPLICABLE:
        assert "安排运维经费" in finding.note_zh


def test_om_funding_request_not_granted_warns_when_data_not_shared() -> None:
    plan = {"year": 2026, "om_funding_requested": True}
    finding = run(prohibitions={"public_data_shared": state(False)}, om_plans=[plan]).finding(
        "art12.om_funding_needs_data_sharing", "2026"
    )
    assert "不得发生" in finding.note_zh


@pytest.mark.parametrize(
    ("duplicate", "approved", "expected"),
    [
        (False, "2026-03-02", Status.HOLDS),
        (True, "2026-03-02", Status.FAILS),
        (None, "2026-03-02", Status.UNDETERMINED),
        (True, None, Status.HOLDS),
    ],
)
def test_approval_needs_no_duplication(
    duplicate: bool | None, approved: str | None, expected: Status
) -> None:
    finding = run(
        prohibitions={"duplicate_construction": state(duplicate)}, approval={"approved": approved}
    ).finding("art12.approval_needs_no_duplication")
    assert finding.status is expected
    assert "批准立项" in finding.note_zh


CONCLUDED = [{"received": "2025-12-01", "final_opinion": "2026-01-12"}]
"""A review round of art. 11 concluded with 区数据局's final opinion (2026-01-12), before the approvals below."""


def procedure(approved: str | None, **approval: Any) -> dict[str, Any]:
    """The facts of "按本办法履行审批程序": the round concluded, then the approval by 区数据局 on ``approved``."""
    given = {"approved": approved, "approved_by": "data_bureau"} if approved else {}
    return {"review": CONCLUDED, "approval": {**given, **approval}}


@pytest.mark.parametrize(
    ("approved", "action", "expected"),
    [
        ("2026-01-20", "2026-01-20", Status.HOLDS),  # the same day: approval is not after the action
        ("2026-01-20", "2026-01-21", Status.HOLDS),
        ("2026-01-21", "2026-01-20", Status.FAILS),  # one day after the action
        (None, "2026-01-20", Status.FAILS),
        (None, None, Status.HOLDS),
        ("2026-01-20", None, Status.HOLDS),
    ],
)
@pytest.mark.parametrize(
    ("subject", "field", "blocked"),
    [("funds", "funds_arranged", "安排经费"), ("works", "works_started", "实施")],
)
def test_funds_and_works_need_approval(
    approved: str | None, action: str | None, expected: Status, subject: str, field: str, blocked: str
) -> None:
    finding = run(**procedure(approved), implementation={field: action}).finding(
        "art12.funds_and_works_need_approval", subject
    )
    assert finding.status is expected
    assert blocked in finding.note_zh


WORKS = {"works_started": "2026-02-02"}


def _works(**facts: Any) -> Any:
    return run(implementation=WORKS, **facts).finding("art12.funds_and_works_need_approval", "works")


@pytest.mark.parametrize(
    ("approved_by", "expected"),
    [("data_bureau", Status.HOLDS), ("development_reform", Status.FAILS), (None, Status.UNDETERMINED)],
)
def test_the_procedure_is_an_approval_by_the_data_bureau(approved_by: str | None, expected: Status) -> None:
    """按本办法履行审批程序: 由区数据局按程序审批 (art. 14); an approval by another party is not this procedure."""
    finding = _works(review=CONCLUDED, approval={"approved": "2026-01-20", "approved_by": approved_by})
    assert finding.status is expected
    if expected is Status.UNDETERMINED:
        assert finding.missing == ("approval.approved_by",)


@settings(deadline=None)
@given(offset=st.integers(min_value=-10, max_value=10))
def test_the_review_must_conclude_before_the_approval(offset: int) -> None:
    """Boundary: the final opinion ``offset`` days after the approval — by default on or before it holds (D17)."""
    final = date(2026, 1, 20) + timedelta(days=offset)
    review = [{"received": "2025-12-01", "final_opinion": final.isoformat()}]
    for reading, holds in (
        (SameDayPrecedence.SAME_DAY_COUNTS, offset <= 0),
        (SameDayPrecedence.EARLIER_DAY, offset < 0),
    ):
        facts = {
            **BASE,
            "review": review,
            "approval": {"approved": "2026-01-20", "approved_by": "data_bureau"},
            "implementation": {"works_started": "2026-02-02"},
        }
        report = evaluate(
            facts, as_of=date(2026, 3, 31), interpretation=Interpretation(same_day_precedence=reading)
        )
        finding = report.finding("art12.funds_and_works_need_approval", "works")
        assert finding.status is (Status.HOLDS if holds else Status.FAILS)


def test_an_approval_without_the_review_concluded_fails() -> None:
    """No final opinion (not formed by as_of), or no review at all: the approval skipped art. 11."""
    unfinished = _works(
        review=[{"received": "2025-12-01"}], approval={"approved": "2026-01-20", "approved_by": "data_bureau"}
    )
    assert unfinished.status is Status.FAILS
    assert "review[0].final_opinion" in [c.fact for c in unfinished.checks if c.ok is False]
    no_review = _works(approval={"approved": "2026-01-20", "approved_by": "data_bureau"})
    assert no_review.status is Status.FAILS
    assert [c.fact for c in no_review.checks if c.ok is False] == ["review"]


def test_the_round_the_approval_answers_is_the_last_before_it() -> None:
    """A round received after the approval is not the one it concluded: the earlier round's opinion counts."""
    rounds = [
        {"received": "2025-12-01", "final_opinion": "2026-01-12"},
        {"received": "2026-01-25"},
    ]
    finding = _works(review=rounds, approval={"approved": "2026-01-20", "approved_by": "data_bureau"})
    assert finding.status is Status.HOLDS
    assert "review[0].final_opinion" in [c.fact for c in finding.checks]


def test_a_classified_project_needs_no_final_opinion() -> None:
    """涉密项目按国家有关保密规定申报: no review of art. 11 to conclude; the approval by 区数据局 still counts."""
    approval = {"approved": "2026-01-20", "approved_by": "data_bureau"}
    assert _works(classified=True, approval=approval).status is Status.HOLDS
    other = {"approved": "2026-01-20", "approved_by": "development_reform"}
    assert _works(classified=True, approval=other).status is Status.FAILS


def test_before_the_action_the_procedure_is_shown_as_context() -> None:
    finding = run(review=[{"received": "2025-12-01"}], approval={"approved": "2026-01-20"}).finding(
        "art12.funds_and_works_need_approval", "works"
    )
    assert finding.status is Status.HOLDS
    assert {c.role.value for c in finding.checks} == {"context"}
    assert "不得发生" in finding.note_zh


# --- "实质上属于政务信息化建设的项目": the sixth prohibition beyond the scope test ------------------------------------

EXCLUDED: dict[str, Any] = {"category": "office_terminal", "produces_public_data": False}
"""办公终端 producing no public data: art. 3 takes it out of the regulation."""


@pytest.mark.parametrize(
    ("substance", "expected"),
    [(True, Status.FAILS), (False, Status.NOT_APPLICABLE), (None, Status.NOT_APPLICABLE)],
)
def test_a_project_excluded_by_its_label_but_it_in_substance_is_reached(
    substance: bool | None, expected: Status
) -> None:
    """D38 option category_governs: art. 3 keeps the project out by its label, and the sixth prohibition alone
    reaches a project found to be government IT in substance (the rule's beyond_scope)."""
    report = evaluate(
        {**BASE, **EXCLUDED, "substantively_government_it": substance, "implementation": WORKS},
        as_of=date(2026, 3, 31),
        interpretation=Interpretation(art3_substance=Art3Substance.CATEGORY_GOVERNS),
    )
    assert report.finding("art3.not_excluded").status is Status.NOTICE
    works = report.finding("art12.funds_and_works_need_approval", "works" if substance else None)
    assert works.status is expected
    if substance:
        assert works.checks[0].fact == "substantively_government_it"
        assert works.checks[0].role.value == "context"
    # the other prohibitions stay behind the scope test
    assert report.finding("art12.initiation_needs_plan").status is Status.NOT_APPLICABLE


def test_by_default_a_finding_of_substance_brings_the_whole_regulation_d38() -> None:
    report = run(**EXCLUDED, substantively_government_it=True, implementation=WORKS)
    assert report.finding("art3.not_excluded").status is Status.HOLDS
    assert report.finding("art12.funds_and_works_need_approval", "works").status is Status.FAILS
    assert report.finding("art12.initiation_needs_plan").status is not Status.NOT_APPLICABLE


def test_a_project_in_scope_is_judged_whatever_the_substance_fact() -> None:
    finding = _works(substantively_government_it=False)
    assert finding.status is Status.FAILS  # in scope: the scope test says what it is


# --- D21: the request as the blocked act; D17: an approval on the day of the action ------------------------------


def _om_funding(plan: dict[str, Any], reading: OmFundingAct) -> Status:
    facts = {
        **BASE,
        "prohibitions": {"public_data_shared": state(False)},
        "om_plans": [{"year": 2026, **plan}],
    }
    report = evaluate(facts, as_of=date(2026, 3, 31), interpretation=Interpretation(om_funding_act=reading))
    return report.finding("art12.om_funding_needs_data_sharing", "2026").status


@pytest.mark.parametrize(
    ("plan", "arranged", "requested"),
    [
        ({"om_funding_requested": True}, Status.HOLDS, Status.FAILS),
        ({"budgeted": "2026-01-15"}, Status.FAILS, Status.FAILS),
        ({}, Status.NOT_APPLICABLE, Status.NOT_APPLICABLE),
    ],
)
def test_d21_a_request_is_the_blocked_act_only_under_the_option(
    plan: dict[str, Any], arranged: Status, requested: Status
) -> None:
    assert _om_funding(plan, OmFundingAct.ARRANGED) is arranged
    assert _om_funding(plan, OmFundingAct.REQUESTED) is requested


@settings(deadline=None)
@given(offset=st.integers(min_value=-5, max_value=5))
def test_d17_approval_and_works_on_the_same_day(offset: int) -> None:
    """Approved ``offset`` days after the works start: by default not after (≤ 0) holds; with ``earlier_day`` only
    strictly before (< 0) holds. (The review concluded well before: 2026-01-05.)"""
    approved = date(2026, 1, 20) + timedelta(days=offset)
    facts = {
        **BASE,
        "review": [{"received": "2025-12-01", "final_opinion": "2026-01-05"}],
        "approval": {"approved": approved.isoformat(), "approved_by": "data_bureau"},
        "implementation": {"works_started": "2026-01-20"},
    }
    for reading, holds in (
        (SameDayPrecedence.SAME_DAY_COUNTS, offset <= 0),
        (SameDayPrecedence.EARLIER_DAY, offset < 0),
    ):
        report = evaluate(
            facts, as_of=date(2026, 3, 31), interpretation=Interpretation(same_day_precedence=reading)
        )
        status = report.finding("art12.funds_and_works_need_approval", "works").status
        assert status is (Status.HOLDS if holds else Status.FAILS)
