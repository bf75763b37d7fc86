"""Kills the surviving mutants of art30_self_evaluation.py: on a tie, passing acceptance is the fact that starts the
12 months (D10), and the explanation says so."""

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
    assert "Clock runs from acceptance passed on 2025-06-30." in tie.explanation_en
    assert "起算：2025-06-30 通过竣工验收。" in tie.explanation_zh
    later = finding(
        "art30.self_evaluation",
        as_of=date(2026, 3, 31),
        acceptance={"completed": "2025-05-30", "passed": "2025-06-30"},
        operation={"started": "2025-07-15"},
    )
    assert "Clock runs from operation started on 2025-07-15." in later.explanation_en
    assert "Clock runs from acceptance passed" not in later.explanation_en
    assert "acceptance passed: 2025-06-30 (on or before 2025-07-15)" in later.explanation_en  # D10 shown
