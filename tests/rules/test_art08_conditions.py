"""Art. 8: the five conditions, all required, each its own rule naming what fails."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate

BASE: dict[str, Any] = {
    "id": "TH-T-08",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "review": [{"received": "2026-02-02", "documents": ["request", "feasibility_study", "cost_assessment"]}],
}
"""Filed on 2026-02-02: art. 8 sets what an application must meet, so it is judged once the project is filed."""
ASSESSED = ("policy_conformity", "shared_infrastructure", "feasibility_sound", "security_compliant")
RULES = (
    "art8.policy_conformity",
    "art8.listed_in_plans",
    "art8.shared_infrastructure",
    "art8.feasibility_sound",
    "art8.security_compliant",
)


def run(listed: list[str], tasks: list[str] | None = None, /, **conditions: bool | None) -> Report:
    """Plans ``listed`` (and key work tasks ``tasks``), every assessed condition met unless ``conditions`` says."""
    facts = {
        **BASE,
        "planning": {"plans": listed, "key_work_tasks": tasks or []},
        "conditions": dict.fromkeys(ASSESSED, True) | conditions,
    }
    return evaluate(facts, as_of=date(2026, 3, 1))


def statuses(report: Report) -> dict[str, Status]:
    return {rule: report.finding(rule).status for rule in RULES}


def test_all_five_hold() -> None:
    assert set(statuses(run(["district"])).values()) == {Status.HOLDS}


@pytest.mark.parametrize("field", ASSESSED)
def test_each_assessed_condition_fails_alone(field: str) -> None:
    found = statuses(run(["district"], **{field: False}))
    assert found == {rule: Status.FAILS if rule == f"art8.{field}" else Status.HOLDS for rule in RULES}


def test_not_listed_in_any_plan_fails_alone() -> None:
    report = run([])
    assert statuses(report) == {
        r: Status.FAILS if r == "art8.listed_in_plans" else Status.HOLDS for r in RULES
    }
    assert "未列入任何规划" in report.finding("art8.listed_in_plans").note_zh


def test_a_key_work_task_alone_is_not_a_plan() -> None:
    """Format 2.0 keeps key work tasks apart: they do not meet item (ii), and the note says so."""
    finding = run([], ["district"]).finding("art8.listed_in_plans")
    assert finding.status is Status.FAILS
    assert "重点工作任务不是本项所称规划" in finding.note_zh


def test_the_plan_levels_are_shown() -> None:
    finding = run(["provincial", "district"]).finding("art8.listed_in_plans")
    assert "provincial, district" in finding.note_en
    assert "省级、区级" in finding.note_zh


@pytest.mark.parametrize("field", ASSESSED)
def test_a_missing_assessment_is_undetermined_and_named(field: str) -> None:
    finding = run(["district"], **{field: None}).finding(f"art8.{field}")
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == (f"conditions.{field}",)


def test_before_the_application_nothing_is_judged_and_silence_is_not_listed_in_none() -> None:
    unfiled = evaluate(
        {**BASE, "review": [], "conditions": dict.fromkeys(ASSESSED, False)}, as_of=date(2026, 3, 1)
    )
    assert set(statuses(unfiled).values()) == {Status.NOT_APPLICABLE}
    silent = evaluate({**BASE, "conditions": dict.fromkeys(ASSESSED, True)}, as_of=date(2026, 3, 1))
    finding = silent.finding("art8.listed_in_plans")
    assert (finding.status, finding.missing) == (Status.UNDETERMINED, ("planning.plans",))
