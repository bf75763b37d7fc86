"""``tinghu-policy calendar``: the working-day calendar as staff check it against the State Council's notice.

* ``calendar show 2026-12`` — a month (or ``2026``, a year) with working days, holidays (休) and make-up working days
  (班) marked, and the month's special days listed with their source;
* ``calendar overlay --year 2027`` — writes the year's overlay skeleton with the statutory holidays filled in
  (:func:`~tinghu_policy.periods.drafting.skeleton`);
* ``calendar check 2027.yaml`` — validates a completed overlay against the law and shows the year month by month
  (:func:`~tinghu_policy.periods.drafting.check`);
* ``calendar accuracy`` — the statutory estimate measured against the published years
  (:mod:`~tinghu_policy.periods.accuracy`).

A day beyond the calendar data is an error naming the year (D12) unless ``--estimate`` asks for the statutory
estimate, which is shown as such.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import click
from rich.columns import Columns
from rich.console import Group
from rich.table import Table
from rich.text import Text

from tinghu_policy.cli.app import app, console
from tinghu_policy.errors import CalendarCoverageError, CalendarOverlayError, TinghuPolicyError
from tinghu_policy.interpretation import CalendarCoverage, Interpretation
from tinghu_policy.periods import DayInfo, DayKind, WorkCalendar, load_overlay
from tinghu_policy.periods.days import WEEKDAY_ZH
from tinghu_policy.periods.statutory import ESTIMATE_YEARS

_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_ESTIMATE = Interpretation(beyond_calendar_data=CalendarCoverage.STATUTORY_ESTIMATE)
_STRICT = Interpretation()

HOLIDAY_MARK, MAKEUP_MARK = "休", "班"
"""The marks of the printed calendars: a rest day of a holiday block, a weekend day worked."""
_STYLE = {
    DayKind.PUBLIC_HOLIDAY: "bold red",
    DayKind.MAKEUP_WORKDAY: "bold blue",
    DayKind.WEEKEND: "dim",
    DayKind.WORKDAY: "",
}


@app.group()
def calendar() -> None:
    """The working-day calendar: show a month, draft and check next year's overlay, the estimate's accuracy."""


def _overlay_option(f: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--calendar-overlay",
        "overlays",
        multiple=True,
        metavar="FILE",
        help="Add a year's State Council arrangement (examples/calendar-overlays/; repeatable).",
    )(f)


def _calendar(overlays: tuple[str, ...]) -> WorkCalendar:
    cal = WorkCalendar.default()
    for path in overlays:
        cal = cal.with_overlay(path)
    return cal


@calendar.command()
@click.argument("month", metavar="YYYY-MM|YYYY")
@_overlay_option
@click.option(
    "--estimate",
    is_flag=True,
    help="Beyond the calendar data, show the statutory estimate (D12 statutory_estimate): weekends and the "
    "holidays of 《全国年节及纪念日放假办法》, without the State Council's 调休.",
)
def show(month: str, overlays: tuple[str, ...], estimate: bool) -> None:
    """Print a month (YYYY-MM) or a year (YYYY): working days, holidays (休), make-up working days (班)."""
    match = _MONTH.fullmatch(month.strip())
    if match is None or not 1 <= int(match.group(2) or 1) <= 12:
        raise click.BadParameter(f"{month!r}: write YYYY-MM (2026-12) or YYYY (2026)", param_hint="MONTH")
    year = int(match.group(1))
    months = [int(match.group(2))] if match.group(2) else list(range(1, 13))
    cal = _calendar(overlays)
    interp = _ESTIMATE if estimate else _STRICT
    first = date(year, months[0], 1)
    last = _month_end(year, months[-1])
    try:  # D12: an error naming the year, or the estimate
        cal.beyond(first.toordinal(), last.toordinal(), interp.beyond_calendar_data)
    except CalendarCoverageError as gap:
        hint = "" if estimate else f" Here: add --estimate to see {gap.year} as the statutory estimate."
        raise TinghuPolicyError(f"{gap}{hint}") from None
    days = [cal.day(first + timedelta(days=i), interpretation=interp) for i in range((last - first).days + 1)]
    grids = [month_grid(year, m, [d for d in days if d.date.month == m]) for m in months]
    if len(grids) == 1:
        console.print(grids[0])
    else:
        console.print(Columns(grids, padding=(1, 3)))
    console.print()
    console.print(special_days(days), soft_wrap=True)
    console.print(_legend(days), soft_wrap=True)


@calendar.command()
@click.option("--year", "year", type=int, required=True, help="The year of the notice to come, e.g. 2027.")
@click.option(
    "-o",
    "--output",
    metavar="FILE|-",
    help="Where to write the skeleton [default: YEAR.yaml in the current folder; - for standard output].",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def overlay(year: int, output: str | None, force: bool) -> None:
    """Write YEAR's overlay skeleton with the statutory holidays filled in, to complete from the notice."""
    from tinghu_policy.periods.drafting import skeleton

    if not ESTIMATE_YEARS[0] <= year <= ESTIMATE_YEARS[1]:
        raise click.BadParameter(
            f"{year}: the statutory holidays are known for {ESTIMATE_YEARS[0]}–{ESTIMATE_YEARS[1]}",
            param_hint="--year",
        )
    text = skeleton(year)
    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output or f"{year}.yaml")
    if path.exists() and not force:
        raise click.UsageError(f"{path} exists: use --force to overwrite it, or -o another file")
    path.write_text(text, encoding="utf-8")
    console.print(
        f"wrote {path}: {year}年法定节假日已填入。对照通知补全放假起止日期、调休上班日和通知的成文日期，"
        f"然后运行 tinghu-policy calendar check {path}",
        markup=False,
        soft_wrap=True,
    )


@calendar.command()
@click.argument("file", metavar="FILE")
@click.option("--quiet", is_flag=True, help="Print the checks only, not the year.")
def check(file: str, quiet: bool) -> None:
    """Validate a completed overlay against the law and show its year month by month.

    Exit status 0: no errors (warnings are for comparing with the notice); 1: errors; 2: not a valid overlay.
    """
    from tinghu_policy.periods.drafting import Severity
    from tinghu_policy.periods.drafting import check as check_overlay

    try:
        loaded = load_overlay(file)
    except CalendarOverlayError as exc:
        raise TinghuPolicyError(
            f"{exc}\n(a skeleton needs the notice's date, notice.issued, before it is checked)"
        ) from None
    year = loaded.year
    if not ESTIMATE_YEARS[0] <= year <= ESTIMATE_YEARS[1]:
        raise TinghuPolicyError(
            f"{file}: {year} is outside the years whose statutory holidays are known "
            f"({ESTIMATE_YEARS[0]}–{ESTIMATE_YEARS[1]})"
        )
    result = check_overlay(loaded)
    console.print(f"{file}: {loaded.notice.citation}", markup=False, soft_wrap=True)
    for passed in result.passed:
        console.print(Text.assemble(("  ✓ ", "green"), passed.zh), soft_wrap=True)
        console.print(Text(f"    {passed.en}", style="dim"), soft_wrap=True)
    for problem in result.problems:
        mark, style = ("  ✗ ", "bold red") if problem.severity is Severity.ERROR else ("  ! ", "yellow")
        console.print(Text.assemble((mark, style), problem.zh), soft_wrap=True)
        console.print(Text(f"    {problem.en}", style="dim"), soft_wrap=True)
    if not quiet:
        cal = WorkCalendar(loaded.specials(), (year, year), {year: f"overlay {loaded.notice.citation}"})
        days = [cal.day(date(year, 1, 1) + timedelta(days=i)) for i in range(_days_in(year))]
        console.print()
        console.print(
            Columns([month_grid(year, m, [d for d in days if d.date.month == m]) for m in range(1, 13)])
        )
        console.print()
        console.print(special_days(days), soft_wrap=True)
        console.print(_legend(days), soft_wrap=True)
    errors, warnings = len(result.errors), len(result.warnings)
    summary = f"{errors} 个错误 error(s), {warnings} 个提示 warning(s)"
    console.print(summary, style="bold red" if errors else "green", markup=False)
    if errors:
        raise click.exceptions.Exit(1)


@calendar.command()
@click.option("--from", "first", type=int, default=None, help="First year measured [default: 2015].")
@click.option("--to", "last", type=int, default=None, help="Last year measured [default: the data's last].")
@click.option("--year", "detail", type=int, default=None, help="Also show this year's table and worst cases.")
def accuracy(first: int | None, last: int | None, detail: int | None) -> None:
    """How often the statutory estimate gives the published due date, year by year (against weekends only)."""
    from tinghu_policy.periods import accuracy as measured

    results = measured.measure_all(first or measured.FIRST_YEAR, last)
    console.print(_table(measured.SUMMARY_HEADERS, measured.summary_rows(results)))
    for result in results:
        if result.year != detail:
            continue
        console.print(f"\n{result.year}（{result.edition.citation}）", markup=False)
        console.print(_table(measured.YEAR_HEADERS, measured.year_rows(result)))
        for line in measured.worst_lines(result):
            console.print(f"  {line}", markup=False, soft_wrap=True)


def _table(headers: tuple[tuple[str, str], ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(show_lines=False)
    for zh, en in headers:
        table.add_column(f"{zh}\n{en}", overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


# --- rendering ----------------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def _days_in(year: int) -> int:
    return (date(year + 1, 1, 1) - date(year, 1, 1)).days


def _mark(day: DayInfo) -> str:
    if day.kind is DayKind.PUBLIC_HOLIDAY:
        return HOLIDAY_MARK
    if day.kind is DayKind.MAKEUP_WORKDAY:
        return MAKEUP_MARK
    return "  "


def month_grid(year: int, month: int, days: list[DayInfo]) -> Text:
    """One month as a grid, Monday first: each day with 休 (holiday), 班 (make-up working day) or nothing."""
    estimated = any(d.provisional for d in days)
    title = f"{year}年{month}月" + ("（估算：调休未知）" if estimated else "")
    out = Text(title + "\n", style="bold")
    out.append(" ".join(f"{w[1]}  " for w in WEEKDAY_ZH) + "\n", style="bold")
    out.append("     " * days[0].date.weekday())
    for day in days:
        cell = Text(f"{day.date.day:>2}{_mark(day)}", style=_STYLE[day.kind])
        if day.provisional and day.kind is DayKind.PUBLIC_HOLIDAY:
            cell.stylize("italic")
        out.append_text(cell)
        out.append("\n" if day.date.weekday() == 6 and day is not days[-1] else " ")
    return out


def special_days(days: list[DayInfo]) -> Group | Text:
    """The holidays and make-up working days among ``days``, with their source, and the working-day count."""
    lines: list[Text] = []
    for day in days:
        if day.kind not in (DayKind.PUBLIC_HOLIDAY, DayKind.MAKEUP_WORKDAY):
            continue
        what = "放假" if day.kind is DayKind.PUBLIC_HOLIDAY else "调休上班"
        if day.in_lieu:
            what += "（调休）"
        if day.provisional:
            what += "（估算）"
        lines.append(
            Text.assemble(
                f"{day.date.month:>2}月{day.date.day:>2}日 {WEEKDAY_ZH[day.date.weekday()]}  ",
                (f"{_mark(day)} ", _STYLE[day.kind]),
                f"{day.name_zh or ''} {what}",
            )
        )
    working = sum(d.working for d in days)
    months = {(d.date.year, d.date.month) for d in days}
    span = "本月" if len(months) == 1 else "全年" if len(months) == 12 else "期间"
    lines.append(Text(f"{span}工作日 {working} 天 working days: {working}"))
    if not any(d.kind is not DayKind.WORKDAY and d.kind is not DayKind.WEEKEND for d in days):
        lines.insert(0, Text("无节假日安排 no holidays or make-up working days"))
    return Group(*lines)


def _legend(days: list[DayInfo]) -> Text:
    sources = sorted({d.source for d in days if d.source and not d.provisional})
    estimated = sorted({d.date.year for d in days if d.provisional})
    legend = Text(
        f"{HOLIDAY_MARK} 放假 holiday   {MAKEUP_MARK} 调休上班 make-up working day   周六、周日不另标注\n",
        style="dim",
    )
    if sources:
        legend.append("数据 data: " + "；".join(sources) + "\n", style="dim")
    if estimated:
        from tinghu_policy.periods.statutory import edition_for

        years = "、".join(map(str, estimated))
        legend.append(
            f"{years}年不在官方数据内：按{edition_for(estimated[0]).citation}第二条的节日、第六条的补假和周末估算；"
            "国务院办公厅的调休安排（调休放假、调休上班）尚未公布，未计入。\n",
            style="yellow",
        )
    return legend


__all__ = ["calendar", "month_grid", "special_days"]
