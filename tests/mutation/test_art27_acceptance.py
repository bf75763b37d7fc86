"""Kills the surviving mutants of art27_acceptance.py: which fact starts the acceptance clock on a tie (D16), and
what the acceptance and final-accounts notes say."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy import Finding
from tinghu_policy.engine import CheckRole

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


# --- run 10 survivors (copy of 04:07) ----------------------------------------------------------------------------

AFTER_ORIGINAL = {"extension_counting": "after_original_period"}


def _facts_and_roles(found: Finding) -> list[tuple[str, CheckRole]]:
    return [(c.fact, c.role) for c in found.checks]


# kills art27_acceptance.py:171 core/ReplaceComparisonOperator_Eq_LtE #0
def test_a_classified_project_leaves_paragraph_1_without_a_word_about_final_accounts() -> None:
    """Art. 27(5), D26 default ``paras_1_to_3``: para. 1 is left to other rules, para. 4 is not, so the acceptance
    finding must not say the final accounts go too."""
    found = finding(
        "art27.acceptance", as_of=date(2025, 9, 1), classified=True, acceptance={"completed": "2025-01-10"}
    )
    assert found.status == "not_applicable"
    assert found.note_en == "a classified project's acceptance follows other rules (art. 27(5))"


# kills art27_acceptance.py:197 core/ReplaceFalseWithTrue #0
def test_a_recorded_application_date_is_not_said_to_be_inferred() -> None:
    """Art. 27(2) is judged on the day the unit applied; when that day is recorded nothing is inferred from a
    conclusion."""
    found = finding(
        "art27.security_results_bar",
        as_of=SHANGHAI_2025,
        acceptance={
            "completed": "2025-06-30",
            "applied": "2025-08-25",
            "passed": "2025-09-01",
            "classified_protection": {"result": "passed", "day": "2025-08-20"},
            "cryptography_assessment": {"result": "passed", "day": "2025-08-21"},
        },
    )
    assert found.status == "holds"
    assert "no application date given" not in found.note_en


# kills art27_acceptance.py:198 core/ReplaceAndWithOr #1
def test_a_pass_after_as_of_does_not_show_an_application() -> None:
    """D13 / as_of: on 2025-08-01 the acceptance of 2025-09-01 has not happened, and no application is recorded,
    so the bar of art. 27(2) has nothing to judge yet."""
    found = finding(
        "art27.security_results_bar",
        as_of=date(2025, 8, 1),
        acceptance={
            "completed": "2025-06-30",
            "passed": "2025-09-01",
            "classified_protection": {"result": "failed", "day": "2025-07-20"},
        },
    )
    assert found.status == "not_applicable"
    assert found.checks == ()


# kills art27_acceptance.py:202 core/ReplaceComparisonOperator_Eq_NotEq #1
# kills art27_acceptance.py:202 core/ReplaceComparisonOperator_Eq_Lt #1
# kills art27_acceptance.py:202 core/ReplaceComparisonOperator_Eq_Gt #1
# kills art27_acceptance.py:202 core/ReplaceComparisonOperator_Eq_IsNot #1
# kills art27_acceptance.py:202 core/NumberReplacer #9
def test_an_application_inferred_from_the_first_failed_acceptance_names_that_failure() -> None:
    """No application date: the first acceptance concluded (the failure of 2025-03-01, before the effective date
    2025-07-01) shows when it was applied for; D13 leaves it out of reach, and the check names the fact whose date it
    shows (``acceptance.failed[0]``), not the second failure nor the pass."""
    found = finding(
        "art27.security_results_bar",
        as_of=SHANGHAI_2025,
        interpretation={"effective_date": "2025-07-01"},
        acceptance={
            "completed": "2025-01-01",
            "failed": ["2025-03-01", "2025-05-01"],
            "passed": "2025-08-01",
        },
    )
    assert found.status == "not_applicable"
    assert [(c.fact, c.actual) for c in found.checks] == [("acceptance.failed[0]", date(2025, 3, 1))]


# kills art27_acceptance.py:246 core/ReplaceFalseWithTrue #1
# kills art27_acceptance.py:284 core/ReplaceComparisonOperator_Is_NotEq #3
# kills art27_acceptance.py:284 core/ReplaceComparisonOperator_Is_Lt #3
# kills art27_acceptance.py:284 core/ReplaceComparisonOperator_Is_LtE #3
# kills art27_acceptance.py:284 core/ReplaceComparisonOperator_Is_Gt #3
# kills art27_acceptance.py:284 core/ReplaceComparisonOperator_Is_IsNot #9
def test_a_pass_barred_by_a_failed_security_test_shows_the_start_the_pass_and_the_failed_result() -> None:
    """Art. 27(2): a failed 等保 test bars the application, so the pass of 2025-09-01 does not discharge para. 1
    (completed 2025-06-30, due 2025-12-30, OVERDUE on 2025-12-31). The finding shows where the clock ran from, the
    recorded pass, and the result that failed (as it is: not passed)."""
    found = finding(
        "art27.acceptance",
        as_of=SHANGHAI_2025,
        acceptance={
            "completed": "2025-06-30",
            "applied": "2025-08-25",
            "passed": "2025-09-01",
            "classified_protection": {"result": "failed", "day": "2025-08-20"},
        },
    )
    assert (found.status, found.due) == ("overdue", date(2025, 12, 30))
    assert _facts_and_roles(found) == [
        ("acceptance.completed", CheckRole.START),
        ("acceptance.passed", CheckRole.CONTEXT),
        ("acceptance.classified_protection.result", CheckRole.CONTEXT),
    ]
    result = found.checks[2]
    assert (result.required, result.actual, result.ok) == (True, False, False)


def _barred_by_archive(archive: dict[str, str]) -> Finding:
    return finding(
        "art27.acceptance",
        as_of=SHANGHAI_2025,
        acceptance={"completed": "2025-06-30", "passed": "2025-09-01", "archive_acceptance": archive},
    )


# kills art27_acceptance.py:251 core/ReplaceComparisonOperator_Is_NotEq #2
# kills art27_acceptance.py:251 core/ReplaceComparisonOperator_Is_Lt #2
# kills art27_acceptance.py:251 core/ReplaceComparisonOperator_Is_Gt #2
# kills art27_acceptance.py:251 core/ReplaceComparisonOperator_Is_GtE #2
# kills art27_acceptance.py:251 core/ReplaceComparisonOperator_Is_IsNot #7
# kills art27_acceptance.py:253 core/AddNot #14
# kills art27_acceptance.py:253 core/ReplaceFalseWithTrue #2
# kills art27_acceptance.py:255 core/AddNot #15
def test_a_pass_barred_by_art_28_says_whether_the_archive_acceptance_failed_or_was_not_held() -> None:
    """Art. 28(2) 未经档案验收或档案验收不合格的，不得通过: both bar the pass, each for its own reason, shown as the
    fact it is (a failed archive acceptance did not pass; one not held was not held)."""
    failed = _barred_by_archive({"result": "failed", "day": "2025-08-20"})
    assert failed.status == "overdue"
    archive = failed.checks[2]
    assert (archive.fact, archive.label_en, archive.actual) == (
        "acceptance.archive_acceptance.result",
        "archive acceptance passed",
        False,
    )
    assert "the archive acceptance failed, and art. 28(2) bars the pass" in failed.note_en
    assert "no archive acceptance was held" not in failed.note_en
    not_held = _barred_by_archive({"result": "not_held"})
    assert not_held.status == "overdue"
    archive = not_held.checks[2]
    assert (archive.fact, archive.label_en, archive.actual) == (
        "acceptance.archive_acceptance.result",
        "archive acceptance held",
        False,
    )
    assert "no archive acceptance was held, and art. 28(2) bars the pass" in not_held.note_en
    assert "the archive acceptance failed" not in not_held.note_en


# kills art27_acceptance.py:290 core/ReplaceUnaryOperator_USub_Not #0
# kills art27_acceptance.py:290 core/NumberReplacer #15
def test_an_open_acceptance_names_the_latest_failure() -> None:
    """整改后重新验收: after two failures the one to remedy is the latest (2025-08-10)."""
    found = finding(
        "art27.acceptance",
        as_of=date(2025, 9, 1),
        acceptance={"completed": "2025-06-30", "failed": ["2025-07-20", "2025-08-10"]},
    )
    assert found.status == "pending"
    assert "acceptance failed on 2025-08-10" in found.note_en
    assert "2025-07-20" not in found.note_en


# kills art27_acceptance.py:456 core/ReplaceComparisonOperator_Is_GtE #6
def test_passed_security_results_are_requirements_met_not_tests_not_held() -> None:
    """Art. 27(2) bars only a failed result: passed results are checked as met requirements."""
    found = finding(
        "art27.security_results_bar",
        as_of=SHANGHAI_2025,
        acceptance={
            "completed": "2025-06-30",
            "applied": "2025-08-25",
            "classified_protection": {"result": "passed", "day": "2025-08-20"},
            "cryptography_assessment": {"result": "passed", "day": "2025-08-21"},
        },
    )
    assert found.status == "holds"
    assert [(c.fact, c.role, c.actual, c.ok) for c in found.checks] == [
        ("acceptance.classified_protection.result", CheckRole.REQUIREMENT, True, True),
        ("acceptance.cryptography_assessment.result", CheckRole.REQUIREMENT, True, True),
    ]
    assert "not held" not in found.note_en


# kills art27_acceptance.py:511 core/ReplaceUnaryOperator_USub_Invert #1
# kills art27_acceptance.py:511 core/ReplaceUnaryOperator_USub_Not #1
# kills art27_acceptance.py:511 core/NumberReplacer #16
# kills art27_acceptance.py:511 core/NumberReplacer #17
# kills art27_acceptance.py:515 core/NumberReplacer #18
# kills art27_acceptance.py:515 core/NumberReplacer #19
def test_an_explanation_before_a_due_date_beyond_the_calendar_is_judged_against_its_earliest_day() -> None:
    """Completed 2026-09-15: the 6 months of para. 1 end no earlier than 2027-03-15 (corresponding day, D12: the
    exact day needs 2027's calendar). The explanation of 2026-11-20 is judged against that day, not against as_of,
    and the clock's start is shown first."""
    found = finding(
        "art27.delay_explanation",
        as_of=date(2026, 12, 1),
        acceptance={"completed": "2026-09-15", "delay_explanation": "2026-11-20"},
    )
    assert (found.status, found.due) == ("met", None)
    assert _facts_and_roles(found) == [
        ("acceptance.completed", CheckRole.START),
        ("acceptance.delay_explanation", CheckRole.REQUIREMENT),
    ]
    assert found.checks[1].required == date(2027, 3, 15)
    assert "no earlier than 2027-03-15" in found.note_en


def _accounts_beyond(extension: dict[str, Any], **options: str) -> Finding:
    """Passed 2026-11-15: the 3 months of para. 4 end no earlier than 2027-02-15 (corresponding day), the exact day
    needing 2027's calendar (D12); as_of 2027-03-01, nothing submitted."""
    return finding(
        "art27.final_accounts",
        as_of=date(2027, 3, 1),
        interpretation=options,
        acceptance={"passed": "2026-11-15", "final_accounts_extension": {"months": 2, **extension}},
    )


# kills art27_acceptance.py:541 core/ReplaceComparisonOperator_LtE_NotEq #0
# kills art27_acceptance.py:541 core/ReplaceComparisonOperator_LtE_Lt #0
def test_an_extension_approved_on_the_earliest_original_due_day_counts_even_under_ignored() -> None:
    """D28 ``ignored``: only the approval date matters. Approved on 2027-02-15, the earliest day the 3 months can end,
    it came in time whatever 2027's holidays: 5 months from the pass, no earlier than 2027-04-15 — PENDING."""
    found = _accounts_beyond({"approved": "2027-02-15"}, late_extension="ignored")
    assert (found.status, found.missing) == ("pending", ())
    assert found.checks[-1].required == date(2027, 4, 15)


# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_Is_NotEq #9
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_Is_Lt #9
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_Is_Gt #9
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_Is_IsNot #23
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_Eq #1
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_NotEq #1
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_Lt #1
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_Gt #1
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_GtE #1
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_Is #1
@pytest.mark.parametrize("requested", ["2027-01-20", "2027-02-15"])
def test_a_late_approval_requested_by_the_earliest_original_due_day_counts(requested: str) -> None:
    """D28 default ``requested_in_time``: asked for before or on 2027-02-15 (no later than any day the 3 months can
    end), the request was in time however late the approval (2027-02-20): 5 months, PENDING until 2027-04-15 at
    the earliest."""
    found = _accounts_beyond({"requested": requested, "approved": "2027-02-20"})
    assert (found.status, found.missing) == ("pending", ())
    assert found.checks[-1].required == date(2027, 4, 15)
    assert f"but requested in time on {requested}" in found.note_en


# kills art27_acceptance.py:541 core/ReplaceComparisonOperator_LtE_IsNot #0
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_LtE_IsNot #1
# kills art27_acceptance.py:542 core/ReplaceAndWithOr #13
# kills art27_acceptance.py:542 core/ReplaceComparisonOperator_Is_LtE #9
# kills art27_acceptance.py:545 core/ReplaceComparisonOperator_Is_GtE #11
@pytest.mark.parametrize(
    ("extension", "options"),
    [
        ({"requested": "2027-02-16", "approved": "2027-02-20"}, {}),  # asked after the earliest day
        ({"approved": "2027-02-20"}, {}),  # no request date
        ({"requested": "2027-01-20", "approved": "2027-02-20"}, {"late_extension": "ignored"}),
    ],
)
def test_a_late_approval_that_may_or_may_not_be_in_time_needs_the_missing_year(
    extension: dict[str, str], options: dict[str, str]
) -> None:
    """Approved on 2027-02-20, after the earliest day the 3 months can end (2027-02-15): whether it (or a request of
    2027-02-16, or under D28 ``ignored`` the approval alone) came by the real due date depends on 2027's holidays,
    so how the extension counts cannot be told: UNDETERMINED, naming 2027 (D12)."""
    found = _accounts_beyond(extension, **options)
    assert (found.status, found.missing) == ("undetermined", ("calendar:2027",))
    assert "how the approved extension counts, cannot be told" in found.note_en


def _accounts(extension: dict[str, Any], as_of: date = SHANGHAI_2025, **options: str) -> Finding:
    """Passed 2025-06-30: the final accounts are due 2025-09-30 (3 months), nothing submitted."""
    return finding(
        "art27.final_accounts",
        as_of=as_of,
        interpretation=options,
        acceptance={"completed": "2025-05-30", "passed": "2025-06-30", "final_accounts_extension": extension},
    )


# kills art27_acceptance.py:571 core/ReplaceAndWithOr #17
# kills art27_acceptance.py:571 core/ReplaceComparisonOperator_Is_LtE #12
@pytest.mark.parametrize(
    ("requested", "options"),
    [("2025-10-05", {}), ("2025-09-10", {"late_extension": "ignored"})],
)
def test_a_pending_request_is_said_to_count_once_approved_only_when_it_can(
    requested: str, options: dict[str, str]
) -> None:
    """D28: an unanswered request "counts once approved" only under the default and when asked by the due date
    (2025-09-30). Asked late (2025-10-05) it cannot; under ``ignored`` an approval after 2025-09-30 (the earliest it
    can now come, as_of 2025-10-10) does not count either. The 3 months alone run: OVERDUE."""
    found = _accounts(
        {"requested": requested, "approved": "2025-10-20", "months": 2}, date(2025, 10, 10), **options
    )
    assert (found.status, found.due) == ("overdue", date(2025, 9, 30))
    assert "not yet approved" not in found.note_en


# kills art27_acceptance.py:578 core/ReplaceComparisonOperator_Is_NotEq #15
# kills art27_acceptance.py:578 core/ReplaceComparisonOperator_Is_Lt #15
# kills art27_acceptance.py:578 core/ReplaceComparisonOperator_Is_Gt #15
# kills art27_acceptance.py:578 core/ReplaceComparisonOperator_Is_GtE #15
# kills art27_acceptance.py:578 core/ReplaceComparisonOperator_Is_IsNot #30
def test_an_ignored_late_extension_gives_the_reason_of_its_reading() -> None:
    """D28 ``ignored``: a late approval is ignored whatever the request; the default ignores it because the request
    came late too (2025-10-05, after the due date 2025-09-30)."""
    ignored = _accounts({"approved": "2025-10-10", "months": 2}, late_extension="ignored")
    assert (ignored.status, ignored.due) == ("overdue", date(2025, 9, 30))
    assert "came after the due date 2025-09-30: ignored (D28)" in ignored.note_en
    requested_late = _accounts({"requested": "2025-10-05", "approved": "2025-10-10", "months": 2})
    assert (requested_late.status, requested_late.due) == ("overdue", date(2025, 9, 30))
    assert "it was requested on 2025-10-05, also late: ignored (D28)" in requested_late.note_en


# kills art27_acceptance.py:582 core/ReplaceComparisonOperator_Is_GtE #16
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_Sub #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_Mul #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_Div #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_FloorDiv #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_Mod #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_Pow #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_RShift #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_LShift #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_BitOr #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_BitAnd #2
# kills art27_acceptance.py:662 core/ReplaceBinaryOperator_Add_BitXor #2
def test_a_late_approval_requested_in_time_counts_for_that_reason_and_gives_five_months() -> None:
    """D28 default: approved 2025-10-10 (late) on a request of 2025-09-20 (in time): counted because it was asked
    in time; D37 default: 3 + 2 = 5 months from the pass, due 2025-11-30 → Monday 2025-12-01 (民法典 203)."""
    found = _accounts({"requested": "2025-09-20", "approved": "2025-10-10", "months": 2})
    assert (found.status, found.due) == ("overdue", date(2025, 12, 1))
    assert (
        "(after the due date 2025-09-30, but requested in time on 2025-09-20: counted, D28)" in found.note_en
    )
    assert "; 5 months in all from the pass (D37)" in found.note_en


# kills art27_acceptance.py:626 core/ReplaceOrWithAnd #6
def test_an_extension_on_file_before_the_pass_is_known_does_not_start_the_accounts() -> None:
    """竣工验收合格后: on 2025-06-01 the pass of 2025-06-30 has not happened, so para. 4 has not started, whatever
    extension the file records."""
    found = _accounts({"approved": "2025-09-10", "months": 2}, date(2025, 6, 1))
    assert found.status == "not_applicable"
    assert found.checks == ()


# kills art27_acceptance.py:674 core/ReplaceComparisonOperator_LtE_Eq #3
# kills art27_acceptance.py:674 core/ReplaceComparisonOperator_LtE_Lt #3
# kills art27_acceptance.py:674 core/ReplaceComparisonOperator_LtE_Is #3
@pytest.mark.parametrize("as_of", [date(2026, 12, 30), date(2026, 12, 31)])
def test_d37_option_from_the_original_end_the_extended_period_runs_with_its_earliest_end(as_of: date) -> None:
    """Passed 2026-09-30: the original 3 months end on 2026-12-30; D37 ``after_original_period``: 2 more months end
    no earlier than 2027-02-28 (the exact day needs 2027's calendar, D12). From the original end on, the accounts
    are judged against that day: PENDING."""
    found = finding(
        "art27.final_accounts",
        as_of=as_of,
        interpretation=AFTER_ORIGINAL,
        acceptance={
            "passed": "2026-09-30",
            "final_accounts_extension": {"approved": "2026-12-10", "months": 2},
        },
    )
    assert (found.status, found.due, found.missing) == ("pending", None, ())
    submitted = found.checks[-1]
    assert (submitted.fact, submitted.required, submitted.actual) == (
        "acceptance.final_accounts_submitted",
        date(2027, 2, 28),
        None,
    )


def test_accounts_submitted_before_the_earliest_original_due_day_are_met_whatever_the_extension() -> None:
    """Art. 27(4): 3 months from the pass of 2026-11-15 end no earlier than 2027-02-15 (D12), and an extension only
    lengthens them (D7, D37). Submitted on 2027-02-10, the accounts were in time under every reading, so whether the
    late approval of 2027-02-20 counts (D28, needing 2027's calendar) does not matter: MET, nothing missing.
    UNDETERMINED (calendar:2027) before the fix of 2026-12-07; a blind reading of the clause agreed (met)."""
    found = finding(
        "art27.final_accounts",
        as_of=date(2027, 3, 1),
        acceptance={
            "passed": "2026-11-15",
            "final_accounts_submitted": "2027-02-10",
            "final_accounts_extension": {"approved": "2027-02-20", "months": 2},
        },
    )
    assert (found.status, found.missing) == ("met", ())


# kills art27_acceptance.py:552 core/ReplaceComparisonOperator_LtE_NotEq #3 (mutation run 11)
# kills art27_acceptance.py:552 core/ReplaceComparisonOperator_LtE_Lt #3
# kills art27_acceptance.py:552 core/ReplaceComparisonOperator_LtE_IsNot #3
@pytest.mark.parametrize(
    ("submitted", "status", "missing"),
    [("2027-02-15", "met", ()), ("2027-02-16", "undetermined", ("calendar:2027",))],
)
def test_accounts_submitted_on_the_earliest_original_due_day_are_met_and_a_day_later_need_the_year(
    submitted: str, status: str, missing: tuple[str, ...]
) -> None:
    """Art. 27(4), boundary pair: the 3 months from the pass of 2026-11-15 end no earlier than 2027-02-15 (D12; the
    exact day needs 2027's calendar). Accounts submitted on that earliest day are in time whatever the day really is
    and whatever the late extension (approved 2027-02-20) — MET; a day later, whether they were in time depends on
    2027's holidays and on whether the extension counts (D28) — UNDETERMINED, naming 2027."""
    found = finding(
        "art27.final_accounts",
        as_of=date(2027, 3, 1),
        acceptance={
            "passed": "2026-11-15",
            "final_accounts_submitted": submitted,
            "final_accounts_extension": {"approved": "2027-02-20", "months": 2},
        },
    )
    assert (found.status, found.missing) == (status, missing)
    if status == "undetermined":  # why, in each language: the extension's count cannot be told (D28)
        assert "how the approved extension counts" in found.note_en
        assert "无法判断区财政局批准的延长如何计算" in found.note_zh
        assert "no official working-day arrangement" not in found.note_zh


# kills art27_acceptance.py:515 core/ReplaceComparisonOperator_LtE_NotEq #0 (mutation run 11)
# kills art27_acceptance.py:515 core/ReplaceComparisonOperator_LtE_Lt #0
def test_an_explanation_on_the_earliest_day_a_due_date_beyond_the_calendar_can_fall_is_met() -> None:
    """Art. 27(3): completed 2026-09-15, the 6 months of para. 1 end no earlier than 2027-03-15 (D12). Assessed on
    that day with acceptance still pending, an explanation given that same day was given by any due date the
    missing year's holidays can make: MET, with no exact due date."""
    found = finding(
        "art27.delay_explanation",
        as_of=date(2027, 3, 15),
        acceptance={"completed": "2026-09-15", "delay_explanation": "2027-03-15"},
    )
    assert (found.status, found.due) == ("met", None)
    assert found.checks[1].required == date(2027, 3, 15)
