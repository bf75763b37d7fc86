"""Art. 28(2): no completion acceptance passed without a passed archive acceptance."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from tinghu_policy.engine import Finding, Status, evaluate
from tinghu_policy.facts import Acceptance
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence
from tinghu_policy.provisions.status import EncodingStatus, status_of

BASE: dict[str, Any] = {
    "id": "TH-T-28",
    "name": "测试项目",
    "owner": {"name": "区档案馆", "level": "district", "kind": "public_institution"},
    "funding": [{"source": "fiscal_budget", "amount": "500000.00"}],
    "category": "data_governance",
}


def find(as_of: date, **acceptance: Any) -> Finding:
    return evaluate({**BASE, "acceptance": acceptance}, as_of=as_of).finding("art28.archive_acceptance")


def archive(result: str | None, day: str | None = None) -> dict[str, str] | None:
    """``acceptance.archive_acceptance``: its result and date where given; None when neither is (not known)."""
    given = {"result": result, "day": day}
    return {k: v for k, v in given.items() if v is not None} or None


@pytest.mark.parametrize(
    ("result", "archived_on", "status"),
    [
        ("passed", None, Status.HOLDS),
        ("passed", "2025-10-08", Status.HOLDS),
        ("passed", "2025-10-09", Status.HOLDS),  # the same day as the acceptance
        ("passed", "2025-10-10", Status.FAILS),  # the day after: acceptance passed without it
        ("passed", "2025-11-01", Status.FAILS),  # after as_of: not done when acceptance passed
        ("failed", "2025-10-01", Status.FAILS),
        ("not_held", None, Status.FAILS),  # 未经档案验收
        (None, "2025-10-01", Status.UNDETERMINED),  # held, result not stated
        (None, None, Status.UNDETERMINED),  # not stated at all
    ],
)
def test_archive_acceptance(result: str | None, archived_on: str | None, status: Status) -> None:
    finding = find(date(2025, 10, 20), passed="2025-10-09", archive_acceptance=archive(result, archived_on))
    assert finding.status is status
    if status is Status.UNDETERMINED:
        assert finding.missing == ("acceptance.archive_acceptance.result",)
    if status is Status.FAILS and result == "passed":  # passed, but too late: the date check fails
        assert [c.fact for c in finding.checks if c.ok is False] == ["acceptance.archive_acceptance.day"]


def test_an_archive_acceptance_is_never_not_required() -> None:
    with pytest.raises(ValidationError, match="not_required is not accepted"):
        Acceptance.model_validate(
            {"archive_acceptance": {"result": "not_required", "reason": "无需档案验收"}}
        )


def test_not_applicable_until_acceptance_passed() -> None:
    failed = archive("failed", "2025-10-01")
    assert find(date(2025, 10, 20), archive_acceptance=failed).status is Status.NOT_APPLICABLE
    assert (
        find(date(2025, 10, 1), passed="2025-10-09", archive_acceptance=failed).status
        is Status.NOT_APPLICABLE
    )


def test_classified_projects_are_reached_too() -> None:
    report = evaluate(
        {
            **BASE,
            "classified": True,
            "acceptance": {"passed": "2025-10-09", "archive_acceptance": archive("failed", "2025-10-01")},
        },
        as_of=date(2025, 10, 20),
    )
    assert report.finding("art28.archive_acceptance").status is Status.FAILS


def test_paragraph_1_is_not_computable_with_a_reason() -> None:
    state = status_of("art28.p1")
    assert state.status is EncodingStatus.NOT_COMPUTABLE
    assert "archive" in state.reason


@pytest.mark.parametrize(
    ("archived_on", "same_day_counts", "earlier_day"),
    [("2025-10-08", Status.HOLDS, Status.HOLDS), ("2025-10-09", Status.HOLDS, Status.FAILS)],
)
def test_d17_an_archive_acceptance_on_the_day_acceptance_passed(
    archived_on: str, same_day_counts: Status, earlier_day: Status
) -> None:
    acceptance = {"passed": "2025-10-09", "archive_acceptance": archive("passed", archived_on)}
    for reading, expected in (
        (SameDayPrecedence.SAME_DAY_COUNTS, same_day_counts),
        (SameDayPrecedence.EARLIER_DAY, earlier_day),
    ):
        report = evaluate(
            {**BASE, "acceptance": acceptance},
            as_of=date(2025, 10, 20),
            interpretation=Interpretation(same_day_precedence=reading),
        )
        assert report.finding("art28.archive_acceptance").status is expected
