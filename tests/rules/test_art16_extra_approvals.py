"""Art. 16: energy, site, land and environmental approvals are not needed unless new civil works or high energy."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import ExtraApproval
from tinghu_policy.interpretation import ExtraApprovalException, ExtraApprovalSought, Interpretation
from tinghu_policy.parties import Party

BASE: dict[str, Any] = {
    "id": "TH-T-16",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "digital_infrastructure",
}


SOUGHT = "2026-01-15"


def extra(*kinds: str) -> list[dict[str, str]]:
    """``approval.extra_approvals`` (format 2.0): each approval named, sought on ``SOUGHT``."""
    return [{"kind": kind, "sought": SOUGHT} for kind in kinds]


FAILS = Interpretation(extra_approval_sought=ExtraApprovalSought.FAILS)
"""D23 option: an approval sought without an exception is a failure (the default, warns, makes it a notice)."""


def run(interpretation: Interpretation | None = None, **approval: Any) -> Report:
    return evaluate({**BASE, "approval": approval}, as_of=date(2026, 3, 1), interpretation=interpretation)


def by_kind(report: Report) -> dict[ExtraApproval, Status]:
    return {kind: report.finding("art16.extra_approvals", kind.value).status for kind in ExtraApproval}


@given(sought=st.sets(st.sampled_from(list(ExtraApproval))))
def test_without_exception_exactly_the_sought_approvals_are_flagged(sought: set[ExtraApproval]) -> None:
    """D23 default (warns): a notice for each approval sought, none a breach; option fails: each fails."""
    found = by_kind(run(extra_approvals=extra(*sorted(sought))))
    assert found == {kind: Status.NOTICE if kind in sought else Status.HOLDS for kind in ExtraApproval}
    failing = by_kind(run(FAILS, extra_approvals=extra(*sorted(sought))))
    assert failing == {kind: Status.FAILS if kind in sought else Status.HOLDS for kind in ExtraApproval}


@given(
    sought=st.sets(st.sampled_from(list(ExtraApproval))),
    civil=st.booleans(),
    energy=st.booleans(),
)
def test_an_exception_lifts_the_exemption_for_all_four(
    sought: set[ExtraApproval], civil: bool, energy: bool
) -> None:
    report = run(extra_approvals=extra(*sorted(sought)), new_civil_works=civil, high_energy=energy)
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
    finding = run(FAILS, extra_approvals=extra("environmental_impact")).finding(
        "art16.extra_approvals", "environmental_impact"
    )
    assert finding.status is Status.FAILS
    assert "原则上不再进行" in finding.note_zh
    assert "D23" in finding.note_zh


def test_the_notice_names_the_unit_and_what_it_should_do() -> None:
    """D23 default: not a breach, owed by 项目单位, which should state why the approval is needed."""
    finding = run(extra_approvals=extra("environmental_impact")).finding(
        "art16.extra_approvals", "environmental_impact"
    )
    assert finding.status is Status.NOTICE
    assert finding.owed_by is Party.PROJECT_UNIT
    assert "项目单位应说明确需办理环境影响评价的理由" in finding.note_zh
    assert "不认定违反（D23）" in finding.note_zh
    assert [(c.fact, c.role.value, c.actual) for c in finding.checks] == [
        ("approval.extra_approvals", "context", True)
    ]
    assert "义务方：项目单位" in finding.explanation_zh


@pytest.mark.parametrize(
    ("sought", "expected"),
    [("2026-01-14", Status.NOT_APPLICABLE), ("2026-01-15", Status.NOTICE), (None, Status.UNDETERMINED)],
)
def test_d13_an_approval_is_judged_on_the_day_it_was_sought(sought: str | None, expected: Status) -> None:
    """Effective 2026-01-15: sought the day before is out of reach, on the day is judged, undated cannot be placed."""
    report = evaluate(
        {**BASE, "approval": {"extra_approvals": [{"kind": "energy_saving", "sought": sought}]}},
        as_of=date(2026, 3, 1),
        interpretation=Interpretation(effective_date=date(2026, 1, 15)),
    )
    finding = report.finding("art16.extra_approvals", "energy_saving")
    assert finding.status is expected
    assert "D13" in finding.decisions


# --- D22: paired exceptions; D23: a sought approval only warned about --------------------------------------------

CIVIL_WORKS_APPROVALS = {
    ExtraApproval.SITE_SELECTION,
    ExtraApproval.LAND_PRE_REVIEW,
    ExtraApproval.ENVIRONMENTAL_IMPACT,
}


def interpreted(interpretation: Interpretation, **approval: Any) -> dict[ExtraApproval, Status]:
    report = evaluate({**BASE, "approval": approval}, as_of=date(2026, 3, 1), interpretation=interpretation)
    return by_kind(report)


@given(
    sought=st.sets(st.sampled_from(list(ExtraApproval))),
    civil=st.booleans(),
    energy=st.booleans(),
)
def test_d22_paired_each_exception_brings_back_its_own_approvals(
    sought: set[ExtraApproval], civil: bool, energy: bool
) -> None:
    paired = Interpretation(extra_approval_exception=ExtraApprovalException.PAIRED)
    found = interpreted(
        paired, extra_approvals=extra(*sorted(sought)), new_civil_works=civil, high_energy=energy
    )
    for kind, status in found.items():
        reached = energy if kind is ExtraApproval.ENERGY_SAVING else civil
        if reached:
            assert status is Status.NOT_APPLICABLE
        else:
            assert status is (Status.NOTICE if kind in sought else Status.HOLDS)


def test_d22_paired_note_says_which_exception_does_not_reach_the_approval() -> None:
    paired = Interpretation(extra_approval_exception=ExtraApprovalException.PAIRED)
    report = evaluate(
        {**BASE, "approval": {"new_civil_works": True, "extra_approvals": extra("energy_saving")}},
        as_of=date(2026, 3, 1),
        interpretation=paired,
    )
    finding = report.finding("art16.extra_approvals", "energy_saving")
    assert finding.status is Status.NOTICE
    assert "涉及新建土建工程不涉及节能评估" in finding.note_zh
    assert {k for k, s in by_kind(report).items() if s is Status.NOT_APPLICABLE} == CIVIL_WORKS_APPROVALS


@given(sought=st.sets(st.sampled_from(list(ExtraApproval)), min_size=1))
def test_d23_fails_where_the_default_gives_notice(sought: set[ExtraApproval]) -> None:
    default = interpreted(Interpretation(), extra_approvals=extra(*sorted(sought)))
    assert {k for k, s in default.items() if s is Status.NOTICE} == sought
    assert Status.FAILS not in default.values()
    assert {
        k for k, s in interpreted(FAILS, extra_approvals=extra(*sorted(sought))).items() if s is Status.FAILS
    } == (sought)


def test_d23_default_is_warns() -> None:
    assert Interpretation().extra_approval_sought is ExtraApprovalSought.WARNS
