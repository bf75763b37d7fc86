"""Kills the surviving mutants of art23_performance_report.py: one finding per year, later years after an unsubmitted
one, a report entry not yet submitted, the effective date on 31 December, a trial started on 31 December, and what
the notes say (D24, classified projects, trial operation); a first year out of reach (D13) shows its D24 start, a
report after one out of reach is still judged, and the checks name the report's year."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy import Finding, Interpretation, Project, evaluate

from .support import BASE, finding

RULES = ("art23.performance_report", "art23.report_distribution", "art23.report_content")
STARTED = {"works_started": "2025-03-03"}


def _year_findings(
    rule: str, as_of: date = date(2026, 3, 31), **changes: Any
) -> list[tuple[str | None, str]]:
    project = Project.model_validate({**BASE, **changes})
    report = evaluate(project, as_of=as_of, interpretation=Interpretation())
    return [(f.subject, f.status.value) for f in report.findings if f.rule == rule]


def test_before_works_start_each_rule_says_not_applicable_once() -> None:
    for rule in RULES:
        assert _year_findings(rule) == [(None, "not_applicable")]
    approved = finding("art23.performance_report", interpretation={"implementation_start": "approved"})
    assert "D24: it starts on approval" in approved.note_en
    assert "works have not started" in finding("art23.performance_report").note_en


def test_a_year_after_an_unsubmitted_one_is_still_judged() -> None:
    reports = [
        {"year": 2025},
        {"year": 2026, "submitted_to_finance": "2026-12-10", "covers_progress_and_funds": True},
    ]
    implementation = {**STARTED, "performance_reports": reports}
    for rule in ("art23.report_distribution", "art23.report_content"):
        found = _year_findings(rule, as_of=date(2026, 12, 20), implementation=implementation)
        assert [subject for subject, _ in found] == ["2025", "2026"]
        assert found[0] == ("2025", "not_applicable")
        assert found[1][1] != "not_applicable"


def test_a_year_whose_implementation_began_on_the_effective_date_is_within_reach() -> None:
    """D13 with D39 ``begun_after_effect``: the 2025 report is owed for implementation that began on 2025-03-03
    (works start): effective that very day, it is reached and overdue on 2026-01-10; effective a day later, the year
    began before it — out of reach. The next year begins on 1 January 2026, after both, and is reached either way."""

    def year(effective: str, subject: str = "2025") -> Finding:
        return finding(
            "art23.performance_report",
            subject=subject,
            as_of=date(2027, 1, 10),
            interpretation={"effective_date": effective, "annual_report_reach": "begun_after_effect"},
            implementation=STARTED,
        )

    on_the_day = year("2025-03-03")
    assert (on_the_day.status, on_the_day.due) == ("overdue", date(2025, 12, 31))
    assert year("2025-03-04").status == "not_applicable"
    assert year("2025-03-04", "2026").status == "overdue"
    assert year("2026-01-01", "2026").status == "overdue"
    assert year("2026-01-02", "2026").status == "not_applicable"


def test_a_classified_project_is_told_why_the_platform_is_not_checked() -> None:
    report = {
        "year": 2025,
        "submitted_to_finance": "2025-12-10",
        "copied_to_data_bureau": True,
        "copied_to_development_reform": True,
    }
    implementation = {**STARTED, "performance_reports": [report]}
    classified = finding(
        "art23.report_distribution",
        subject="2025",
        as_of=date(2026, 1, 10),
        classified=True,
        implementation=implementation,
    )
    assert classified.status == "holds"
    assert "a classified project is not filed on the platform (art. 13)" in classified.note_en
    assert "涉密项目不在管理平台报送" in classified.note_zh
    plain = finding(
        "art23.report_distribution", subject="2025", as_of=date(2026, 1, 10), implementation=implementation
    )
    assert "classified" not in plain.note_en


def test_a_trial_started_on_31_december_counts_for_that_year() -> None:
    report = {"year": 2025, "submitted_to_finance": "2026-01-05", "covers_progress_and_funds": True}
    implementation = {**STARTED, "performance_reports": [report]}
    found = finding(
        "art23.report_content",
        subject="2025",
        as_of=date(2026, 1, 10),
        implementation=implementation,
        operation={"trial_started": "2025-12-31"},
    )
    assert found.status == "fails"
    assert "trial operation since 2025-12-31" in found.note_en
    assert "系统已于 2025-12-31 投入试运行" in found.note_zh
    later = finding(
        "art23.report_content",
        subject="2025",
        as_of=date(2026, 1, 10),
        implementation=implementation,
        operation={"trial_started": "2026-01-06"},
    )
    assert later.status == "holds"
    assert "no trial operation when the report was made" in later.note_en
    assert "报告时系统尚未投入试运行" in later.note_zh


# kills art23_performance_report.py:122 core/ReplaceComparisonOperator_Is_NotEq #2
# kills art23_performance_report.py:122 core/ReplaceComparisonOperator_Is_IsNot #5
# kills art23_performance_report.py:122 core/ReplaceComparisonOperator_Is_Gt #2
# kills art23_performance_report.py:122 core/ReplaceComparisonOperator_Is_GtE #2
def test_a_first_year_out_of_reach_shows_the_start_of_works() -> None:
    """D24 ``by_duty`` (default): implementation of art. 23 starts with the works (2025-03-03), before the effective
    date (2025-03-04), so under D39 ``begun_after_effect`` the 2025 report is out of reach (D13) — and the finding
    shows the fact that placed it there, the start of works, not the approval."""
    found = finding(
        "art23.performance_report",
        subject="2025",
        as_of=date(2027, 1, 10),
        interpretation={"effective_date": "2025-03-04", "annual_report_reach": "begun_after_effect"},
        approval={"approved": "2025-01-10"},
        implementation=STARTED,
    )
    assert found.status == "not_applicable"
    assert [(c.fact, c.actual) for c in found.checks] == [("implementation.works_started", date(2025, 3, 3))]


# kills art23_performance_report.py:41 core/ReplaceTrueWithFalse #0
# kills art23_performance_report.py:122 core/ReplaceComparisonOperator_Is_Lt #2
def test_under_approved_a_first_year_out_of_reach_shows_the_approval() -> None:
    """D24 ``approved``: implementation starts with the approval (2025-03-10), before the effective date
    (2025-06-01): under D39 ``begun_after_effect`` the 2025 report is out of reach (D13), the finding showing the
    approval; 2026 began on 1 January, after the effective date, and its report is owed by 31 December 2026 (D6).
    (Under D39's default the 2025 report is owed: tests/rules/test_art23_performance_report.py.)"""

    def year(subject: str) -> Finding:
        return finding(
            "art23.performance_report",
            subject=subject,
            as_of=date(2026, 1, 10),
            interpretation={
                "effective_date": "2025-06-01",
                "implementation_start": "approved",
                "annual_report_reach": "begun_after_effect",
            },
            approval={"approved": "2025-03-10"},
            implementation={"works_started": "2025-09-01"},
        )

    first = year("2025")
    assert first.status == "not_applicable"
    assert [(c.fact, c.actual) for c in first.checks] == [("approval.approved", date(2025, 3, 10))]
    second = year("2026")
    assert (second.status, second.due) == ("pending", date(2026, 12, 31))


# kills art23_performance_report.py:45 core/NumberReplacer #7
def test_the_submission_check_names_the_year_of_the_report() -> None:
    """Art. 23 para. 1, 每年年底前: the check is the report of that year submitted to the finance bureau by
    31 December; its name says which year's report it is."""
    report = {"year": 2025, "submitted_to_finance": "2025-12-10"}
    found = finding(
        "art23.performance_report",
        subject="2025",
        as_of=date(2026, 1, 10),
        implementation={**STARTED, "performance_reports": [report]},
    )
    assert (found.status, found.due) == ("met", date(2025, 12, 31))
    submitted = [
        c for c in found.checks if c.fact == "implementation.performance_reports[0].submitted_to_finance"
    ]
    assert [(c.label_zh, c.label_en) for c in submitted] == [
        ("2025年度绩效评价报告提交区财政局", "2025 performance report submitted to finance")
    ]


# kills art23_performance_report.py:44 core/NumberReplacer #3
# kills art23_performance_report.py:202 core/ReplaceContinueWithBreak #4
# kills art23_performance_report.py:249 core/ReplaceContinueWithBreak #7
def test_a_report_after_one_submitted_before_the_effective_date_is_still_judged() -> None:
    """D13: distribution and content are judged on the day the report was submitted. The 2025 report (submitted
    2025-12-10) predates the effective date (2026-01-01) and is out of reach, the check naming that year's report;
    the 2026 report (2026-12-10), copied, filed and covering progress and funds, holds (art. 23 paras. 1 and 2)."""
    reports = [
        {"year": 2025, "submitted_to_finance": "2025-12-10"},
        {
            "year": 2026,
            "submitted_to_finance": "2026-12-10",
            "copied_to_data_bureau": True,
            "copied_to_development_reform": True,
            "filed_on_platform": True,
            "covers_progress_and_funds": True,
        },
    ]
    implementation = {**STARTED, "performance_reports": reports}
    options = {"effective_date": "2026-01-01"}
    for rule in ("art23.report_distribution", "art23.report_content"):
        project = Project.model_validate({**BASE, "implementation": implementation})
        report = evaluate(project, as_of=date(2026, 12, 20), interpretation=Interpretation(**options))
        found = [(f.subject, f.status.value) for f in report.findings if f.rule == rule]
        assert found == [("2025", "not_applicable"), ("2026", "holds")]
        out_of_reach = report.finding(rule, "2025")
        assert [(c.fact, c.label_zh, c.label_en) for c in out_of_reach.checks] == [
            (
                "implementation.performance_reports[0].submitted_to_finance",
                "2025年度绩效评价报告提交",
                "2025 report submitted",
            )
        ]


# kills art23_performance_report.py:135 core/NumberReplacer #17 (mutation run 11, after D39)
@pytest.mark.parametrize(
    ("effective", "status"), [("2025-12-31", "overdue"), ("2026-01-01", "not_applicable")]
)
def test_d39_a_year_in_implementation_on_the_effective_day_owes_its_report(
    effective: str, status: str
) -> None:
    """D13 with D39 (default ``implemented_after_effect``), boundary pair: works from 2025-03-03, not completed.
    Effective on 31 December 2025, the year's implementation went on on that day, so the 2025 report was owed by
    that same day (D6) — overdue on 2027-01-10; effective on 1 January 2026, the 2025 implementation had ended (the
    year over) before the regulation: out of reach."""
    found = finding(
        "art23.performance_report",
        subject="2025",
        as_of=date(2027, 1, 10),
        interpretation={"effective_date": effective},
        implementation=STARTED,
    )
    assert found.status == status


# kills art23_performance_report.py:133 core/ReplaceComparisonOperator_Eq_GtE #0 (mutation run 11, after D39)
# kills art23_performance_report.py:133 core/ReplaceComparisonOperator_Eq_IsNot #0
def test_d39_a_year_before_the_year_of_completion_is_judged_by_its_own_end() -> None:
    """D39 default: works from 2024-03-01, completed 2025-09-01, effective 2025-06-01. 2024's implementation ended
    with the year (31 December 2024), before the regulation — out of reach, though the project was completed after
    it; 2025's went on until completion, after the effective date — its report was owed by 31 December 2025."""

    def year(subject: str) -> Finding:
        return finding(
            "art23.performance_report",
            subject=subject,
            as_of=date(2026, 3, 1),
            interpretation={"effective_date": "2025-06-01"},
            implementation={"works_started": "2024-03-01"},
            acceptance={"completed": "2025-09-01"},
        )

    assert year("2024").status == "not_applicable"
    assert (year("2025").status, year("2025").due) == ("overdue", date(2025, 12, 31))
