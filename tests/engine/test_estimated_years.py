"""D12 ``statutory_estimate`` through the engine: clocks that cross into an unpublished year get provisional due
dates, and every affected finding says which years were estimated — in the finding, the explanation, the JSON and
the report. The calendar is cut back to 2026 (``published_until``) so the cases hold whatever chinese-calendar ships."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tinghu_policy import Interpretation, Project, Report, Status, WorkCalendar, evaluate
from tinghu_policy.interpretation import CalendarCoverage

KNOWN = WorkCalendar.default().published_until(2026)
ESTIMATE = Interpretation(beyond_calendar_data=CalendarCoverage.STATUTORY_ESTIMATE)
WEEKENDS = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)


def _accepted(completed: date) -> Project:
    facts: dict[str, Any] = {
        "id": "T-1",
        "name": "测试项目",
        "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
        "category": "software_development",
        "funding": [{"source": "fiscal_budget", "amount": "100000.00"}],
        "acceptance": {"completed": completed, "passed": None},
    }
    return Project.model_validate(facts)


# 民法典 第二百零二条: completed 2026-08-05 → 6 months end on the corresponding day 2027-02-05, 除夕 in the estimate
# (《全国年节及纪念日放假办法》2024年修订 第二条); 2月6日、7日 (初一、初二) are a weekend, made up on 9 and 10 February
# (第六条); 第二百零三条 rolls the last day over the rest to Thursday 2027-02-11. Weekends only: 2027-02-05 itself.
COMPLETED = date(2026, 8, 5)


def test_a_clock_into_an_unpublished_year_is_due_on_the_estimate_and_says_so() -> None:
    report = evaluate(_accepted(COMPLETED), as_of=date(2027, 3, 1), interpretation=ESTIMATE, calendar=KNOWN)
    finding = report.finding("art27.acceptance")
    assert (finding.status, finding.due) == (Status.OVERDUE, date(2027, 2, 11))
    assert (finding.provisional, finding.estimated_years) == (True, (2027,))
    assert report.provisional
    assert report.calendar_years_estimated == (2027,)
    assert report.calendar_years_missing == ()
    assert "2027-02-05是春节，顺延至2027-02-11" in finding.note_zh
    assert "调休安排未知" in finding.note_zh
    assert "临时结果：2027年超出官方节假日安排数据" in finding.explanation_zh
    assert "Provisional: 2027 beyond the official holiday data" in finding.explanation_en
    assert report.provenance.calendar.estimate is not None
    assert report.provenance.calendar.estimate.startswith("lunar-python ")


def test_every_finding_that_rests_on_the_estimate_names_the_years() -> None:
    """art27.acceptance_filing and art27.delay_explanation reuse the acceptance clock without naming the years: the
    engine gives them the years of the deadlines their rule computed."""
    report = evaluate(_accepted(COMPLETED), as_of=date(2027, 3, 1), interpretation=ESTIMATE, calendar=KNOWN)
    provisional = [f for f in report.findings if f.provisional]
    assert {f.rule for f in provisional} >= {"art27.acceptance", "art27.delay_explanation"}
    for finding in provisional:
        assert finding.estimated_years == (2027,), finding.rule
        assert "临时结果" in finding.explanation_zh
    assert all(f.estimated_years == () for f in report.findings if not f.provisional)


def test_weekends_only_says_the_same_about_a_different_day() -> None:
    report = evaluate(_accepted(COMPLETED), as_of=date(2027, 3, 1), interpretation=WEEKENDS, calendar=KNOWN)
    finding = report.finding("art27.acceptance")
    assert (finding.due, finding.estimated_years) == (date(2027, 2, 5), (2027,))
    assert "暂按周末计算" in finding.note_zh
    assert report.provenance.calendar.estimate is None


def test_the_json_carries_the_estimated_years_and_reads_back() -> None:
    report = evaluate(_accepted(COMPLETED), as_of=date(2027, 3, 1), interpretation=ESTIMATE, calendar=KNOWN)
    data = json.loads(report.to_json())
    assert data["calendar_years_estimated"] == [2027]
    assert data["interpretation"]["beyond_calendar_data"] == "statutory_estimate"
    acceptance = next(f for f in data["findings"] if f["rule"] == "art27.acceptance")
    assert (acceptance["provisional"], acceptance["estimated_years"]) == (True, [2027])
    again = Report.model_validate_json(report.to_json())
    assert again.to_json() == report.to_json()


def test_a_finding_inside_the_data_is_not_provisional_under_the_estimate() -> None:
    report = evaluate(
        _accepted(date(2026, 3, 5)), as_of=date(2026, 10, 1), interpretation=ESTIMATE, calendar=KNOWN
    )
    finding = report.finding("art27.acceptance")
    assert (finding.due, finding.provisional, finding.estimated_years) == (date(2026, 9, 7), False, ())
    assert report.calendar_years_estimated == ()


def test_by_default_the_year_is_missing_and_the_note_says_how_to_supply_it() -> None:
    report = evaluate(_accepted(COMPLETED), as_of=date(2027, 3, 1), calendar=KNOWN)
    finding = report.finding("art27.acceptance")
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == ("calendar:2027",)
    assert report.calendar_years_estimated == ()
    assert "statutory_estimate" in finding.note_zh
    assert "叠加文件" in finding.note_zh
    assert "statutory_estimate" in finding.note_en
