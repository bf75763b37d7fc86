"""Explanations: a finding rendered as a short 审查意见 — the provision, the party, the start, the due date, the
facts, the reasoning, the conclusion — in Chinese, and in English beside it.

The rules produce data (status, due date, checks, notes); this module is the one place that turns it into text.
Every code a reader could meet (a party, a level, a subject) is shown by its name (:mod:`tinghu_policy.names`);
dates are compared with 不晚于/早于…, amounts with 不超过/少于…::

    第二十七条第四款：竣工验收合格后3个月内编报竣工财务决算，经批准最长延长6个月。义务方：项目单位。
    起算：2025-11-28 竣工验收合格。期限：2026-02-28（…）。事实：编报竣工财务决算：未提供（应不晚于2026-02-28）。
    说明：…。结论：已逾期。
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol, cast

from tinghu_policy.engine.findings import Check, CheckRole, Relation, Status, Value
from tinghu_policy.engine.lazy import Later
from tinghu_policy.names import code_en, code_zh, fact_zh, subject_name

if TYPE_CHECKING:
    from tinghu_policy.engine.context import Outcome
    from tinghu_policy.engine.findings import Finding
    from tinghu_policy.parties import Party

_START, _CONTEXT = CheckRole.START, CheckRole.CONTEXT
_EQUALS = Relation.EQUALS
_PENDING = Status.PENDING

_DATE_ZH = {
    Relation.ON_OR_BEFORE: "不晚于",
    Relation.BEFORE: "早于",
    Relation.ON_OR_AFTER: "不早于",
    Relation.AFTER: "晚于",
    Relation.EQUALS: "为",
    Relation.NOT_EQUALS: "不为",
}
_AMOUNT_ZH = {
    Relation.ON_OR_BEFORE: "不超过",
    Relation.BEFORE: "少于",
    Relation.ON_OR_AFTER: "不少于",
    Relation.AFTER: "超过",
    Relation.EQUALS: "为",
    Relation.NOT_EQUALS: "不为",
}
_DATE_EN = {
    Relation.ON_OR_BEFORE: "on or before",
    Relation.BEFORE: "before",
    Relation.ON_OR_AFTER: "on or after",
    Relation.AFTER: "after",
    Relation.EQUALS: "equal to",
    Relation.NOT_EQUALS: "other than",
}
_AMOUNT_EN = {
    Relation.ON_OR_BEFORE: "at most",
    Relation.BEFORE: "less than",
    Relation.ON_OR_AFTER: "at least",
    Relation.AFTER: "more than",
    Relation.EQUALS: "equal to",
    Relation.NOT_EQUALS: "other than",
}

DUE_ZH = "截止时间为该日二十四时；有业务时间的，停止业务活动的时间为截止时间（民法典第二百零三条第二款）"
"""民法典 第二百零三条第二款 in full: a filing handed to an office ends when the office closes."""
DUE_EN = (
    "ends at 24:00 that day, or when business closes where there are business hours (Civil Code art. 203(2))"
)


def _is_amount(value: Value | None) -> bool:
    return isinstance(value, (Decimal, int)) and not isinstance(value, bool)


def _word(relation: Relation, value: Value | None, *, zh: bool) -> str:
    if _is_amount(value):
        return (_AMOUNT_ZH if zh else _AMOUNT_EN)[relation]
    return (_DATE_ZH if zh else _DATE_EN)[relation]


def show(value: Value | None, *, zh: bool) -> str:
    """A value as a reader reads it: 是/否, a date, an amount, or a code's name."""
    return _shown(value)[0 if zh else 1]


_NOT_GIVEN = ("未提供", "not given")
_YES, _NO = ("是", "yes"), ("否", "no")


def _shown(value: Value | None) -> tuple[str, str]:
    """:func:`show` in both languages."""
    if value is None:
        return _NOT_GIVEN
    if value.__class__ is bool:
        return _YES if value else _NO
    if isinstance(value, str):
        return code_zh(value), code_en(value)
    if isinstance(value, date):
        day = value.isoformat()
        return day, day
    text = str(value)
    return text, text


class _Shown(Protocol):
    """What a clause is made from: a :class:`~tinghu_policy.engine.Check`, or the comparison a finding's check
    is rendered from (:class:`~tinghu_policy.engine.Comparison`)."""

    @property
    def label_zh(self) -> str: ...
    @property
    def label_en(self) -> str: ...
    @property
    def relation(self) -> Relation: ...
    @property
    def required(self) -> Value | None: ...
    @property
    def actual(self) -> Value | None: ...
    @property
    def ok(self) -> bool | None: ...
    @property
    def role(self) -> CheckRole: ...


def clause(check: _Shown) -> tuple[str, str]:
    """One check as a clause, in Chinese and in English: 起算：…; …应不晚于…，实为…; …：是;
    …：2025-03-01（早于2025-07-01）."""
    label_zh, label_en = check.label_zh, check.label_en
    actual, required, role = check.actual, check.required, check.role
    actual_zh, actual_en = _shown(actual)
    if role is _START:
        return f"起算：{actual_zh} {label_zh}", f"clock runs from {label_en} on {actual_en}"
    relation = check.relation
    if relation is _EQUALS and required.__class__ is bool:
        if actual is None or check.ok is not False or role is _CONTEXT:
            return f"{label_zh}：{actual_zh}", f"{label_en}: {actual_en}"
        required_zh, required_en = _shown(required)
        return (
            f"{label_zh}：{actual_zh}（应为{required_zh}）",
            f"{label_en}: {actual_en} (required: {required_en})",
        )
    words_zh, words_en = (_AMOUNT_ZH, _AMOUNT_EN) if _is_amount(required) else (_DATE_ZH, _DATE_EN)
    required_zh, required_en = _shown(required)
    if role is _CONTEXT:
        if actual is None:
            return f"{label_zh}：未提供", f"{label_en}: not given"
        shown = relation if check.ok else relation.negation
        return (
            f"{label_zh}：{actual_zh}（{words_zh[shown]}{required_zh}）",
            f"{label_en}: {actual_en} ({words_en[shown]} {required_en})",
        )
    if actual is None:
        return (
            f"{label_zh}：未提供（应{words_zh[relation]}{required_zh}）",
            f"{label_en}: not given (required {words_en[relation]} {required_en})",
        )
    return (
        f"{label_zh}应{words_zh[relation]}{required_zh}，实为{actual_zh}",
        f"{label_en}: required {words_en[relation]} {required_en}, was {actual_en}",
    )


def check_zh(check: Check) -> str:
    """One check as a Chinese clause (:func:`clause`)."""
    return clause(check)[0]


def check_en(check: Check) -> str:
    return clause(check)[1]


def missing_zh(finding: Finding) -> list[str]:
    """Each missing fact by its Chinese name, with its path for whoever must supply it."""
    return _missing_zh(finding.missing, finding.checks)


def _missing_zh(missing: tuple[str, ...], checks: Iterable[_Shown | Check]) -> list[str]:
    labels = {c.fact: c.label_zh for c in checks}  # type: ignore[union-attr]
    out = []
    for fact in missing:
        if fact.startswith("calendar:"):
            out.append(f"{fact.split(':', 1)[1]}年国务院办公厅节假日安排（D12）")
        elif fact.startswith("interpretation."):
            out.append(f"解释选项 {fact.removeprefix('interpretation.')}（未设定）")
        else:
            out.append(f"{labels.get(fact) or fact_zh(fact)}（{fact}）")
    return out


def _titles(rule_id: str) -> tuple[str, str]:
    from tinghu_policy.engine.findings import _titles as titles

    return titles(rule_id)


_HEADS: dict[tuple[str, str, str | None, str | None], tuple[str, str]] = {}
"""The opening of an explanation — provision, rule title, subject, party — per (provision, rule, subject, party):
the same for every finding of a rule about a subject, so made once."""


def _head(provision: str, rule: str, subject: str | None, owed_by: Party | None) -> tuple[str, str]:
    key = (provision, rule, subject, None if owed_by is None else owed_by._value_)
    head = _HEADS.get(key)
    if head is None:
        from tinghu_policy.engine.findings import _citations

        cite_zh, cite_en = _citations(provision)
        title_zh, title_en = _titles(rule)
        if subject:
            subject_zh, subject_en = subject_names(subject)
            title_zh, title_en = f"{title_zh}（{subject_zh}）", f"{title_en} ({subject_en})"
        head_zh, head_en = f"{cite_zh}：{title_zh}。", f"{cite_en}: {title_en}."
        if owed_by is not None:
            head_zh, head_en = (
                f"{head_zh}义务方：{owed_by.name_zh}。",
                f"{head_en} Owed by: {owed_by.name_en}.",
            )
        if len(_HEADS) >= 8192:
            _HEADS.clear()
        head = _HEADS[key] = (head_zh, head_en)
    return head


_STATUS_NAMES = {status._value_: (status.name_zh, status.name_en) for status in Status}
_UNDATED_PENDING = ("待履行（无期限）", "pending (no due date)")


def status_zh(status: Status, due: date | None) -> str:
    """:func:`~tinghu_policy.engine.findings.status_names`' Chinese name, looked up."""
    return _UNDATED_PENDING[0] if status is _PENDING and due is None else _STATUS_NAMES[status._value_][0]


_SUBJECTS: dict[str, tuple[str, str]] = {}


def subject_names(subject: str) -> tuple[str, str]:
    """:func:`~tinghu_policy.names.subject_name`, kept per subject (findings repeat a few subjects)."""
    names = _SUBJECTS.get(subject)
    if names is None:
        if len(_SUBJECTS) >= 8192:
            _SUBJECTS.clear()
        names = _SUBJECTS[subject] = subject_name(subject)
    return names


def explain_zh(finding: Finding) -> str:
    return _explained(finding)[0]


def explain_en(finding: Finding) -> str:
    return _explained(finding)[1]


_last: tuple[Finding | None, tuple[str, str]] = (None, ("", ""))
"""The last finding explained and its two texts: serialising reads a finding's Chinese and then its English
explanation, made together (a finding is immutable, so its identity is a key)."""


def _explained(finding: Finding) -> tuple[str, str]:
    global _last
    last = _last
    if last[0] is finding:
        return last[1]
    texts = explain(finding)
    _last = (finding, texts)
    return texts


def explain(finding: Finding) -> tuple[str, str]:
    """The finding as a short 审查意见 in Chinese, and in English.

    A finding of :func:`~tinghu_policy.evaluate` whose checks and notes are not yet rendered is explained from its
    verdict (the comparisons and the note's texts), without making its :class:`Check` models."""
    f = finding.__dict__
    checks: Sequence[_Shown] = f["checks"]
    if isinstance(checks, Later):  # the finding's verdict (an Outcome) stands in for its checks and notes
        verdict = cast("Outcome", checks)
        note_zh, note_en = verdict.texts()
        checks = verdict.checks
    else:
        note_zh, note_en = f["note_zh"], f["note_en"]
    head_zh, head_en = _head(f["provision"], f["rule"], f["subject"], f["owed_by"])
    zh = [head_zh]
    en = [head_en]
    facts_zh: list[str] = []
    facts_en: list[str] = []
    for c in checks:
        c_zh, c_en = clause(c)
        if c.role is _START:
            zh.append(c_zh + "。")
            en.append(c_en[:1].upper() + c_en[1:] + ".")
        else:
            facts_zh.append(c_zh)
            facts_en.append(c_en)
    due = f["due"]
    if due is not None:
        shown_zh = "第二百零三条第二款" in note_zh  # the calculation below already says when the day ends
        shown_en = "art. 203(2)" in note_en or "第二百零三条第二款" in note_en
        zh.append(f"期限：{due}。" if shown_zh else f"期限：{due}（{DUE_ZH}）。")
        en.append(f"Due: {due}." if shown_en else f"Due: {due} ({DUE_EN}).")
    if facts_zh:
        zh.append("事实：" + "；".join(facts_zh) + "。")
        en.append("Facts: " + "; ".join(facts_en) + ".")
    if note_zh:
        zh.append(f"说明：{note_zh.rstrip('。；')}。")
    if note_en:
        en.append(f"Note: {note_en.rstrip('.; ')}.")
    missing = f["missing"]
    if missing:
        zh.append("缺少事实：" + "；".join(_missing_zh(missing, checks)) + "。")
        en.append("Missing facts: " + ", ".join(missing) + ".")
    if f["provisional"]:
        estimated = f["estimated_years"]
        years = "、".join(map(str, estimated))
        zh.append(
            f"临时结果：{years + '年' if years else ''}超出官方节假日安排数据，期限按估算的休息日计算，"
            "国务院办公厅的调休安排未予计入；该年安排公布后应重新计算（D12）。"
        )
        years = ", ".join(map(str, estimated))
        en.append(
            f"Provisional: {years or 'a year'} beyond the official holiday data; the due date rests on estimated "
            "rest days without the State Council's bridging arrangement; recompute once it is published (D12)."
        )
    status = f["status"]
    status_zh, status_en = (
        _UNDATED_PENDING if status is _PENDING and due is None else _STATUS_NAMES[status._value_]
    )
    zh.append(f"结论：{status_zh}。")
    en.append(f"Conclusion: {status_en}.")
    return "".join(zh), " ".join(en)
