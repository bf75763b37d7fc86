"""Art. 25: an unchanged project's surplus is returned to the treasury "及时" (D11)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import (
    CompletionTrigger,
    FiscalShareRounding,
    Interpretation,
    SurplusAfterAdjustment,
    SurplusFiscalShare,
    SurplusSettlement,
)

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
    funding: list[dict[str, str]] | None = None,
    **implementation: Any,
) -> Report:
    facts = {
        **BASE,
        **({} if funding is None else {"funding": funding}),
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
    fiscal = [{"source": "fiscal_budget", "amount": as_yuan[0]}]  # the whole budget arranged from the budget
    finding = run(budget=as_yuan[0], spent=as_yuan[1], funding=fiscal).finding(RULE)
    if spent >= budget:
        assert finding.status is Status.NOT_APPLICABLE
    else:
        assert finding.status is Status.PENDING
        assert f"= {Decimal(budget - spent).scaleb(-2)} 元" in finding.note_zh
        assert f"应上缴财政 {Decimal(budget - spent).scaleb(-2)} 元" in finding.note_zh


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


REQUESTED = {"requested": "2025-06-02", "amount": "1.00", "goals_unchanged": True}


def test_only_an_adjustment_carried_out_changes_the_content() -> None:
    """Before this change a mere request (never reviewed, perhaps refused) made the surplus not applicable."""
    requested = run(adjustments=[REQUESTED]).finding(RULE)
    assert requested.status is Status.PENDING
    refused = {**REQUESTED, "reviewed_by_finance": {"day": "2025-06-20", "outcome": "rejected"}}
    assert run(adjustments=[refused]).finding(RULE).status is Status.PENDING
    carried_out = run(adjustments=[{**REQUESTED, "adjusted": "2025-07-01"}]).finding(RULE)
    assert carried_out.status is Status.NOT_APPLICABLE
    assert "D34" in carried_out.note_zh
    assert "一般规定" in carried_out.note_zh
    not_yet = run(adjustments=[{**REQUESTED, "adjusted": "2026-07-01"}]).finding(RULE)  # after as_of
    assert not_yet.status is Status.PENDING


STILL_OWED = Interpretation(surplus_after_adjustment=SurplusAfterAdjustment.STILL_OWED)


@pytest.mark.parametrize(
    ("goals_unchanged", "default", "option"),
    [(True, Status.NOT_APPLICABLE, Status.PENDING), (False, Status.NOT_APPLICABLE, Status.NOT_APPLICABLE)],
)
def test_d34_an_adjustment_with_goals_unchanged_still_owes_under_the_option(
    goals_unchanged: bool, default: Status, option: Status
) -> None:
    adjustment = {**REQUESTED, "goals_unchanged": goals_unchanged, "adjusted": "2025-07-01"}
    assert run(adjustments=[adjustment]).finding(RULE).status is default
    found = run(adjustments=[adjustment], interpretation=STILL_OWED).finding(RULE)
    assert found.status is option
    assert "D34" in found.decisions


def test_d34_still_owed_uses_the_budget_approved_anew() -> None:
    # approved anew at 1,100,000.00, 987,654.32 spent: surplus 112,345.68, of which the fiscal money left is
    # 1,000,000.00 − 987,654.32 = 12,345.68 (the arranged money, not the new total)
    anew = {
        **REQUESTED,
        "amount": "100000.00",
        "total_after": "1100000.00",
        "reapproved": "2025-06-20",
        "adjusted": "2025-06-25",
    }
    finding = run(adjustments=[anew], interpretation=STILL_OWED).finding(RULE)
    assert finding.status is Status.PENDING
    assert (
        "结余资金 = 第1项调整重新报批的概算总投资 1100000.00 元 − 实际支出 987654.32 元 = 112345.68 元"
        in finding.note_zh
    )
    assert "应上缴财政 12345.68 元" in finding.note_zh


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


def test_missing_funding_is_named() -> None:
    finding = run(funding=[]).finding(RULE)
    assert (finding.status, finding.missing) == (Status.UNDETERMINED, ("funding",))


# --- D35: only unspent fiscal money is returned ---------------------------------------------------------------------


def test_fiscal_money_spent_in_full_leaves_nothing_to_return() -> None:
    """Before this change 900,000 arranged and 900,000 spent against a 1,000,000 budget owed 100,000."""
    fiscal = [{"source": "fiscal_budget", "amount": "900000.00"}]
    finding = run(funding=fiscal, spent="900000.00").finding(RULE)
    assert finding.status is Status.NOT_APPLICABLE
    assert "结余资金 = 批复概算总投资 1000000.00 元 − 实际支出 900000.00 元 = 100000.00 元" in finding.note_zh
    assert "应上缴财政 0.00 元" in finding.note_zh


@pytest.mark.parametrize(
    ("reading", "owed"),
    [
        # 1,000,000 fiscal + 2,000,000 social capital, 3,000,000 budget, 2,700,000 spent: surplus 300,000.00
        (SurplusFiscalShare.PROPORTIONAL, "100000.00"),  # 300,000 × 1/3
        (SurplusFiscalShare.FISCAL_SPENT_FIRST, None),  # 1,000,000 − 2,700,000 < 0: nothing left
        (SurplusFiscalShare.OTHER_SPENT_FIRST, "300000.00"),  # 1,000,000 − (2,700,000 − 2,000,000)
    ],
)
def test_d35_the_fiscal_part_of_a_mixed_surplus(reading: SurplusFiscalShare, owed: str | None) -> None:
    """Before this change the whole 300,000 was declared for the treasury whatever the funding."""
    mixed = [
        {"source": "fiscal_budget", "amount": "1000000.00"},
        {"source": "social_capital", "amount": "2000000.00"},
    ]
    finding = run(
        funding=mixed,
        budget="3000000.00",
        spent="2700000.00",
        interpretation=Interpretation(surplus_fiscal_share=reading),
    ).finding(RULE)
    assert "D35" in finding.note_zh
    if owed is None:
        assert finding.status is Status.NOT_APPLICABLE
    else:
        assert finding.status is Status.PENDING
        assert f"应上缴财政 {owed} 元" in finding.note_zh


def test_d35_a_proportional_share_is_shown_to_the_fen() -> None:
    mixed = [
        {"source": "fiscal_budget", "amount": "100000.00"},
        {"source": "self_raised", "amount": "200000.00"},
    ]
    finding = run(funding=mixed, budget="300000.00", spent="299999.99").finding(RULE)
    # unspent 0.01 × 1/3 = 0.00333… → 0.00: nothing to return
    assert finding.status is Status.NOT_APPLICABLE
    assert "0.00 元（不足一分的部分舍去，D40）" in finding.note_zh
    finding = run(funding=mixed, budget="300000.00", spent="200000.00").finding(RULE)
    assert "33333.33 元（不足一分的部分舍去，D40）" in finding.note_zh
    assert "33333.33 (rounded down to the fen, D40)" in finding.note_en


# --- D40: a proportional share that is not a whole fen ----------------------------------------------------------
SEVEN_TENTHS = [
    {"source": "fiscal_budget", "amount": "700000.00"},
    {"source": "social_capital", "amount": "300000.00"},
]


@pytest.mark.parametrize(
    ("spent", "reading", "status", "shown"),
    [
        # unspent 0.01 × 7/10 = 0.007: down 0.00 (nothing owed), half up 0.01 (owed, pending)
        (
            "999999.99",
            FiscalShareRounding.DOWN,
            Status.NOT_APPLICABLE,
            "= 0.00 元（不足一分的部分舍去，D40）",
        ),
        ("999999.99", FiscalShareRounding.HALF_UP, Status.PENDING, "= 约0.01 元"),
        # unspent 1.00 × 7/10 = 0.70 exactly: no rounding, the same under both readings
        ("999999.00", FiscalShareRounding.HALF_UP, Status.PENDING, "= 0.70 元"),
        ("999999.00", FiscalShareRounding.DOWN, Status.PENDING, "= 0.70 元"),
    ],
)
def test_d40_a_share_under_one_fen_is_nothing_owed_unless_rounded_half_up(
    spent: str, reading: FiscalShareRounding, status: Status, shown: str
) -> None:
    finding = run(
        funding=SEVEN_TENTHS,
        spent=spent,
        interpretation=Interpretation(fiscal_share_rounding=reading),
    ).finding(RULE)
    assert finding.status is status
    assert shown in finding.note_zh
    assert "D40" in finding.decisions


@pytest.mark.parametrize(
    ("fiscal", "other", "half_up", "down"),
    [
        # 第二十五条 with D35 proportional, the boundary pair of D40: unspent 0.01 yuan × fiscal share
        ("500000.00", "500000.00", "0.01", "0.00"),  # exactly half a fen: half up rounds up, down drops it
        ("499990.00", "500010.00", "0.00", "0.00"),  # just under half a fen: both give nothing
    ],
)
def test_d40_half_a_fen_is_the_boundary(fiscal: str, other: str, half_up: str, down: str) -> None:
    funding = [
        {"source": "fiscal_budget", "amount": fiscal},
        {"source": "social_capital", "amount": other},
    ]
    for reading, owed in ((FiscalShareRounding.HALF_UP, half_up), (FiscalShareRounding.DOWN, down)):
        finding = run(
            funding=funding, spent="999999.99", interpretation=Interpretation(fiscal_share_rounding=reading)
        ).finding(RULE)
        expected = Status.PENDING if owed != "0.00" else Status.NOT_APPLICABLE
        assert finding.status is expected, reading
        assert f"{owed} 元" in finding.note_zh


fen = st.integers(min_value=0, max_value=10**9)


@settings(max_examples=150, deadline=None)
@given(fiscal=fen, other=fen, spent=fen, reading=st.sampled_from(list(SurplusFiscalShare)))
def test_d35_never_more_than_the_surplus_nor_the_fiscal_money(
    fiscal: int, other: int, spent: int, reading: SurplusFiscalShare
) -> None:
    """Whatever the reading, the amount owed is between 0 and both the surplus and the fiscal money, and the
    readings order as their names say: fiscal first ≤ proportional ≤ other first."""
    total = fiscal + other
    funding = [{"source": "fiscal_budget", "amount": str(yuan(fiscal))}] + (
        [{"source": "social_capital", "amount": str(yuan(other))}] if other else []
    )

    def owed(share: SurplusFiscalShare, rounding: FiscalShareRounding = FiscalShareRounding.DOWN) -> Decimal:
        reading = Interpretation(surplus_fiscal_share=share, fiscal_share_rounding=rounding)
        report = run(funding=funding, budget=str(yuan(total)), spent=str(yuan(spent)), interpretation=reading)
        owed_zh = report.finding(RULE).note_zh
        return (
            Decimal(owed_zh.split("应上缴财政 ")[1].split(" 元")[0])
            if "应上缴财政 " in owed_zh
            else Decimal(0)
        )

    amount = owed(reading)
    assert Decimal(0) <= amount <= min(yuan(fiscal), max(Decimal(0), yuan(total - spent)))
    if reading is SurplusFiscalShare.PROPORTIONAL and total:
        # D40: down (the default) never more than the exact share and less than a fen below it; half up within
        # half a fen of it
        unspent = max(
            Decimal(0), yuan(total - spent)
        )  # the budget is the funding: the surplus is unspent money
        exact = unspent * yuan(fiscal) / yuan(total)
        assert amount <= exact < amount + Decimal("0.01")
        half_up = owed(reading, FiscalShareRounding.HALF_UP)
        assert abs(half_up - exact) <= Decimal("0.005")
    assert owed(SurplusFiscalShare.FISCAL_SPENT_FIRST) <= owed(SurplusFiscalShare.PROPORTIONAL)
    assert owed(SurplusFiscalShare.PROPORTIONAL) <= owed(SurplusFiscalShare.OTHER_SPENT_FIRST)


def yuan(fen_amount: int) -> Decimal:
    return Decimal(fen_amount).scaleb(-2)


# --- the first sentence: spending within the budget in force ---------------------------------------------------------

WITHIN = "art25.within_budget"


@pytest.mark.parametrize(
    ("spent", "status"),
    [
        ("1000000.00", Status.HOLDS),
        ("1000000.01", Status.FAILS),
        ("999999.99", Status.HOLDS),
        (None, Status.UNDETERMINED),
    ],
)
def test_spending_stays_within_the_approved_budget(spent: str | None, status: Status) -> None:
    """Before this change an overrun without re-approval failed nowhere in art. 25."""
    finding = run(spent=spent).finding(WITHIN)
    assert finding.status is status
    assert [c.fact for c in finding.checks] == ["implementation.actual_expenditure"]


def test_the_budget_in_force_is_the_one_approved_anew_by_the_day_of_the_figure() -> None:
    anew = {**REQUESTED, "amount": "100000.00", "total_after": "1100000.00", "reapproved": "2025-06-20"}
    assert run(spent="1050000.00", adjustments=[anew], expenditure_as_of="2025-06-20").finding(
        WITHIN
    ).status is (Status.HOLDS)
    # a figure of the day before the re-approval: the overrun came first
    early = run(spent="1050000.00", adjustments=[anew], expenditure_as_of="2025-06-19").finding(WITHIN)
    assert early.status is Status.FAILS
    assert "批复概算总投资 1000000.00 元" in early.note_zh
    undated = run(spent="1050000.00", adjustments=[anew]).finding(WITHIN)  # the figure is as of as_of
    assert undated.status is Status.HOLDS
    assert "第1项调整重新报批的概算总投资 1100000.00 元" in undated.note_zh
    unknown = run(spent="1050000.00", adjustments=[{**anew, "total_after": None}]).finding(WITHIN)
    assert (unknown.status, unknown.missing) == (
        Status.UNDETERMINED,
        ("implementation.adjustments[0].total_after",),
    )


def test_within_budget_waits_for_a_budget_and_a_known_figure() -> None:
    assert run(budget=None).finding(WITHIN).status is Status.NOT_APPLICABLE
    later = run(spent="2000000.00", expenditure_as_of="2026-07-01").finding(WITHIN)  # after as_of 2026-06-30
    assert later.status is Status.UNDETERMINED


@pytest.mark.parametrize(
    ("effective", "status"), [(date(2026, 3, 31), Status.FAILS), (date(2026, 4, 1), Status.NOT_APPLICABLE)]
)
def test_d13_spending_is_judged_on_the_day_of_its_figure(effective: date, status: Status) -> None:
    finding = run(
        spent="1000000.01",
        expenditure_as_of="2026-03-31",
        interpretation=Interpretation(effective_date=effective),
    ).finding(WITHIN)
    assert finding.status is status
