"""Terminal output as a newcomer meets it (issue #17): the compact layout of narrow or piped output never breaks or
cuts an id, Chinese never starts a line with closing punctuation, control characters in names are escaped, the
same input gives the same bytes, and ``--format ics`` names each obligation it leaves out."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from tinghu_policy.cli import render
from tinghu_policy.cli.ics import omitted, report_to_ical
from tinghu_policy.cli.render import WIDE, print_report, printable, wrap
from tinghu_policy.corpus import Case, discover
from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import Project
from tinghu_policy.samples import sample_text
from tinghu_policy.yaml_input import parse

from .support import SAMPLE_AS_OF, sample_project_json, tinghu

CLOSING = "。，、；：？！）》」』】〕〉”’"
OPENING = "（《「『【〔〈“‘"
SAMPLE = parse(Case, sample_text(), "sample")
SAMPLE_REPORT = SAMPLE.run()


def rendered(report: Report, project: Project | None, width: int, *, show_all: bool = True) -> str:
    buffer = io.StringIO()
    print_report(Console(file=buffer, width=width, highlight=False), report, project, show_all=show_all)
    return buffer.getvalue()


# --- wrapping ---------------------------------------------------------------------------------------------------

words = st.one_of(
    st.text(alphabet="区数据局审核意见项目单位应在五个工作日内", min_size=1, max_size=12),
    st.sampled_from(["art11.initial_opinion", "2024-10-10", "D12", "10%", "the", "review"]),
    st.sampled_from(list(CLOSING + OPENING)),
    st.sampled_from([" ", "  "]),
)


@given(st.lists(words, max_size=40).map("".join), st.integers(min_value=6, max_value=100))
def test_wrap_keeps_the_text_and_never_starts_a_line_with_closing_punctuation(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for n, line in enumerate(lines):
        if n and line:
            assert line[0] not in CLOSING, lines
        if n < len(lines) - 1 and line:
            assert line[-1] not in OPENING, lines
        if cell_len(line) > width:  # too long only when no break the rules allow would have made it fit
            units = render._UNIT.findall(line)
            fits = [k for k in range(1, len(units)) if cell_len("".join(units[:k]).rstrip()) <= width]
            assert not any(render._may_break(units, k) for k in fits), lines


@pytest.mark.parametrize("width", [20, 40, 60, 80, 100])
def test_no_provision_wraps_with_closing_punctuation_at_the_start_of_a_line(width: int) -> None:
    """Before: ``show art26`` put '。' at the start of a line (rich breaks Chinese anywhere)."""
    from tinghu_policy.provisions import registry

    for p in registry():
        for line in wrap(p.text, width)[1:]:
            assert not line or line[0] not in CLOSING, (p.id, line)


def test_ids_and_latin_words_are_never_broken() -> None:
    assert wrap("see art27.final_accounts_submission then", 10) == [
        "see",
        "art27.final_accounts_submission",
        "then",
    ]
    assert wrap("期限2024-10-10。", 8) == ["期限", "2024-10-10。"]


def test_wrap_indents_and_keeps_line_breaks() -> None:
    assert wrap("一二三四五六\n七", 8, indent="- ", subsequent="  ") == ["- 一二三", "  四五六", "  七"]


# --- control characters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mRED\x1b[0m", "\\x1b[31mRED\\x1b[0m"),
        ("a\x00b", "a\\x00b"),
        ("tab\there", "tab\\x09here"),
        ("line\nbreak", "line\\x0abreak"),
        ("\u202eevil", "\\u202eevil"),
        ("\x9b31m", "\\x9b31m"),
        ("亭湖区 Tinghu", "亭湖区 Tinghu"),
    ],
)
def test_printable_escapes_control_characters(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_keeps_lines_when_asked() -> None:
    assert printable("a\x1b\nb\tc", lines=True) == "a\\x1b\nb\tc"


@pytest.mark.parametrize("width", [80, 160])
def test_names_reach_the_terminal_escaped(width: int) -> None:
    """Before: an ESC in a project's name coloured the terminal (``^[[31mRED^[[0m``)."""
    owner = SAMPLE.project.owner.model_copy(update={"name": "\x1b[31m局\x00"})
    project = SAMPLE.project.model_copy(update={"name": "\x1b[31mRED\x1b[0m", "owner": owner})
    out = rendered(SAMPLE_REPORT, project, width)
    assert "\x1b" not in out
    assert "\x00" not in out
    assert "\\x1b[31mRED\\x1b[0m" in out
    assert "\\x1b[31m局\\x00" in out


# --- the compact layout -----------------------------------------------------------------------------------------

LIFECYCLE = [f for f in discover() if f.id.startswith("lifecycle/")][:6]


@pytest.mark.parametrize("width", [40, 60, 80, 100, WIDE - 1, WIDE, 120, 160, 200])
def test_no_rule_id_is_broken_or_cut_at_any_width(width: int) -> None:
    """Before: at 80 columns ``art11.initial_opinio`` / ``n`` (397 lines for the sample)."""
    out = rendered(SAMPLE_REPORT, SAMPLE.project, width)
    assert "…" not in out
    for finding in SAMPLE_REPORT.findings:
        assert finding.rule in out
    for case in LIFECYCLE:
        report = case.case.run()
        out = rendered(report, case.case.project, width)
        assert [f.rule for f in report.findings if f.rule not in out] == [], case.id


def test_the_narrow_layout_is_short_lines_with_each_id_on_its_own_line() -> None:
    out = rendered(SAMPLE_REPORT, SAMPLE.project, 80, show_all=False)
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    starts = {line.split()[0] for line in lines if line.startswith("  art")}
    shown = {f.rule for f in SAMPLE_REPORT.findings if f.status is not Status.NOT_APPLICABLE}
    assert shown <= starts
    for n, line in enumerate(lines):
        if n and line.strip():
            assert line.strip()[0] not in CLOSING, line
    assert len(lines) < 300  # 476 lines before


def test_a_wide_console_gets_the_tables() -> None:
    out = rendered(SAMPLE_REPORT, SAMPLE.project, 160)
    assert "事项 Finding" in out
    assert "─" in out
    assert "事项 Finding" not in rendered(SAMPLE_REPORT, SAMPLE.project, 80)


def test_the_same_report_gives_the_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    first = tinghu(capsys, "evaluate", "--sample")
    second = tinghu(capsys, "evaluate", "--sample")
    assert first.status == second.status == 0
    assert first.out == second.out
    assert "Findings" in first.out
    assert "Next deadline: 2026-12-01" in first.out


def test_piped_output_uses_the_compact_layout(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample")
    assert re.search(r"(?m)^  art11\.initial_opinion  第1轮 · 区数据局$", ran.out)
    assert "┃" not in ran.out
    assert "…" not in ran.out


def test_render_module_has_one_threshold() -> None:
    assert render.is_narrow(Console(file=io.StringIO(), width=WIDE - 1))
    assert not render.is_narrow(Console(file=io.StringIO(), width=WIDE))


# --- iCalendar: obligations left out ----------------------------------------------------------------------------


def _beyond_the_calendar(tmp_path: Path) -> tuple[str, str]:
    """The sample moved six years on (2030–2032): its later deadlines need arrangements the data lacks."""
    text = json.dumps(sample_project_json(), ensure_ascii=False)
    for year in (2026, 2025, 2024):
        text = text.replace(f"{year}-", f"{year + 6}-").replace(f": {year},", f": {year + 6},")
    path = tmp_path / "later.json"
    path.write_text(text, encoding="utf-8")
    return str(path), (SAMPLE_AS_OF.replace(year=2032)).isoformat()


def test_ics_names_the_obligations_it_leaves_out_in_the_file_and_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: an obligation whose due date is undetermined (a calendar year missing) was dropped in silence."""
    path, as_of = _beyond_the_calendar(tmp_path)
    ran = tinghu(capsys, "evaluate", path, "--as-of", as_of, "--format", "ics")
    assert ran.status == 0, ran.err
    report = evaluate(
        Project.model_validate_json(Path(path).read_text("utf-8")), as_of=SAMPLE_AS_OF.replace(year=2032)
    )
    left_out = omitted(report)
    assert left_out, "the moved sample has no obligation without a due date: choose later years"
    calendar = icalendar.Calendar.from_ical(ran.out.encode("utf-8"))
    noted = calendar.get("X-TINGHU-OMITTED")
    noted = noted if isinstance(noted, list) else [noted]
    assert len(noted) == len(left_out)
    description = str(calendar.get("X-WR-CALDESC"))
    message = ran.message
    assert "left out of the calendar" in message
    for finding, reason in left_out:
        assert finding.rule in description
        assert finding.rule in message
        assert finding.due is None
        assert "no due date" in reason or "需要" in reason or "缺少" in reason
        assert finding.rule not in {str(e["X-TINGHU-RULE"]) for e in calendar.walk("VEVENT")}
    missing = "、".join(map(str, report.calendar_years_missing))
    assert missing
    assert f"缺少{missing}年" in message


def test_ics_without_omissions_says_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample", "--format", "ics")
    assert ran.status == 0
    assert "left out" not in ran.err
    assert b"X-TINGHU-OMITTED" not in ran.out.encode("utf-8")


def test_report_to_ical_passes_the_omissions_to_notify(tmp_path: Path) -> None:
    path, _ = _beyond_the_calendar(tmp_path)
    report = evaluate(
        Project.model_validate_json(Path(path).read_text("utf-8")), as_of=SAMPLE_AS_OF.replace(year=2032)
    )
    told: list[list[str]] = []
    data = report_to_ical(report, notify=told.append)
    assert len(told) == 1
    assert len(told[0]) == len(omitted(report))
    assert report_to_ical(report, notify=None) == data  # the same bytes, told or not
