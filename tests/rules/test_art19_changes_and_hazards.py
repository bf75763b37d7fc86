"""Art. 19: a major change or security hazard is filed with 区数据局 "及时" (D11)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import Incident
from tinghu_policy.interpretation import ImplementationStart, Interpretation
from tinghu_policy.periods import is_working_day

BASE: dict[str, Any] = {
    "id": "TH-T-19",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}
RULE = "art19.incident_filed"


def run(
    as_of: date,
    *incidents: dict[str, Any],
    interpretation: Interpretation | None = None,
    works_started: str | None = "2023-01-06",
    completed: str | None = None,
    approved: str | None = None,
) -> Report:
    facts = {
        **BASE,
        "approval": {"approved": approved},
        "implementation": {"works_started": works_started, "incidents": list(incidents)},
        "acceptance": {"completed": completed},
    }
    return evaluate(facts, as_of=as_of, interpretation=interpretation)


def nth_working_day_after(start: date, n: int) -> date:
    """An oracle counted one day at a time: the n-th working day after ``start`` (start not counted)."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += is_working_day(day)
    return day


def test_filed_without_a_configured_period_holds_and_has_no_due_date() -> None:
    report = run(
        date(2025, 6, 30),
        {"kind": "security_hazard", "occurred": "2025-05-12", "filed_with_data_bureau": "2025-05-20"},
    )
    finding = report.finding(RULE, "incident 1")
    assert finding.status is Status.HOLDS
    assert finding.due is None
    assert "D11" in finding.explanation_zh
    assert "2025-05-20" in finding.explanation_zh


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=600))
def test_unfiled_without_a_configured_period_is_pending_never_overdue(days_later: int) -> None:
    occurred = date(2025, 1, 10)
    report = run(
        occurred + timedelta(days=days_later), {"kind": "major_change", "occurred": occurred.isoformat()}
    )
    finding = report.finding(RULE, "incident 1")
    assert finding.status is Status.PENDING
    assert finding.due is None
    assert finding in report.open_obligations()


@settings(max_examples=120, deadline=None)
@given(
    occurred=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 10, 31)),
    n=st.integers(min_value=1, max_value=20),
    offset=st.integers(min_value=-3, max_value=3),
)
def test_configured_period_is_counted_in_working_days(occurred: date, n: int, offset: int) -> None:
    due = nth_working_day_after(occurred, n)
    filed = max(occurred, due + timedelta(days=offset))
    report = run(
        date(2026, 12, 31),
        {
            "kind": "security_hazard",
            "occurred": occurred.isoformat(),
            "filed_with_data_bureau": filed.isoformat(),
        },
        interpretation=Interpretation(timely_within_working_days=n),
    )
    finding = report.finding(RULE, "incident 1")
    assert finding.due == due
    assert finding.status is (Status.MET if filed <= due else Status.LATE)


def test_configured_period_overdue_and_pending_per_incident() -> None:
    interp = Interpretation(timely_within_working_days=5)
    # hand-worked in corpus/art19/five-working-days-overdue-and-pending.yaml: due 10-10 and 10-15
    report = run(
        date(2025, 10, 13),
        {"kind": "security_hazard", "occurred": "2025-09-27"},
        {"kind": "major_change", "occurred": "2025-10-09"},
        interpretation=interp,
    )
    first, second = report.finding(RULE, "incident 1"), report.finding(RULE, "incident 2")
    assert (first.status, first.due) == (Status.OVERDUE, date(2025, 10, 10))
    assert (second.status, second.due) == (Status.PENDING, date(2025, 10, 15))


def test_a_filing_after_as_of_is_not_yet_known() -> None:
    incident = {"kind": "security_hazard", "occurred": "2025-05-12", "filed_with_data_bureau": "2025-05-20"}
    assert run(date(2025, 5, 19), incident).finding(RULE, "incident 1").status is Status.PENDING


def test_incidents_not_yet_arisen_give_one_not_applicable_finding() -> None:
    report = run(date(2025, 5, 11), {"kind": "security_hazard", "occurred": "2025-05-12"})
    findings = [f for f in report.findings if f.rule == RULE]
    assert [(f.status, f.subject) for f in findings] == [(Status.NOT_APPLICABLE, None)]


def test_subjects_keep_the_list_position() -> None:
    report = run(
        date(2025, 6, 1),
        {"kind": "major_change", "occurred": "2025-07-01"},
        {"kind": "security_hazard", "occurred": "2025-05-12"},
    )
    assert [f.subject for f in report.findings if f.rule == RULE] == ["incident 2"]


def test_an_incident_before_the_effective_date_is_out_of_reach() -> None:
    interp = Interpretation(effective_date=date(2025, 6, 1))
    report = run(date(2025, 7, 1), {"kind": "major_change", "occurred": "2025-05-12"}, interpretation=interp)
    assert report.finding(RULE, "incident 1").status is Status.NOT_APPLICABLE


def test_filing_before_the_incident_is_refused() -> None:
    with pytest.raises(ValidationError, match="filed_with_data_bureau"):
        Incident.model_validate(
            {"kind": "major_change", "occurred": "2025-05-12", "filed_with_data_bureau": "2025-05-11"}
        )


# --- "在实施过程中": from the start of works (D24) to completion (D16) ----------------------------------------------


@pytest.mark.parametrize(
    ("occurred", "status"),
    [
        ("2025-03-02", Status.NOT_APPLICABLE),  # the day before works start
        ("2025-03-03", Status.PENDING),  # the day works start
        ("2025-11-28", Status.PENDING),  # the day of completion
        ("2025-11-29", Status.NOT_APPLICABLE),  # the day after: in operation (art. 39's, if social capital)
    ],
)
def test_only_an_incident_within_implementation_is_art_19s(occurred: str, status: Status) -> None:
    report = run(
        date(2026, 1, 30),
        {"kind": "security_hazard", "occurred": occurred},
        works_started="2025-03-03",
        completed="2025-11-28",
    )
    finding = report.finding(RULE, "incident 1")
    assert finding.status is status
    if status is Status.NOT_APPLICABLE:
        assert "不属第十九条“在实施过程中”" in finding.note_zh
        assert [c.role.value for c in finding.checks] == ["context"]


def test_without_works_start_an_incident_is_before_implementation() -> None:
    finding = run(
        date(2025, 6, 30), {"kind": "major_change", "occurred": "2025-05-12"}, works_started=None
    ).finding(RULE, "incident 1")
    assert finding.status is Status.NOT_APPLICABLE
    assert "开工建设（实施开始）尚未发生" in finding.note_zh
    assert finding.checks == ()


def test_d24_approved_implementation_starts_with_the_approval() -> None:
    incident = {"kind": "major_change", "occurred": "2025-05-12"}
    default = run(date(2025, 6, 30), incident, works_started="2025-06-02", approved="2025-04-01")
    assert default.finding(RULE, "incident 1").status is Status.NOT_APPLICABLE
    option = run(
        date(2025, 6, 30),
        incident,
        works_started="2025-06-02",
        approved="2025-04-01",
        interpretation=Interpretation(implementation_start=ImplementationStart.APPROVED),
    )
    assert option.finding(RULE, "incident 1").status is Status.PENDING
    assert "D24" in option.finding(RULE, "incident 1").decisions


def test_an_incident_after_completion_is_not_judged_whatever_its_filing() -> None:
    """Before this change a hazard after acceptance was judged as one 在实施过程中; it is in operation."""
    late = {"kind": "security_hazard", "occurred": "2026-01-05", "filed_with_data_bureau": "2026-02-20"}
    report = run(
        date(2026, 3, 1),
        late,
        works_started="2025-03-03",
        completed="2025-11-28",
        interpretation=Interpretation(timely_within_working_days=5),
    )
    assert report.finding(RULE, "incident 1").status is Status.NOT_APPLICABLE
