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

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from tinghu_policy.engine.findings import Check, CheckRole, Relation, Value, status_names
from tinghu_policy.names import code_en, code_zh, fact_zh, subject_name

if TYPE_CHECKING:
    from tinghu_policy.engine.findings import Finding

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
    if value is None:
        return "未提供" if zh else "not given"
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if isinstance(value, str):
        return code_zh(value) if zh else code_en(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def check_zh(check: Check) -> str:
    """One check as a clause: 起算：…; …应不晚于…，实为…; …：是; …：2025-03-01（早于2025-07-01）."""
    label, actual, required = check.label_zh, check.actual, check.required
    if check.role is CheckRole.START:
        return f"起算：{show(actual, zh=True)} {label}"
    if isinstance(required, bool) and check.relation is Relation.EQUALS:
        if actual is None or check.ok is not False or check.role is CheckRole.CONTEXT:
            return f"{label}：{show(actual, zh=True)}"
        return f"{label}：{show(actual, zh=True)}（应为{show(required, zh=True)}）"
    word = _word(check.relation, required, zh=True)
    if check.role is CheckRole.CONTEXT:
        if actual is None:
            return f"{label}：未提供"
        shown = word if check.ok else _word(check.relation.negation, required, zh=True)
        return f"{label}：{show(actual, zh=True)}（{shown}{show(required, zh=True)}）"
    if actual is None:
        return f"{label}：未提供（应{word}{show(required, zh=True)}）"
    return f"{label}应{word}{show(required, zh=True)}，实为{show(actual, zh=True)}"


def check_en(check: Check) -> str:
    label, actual, required = check.label_en, check.actual, check.required
    if check.role is CheckRole.START:
        return f"clock runs from {label} on {show(actual, zh=False)}"
    if isinstance(required, bool) and check.relation is Relation.EQUALS:
        if actual is None or check.ok is not False or check.role is CheckRole.CONTEXT:
            return f"{label}: {show(actual, zh=False)}"
        return f"{label}: {show(actual, zh=False)} (required: {show(required, zh=False)})"
    word = _word(check.relation, required, zh=False)
    if check.role is CheckRole.CONTEXT:
        if actual is None:
            return f"{label}: not given"
        shown = word if check.ok else _word(check.relation.negation, required, zh=False)
        return f"{label}: {show(actual, zh=False)} ({shown} {show(required, zh=False)})"
    if actual is None:
        return f"{label}: not given (required {word} {show(required, zh=False)})"
    return f"{label}: required {word} {show(required, zh=False)}, was {show(actual, zh=False)}"


def missing_zh(finding: Finding) -> list[str]:
    """Each missing fact by its Chinese name, with its path for whoever must supply it."""
    labels = {c.fact: c.label_zh for c in finding.checks}
    out = []
    for fact in finding.missing:
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


def explain_zh(finding: Finding) -> str:
    title = _titles(finding.rule)[0]
    subject = f"（{subject_name(finding.subject)[0]}）" if finding.subject else ""
    parts = [f"{finding.citation_zh}：{title}{subject}。"]
    if finding.owed_by is not None:
        parts.append(f"义务方：{finding.owed_by.name_zh}。")
    parts += [check_zh(c) + "。" for c in finding.checks if c.role is CheckRole.START]
    if finding.due is not None:
        shown = (
            "第二百零三条第二款" in finding.note_zh
        )  # the calculation below already says when the day ends
        parts.append(f"期限：{finding.due}。" if shown else f"期限：{finding.due}（{DUE_ZH}）。")
    facts = [check_zh(c) for c in finding.checks if c.role is not CheckRole.START]
    if facts:
        parts.append("事实：" + "；".join(facts) + "。")
    if finding.note_zh:
        parts.append(f"说明：{finding.note_zh.rstrip('。；')}。")
    if finding.missing:
        parts.append("缺少事实：" + "；".join(missing_zh(finding)) + "。")
    if finding.provisional:
        years = "、".join(map(str, finding.estimated_years))
        parts.append(
            f"临时结果：{years + '年' if years else ''}超出官方节假日安排数据，期限按估算的休息日计算，"
            "国务院办公厅的调休安排未予计入；该年安排公布后应重新计算（D12）。"
        )
    parts.append(f"结论：{status_names(finding.status, finding.due)[0]}。")
    return "".join(parts)


def explain_en(finding: Finding) -> str:
    title = _titles(finding.rule)[1]
    subject = f" ({subject_name(finding.subject)[1]})" if finding.subject else ""
    parts = [f"{finding.citation_en}: {title}{subject}."]
    if finding.owed_by is not None:
        parts.append(f"Owed by: {finding.owed_by.name_en}.")
    parts += [_sentence(check_en(c)) for c in finding.checks if c.role is CheckRole.START]
    if finding.due is not None:
        shown = "art. 203(2)" in finding.note_en or "第二百零三条第二款" in finding.note_en
        parts.append(f"Due: {finding.due}." if shown else f"Due: {finding.due} ({DUE_EN}).")
    facts = [check_en(c) for c in finding.checks if c.role is not CheckRole.START]
    if facts:
        parts.append("Facts: " + "; ".join(facts) + ".")
    if finding.note_en:
        parts.append(f"Note: {finding.note_en.rstrip('.; ')}.")
    if finding.missing:
        parts.append("Missing facts: " + ", ".join(finding.missing) + ".")
    if finding.provisional:
        years = ", ".join(map(str, finding.estimated_years))
        parts.append(
            f"Provisional: {years or 'a year'} beyond the official holiday data; the due date rests on estimated "
            "rest days without the State Council's bridging arrangement; recompute once it is published (D12)."
        )
    parts.append(f"Conclusion: {status_names(finding.status, finding.due)[1]}.")
    return " ".join(parts)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
