"""The report as rich tables: the findings with their citations, then the timeline of open obligations."""

from __future__ import annotations

from datetime import date

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from tinghu_policy.engine import CheckRole, Finding, Report, Status
from tinghu_policy.engine.explain import missing_zh
from tinghu_policy.engine.rule import rule_by_id
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import DECISIONS, DEFAULT_INTERPRETATION, Interpretation

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
    return f"{title}（{finding.subject_zh}）" if finding.subject_zh else title


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
    """The options that differ from the defaults, as ``D5 serious_overdue_boundary=at_least``."""
    out = []
    for name in Interpretation.model_fields:
        value = getattr(interpretation, name)
        if value != getattr(DEFAULT_INTERPRETATION, name):
            decision = _FIELD_DECISION.get(name)
            shown = value.value if hasattr(value, "value") else value
            out.append(f"{decision + ' ' if decision else ''}{name}={shown}")
    return out


def header(report: Report, project: Project | None) -> Text:
    text = Text()
    text.append(report.project, style="bold")
    if project is not None:
        text.append(f"  {project.name}  {project.owner.name}")
    text.append(f"\n评估日 as of {report.as_of}", style="dim")
    changes = interpretation_changes(report.interpretation)
    text.append(
        f"；解释选项 interpretation: {', '.join(changes) if changes else '默认 defaults'}", style="dim"
    )
    if report.provisional:
        text.append(
            "\n临时结果 provisional: some dates are beyond the official holiday data (D12)", style="yellow"
        )
    if report.facts_after_as_of:
        later = "；".join(f"{f.name_zh}（{f.fact}）{f.day}" for f in report.facts_after_as_of)
        text.append(
            f"\n注意：以下事实的日期晚于评估日，视为尚未发生，未被任何规则采用，请核对是否录入有误 — facts dated after "
            f"as_of, read as not yet happened (check for a mistyped year): {later}",
            style="yellow",
        )
    if report.calendar_years_missing:
        years = "、".join(map(str, report.calendar_years_missing))
        text.append(
            f"\n缺少{years}年官方节假日安排，相关结论无法判断 — some findings need the official arrangement of "
            f"{years}: supply it with --calendar-overlay FILE (D12)",
            style="yellow",
        )
    return text


def findings_table(report: Report, *, show_all: bool) -> RenderableType:
    """Every finding (without the not-applicable ones unless ``show_all``) in the order of the provisions."""
    shown = [f for f in report.findings if show_all or f.status is not Status.NOT_APPLICABLE]
    table = Table(title="审查结论 Findings", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("条款 Provision", no_wrap=True)
    table.add_column("状态 Status", no_wrap=True)
    table.add_column("期限 Due", no_wrap=True)
    table.add_column("事项 Finding", overflow="fold", ratio=1)
    for f in shown:
        about = " · ".join(part for part in (f.subject_zh, party_zh(f)) if part and part != "—")
        table.add_row(
            f.citation_zh,
            status_text(f),
            str(f.due) if f.due else "",
            Text.assemble(
                (about + " · " if about else "", "bold"), (f.rule, "dim"), "\n", short_explanation(f)
            ),
        )
    hidden = len(report.findings) - len(shown)
    counts: dict[Status, int] = {}
    for f in report.findings:
        counts[f.status] = counts.get(f.status, 0) + 1
    tally = Text("  ".join(f"{s.name_zh} {n}" for s, n in counts.items()), style="dim")
    if hidden:
        tally.append(
            f"\n{hidden} 项不适用未列出 not-applicable findings hidden (--all shows them)", style="dim"
        )
    return Group(table, tally)


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
    overdue = report.overdue()
    if overdue:
        lines = Text(f"已逾期 Overdue: {len(overdue)}", style="bold red")
        for f in overdue:
            since = f"（期限 {f.due}，{days_from(report.as_of, f.due)}）" if f.due else ""
            lines.append(f"\n  {f.citation_zh} {obligation(f)} — {party_zh(f)}{since}", style="red")
        parts.append(lines)
    else:
        parts.append(Text("已逾期 Overdue: 0", style="green"))
    upcoming = report.next_deadline()
    if upcoming is not None and upcoming.due is not None:
        parts.append(
            Text(
                f"下一期限 Next deadline: {upcoming.due}（{days_from(report.as_of, upcoming.due)}）"
                f" {upcoming.citation_zh} {obligation(upcoming)} — {party_zh(upcoming)}",
                style="bold cyan",
            )
        )
    else:
        parts.append(Text("下一期限 Next deadline: —", style="dim"))
    return Group(*parts)


def print_report(
    console: Console, report: Report, project: Project | None, *, show_all: bool = False
) -> None:
    """The ``table`` format of ``tinghu-policy evaluate``."""
    console.print(header(report, project))
    console.print(findings_table(report, show_all=show_all))
    console.print()
    console.print(timeline(report))
