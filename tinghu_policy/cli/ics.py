"""A report's open deadlines as an iCalendar file (RFC 5545), for the calendars of the people who owe them.

Each obligation still open on ``as_of`` (pending or overdue) that has a due date becomes an all-day event on that
day — the deadline ends at 24:00 Asia/Shanghai of the due date (民法典 第二百零三条第二款) — naming the provision,
the rule and who owes it. The UID is derived from the project id, the rule id and the subject only, so importing
a later report updates the same events instead of adding copies; DTSTAMP is the start of ``as_of`` (Shanghai), so
the same report always gives the same bytes.
"""

from __future__ import annotations

import uuid
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


def report_to_ical(report: Report) -> bytes:
    """The open deadlines of ``report`` as an iCalendar file (UTF-8 bytes, CRLF line ends)."""
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
        if finding.subject:
            event.add("x-tinghu-subject", finding.subject)
        cal.add_component(event)
    return bytes(cal.to_ical())


def _description(finding: Finding, title_en: str) -> str:
    party = finding.owed_by
    lines = [
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
