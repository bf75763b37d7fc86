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
}
ASSESSED = ("policy_conformity", "shared_infrastructure", "feasibility_sound", "security_compliant")
RULES = (
    "art8.policy_conformity",
    "art8.listed_in_plans",
    "art8.shared_infrastructure",
    "art8.feasibility_sound",
    "art8.security_compliant",
)


def run(listed: list[str], **conditions: bool | None) -> Report:
    facts = {
        **BASE,
        "planning": {"listed_in_plans": listed},
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
    assert "列入的规划层级：无" in report.finding("art8.listed_in_plans").note_zh


def test_the_plan_levels_are_shown() -> None:
    note = run(["provincial", "district"]).finding("art8.listed_in_plans").note_en
    assert note == "plan levels listed: provincial, district"


@pytest.mark.parametrize("field", ASSESSED)
def test_a_missing_assessment_is_undetermined_and_named(field: str) -> None:
    finding = run(["district"], **{field: None}).finding(f"art8.{field}")
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == (f"conditions.{field}",)
