"""Kills the surviving mutants of art30_self_evaluation.py: on a tie, passing acceptance is the fact that starts the
12 months (D10), and the note says so."""

from __future__ import annotations

from datetime import date

from .support import finding


def test_operation_starting_on_the_acceptance_day_leaves_acceptance_as_the_start() -> None:
    tie = finding(
        "art30.self_evaluation",
        as_of=date(2026, 3, 31),
        acceptance={"completed": "2025-05-30", "passed": "2025-06-30"},
        operation={"started": "2025-06-30"},
    )
    assert "from acceptance passed 2025-06-30" in tie.note_en
    later = finding(
        "art30.self_evaluation",
        as_of=date(2026, 3, 31),
        acceptance={"completed": "2025-05-30", "passed": "2025-06-30"},
        operation={"started": "2025-07-15"},
    )
    assert "acceptance passed" not in later.note_en
    assert "2025-07-15" in later.note_en
