"""Art. 15: data-sharing chapter and catalogue; the catalogue before approval; no restricted sharing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence

BASE: dict[str, Any] = {
    "id": "TH-T-15",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "data_governance",
}
STUDY = [{"received": "2026-02-02", "documents": ["request", "feasibility_study"]}]


def run(sharing: dict[str, Any], **facts: Any) -> Report:
    approval = {"data_sharing": sharing, **facts.pop("approval", {})}
    return evaluate({**BASE, "approval": approval, **facts}, as_of=date(2026, 4, 30))


@pytest.mark.parametrize(
    ("chapter", "expected"), [(True, Status.HOLDS), (False, Status.FAILS), (None, Status.UNDETERMINED)]
)
def test_sharing_chapter_once_a_study_is_filed(chapter: bool | None, expected: Status) -> None:
    """The study's chapter alone decides: the catalogue is sharing_arrangements' (a missing one does not fail
    the chapter)."""
    finding = run({"in_feasibility_study": chapter, "data_catalogue": False}, review=STUDY).finding(
        "art15.sharing_chapter"
    )
    assert finding.status is expected
    assert [c.fact for c in finding.checks] == ["approval.data_sharing.in_feasibility_study"]


def test_sharing_chapter_not_in_question_before_a_study_or_design() -> None:
    no_study = [{"received": "2026-02-02", "documents": ["request"]}]
    assert (
        run({"in_feasibility_study": False, "in_preliminary_design": False}, review=no_study)
        .finding("art15.sharing_chapter")
        .status
        is Status.NOT_APPLICABLE
    )


def test_sharing_chapter_applies_to_the_preliminary_design() -> None:
    report = run(
        {"in_feasibility_study": False, "in_preliminary_design": False, "data_catalogue": True},
        implementation={"preliminary_design_approved": "2026-04-01"},
    )
    assert report.finding("art15.sharing_chapter").status is Status.FAILS


@pytest.mark.parametrize(
    ("restricted", "expected"), [(False, Status.HOLDS), (True, Status.FAILS), (None, Status.UNDETERMINED)]
)
def test_no_restricted_sharing(restricted: bool | None, expected: Status) -> None:
    assert run({"restricted_sharing": restricted}).finding("art15.no_restricted_sharing").status is expected


ARRANGED: dict[str, Any] = {
    "data_catalogue": True,
    "sharing_terms_defined": True,
    "long_term_mechanism": True,
    "feedback_mechanism": True,
}
"""Every fact of art. 15(1)'s arrangements given and true."""


@pytest.mark.parametrize("fact", sorted(ARRANGED))
@pytest.mark.parametrize(("value", "expected"), [(False, Status.FAILS), (None, Status.UNDETERMINED)])
def test_sharing_arrangements_need_each_fact(fact: str, value: bool | None, expected: Status) -> None:
    """编制数据资源目录，明确数据共享类型、要求和共享途径，建立…长效机制和…反馈机制: each required."""
    finding = run({**ARRANGED, fact: value}, review=STUDY).finding("art15.sharing_arrangements")
    assert finding.status is expected
    if expected is Status.UNDETERMINED:
        assert finding.missing == (f"approval.data_sharing.{fact}",)
    assert run(ARRANGED, review=STUDY).finding("art15.sharing_arrangements").status is Status.HOLDS


def test_sharing_arrangements_not_in_question_before_a_study_or_design() -> None:
    no_study = [{"received": "2026-02-02", "documents": ["request"]}]
    finding = run({"data_catalogue": False}, review=no_study).finding("art15.sharing_arrangements")
    assert finding.status is Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("compiled", "catalogue", "expected"),
    [
        ("2026-01-28", None, Status.HOLDS),  # the date shows the catalogue compiled by as_of
        ("2026-01-28", False, Status.HOLDS),  # the date decides
        ("2026-05-20", True, Status.FAILS),  # compiled after as_of: not yet on 2026-04-30
    ],
)
def test_the_catalogue_date_says_whether_it_was_compiled_by_as_of(
    compiled: str, catalogue: bool | None, expected: Status
) -> None:
    sharing = {**ARRANGED, "data_catalogue": catalogue, "catalogue_compiled": compiled}
    finding = run(sharing, review=STUDY).finding("art15.sharing_arrangements")
    assert finding.status is expected
    assert finding.checks[0].fact == "approval.data_sharing.catalogue_compiled"


@pytest.mark.parametrize(
    ("approved", "catalogue", "expected"),
    [
        ("2026-04-15", True, Status.UNDETERMINED),  # compiled, on a day not given: not placed before approval
        ("2026-04-15", False, Status.FAILS),
        ("2026-04-15", None, Status.UNDETERMINED),
        (None, False, Status.NOT_APPLICABLE),
        ("2026-05-15", False, Status.NOT_APPLICABLE),  # approved after as_of: not yet known
    ],
)
def test_catalogue_before_approval(approved: str | None, catalogue: bool | None, expected: Status) -> None:
    report = run({"data_catalogue": catalogue}, approval={"approved": approved})
    finding = report.finding("art15.catalogue_before_approval")
    assert finding.status is expected
    if approved == "2026-04-15" and catalogue is not False:
        assert "approval.data_sharing.catalogue_compiled" in finding.missing


@settings(deadline=None)
@given(offset=st.integers(min_value=-20, max_value=10))
def test_the_catalogue_must_be_compiled_by_the_approval_day(offset: int) -> None:
    """Boundary: compiled ``offset`` days after the approval (2026-04-15) — on or before it holds by default, only
    before it under D17 ``earlier_day``; a day after fails under both."""
    compiled = date(2026, 4, 15) + timedelta(days=offset)
    for reading, holds in (
        (SameDayPrecedence.SAME_DAY_COUNTS, offset <= 0),
        (SameDayPrecedence.EARLIER_DAY, offset < 0),
    ):
        report = evaluate(
            {
                **BASE,
                "approval": {
                    "approved": "2026-04-15",
                    "data_sharing": {"data_catalogue": True, "catalogue_compiled": compiled.isoformat()},
                },
            },
            as_of=date(2026, 4, 30),
            interpretation=Interpretation(same_day_precedence=reading),
        )
        finding = report.finding("art15.catalogue_before_approval")
        assert finding.status is (Status.HOLDS if holds else Status.FAILS)
        assert "D17" in finding.decisions


def test_an_undated_catalogue_says_why_it_cannot_be_placed() -> None:
    finding = run({"data_catalogue": True}, approval={"approved": "2026-04-15"}).finding(
        "art15.catalogue_before_approval"
    )
    assert "未提供编制日期" in finding.note_zh
    assert "its date is not given" in finding.note_en


def test_a_catalogue_dated_after_as_of_was_not_there_at_an_earlier_approval() -> None:
    """Approved 2026-04-15; the catalogue's recorded date 2026-05-20 is after as_of (2026-04-30), so after the
    approval too. Art. 15(2) 数据资源目录是审批…的必备条件: the approval went ahead without it."""
    sharing = {"data_catalogue": True, "catalogue_compiled": "2026-05-20"}
    finding = run(sharing, approval={"approved": "2026-04-15"}).finding("art15.catalogue_before_approval")
    assert finding.status is Status.FAILS
    assert [(c.fact, c.ok) for c in finding.checks] == [("approval.data_sharing.catalogue_compiled", False)]
    assert finding.missing == ()
    assert "2026-04-15" in finding.note_zh
