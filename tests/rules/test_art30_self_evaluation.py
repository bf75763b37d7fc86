"""Art. 30: self-evaluation within 12 months after passing acceptance and entering operation (D10)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Finding, Status, evaluate
from tinghu_policy.interpretation import Interpretation, SelfEvaluationClockStart
from tinghu_policy.periods import is_working_day

BASE: dict[str, Any] = {
    "id": "TH-T-30",
    "name": "测试项目",
    "owner": {"name": "区卫生健康委员会", "level": "district", "kind": "party_government"},
    "funding": [{"source": "fiscal_budget", "amount": "500000.00"}],
    "category": "software_development",
}
OPTION = Interpretation(self_evaluation_clock_start=SelfEvaluationClockStart.ACCEPTANCE)


def find(
    rule: str,
    as_of: date,
    *,
    interpretation: Interpretation | None = None,
    passed: date | str | None = None,
    **operation: Any,
) -> Finding:
    facts = {**BASE, "acceptance": {"passed": passed}, "operation": operation}
    return evaluate(facts, as_of=as_of, interpretation=interpretation).finding(rule)


def twelve_months_later(start: date) -> date:
    """民法典 201–203 worked independently: the corresponding day a year on, clamped, rolled to a working day."""
    year = start.year + 1
    day = date(year, start.month, min(start.day, monthrange(year, start.month)[1]))
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 20))


@settings(max_examples=150, deadline=None)
@given(passed=days, started=days)
def test_d10_both_readings_and_the_boundary(passed: date, started: date) -> None:
    for interpretation, start in ((None, max(passed, started)), (OPTION, passed)):
        due = twelve_months_later(start)
        met = find(
            "art30.self_evaluation",
            date(2026, 12, 31),
            interpretation=interpretation,
            passed=passed,
            started=started,
            self_evaluation_submitted=due,
        )
        late = find(
            "art30.self_evaluation",
            date(2026, 12, 31),
            interpretation=interpretation,
            passed=passed,
            started=started,
            self_evaluation_submitted=due + timedelta(days=1),
        )
        assert (met.status, met.due) == (Status.MET, due)
        assert (late.status, late.due) == (Status.LATE, due)


def test_default_waits_for_both_events() -> None:
    no_operation = find("art30.self_evaluation", date(2025, 12, 1), passed="2025-03-20")
    no_acceptance = find("art30.self_evaluation", date(2025, 12, 1), started="2025-03-20")
    assert no_operation.status is no_acceptance.status is Status.NOT_APPLICABLE
    assert "投入运行" in no_operation.note_zh
    assert "通过竣工验收" in no_acceptance.note_zh


def test_option_runs_from_acceptance_without_operation() -> None:
    finding = find("art30.self_evaluation", date(2025, 12, 1), interpretation=OPTION, passed="2025-03-20")
    assert (finding.status, finding.due) == (Status.PENDING, date(2026, 3, 20))


def test_overdue() -> None:
    finding = find("art30.self_evaluation", date(2026, 6, 1), passed="2025-03-20", started="2025-05-06")
    assert (finding.status, finding.due) == (Status.OVERDUE, date(2026, 5, 6))


@pytest.mark.parametrize(
    ("development_reform", "finance", "status"),
    [
        (True, True, Status.HOLDS),
        (True, False, Status.FAILS),
        (False, True, Status.FAILS),
        (True, None, Status.UNDETERMINED),
    ],
)
def test_copies(development_reform: bool | None, finance: bool | None, status: Status) -> None:
    finding = find(
        "art30.self_evaluation_copies",
        date(2026, 5, 20),
        passed="2025-03-20",
        started="2025-05-06",
        self_evaluation_submitted="2026-04-28",
        self_evaluation_copied_to_development_reform=development_reform,
        self_evaluation_copied_to_finance=finance,
    )
    assert finding.status is status


def test_copies_wait_for_the_report() -> None:
    finding = find(
        "art30.self_evaluation_copies",
        date(2026, 4, 1),
        passed="2025-03-20",
        started="2025-05-06",
        self_evaluation_submitted="2026-04-28",
        self_evaluation_copied_to_finance=False,
    )
    assert finding.status is Status.NOT_APPLICABLE
