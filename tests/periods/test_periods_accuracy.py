"""The accuracy measurement of the statutory estimate (docs' calendar page): it measures what it says."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from tinghu_policy.periods import Months, WorkCalendar, WorkingDays
from tinghu_policy.periods.accuracy import (
    FAMILIES,
    SUMMARY_HEADERS,
    YEAR_HEADERS,
    Miss,
    Tally,
    distribution,
    measure,
    measure_all,
    percent,
    summary_rows,
    worst_lines,
    year_rows,
)
from tinghu_policy.periods.drafting import skeleton
from tinghu_policy.periods.overlay import CalendarOverlay

from .support import LAST_YEAR


def test_the_families_are_the_regulations_periods() -> None:
    periods = [p for _, _, ps in FAMILIES for p in ps]
    assert periods == [
        WorkingDays(3),
        WorkingDays(5),
        WorkingDays(10),
        WorkingDays(15),
        Months(3),
        Months(6),
        Months(12),
    ]


def test_every_deadline_of_the_year_is_compared_or_counted_as_skipped() -> None:
    result = measure(2025)
    assert result.year == 2025
    assert result.edition.number == "国务院令第774号"
    per_day = sum(len(ps) for _, _, ps in FAMILIES)
    assert result.estimate.total + result.skipped == 365 * per_day
    assert result.weekends.total == result.estimate.total
    assert result.skipped == 0  # every 2025 deadline ends by 2026, which is published


def test_a_deadline_needing_an_unpublished_year_is_skipped() -> None:
    last = measure(LAST_YEAR)
    assert last.skipped > 0  # 12 months from any day of the last year end in an unpublished one


def test_an_estimate_equal_to_the_notice_scores_every_deadline() -> None:
    """Publish the estimate itself as next year's notice: the estimate then gives every due date exactly, while the
    weekends-only reading does not. Proves the measurement compares the right calendars."""
    year = 2027
    data = yaml.safe_load(skeleton(year))
    data["notice"]["issued"] = "2026-11-04"
    notice = CalendarOverlay.model_validate(data)
    published = WorkCalendar.default().published_until(2026).with_overlay(notice)
    result = measure(year, published)
    assert result.estimate.total > 0
    assert result.estimate.share == 1.0
    assert result.estimate.misses == []
    assert result.weekends.share < 1.0
    assert all(m.error < 0 for m in result.weekends.misses)  # weekends only misses the holidays: too early


def test_every_measured_year_the_estimate_beats_weekends_only() -> None:
    """A guard, not the claim (the docs show the measured figures): if a year's estimate ever did worse than
    counting weekends alone, the estimate would need a second look."""
    results = measure_all(2015)
    assert [r.year for r in results] == list(range(2015, LAST_YEAR + 1))
    for result in results:
        assert result.estimate.share > result.weekends.share, result.year
        assert 0.5 < result.estimate.share < 1.0


def test_the_rows_match_their_headers() -> None:
    results = [measure(2024), measure(2025)]
    rows = summary_rows(results)
    assert [len(r) for r in rows] == [len(SUMMARY_HEADERS)] * 3
    assert rows[0][:2] == ("2024", "国务院令第644号")
    assert rows[1][:2] == ("2025", "国务院令第774号")
    assert rows[-1][0] == "合计"
    assert int(rows[-1][2]) == int(rows[0][2]) + int(rows[1][2])
    per_year = year_rows(results[1])
    assert [len(r) for r in per_year] == [len(YEAR_HEADERS)] * (len(FAMILIES) + 1)
    assert len(worst_lines(results[1])) == 3


def test_tally_errors_shares_and_worst_cases() -> None:
    tally = Tally()
    start = date(2025, 1, 1)
    tally.add(start, WorkingDays(3), date(2025, 1, 6), date(2025, 1, 6))
    tally.add(start, WorkingDays(5), date(2025, 1, 8), date(2025, 1, 10))
    tally.add(start, WorkingDays(10), date(2025, 1, 15), date(2025, 1, 13))
    tally.add(start, WorkingDays(15), date(2025, 1, 22), date(2025, 1, 21))
    assert (tally.total, tally.same, tally.later) == (4, 1, 1)
    assert percent(tally) == "25.0%"
    assert distribution(tally) == "−2: 1 · −1: 1 · +2: 1"
    # the largest error first, the later (unsafe) one first on a tie
    assert [m.error for m in tally.worst(3)] == [2, -2, -1]
    assert Miss(start, WorkingDays(5), date(2025, 1, 8), date(2025, 1, 10)).error == 2
    assert distribution(Tally()) == "—"
    assert Tally().share == 1.0


@pytest.mark.parametrize("year", [2015, 2020, 2025])
def test_worst_lines_say_early_or_late(year: int) -> None:
    for line in worst_lines(measure(year)):
        assert ("早" in line) != ("晚" in line)
        assert "按公布的安排为" in line
