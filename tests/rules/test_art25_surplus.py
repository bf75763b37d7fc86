"""Art. 25: an unchanged project's surplus is returned to the treasury "及时" (D11)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import CompletionTrigger, Interpretation, SurplusSettlement

BASE: dict[str, Any] = {
    "id": "TH-T-25",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}
RULE = "art25.surplus_returned"
SETTLED = {"completed": "2025-11-28", "passed": "2025-12-15", "final_accounts_submitted": "2026-02-10"}


def run(
    *,
    budget: str | None = "1000000.00",
    spent: str | None = "987654.32",
    as_of: date = date(2026, 6, 30),
    acceptance: dict[str, str] | None = None,
    interpretation: Interpretation | None = None,
    operation: dict[str, str] | None = None,
    **implementation: Any,
) -> Report:
    facts = {
        **BASE,
        "approval": {"approved_budget": budget},
        "implementation": {"actual_expenditure": spent, **implementation},
        "acceptance": SETTLED if acceptance is None else acceptance,
        "operation": operation or {},
    }
    return evaluate(facts, as_of=as_of, interpretation=interpretation)


def test_the_exact_surplus_is_shown() -> None:
    finding = run(surplus_returned="2026-03-20").finding(RULE)
    assert finding.status is Status.HOLDS
    assert "12345.68" in finding.explanation_zh
    assert "12345.68" in finding.explanation_en


cents = st.integers(min_value=0, max_value=10**12)


@settings(max_examples=150, deadline=None)
@given(budget=cents, spent=cents)
def test_surplus_is_budget_minus_expenditure_to_the_fen(budget: int, spent: int) -> None:
    as_yuan = [str(Decimal(c).scaleb(-2)) for c in (budget, spent)]
    finding = run(budget=as_yuan[0], spent=as_yuan[1]).finding(RULE)
    if spent >= budget:
        assert finding.status is Status.NOT_APPLICABLE
    else:
        assert finding.status is Status.PENDING
        assert f"= {Decimal(budget - spent).scaleb(-2)} 元" in finding.note_zh


def test_not_returned_without_a_configured_period_is_pending_without_due() -> None:
    finding = run().finding(RULE)
    assert (finding.status, finding.due) == (Status.PENDING, None)


def test_configured_period_counts_from_the_final_accounts() -> None:
    # final accounts Tue 2026-02-10; 10 working days with Spring Festival and two make-up Saturdays → Mon 03-02
    interp = Interpretation(timely_within_working_days=10)
    met = run(interpretation=interp, surplus_returned="2026-03-02").finding(RULE)
    assert (met.status, met.due) == (Status.MET, date(2026, 3, 2))
    assert run(interpretation=interp, surplus_returned="2026-03-03").finding(RULE).status is Status.LATE
    assert run(interpretation=interp, as_of=date(2026, 3, 3)).finding(RULE).status is Status.OVERDUE
    assert run(interpretation=interp, as_of=date(2026, 2, 28)).finding(RULE).status is Status.PENDING


def test_before_the_final_accounts() -> None:
    accepted = {"completed": "2025-11-28", "passed": "2025-12-15"}
    assert run(acceptance=accepted).finding(RULE).status is Status.NOT_APPLICABLE
    early = run(
        acceptance=accepted,
        surplus_returned="2026-01-05",
        interpretation=Interpretation(timely_within_working_days=5),
    )
    assert early.finding(RULE).status is Status.HOLDS


def test_an_adjusted_project_is_not_unchanged() -> None:
    adjustment = {"requested": "2025-06-02", "amount": "1.00", "goals_unchanged": True}
    assert run(adjustments=[adjustment]).finding(RULE).status is Status.NOT_APPLICABLE


def test_missing_amounts_are_named() -> None:
    assert run(budget=None).finding(RULE).missing == ("approval.approved_budget",)
    assert run(spent=None).finding(RULE).missing == ("implementation.actual_expenditure",)
    assert run(budget=None).finding(RULE).status is Status.UNDETERMINED


# --- D25: the event that settles the surplus ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reading", "due"),
    [
        # 10 working days from each start (no holiday in these windows except the 2026 Spring Festival):
        (
            SurplusSettlement.FINAL_ACCOUNTS,
            date(2026, 3, 2),
        ),  # from Tue 2026-02-10, across the Spring Festival
        (SurplusSettlement.ACCEPTANCE_PASSED, date(2025, 12, 29)),  # from Mon 2025-12-15
        (SurplusSettlement.COMPLETION, date(2025, 12, 12)),  # from Fri 2025-11-28
    ],
)
def test_d25_the_configured_clock_runs_from_the_settling_event(reading: SurplusSettlement, due: date) -> None:
    interpretation = Interpretation(timely_within_working_days=10, surplus_settlement=reading)
    finding = run(surplus_returned="2026-01-05", interpretation=interpretation).finding(RULE)
    assert finding.due == due
    assert finding.status is (Status.MET if date(2026, 1, 5) <= due else Status.LATE)


def test_d25_option_settles_before_the_final_accounts() -> None:
    acceptance = {"completed": "2025-11-28", "passed": "2025-12-15"}
    default = run(acceptance=acceptance).finding(RULE)
    assert default.status is Status.NOT_APPLICABLE
    option = run(
        acceptance=acceptance,
        interpretation=Interpretation(surplus_settlement=SurplusSettlement.ACCEPTANCE_PASSED),
    ).finding(RULE)
    assert option.status is Status.PENDING  # settled on passing acceptance; "及时" unconfigured: no due date
    assert option.due is None


def test_d25_completion_follows_d16() -> None:
    acceptance = {"completed": "2025-11-28", "passed": "2025-12-15"}
    interpretation = Interpretation(
        timely_within_working_days=10,
        surplus_settlement=SurplusSettlement.COMPLETION,
        completion_trigger=CompletionTrigger.TRIAL_OPERATION_START,
    )
    finding = run(
        acceptance=acceptance, operation={"trial_started": "2025-11-14"}, interpretation=interpretation
    ).finding(RULE)
    # from Fri 2025-11-14: 11-17 … 11-21 (5), 11-24 … 11-28 (10) → Fri 2025-11-28
    assert finding.due == date(2025, 11, 28)
