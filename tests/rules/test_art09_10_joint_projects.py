"""Art. 9 (cross-department projects filed by the lead) and art. 10 (cross-level projects and their money)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate

BASE: dict[str, Any] = {
    "id": "TH-T-09",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "data_governance",
    "funding": [{"source": "fiscal_budget", "amount": "100000.00"}],
}
JOINT = {
    "lead_department": "区数据局",
    "participants": ["区公安分局"],
    "goals_jointly_set": True,
    "unified_interfaces": True,
    "unified_data_catalogue": True,
}
ROUND = [{"received": "2025-11-03"}]


def run(**facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=date(2025, 11, 20))


# --- art. 9 ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filed_by", "review", "expected"),
    [
        ("区数据局", ROUND, Status.HOLDS),
        ("区公安分局", ROUND, Status.FAILS),
        ("区公安分局", [], Status.FAILS),  # filed_by given: the filing happened
        (None, ROUND, Status.UNDETERMINED),
        (None, [], Status.NOT_APPLICABLE),
    ],
)
def test_filed_by_the_lead_department(filed_by: str | None, review: list[Any], expected: Status) -> None:
    finding = run(cross_department={**JOINT, "filed_by": filed_by}, review=review).finding(
        "art9.filed_by_lead_department"
    )
    assert finding.status is expected
    if expected is Status.FAILS:
        assert finding.checks[0].required == "区数据局"
        assert finding.checks[0].actual == "区公安分局"


@pytest.mark.parametrize("fact", ["goals_jointly_set", "unified_interfaces", "unified_data_catalogue"])
@pytest.mark.parametrize(("value", "expected"), [(False, Status.FAILS), (None, Status.UNDETERMINED)])
def test_joint_design_needs_all_three(fact: str, value: bool | None, expected: Status) -> None:
    finding = run(cross_department={**JOINT, fact: value}).finding("art9.joint_design")
    assert finding.status is expected
    bad = [c.fact for c in finding.checks if c.ok is not True]
    assert bad == [f"cross_department.{fact}"]


def test_joint_design_holds_and_art9_needs_a_shared_project() -> None:
    assert run(cross_department=JOINT).finding("art9.joint_design").status is Status.HOLDS
    report = run()
    assert report.finding("art9.joint_design").status is Status.NOT_APPLICABLE
    assert report.finding("art9.filed_by_lead_department").status is Status.NOT_APPLICABLE


def test_a_lead_department_filing_names_its_participants() -> None:
    finding = run(cross_department={**JOINT, "filed_by": "区数据局"}).finding("art9.filed_by_lead_department")
    assert "区公安分局" in finding.note_zh


# --- art. 10 --------------------------------------------------------------------------------------------------

LEVEL = {
    "levels": ["provincial", "municipal", "district"],
    "graded_approval": True,
    "connects_existing_projects": True,
}


@pytest.mark.parametrize(
    ("graded", "connects", "expected"),
    [
        (True, True, Status.HOLDS),
        (False, True, Status.FAILS),
        (True, False, Status.FAILS),
        (None, True, Status.UNDETERMINED),
    ],
)
def test_cross_level_coordination(graded: bool | None, connects: bool | None, expected: Status) -> None:
    facts = {**LEVEL, "graded_approval": graded, "connects_existing_projects": connects}
    assert run(cross_level=facts).finding("art10.cross_level_coordination").status is expected


@pytest.mark.parametrize(
    ("sources", "om_each", "expected"),
    [
        (["provincial_allocation"], True, Status.HOLDS),
        (["provincial_allocation", "fiscal_budget"], True, Status.FAILS),
        (["provincial_allocation", "social_capital"], True, Status.FAILS),
        (["provincial_allocation"], False, Status.FAILS),
        (["provincial_allocation"], None, Status.UNDETERMINED),
        ([], True, Status.UNDETERMINED),
    ],
)
def test_integrated_system_money(sources: list[str], om_each: bool | None, expected: Status) -> None:
    facts = {**LEVEL, "province_municipal_integrated": True, "om_borne_by_each_level": om_each}
    funding = [{"source": s, "amount": "10.00"} for s in sources]
    finding = run(cross_level=facts, funding=funding).finding("art10.integrated_system_funding")
    assert finding.status is expected
    if not sources:
        assert finding.missing == ("funding",)


def test_integrated_system_money_only_for_an_integrated_system() -> None:
    assert run(cross_level=LEVEL).finding("art10.integrated_system_funding").status is Status.NOT_APPLICABLE
    report = run()
    assert report.finding("art10.integrated_system_funding").status is Status.NOT_APPLICABLE
    assert report.finding("art10.cross_level_coordination").status is Status.NOT_APPLICABLE
