"""Art. 22: a public digital asset is used only after application to 区数据局 and its allocation (D17 same day)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence

BASE: dict[str, Any] = {
    "id": "TH-T-22",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}
RULE = "art22.asset_allocated"
EARLIER_DAY = Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)


def run(
    *assets: dict[str, Any], as_of: date = date(2025, 9, 30), interpretation: Interpretation | None = None
) -> Report:
    facts = {**BASE, "implementation": {"public_digital_assets": list(assets)}}
    return evaluate(facts, as_of=as_of, interpretation=interpretation)


def asset(**days: str) -> dict[str, Any]:
    return {"asset": "政务云计算资源", **days}


def test_no_asset_is_one_not_applicable_finding() -> None:
    assert [(f.subject, f.status) for f in run().findings if f.rule == RULE] == [
        (None, Status.NOT_APPLICABLE)
    ]


@pytest.mark.parametrize(
    ("days", "status"),
    [
        ({"applied": "2025-05-06", "allocated": "2025-05-20", "used": "2025-05-26"}, Status.HOLDS),
        (
            {"applied": "2025-05-06", "allocated": "2025-05-20", "used": "2025-05-20"},
            Status.HOLDS,
        ),  # D17 same day
        (
            {"applied": "2025-05-06", "allocated": "2025-05-20", "used": "2025-05-19"},
            Status.FAILS,
        ),  # a day early
        (
            {"applied": "2025-05-21", "allocated": "2025-05-20", "used": "2025-05-26"},
            Status.FAILS,
        ),  # applied after
        ({"allocated": "2025-05-20", "used": "2025-05-26"}, Status.FAILS),  # never applied
        ({"applied": "2025-05-06", "used": "2025-05-26"}, Status.FAILS),  # never allocated
        ({"used": "2025-05-26"}, Status.FAILS),
        ({"applied": "2025-05-06", "allocated": "2025-05-20"}, Status.NOT_APPLICABLE),  # not used yet
        ({"applied": "2025-05-06"}, Status.NOT_APPLICABLE),
        ({"applied": "2025-05-06", "allocated": "2025-05-20", "used": "2025-10-08"}, Status.NOT_APPLICABLE),
    ],
)
def test_applied_then_allocated_then_used(days: dict[str, str], status: Status) -> None:
    finding = run(asset(**days)).finding(RULE, "asset 1")
    assert finding.status is status
    assert finding.subject_zh == "第1项公共数字资产"
    if status is not Status.NOT_APPLICABLE:
        assert [c.fact for c in finding.checks] == [
            "implementation.public_digital_assets[0].applied",
            "implementation.public_digital_assets[0].allocated",
        ]


def test_d17_earlier_day_a_same_day_use_does_not_follow_the_allocation() -> None:
    same_day = asset(applied="2025-05-06", allocated="2025-05-20", used="2025-05-20")
    assert run(same_day, interpretation=EARLIER_DAY).finding(RULE, "asset 1").status is Status.FAILS
    assert "D17" in run(same_day).finding(RULE, "asset 1").decisions


def test_the_note_names_what_was_missing() -> None:
    finding = run(asset(used="2025-05-26")).finding(RULE, "asset 1")
    assert "使用前未向区数据局申请、未经区数据局审核分配" in finding.note_zh
    assert "without an application and an allocation before it" in finding.note_en


def test_each_asset_is_judged_on_its_own() -> None:
    report = run(
        asset(applied="2025-05-06", allocated="2025-05-20", used="2025-05-26"),
        {"asset": "电子证照库接口", "used": "2025-06-09"},
    )
    assert [(f.subject, f.status) for f in report.findings if f.rule == RULE] == [
        ("asset 1", Status.HOLDS),
        ("asset 2", Status.FAILS),
    ]


@pytest.mark.parametrize(
    ("effective", "status"), [(date(2025, 6, 9), Status.FAILS), (date(2025, 6, 10), Status.NOT_APPLICABLE)]
)
def test_d13_a_use_before_the_effective_date_is_out_of_reach(effective: date, status: Status) -> None:
    finding = run(asset(used="2025-06-09"), interpretation=Interpretation(effective_date=effective)).finding(
        RULE, "asset 1"
    )
    assert finding.status is status


@settings(max_examples=100, deadline=None)
@given(
    applied=st.integers(min_value=0, max_value=40),
    allocated=st.integers(min_value=0, max_value=40),
    used=st.integers(min_value=0, max_value=40),
)
def test_holds_exactly_when_the_order_is_kept(applied: int, allocated: int, used: int) -> None:
    start = date(2025, 5, 1)
    days = {
        name: (start + timedelta(days=n)).isoformat()
        for name, n in (("applied", applied), ("allocated", allocated), ("used", used))
    }
    finding = run(asset(**days)).finding(RULE, "asset 1")
    assert finding.status is (Status.HOLDS if applied <= allocated <= used else Status.FAILS)
