"""Kills the surviving mutants of art25_surplus.py: fiscal money alone needs no D35 reading, one yuan of other money
does; the unspent money is never below nothing; D35 ``other_spent_first`` owes the fiscal money less what the other
money did not cover; a budget spent to the fen leaves no surplus."""

from __future__ import annotations

from typing import Any

from tinghu_policy import Finding, Status

from .support import finding

RULE = "art25.surplus_returned"
# The final accounts settle the surplus (D25 default) on 10 February; nothing returned by 30 June.
SETTLED: dict[str, Any] = {
    "completed": "2025-11-28",
    "passed": "2025-12-15",
    "final_accounts_submitted": "2026-02-10",
}


def _surplus(budget: str, spent: str, fiscal: str, other: str | None = None, **options: str) -> Finding:
    """The surplus finding for a project approved at ``budget`` that spent ``spent``, funded by ``fiscal`` fiscal
    money and ``other`` self-raised money."""
    funding = [{"source": "fiscal_budget", "amount": fiscal}]
    if other is not None:
        funding.append({"source": "self_raised", "amount": other})
    return finding(
        RULE,
        funding=funding,
        approval={"approved": "2025-01-20", "approved_budget": budget},
        implementation={"works_started": "2025-02-17", "actual_expenditure": spent},
        acceptance=SETTLED,
        interpretation=options,
    )


# kills art25_surplus.py:138 core/ReplaceComparisonOperator_Eq_Lt #0
# kills art25_surplus.py:138 core/NumberReplacer #1
# kills art25_surplus.py:138 core/NumberReplacer #0 (also killed by the next test)
def test_fiscal_money_alone_is_not_split_by_a_d35_reading() -> None:
    """Module docstring: with fiscal money alone every reading gives the fiscal money less the spending; D35 only
    decides a mixed project. 1,000,000.00 − 987,654.32 = 12,345.68 owed, and no reading is named."""
    for options in ({}, {"surplus_fiscal_share": "other_spent_first"}):
        found = _surplus("1000000.00", "987654.32", "1000000.00", **options)
        assert found.status is Status.PENDING
        assert (
            "fiscal money 1000000.00 − expenditure 987654.32 = unspent fiscal money 12345.68" in found.note_en
        )
        assert "D35" not in found.note_en
        assert "owed to the treasury 12345.68 yuan" in found.note_en


# kills art25_surplus.py:138 core/NumberReplacer #0
def test_one_yuan_of_other_money_makes_the_project_mixed() -> None:
    """999.00 fiscal and 1.00 other money, 1,000.00 approved and 999.00 spent: D35 ``proportional`` (default) owes
    the unspent 1.00 × 999/1000 = 0.999, 0.99 yuan rounded down (D40) — a surplus to return, not "nothing owed"
    (which reading the fiscal money less the spending, 999.00 − 999.00, as if fiscal alone, would give)."""
    found = _surplus("1000.00", "999.00", "999.00", "1.00")
    assert found.status is Status.PENDING
    assert "owed to the treasury 0.99 yuan" in found.note_en


# kills art25_surplus.py:139 core/NumberReplacer #3
def test_fiscal_money_overspent_leaves_nothing_not_less() -> None:
    """Fiscal money alone, 500,000.00 arranged, 600,000.00 approved, 550,000.00 spent: a surplus of 50,000.00 but
    no unspent fiscal money — max(0, 500,000 − 550,000) = 0.00 owed, never a negative amount."""
    found = _surplus("600000.00", "550000.00", "500000.00")
    assert found.status is Status.NOT_APPLICABLE
    assert "unspent fiscal money 0.00" in found.note_en
    assert "owed to the treasury 0.00 yuan" in found.note_en


# kills art25_surplus.py:146 core/ReplaceBinaryOperator_Sub_Add #2
def test_other_spent_first_owes_the_fiscal_money_the_other_money_did_not_cover() -> None:
    """D35 ``other_spent_first``: 300,000.00 fiscal and 200,000.00 other money, 600,000.00 approved, 400,000.00 spent
    (surplus 200,000.00): the other money covered 200,000.00 of the spending and the fiscal money the other
    200,000.00, so 300,000 − 200,000 = 100,000.00 fiscal money is owed (below the surplus)."""
    found = _surplus(
        "600000.00", "400000.00", "300000.00", "200000.00", surplus_fiscal_share="other_spent_first"
    )
    assert found.status is Status.PENDING
    assert "owed to the treasury 100000.00 yuan" in found.note_en
    assert "at most the surplus" not in found.note_en


# kills art25_surplus.py:148 core/NumberReplacer #9
def test_proportional_unspent_money_is_never_below_nothing() -> None:
    """D35 ``proportional``: 300,000.00 fiscal and 200,000.00 other money, 600,000.00 approved, 550,000.00 spent:
    the funded 500,000.00 is all spent — unspent money max(0, 500,000 − 550,000) = 0.00, so nothing is owed."""
    found = _surplus("600000.00", "550000.00", "300000.00", "200000.00")
    assert found.status is Status.NOT_APPLICABLE
    assert "unspent money 0.00 × fiscal share 300000.00/500000.00 = 0.00" in found.note_en
    assert "owed to the treasury 0.00 yuan" in found.note_en


# kills art25_surplus.py:213 core/ReplaceComparisonOperator_LtE_Lt #0
# kills art25_surplus.py:213 core/NumberReplacer #13
def test_a_budget_spent_to_the_fen_has_no_surplus() -> None:
    """有结余: 1,000,000.00 approved and 1,000,000.00 spent leaves a surplus of 0 — no surplus at all (not a
    surplus with no fiscal money in it); the boundary pair of corpus/art25/mut-one-fen-surplus-returned-holds."""
    found = _surplus("1000000.00", "1000000.00", "1000000.00")
    assert found.status is Status.NOT_APPLICABLE
    assert found.note_en.startswith("no surplus:")
    assert "nothing to return" not in found.note_en
