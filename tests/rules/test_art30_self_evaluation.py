"""Art. 30: self-evaluation within 12 months after passing acceptance and entering operation (D10)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import CheckRole, Finding, Status, evaluate
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


# --- point 24: D10's comparison is shown ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passed", "started", "start_fact", "other_fact", "which"),
    [
        (
            "2025-11-20",
            "2025-12-01",
            "operation.started",
            "acceptance.passed",
            "较晚的投入运行之日 2025-12-01",
        ),
        (
            "2025-12-01",
            "2025-11-20",
            "acceptance.passed",
            "operation.started",
            "较晚的通过验收之日 2025-12-01",
        ),
        ("2025-12-01", "2025-12-01", "acceptance.passed", None, "两者同日 2025-12-01"),
    ],
)
def test_d10_shows_both_dates_and_the_one_the_clock_runs_from(
    passed: str, started: str, start_fact: str, other_fact: str | None, which: str
) -> None:
    finding = find("art30.self_evaluation", date(2026, 1, 10), passed=passed, started=started)
    assert (finding.status, finding.due) == (Status.PENDING, date(2026, 12, 1))
    roles = [(c.fact, c.role) for c in finding.checks]
    assert roles[0] == (start_fact, CheckRole.START)
    if other_fact is not None:
        assert (other_fact, CheckRole.CONTEXT) in roles
    assert f"通过验收：{passed}；投入运行：{started}；D10：自{which}起算" in finding.note_zh


def test_d10_option_shows_the_operation_date_it_does_not_use() -> None:
    finding = find(
        "art30.self_evaluation",
        date(2026, 1, 10),
        interpretation=OPTION,
        passed="2025-11-20",
        started="2025-12-01",
    )
    assert finding.due == date(2026, 11, 20)
    assert ("operation.started", CheckRole.CONTEXT) in [(c.fact, c.role) for c in finding.checks]
    assert "按D10选项自通过验收之日起算" in finding.note_zh


def test_d10_waiting_for_operation_shows_the_pass() -> None:
    finding = find("art30.self_evaluation", date(2025, 12, 1), passed="2025-03-20")
    assert finding.status is Status.NOT_APPLICABLE
    assert [(c.fact, c.role) for c in finding.checks] == [("acceptance.passed", CheckRole.CONTEXT)]
    assert "投入运行：尚未发生" in finding.note_zh
