"""The words of :mod:`tinghu_policy.rules.art24_delays`: serious delays, late starts, their reports and orders."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from tinghu_policy.engine import Note, Text, render
from tinghu_policy.facts import DelayTrigger


class _Label(Protocol):
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...


class _Explained(Protocol):
    def texts(self) -> Text: ...


def adjusted_completion(n: int) -> Text:
    return (
        f"调整后的批复工期届满日（第{n + 1}项调整）",
        f"approved completion as adjusted (adjustment {n + 1})",
    )


def adjusted_schedule(n: int, adjusted: date, after: date) -> Text:
    return (
        f"批复工期经第{n + 1}项调整（{adjusted}实施）改为{after}届满",
        f"the schedule as adjusted by adjustment {n + 1} (carried out {adjusted}) ends on {after}",
    )


def approved_schedule(approved: date) -> Text:
    return f"批复工期届满日为{approved}", f"the approved schedule ends on {approved}"


def duration_start(months: int) -> Text:
    return (
        f"开工建设（批复工期{months}个月自此起算）",
        f"start of works (the approved {months} months run from it)",
    )


def duration_schedule(months: int, started: date, end: _Explained) -> Text:
    zh, en = end.texts()
    return (
        f"批复工期{months}个月，自开工之日（{started}）起算：{zh.rstrip('。')}",
        f"the approved duration of {months} months runs from the start of works ({started}): {en.rstrip('.')}",
    )


def boundary(limit: _Explained, at_least: bool, first: date) -> Text:
    """The 6-month limit day and D5's reading of it."""
    zh, en = limit.texts()
    reading_zh = "“以上”包括本数，届满之日即属超过" if at_least else "“超过”不包括本数，届满之日尚不属超过"
    reading_en = "'or more' includes the limit day" if at_least else "'more than' excludes the limit day"
    return (
        f"{zh.rstrip('。')}；D5：{reading_zh}，自 {first} 起属超过6个月",
        f"{en.rstrip('.')}; D5: {reading_en}; over the limit from {first}",
    )


def plus_six_months(label: _Label) -> Text:
    return f"{label.zh}（满6个月后起算）", f"{label.en} (+6 months)"


def reported_on(trigger: DelayTrigger) -> Text:
    return (
        f"就{trigger.name_zh}向区数据局报告并提出整改方案",
        f"report on the {trigger.name_en} with a remediation plan",
    )


def without_plan(note: Note | None, reported: date) -> Text:
    zh, en = render(note)
    return (
        zh + f"；{reported}的报告未提出整改方案，不视为已报告",
        en + f"; the report of {reported} has no remediation plan and does not count",
    )


def duration_not_started(months: int) -> Text:
    return (
        f"批复工期{months}个月自开工之日起算，项目尚未开工建设",
        f"the approved {months} months run from the start of works, which has not happened",
    )


NO_SCHEDULE = ("未提供批复工期", "no approved completion date")


def schedule(
    found: Note, within: Note | None, completed: date | None, as_of: date, late_days: int | None
) -> Text:
    """The schedule, the 6-month limit, and — for a project late but within it — by how many days."""
    found_zh, found_en = render(found)
    within_zh, within_en = render(within)
    note_zh, note_en = f"{found_zh}；{within_zh}", f"{found_en}; {within_en}"
    if late_days is not None:
        if completed is not None:
            note_zh += f"；项目于{completed}建成，超出批复工期{late_days}天，未超过6个月，不属严重逾期"
            note_en += (
                f"; completed on {completed}, {late_days} days beyond the schedule: late, but not 6 months, so not "
                "seriously overdue"
            )
        else:
            note_zh += f"；截至{as_of}尚未建成，已超出批复工期{late_days}天，尚未超过6个月，不属严重逾期"
            note_en += (
                f"; not completed on {as_of}, {late_days} days beyond the schedule: late, but not yet 6 months, "
                "so not seriously overdue"
            )
    return note_zh, note_en


NOT_OVERDUE = ("项目未严重逾期", "the project is not seriously overdue")
NO_LOSS = ("未造成重大损失", "no major loss")
LOSS_LATER = ("重大损失尚未发生", "the major loss has not happened yet")
NO_RECTIFICATION = ("区数据局未要求限期整改", "no rectification ordered")


def rectification(ordered: date, deadline: date) -> Text:
    return (
        f"区数据局于{ordered}要求限期整改，整改期限为{deadline}（区数据局确定的日期，不顺延）",
        f"rectification ordered on {ordered}, to be completed by {deadline} (the date the "
        "data bureau set, not rolled over)",
    )


NO_SUSPENSION = ("区数据局未要求暂停项目实施", "no suspension ordered")


def suspension(ordered: date, lifted: date | None, as_of: date) -> Text:
    return (
        f"{ordered}起暂停实施，" + (f"{lifted}恢复实施" if lifted else f"截至{as_of}尚未恢复"),
        f"suspended from {ordered}, " + (f"resumed on {lifted}" if lifted else f"not resumed by {as_of}"),
    )


DESIGN_NOT_APPROVED = ("初步设计尚未批复", "the preliminary design is not approved yet")
NOT_FISCAL = ("非财政预算资金安排的项目", "not funded from the fiscal budget")
NOT_LATE = ("不属于未按时开工建设的财政项目", "not a fiscal project late in starting works")

_RULE_ZH = "“适时”修饰三部门的调整，不修饰项目单位的报告；报告本条未规定期限，D11配置的期限不适用"
_RULE_EN = (
    "'适时' (in due course) qualifies the bureaus' adjustment, not the unit's report; the report has no period "
    "in the text and a period configured under D11 does not apply"
)


def _since(since: date) -> Text:
    return (
        f"超过初步设计批复时间6个月未开工：自{since}起",
        f"not started 6 months after approval: from {since}",
    )


def late_start_reported(since: date, reported: date) -> Text:
    since_zh, since_en = _since(since)
    return f"{since_zh}；已于{reported}报告；{_RULE_ZH}", f"{since_en}; reported on {reported}; {_RULE_EN}"


def late_start_unreported(since: date, early: date | None) -> Text:
    since_zh, since_en = _since(since)
    early_zh = f"{early}的报告早于未按时开工之日，不能视为已报告；" if early is not None else ""
    early_en = (
        f"the report of {early} predates the late start and does not count; " if early is not None else ""
    )
    return (
        f"{since_zh}；{early_zh}尚未报告；{_RULE_ZH}：无到期日、不认定逾期",
        f"{since_en}; {early_en}not reported yet; {_RULE_EN}: no due date, never overdue",
    )
