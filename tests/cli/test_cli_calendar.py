"""``tinghu-policy calendar``: show a month as staff check it against the notice, write and check next year's
overlay, print the estimate's measured accuracy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinghu_policy.periods import WorkCalendar

from .support import ROOT, tinghu

OVERLAY_2026 = ROOT / "examples" / "calendar-overlays" / "2026.yaml"
FIRST_UNCOVERED = WorkCalendar.default().covered[1] + 1


def test_show_a_month_with_its_holidays_and_make_up_days(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "show", "2026-10")
    assert ran.status == 0, ran.err
    assert "2026年10月" in ran.out
    assert " 1休" in ran.out  # 国庆节, a Thursday
    assert "10班" in ran.out  # 10 October, a make-up Saturday
    assert "10月 6日 周二  休 国庆节 放假（调休）" in ran.out
    assert "10月10日 周六  班 国庆节 调休上班" in ran.out
    assert "本月工作日 18 天" in ran.out  # 22 weekdays − 5 holidays + 1 make-up day
    assert "chinesecalendar" in ran.out


def test_show_a_month_without_holidays(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "show", "2026-12")
    assert ran.status == 0, ran.err
    assert "无节假日安排" in ran.out
    assert "本月工作日 23 天" in ran.out
    assert "休" not in ran.out.split("无节假日安排")[0].split("\n", 2)[2]  # no day of the grid is marked


def test_the_grid_puts_each_day_under_its_weekday(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "show", "2026-02")
    lines = ran.out.splitlines()
    header = next(line for line in lines if line.startswith("一"))
    assert header.split() == ["一", "二", "三", "四", "五", "六", "日"]
    first_week = lines[lines.index(header) + 1]
    # 1 February 2026 is a Sunday: the last of seven five-column cells, the 14th a make-up Saturday
    assert first_week.index(" 1") == 6 * 5
    assert "14班" in ran.out
    assert "16休" in ran.out  # 除夕


def test_a_month_beyond_the_data_is_an_error_unless_the_estimate_is_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    refused = tinghu(capsys, "calendar", "show", f"{FIRST_UNCOVERED}-01")
    assert refused.status == 2
    assert str(FIRST_UNCOVERED) in refused.message
    assert "--estimate" in refused.message
    shown = tinghu(capsys, "calendar", "show", f"{FIRST_UNCOVERED}-10", "--estimate")
    assert shown.status == 0, shown.err
    assert "估算：调休未知" in shown.out
    assert "国庆节 放假（估算）" in shown.out
    assert "调休安排" in shown.out
    assert "国务院令第774号" in shown.out


def test_show_a_year_and_with_an_overlay(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "show", "2026", "--calendar-overlay", str(OVERLAY_2026))
    assert ran.status == 0, ran.err
    for month in range(1, 13):
        assert f"2026年{month}月" in ran.out
    assert "全年工作日" in ran.out
    assert "overlay 《国务院办公厅关于2026年部分节假日安排的通知》" in ran.out


@pytest.mark.parametrize("month", ["2026-13", "26-10", "October"])
def test_show_refuses_what_is_not_a_month(capsys: pytest.CaptureFixture[str], month: str) -> None:
    ran = tinghu(capsys, "calendar", "show", month)
    assert ran.status == 2
    assert "YYYY-MM" in ran.err


def test_overlay_writes_the_skeleton_and_check_reads_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "2027.yaml"
    wrote = tinghu(capsys, "calendar", "overlay", "--year", "2027", "-o", str(path))
    assert wrote.status == 0, wrote.err
    assert "法定节假日已填入" in wrote.out
    text = path.read_text(encoding="utf-8")
    assert "year: 2027" in text
    assert "国务院令第774号" in text
    again = tinghu(capsys, "calendar", "overlay", "--year", "2027", "-o", str(path))
    assert again.status == 2
    assert "--force" in again.message
    assert tinghu(capsys, "calendar", "overlay", "--year", "2027", "-o", str(path), "--force").status == 0
    # the skeleton is not a notice until its date is filled in
    unfinished = tinghu(capsys, "calendar", "check", str(path))
    assert unfinished.status == 2
    assert "issued" in unfinished.message
    path.write_text(text.replace("  issued: null ", "  issued: 2026-11-04"), encoding="utf-8")
    checked = tinghu(capsys, "calendar", "check", str(path))
    assert checked.status == 0, checked.out + checked.err
    assert "✓ 13个法定节假日均在放假区间内" in checked.out
    assert "2027年2月" in checked.out
    assert " 9休" in checked.out  # 春节补假
    assert "0 个错误" in checked.out


def test_overlay_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "overlay", "--year", "2030", "-o", "-")
    assert ran.status == 0
    assert ran.out.startswith("# 2030年节假日安排叠加文件（草稿）")


def test_overlay_refuses_a_year_the_law_is_not_encoded_for(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "overlay", "--year", "1998", "-o", "-")
    assert ran.status == 2
    assert "2000" in ran.err


def test_check_exits_1_on_an_error_and_names_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = OVERLAY_2026.read_text(encoding="utf-8").replace("first: 2026-02-15", "first: 2026-02-17")
    path = tmp_path / "2026.yaml"
    path.write_text(broken, encoding="utf-8")
    ran = tinghu(capsys, "calendar", "check", str(path), "--quiet")
    assert ran.status == 1
    assert "✗ 法定节假日2026-02-16（春节，农历除夕）不在任何放假区间内" in ran.out
    assert "1 个错误" in ran.out
    assert "2026年1月" not in ran.out  # --quiet: no grid


def test_check_the_published_2026_overlay(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "check", str(OVERLAY_2026))
    assert ran.status == 0, ran.out
    assert "0 个错误 error(s), 0 个提示 warning(s)" in ran.out
    assert "10班" in ran.out


def test_check_refuses_a_file_that_is_not_an_overlay(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("year: 2027\nholidays: []\n", encoding="utf-8")
    ran = tinghu(capsys, "calendar", "check", str(path))
    assert ran.status == 2
    assert "Traceback" not in ran.err


def test_accuracy_prints_the_measurement(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "calendar", "accuracy", "--from", "2025", "--to", "2025", "--year", "2025")
    assert ran.status == 0, ran.err
    assert "2025" in ran.out
    assert "国务院令第774号" in ran.out
    assert "合计" in ran.out
    assert "估算为" in ran.out  # the worst cases
