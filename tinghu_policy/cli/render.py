"""The report as rich tables (the findings with their citations, then the timeline of open obligations), and the
text helpers every command's terminal output shares.

Layouts. A console at least :data:`WIDE` columns wide gets tables; a narrower one — an 80-column terminal, or a
pipe or CI log, where rich assumes 80 columns — gets a compact layout of short lines instead, so that a rule id,
provision id or date is never broken across lines nor cut short with '…' (:func:`is_narrow`). Prose is wrapped by
:func:`wrap`, which never starts a line with closing punctuation (。，；：）」 …) nor ends one with opening
punctuation (（「 …) and never breaks a Latin word or an id. The same input gives the same bytes on every run.

Untrusted text. Names and titles come from input files and from other programs (a conformance implementation's
stderr): :func:`printable` shows their control characters as escapes (``\x1b``), so none reaches the terminal raw.
"""

from __future__ import annotations

import re
from datetime import date

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from tinghu_policy.engine import CheckRole, Finding, Report, Status
from tinghu_policy.engine.explain import missing_zh
from tinghu_policy.engine.rule import rule_by_id
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import DECISIONS, DEFAULT_INTERPRETATION, CalendarCoverage, Interpretation
from tinghu_policy.names import option_zh

WIDE = 110
"""The narrowest console that gets tables; below it the compact layouts are used."""

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_CONTROL_IN_NAME = re.compile(f"[\t\n{_CONTROL}]")
_CONTROL_IN_LINES = re.compile(f"[{_CONTROL}]")


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character (C0, DEL, C1, bidirectional overrides, line separators) written as an
    escape — ESC as ``\x1b``, NUL as ``\x00``, U+202E as ``\u202e`` — so that a name cannot colour, move or
    hide anything on the terminal. ``lines`` keeps line feeds and tabs (for multi-line text such as stderr)."""
    pattern = _CONTROL_IN_LINES if lines else _CONTROL_IN_NAME
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def is_narrow(console: Console) -> bool:
    """True when ``console`` gets the compact layouts (fewer than :data:`WIDE` columns, a pipe's 80 included)."""
    return console.width < WIDE


_CLOSING = set("。，、；：？！）》」』】〕〉”’．,.;:!?)]}%…—～·")
_OPENING = set("（《「『【〔〈“‘([{")
_WIDE_CHAR = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2026\u2014"
_UNIT = re.compile(f"[{_WIDE_CHAR}]|\\s+|[^\\s{_WIDE_CHAR}]+")


def wrap(text: str, width: int, *, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` cells (line breaks in ``text`` kept), the first prefixed by
    ``indent`` and the others by ``subsequent`` (default: ``indent``).

    Chinese breaks between any two characters, Latin at spaces only: a word or an id longer than the line stays
    whole on a line of its own. A line never starts with closing punctuation nor ends with opening punctuation
    (避头尾): the character before is carried over with it.
    """
    rest = indent if subsequent is None else subsequent
    out: list[str] = []
    for paragraph in text.split("\n"):
        prefix = indent if not out else rest
        units = _UNIT.findall(paragraph)
        line: list[str] = []
        used = 0
        i = 0
        while i < len(units):
            unit = units[i]
            if unit.isspace() and not line:
                i += 1
                continue
            room = width - cell_len(prefix)
            size = cell_len(unit)
            if used + size <= room or not line or unit.isspace():  # blanks at the end of a line are dropped
                line.append(unit)
                used += size
                i += 1
                continue
            candidates = [*line, unit]
            keep = len(line)
            while keep > 0 and not _may_break(candidates, keep):
                keep -= 1
            if keep == 0:  # no break allowed on this line (e.g. one long word and a full stop): let it hang
                line.append(unit)
                used += size
                i += 1
                continue
            carried = line[keep:]
            while carried and carried[0].isspace():
                carried.pop(0)
            out.append(prefix + "".join(line[:keep]).rstrip())
            prefix, line = rest, carried
            used = sum(cell_len(u) for u in line)
        out.append(prefix + "".join(line).rstrip())
    return out


def _may_break(units: list[str], at: int) -> bool:
    """Whether a line may end before ``units[at]``: something other than blanks stays on the line, the next line
    does not start with closing punctuation, and this one does not end with opening punctuation."""
    before = next((u for u in reversed(units[:at]) if not u.isspace()), "")
    after = next((u for u in units[at:] if not u.isspace()), "")
    return bool(before) and before[-1] not in _OPENING and after[:1] not in _CLOSING


def print_wrapped(
    console: Console, text: str, *, indent: str = "", subsequent: str | None = None, style: str = ""
) -> None:
    """Print ``text`` wrapped by :func:`wrap` to the console's width (rich adds no line breaks of its own)."""
    for line in wrap(text, console.width, indent=indent, subsequent=subsequent):
        console.print(Text(line, style=style), soft_wrap=True)


STATUS_STYLE = {
    Status.MET: "green",
    Status.HOLDS: "green",
    Status.LATE: "yellow",
    Status.OVERDUE: "bold red",
    Status.FAILS: "bold red",
    Status.PENDING: "cyan",
    Status.UNDETERMINED: "magenta",
    Status.NOTICE: "yellow",
    Status.NOT_APPLICABLE: "dim",
}
_FIELD_DECISION = {d.field: d.id for d in DECISIONS.values()}


def status_text(finding: Finding, extra: str = "") -> Text:
    """``已逾期`` over ``overdue`` (two short lines keep the column narrow), then ``extra``; a pending duty with no
    due date reads 待履行（无期限）."""
    return Text(f"{finding.status_zh}\n{finding.status.value}{extra}", style=STATUS_STYLE[finding.status])


def party_zh(finding: Finding) -> str:
    return finding.owed_by.name_zh if finding.owed_by is not None else "—"


def obligation(finding: Finding) -> str:
    """The rule's Chinese title and the subject, e.g. ``相关部门在3个工作日内出具审查意见（第1轮：区审计局）``."""
    title = rule_by_id(finding.rule).title_zh
    return f"{title}（{printable(finding.subject_zh)}）" if finding.subject_zh else title


def short_explanation(finding: Finding) -> str:
    """What a reader needs beside the status: the rule's title and, unless all is well, why."""
    title = rule_by_id(finding.rule).title_zh
    if finding.status is Status.NOT_APPLICABLE:
        return f"{title}：{finding.note_zh}" if finding.note_zh else title
    if finding.status is Status.UNDETERMINED:
        return f"{title}：缺少事实 {'；'.join(missing_zh(finding))}"
    if finding.status in (Status.FAILS, Status.LATE):
        failed = [c.render_zh() for c in finding.checks if c.ok is False and c.role is CheckRole.REQUIREMENT]
        return "；".join([title, *failed])
    if finding.status is Status.NOTICE:
        return f"{title}：{finding.note_zh}"
    return title


def interpretation_changes(interpretation: Interpretation) -> list[str]:
    """The options that differ from the defaults, as ``D5 serious_overdue_boundary=at_least（“以上”：届满当日即算超过）``:
    the value's Chinese name (:func:`tinghu_policy.names.option_zh`) beside its code."""
    out = []
    for name in Interpretation.model_fields:
        value = getattr(interpretation, name)
        if value != getattr(DEFAULT_INTERPRETATION, name):
            decision = _FIELD_DECISION.get(name)
            shown = value.value if hasattr(value, "value") else value
            zh = option_zh(name, value)
            out.append(f"{decision + ' ' if decision else ''}{name}={shown}" + (f"（{zh}）" if zh else ""))
    return out


def header_lines(report: Report, project: Project | None) -> list[tuple[str, str]]:
    """The report's header as ``(line, style)`` pairs: the project, the date and options, then any warnings."""
    first = report.project
    if project is not None:
        first += f"  {printable(project.name)}  {printable(project.owner.name)}"
    changes = interpretation_changes(report.interpretation)
    lines = [
        (first, "bold"),
        (
            f"评估日 as of {report.as_of}；解释选项 interpretation: {', '.join(changes) if changes else '默认 defaults'}",
            "dim",
        ),
    ]
    if report.provisional:
        lines.append((provisional_line(report), "yellow"))
    if report.facts_after_as_of:
        later = "；".join(f"{f.name_zh}（{f.fact}）{f.day}" for f in report.facts_after_as_of)
        lines.append(
            (
                f"注意：以下事实的日期晚于评估日，视为尚未发生，未被任何规则采用，请核对是否录入有误 — facts dated "
                f"after as_of, read as not yet happened (check for a mistyped year): {later}",
                "yellow",
            )
        )
    if report.calendar_years_missing:
        years = "、".join(map(str, report.calendar_years_missing))
        lines.append(
            (
                f"缺少{years}年官方节假日安排，相关结论无法判断 — some findings need the official arrangement of "
                f"{years}: supply it with --calendar-overlay FILE (D12)",
                "yellow",
            )
        )
    return lines


ESTIMATE_MODE = {
    CalendarCoverage.STATUTORY_ESTIMATE: ("按法定节假日估算", "by the statutory holidays"),
    CalendarCoverage.PROVISIONAL: ("仅按周末估算", "by weekends only"),
}
"""How D12 estimated the days beyond the official data, in Chinese and English."""


def years_zh(years: tuple[int, ...]) -> str:
    return "、".join(map(str, years))


def estimate_label(finding: Finding) -> str:
    """The mark beside a provisional due date: ``临时·2027年估算``."""
    return f"临时·{years_zh(finding.estimated_years)}年估算" if finding.estimated_years else "临时"


def provisional_line(report: Report) -> str:
    """The header line of a report resting on estimated years (D12): which years, how estimated, what to do."""
    years = years_zh(report.calendar_years_estimated)
    zh, en = ESTIMATE_MODE.get(report.interpretation.beyond_calendar_data, ("估算", "by estimate"))
    return (
        f"临时结果：{years}年官方节假日安排尚未公布，相关期限{zh}（D12），官方安排公布后请重新评估 — provisional: "
        f"the official arrangement of {years} is not published; those due dates are estimated {en} (D12). "
        "Re-run once it is published."
    )


def due_text(finding: Finding) -> str:
    """The due date, with :func:`estimate_label` under it when it rests on estimated years."""
    if finding.due is None:
        return ""
    return f"{finding.due}\n{estimate_label(finding)}" if finding.provisional else str(finding.due)


def header(report: Report, project: Project | None) -> Text:
    text = Text()
    for n, (line, style) in enumerate(header_lines(report, project)):
        text.append(("\n" if n else "") + line, style=style)
    return text


def _shown(report: Report, show_all: bool) -> list[Finding]:
    return [f for f in report.findings if show_all or f.status is not Status.NOT_APPLICABLE]


def _about(finding: Finding) -> str:
    """The subject and the party owing the duty, e.g. ``第1轮：区审计局 · 区审计局``."""
    parts = (printable(finding.subject_zh or ""), party_zh(finding))
    return " · ".join(part for part in parts if part and part != "—")


def tally(report: Report, show_all: bool) -> Text:
    """How many findings of each status, and how many not-applicable ones are hidden."""
    counts: dict[Status, int] = {}
    for f in report.findings:
        counts[f.status] = counts.get(f.status, 0) + 1
    text = Text("  ".join(f"{s.name_zh} {n}" for s, n in counts.items()), style="dim")
    hidden = len(report.findings) - len(_shown(report, show_all))
    if hidden:
        text.append(
            f"\n{hidden} 项不适用未列出 not-applicable findings hidden (--all shows them)", style="dim"
        )
    return text


def findings_table(report: Report, *, show_all: bool) -> RenderableType:
    """Every finding (without the not-applicable ones unless ``show_all``) in the order of the provisions."""
    table = Table(title="审查结论 Findings", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("条款 Provision", no_wrap=True)
    table.add_column("状态 Status", no_wrap=True)
    table.add_column("期限 Due", no_wrap=True)
    table.add_column("事项 Finding", overflow="fold", ratio=1, min_width=40)
    for f in _shown(report, show_all):
        about = _about(f)
        table.add_row(
            f.citation_zh,
            status_text(f),
            due_text(f),
            Text.assemble(
                (about + " · " if about else "", "bold"),
                (f.rule, "dim"),
                "\n",
                printable(short_explanation(f), lines=True),
            ),
        )
    return Group(table, tally(report, show_all))


def print_findings_compact(console: Console, report: Report, *, show_all: bool) -> None:
    """The findings for a narrow console: per finding, the citation, status and due date; the rule id on a line
    of its own (never broken); the subject and party; the explanation, wrapped."""
    width = console.width
    console.print(Text("审查结论 Findings", style="bold"), soft_wrap=True)
    for f in _shown(report, show_all):
        line = Text(f.citation_zh, style="bold")
        line.append(f"  {f.status_zh} {f.status.value}", style=STATUS_STYLE[f.status])
        if f.due:
            line.append(f"  期限 {f.due}")
            if f.provisional:
                line.append(f"（{estimate_label(f)}）", style="yellow")
        console.print(line, soft_wrap=True)
        about = _about(f)
        rule_line = Text("  " + f.rule, style="dim")
        if about and cell_len(f"  {f.rule}  {about}") <= width:
            rule_line.append("  " + about, style="bold")
            about = ""
        console.print(rule_line, soft_wrap=True)
        if about:
            print_wrapped(console, about, indent="  ", style="bold")
        print_wrapped(console, printable(short_explanation(f), lines=True), indent="  ")
    console.print(tally(report, show_all), soft_wrap=True)


def days_from(as_of: date, due: date) -> str:
    delta = (due - as_of).days
    if delta < 0:
        return f"逾期{-delta}天 {-delta} days overdue"
    if delta == 0:
        return "今日到期 due today"
    return f"还有{delta}天 in {delta} days"


def days_short(as_of: date, due: date) -> str:
    delta = (due - as_of).days
    return f"逾期{-delta}天" if delta < 0 else "今日到期" if delta == 0 else f"还有{delta}天"


def _overdue_lines(report: Report) -> list[tuple[str, str]]:
    overdue = report.overdue()
    if not overdue:
        return [("已逾期 Overdue: 0", "green")]
    lines = [(f"已逾期 Overdue: {len(overdue)}", "bold red")]
    for f in overdue:
        since = f"（期限 {f.due}，{days_from(report.as_of, f.due)}）" if f.due else ""
        lines.append((f"  {f.citation_zh} {obligation(f)} — {party_zh(f)}{since}", "red"))
    return lines


def _next_deadline_line(report: Report) -> tuple[str, str]:
    upcoming = report.next_deadline()
    if upcoming is None or upcoming.due is None:
        return ("下一期限 Next deadline: —", "dim")
    return (
        f"下一期限 Next deadline: {upcoming.due}（{days_from(report.as_of, upcoming.due)}）"
        f" {upcoming.citation_zh} {obligation(upcoming)} — {party_zh(upcoming)}",
        "bold cyan",
    )


def timeline(report: Report) -> RenderableType:
    """The open obligations by due date, those overdue, and the next deadline."""
    open_ = report.open_obligations()
    parts: list[RenderableType] = []
    table = Table(title=f"时间线 Timeline（{report.as_of}）", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("期限 Due", no_wrap=True)
    table.add_column("状态 Status", no_wrap=True)
    table.add_column("义务方 Owed by", overflow="fold", min_width=8)
    table.add_column("条款 Provision · 事项 Obligation", overflow="fold", ratio=1)
    for f in open_:
        table.add_row(
            str(f.due) if f.due else "—",
            status_text(f, f"\n{days_short(report.as_of, f.due)}" if f.due else ""),
            party_zh(f),
            Text.assemble((f.citation_zh, "bold"), "\n", obligation(f)),
        )
    parts.append(table if open_ else Text("没有未履行的义务 No open obligations.", style="green"))
    overdue = Text()
    for n, (line, style) in enumerate(_overdue_lines(report)):
        overdue.append(("\n" if n else "") + line, style=style)
    parts.append(overdue)
    line, style = _next_deadline_line(report)
    parts.append(Text(line, style=style))
    return Group(*parts)


def print_timeline_compact(console: Console, report: Report) -> None:
    """The timeline for a narrow console: per open obligation, the due date and status, then the citation and
    party, then the obligation, wrapped."""
    open_ = report.open_obligations()
    console.print(Text(f"时间线 Timeline（{report.as_of}）", style="bold"), soft_wrap=True)
    if not open_:
        console.print(Text("没有未履行的义务 No open obligations.", style="green"), soft_wrap=True)
    for f in open_:
        line = Text(str(f.due) if f.due else "—", style="bold")
        line.append(f"  {f.status_zh} {f.status.value}", style=STATUS_STYLE[f.status])
        if f.due:
            line.append(f"  {days_short(report.as_of, f.due)}")
        console.print(line, soft_wrap=True)
        console.print(Text(f"  {f.citation_zh}  {party_zh(f)}"), soft_wrap=True)
        print_wrapped(console, obligation(f), indent="  ")
    for text, style in [*_overdue_lines(report), _next_deadline_line(report)]:
        indent = "  " if text.startswith("  ") else ""
        print_wrapped(
            console, text.strip(), indent=indent, subsequent="    " if indent else "  ", style=style
        )


def print_report(
    console: Console, report: Report, project: Project | None, *, show_all: bool = False
) -> None:
    """The ``table`` format of ``tinghu-policy evaluate``: tables on a wide console, the compact layout on a
    narrow one or in a pipe (:func:`is_narrow`)."""
    if not is_narrow(console):
        console.print(header(report, project))
        console.print(findings_table(report, show_all=show_all))
        console.print()
        console.print(timeline(report))
        return
    for line, style in header_lines(report, project):
        print_wrapped(console, line, style=style)
    console.print()
    print_findings_compact(console, report, show_all=show_all)
    console.print()
    print_timeline_compact(console, report)
