"""A deadline shows where its clock runs from: the start fact's path and date come first among its checks.

``Context.within`` (art. 27's 6 months from 项目建成) and ``Context.timely`` (art. 24's "及时" report of a major loss,
D11) are exercised through their rules, so the checks are those a report shows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy import Finding, Interpretation, Project, Status, evaluate
from tinghu_policy.engine import Check, CheckRole, Relation

BASE: dict[str, Any] = {
    "id": "T-CLOCK",
    "name": "起算测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "100000.00"}],
}


def finding(rule: str, as_of: date, interpretation: dict[str, Any], **facts: Any) -> Finding:
    project = Project.model_validate({**BASE, **facts})
    return evaluate(project, as_of=as_of, interpretation=Interpretation(**interpretation)).finding(rule)


COMPLETED = date(2025, 9, 10)
LOSS = date(2025, 6, 10)


def acceptance(as_of: date, passed: date | None, **interpretation: Any) -> Finding:
    facts = {"completed": COMPLETED, "passed": passed}
    return finding("art27.acceptance", as_of, interpretation, acceptance=facts)


def loss_report(as_of: date, reported: date | None, **interpretation: Any) -> Finding:
    impl: dict[str, Any] = {"major_loss": True, "major_loss_on": LOSS}
    if reported is not None:
        impl["delay_reports"] = [{"trigger": "major_loss", "reported": reported, "remediation_plan": True}]
    return finding("art24.major_loss_report", as_of, interpretation, implementation=impl)


def shown(check: Check) -> tuple[str, Relation, object, object, bool | None]:
    return (check.fact, check.relation, check.required, check.actual, check.ok)


@pytest.mark.parametrize(
    ("passed", "status"),
    [(date(2025, 11, 20), Status.MET), (None, Status.PENDING)],
)
def test_a_deadline_shows_its_start_then_the_act(passed: date | None, status: Status) -> None:
    as_of = date(2025, 12, 1)
    finding = acceptance(as_of, passed)
    assert finding.status is status
    assert [shown(c) for c in finding.checks] == [
        ("acceptance.completed", Relation.ON_OR_BEFORE, as_of, COMPLETED, True),
        (
            "acceptance.passed",
            Relation.ON_OR_BEFORE,
            date(2026, 3, 10),
            passed,
            None if passed is None else True,
        ),
    ]
    assert [c.role for c in finding.checks] == [CheckRole.START, CheckRole.REQUIREMENT]
    assert f"起算：{COMPLETED} 项目建成。" in finding.explanation_zh
    assert f"Clock runs from completion on {COMPLETED}." in finding.explanation_en


def test_a_clock_not_started_or_out_of_reach_shows_no_start() -> None:
    before_completion = acceptance(date(2025, 9, 9), None)
    assert (before_completion.status, before_completion.checks) == (Status.NOT_APPLICABLE, ())
    before_effect = acceptance(date(2025, 12, 1), None, effective_date=date(2025, 10, 1))  # D13
    assert before_effect.status is Status.NOT_APPLICABLE
    assert [(shown(c), c.role) for c in before_effect.checks] == [
        (
            ("acceptance.completed", Relation.ON_OR_AFTER, date(2025, 10, 1), COMPLETED, False),
            CheckRole.CONTEXT,
        )
    ]
    assert "立法法第一百零四条" in before_effect.explanation_zh


def test_a_timely_duty_shows_its_start_done_or_not() -> None:
    done = loss_report(date(2025, 7, 1), date(2025, 6, 20))
    assert done.status is Status.HOLDS
    assert [shown(c) for c in done.checks] == [
        ("implementation.major_loss_on", Relation.ON_OR_BEFORE, date(2025, 7, 1), LOSS, True),
        ("implementation.delay_reports[0].reported", Relation.ON_OR_AFTER, LOSS, date(2025, 6, 20), True),
    ]
    open_duty = loss_report(date(2025, 7, 1), None)
    assert open_duty.status is Status.PENDING
    assert [c.fact for c in open_duty.checks] == ["implementation.major_loss_on"]


def test_a_configured_timely_clock_shows_its_start_like_any_deadline() -> None:
    finding = loss_report(date(2025, 7, 1), None, timely_within_working_days=5)  # D11
    assert finding.status is Status.OVERDUE
    assert [c.fact for c in finding.checks] == [
        "implementation.major_loss_on",
        "implementation.delay_reports",
    ]


def test_a_report_dated_before_its_trigger_answers_nothing() -> None:
    early = loss_report(date(2025, 7, 1), date(2025, 6, 9))  # the day before the loss
    assert early.status is Status.PENDING
    assert [(shown(c), c.role) for c in early.checks] == [
        (
            ("implementation.major_loss_on", Relation.ON_OR_BEFORE, date(2025, 7, 1), LOSS, True),
            CheckRole.START,
        ),
        (
            ("implementation.delay_reports[0].reported", Relation.ON_OR_AFTER, LOSS, date(2025, 6, 9), False),
            CheckRole.CONTEXT,
        ),
    ]
    configured = loss_report(date(2025, 7, 1), date(2025, 6, 9), timely_within_working_days=5)
    assert configured.status is Status.OVERDUE


def test_a_start_not_given_is_no_check() -> None:
    found = finding("art24.major_loss_report", date(2025, 7, 1), {}, implementation={"major_loss": True})
    assert (found.status, found.checks) == (Status.PENDING, ())
