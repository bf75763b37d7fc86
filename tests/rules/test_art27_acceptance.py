"""Art. 27: acceptance within 6 months (D16), the filing, the 等保/密评 bar, the delay explanation, final accounts (D7)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy.engine import CheckRole, Finding, Status, evaluate, tables
from tinghu_policy.facts import Acceptance
from tinghu_policy.interpretation import (
    AcceptanceFilingPeriod,
    ClassifiedAcceptance,
    CompletionTrigger,
    ExtensionCounting,
    FinalAccountsCap,
    Interpretation,
    LateExtension,
)
from tinghu_policy.periods import is_working_day
from tinghu_policy.rules.art27_acceptance import CLASSIFIED_ACCEPTANCE, CLASSIFIED_ACCEPTANCE_TABLE

BASE: dict[str, Any] = {
    "id": "TH-T-27",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
    "category": "software_development",
}
FULL_FILING = {
    "summary": True,
    "financial_audit": True,
    "classified_protection_report": True,
    "cryptography_assessment_report": True,
    "to_development_reform": True,
    "to_data_bureau": True,
    "to_finance": True,
}


def find(rule: str, as_of: date, *, interpretation: Interpretation | None = None, **facts: Any) -> Finding:
    return evaluate({**BASE, **facts}, as_of=as_of, interpretation=interpretation).finding(rule)


def months_later(start: date, months: int) -> date:
    """民法典 201–203 worked independently of the library: corresponding day, month-end clamp, roll to a working day."""
    years, month0 = divmod(start.month - 1 + months, 12)
    year, month = start.year + years, month0 + 1
    day = date(year, month, min(start.day, monthrange(year, month)[1]))
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


# --- 第一款: acceptance within 6 months --------------------------------------------------------------------------

completions = st.dates(
    min_value=date(2024, 1, 1), max_value=date(2026, 3, 15)
)  # + 6 + 3 months stays in 2026


@settings(max_examples=120, deadline=None)
@given(completed=completions)
def test_acceptance_on_the_due_day_is_met_and_the_next_day_late(completed: date) -> None:
    due = months_later(completed, 6)
    met = find("art27.acceptance", date(2026, 12, 31), acceptance={"completed": completed, "passed": due})
    late = find(
        "art27.acceptance",
        date(2026, 12, 31),
        acceptance={"completed": completed, "passed": due + timedelta(days=1)},
    )
    assert (met.status, met.due) == (Status.MET, due)
    assert (late.status, late.due) == (Status.LATE, due)


def test_month_end_clamp_onto_a_make_up_saturday_does_not_roll() -> None:
    finding = find("art27.acceptance", date(2026, 3, 10), acceptance={"completed": "2025-08-31"})
    assert (finding.status, finding.due) == (Status.OVERDUE, date(2026, 2, 28))
    assert "调休上班日" in finding.explanation_zh


def test_a_failed_acceptance_does_not_discharge_the_duty() -> None:
    finding = find(
        "art27.acceptance",
        date(2025, 10, 20),
        acceptance={"completed": "2025-03-15", "failed": ["2025-09-01"]},
    )
    assert finding.status is Status.OVERDUE
    assert "2025-09-01 竣工验收不合格" in finding.note_zh


def test_an_acceptance_after_as_of_is_not_yet_known() -> None:
    finding = find(
        "art27.acceptance", date(2025, 9, 1), acceptance={"completed": "2025-03-15", "passed": "2025-09-10"}
    )
    assert (finding.status, finding.due) == (Status.PENDING, date(2025, 9, 15))


def test_no_completion_no_clock() -> None:
    finding = find("art27.acceptance", date(2025, 9, 1))
    assert finding.status is Status.NOT_APPLICABLE
    assert "项目建成" in finding.note_zh


@pytest.mark.parametrize(
    ("trial", "completed", "due"),
    [
        ("2025-06-30", "2025-08-15", date(2025, 12, 30)),  # trial earlier → trial start
        (
            "2025-09-01",
            "2025-08-15",
            date(2026, 2, 24),
        ),  # trial later → recorded completion (02-15 rolls to 02-24)
        ("2025-06-30", None, date(2025, 12, 30)),  # no recorded completion → trial start
    ],
)
def test_d16_trial_operation_option(trial: str, completed: str | None, due: date) -> None:
    option = Interpretation(completion_trigger=CompletionTrigger.TRIAL_OPERATION_START)
    finding = find(
        "art27.acceptance",
        date(2025, 11, 1),
        interpretation=option,
        operation={"trial_started": trial},
        acceptance={"completed": completed},
    )
    assert finding.due == due


def test_d16_default_ignores_the_trial_operation() -> None:
    finding = find(
        "art27.acceptance",
        date(2025, 11, 1),
        operation={"trial_started": "2025-06-30"},
        acceptance={"completed": "2025-08-15"},
    )
    assert finding.due == date(2026, 2, 24)


def test_d13_a_completion_before_the_effective_date_is_out_of_reach() -> None:
    finding = find(
        "art27.acceptance",
        date(2025, 11, 1),
        interpretation=Interpretation(effective_date=date(2025, 1, 1)),
        acceptance={"completed": "2024-12-31"},
    )
    assert finding.status is Status.NOT_APPLICABLE
    assert "D13" in finding.note_zh


def test_classified_project_leaves_paragraphs_1_to_3_but_not_4() -> None:
    facts = {
        "classified": True,
        "acceptance": {"completed": "2025-01-10", "applied": "2025-05-01", "passed": "2025-05-20"},
    }
    report = evaluate({**BASE, **facts}, as_of=date(2025, 9, 1))
    for rule in (
        "art27.acceptance",
        "art27.acceptance_filing",
        "art27.acceptance_filing_set",
        "art27.security_results_bar",
        "art27.delay_explanation",
    ):
        assert report.finding(rule).status is Status.NOT_APPLICABLE, rule
    assert report.finding("art27.final_accounts").status is Status.OVERDUE


# --- 第一款: the filing --------------------------------------------------------------------------------------------


def test_filing_is_due_with_the_acceptance() -> None:
    finding = find(
        "art27.acceptance_filing",
        date(2025, 10, 20),
        acceptance={"completed": "2025-04-01", "passed": "2025-09-01", "filing": {"filed": "2025-10-10"}},
    )
    assert (finding.status, finding.due) == (Status.LATE, date(2025, 10, 9))


def test_filing_set_holds_when_complete() -> None:
    finding = find(
        "art27.acceptance_filing_set",
        date(2025, 10, 20),
        acceptance={"completed": "2025-04-01", "filing": {"filed": "2025-09-30", **FULL_FILING}},
    )
    assert finding.status is Status.HOLDS


@pytest.mark.parametrize("missing", sorted(FULL_FILING))
def test_filing_set_names_each_missing_part(missing: str) -> None:
    filing = {"filed": "2025-09-30", **FULL_FILING, missing: False}
    finding = find(
        "art27.acceptance_filing_set",
        date(2025, 10, 20),
        acceptance={"completed": "2025-04-01", "filing": filing},
    )
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == [f"acceptance.filing.{missing}"]


@pytest.mark.parametrize("field", ["classified_protection", "cryptography_assessment"])
def test_filing_set_does_not_ask_for_a_report_not_required(field: str) -> None:
    report = f"{field}_report"
    finding = find(
        "art27.acceptance_filing_set",
        date(2025, 10, 20),
        acceptance={
            "completed": "2025-04-01",
            field: assessment("not_required"),
            "filing": {"filed": "2025-09-30", **FULL_FILING, report: False},
        },
    )
    assert finding.status is Status.HOLDS
    assert f"acceptance.filing.{report}" not in [c.fact for c in finding.checks]
    assert "无需进行" in finding.note_zh


def test_filing_set_still_asks_for_the_report_of_a_test_not_held() -> None:
    finding = find(
        "art27.acceptance_filing_set",
        date(2025, 10, 20),
        acceptance={
            "completed": "2025-04-01",
            "classified_protection": assessment("not_held"),
            "filing": {"filed": "2025-09-30", **FULL_FILING, "classified_protection_report": False},
        },
    )
    assert finding.status is Status.FAILS


def test_filing_set_waits_for_the_filing() -> None:
    finding = find("art27.acceptance_filing_set", date(2025, 10, 20), acceptance={"completed": "2025-04-01"})
    assert finding.status is Status.NOT_APPLICABLE


# --- 第二款: the 等保/密评 bar ----------------------------------------------------------------------------------------


def assessment(result: str | None, day: str = "2025-08-20") -> dict[str, str] | None:
    """An Assessment: held with ``result`` on ``day``, or not held / not required (no day), or None (not known)."""
    if result is None:
        return None
    if result == "not_required":
        return {"result": result, "reason": "等保第二级系统，无需密评"}
    if result == "not_held":
        return {"result": result}
    return {"result": result, "day": day}


@pytest.mark.parametrize(
    ("protection", "cryptography", "status"),
    [
        ("passed", "passed", Status.HOLDS),
        ("failed", "passed", Status.FAILS),
        ("passed", "failed", Status.FAILS),
        ("failed", "failed", Status.FAILS),
        ("passed", None, Status.UNDETERMINED),
        (None, "failed", Status.FAILS),
        ("passed", "not_required", Status.HOLDS),  # left out of the bar, with a note
        ("not_held", "passed", Status.HOLDS),  # not held is not a failed result
    ],
)
def test_security_results_bar(protection: str | None, cryptography: str | None, status: Status) -> None:
    finding = find(
        "art27.security_results_bar",
        date(2025, 9, 10),
        acceptance={
            "completed": "2025-05-10",
            "applied": "2025-09-01",
            "classified_protection": assessment(protection),
            "cryptography_assessment": assessment(cryptography),
        },
    )
    assert finding.status is status
    if status is Status.UNDETERMINED:
        assert finding.missing == ("acceptance.cryptography_assessment.result",)


def test_security_results_bar_leaves_out_a_test_not_required_and_says_why() -> None:
    finding = find(
        "art27.security_results_bar",
        date(2025, 9, 10),
        acceptance={
            "completed": "2025-05-10",
            "applied": "2025-09-01",
            "classified_protection": assessment("passed"),
            "cryptography_assessment": assessment("not_required"),
        },
    )
    assert [c.fact for c in finding.checks] == ["acceptance.classified_protection.result"]
    assert "无需进行（等保第二级系统，无需密评）" in finding.note_zh


def test_security_results_bar_shows_a_test_not_held_as_context() -> None:
    finding = find(
        "art27.security_results_bar",
        date(2025, 9, 10),
        acceptance={
            "completed": "2025-05-10",
            "applied": "2025-09-01",
            "classified_protection": assessment("not_held"),
            "cryptography_assessment": assessment("passed"),
        },
    )
    held = [c for c in finding.checks if c.fact == "acceptance.classified_protection.result"]
    assert [(c.role, c.actual) for c in held] == [(CheckRole.CONTEXT, "not_held")]
    assert "不属于“结果不合格”" in finding.note_zh


def test_security_results_bar_waits_for_an_application() -> None:
    finding = find(
        "art27.security_results_bar",
        date(2025, 9, 10),
        acceptance={
            "completed": "2025-05-10",
            "applied": "2025-09-20",
            "cryptography_assessment": assessment("failed"),
        },
    )
    assert finding.status is Status.NOT_APPLICABLE  # the application is after as_of


def test_security_results_bar_reads_a_concluded_acceptance_as_applied() -> None:
    finding = find(
        "art27.security_results_bar",
        date(2025, 9, 10),
        acceptance={
            "completed": "2025-05-10",
            "failed": ["2025-09-05"],
            "classified_protection": assessment("failed"),
            "cryptography_assessment": assessment("passed"),
        },
    )
    assert finding.status is Status.FAILS
    assert "视为已申请" in finding.note_zh


# --- 第三款: the delay explanation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "acceptance", "status"),
    [
        (date(2025, 10, 20), {"passed": "2025-09-15"}, Status.NOT_APPLICABLE),  # accepted on the due day
        (date(2025, 8, 1), {}, Status.NOT_APPLICABLE),  # still inside the window: not (yet) owed
        (date(2025, 9, 15), {}, Status.NOT_APPLICABLE),  # the due day itself: acceptance can still be on time
        (date(2025, 9, 16), {}, Status.OVERDUE),  # the day after: cannot be on time, and not explained
        (date(2025, 8, 1), {"delay_explanation": "2025-07-20"}, Status.MET),
        (date(2025, 10, 20), {"delay_explanation": "2025-09-15"}, Status.MET),
        (date(2025, 10, 20), {"delay_explanation": "2025-09-16"}, Status.LATE),
        (date(2025, 10, 20), {}, Status.OVERDUE),
        (date(2025, 10, 20), {"passed": "2025-09-16"}, Status.OVERDUE),  # accepted late, never explained
    ],
)
def test_delay_explanation(as_of: date, acceptance: dict[str, str], status: Status) -> None:
    finding = find("art27.delay_explanation", as_of, acceptance={"completed": "2025-03-15", **acceptance})
    assert finding.status is status
    if status is not Status.NOT_APPLICABLE:
        assert finding.due == date(2025, 9, 15)


def test_a_project_inside_its_window_does_not_owe_the_explanation_yet() -> None:
    """Point 22: the explanation is owed only by a unit that cannot accept on time, so open_obligations() of a
    project in its 6 months lists the acceptance and the filing, not the explanation; the note gives its day."""
    report = evaluate({**BASE, "acceptance": {"completed": "2026-01-20"}}, as_of=date(2026, 5, 1))
    assert [f.rule for f in report.open_obligations()] == ["art27.acceptance", "art27.acceptance_filing"]
    finding = report.finding("art27.delay_explanation")
    assert (finding.status, finding.due) == (Status.NOT_APPLICABLE, None)
    assert "应不晚于 2026-07-20 向区数据局提出延期验收说明" in finding.note_zh


def test_a_failed_acceptance_inside_the_window_does_not_yet_call_for_the_explanation() -> None:
    """整改后重新验收 may still be on time: a failed acceptance alone does not establish 不能按期验收."""
    acceptance = {"completed": "2025-03-15", "failed": ["2025-08-20"]}
    inside = find("art27.delay_explanation", date(2025, 9, 1), acceptance=acceptance)
    assert inside.status is Status.NOT_APPLICABLE
    after = find("art27.delay_explanation", date(2025, 9, 16), acceptance=acceptance)
    assert (after.status, after.due) == (Status.OVERDUE, date(2025, 9, 15))
    assert "2025-08-20 竣工验收不合格" in after.note_zh


@settings(max_examples=80, deadline=None)
@given(
    completed=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)), offset=st.integers(-40, 40)
)
def test_the_explanation_is_never_open_while_acceptance_can_still_be_on_time(
    completed: date, offset: int
) -> None:
    """Property: with nothing done, the explanation is NOT_APPLICABLE up to the acceptance due day and OVERDUE
    (due that day) from the next day on."""
    due = months_later(completed, 6)
    as_of = due + timedelta(days=offset)
    finding = find("art27.delay_explanation", as_of, acceptance={"completed": completed})
    if as_of <= due:
        assert finding.status is Status.NOT_APPLICABLE
    else:
        assert (finding.status, finding.due) == (Status.OVERDUE, due)


# --- 第四款: final accounts (D7) ---------------------------------------------------------------------------------------

passing_days = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 3, 20))


@settings(max_examples=120, deadline=None)
@given(passed=passing_days)
def test_final_accounts_three_months_boundary(passed: date) -> None:
    due = months_later(passed, 3)
    for submitted, status in ((due, Status.MET), (due + timedelta(days=1), Status.LATE)):
        finding = find(
            "art27.final_accounts",
            date(2026, 12, 31),
            acceptance={"passed": passed, "final_accounts_submitted": submitted},
        )
        assert (finding.status, finding.due) == (status, due)


@settings(max_examples=120, deadline=None)
@given(
    passed=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 2, 20)),
    months=st.integers(1, 12),
    cap=st.sampled_from(FinalAccountsCap),
)
def test_final_accounts_extension_under_both_d7_readings(
    passed: date, months: int, cap: FinalAccountsCap
) -> None:
    """Due = 3 + n months from passing, n capped at 6 (default) or at 3 (total at most 6 months)."""
    most = 9 if cap is FinalAccountsCap.EXTENSION_AT_MOST_6_MONTHS else 6
    due = months_later(passed, min(3 + months, most))
    finding = find(
        "art27.final_accounts",
        date(2026, 12, 31),
        interpretation=Interpretation(final_accounts_cap=cap),
        acceptance={"passed": passed, "final_accounts_extension": {"approved": passed, "months": months}},
    )
    assert (finding.status, finding.due) == (Status.OVERDUE, due)
    assert "D7" in finding.note_zh


@pytest.mark.parametrize(
    ("approved", "due"),
    [
        ("2025-07-29", date(2026, 1, 29)),
        ("2025-07-30", date(2025, 7, 29)),
    ],  # on the 3-month due day / the day after
)
def test_an_extension_counts_only_if_approved_within_the_three_months(approved: str, due: date) -> None:
    finding = find(
        "art27.final_accounts",
        date(2025, 12, 1),
        acceptance={
            "passed": "2025-04-29",
            "final_accounts_extension": {"approved": approved, "months": 6},
        },
    )
    assert finding.due == due


def test_an_extension_approved_after_as_of_is_not_yet_known() -> None:
    finding = find(
        "art27.final_accounts",
        date(2025, 7, 1),
        acceptance={
            "passed": "2025-04-29",
            "final_accounts_extension": {"approved": "2025-07-10", "months": 6},
        },
    )
    assert finding.due == date(2025, 7, 29)


def test_final_accounts_wait_for_acceptance() -> None:
    assert find("art27.final_accounts", date(2025, 7, 1), acceptance={"completed": "2025-01-01"}).status is (
        Status.NOT_APPLICABLE
    )


# --- the facts model ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "facts",
    [
        {"completed": "2025-05-01", "passed": "2025-04-30"},
        {"passed": "2025-05-01", "final_accounts_submitted": "2025-04-30"},
        {"passed": "2025-05-01", "final_accounts_extension": {"approved": "2025-04-30", "months": 3}},
        {"passed": "2025-05-01", "failed": ["2025-05-02"]},
        {"passed": "2025-05-01", "failed": ["2025-05-01"]},
        {"failed": ["2025-05-02", "2025-05-01"]},
        {"failed": ["2025-05-01", "2025-05-01"]},
    ],
)
def test_acceptance_refuses_impossible_order(facts: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Acceptance.model_validate(facts)


def test_failed_acceptances_may_precede_the_one_that_passed() -> None:
    """整改后重新验收: failed twice, then passed — met if the passing one is on time."""
    acceptance = {"completed": "2025-03-15", "failed": ["2025-06-02", "2025-08-01"], "passed": "2025-09-01"}
    assert Acceptance.model_validate(acceptance).failed == (date(2025, 6, 2), date(2025, 8, 1))
    finding = find("art27.acceptance", date(2025, 10, 20), acceptance=acceptance)
    assert (finding.status, finding.due) == (Status.MET, date(2025, 9, 15))


@pytest.mark.parametrize(
    "facts",
    [
        {"result": "passed"},
        {"result": "passed", "day": "2025-08-20"},
        {"day": "2025-08-20"},
        {"result": "failed", "day": "2025-08-20"},
        {"result": "not_held"},
        {"result": "not_required", "reason": "等保第二级系统，无需密评"},
    ],
)
def test_an_assessment_takes_each_valid_shape(facts: dict[str, str]) -> None:
    assert Acceptance.model_validate({"cryptography_assessment": facts}).cryptography_assessment is not None


@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"result": "not_held", "day": "2025-08-20"},
        {"result": "not_required", "reason": "无需", "day": "2025-08-20"},
        {"result": "not_required"},
        {"result": "passed", "day": "2025-08-20", "reason": "无需"},
    ],
)
def test_an_assessment_refuses_an_inconsistent_shape(facts: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Acceptance.model_validate({"cryptography_assessment": facts})


# --- D26, D27, D28 ----------------------------------------------------------------------------------------------


def test_d26_option_takes_paragraph_4_out_for_a_classified_project_only() -> None:
    option = Interpretation(classified_acceptance=ClassifiedAcceptance.PARAS_1_TO_4)
    acceptance = {"completed": "2025-01-10", "applied": "2025-05-01", "passed": "2025-05-20"}
    classified = find(
        "art27.final_accounts",
        date(2025, 9, 1),
        interpretation=option,
        classified=True,
        acceptance=acceptance,
    )
    assert classified.status is Status.NOT_APPLICABLE
    assert "D26" in classified.note_zh
    unclassified = find(
        "art27.final_accounts", date(2025, 9, 1), interpretation=option, acceptance=acceptance
    )
    assert (unclassified.status, unclassified.due) == (Status.OVERDUE, date(2025, 8, 20))


NO_PERIOD = Interpretation(acceptance_filing_period=AcceptanceFilingPeriod.NO_PERIOD)


@pytest.mark.parametrize(
    ("acceptance", "status"),
    [
        (
            {"completed": "2025-04-01", "passed": "2025-09-01", "filing": {"filed": "2025-10-10"}},
            Status.HOLDS,
        ),
        ({"completed": "2025-04-01", "passed": "2025-09-01"}, Status.PENDING),  # never overdue: no period
        ({"completed": "2025-04-01"}, Status.NOT_APPLICABLE),  # nothing accepted, nothing to file
        ({"completed": "2025-04-01", "filing": {"filed": "2025-08-01"}}, Status.HOLDS),  # filed ahead: done
    ],
)
def test_d27_no_period_the_filing_has_no_due_date(acceptance: dict[str, Any], status: Status) -> None:
    finding = find(
        "art27.acceptance_filing", date(2026, 6, 30), interpretation=NO_PERIOD, acceptance=acceptance
    )
    assert (finding.status, finding.due) == (status, None)
    default = find("art27.acceptance_filing", date(2026, 6, 30), acceptance=acceptance)
    assert default.due == date(
        2025, 10, 9
    )  # 2025-04-01 + 6 months → Wed 2025-10-01, National Day → Thu 10-09


@pytest.mark.parametrize(
    ("approved", "ignored", "counted"),
    [
        ("2025-07-29", date(2026, 1, 29), date(2026, 1, 29)),  # on the 3-month due day: counts under both
        ("2025-07-30", date(2025, 7, 29), date(2026, 1, 29)),  # the day after: counted only with the option
    ],
)
def test_d28_a_late_extension_counts_only_under_the_option(
    approved: str, ignored: date, counted: date
) -> None:
    acceptance = {"passed": "2025-04-29", "final_accounts_extension": {"approved": approved, "months": 6}}
    assert find("art27.final_accounts", date(2025, 12, 1), acceptance=acceptance).due == ignored
    option = Interpretation(late_extension=LateExtension.COUNTED)
    finding = find("art27.final_accounts", date(2025, 12, 1), interpretation=option, acceptance=acceptance)
    assert finding.due == counted


def test_d28_a_late_extension_is_still_capped_by_d7() -> None:
    acceptance = {"passed": "2025-04-29", "final_accounts_extension": {"approved": "2025-09-01", "months": 6}}
    option = Interpretation(
        late_extension=LateExtension.COUNTED, final_accounts_cap=FinalAccountsCap.TOTAL_AT_MOST_6_MONTHS
    )
    finding = find("art27.final_accounts", date(2025, 12, 1), interpretation=option, acceptance=acceptance)
    assert finding.due == date(2025, 10, 29)  # 6 months in all: 2025-04-29 → Wed 2025-10-29
    assert "D28" in finding.note_zh


# --- D28 requested in time, D37 counting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        ("2025-07-29", date(2026, 1, 29)),  # asked on the 3-month due day, approved late: counts (default)
        ("2025-07-30", date(2025, 7, 29)),  # asked the day after: the late approval does not count
        (None, date(2025, 7, 29)),  # no request date: as ignored
    ],
)
def test_d28_default_counts_a_late_approval_of_a_request_made_in_time(
    requested: str | None, due: date
) -> None:
    extension = {"requested": requested, "approved": "2025-08-15", "months": 6}
    finding = find(
        "art27.final_accounts",
        date(2025, 12, 1),
        acceptance={"passed": "2025-04-29", "final_accounts_extension": extension},
    )
    assert finding.due == due
    assert "D28" in finding.note_zh


def test_d28_ignored_option_looks_at_the_approval_only() -> None:
    extension = {"requested": "2025-07-01", "approved": "2025-08-15", "months": 6}
    option = Interpretation(late_extension=LateExtension.IGNORED)
    finding = find(
        "art27.final_accounts",
        date(2025, 12, 1),
        interpretation=option,
        acceptance={"passed": "2025-04-29", "final_accounts_extension": extension},
    )
    assert finding.due == date(2025, 7, 29)


def test_d28_a_request_in_time_not_yet_approved_extends_nothing_yet() -> None:
    extension = {"requested": "2025-07-20", "approved": "2025-08-15", "months": 6}
    before = find(
        "art27.final_accounts",
        date(2025, 8, 1),
        acceptance={"passed": "2025-04-29", "final_accounts_extension": extension},
    )
    assert (before.status, before.due) == (Status.OVERDUE, date(2025, 7, 29))
    assert "尚未批准" in before.note_zh
    after = find(
        "art27.final_accounts",
        date(2025, 8, 20),
        acceptance={"passed": "2025-04-29", "final_accounts_extension": extension},
    )
    assert (after.status, after.due) == (Status.PENDING, date(2026, 1, 29))


AFTER_ORIGINAL = Interpretation(extension_counting=ExtensionCounting.AFTER_ORIGINAL_PERIOD)


def test_d37_the_reviewers_example() -> None:
    """Passed Sun 2025-11-30, 2 months' extension: 3 + 2 months → Thu 2026-04-30 (default); the original 3 months
    end on Sat 2026-02-28 (a make-up working day), + 2 months → Tue 2026-04-28 (option)."""
    acceptance = {"passed": "2025-11-30", "final_accounts_extension": {"approved": "2026-01-10", "months": 2}}
    default = find("art27.final_accounts", date(2026, 3, 1), acceptance=acceptance)
    option = find(
        "art27.final_accounts", date(2026, 3, 1), interpretation=AFTER_ORIGINAL, acceptance=acceptance
    )
    assert (default.due, option.due) == (date(2026, 4, 30), date(2026, 4, 28))
    assert "D37" in default.note_zh
    assert "原期限 2026-02-28 届满后再计2个月（D37）" in option.note_zh
    assert "起算：2025-11-30 竣工验收合格" in option.explanation_zh  # the clock's fact is still the pass


@settings(max_examples=120, deadline=None)
@given(
    passed=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 2, 20)),
    months=st.integers(1, 12),
    cap=st.sampled_from(FinalAccountsCap),
)
def test_d37_both_readings_within_the_d7_cap(passed: date, months: int, cap: FinalAccountsCap) -> None:
    """Default: 3 + n months from passing; option: n months from the (rolled) end of the 3 months; n capped by D7."""
    allowed = min(months, (9 if cap is FinalAccountsCap.EXTENSION_AT_MOST_6_MONTHS else 6) - 3)
    acceptance = {"passed": passed, "final_accounts_extension": {"approved": passed, "months": months}}
    default = find(
        "art27.final_accounts",
        date(2026, 12, 31),
        interpretation=Interpretation(final_accounts_cap=cap),
        acceptance=acceptance,
    )
    option = find(
        "art27.final_accounts",
        date(2026, 12, 31),
        interpretation=Interpretation(
            final_accounts_cap=cap, extension_counting=ExtensionCounting.AFTER_ORIGINAL_PERIOD
        ),
        acceptance=acceptance,
    )
    assert default.due == months_later(passed, 3 + allowed)
    assert option.due == months_later(months_later(passed, 3), allowed)


# --- an acceptance that must not pass (art. 27(2), art. 28(2)) ---------------------------------------------------

BARRED = {
    "completed": "2025-08-15",
    "applied": "2025-10-15",
    "classified_protection": {"result": "failed", "day": "2025-09-30"},
    "cryptography_assessment": {"result": "passed", "day": "2025-09-30"},
    "archive_acceptance": {"result": "passed", "day": "2025-11-10"},
    "passed": "2025-11-20",
}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [(date(2026, 2, 24), Status.PENDING), (date(2026, 2, 25), Status.OVERDUE)],  # due Tue 2026-02-24
)
def test_a_pass_after_a_barred_application_does_not_discharge_paragraph_1(
    as_of: date, status: Status
) -> None:
    finding = find("art27.acceptance", as_of, acceptance=BARRED)
    assert (finding.status, finding.due) == (status, date(2026, 2, 24))
    assert "不能视为已依本款组织竣工验收" in finding.note_zh
    shown = {(c.fact, c.role) for c in finding.checks}
    assert ("acceptance.passed", CheckRole.CONTEXT) in shown
    assert ("acceptance.classified_protection.result", CheckRole.CONTEXT) in shown


@pytest.mark.parametrize(
    ("archive", "barred"),
    [
        ({"result": "failed", "day": "2025-11-10"}, True),
        ({"result": "not_held"}, True),
        ({"result": "passed", "day": "2025-11-21"}, True),  # the day after the pass
        ({"result": "passed", "day": "2025-11-20"}, False),  # the same day: art. 28's own finding (D17)
        ({"day": "2025-11-10"}, False),  # held, result not stated: not known to bar
        (None, False),  # not known
    ],
)
def test_an_archive_acceptance_that_bars_the_pass(archive: dict[str, str] | None, barred: bool) -> None:
    acceptance = {
        **BARRED,
        "classified_protection": {"result": "passed", "day": "2025-09-30"},
        "archive_acceptance": archive,
    }
    finding = find("art27.acceptance", date(2026, 5, 29), acceptance=acceptance)
    assert finding.status is (Status.OVERDUE if barred else Status.MET)


@pytest.mark.parametrize("result", ["not_held", "not_required", None])
def test_a_security_test_not_held_not_required_or_not_known_does_not_undo_the_pass(
    result: str | None,
) -> None:
    acceptance = {**BARRED, "classified_protection": assessment(result)}
    assert find("art27.acceptance", date(2026, 5, 29), acceptance=acceptance).status is Status.MET


def test_a_failed_result_on_an_application_before_the_effective_date_bars_nothing() -> None:
    """D13: art. 27(2) does not reach an application before the effective date, so the pass after it (from which
    the final accounts run) is not called barred; a failure on a reached application is."""
    effective = Interpretation(effective_date=date(2025, 8, 1))
    acceptance = {**BARRED, "completed": "2025-07-30", "applied": "2025-07-31"}
    before = find("art27.final_accounts", date(2026, 5, 29), interpretation=effective, acceptance=acceptance)
    assert before.due == date(2026, 2, 24)
    assert "依法不得作出" not in before.note_zh
    reached = {**acceptance, "applied": "2025-08-01"}
    after = find("art27.final_accounts", date(2026, 5, 29), interpretation=effective, acceptance=reached)
    assert "依法不得作出（网络安全等级保护测评结果不合格" in after.note_zh


def test_the_later_clocks_still_run_from_a_barred_pass_and_say_so() -> None:
    report = evaluate(
        {
            **BASE,
            "acceptance": {**BARRED, "final_accounts_submitted": "2026-02-24"},
            "operation": {"started": "2025-12-01"},
        },
        as_of=date(2026, 5, 29),
    )
    accounts = report.finding("art27.final_accounts")
    assert (accounts.status, accounts.due) == (Status.MET, date(2026, 2, 24))
    assert "但竣工财务决算期限仍自记录的合格之日起算" in accounts.note_zh
    evaluation = report.finding("art30.self_evaluation")
    assert (evaluation.status, evaluation.due) == (Status.PENDING, date(2026, 12, 1))
    assert "但自我评价期限仍以记录的合格之日为“通过验收”之日" in evaluation.note_zh
    explanation = report.finding("art27.delay_explanation")
    assert (explanation.status, explanation.due) == (Status.OVERDUE, date(2026, 2, 24))


def test_a_clean_pass_adds_nothing_to_the_later_clocks() -> None:
    clean = {**BARRED, "classified_protection": {"result": "passed", "day": "2025-09-30"}}
    accounts = find("art27.final_accounts", date(2026, 5, 29), acceptance=clean)
    assert "记录的合格之日" not in accounts.note_zh


# --- 第五款: the classified-acceptance table (D26) ---------------------------------------------------------------


def test_paragraph_5_is_a_table_the_rules_consult() -> None:
    assert CLASSIFIED_ACCEPTANCE_TABLE in tables()
    assert CLASSIFIED_ACCEPTANCE_TABLE.provision == "art27.p5"
    assert CLASSIFIED_ACCEPTANCE[ClassifiedAcceptance.PARAS_1_TO_3] == {"art27.p1", "art27.p2", "art27.p3"}
    assert CLASSIFIED_ACCEPTANCE[ClassifiedAcceptance.PARAS_1_TO_4] == {
        "art27.p1",
        "art27.p2",
        "art27.p3",
        "art27.p4",
    }
    finding = find(
        "art27.acceptance", date(2025, 9, 1), classified=True, acceptance={"completed": "2025-01-10"}
    )
    assert [(c.fact, c.provision, c.role) for c in finding.checks] == [
        ("classified", "art27.p5", CheckRole.CONTEXT)
    ]


@pytest.mark.parametrize(
    ("options", "approved", "status"),
    [
        (
            {},
            "2026-11-20",
            Status.PENDING,
        ),  # in time whatever 2027's holidays: 5 months, due no earlier than 04-15
        (
            {"late_extension": LateExtension.COUNTED},
            "2027-02-16",
            Status.PENDING,
        ),  # timeliness does not matter
        ({}, "2027-02-16", Status.UNDETERMINED),  # in time only if 2027-02-15 rolls over: needs 2027's notice
        ({"extension_counting": ExtensionCounting.AFTER_ORIGINAL_PERIOD}, "2026-11-20", Status.UNDETERMINED),
    ],
)
def test_an_extension_whose_original_due_date_is_beyond_the_calendar(
    options: dict[str, Any], approved: str, status: Status
) -> None:
    """D12: the 3 months after a pass of 2026-11-15 end in 2027; an extension is never silently dropped."""
    finding = find(
        "art27.final_accounts",
        date(2027, 3, 1),
        interpretation=Interpretation(**options),
        acceptance={"passed": "2026-11-15", "final_accounts_extension": {"approved": approved, "months": 2}},
    )
    assert finding.status is status
    if status is Status.PENDING:
        assert "按5个月计" in finding.note_zh
    else:
        assert finding.missing == ("calendar:2027",)


# --- clocks that end beyond the calendar data (D12) and D37's option before the original period ends ------------


def test_an_explanation_given_while_the_acceptance_due_date_is_beyond_the_calendar_is_met() -> None:
    """Completed 2026-09-15: the 6 months end no earlier than 2027-03-15, the exact day needing 2027's calendar.
    Art. 27(3) (module docstring: an explanation given before the due date is MET): given on 2026-11-20, before
    any day the due date can fall on, so MET whatever 2027's holidays; D12 gives no exact due date. PENDING
    before the fix; a blind reading agreed (met)."""
    finding = find(
        "art27.delay_explanation",
        date(2026, 12, 1),
        acceptance={"completed": "2026-09-15", "delay_explanation": "2026-11-20"},
    )
    assert (finding.status, finding.due, finding.missing) == (Status.MET, None, ())
    explained = [c for c in finding.checks if c.fact == "acceptance.delay_explanation"]
    assert [(c.actual, c.ok) for c in explained] == [(date(2026, 11, 20), True)]


BEYOND = {
    "passed": "2026-11-16",
    "final_accounts_extension": {"requested": "2026-12-10", "approved": "2027-01-05", "months": 2},
}
"""A pass whose 3 months end in 2027 (beyond the calendar data), an extension asked for on 2026-12-10 and approved
only after as_of (2026-12-20)."""


def test_an_extension_not_yet_approved_extends_nothing_when_the_3_months_end_beyond_the_calendar() -> None:
    """Art. 27(4) 需报区财政局批准: on 2026-12-20 the bureau has not approved the extension, so only the 3 months run;
    they end no earlier than 2027-02-16, so the accounts are not yet due: PENDING, no exact due date (D12)."""
    finding = find("art27.final_accounts", date(2026, 12, 20), acceptance=BEYOND)
    assert (finding.status, finding.due, finding.missing) == (Status.PENDING, None, ())
    assert [c.fact for c in finding.checks] == ["acceptance.passed", "acceptance.final_accounts_submitted"]
    assert finding.checks[1].actual is None
    assert "2027" in finding.note_zh


def test_a_request_in_time_not_yet_approved_is_noted_when_the_3_months_end_beyond_the_calendar() -> None:
    """D28 (default ``requested_in_time``; module docstring: an in-time request not yet answered extends nothing
    yet, and the note says so). Asked on 2026-12-10, before the earliest day the 3 months can end (2027-02-16). The note omitted it before
    the fix; a blind reading asked for exactly this sentence."""
    finding = find("art27.final_accounts", date(2026, 12, 20), acceptance=BEYOND)
    assert "2026-12-10" in finding.note_zh
    assert "not yet approved" in finding.note_en


def test_d37_option_the_accounts_are_pending_before_the_original_period_ends() -> None:
    """Passed 2026-01-15, 2 months' extension approved 2026-03-01, as_of 2026-03-10. Art. 27(4) 竣工验收合格后…编报:
    the duty runs from the pass; D37 ``after_original_period`` puts its end 2 months after the end of the original 3
    months (2026-04-15), on 2026-06-15: PENDING on 2026-03-10. NOT_APPLICABLE ("clock not started") before the fix;
    a blind reading agreed (pending, 2026-06-15)."""
    original = months_later(date(2026, 1, 15), 3)
    due = months_later(original, 2)
    assert (original, due) == (date(2026, 4, 15), date(2026, 6, 15))
    extension = {"requested": "2026-02-20", "approved": "2026-03-01", "months": 2}
    finding = find(
        "art27.final_accounts",
        date(2026, 3, 10),
        interpretation=AFTER_ORIGINAL,
        acceptance={"passed": "2026-01-15", "final_accounts_extension": extension},
    )
    assert (finding.status, finding.due) == (Status.PENDING, due)
    submitted = [c for c in finding.checks if c.fact == "acceptance.final_accounts_submitted"]
    assert [(c.required, c.actual) for c in submitted] == [(due, None)]


def test_d37_option_an_extended_end_beyond_the_calendar_is_not_yet_due_before_the_original_end() -> None:
    """Passed 2026-08-20: the original 3 months end on 2026-11-20; 2 more months (D37 ``after_original_period``)
    end in January 2027, beyond the calendar data. On 2026-11-01 the accounts are owed but not due whatever 2027's
    holidays (D12: the answer that does not depend on the missing year): PENDING, no due date."""
    extension = {"requested": "2026-10-10", "approved": "2026-10-20", "months": 2}
    finding = find(
        "art27.final_accounts",
        date(2026, 11, 1),
        interpretation=AFTER_ORIGINAL,
        acceptance={"passed": "2026-08-20", "final_accounts_extension": extension},
    )
    assert (finding.status, finding.due, finding.missing) == (Status.PENDING, None, ())
    submitted = [c for c in finding.checks if c.fact == "acceptance.final_accounts_submitted"]
    assert [(c.required, c.actual) for c in submitted] == [(date(2026, 11, 20), None)]
    assert "2027" in finding.note_zh
