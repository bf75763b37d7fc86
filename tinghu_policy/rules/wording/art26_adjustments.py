"""The words of :mod:`tinghu_policy.rules.art26_adjustments`: adjustments within 10% of the approved budget."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tinghu_policy.engine import Note, Text, render
from tinghu_policy.facts import AdjustmentGround

_TEN_PERCENT = Decimal("0.1")
_CENT = Decimal("0.01")

GROUNDS = {
    AdjustmentGround.LAW_OR_POLICY: ("第（一）项 根据法律法规、工作部署确需改变实施内容", "ground (i)"),
    AdjustmentGround.TECHNICAL_OPTIMISATION: ("第（二）项 确需完善优化技术方案", "ground (ii)"),
    AdjustmentGround.BUSINESS_NEED: ("第（三）项 业务发展需要、在已批复规划框架下调整", "ground (iii)"),
}


def limit(budget: Decimal) -> Decimal:
    """10% of the approved total, exact; shown to the fen when that is exact."""
    made = budget * _TEN_PERCENT
    return made.quantize(_CENT) if made == made.quantize(_CENT) else made


def reapproved_total(k: int, day: date) -> Text:
    return (
        f"重新报批的概算总投资（元，第{k + 1}项调整{day}获批）",
        f"total approved anew (yuan, adjustment {k + 1}, {day})",
    )


def _since(restart: int | None) -> Text:
    if restart is None:
        return "", ""
    return f"，自第{restart + 1}项调整重新报批后起算", f", since adjustment {restart + 1} was approved anew"


def cumulative_label(counted: int, restart: int | None) -> Text:
    since_zh, since_en = _since(restart)
    return (
        f"累计资金调整数额（元，本次及此前已实施的{counted}次{since_zh}，不超过概算总投资10%；D31 累计）",
        f"adjusted amount so far (yuan, this and {counted} earlier carried out{since_en}, ≤ 10% of "
        "the total; D31 cumulative)",
    )


def cumulative_name(counted: int, restart: int | None) -> Text:
    since_zh, since_en = _since(restart)
    return (
        f"本次及此前已实施的{counted}次调整累计资金调整数额（D31{since_zh}）",
        f"the amount adjusted so far (this and {counted} earlier carried out, D31{since_en})",
    )


AMOUNT = ("资金调整数额", "the adjusted amount")


def share_note(
    amount: Decimal,
    budget: Decimal,
    *,
    name_zh: str = "资金调整数额",
    name_en: str = "the adjusted amount",
) -> Text:
    """``amount`` (named ``name_zh``/``name_en``) as a percentage of the approved total, to two decimals ("约" when
    rounded)."""
    if budget == 0:
        return "概算总投资为0，无法计算比例", "the approved total is 0: no percentage"
    exact = amount * 100 / budget
    shown = exact.quantize(_CENT, rounding=ROUND_HALF_UP)
    about_zh, about_en = ("", "") if shown == exact else ("约", "about ")
    verdict_zh, verdict_en = (
        ("不超过10%", "not more than 10%")
        if amount <= budget * _TEN_PERCENT
        else ("超过10%", "more than 10%")
    )
    return (
        f"{name_zh} {amount} 元占概算总投资 {budget} 元的{about_zh}{shown}%，{verdict_zh}（10%为 {limit(budget)} 元）",
        f"{name_en} {amount} is {about_en}{shown}% of the approved total {budget}: {verdict_en} "
        f"(10% is {limit(budget)} yuan)",
    )


def share(name: Note, amount: Decimal, budget: Decimal) -> Text:
    name_zh, name_en = render(name)
    return share_note(amount, budget, name_zh=name_zh, name_en=name_en)


def route(
    name: Note,
    amount: Decimal,
    budget: Decimal,
    ground: AdjustmentGround | None,
    basis: str | None,
    reapproved: int | None,
) -> Text:
    """The route's note: the share of the total, the ground claimed, its basis, the total approved anew."""
    note_zh, note_en = share(name, amount, budget)
    if ground is not None:
        ground_zh, ground_en = GROUNDS[ground]
        note_zh, note_en = f"{note_zh}；主张{ground_zh}", f"{note_en}; claims {ground_en}"
    if basis is not None:
        note_zh, note_en = f"{note_zh}（依据：{basis}）", f"{note_en} (basis: {basis})"
    if reapproved is not None:
        note_zh = f"概算总投资按第{reapproved + 1}项调整重新报批的{budget}元计；{note_zh}"
        note_en = (
            f"the approved total is {budget} as approved anew with adjustment {reapproved + 1}; {note_en}"
        )
    return note_zh, note_en


def budget_missing(label_zh: str, label_en: str) -> Text:
    return (
        f"缺少{label_zh}，无法判断调整是否在概算和10%以内",
        f"the {label_en} is missing: the budget and 10% tests cannot be made",
    )


NO_ADJUSTMENT = ("未提出项目调整", "no adjustment requested")
NOT_CLAIMED = ("未主张本项情形", "this ground is not claimed")
OFF_ROUTE = (
    "不符合或无法确认符合第一款调整情形（见本款调整情形的结论）",
    "the adjustment is not shown to be on the route of para. 1 (see art26.adjustment_route)",
)


def filed_before_adjusting(filed: date) -> Text:
    return (
        f"已于{filed}报区发改委备案；调整尚未实施",
        f"filed with development-reform on {filed}; the adjustment is not carried out yet",
    )


NOT_ADJUSTED = (
    "尚未实施调整；备案与调整同时进行，不晚于调整之日",
    "not adjusted yet: the filing goes with the adjustment, no later than its day",
)


def filing_due(adjusted: date) -> Text:
    return (
        f"“同时报区发改委备案”：备案不晚于调整之日（{adjusted}），当日备案即属同时；本条不要求备案先于调整",
        f"'同时' (at the same time): the filing is due no later than the day of the adjustment ({adjusted}), "
        "the same day is in time; it need not precede the adjustment",
    )


def review_day(name: Text) -> Text:
    return f"{name[0]}日期", f"{name[1]} date"


def review_conclusion(name: Text) -> Text:
    return f"{name[0]}结论", f"{name[1]} conclusion"


DATA_BUREAU_REVIEW = ("区数据局审核", "data bureau review")
FINANCE_REVIEW = ("区财政局审核", "finance review")
REVIEW_REFUSED = (
    "审核未通过，不得按第一款调整；尚未调整",
    "a review did not pass the adjustment, so it may not be made under para. 1; not adjusted",
)


def adjusted_unreviewed(adjusted: date) -> Text:
    return (
        f"已于{adjusted}调整，调整前未经区数据局、区财政局审核通过",
        f"adjusted on {adjusted} without both reviews passing it first",
    )


CONCLUSION_MISSING = (
    "审核结论未载明，无法判断是否经审核通过",
    "a review's conclusion is not stated: whether it passed the adjustment is unknown",
)


def reviews_to_come(still: tuple[Text, ...]) -> Text:
    return (
        "尚待：" + "、".join(zh for zh, _ in still) + "（本条未规定期限）",
        "still to come: " + ", ".join(en for _, en in still) + " (no time limit in the text)",
    )


PASSED_NOT_ADJUSTED = (
    "区数据局、区财政局已审核通过，尚未实施调整",
    "passed by the data bureau and finance; not adjusted yet",
)


def passed_then_adjusted(adjusted: date) -> Text:
    return (
        f"区数据局、区财政局审核通过后，于{adjusted}调整",
        f"reviewed and passed by the data bureau and finance, then adjusted on {adjusted}",
    )


ON_ROUTE = ("符合第一款调整情形", "the adjustment is on the route of para. 1")
ROUTE_UNKNOWN = ("无法判断是否符合第一款情形", "cannot tell whether para. 1 applies")


def approved_anew(reapproved: date) -> Text:
    return (
        f"不符合第一款情形，已于 {reapproved} 按一般规定重新报批获批",
        f"outside para. 1; approved anew on {reapproved}",
    )


def adjusted_without_approval(adjusted: date) -> Text:
    return (
        f"不符合第一款情形，却于 {adjusted} 调整，调整前未按一般规定重新报批",
        f"outside para. 1, yet adjusted on {adjusted} without a new approval first",
    )


APPROVAL_NEEDED = (
    "不符合第一款情形，须按一般规定重新报批后方可调整（本办法未规定期限）",
    "outside para. 1: a new approval under the general rules is needed before adjusting (no time limit)",
)
