"""Art. 13: non-classified projects and their O&M services are filed on the management platform."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate

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
