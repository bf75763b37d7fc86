"""Art. 13: non-classified projects and their O&M services are filed on the management platform."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation

BASE: dict[str, Any] = {
    "id": "TH-T-13",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
}
APPLIED = [{"received": "2026-02-02", "documents": ["request"]}]


def run(**facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=date(2026, 3, 1))


@pytest.mark.parametrize(
    ("review", "on_platform", "expected"),
    [
        (APPLIED, True, Status.HOLDS),
        (APPLIED, False, Status.FAILS),
        (APPLIED, None, Status.UNDETERMINED),
        ([], None, Status.NOT_APPLICABLE),
        ([], False, Status.NOT_APPLICABLE),
        ([], True, Status.HOLDS),
    ],
)
def test_project_on_platform(review: list[Any], on_platform: bool | None, expected: Status) -> None:
    finding = run(review=review, on_management_platform=on_platform).finding("art13.project_on_platform")
    assert finding.status is expected


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ({"submitted": "2025-10-09", "on_management_platform": True}, Status.HOLDS),
        ({"submitted": "2025-10-09", "on_management_platform": False}, Status.FAILS),
        ({"submitted": "2025-10-09"}, Status.UNDETERMINED),
        ({"submitted": "2026-10-09", "on_management_platform": False}, Status.NOT_APPLICABLE),  # after as_of
        ({}, Status.NOT_APPLICABLE),
    ],
)
def test_om_on_platform(plan: dict[str, Any], expected: Status) -> None:
    finding = run(om_plans=[{"year": 2026, **plan}]).finding("art13.om_on_platform", "2026")
    assert finding.status is expected


def test_classified_project_follows_the_secrecy_rules() -> None:
    report = run(classified=True, review=APPLIED, on_management_platform=False, om_plans=[{"year": 2026}])
    for rule in ("art13.project_on_platform", "art13.om_on_platform"):
        finding = report.finding(rule)
        assert finding.status is Status.NOT_APPLICABLE
        assert "保密规定" in finding.note_zh


# --- one reading of "filed" for art. 11 para. 2 and art. 13 ------------------------------------------------------

REVIEWED = {"day": "2025-10-20", "outcome": "approved"}
RECHECKED = {"day": "2025-11-05", "outcome": "approved"}


@pytest.mark.parametrize(
    "steps",
    [
        {"reviewed_by_data_bureau": REVIEWED},
        {"rechecked_by_finance": RECHECKED},
        {"budgeted": "2025-11-05"},
        {"reviewed_by_data_bureau": REVIEWED, "rechecked_by_finance": RECHECKED, "budgeted": "2025-11-05"},
    ],
)
@pytest.mark.parametrize(("on_platform", "expected"), [(False, Status.FAILS), (None, Status.UNDETERMINED)])
def test_a_later_step_shows_the_plan_was_filed(
    steps: dict[str, Any], on_platform: bool | None, expected: Status
) -> None:
    """A plan reviewed, re-checked or budgeted without a submission date was filed (OmPlan.filing): art. 13
    judges where, as art. 11 para. 2 judges it as submitted."""
    plan = {"year": 2026, **steps, "on_management_platform": on_platform}
    report = run(om_plans=[plan])
    assert report.finding("art13.om_on_platform", "2026").status is expected
    assert report.finding("art11.om_plan", "2026").note_zh != "尚未报送区数据局"


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ({"om_funding_requested": True, "on_management_platform": False}, Status.FAILS),
        ({"om_funding_requested": True}, Status.UNDETERMINED),
        ({"on_management_platform": True}, Status.HOLDS),
        ({"on_management_platform": False}, Status.NOT_APPLICABLE),
        ({"om_funding_requested": False}, Status.NOT_APPLICABLE),
    ],
)
def test_a_plan_without_any_date_is_filed_only_when_a_fact_says_so(
    plan: dict[str, Any], expected: Status
) -> None:
    """Undated: filed when on the platform or its O&M money requested (money is asked for through the plan)."""
    finding = run(om_plans=[{"year": 2026, **plan}]).finding("art13.om_on_platform", "2026")
    assert finding.status is expected
    if expected is Status.NOT_APPLICABLE:
        assert finding.note_zh == "运维方案尚未申报"


def test_a_filing_on_a_day_not_given_cannot_be_placed_against_an_effective_date() -> None:
    """D13: an undated filed plan is undetermined once an effective date is stated; a dated one is placed."""
    undated = {"year": 2026, "om_funding_requested": True, "on_management_platform": False}
    dated = {"year": 2027, "submitted": "2025-10-09", "on_management_platform": False}
    report = evaluate(
        {**BASE, "om_plans": [undated, dated]},
        as_of=date(2026, 3, 1),
        interpretation=Interpretation(effective_date=date(2025, 10, 9)),
    )
    first = report.finding("art13.om_on_platform", "2026")
    assert (first.status, first.missing) == (Status.UNDETERMINED, ("om_plans[0]",))
    assert report.finding("art13.om_on_platform", "2027").status is Status.FAILS
