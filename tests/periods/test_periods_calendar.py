"""The calendar's data: chinese-calendar day by day, the corrections, coverage, D2, D12."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from tinghu_policy.errors import CalendarCoverageError, TinghuPolicyError
from tinghu_policy.interpretation import CalendarCoverage, Interpretation, WorkingDayRule
from tinghu_policy.periods import CORRECTIONS, DayKind, WorkCalendar, is_working_day

from .support import CORRECTED, FIRST_UNCOVERED_YEAR, FIRST_YEAR, LAST_YEAR

PROVISIONAL = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)
WITHOUT_MAKEUP = Interpretation(working_day=WorkingDayRule.WEEKDAYS_WITHOUT_MAKEUP)


def all_covered_days() -> list[date]:
    first = date(FIRST_YEAR, 1, 1)
    return [first + timedelta(days=i) for i in range((date(LAST_YEAR, 12, 31) - first).days + 1)]


def test_covered_years_come_from_the_installed_data() -> None:
    assert WorkCalendar.default().covered == (FIRST_YEAR, LAST_YEAR)
    assert WorkCalendar.default() is WorkCalendar.default()  # built once


def test_every_covered_day_agrees_with_chinese_calendar_except_the_corrections() -> None:
    """Exhaustive over the covered years (stronger than sampling): flags, kinds and names."""
    calendar = WorkCalendar.default()
    differences = set()
    for day in all_covered_days():
        info = calendar.day(day)
        if info.working != chinese_calendar.is_workday(day):
            differences.add(day)
            continue
        is_rest, name = chinese_calendar.get_holiday_detail(day)
        assert info.name_en == name, day
        assert info.in_lieu == (day in chinese_calendar.in_lieu_days), day
        if day in chinese_calendar.workdays:
            assert info.kind is DayKind.MAKEUP_WORKDAY, day
        elif day in chinese_calendar.holidays:
            assert info.kind is DayKind.PUBLIC_HOLIDAY, day
        else:
            assert info.kind is (DayKind.WEEKEND if is_rest else DayKind.WORKDAY), day
    assert differences == set(CORRECTED)


def test_each_correction_changes_the_data_and_cites_its_notice() -> None:
    calendar = WorkCalendar.default()
    assert calendar.corrections == CORRECTIONS
    for correction in CORRECTIONS:
        # fails once chinese-calendar fixes the day itself: then the correction should be removed
        assert chinese_calendar.is_workday(correction.date) != CORRECTED[correction.date]
        info = calendar.day(correction.date)
        assert info.kind is correction.kind
        assert correction.source.title in (info.source or "")
        assert correction.reason


def test_2005_12_31_is_the_make_up_working_day_of_the_2006_notice() -> None:
    info = WorkCalendar.default().day(date(2005, 12, 31))
    assert (info.kind, info.working, info.name_zh) == (DayKind.MAKEUP_WORKDAY, True, "元旦")
    assert "国办发明电〔2005〕35号" in (info.source or "")


def test_day_info_names_in_chinese_and_english() -> None:
    calendar = WorkCalendar.default()
    national = calendar.day(date(2025, 10, 1))
    assert (national.kind, national.working, national.name_zh, national.name_en) == (
        DayKind.PUBLIC_HOLIDAY, False, "国庆节", "National Day",
    )  # fmt: skip
    assert national.label_en == "国庆节 National Day"
    assert (
        calendar.day(date(2025, 10, 6)).name_zh == "中秋节"
    )  # the notice's name, not chinese-calendar's 中秋
    makeup = calendar.day(date(2025, 9, 28))
    assert (makeup.kind, makeup.working, makeup.label_zh) == (
        DayKind.MAKEUP_WORKDAY,
        True,
        "国庆节调休上班日",
    )
    assert calendar.day(date(2025, 10, 8)).in_lieu
    saturday = calendar.day(date(2025, 10, 18))
    assert (saturday.kind, saturday.working, saturday.label_en) == (DayKind.WEEKEND, False, "a Saturday")
    assert calendar.day(date(2025, 10, 20)).kind is DayKind.WORKDAY


def test_weekdays_without_makeup_drops_make_up_days_only() -> None:
    makeup, monday = date(2025, 9, 28), date(2025, 9, 29)
    assert is_working_day(makeup)
    assert not is_working_day(makeup, interpretation=WITHOUT_MAKEUP)
    assert WorkCalendar.default().day(makeup, interpretation=WITHOUT_MAKEUP).working is False
    assert is_working_day(monday, interpretation=WITHOUT_MAKEUP)
    assert not is_working_day(date(2025, 10, 1), interpretation=WITHOUT_MAKEUP)


def test_a_day_beyond_the_data_is_an_error_naming_its_year() -> None:
    day = date(FIRST_UNCOVERED_YEAR, 3, 1)
    with pytest.raises(CalendarCoverageError) as caught:
        is_working_day(day)
    assert caught.value.year == FIRST_UNCOVERED_YEAR
    assert caught.value.covered == (FIRST_YEAR, LAST_YEAR)
    assert f"no official working-day arrangement for {FIRST_UNCOVERED_YEAR}" in str(caught.value)
    assert "overlay" in str(caught.value)
    with pytest.raises(CalendarCoverageError, match=str(FIRST_YEAR - 1)):
        WorkCalendar.default().day(date(FIRST_YEAR - 1, 12, 31))


def test_provisional_beyond_the_data_reads_weekends_only() -> None:
    monday = date(FIRST_UNCOVERED_YEAR, 1, 1)
    while monday.weekday() != 0:
        monday += timedelta(days=1)
    info = WorkCalendar.default().day(monday, interpretation=PROVISIONAL)
    assert (info.kind, info.working, info.provisional, info.source) == (DayKind.WORKDAY, True, True, None)
    assert not is_working_day(monday - timedelta(days=1), interpretation=PROVISIONAL)  # Sunday


def test_the_calendar_is_immutable() -> None:
    calendar = WorkCalendar.default()
    with pytest.raises(AttributeError, match="immutable"):
        calendar._first = 1900
    assert calendar.covered == (FIRST_YEAR, LAST_YEAR)


def test_coverage_error_is_a_library_error() -> None:
    assert issubclass(CalendarCoverageError, TinghuPolicyError)
