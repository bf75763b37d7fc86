"""Art. 27: acceptance within 6 months (D16), the filing, the 等保/密评 bar, the delay explanation, final accounts (D7)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy.engine import CheckRole, Finding, Status, evaluate
from tinghu_policy.facts import Acceptance
from tinghu_policy.interpretation import (
    AcceptanceFilingPeriod,
    ClassifiedAcceptance,
    CompletionTrigger,
    FinalAccountsCap,
    Interpretation,
    LateExtension,
)
from tinghu_policy.periods import is_working_day

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
        (date(2025, 8, 1), {}, Status.PENDING),
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
