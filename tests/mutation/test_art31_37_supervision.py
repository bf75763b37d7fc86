"""Kills the surviving mutants of art31_37_supervision.py: how the cost overrun's percentage is written (exact when
short, "about" when rounded — also when rounded up)."""

from __future__ import annotations

from .support import finding


def _overrun(budget: str, actual: str) -> str:
    found = finding(
        "art37.cost_overrun",
        approval={"approved": "2025-03-10", "approved_budget": budget},
        implementation={"actual_expenditure": actual},
        interpretation={"serious_overrun_percent": "50"},
    )
    return found.note_en


def test_a_percentage_with_eight_decimals_is_shown_exactly() -> None:
    """Overrun 10,000,000.05 on 100,000,000.00 = 10.00000005% exactly (eight decimals)."""
    assert "10.00000005%" in _overrun("100000000.00", "110000000.05")


def test_a_percentage_with_nine_decimals_is_rounded_and_says_about() -> None:
    """Overrun 100,000,000.05 on 1,000,000,000.00 = 10.000000005% (nine decimals) → about 10.00%."""
    note = _overrun("1000000000.00", "1100000000.05")
    assert "about 10.00%" in note
    assert "10.000000005" not in note


def test_a_percentage_rounded_up_says_about() -> None:
    """Overrun 200.00 on 3,000.00 = 6.666…% → about 6.67% (rounded up, still not exact)."""
    assert "about 6.67%" in _overrun("3000.00", "3200.00")


def test_an_exact_short_percentage_has_no_about() -> None:
    note = _overrun("3000.00", "3300.00")
    assert "10.00%" in note
    assert "about 10.00%" not in note
