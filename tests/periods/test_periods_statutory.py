"""The statutory holidays (《全国年节及纪念日放假办法》) as lunar-python places them, checked against the published
arrangements and against the law's own words, edition by edition."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.periods import DayKind
from tinghu_policy.periods.statutory import (
    EDITIONS,
    ESTIMATE_YEARS,
    compensation_days,
    edition_for,
    estimate_specials,
    statutory_days,
)

from .support import LAST_YEAR, official_working

years = st.integers(ESTIMATE_YEARS[0], ESTIMATE_YEARS[1])


@pytest.mark.parametrize("year", range(2015, 2027))
def test_every_statutory_day_of_2015_to_2026_is_a_rest_day_in_the_published_arrangement(year: int) -> None:
    """lunar-python's dates checked against the notices chinese-calendar holds, with the edition in force."""
    days = statutory_days(year)
    assert days
    assert [d for d in days if official_working(d.date)] == []


@pytest.mark.parametrize("year", range(2015, LAST_YEAR + 1))
def test_chinese_calendar_names_each_statutory_day_it_names_after_the_same_holiday(year: int) -> None:
    by_day: dict[date, set[str]] = {}
    for statutory in statutory_days(year):
        by_day.setdefault(statutory.date, set()).add(statutory.name_en)
    for day, names in by_day.items():
        named = chinese_calendar.get_holiday_detail(day)[1]
        if named is not None:  # a statutory weekend day is sometimes left unnamed
            assert named in names, (day, named, names)


@pytest.mark.parametrize(
    ("year", "number"),
    [
        (2000, "国务院令第270号"),
        (2007, "国务院令第270号"),
        (2008, "国务院令第513号"),
        (2013, "国务院令第513号"),
        (2014, "国务院令第644号"),
        (2024, "国务院令第644号"),
        (2025, "国务院令第774号"),
        (2099, "国务院令第774号"),
    ],
)
def test_each_year_is_estimated_under_the_edition_in_force(year: int, number: str) -> None:
    assert edition_for(year).number == number


@pytest.mark.parametrize("year", [1999, 2100])
def test_no_estimate_outside_the_encoded_editions(year: int) -> None:
    with pytest.raises(ValueError, match=str(year)):
        edition_for(year)


def test_the_editions_are_in_order_and_each_names_its_decree() -> None:
    assert [e.first_year for e in EDITIONS] == sorted(e.first_year for e in EDITIONS)
    for edition in EDITIONS:
        assert edition.effective.year in (edition.first_year - 1, edition.first_year)
        assert edition.number in edition.citation
        assert edition.citation.startswith("《全国年节及纪念日放假办法》")


def _count(year: int, name: str) -> int:
    return sum(1 for d in statutory_days(year) if d.name_zh == name)


@pytest.mark.parametrize(
    ("year", "spring", "labour", "festivals"),
    [
        (2005, 3, 3, 4),  # 1999: 元旦、春节、劳动节、国庆节
        (2010, 3, 1, 7),  # 2007: 除夕 in, 清明、端午、中秋 added, 劳动节 1 day
        (2020, 3, 1, 7),  # 2013: 初一至初三
        (2025, 4, 2, 7),  # 2024: 除夕 back, 5月2日 added
    ],
)
def test_the_days_each_edition_gives(year: int, spring: int, labour: int, festivals: int) -> None:
    assert (_count(year, "春节"), _count(year, "劳动节")) == (spring, labour)
    assert len({d.name_zh for d in statutory_days(year)}) == festivals
    assert _count(year, "元旦") == 1
    assert _count(year, "国庆节") == 3


def test_the_2024_revision_adds_new_years_eve_and_2_may_from_2025() -> None:
    wording_2024 = {d.wording_zh for d in statutory_days(2024)}
    wording_2025 = {d.wording_zh for d in statutory_days(2025)}
    assert "农历除夕" not in wording_2024
    assert "5月2日" not in wording_2024
    assert {"农历除夕", "5月2日"} <= wording_2025
    # 2025: 除夕 was 28 January (腊月廿九: a 29-day twelfth month), 初一 29 January
    assert [d.date for d in statutory_days(2025) if d.name_zh == "春节"] == [
        date(2025, 1, 28),
        date(2025, 1, 29),
        date(2025, 1, 30),
        date(2025, 1, 31),
    ]


@given(years)
@settings(max_examples=40, deadline=None)
def test_lunar_dates_fall_in_their_seasons(year: int) -> None:
    """Sanity bounds any Chinese calendar satisfies (lunar-python is the source; this guards the wiring)."""
    found = {(d.name_zh, d.wording_zh): d.date for d in statutory_days(year)}
    new_year = found.get(("春节", "农历正月初一"))
    assert new_year is not None
    assert date(year, 1, 21) <= new_year <= date(year, 2, 20)
    eve = found.get(("春节", "农历除夕"))
    if eve is not None:
        assert eve == new_year - timedelta(days=1)
    if year >= 2008:
        assert date(year, 4, 4) <= found[("清明节", "农历清明当日")] <= date(year, 4, 6)
        assert date(year, 5, 26) <= found[("端午节", "农历端午当日")] <= date(year, 6, 26)
        assert date(year, 9, 7) <= found[("中秋节", "农历中秋当日")] <= date(year, 10, 9)


@given(years)
@settings(max_examples=40, deadline=None)
def test_each_weekend_holiday_day_gets_one_compensatory_weekday_after_its_holiday(year: int) -> None:
    """第六条: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假 — and a day two holidays share is made up
    once more (the 2009 and 2020 notices)."""
    days = statutory_days(year)
    rest = {d.date for d in days}
    comps = compensation_days(year)
    weekend = sum(1 for d in days if d.date.weekday() >= 5)
    shared_weekdays = (
        len(days)
        - len(rest)
        - sum(1 for d in days if d.date.weekday() >= 5)
        + len({d.date for d in days if d.date.weekday() >= 5})
    )
    assert len(comps) == weekend + shared_weekdays
    assert len({c.date for c in comps}) == len(comps)
    for comp in comps:
        assert comp.date.weekday() < 5
        assert comp.date not in rest
        last_of_holiday = max(d.date for d in days if d.name_zh == comp.for_day.name_zh)
        assert comp.date > last_of_holiday
        # the first such weekday: every weekday between is a holiday or an earlier compensatory day
        between = [last_of_holiday + timedelta(days=i) for i in range(1, (comp.date - last_of_holiday).days)]
        earlier = {c.date for c in comps if c.date < comp.date}
        assert all(d.weekday() >= 5 or d in rest or d in earlier for d in between)


def test_the_estimated_rest_days_of_2027() -> None:
    """Worked by hand: 2027-02-06 (初一) is a Saturday, 02-07 a Sunday → 补假 02-09, 02-10; 5月1日、2日 are a
    weekend → 05-03, 05-04; 10月2日、3日 a weekend → 10-04, 10-05; 清明 04-05, 端午 06-09, 中秋 09-15."""
    specials = estimate_specials(2027)
    assert all(s.kind is DayKind.PUBLIC_HOLIDAY for s in specials.values())
    assert sorted(specials) == [
        date(2027, 1, 1),
        *(date(2027, 2, d) for d in range(5, 11)),
        date(2027, 4, 5),
        *(date(2027, 5, d) for d in range(1, 5)),
        date(2027, 6, 9),
        date(2027, 9, 15),
        *(date(2027, 10, d) for d in range(1, 6)),
    ]
    assert specials[date(2027, 2, 9)].name_zh == "春节补假"
    assert specials[date(2027, 2, 5)].source.startswith("statutory estimate 《全国年节及纪念日放假办法》")
    assert "国务院令第774号" in specials[date(2027, 2, 5)].source


def test_a_day_two_holidays_share_is_one_rest_day_named_after_both_and_made_up() -> None:
    """2020: 中秋 (八月十五) fell on 1 October (Thu); 国庆节 1–3 October, 3 October a Saturday. Made up: 3 October
    (Sat) and the shared 1 October → Monday 5 and Tuesday 6 October (the notice gave 1–8 October with two make-up
    days)."""
    specials = estimate_specials(2020)
    assert specials[date(2020, 10, 1)].name_zh == "中秋节、国庆节"
    comps = [c for c in compensation_days(2020) if c.date.month == 10]
    assert [(c.date, c.shared_with) for c in comps] == [
        (date(2020, 10, 5), "中秋节"),
        (date(2020, 10, 6), None),
    ]
    assert [c.reason_zh for c in comps] == ["10月1日与中秋节同日", "10月3日适逢周六"]
