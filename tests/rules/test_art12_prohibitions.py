"""Art. 12: the six prohibitions (六个不得), each a fact and the action it blocks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation, OmFundingAct, SameDayPrecedence

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
    finding = run(approval={"approved": approved}, implementation={field: action}).finding(
        "art12.funds_and_works_need_approval", subject
    )
    assert finding.status is expected
    assert blocked in finding.note_zh


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
    strictly before (< 0) holds."""
    approved = date(2026, 1, 20) + timedelta(days=offset)
    facts = {
        **BASE,
        "approval": {"approved": approved.isoformat()},
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
