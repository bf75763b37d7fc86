"""The words of :mod:`tinghu_policy.rules.art31_37_supervision`: information sharing, truthful materials, cost
overruns and skipped approvals."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tinghu_policy.engine import Note, Text, render
from tinghu_policy.parties import Party

_CENT = Decimal("0.01")
ACCOUNTABLE = (
    "相关监管部门应对负有直接责任的主管人员和其他责任人员依纪依法追究责任（是否追究、如何追究由监管部门决定）",
    "the supervisors concerned are to hold the responsible managers and staff accountable under discipline and law "
    "(whether and how is theirs to decide)",
)

CLASSIFIED = ("涉密项目不在管理平台办理（第十三条）", "a classified project is not on the platform (art. 13)")


def supervisors(parties: tuple[Party, ...]) -> Text:
    return (
        f"负有监督管理职责的单位：{'、'.join(p.name_zh for p in parties)}",
        "units with supervisory duties: " + ", ".join(p.name_en for p in parties),
    )


def approved_budget(original: Decimal) -> Text:
    return f"批复概算 {original} 元", f"the approved budget {original} yuan"


def budget_anew(day: date, total: Decimal | None, original: Decimal | None) -> Text:
    was_zh = f"；原批复概算 {original} 元" if original is not None else ""
    was_en = f"; the original approved budget was {original} yuan" if original is not None else ""
    return (
        f"以{day}重新报批获批后的概算 {total} 元为准（第二十六条第二款）{was_zh}",
        f"measured against the budget approved anew on {day}, {total} yuan (art. 26(2)){was_en}",
    )


def percent(overrun: Decimal, budget: Decimal) -> Text:
    """The overrun in percent of the budget, in Chinese and English: exact when short, else to 0.01% ("约"/"about")."""
    if not budget:
        return "—", "—"
    exact = overrun * 100 / budget
    shown = exact.quantize(_CENT, ROUND_HALF_UP)
    if shown == exact:
        return f"{shown}%", f"{shown}%"
    exponent = exact.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -8:  # a short exact figure, e.g. 10.0000005%
        return f"{exact.normalize()}%", f"{exact.normalize()}%"
    return f"约{shown}%", f"about {shown}%"


NO_BUDGET = ("尚无批复概算", "no approved budget to compare with")
NEW_TOTAL_MISSING = (
    "概算已重新报批，但未提供重新报批后的概算总投资",
    "the budget was approved anew but the new total is not given",
)
NOT_SETTLED = (
    "实际支出尚未确定：未提供截至评估日的实际支出，且尚未编报竣工财务决算（实际支出以决算为准），"
    "是否超概算尚无从判断",
    "the actual expenditure is not settled yet: no figure as of this date and no final accounts (which "
    "settle it), so there is no overrun to measure yet",
)


def no_figure(submitted: date, budget: Note) -> Text:
    zh, en = render(budget)
    return (
        f"已于{submitted}编报竣工财务决算，但未提供实际支出；{zh}",
        f"the final accounts were submitted on {submitted} but no actual expenditure is given; {en}",
    )


def within(budget: Note) -> Text:
    zh, en = render(budget)
    return f"未超概算（{zh}）", f"within the budget ({en})"


def overrun(
    amount: Decimal,
    over: Decimal,
    budget: Note,
    threshold: Decimal | None,
    limit: Decimal | None,
    ground: bool,
    serious_ok: bool | None,
    cause: bool | None,
) -> Text:
    """An overrun, its size, and whether it is a ground of accountability (``ground``) or why not."""
    budget_zh, budget_en = render(budget)
    percent_zh, percent_en = percent(over, amount)
    note_zh = f"超概算 {over} 元（{percent_zh}；{budget_zh}）"
    note_en = f"over the budget by {over} yuan ({percent_en}; {budget_en})"
    if threshold is not None:
        note_zh += f"；严重超概算：超过概算的 {threshold}%（不含本数，D30），即超过 {limit} 元"
        note_en += f"; serious: more than {threshold}% over the budget (the figure itself is not, D30), i.e. over {limit} yuan"
    if ground:
        return (
            note_zh + f"；因管理不善、弄虚作假造成严重超概算，属第三十七条追究责任的情形：{ACCOUNTABLE[0]}",
            note_en
            + f"; a serious overrun caused by mismanagement or fraud is a ground of accountability under "
            f"art. 37: {ACCOUNTABLE[1]}",
        )
    if serious_ok:
        why_zh, why_en = "未超过设定比例，不属严重超概算", "not more than the configured percent: not serious"
    elif cause is False:
        why_zh, why_en = (
            "经认定非因管理不善、弄虚作假造成",
            "established not to be caused by mismanagement or fraud",
        )
    else:
        open_zh = [
            zh
            for zh, absent in (
                ("“严重”无数字标准，未设定严重超概算比例（D30）", threshold is None),
                ("是否因管理不善、弄虚作假造成尚未认定（由监管部门认定）", cause is None),
            )
            if absent
        ]
        open_en = [
            en
            for en, absent in (
                ("'serious' has no figure and none is configured (D30)", threshold is None),
                (
                    "whether mismanagement or fraud caused it is not established (the supervisors' finding)",
                    cause is None,
                ),
            )
            if absent
        ]
        why_zh, why_en = "；".join(open_zh), "; ".join(open_en)
    return (
        note_zh + f"；{why_zh}：超概算本身不构成第三十七条追究责任的情形，须严重且因管理不善、弄虚作假造成",
        note_en + f"; {why_en}: an overrun alone is no ground of accountability under art. 37, which needs "
        "it to be serious and caused by mismanagement or fraud",
    )


def not_yet(act: Text) -> Text:
    return f"尚未{act[0]}", f"no {act[1]} yet"


def approved_before(act: Text, day: date) -> Text:
    return f"{act[0]}（{day}）前已经审批", f"approved before {act[1]} ({day})"


def approval_date_before(act: Text) -> Text:
    return f"审批（批复）日期（{act[0]}前）", f"approval date (before {act[1]})"


def skipped(act: Text, day: date) -> Text:
    return (
        f"{day}{act[0]}时未履行本办法规定的审核审批程序，属第三十七条追究责任的情形：{ACCOUNTABLE[0]}；"
        "该行为本身违反第十二条（未按本办法履行审批程序的，不得安排经费或实施）",
        f"{act[1]} on {day} without the review and approval procedure of this regulation: a ground of "
        f"accountability under art. 37 — {ACCOUNTABLE[1]}; the act itself breaches art. 12",
    )


def followed(act: Text, day: date, approved: date | None) -> Text:
    return (
        f"{act[0]}（{day}）前已经区数据局审批（{approved}），不属未履行审核审批程序",
        f"approved by the data bureau ({approved}) before {act[1]} ({day}): the procedure was followed",
    )
