"""Calendar overlays: the 2026 worked example, a year past the data, validation, contiguity."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from string import Template

import pytest
import yaml

from tinghu_policy.errors import CalendarCoverageError, CalendarOverlayError
from tinghu_policy.periods import CalendarOverlay, WorkCalendar, WorkingDays, deadline, load_overlay

from .support import FIRST_UNCOVERED_YEAR, FIRST_YEAR, LAST_YEAR

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_2026 = ROOT / "examples" / "calendar-overlays" / "2026.yaml"
FICTIONAL = Path(__file__).parent / "fixtures" / "fictional-first-uncovered-year.yaml.tmpl"


@pytest.fixture
def fictional_overlay(tmp_path: Path) -> Path:
    """The fictional test overlay for the first uncovered year, written to a .yaml file."""
    text = Template(FICTIONAL.read_text(encoding="utf-8"))
    path = tmp_path / f"{FIRST_UNCOVERED_YEAR}.yaml"
    path.write_text(
        text.substitute(year=FIRST_UNCOVERED_YEAR, previous=FIRST_UNCOVERED_YEAR - 1), encoding="utf-8"
    )
    return path


def days_of(year: int) -> list[date]:
    return [
        date(year, 1, 1) + timedelta(days=i) for i in range((date(year, 12, 31) - date(year, 1, 1)).days + 1)
    ]


def test_the_2026_example_equals_the_built_in_2026() -> None:
    built_in = WorkCalendar.default()
    overlaid = built_in.with_overlay(EXAMPLE_2026)
    assert overlaid.covered == built_in.covered
    for day in days_of(2026):
        assert replace(overlaid.day(day), source=None) == replace(built_in.day(day), source=None), day
    assert "国务院办公厅关于2026年部分节假日安排的通知" in (overlaid.day(date(2026, 10, 1)).source or "")
    assert overlaid.overlays[0].notice.number is None  # not known, not guessed
    # and the working-day arithmetic follows: Thu 2026-02-26 + 2 = Fri 02-27, Sat 02-28 (make-up)
    assert deadline(date(2026, 2, 26), WorkingDays(2), calendar=overlaid).due == date(2026, 2, 28)


def test_the_2026_example_round_trips_through_json(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE_2026.read_text(encoding="utf-8"))
    path = tmp_path / "2026.json"
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    assert load_overlay(path) == load_overlay(EXAMPLE_2026)


def test_an_overlay_for_the_first_uncovered_year_makes_the_same_call_succeed(fictional_overlay: Path) -> None:
    start = date(FIRST_UNCOVERED_YEAR - 1, 12, 31)
    with pytest.raises(CalendarCoverageError) as caught:
        deadline(start, WorkingDays(5))
    assert caught.value.year == FIRST_UNCOVERED_YEAR
    calendar = WorkCalendar.default().with_overlay(fictional_overlay)
    assert calendar.covered == (FIRST_YEAR, FIRST_UNCOVERED_YEAR)
    result = deadline(start, WorkingDays(5), calendar=calendar)
    # Expected, counted by hand-rule: the fixture rests January 1–3; other Mondays–Fridays work. With
    # chinese-calendar 1.11.0 (first uncovered year 2027): 2027-01-01 Fri rest, 01-02/03 weekend, then
    # Mon 01-04 (1) … Fri 01-08 (5).
    expected, counted = start, 0
    while counted < 5:
        expected += timedelta(days=1)
        counted += expected.weekday() < 5 and expected > date(FIRST_UNCOVERED_YEAR, 1, 3)
    assert (result.due, result.provisional) == (expected, False)
    if FIRST_UNCOVERED_YEAR == 2027:
        assert result.due == date(2027, 1, 8)
    assert WorkCalendar.default().covered == (FIRST_YEAR, LAST_YEAR)  # the default calendar is unchanged


def test_an_overlay_may_also_extend_the_data_backwards(tmp_path: Path) -> None:
    year = FIRST_YEAR - 1
    path = tmp_path / f"{year}.yaml"
    text = Template(FICTIONAL.read_text(encoding="utf-8")).substitute(year=year, previous=year - 1)
    path.write_text(text, encoding="utf-8")
    calendar = WorkCalendar.default().with_overlay(path)
    assert calendar.covered == (year, LAST_YEAR)
    assert not calendar.day(date(year, 1, 2)).working  # a fictional rest day
    with pytest.raises(CalendarCoverageError):
        calendar.day(date(year - 1, 12, 31))


def test_an_overlay_must_not_leave_a_gap(fictional_overlay: Path) -> None:
    later = load_overlay(fictional_overlay).model_copy(update={"year": FIRST_UNCOVERED_YEAR + 1})
    with pytest.raises(CalendarOverlayError, match="gap"):
        WorkCalendar.default().with_overlay(later)


def test_an_overlay_replaces_a_covered_year_and_its_corrections() -> None:
    overlay = CalendarOverlay.model_validate(
        {
            "year": 2005,
            "notice": {"title": "test", "issued": date(2004, 12, 1)},
            "holidays": [{"name_zh": "元旦", "first": date(2005, 1, 1), "last": date(2005, 1, 3)}],
        }
    )
    calendar = WorkCalendar.default().with_overlay(overlay)
    assert calendar.corrections == ()
    assert not calendar.day(date(2005, 12, 31)).working  # a plain Saturday under this (test) arrangement
    assert calendar.day(date(2005, 10, 3)).working  # the test overlay has no National Day block
    assert calendar.covered == (FIRST_YEAR, LAST_YEAR)


VALID = {
    "year": 2030,
    "notice": {"title": "test", "issued": "2029-11-01"},
    "holidays": [
        {"name_zh": "国庆节", "first": "2030-10-01", "last": "2030-10-07", "makeup_workdays": ["2030-09-29"]}
    ],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"surprise": 1}, "Extra inputs are not permitted"),
        ({"notice": {"title": "test", "issued": "2029-11-01", "number": "x", "extra": 1}}, "Extra inputs"),
        ({"year": "2030"}, "valid integer"),
        ({"holidays": []}, "at least 1 item"),
        ({"holidays": [{"name_zh": "x", "first": "2030-10-07", "last": "2030-10-01"}]}, "before first"),
        ({"holidays": [{"name_zh": "x", "first": "2031-01-01", "last": "2031-01-01"}]}, "not in 2030"),
        ({"holidays": [{"name_zh": "x", "first": 20301001, "last": "2030-10-01"}]}, "valid date"),
        (
            {
                "holidays": [
                    {
                        "name_zh": "x",
                        "first": "2030-10-05",
                        "last": "2030-10-06",
                        "makeup_workdays": ["2030-10-05"],
                    }
                ]
            },
            "listed twice",
        ),
        (
            {
                "holidays": [
                    {"name_zh": "x", "first": "2030-10-01", "last": "2030-10-02"},
                    {"name_zh": "y", "first": "2030-10-02", "last": "2030-10-03"},
                ]
            },
            "listed twice",
        ),
        (
            {
                "holidays": [
                    {
                        "name_zh": "x",
                        "first": "2030-10-01",
                        "last": "2030-10-01",
                        "makeup_workdays": ["2030-10-04"],
                    }
                ]
            },
            "not a Saturday or Sunday",
        ),
        (
            {
                "holidays": [
                    {"name_zh": "x", "first": "2030-10-01", "last": "2030-10-01", "in_lieu": ["2030-10-02"]}
                ]
            },
            "between first and last",
        ),
    ],
)
def test_invalid_overlays_are_refused(tmp_path: Path, change: dict[str, object], message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(VALID | change), encoding="utf-8")
    with pytest.raises(CalendarOverlayError, match=message):
        load_overlay(path)


def test_the_valid_base_of_the_invalid_cases_loads(tmp_path: Path) -> None:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    assert load_overlay(path).year == 2030


def test_unreadable_or_unsafe_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CalendarOverlayError, match=r"\.yaml, \.yml or \.json"):
        load_overlay(tmp_path / "2030.txt")
    with pytest.raises(CalendarOverlayError, match="not a valid calendar overlay"):
        load_overlay(tmp_path / "missing.yaml")
    unsafe = tmp_path / "unsafe.yaml"
    unsafe.write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(CalendarOverlayError, match="not a valid calendar overlay"):
        load_overlay(unsafe)
