"""Art. 29: a classified project runs only after the secrecy review passed, with a designated operator."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence

BASE: dict[str, Any] = {
    "id": "TH-T-29",
    "name": "测试项目",
    "owner": {"name": "区委办", "level": "district", "kind": "party_government"},
    "funding": [{"source": "fiscal_budget", "amount": "500000.00"}],
    "category": "digital_infrastructure",
}


def run(as_of: date, *, classified: bool = True, **operation: Any) -> Report:
    return evaluate({**BASE, "classified": classified, "operation": operation}, as_of=as_of)


@pytest.mark.parametrize(
    ("review", "status"),
    [
        ("2025-06-15", Status.HOLDS),
        ("2025-06-16", Status.HOLDS),  # the same day
        ("2025-06-17", Status.FAILS),  # the day after operation started
        (None, Status.UNDETERMINED),
    ],
)
def test_secrecy_review_before_operation(review: str | None, status: Status) -> None:
    finding = run(date(2025, 7, 1), started="2025-06-16", secrecy_review_passed=review).finding(
        "art29.secrecy_review"
    )
    assert finding.status is status
    if status is Status.UNDETERMINED:
        assert finding.missing == ("operation.secrecy_review_passed",)


@pytest.mark.parametrize(
    ("designated", "status"), [(True, Status.HOLDS), (False, Status.FAILS), (None, Status.UNDETERMINED)]
)
def test_operator_designated(designated: bool | None, status: Status) -> None:
    report = run(date(2025, 7, 1), started="2025-06-16", operator_designated=designated)
    assert report.finding("art29.operator_designated").status is status


@pytest.mark.parametrize("rule", ["art29.secrecy_review", "art29.operator_designated"])
def test_not_applicable_unless_a_classified_project_runs(rule: str) -> None:
    assert (
        run(date(2025, 7, 1), classified=False, started="2025-06-16").finding(rule).status
        is Status.NOT_APPLICABLE
    )
    assert (
        run(date(2025, 7, 1), secrecy_review_passed="2025-06-01").finding(rule).status
        is Status.NOT_APPLICABLE
    )
    assert (
        run(date(2025, 6, 1), started="2025-06-16").finding(rule).status is Status.NOT_APPLICABLE
    )  # after as_of


@pytest.mark.parametrize(
    ("review", "status"),
    [("2025-06-15", Status.HOLDS), ("2025-06-16", Status.FAILS)],  # the day before / the same day
)
def test_d17_earlier_day_the_review_must_be_dated_before_operation(review: str, status: Status) -> None:
    report = evaluate(
        {**BASE, "classified": True, "operation": {"started": "2025-06-16", "secrecy_review_passed": review}},
        as_of=date(2025, 7, 1),
        interpretation=Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY),
    )
    assert report.finding("art29.secrecy_review").status is status


@pytest.mark.parametrize(
    ("trial", "started", "review", "status"),
    [
        ("2025-06-10", "2025-06-16", "2025-06-15", Status.FAILS),  # trial operation ran before the review
        ("2025-06-10", "2025-06-16", "2025-06-10", Status.HOLDS),  # reviewed on the day the trial began
        ("2025-06-20", "2025-06-16", "2025-06-16", Status.HOLDS),  # operation first: the trial is later
        ("2025-06-10", None, "2025-06-11", Status.FAILS),  # in trial only: it runs already
    ],
)
def test_running_starts_with_trial_operation_or_operation_whichever_is_earlier(
    trial: str, started: str | None, review: str, status: Status
) -> None:
    finding = run(
        date(2025, 7, 1), trial_started=trial, started=started, secrecy_review_passed=review
    ).finding("art29.secrecy_review")
    assert finding.status is status
    first = min(d for d in (trial, started) if d is not None)
    assert [c.required for c in finding.checks] == [date.fromisoformat(first)]


def test_a_trial_operation_alone_brings_the_operator_duty() -> None:
    report = run(date(2025, 7, 1), trial_started="2025-06-10")
    assert report.finding("art29.operator_designated").status is Status.UNDETERMINED
