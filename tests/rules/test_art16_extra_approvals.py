"""Art. 16: energy, site, land and environmental approvals are not needed unless new civil works or high energy."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import ExtraApproval

BASE: dict[str, Any] = {
    "id": "TH-T-16",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "digital_infrastructure",
}


def run(**approval: Any) -> Report:
    return evaluate({**BASE, "approval": approval}, as_of=date(2026, 3, 1))


def by_kind(report: Report) -> dict[ExtraApproval, Status]:
    return {kind: report.finding("art16.extra_approvals", kind.value).status for kind in ExtraApproval}


@given(sought=st.sets(st.sampled_from(list(ExtraApproval))))
def test_without_exception_exactly_the_sought_approvals_fail(sought: set[ExtraApproval]) -> None:
    found = by_kind(run(extra_approvals_sought=sorted(sought)))
    assert found == {kind: Status.FAILS if kind in sought else Status.HOLDS for kind in ExtraApproval}


@given(
    sought=st.sets(st.sampled_from(list(ExtraApproval))),
    civil=st.booleans(),
    energy=st.booleans(),
)
def test_an_exception_lifts_the_exemption_for_all_four(
    sought: set[ExtraApproval], civil: bool, energy: bool
) -> None:
    report = run(extra_approvals_sought=sorted(sought), new_civil_works=civil, high_energy=energy)
    found = by_kind(report)
    if civil or energy:
        assert set(found.values()) == {Status.NOT_APPLICABLE}
    else:
        assert Status.NOT_APPLICABLE not in found.values()


def test_the_exception_note_names_the_ground_and_the_approvals() -> None:
    finding = run(high_energy=True).finding("art16.extra_approvals", "energy_saving")
    assert "高耗能项目" in finding.note_zh
    assert "涉及新建土建工程" not in finding.note_zh
    assert "环境影响评价" in finding.note_zh
    assert "high-energy project" in finding.note_en


def test_a_flagged_approval_says_why() -> None:
    finding = run(extra_approvals_sought=["environmental_impact"]).finding(
        "art16.extra_approvals", "environmental_impact"
    )
    assert finding.status is Status.FAILS
    assert "原则上不再进行" in finding.note_zh
