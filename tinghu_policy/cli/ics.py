"""A report's open deadlines as an iCalendar file (RFC 5545), for the calendars of the people who owe them.

Each obligation still open on ``as_of`` (pending or overdue) that has a due date becomes an all-day event on that
day — the deadline ends at 24:00 Asia/Shanghai of the due date (民法典 第二百零三条第二款) — naming the provision,
the rule and who owes it. The UID is derived from the project id, the rule id and the subject only, so importing
a later report updates the same events instead of adding copies; DTSTAMP is the start of ``as_of`` (Shanghai), so
the same report always gives the same bytes. A due date resting on estimated rest days (D12 ``statutory_estimate``
or ``provisional``) is a ``STATUS:TENTATIVE`` event naming the years estimated (``X-TINGHU-ESTIMATED-YEARS``).

An obligation whose due date is not determined — open with no due date, or undetermined because the due date
needs a year's official working-day arrangement that is missing (D12) — cannot be an event. It is not dropped in
silence: the calendar names each one with the reason (``X-TINGHU-OMITTED`` properties, summed up in
``X-WR-CALDESC``), and :func:`report_to_ical` passes the same lines to ``notify`` (by default the command line's
standard error).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from tinghu_policy.engine.rule import rule_by_id
from tinghu_policy.periods.legal_date import legal_zone

if TYPE_CHECKING:
    from tinghu_policy.engine import Finding, Report

PRODID = "-//tinghu-policy//盐城市亭湖区政务信息化项目建设管理办法（试行）//ZH"
UID_DOMAIN = "tinghu-policy"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://tinghu-policy/obligation")


def event_uid(project: str, rule: str, subject: str | None) -> str:
    """The stable UID of the event for ``rule``'s obligation about ``subject`` in ``project``."""
    key = "\x1f".join((project, rule, subject or ""))
    return f"{uuid.uuid5(_NAMESPACE, key)}@{UID_DOMAIN}"


def summary(finding: Finding) -> str:
    """One line: status mark, citation, rule title, subject, who owes it."""
    text = f"{finding.citation_zh} {rule_by_id(finding.rule).title_zh}"
    if finding.subject_zh:
        text += f"（{finding.subject_zh}）"
    if finding.owed_by is not None:
        text += f" — {finding.owed_by.name_zh}"
    return f"【{finding.status_zh}】{text}"


def omitted(report: Report) -> list[tuple[Finding, str]]:
    """The obligations the calendar cannot show, each with the reason in Chinese and English: open ones without a
    due date, and those undetermined because a year's working-day arrangement is missing."""
    out: list[tuple[Finding, str]] = []
    for finding in report.findings:
        years = [m.split(":", 1)[1] for m in finding.missing if m.startswith("calendar:")]
        if finding.status.is_open and finding.due is None:
            reason = "没有确定的期限 no due date is determined"
            if report.calendar_years_missing:
                missing = "、".join(map(str, report.calendar_years_missing))
                reason += (
                    f"（本报告缺少{missing}年官方节假日安排 — the report lacks the official arrangement of "
                    f"{missing}: --calendar-overlay FILE）"
                )
            out.append((finding, reason))
        elif years and finding.due is None:
            missing = "、".join(years)
            out.append(
                (
                    finding,
                    f"期限无法确定：缺少{missing}年官方节假日安排（D12）— the due date needs the official arrangement "
                    f"of {missing}: --calendar-overlay FILE",
                )
            )
    return out


def omitted_lines(report: Report) -> list[str]:
    """:func:`omitted` as lines: ``第三十条 art30.self_evaluation（项目单位）：reason``."""
    lines = []
    for finding, reason in omitted(report):
        who = f"（{finding.owed_by.name_zh}）" if finding.owed_by is not None else ""
        subject = f" [{finding.subject}]" if finding.subject else ""
        lines.append(f"{finding.citation_zh} {finding.rule}{subject}{who}：{reason}")
    return lines


def _to_stderr(lines: list[str]) -> None:
    from tinghu_policy.cli.app import errors
    from tinghu_policy.cli.render import printable

    errors.print(
        f"注意：{len(lines)} 项义务未列入日历 — {len(lines)} obligation(s) left out of the calendar:",
        markup=False,
    )
    for line in lines:
        errors.print("  " + printable(line), markup=False, soft_wrap=True)


def report_to_ical(report: Report, notify: Callable[[list[str]], None] | None = _to_stderr) -> bytes:
    """The open deadlines of ``report`` as an iCalendar file (UTF-8 bytes, CRLF line ends). The obligations left
    out (:func:`omitted`) are named in the file and passed to ``notify`` (default: printed on standard error;
    ``None``: not at all)."""
    import icalendar  # only this output needs it

    zone = legal_zone(report.interpretation.timezone)
    stamp = datetime.combine(report.as_of, time(), tzinfo=zone).astimezone(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{report.project} 期限 deadlines")
    cal.add("x-wr-timezone", report.interpretation.timezone)
    for finding in report.open_obligations():
        if finding.due is None:
            continue
        rule = rule_by_id(finding.rule)
        event = icalendar.Event()
        event.add("uid", event_uid(report.project, finding.rule, finding.subject))
        event.add("dtstamp", stamp)
        event.add("dtstart", finding.due)
        event.add("dtend", finding.due + timedelta(days=1))
        event.add("summary", summary(finding))
        event.add("description", _description(finding, rule.title_en))
        event.add("categories", ["tinghu-policy", finding.status.value])
        event.add("transp", "TRANSPARENT")
        event.add("x-tinghu-project", report.project)
        event.add("x-tinghu-rule", finding.rule)
        event.add("x-tinghu-provision", finding.provision)
        if finding.provisional:  # rests on estimated rest days (D12): tentative until the year is published
            event.add("status", "TENTATIVE")
            event.add("x-tinghu-provisional", "TRUE")
            event.add("x-tinghu-estimated-years", ",".join(map(str, finding.estimated_years)))
        if finding.subject:
            event.add("x-tinghu-subject", finding.subject)
        cal.add_component(event)
    left_out = omitted_lines(report)
    if left_out:
        cal.add(
            "x-wr-caldesc",
            icalendar.vText(
                f"{len(left_out)} 项义务因期限未确定未列入日历 — {len(left_out)} obligation(s) left out, their due dates "
                "not determined:\n" + "\n".join(left_out)
            ),
        )
        for line in left_out:
            cal.add("x-tinghu-omitted", icalendar.vText(line))
    data = bytes(cal.to_ical())
    if left_out and notify is not None:
        notify(left_out)
    return data


def _description(finding: Finding, title_en: str) -> str:
    from tinghu_policy.cli.render import years_zh

    party = finding.owed_by
    lines = []
    if finding.provisional:
        years = years_zh(finding.estimated_years)
        lines.append(
            f"临时期限：依据{years}年估算的节假日（D12），官方安排公布后请重新评估 — provisional: rests on the "
            f"estimated rest days of {years} (D12); re-run once the official arrangement is published."
        )
    lines += [
        f"条款 Provision: {finding.citation_zh} ({finding.citation_en}, {finding.provision})",
        f"规则 Rule: {finding.rule} — {title_en}",
        f"义务方 Owed by: {party.name_zh} ({party.name_en})" if party else "义务方 Owed by: —",
        f"状态 Status: {finding.status_zh} ({finding.status.value})",
        f"期限 Due: {finding.due} 24:00 Asia/Shanghai（当日二十四时止；有业务时间的，停止业务活动的时间为截止时间，"
        "民法典第二百零三条第二款 — or when business closes where there are business hours）",
        "",
        finding.explanation_zh,
        finding.explanation_en,
    ]
    return "\n".join(lines)
