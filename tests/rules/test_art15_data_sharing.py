"""Art. 15: data-sharing chapter and catalogue; the catalogue before approval; no restricted sharing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate

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
    ("chapter", "catalogue", "expected"),
    [
        (True, True, Status.HOLDS),
        (False, True, Status.FAILS),
        (True, False, Status.FAILS),
        (None, True, Status.UNDETERMINED),
    ],
)
def test_sharing_chapter_once_a_study_is_filed(
    chapter: bool | None, catalogue: bool, expected: Status
) -> None:
    finding = run({"in_feasibility_study": chapter, "data_catalogue": catalogue}, review=STUDY).finding(
        "art15.sharing_chapter"
    )
    assert finding.status is expected


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


@pytest.mark.parametrize(
    ("approved", "catalogue", "expected"),
    [
        ("2026-04-15", True, Status.HOLDS),
        ("2026-04-15", False, Status.FAILS),
        ("2026-04-15", None, Status.UNDETERMINED),
        (None, False, Status.NOT_APPLICABLE),
        ("2026-05-15", False, Status.NOT_APPLICABLE),  # approved after as_of: not yet known
    ],
)
def test_catalogue_before_approval(approved: str | None, catalogue: bool | None, expected: Status) -> None:
    report = run({"data_catalogue": catalogue}, approval={"approved": approved})
    assert report.finding("art15.catalogue_before_approval").status is expected
