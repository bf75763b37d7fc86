"""Kills the surviving mutants of art30_self_evaluation.py: on a tie, passing acceptance is the fact that starts the
12 months (D10), and the explanation says so; a report in time still shows both dates (the start once), and a barred
pass is named in the note."""

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


_PASSED = {"completed": "2025-05-30", "passed": "2025-06-30"}
_LATER_OPERATION = {"started": "2025-07-15", "self_evaluation_submitted": "2026-05-20"}


# kills art30_self_evaluation.py:78 core/ReplaceComparisonOperator_Is_Lt #1
# kills art30_self_evaluation.py:78 core/ReplaceComparisonOperator_Is_LtE #1
# kills art30_self_evaluation.py:85 core/ReplaceAndWithOr #1
def test_a_report_in_time_shows_both_dates_and_which_one_starts_the_clock() -> None:
    """Art. 30, D10 default: passed 2025-06-30, operation 2025-07-15 → the 12 months run from the later, operation;
    due 2026-07-15 (corresponding day, a Wednesday); the report of 2026-05-20 is in time. A finding that is met shows
    the pass too (context, on or before the start) and says which date the clock runs from; the start is shown once,
    as the start."""
    met = finding(
        "art30.self_evaluation", as_of=date(2026, 6, 30), acceptance=_PASSED, operation=_LATER_OPERATION
    )
    assert met.status == "met"
    assert met.due == date(2026, 7, 15)
    assert [(c.fact, c.role, c.actual) for c in met.checks] == [
        ("operation.started", "start", date(2025, 7, 15)),
        ("operation.self_evaluation_submitted", "requirement", date(2026, 5, 20)),
        ("acceptance.passed", "context", date(2025, 6, 30)),
    ]
    assert "D10: the clock runs from the later, operation on 2025-07-15" in met.note_en
    assert "D10：自较晚的投入运行之日 2025-07-15起算" in met.note_zh


# kills art30_self_evaluation.py:85 core/ReplaceAndWithOr #1
def test_on_a_tie_the_pass_is_shown_once_as_the_start() -> None:
    """D10: operation started the day acceptance passed (2025-06-30): the clock runs from the pass (due 2026-06-30);
    operation is shown as context, the pass only as the start."""
    tie = finding(
        "art30.self_evaluation",
        as_of=date(2026, 6, 30),
        acceptance={"completed": "2025-05-30", "passed": "2025-06-30"},
        operation={"started": "2025-06-30", "self_evaluation_submitted": "2026-05-20"},
    )
    assert tie.status == "met"
    assert tie.due == date(2026, 6, 30)
    assert [(c.fact, c.role) for c in tie.checks] == [
        ("acceptance.passed", "start"),
        ("operation.self_evaluation_submitted", "requirement"),
        ("operation.started", "context"),
    ]


# kills art30_self_evaluation.py:88 core/AddNot #5
# kills art30_self_evaluation.py:88 core/ReplaceComparisonOperator_Is_IsNot #4
def test_a_barred_pass_still_starts_the_clock_and_the_note_says_so() -> None:
    """No archive acceptance held: art. 28(2) bars the recorded pass of 2025-06-30, but art. 30's 12 months still
    take it as 通过验收 (D10, D16) — here the later date, operation on 2025-07-15, starts them; the note says the
    pass was barred and that the period still counts from it."""
    barred = {**_PASSED, "archive_acceptance": {"result": "not_held"}}
    met = finding(
        "art30.self_evaluation",
        as_of=date(2026, 6, 30),
        acceptance=barred,
        operation=_LATER_OPERATION,
    )
    assert met.status == "met"
    assert met.due == date(2026, 7, 15)
    assert "the self-evaluation period still takes the recorded pass as 通过验收 (D10, D16)" in met.note_en
    assert "自我评价期限仍以记录的合格之日为“通过验收”之日（D10、D16）" in met.note_zh
