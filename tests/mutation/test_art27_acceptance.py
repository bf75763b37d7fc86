"""Kills the surviving mutants of art27_acceptance.py: which fact starts the acceptance clock on a tie (D16), and
what the acceptance and final-accounts notes say."""

from __future__ import annotations

from datetime import date

from .support import finding

SHANGHAI_2025 = date(2025, 12, 31)


def _acceptance_from_trial_start(trial_started: str) -> str:
    """The acceptance explanation under D16 ``trial_operation_start``, completion recorded on 2025-06-30."""
    return finding(
        "art27.acceptance",
        as_of=SHANGHAI_2025,
        interpretation={"completion_trigger": "trial_operation_start"},
        operation={"trial_started": trial_started},
        acceptance={"completed": "2025-06-30"},
    ).explanation_en


def test_a_trial_start_on_the_completion_day_leaves_the_recorded_completion_as_the_trigger() -> None:
    """D16 ``trial_operation_start``: the trial start counts only when it is *earlier* than the recorded completion."""
    assert "Clock runs from completion on 2025-06-30." in _acceptance_from_trial_start("2025-06-30")
    earlier = _acceptance_from_trial_start("2025-06-20")
    assert "Clock runs from trial operation (taken as completion, D16) on 2025-06-20." in earlier
    assert "from completion" not in earlier


def test_an_open_acceptance_mentions_a_failure_only_when_there_was_one() -> None:
    pending = finding("art27.acceptance", as_of=date(2025, 8, 1), acceptance={"completed": "2025-06-30"})
    assert pending.status == "pending"
    assert "acceptance failed" not in pending.note_en
    failed = finding(
        "art27.acceptance",
        as_of=date(2025, 8, 1),
        acceptance={"completed": "2025-06-30", "failed": ["2025-07-20"]},
    )
    assert "acceptance failed on 2025-07-20" in failed.note_en


def test_a_late_extension_counted_under_d28_says_so_and_a_timely_one_does_not() -> None:
    """Passed 2025-06-30: final accounts due 2025-09-30 (3 months, 民法典 202); an extension approved 2025-10-10 is
    after that day."""
    accepted = {"completed": "2025-05-30", "passed": "2025-06-30", "final_accounts_submitted": "2025-11-20"}
    late = finding(
        "art27.final_accounts",
        as_of=SHANGHAI_2025,
        interpretation={"late_extension": "counted"},
        acceptance={**accepted, "final_accounts_extension": {"approved": "2025-10-10", "months": 2}},
    )
    assert "(after the due date 2025-09-30, counted: D28)" in late.note_en
    timely = finding(
        "art27.final_accounts",
        as_of=SHANGHAI_2025,
        acceptance={**accepted, "final_accounts_extension": {"approved": "2025-09-10", "months": 2}},
    )
    assert timely.status == "met"
    assert "counted: D28" not in timely.note_en
    assert "the finance bureau approved 2 more month(s) on 2025-09-10" in timely.note_en
