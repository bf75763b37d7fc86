"""Art. 23: a performance report before the end of each year of implementation (D6), its copies and content."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import Implementation
from tinghu_policy.interpretation import (
    AnnualReportReach,
    ImplementationStart,
    Interpretation,
    PerformanceReportYears,
)

BASE: dict[str, Any] = {
    "id": "TH-T-23",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}
RULE = "art23.performance_report"
FULL = {
    "copied_to_data_bureau": True,
    "copied_to_development_reform": True,
    "filed_on_platform": True,
    "covers_progress_and_funds": True,
}


def run(
    as_of: date,
    *,
    interpretation: Interpretation | None = None,
    completed: str | None = None,
    trial_started: str | None = None,
    **implementation: Any,
) -> Report:
    facts = {
        **BASE,
        "implementation": implementation,
        "acceptance": {"completed": completed},
        "operation": {"trial_started": trial_started},
    }
    return evaluate(facts, as_of=as_of, interpretation=interpretation)


def subjects(report: Report, rule: str = RULE) -> list[str | None]:
    return [f.subject for f in report.findings if f.rule == rule]


def test_one_finding_per_year_from_works_start_to_as_of() -> None:
    report = run(date(2026, 3, 1), works_started="2024-11-04")
    assert subjects(report) == ["2024", "2025", "2026"]
    assert [report.finding(RULE, y).status for y in ("2024", "2025", "2026")] == [
        Status.OVERDUE,
        Status.OVERDUE,
        Status.PENDING,
    ]


def test_the_years_end_with_completion() -> None:
    report = run(date(2026, 3, 1), works_started="2024-06-03", completed="2025-04-30")
    assert subjects(report) == ["2024", "2025"]


def test_not_applicable_before_works_start() -> None:
    report = run(date(2025, 9, 30), works_started="2025-10-09")
    assert [(f.subject, f.status) for f in report.findings if f.rule == RULE] == [
        (None, Status.NOT_APPLICABLE)
    ]


@settings(max_examples=120, deadline=None)
@given(year=st.integers(min_value=2005, max_value=2025), offset=st.integers(min_value=-40, max_value=40))
def test_due_on_31_december_without_rollover(year: int, offset: int) -> None:
    submitted = date(year, 12, 31) + timedelta(days=offset)
    report = run(
        date(year + 1, 3, 1),
        works_started=f"{year}-01-10",
        completed=f"{year}-06-30",
        performance_reports=[{"year": year, "submitted_to_finance": submitted.isoformat(), **FULL}],
    )
    finding = report.finding(RULE, str(year))
    assert finding.due == date(year, 12, 31)
    assert finding.status is (Status.MET if offset <= 0 else Status.LATE)


@pytest.mark.parametrize(
    ("year", "rolled_due"),
    [
        (2023, date(2024, 1, 2)),  # Sun 12-31, New Year holiday 12-30…01-01 → Tue 01-02
        (2016, date(2017, 1, 3)),  # Sat 12-31; 01-01 New Year's Day, 01-02 in lieu → Tue 01-03
        (2011, date(2011, 12, 31)),  # Sat 12-31 is a make-up working day: never rolled
        (2025, date(2025, 12, 31)),  # Wed: a working day
    ],
)
def test_year_end_rollover_option(year: int, rolled_due: date) -> None:
    def due(rollover: bool) -> date | None:
        report = run(
            date(year + 1, 2, 1),
            interpretation=Interpretation(year_end_rollover=rollover),
            works_started=f"{year}-03-01",
            completed=f"{year}-09-30",
        )
        return report.finding(RULE, str(year)).due

    assert due(False) == date(year, 12, 31)
    assert due(True) == rolled_due


def test_distribution_and_content_wait_for_the_report() -> None:
    report = run(date(2025, 11, 30), works_started="2025-03-10")
    assert report.finding("art23.report_distribution", "2025").status is Status.NOT_APPLICABLE
    assert report.finding("art23.report_content", "2025").status is Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    "missing", ["copied_to_data_bureau", "copied_to_development_reform", "filed_on_platform"]
)
def test_each_copy_and_the_platform_are_required(missing: str) -> None:
    reports = [{"year": 2025, "submitted_to_finance": "2025-12-19", **FULL, missing: False}]
    finding = run(date(2026, 1, 15), works_started="2025-03-10", performance_reports=reports).finding(
        "art23.report_distribution", "2025"
    )
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == [
        f"implementation.performance_reports[0].{missing}"
    ]


@pytest.mark.parametrize(
    ("trial", "required"),
    [
        ("2025-09-01", True),  # in trial when the report was made
        ("2025-12-19", True),  # trial started on the day of the report
        ("2025-12-20", False),  # after the report
        ("2026-01-05", False),  # the next year
        (None, False),
    ],
)
def test_trial_results_required_once_in_trial_when_the_report_is_made(
    trial: str | None, required: bool
) -> None:
    reports = [{"year": 2025, "submitted_to_finance": "2025-12-19", **FULL, "covers_trial_operation": False}]
    report = run(
        date(2026, 1, 15),
        works_started="2025-03-10",
        trial_started=trial,
        performance_reports=reports,
    )
    assert report.finding("art23.report_content", "2025").status is (
        Status.FAILS if required else Status.HOLDS
    )


def test_progress_and_funds_are_always_required() -> None:
    reports = [
        {"year": 2025, "submitted_to_finance": "2025-12-19", **FULL, "covers_progress_and_funds": False}
    ]
    finding = run(date(2026, 1, 15), works_started="2025-03-10", performance_reports=reports).finding(
        "art23.report_content", "2025"
    )
    assert finding.status is Status.FAILS


@pytest.mark.parametrize(
    ("reach", "owed"),
    [
        # D39 default: 2025's implementation went on after the effective date 2025-06-01 — its report is owed
        (AnnualReportReach.IMPLEMENTED_AFTER_EFFECT, {"2024": False, "2025": True, "2026": True}),
        # option: 2025's implementation began (1 January) before the effective date — out of reach
        (AnnualReportReach.BEGUN_AFTER_EFFECT, {"2024": False, "2025": False, "2026": True}),
    ],
)
def test_d39_the_year_the_regulation_takes_effect_in(reach: AnnualReportReach, owed: dict[str, bool]) -> None:
    """D13 with D39, works from 2024-03-01, effective 2025-06-01: 2024's implementation ended (31 December) before
    the regulation, 2026's began after it, under either reading; 2025 is D39's question."""
    report = run(
        date(2027, 3, 1),
        interpretation=Interpretation(effective_date=date(2025, 6, 1), annual_report_reach=reach),
        works_started="2024-03-01",
    )
    for year, is_owed in owed.items():
        expected = Status.OVERDUE if is_owed else Status.NOT_APPLICABLE
        assert report.finding(RULE, year).status is expected, year


@pytest.mark.parametrize(
    ("completed", "status"), [("2025-05-31", Status.NOT_APPLICABLE), ("2025-06-01", Status.OVERDUE)]
)
def test_d39_a_year_whose_implementation_ended_before_the_effective_date_is_out_of_reach(
    completed: str, status: Status
) -> None:
    """D39 default, boundary pair: works from 2025-03-10, effective 2025-06-01. Completed the day before the
    regulation, 2025's implementation ended before it (out of reach, the completion shown against the effective
    date); completed on that day, it went on under the regulation (D17: the effective day itself counts) and the
    2025 report was owed by 31 December 2025."""
    report = run(
        date(2026, 3, 1),
        interpretation=Interpretation(effective_date=date(2025, 6, 1)),
        works_started="2025-03-10",
        completed=completed,
    )
    found = report.finding(RULE, "2025")
    assert found.status is status
    if status is Status.NOT_APPLICABLE:
        assert [(c.fact, c.actual) for c in found.checks] == [("acceptance.completed", date(2025, 5, 31))]
    else:
        assert found.due == date(2025, 12, 31)


def test_d39_blind_reading_approved_before_the_regulation_works_after_it() -> None:
    """D24 ``approved``, approved 2025-03-10, works 2025-09-01, not completed, effective 2025-06-01, as of
    2026-01-10. A blind reader (clause, decisions and facts model only) found the 2025 report owed — due
    2025-12-31, after the regulation took effect, for an implementation that went on under it — and overdue; the
    library had it out of reach (the year began before the regulation). Settled with 立法法 第一百零四条, which bars
    judging acts and facts completed before the effective date, not a continuing state: D39's default."""
    facts = {
        **BASE,
        "approval": {"approved": "2025-03-10"},
        "implementation": {"works_started": "2025-09-01"},
    }
    interpretation = Interpretation(
        effective_date=date(2025, 6, 1), implementation_start=ImplementationStart.APPROVED
    )
    report = evaluate(facts, as_of=date(2026, 1, 10), interpretation=interpretation)
    first, second = report.finding(RULE, "2025"), report.finding(RULE, "2026")
    assert (first.status, first.due) == (Status.OVERDUE, date(2025, 12, 31))
    assert (second.status, second.due) == (Status.PENDING, date(2026, 12, 31))


@pytest.mark.parametrize(
    ("submitted", "status"), [("2025-05-31", Status.NOT_APPLICABLE), ("2025-06-01", Status.FAILS)]
)
def test_d13_distribution_and_content_judge_the_day_the_report_was_submitted(
    submitted: str, status: Status
) -> None:
    reports = [{"year": 2025, "submitted_to_finance": submitted}]  # nothing copied, nothing covered
    report = run(
        date(2026, 1, 15),
        interpretation=Interpretation(effective_date=date(2025, 6, 1)),
        works_started="2024-03-01",
        performance_reports=reports,
    )
    for rule in ("art23.report_distribution", "art23.report_content"):
        finding = report.finding(rule, "2025")
        assert finding.status is status, rule
        if status is Status.NOT_APPLICABLE:
            assert "implementation.performance_reports[0].submitted_to_finance" in [
                c.fact for c in finding.checks
            ]


def test_two_reports_for_one_year_are_refused() -> None:
    with pytest.raises(ValidationError, match="more than one report for year 2025"):
        Implementation.model_validate({"performance_reports": [{"year": 2025}, {"year": 2025}]})


# --- D24: implementation starts with the approval ------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    approved=st.dates(min_value=date(2022, 1, 1), max_value=date(2025, 12, 31)),
    gap=st.integers(min_value=0, max_value=800),
)
def test_d24_the_years_owed_start_with_the_approval_year_under_the_option(approved: date, gap: int) -> None:
    started = approved + timedelta(days=gap)
    as_of = date(2026, 6, 30)
    facts = {
        **BASE,
        "approval": {"approved": approved.isoformat()},
        "implementation": {"works_started": started.isoformat()},
    }
    option = evaluate(
        facts, as_of=as_of, interpretation=Interpretation(implementation_start=ImplementationStart.APPROVED)
    )
    default = evaluate(facts, as_of=as_of)
    first_default = started.year if started <= as_of else None
    assert subjects(option) == [str(y) for y in range(approved.year, 2027)]
    if first_default is None:
        assert subjects(default) == [None]
    else:
        assert subjects(default) == [str(y) for y in range(first_default, 2027)]


def test_d24_option_not_yet_approved_is_not_applicable_and_says_so() -> None:
    option = Interpretation(implementation_start=ImplementationStart.APPROVED)
    report = run(date(2025, 9, 30), interpretation=option, works_started="2025-04-07")
    finding = report.finding(RULE)
    assert (finding.subject, finding.status) == (None, Status.NOT_APPLICABLE)
    assert "D24" in finding.note_zh


# --- D36: which years owe a report ----------------------------------------------------------------------------------

AT_YEAR_END = Interpretation(performance_report_years=PerformanceReportYears.IN_IMPLEMENTATION_AT_YEAR_END)


@pytest.mark.parametrize(
    ("completed", "default", "option"),
    [
        ("2026-01-02", ["2025", "2026"], ["2025"]),  # completed two days into 2026: owed by default only
        ("2025-12-31", ["2025"], []),  # completed on 31 December: not in implementation at its end
        ("2025-06-30", ["2025"], []),  # started and completed in one year
    ],
)
def test_d36_the_year_of_completion_owes_a_report_only_by_default(
    completed: str, default: list[str], option: list[str]
) -> None:
    def owed(interpretation: Interpretation | None) -> list[str]:
        report = run(
            date(2027, 3, 1), interpretation=interpretation, works_started="2025-03-10", completed=completed
        )
        return [
            f.subject or ""
            for f in report.findings
            if f.rule == RULE and f.status is not Status.NOT_APPLICABLE
        ]

    assert owed(None) == default
    assert owed(AT_YEAR_END) == option


def test_d36_option_says_why_the_completion_year_is_not_owed() -> None:
    report = run(
        date(2026, 3, 1), interpretation=AT_YEAR_END, works_started="2024-06-03", completed="2025-04-30"
    )
    finding = report.finding(RULE, "2025")
    assert (finding.status, finding.due) == (Status.NOT_APPLICABLE, None)
    assert "D36" in finding.note_zh
    assert "D36" in finding.decisions
    assert report.finding(RULE, "2024").status is Status.OVERDUE
    assert subjects(report, "art23.report_distribution") == ["2024"]


def test_d36_option_with_no_year_owed_gives_one_finding_per_rule() -> None:
    report = run(
        date(2026, 3, 1), interpretation=AT_YEAR_END, works_started="2025-03-10", completed="2025-09-30"
    )
    assert [(f.subject, f.status) for f in report.findings if f.rule == RULE] == [
        ("2025", Status.NOT_APPLICABLE)
    ]
    for rule in ("art23.report_distribution", "art23.report_content"):
        finding = report.finding(rule)
        assert (finding.subject, finding.status) == (None, Status.NOT_APPLICABLE)
        assert "D36" in finding.note_zh


@settings(max_examples=60, deadline=None)
@given(
    started=st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 12, 31)),
    days=st.integers(min_value=0, max_value=1500),
)
def test_d36_the_option_owes_exactly_the_years_ended_in_implementation(started: date, days: int) -> None:
    completed = started + timedelta(days=days)
    report = run(
        date(2030, 6, 30),
        interpretation=AT_YEAR_END,
        works_started=started.isoformat(),
        completed=completed.isoformat(),
    )
    owed = [int(f.subject or 0) for f in report.findings if f.rule == RULE and f.due is not None]
    assert owed == list(range(started.year, completed.year))
    every = run(date(2030, 6, 30), works_started=started.isoformat(), completed=completed.isoformat())
    assert subjects(every) == [str(y) for y in range(started.year, completed.year + 1)]


# --- D6: a fixed date, and the explanation says so ------------------------------------------------------------------


def test_the_year_end_is_explained_as_a_fixed_day_not_a_period() -> None:
    finding = run(date(2026, 3, 1), works_started="2025-03-10").finding(RULE, "2025")
    assert "是固定日期（期日）" in finding.note_zh
    assert "期间的最后一日" not in finding.explanation_zh  # 2025-12-31 is not a period's last day
    assert "参照民法典第二百零三条第二款" in finding.explanation_zh  # its end at 24:00, by analogy, said once
    assert finding.explanation_zh.count("第二百零三条第二款") == 1
    assert "by analogy" in finding.explanation_en


def test_the_rolled_year_end_is_still_a_fixed_day() -> None:
    report = run(
        date(2024, 2, 1),
        interpretation=Interpretation(year_end_rollover=True),
        works_started="2023-03-01",
        completed="2023-09-30",
    )
    finding = report.finding(RULE, "2023")
    assert finding.due == date(2024, 1, 2)
    assert "参照民法典第二百零三条第一款顺延" in finding.note_zh
    assert "截止日为2024-01-02" in finding.note_zh
