"""The words of :mod:`tinghu_policy.rules.art25_surplus`: spending within the budget, the surplus returned."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Protocol

from tinghu_policy.engine import Note, Text, render
from tinghu_policy.interpretation import FiscalShareRounding, SurplusFiscalShare


class _Label(Protocol):
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...


class _Budget(Protocol):
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def reapproved(self) -> int | None: ...


MISSING = (
    "缺少批复概算、实际支出或资金来源，无法确定应上缴的结余",
    "the approved budget, the actual expenditure or the funding is missing: the surplus owed cannot be computed",
)


def no_budget_yet(approved: date | None) -> Text:
    return f"项目于 {approved} 批复，尚无批复概算", f"approved on {approved}: no approved budget yet"


NO_BUDGET = ("未提供批复概算", "no approved budget given")


def budget_missing(label: _Label) -> Text:
    return (
        f"缺少{label.zh}，无法确定现行批复概算",
        f"the {label.en} is missing: the budget in force is not known",
    )


NO_FIGURE = (
    "尚无实际支出数额，也未编报竣工财务决算：是否超出概算尚待支出确定",
    "no expenditure figure and no final accounts yet: whether spending exceeds the budget is not yet known",
)


def budget_words(budget: _Budget) -> Text:
    if budget.reapproved is None:
        return f"批复概算总投资 {budget.amount} 元", f"the approved total {budget.amount} yuan"
    n = budget.reapproved + 1
    if budget.amount is None:
        return f"第{n}项调整重新报批的概算总投资", f"the total approved anew with adjustment {n}"
    return (
        f"第{n}项调整重新报批的概算总投资 {budget.amount} 元",
        f"the total approved anew with adjustment {n}, {budget.amount} yuan",
    )


def budget_in_force(budget: _Budget, on: date) -> Text:
    where_zh, where_en = budget_words(budget)
    return (
        f"现行批复概算为{where_zh}（按 {on} 的批复）",
        f"the budget in force is {where_en} (as approved on {on})",
    )


def fiscal_owed(
    reading: SurplusFiscalShare | None,
    surplus: Decimal,
    spent: Decimal,
    fiscal: Decimal,
    other: Decimal,
    left: Decimal,
    extra: tuple[Decimal, Decimal, Decimal, FiscalShareRounding] | None,
) -> Text:
    """How the unspent fiscal money was worked out (D35 for mixed funding; ``reading`` None: fiscal money only;
    ``extra``: the proportional reading's unspent money, funded total, exact share and its rounding, D40)."""
    if reading is None:
        zh = f"财政资金 {fiscal} 元 − 实际支出 {spent} 元 = 未支出的财政资金 {left} 元"
        en = f"fiscal money {fiscal} − expenditure {spent} = unspent fiscal money {left}"
    else:
        mixed_zh = f"财政资金 {fiscal} 元、其他资金 {other} 元共同出资"
        mixed_en = f"funded by {fiscal} fiscal and {other} other money"
        if reading is SurplusFiscalShare.FISCAL_SPENT_FIRST:
            zh = f"{mixed_zh}；D35 先用财政资金：未支出的财政资金 = max(0, {fiscal} − {spent}) = {left} 元"
            en = f"{mixed_en}; D35 fiscal money spent first: unspent fiscal money max(0, {fiscal} − {spent}) = {left}"
        elif reading is SurplusFiscalShare.OTHER_SPENT_FIRST:
            zh = f"{mixed_zh}；D35 先用其他资金：未支出的财政资金 = {fiscal} − 其他资金不足部分 = {left} 元"
            en = f"{mixed_en}; D35 other money spent first: unspent fiscal money {fiscal} less what the other money did not cover = {left}"
        else:
            assert extra is not None
            unspent, funded, exact, rounding = extra
            zh = f"{mixed_zh}；D35 按出资比例：未支出的资金 {unspent} 元 × 财政资金占比 {fiscal}/{funded} = "
            en = f"{mixed_en}; D35 in proportion: unspent money {unspent} × fiscal share {fiscal}/{funded} = "
            if left == exact:
                zh += f"{left} 元"
                en += f"{left}"
            elif rounding is FiscalShareRounding.DOWN:
                zh += f"{left} 元（不足一分的部分舍去，D40）"
                en += f"{left} (rounded down to the fen, D40)"
            else:
                zh += f"约{left} 元"
                en += f"about {left}"
    if min(left, surplus) < left:
        zh += f"，以结余 {surplus} 元为限"
        en += f", at most the surplus {surplus}"
    return zh, en


def adjusted_general_rules(carried: tuple[tuple[int, date], ...]) -> Text:
    listed = "、".join(f"第{n + 1}项（{adjusted}）" for n, adjusted in carried)
    listed_en = ", ".join(f"adjustment {n + 1} ({adjusted})" for n, adjusted in carried)
    return (
        f"项目内容已调整（已实施{listed}），不属目标和内容不变的项目；其结余资金按预算法及结转结余资金管理的一般"
        "规定处理，不适用本条（D34）",
        f"the content was adjusted ({listed_en} carried out): not unchanged; its surplus follows the general budget "
        "rules, outside this article (D34)",
    )


def goals_changed(goals: tuple[int, ...]) -> Text:
    return (
        "建设目标已调整（" + "、".join(f"第{n + 1}项" for n in goals) + "），不属目标不变的项目（D34）",
        "the goals were changed ("
        + ", ".join(f"adjustment {n + 1}" for n in goals)
        + "): not unchanged (D34)",
    )


NO_FISCAL_MONEY = (
    "非财政资金安排的项目，结余资金不涉及上缴财政",
    "no fiscal money: there is no surplus to return to the treasury",
)


def not_settled(label: _Label) -> Text:
    return f"尚未{label.zh}，结余尚未确定（D25）", f"no {label.en} yet: no surplus settled (D25)"


def no_surplus(budget: _Budget, spent: Decimal, surplus: Decimal) -> Text:
    where_zh, where_en = budget_words(budget)
    return (
        f"无结余：{where_zh} − 实际支出 {spent} 元 = {surplus} 元",
        f"no surplus: {where_en} − actual expenditure {spent} = {surplus} yuan",
    )


def amount(budget: _Budget, spent: Decimal, surplus: Decimal, owed: Note, owed_amount: Decimal) -> Text:
    where_zh, where_en = budget_words(budget)
    owed_zh, owed_en = render(owed)
    return (
        f"结余资金 = {where_zh} − 实际支出 {spent} 元 = {surplus} 元；{owed_zh}；应上缴财政 {owed_amount} 元",
        f"surplus = {where_en} − actual expenditure {spent} = {surplus} yuan; {owed_en}; owed to the treasury "
        f"{owed_amount} yuan",
    )


def nothing_owed(amount: Note) -> Text:
    zh, en = render(amount)
    return (
        f"{zh}：结余中没有未支出的财政资金，无须上缴",
        f"{en}: no unspent fiscal money in the surplus, nothing to return",
    )


def returned_early(amount: Note, returned: date | None, label: _Label) -> Text:
    zh, en = render(amount)
    return (
        f"{zh}；已于 {returned} 上缴财政（尚未{label.zh}，期限未起算）",
        f"{en}; returned on {returned}, before any clock started (no {label.en} yet)",
    )


def then(amount: Note, note: Note | None) -> Text:
    zh, en = render(amount)
    note_zh, note_en = render(note)
    return f"{zh}；{note_zh}", f"{en}; {note_en}"
