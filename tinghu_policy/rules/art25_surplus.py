"""第二十五条 结余资金上缴 — an unchanged project's unspent money goes back to the treasury "及时" (D11).

项目目标和内容不变: no adjustment recorded (``implementation.adjustments`` empty); an adjusted project is handled by
art. 26 and the general rules instead. 有结余: the approved budget (``approval.approved_budget``) exceeds the actual
expenditure (``implementation.actual_expenditure``); the surplus is the exact difference in 元.

D25 (default ``final_accounts``): the expenditure is settled by the final accounts (竣工财务决算,
``acceptance.final_accounts_submitted``, art. 27 para. 4): the duty arises then, and a configured "及时" clock (D11)
runs from that day. Options: ``acceptance_passed`` (``acceptance.passed``) or ``completion`` (建成 as D16 reads it).
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, Status, rule
from tinghu_policy.interpretation import SurplusSettlement
from tinghu_policy.parties import Party
from tinghu_policy.rules.art27_acceptance import completion
from tinghu_policy.rules.art31_37_supervision import known_expenditure

_FINAL_ACCOUNTS = Label("acceptance.final_accounts_submitted", "编报竣工财务决算", "final accounts submitted")
_PASSED = Label("acceptance.passed", "竣工验收合格", "acceptance passed")


def settled(ctx: Context) -> tuple[date | None, Label]:
    """D25: the day the surplus is settled, if known on ``as_of``, and the fact it comes from."""
    reading = ctx.interpretation.surplus_settlement
    if reading is SurplusSettlement.ACCEPTANCE_PASSED:
        return ctx.known(ctx.project.acceptance.passed), _PASSED
    if reading is SurplusSettlement.COMPLETION:
        return completion(ctx)
    return ctx.known(ctx.project.acceptance.final_accounts_submitted), _FINAL_ACCOUNTS


# 第二十五条第一款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art25.surplus_returned",
    provision="art25.p1",
    title_zh="项目目标和内容不变，实际支出有结余的，及时将结余资金上缴财政",
    title_en="An unchanged project's surplus is returned to the treasury in time",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.FINANCE_BUREAU,),
    decisions=("D1", "D2", "D11", "D12", "D13", "D16", "D25"),
)
def surplus_returned(ctx: Context) -> Outcome:
    """项目目标和内容不变，项目实际支出有结余的，应及时将结余资金上缴财政.

    结余资金上缴财政 concerns money from the budget: a project with no fiscal money (:attr:`Project.fiscal_funded`,
    e.g. an enterprise's own money under art. 38) has none to return.

    D11: "及时" has a due date only when ``timely_within_working_days`` is set, counted from the day the surplus
    is settled — D25: the final accounts (default), or passing acceptance, or completion (D16).
    """
    impl = ctx.project.implementation
    if ctx.project.fiscal_funded is False:
        return ctx.not_applicable(
            "非财政资金安排的项目，结余资金不涉及上缴财政",
            "no fiscal money: there is no surplus to return to the treasury",
        )
    adjusted = [a for a in impl.adjustments if ctx.known(a.requested)]
    if adjusted:
        return ctx.not_applicable(
            f"项目内容已调整（{len(adjusted)}项调整），不属于目标和内容不变的项目",
            f"the project was adjusted ({len(adjusted)} adjustment(s)): not unchanged",
        )
    if ctx.approved_term(True) is None:
        return ctx.not_applicable(
            f"项目于 {ctx.project.approval.approved} 批复，尚无批复概算",
            f"approved on {ctx.project.approval.approved}: no approved budget yet",
        )
    budget, spent = ctx.project.approval.approved_budget, known_expenditure(ctx)
    if budget is None or spent is None:
        missing = tuple(
            f
            for f, v in (("approval.approved_budget", budget), ("implementation.actual_expenditure", spent))
            if v is None
        )
        return Outcome(
            Status.UNDETERMINED,
            missing=missing,
            note_zh="缺少批复概算或实际支出，无法确定是否有结余",
            note_en="the approved budget or the actual expenditure is missing: no surplus can be computed",
        )
    surplus = budget - spent
    if surplus <= 0:
        return ctx.not_applicable(
            f"无结余：批复概算 {budget} 元 − 实际支出 {spent} 元 = {surplus} 元",
            f"no surplus: approved budget {budget} − actual expenditure {spent} = {surplus} yuan",
        )
    settled_on, settled_label = settled(ctx)
    returned = ctx.known(impl.surplus_returned)
    amount_zh = f"结余资金 = 批复概算 {budget} 元 − 实际支出 {spent} 元 = {surplus} 元"
    amount_en = f"surplus = approved budget {budget} − actual expenditure {spent} = {surplus} yuan"
    if settled_on is None:
        if returned is None:
            return ctx.not_applicable(
                f"{amount_zh}；尚未{settled_label.zh}，结余尚未确定",
                f"{amount_en}; no {settled_label.en} yet, so the surplus is not settled",
            )
        return Outcome(
            Status.HOLDS,
            note_zh=f"{amount_zh}；已于 {returned} 上缴财政（尚未{settled_label.zh}，期限未起算）",
            note_en=f"{amount_en}; returned on {returned}, before any clock started (no {settled_label.en} yet)",
        )
    outcome = ctx.timely(
        settled_on,
        returned,
        start_label=settled_label,
        done_label=Label(
            "implementation.surplus_returned", "结余资金上缴财政", "surplus returned to the treasury"
        ),
        must_follow=False,  # money returned before the accounts settle it is returned all the same
    )
    outcome.note_zh = f"{amount_zh}；{outcome.note_zh}"
    outcome.note_en = f"{amount_en}; {outcome.note_en}"
    return outcome
