"""The next year's overlay: the skeleton from the law, and the check of a completed file against the law."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.errors import CalendarOverlayError
from tinghu_policy.interpretation import CalendarCoverage, Interpretation, WorkingDayRule
from tinghu_policy.periods import DayKind, WorkCalendar, load_overlay
from tinghu_policy.periods.drafting import Severity, check, draft_blocks, skeleton
from tinghu_policy.periods.overlay import CalendarOverlay
from tinghu_policy.periods.statutory import ESTIMATE_YEARS, statutory_days

from .support import LAST_YEAR

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "calendar-overlays"
ESTIMATE = Interpretation(beyond_calendar_data=CalendarCoverage.STATUTORY_ESTIMATE)


def _completed(year: int) -> dict[str, Any]:
    """The skeleton with the one thing only the notice can give that the file requires: its date."""
    data: dict[str, Any] = yaml.safe_load(skeleton(year))
    data["notice"]["issued"] = f"{year - 1}-11-04"
    return data


def test_the_skeleton_is_not_an_overlay_until_the_notice_date_is_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(skeleton(2027), encoding="utf-8")
    with pytest.raises(CalendarOverlayError, match="issued"):
        load_overlay(path)
    path.write_text(skeleton(2027).replace("  issued: null ", "  issued: 2026-11-04"), encoding="utf-8")
    loaded = load_overlay(path)
    assert loaded.year == 2027
    assert loaded.notice.number is None  # never guessed


def test_the_2027_skeleton_holds_the_statutory_days_and_their_compensation() -> None:
    overlay = CalendarOverlay.model_validate(_completed(2027))
    blocks = {b.name_zh: (b.first, b.last) for b in overlay.holidays}
    assert blocks == {
        "元旦": (date(2027, 1, 1), date(2027, 1, 1)),
        "春节": (date(2027, 2, 5), date(2027, 2, 10)),  # 除夕 Fri, 初一/初二 a weekend → 补假 9, 10
        "清明节": (date(2027, 4, 5), date(2027, 4, 5)),
        "劳动节": (date(2027, 5, 1), date(2027, 5, 4)),
        "端午节": (date(2027, 6, 9), date(2027, 6, 9)),
        "中秋节": (date(2027, 9, 15), date(2027, 9, 15)),
        "国庆节": (date(2027, 10, 1), date(2027, 10, 5)),
    }
    text = skeleton(2027)
    assert "国务院令第774号" in text
    assert "春节，农历除夕（2月5日，周五）" in text
    assert "依第六条补假2月9日（周二）、2月10日（周三）" in text
    assert "不得猜测" in text


def test_a_completed_skeleton_is_the_estimate() -> None:
    """Day by day, the skeleton as an overlay gives what the statutory estimate gives."""
    overlay = CalendarOverlay.model_validate(_completed(2027))
    known = WorkCalendar.default().published_until(2026)
    supplied = known.with_overlay(overlay)
    day = date(2027, 1, 1)
    while day.year == 2027:
        assert supplied.day(day).working == known.day(day, interpretation=ESTIMATE).working, day
        day += timedelta(days=1)


@given(st.integers(ESTIMATE_YEARS[0], ESTIMATE_YEARS[1]))
@settings(max_examples=40, deadline=None)
def test_every_years_skeleton_passes_its_own_check(year: int) -> None:
    result = check(CalendarOverlay.model_validate(_completed(year)))
    assert result.ok, result.errors
    assert result.warnings == ()
    days = {d.date for d in statutory_days(year)}
    assert days <= {d for b in draft_blocks(year) for d in _range(b.first, b.last)}


def _range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_holidays_that_meet_are_one_block() -> None:
    """2020: 中秋 on 1 October; 2025: 中秋 on Monday 6 October, after 国庆's Friday and a weekend."""
    assert [b.names_zh for b in draft_blocks(2020)][-1] == ("中秋节", "国庆节")
    assert [b.names_zh for b in draft_blocks(2025)][-1] == ("国庆节", "中秋节")
    assert "name_zh: 国庆节、中秋节" in skeleton(2025)


def test_the_published_2026_overlay_passes() -> None:
    result = check(load_overlay(EXAMPLES / "2026.yaml"))
    assert result.ok
    assert result.warnings == ()
    assert any("13个法定节假日均在放假区间内" in p.zh for p in result.passed)


def _published(year: int) -> CalendarOverlay:
    """The built-in data of ``year`` as an overlay: each run of rest days as one block (a weekend the data leaves
    unnamed inside a holiday joins it; two holidays in one run, as 国庆节 and 中秋节 in 2009, share it), each make-up
    day with the nearest block of its holiday."""
    cal = WorkCalendar.default()
    infos = [
        cal.day(date(year, 1, 1) + timedelta(days=i))
        for i in range(366)
        if (date(year, 1, 1) + timedelta(days=i)).year == year
    ]
    blocks: list[dict[str, Any]] = []
    for info in infos:
        if info.kind is not DayKind.PUBLIC_HOLIDAY:
            continue
        last = blocks[-1] if blocks else None
        gap = [] if last is None else _range(last["last"] + timedelta(days=1), info.date - timedelta(days=1))
        if last is not None and (
            not gap or (info.name_zh in last["names"] and all(d.weekday() >= 5 for d in gap))
        ):
            last["last"] = info.date
            last["names"] = list(dict.fromkeys([*last["names"], info.name_zh]))
        else:
            blocks.append(
                {"names": [info.name_zh], "first": info.date, "last": info.date, "makeup_workdays": []}
            )
    for block in blocks:
        block["name_zh"] = "、".join(block.pop("names"))
    for info in infos:
        if info.kind is DayKind.MAKEUP_WORKDAY:
            own = [b for b in blocks if str(info.name_zh) in b["name_zh"]] or blocks
            nearest = min(
                own, key=lambda b: min(abs((b["first"] - info.date).days), abs((b["last"] - info.date).days))
            )
            nearest["makeup_workdays"].append(info.date)
    return CalendarOverlay.model_validate(
        {
            "year": year,
            "notice": {
                "title": f"国务院办公厅关于{year}年部分节假日安排的通知",
                "issued": date(year - 1, 12, 1),
            },
            "holidays": blocks,
        }
    )


@pytest.mark.parametrize("year", range(2008, LAST_YEAR + 1))
def test_every_published_year_passes_without_errors(year: int) -> None:
    """The notices themselves never contradict the law (warnings may show their irregular years)."""
    result = check(_published(year))
    assert result.errors == (), [p.zh for p in result.errors]


def _edited(year: int, change: dict[str, dict[str, Any]]) -> CalendarOverlay:
    data = _completed(year)
    for block in data["holidays"]:
        block.update(change.get(block["name_zh"], {}))
    return CalendarOverlay.model_validate(data)


def test_a_statutory_day_outside_every_block_is_an_error() -> None:
    # the 春节 block typed from 初一: 除夕 (2027-02-05) is left out
    result = check(_edited(2027, {"春节": {"first": date(2027, 2, 6)}}))
    assert not result.ok
    (error,) = result.errors
    assert "2027-02-05（春节，农历除夕）不在任何放假区间内" in error.zh
    assert "国务院令第774号" in error.zh


def test_a_holiday_split_over_two_blocks_is_an_error() -> None:
    data = _completed(2027)
    national = next(b for b in data["holidays"] if b["name_zh"] == "国庆节")
    national["last"] = date(2027, 10, 1)
    data["holidays"].append({"name_zh": "国庆节", "first": date(2027, 10, 3), "last": date(2027, 10, 5)})
    result = check(CalendarOverlay.model_validate(data))
    errors = [p.zh for p in result.errors]
    assert any("国庆节的法定节假日分在2个放假区间" in e for e in errors)
    assert any("2027-10-02" in e for e in errors)


def test_a_make_up_working_day_on_a_weekday_is_refused_when_read() -> None:
    with pytest.raises(ValueError, match="not a Saturday or Sunday"):
        _edited(2027, {"国庆节": {"makeup_workdays": [date(2027, 10, 8)]}})


def test_a_weekend_holiday_without_its_compensatory_day_is_a_warning() -> None:
    result = check(_edited(2027, {"劳动节": {"last": date(2027, 5, 2)}}))
    assert result.ok
    (warning,) = result.warnings
    assert warning.severity is Severity.WARNING
    assert "劳动节" in warning.zh
    assert "第六条" in warning.zh


def test_unbalanced_bridging_is_a_warning() -> None:
    # 国庆节 1–7 October with one make-up Saturday: two bridging weekdays (6, 7) against one make-up day
    result = check(
        _edited(2027, {"国庆节": {"last": date(2027, 10, 7), "makeup_workdays": [date(2027, 10, 9)]}})
    )
    (warning,) = result.warnings
    assert "调休放假2天" in warning.zh
    assert "调休上班1天" in warning.zh


def test_more_than_six_working_days_next_to_a_break_is_a_warning_from_2025() -> None:
    """第七条 (国务院令第774号): 法定节假日假期前后连续工作一般不超过6天. Working 25 and 26 September 2027 (a weekend)
    for 6 and 7 October makes 20–30 September eleven working days in a row before the break."""
    change = {
        "国庆节": {"last": date(2027, 10, 7), "makeup_workdays": [date(2027, 9, 25), date(2027, 9, 26)]}
    }
    (warning,) = check(_edited(2027, change)).warnings
    assert "国庆节假期前连续工作11天" in warning.zh
    assert "第七条" in warning.zh
    # the 2013 text has no 第七条: the same arrangement in 2021 (the weekend of 25–26 September worked, 国庆节 1–7
    # October) draws no warning
    older = {"国庆节": {"last": date(2021, 10, 7), "makeup_workdays": [date(2021, 9, 25), date(2021, 9, 26)]}}
    assert check(_edited(2021, older)).warnings == ()


def test_in_lieu_days_that_do_not_add_up_are_a_warning() -> None:
    result = check(
        _edited(
            2027,
            {
                "国庆节": {
                    "last": date(2027, 10, 7),
                    "in_lieu": [date(2027, 10, 6)],
                    "makeup_workdays": [date(2027, 9, 26), date(2027, 10, 9)],
                }
            },
        )
    )
    assert any("in_lieu列出1天" in p.zh for p in result.warnings)


def test_blocks_that_touch_are_a_warning() -> None:
    data = _completed(2027)
    data["holidays"] = [b for b in data["holidays"] if b["name_zh"] != "劳动节"] + [
        {"name_zh": "劳动节", "first": date(2027, 5, 1), "last": date(2027, 5, 2)},
        {"name_zh": "劳动节补假", "first": date(2027, 5, 3), "last": date(2027, 5, 4)},
    ]
    result = check(CalendarOverlay.model_validate(data))
    assert result.ok
    assert any("首尾相接" in p.zh for p in result.warnings)


def test_the_check_reads_the_working_days_of_the_official_rule() -> None:
    """The overlay itself makes the calendar: what the check shows is what the library computes."""
    overlay = CalendarOverlay.model_validate(_completed(2027))
    cal = WorkCalendar.default().published_until(2026).with_overlay(overlay)
    assert not cal.timeline(WorkingDayRule.OFFICIAL_ARRANGEMENT).is_working(date(2027, 2, 9).toordinal())
