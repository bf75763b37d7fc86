"""The words of the engine's helpers (:class:`~tinghu_policy.engine.Context`): each function renders one note
from the data a verdict keeps (:mod:`tinghu_policy.engine.notes`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from tinghu_policy.engine.notes import Note, Text, render

if TYPE_CHECKING:
    from tinghu_policy.periods import Period


class _Label(Protocol):
    @property
    def fact(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...


class _Explained(Protocol):
    def texts(self) -> Text: ...


def not_yet_in_force(effective: date, day: date) -> Text:
    return (
        f"本办法自{effective}起施行，评估日{day}尚未施行（D13）",
        f"the regulation takes effect on {effective}; on {day} it is not yet in force (D13)",
    )


def undated_act(label: _Label, effective: date) -> Text:
    return (
        f"未提供{label.zh}的日期，无法判断该行为是否发生在本办法施行（{effective}）之后（D13）",
        f"the date of {label.en} is not given: it cannot be placed before or after the regulation "
        f"took effect on {effective} (D13)",
    )


def act_before_effect(label: _Label, day: date, effective: date) -> Text:
    return (
        f"{label.zh}发生于{day}，早于本办法施行日期{effective}。法律不溯及既往（立法法第一百零四条），"
        "本办法不适用于施行前的行为（D13）",
        f"{label.en} happened on {day}, before the regulation took effect on {effective}; law does not "
        "reach back (Legislation Law art. 104): acts before the effective date are not judged (D13)",
    )


def derived_before_effect(zh: str, en: str, day: date, effective: date) -> Text:
    return (
        f"{zh}为{day}，早于本办法施行日期{effective}。法律不溯及既往（立法法第一百零四条），本办法不适用于施行前"
        "的事实（D13）",
        f"{en} is {day}, before the regulation took effect on {effective}; law does not reach back (Legislation "
        "Law art. 104) (D13)",
    )


def clock_not_started(start: _Label) -> Text:
    return f"起算事实尚未发生：{start.zh}", f"the clock has not started: no {start.en}"


def period_note(period: Period, explained: _Explained) -> Text:
    """A deadline's note: the period, then how its last day was found."""
    zh, en = explained.texts()
    return f"{period.label_zh}：{zh}", f"{period.label_en}: {en}"


def timely_without_start(n: int, start: _Label) -> Text:
    return (
        f"已配置“及时”为{n}个工作日（D11），但缺少起算日期：{start.zh}",
        f"'timely' is set to {n} working days (D11) but the start is not given: {start.en}",
    )


def timely_configured(note: Note | None, n: int) -> Text:
    zh, en = render(note)
    return (
        zh.rstrip("。") + f"；“及时”按使用者配置的{n}个工作日计算（D11）",
        en.rstrip(".") + f"; 'timely' read as {n} working days as configured (D11)",
    )


def _since(start: date | None, derived: bool, label: _Label) -> Text:
    if start is None:
        return f"{label.zh}的日期未提供；", f"the date of {label.en} is not given; "
    if derived:  # a derived start: its day is shown here, its source in the check
        return f"{label.zh}：{start}；", f"{label.en}: {start}; "
    return "", ""


_UNSET_ZH = "“及时”未规定期限（D11）"
_UNSET_EN = "'timely' has no number (D11)"


def timely_done(
    start: date | None, derived: bool, start_label: _Label, done: date, done_label: _Label
) -> Text:
    since_zh, since_en = _since(start, derived, start_label)
    return (
        f"{since_zh}已于{done}{done_label.zh}；{_UNSET_ZH}，不判断是否逾期",
        f"{since_en}{done_label.en} on {done}; {_UNSET_EN}, so it cannot be late",
    )


def timely_open(
    start: date | None, derived: bool, start_label: _Label, early: date | None, done_label: _Label
) -> Text:
    since_zh, since_en = _since(start, derived, start_label)
    before_zh = f"{early}的{done_label.zh}早于该事实，不能视为已履行；" if early is not None else ""
    before_en = (
        f"the {done_label.en} of {early} predates the event and does not count; " if early is not None else ""
    )
    return (
        f"{since_zh}{before_zh}尚未{done_label.zh}；{_UNSET_ZH}，未配置期限时无到期日、不认定逾期"
        "（可设置 timely_within_working_days）",
        f"{since_en}{before_en}not yet {done_label.en}; {_UNSET_EN}: no due date, never overdue "
        "unless timely_within_working_days is set",
    )


def _where(start_label: _Label, start: date, period: Period, lowest: date, year: int) -> Text:
    return (
        f"起算：{start_label.zh}（{start_label.fact}）{start}，{period.label_zh}；期限不早于 {lowest}，确切日期需要"
        f"{year}年的官方节假日安排（D12）",
        f"from {start_label.en} ({start_label.fact}) {start}, {period.label_en}; due no earlier than {lowest}, "
        f"the exact day needs the {year} official arrangement (D12)",
    )


def beyond_calendar_bound(start_label: _Label, start: date, period: Period, lowest: date, year: int) -> Text:
    return _where(start_label, start, period, lowest, year)


def beyond_calendar_unknown(
    start_label: _Label, start: date, period: Period, lowest: date, year: int, gap: str
) -> Text:
    where_zh, where_en = _where(start_label, start, period, lowest, year)
    supply_zh = (
        f"可将{year}年国务院办公厅节假日安排通知作为日历叠加文件提供（--calendar-overlay），"
        "或选用解释决定D12的 statutory_estimate，按法定节假日估算，结论为临时结果"
    )
    return f"{where_zh}；{supply_zh}", f"{where_en}; {gap}"


def calendar_gap(message_zh: str, message_en: str) -> Text:
    """A rule that needs a year beyond the calendar data (D12): the gap, in each language."""
    return message_zh, message_en


def explanation(explained: _Explained) -> Text:
    """A deadline's explanation itself (how its last day was found)."""
    return explained.texts()
