"""Art. 18: procurement under the government-procurement rules; a classified project's under the secrecy rules.
(Art. 17 is not computable: see tinghu_policy/rules/art17_18_procurement.py and provisions/status.yaml.)"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.parties import Party
from tinghu_policy.provisions.status import EncodingStatus, status_of

BASE: dict[str, Any] = {
    "id": "TH-T-18",
    "name": "测试项目",
    "owner": {"name": "区水务局", "level": "district", "kind": "party_government"},
    "category": "software_development",
}
APPROVED = {"approved": "2026-01-20", "approved_by": "data_bureau"}
OUTCOME = {True: Status.HOLDS, False: Status.FAILS, None: Status.UNDETERMINED}
RULES = ("art18.procurement", "art18.classified_procurement")


def run(interpretation: Interpretation | None = None, **facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=date(2026, 3, 31), interpretation=interpretation)


def procured(followed: bool | None, secret: bool | None, **facts: Any) -> Report:
    implementation = {"procurement_followed": followed, "classified_procurement_followed": secret}
    return run(implementation=implementation, **facts)


@given(
    classified=st.booleans(),
    followed=st.sampled_from([True, False, None]),
    secret=st.sampled_from([True, False, None]),
)
def test_each_project_is_asked_one_procurement_route(
    classified: bool, followed: bool | None, secret: bool | None
) -> None:
    """政府采购法 第八十五条: a classified project is procured under the secrecy rules instead, never under both."""
    report = procured(followed, secret, classified=classified, approval=APPROVED)
    ordinary = report.finding("art18.procurement")
    classified_route = report.finding("art18.classified_procurement")
    if classified:
        assert ordinary.status is Status.NOT_APPLICABLE
        assert classified_route.status is OUTCOME[secret]
    else:
        assert ordinary.status is OUTCOME[followed]
        assert classified_route.status is Status.NOT_APPLICABLE
    for finding in (ordinary, classified_route):
        assert finding.owed_by is Party.PROJECT_UNIT


def test_a_missing_fact_is_named() -> None:
    report = procured(None, None, approval=APPROVED)
    assert report.finding("art18.procurement").missing == ("implementation.procurement_followed",)
    secret = procured(None, None, classified=True, approval=APPROVED)
    assert secret.finding("art18.classified_procurement").missing == (
        "implementation.classified_procurement_followed",
    )


def test_before_the_approval_no_procurement_is_in_question() -> None:
    report = procured(None, None, review=[{"received": "2026-02-02"}])
    assert report.finding("art18.procurement").status is Status.NOT_APPLICABLE
    assert "尚未审批" in report.finding("art18.procurement").note_zh
    # a procurement fact given before any approval: the procurement happened, and is judged
    assert procured(False, None).finding("art18.procurement").status is Status.FAILS


@pytest.mark.parametrize(
    ("approved", "expected"),
    [("2026-01-19", Status.NOT_APPLICABLE), ("2026-01-20", Status.FAILS), (None, Status.UNDETERMINED)],
)
def test_d13_procurement_is_anchored_to_the_approval(approved: str | None, expected: Status) -> None:
    """Effective 2026-01-20: approved the day before puts the procurement out of reach; on the day, within reach;
    no approval, the procurement cannot be placed."""
    approval = {"approved": approved, "approved_by": "data_bureau"} if approved else {}
    report = procured(
        False, None, approval=approval, interpretation=Interpretation(effective_date=date(2026, 1, 20))
    )
    finding = report.finding("art18.procurement")
    assert finding.status is expected
    assert "D13" in finding.decisions


def test_an_approval_after_as_of_is_not_yet_known() -> None:
    report = evaluate(
        {**BASE, "approval": APPROVED}, as_of=date(2026, 1, 19), interpretation=Interpretation()
    )
    assert report.finding("art18.procurement").status is Status.NOT_APPLICABLE


def test_art18_is_encoded_and_art17_is_not_computable_with_its_reason() -> None:
    art18 = status_of("art18.p1")
    assert art18.status is EncodingStatus.ENCODED
    assert set(art18.rules) == set(RULES)
    art17 = status_of("art17.p1")
    assert art17.status is EncodingStatus.NOT_COMPUTABLE
    assert "district rules this text neither contains nor names" in art17.reason
