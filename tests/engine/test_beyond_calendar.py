"""A due date beyond the official calendar data is never guessed (D12): bounded answers, else UNDETERMINED."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tinghu_policy import Interpretation, Project, Status, WorkCalendar, evaluate
from tinghu_policy.interpretation import CalendarCoverage

LAST = WorkCalendar.default().covered[1]
GAP = LAST + 1  # the first year with no official arrangement in the installed data


def _accepted(completed: date, passed: date | None) -> Project:
    facts: dict[str, Any] = {
        "id": "T-1",
        "name": "测试项目",
        "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
        "category": "software_development",
        "funding": [{"source": "fiscal_budget", "amount": "100000.00"}],
        "acceptance": {"completed": completed, "passed": passed},
    }
    return Project.model_validate(facts)


# 民法典 第二百零二条: completed on 10 September of the last covered year → the 6-month limit day is 10 March of
# the first uncovered year; a rest-day rollover could only move it later, so its exact day needs that year's data.
COMPLETED = date(LAST, 9, 10)
LIMIT = date(GAP, 3, 10)


def test_done_before_the_earliest_possible_due_day_is_met() -> None:
    as_of = date(LAST, 11, 25)
    report = evaluate(_accepted(COMPLETED, date(LAST, 11, 20)), as_of=as_of)
    finding = report.finding("art27.acceptance")
    assert finding.status is Status.MET
    assert finding.due is None  # the exact day is not known
    assert [(c.fact, c.required, c.actual) for c in finding.checks] == [
        ("acceptance.completed", as_of, COMPLETED),  # where the clock runs from
        ("acceptance.passed", LIMIT, date(LAST, 11, 20)),  # done by the earliest possible due day
    ]
    assert f"{GAP}" in finding.note_zh
    assert report.calendar_years_missing == ()


def test_not_done_before_the_earliest_possible_due_day_is_pending() -> None:
    report = evaluate(_accepted(COMPLETED, None), as_of=date(LAST, 12, 1))
    assert report.finding("art27.acceptance").status is Status.PENDING


def test_past_the_earliest_due_day_the_answer_needs_the_missing_year() -> None:
    report = evaluate(_accepted(COMPLETED, None), as_of=LIMIT + timedelta(days=1))
    finding = report.finding("art27.acceptance")
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == (f"calendar:{GAP}",)
    assert [(c.fact, c.actual) for c in finding.checks] == [("acceptance.completed", COMPLETED)]
    assert f"{GAP}" in finding.note_en
    assert "overlay" in finding.note_en
    assert GAP in report.calendar_years_missing


def test_the_provisional_option_decides_and_says_so() -> None:
    report = evaluate(
        _accepted(COMPLETED, None),
        as_of=LIMIT + timedelta(days=1),
        interpretation=Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL),
    )
    finding = report.finding("art27.acceptance")
    assert finding.provisional
    assert report.provisional
    assert finding.due is not None
    assert finding.due >= LIMIT
    assert finding.status is Status.OVERDUE


def test_a_rule_stopped_by_a_missing_year_says_why_in_chinese_and_in_english() -> None:
    """Art. 23 with D6's option ``year_end_rollover``: the year-end of the first uncovered year can only be rolled
    over with that year's arrangement, so the rule is UNDETERMINED naming the year — and its Chinese note says so in
    Chinese (it repeated the English message before)."""
    facts = _accepted(COMPLETED, None).model_dump(exclude_unset=True)
    facts["acceptance"] = {}
    facts["implementation"] = {"works_started": date(LAST, 3, 2)}
    report = evaluate(facts, as_of=date(GAP, 1, 10), interpretation=Interpretation(year_end_rollover=True))
    finding = report.finding("art23.performance_report")
    assert (finding.status, finding.missing) == (Status.UNDETERMINED, (f"calendar:{GAP}",))
    assert finding.note_zh.startswith(f"{GAP}年没有官方节假日安排")
    assert "no official working-day arrangement" not in finding.note_zh
    assert finding.note_en.startswith(f"no official working-day arrangement for {GAP}")
