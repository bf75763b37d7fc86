"""第二十五条 按批复概算实施；结余资金上缴 — spending within the approved budget, and an unchanged project's unspent
fiscal money returned to the treasury "及时" (D11).

First sentence (``art25.within_budget``): "项目单位应严格按批复的可行性研究报告、初步设计和投资概算实施项目". The
approved budget (概算) in force is the total of the latest adjustment approved anew under the general rules
(art. 26 para. 2: ``adjustments[n].reapproved`` and its ``total_after``) on the day the spending figure is as of, else
``approval.approved_budget``; the spending is ``implementation.actual_expenditure`` as of
``implementation.expenditure_as_of`` (a figure dated after ``as_of`` is not yet known). Spending above the budget in
force FAILS — an overrun needs a new approval first, and a later re-approval does not undo an overrun on the day of
the figure. Following the approved feasibility study and preliminary design is a yes/no that no fact records (what
was built against what was approved): listed under ``encoded_in_part`` in ``provisions/status.yaml``.

Second sentence (``art25.surplus_returned``): "项目目标和内容不变，项目实际支出有结余的，应及时将结余资金上缴财政".

* 目标和内容不变: content changes only when an adjustment is carried out (``adjusted`` known on ``as_of``); one only
  requested, reviewed or refused changes nothing, and the project still owes its surplus. D34
  (``surplus_after_adjustment``) decides the rest: by default (``general_rules``) a project adjusted under art. 26
  is no longer "内容不变" and its surplus follows the general budget rules (预算法, 结转结余资金管理) outside this
  regulation — NOT_APPLICABLE, and the note says so; with ``still_owed`` an adjustment that kept the goals unchanged
  (the art. 26 condition: 建设目标不变) leaves the duty in place — whether it was lawfully made (10%, ground, review)
  is art. 26's question, not whether the money left over goes back — and only a carried-out adjustment that changed
  the goals takes the project out.
* 有结余: the surplus is the approved budget in force on ``as_of`` less the actual expenditure, exact in 元.
* 上缴财政 is fiscal money only: what is owed is the unspent fiscal money, never more than the surplus. The fiscal
  money is the amount of the fiscal sources in ``funding`` (:attr:`FundingSource.is_fiscal`); the other money the
  other sources. Which money the spending used first the text does not say — D35 (``surplus_fiscal_share``):
  ``proportional`` (default) — each source spent in proportion to its amount, so the unspent fiscal money is the
  unspent money × the fiscal share of all funding; ``fiscal_spent_first`` — the fiscal money left after all
  spending (the least); ``other_spent_first`` — the fiscal money less what the other money could not cover (the
  most). With fiscal money alone every reading gives the fiscal money less the spending: 900,000 arranged and
  900,000 spent leaves nothing to return, whatever the 概算. A proportional share that is not a whole fen is
  rounded to the fen as D40 (``fiscal_share_rounding``) reads it: down (default) — never more than the exact
  fiscal share, so a share under one fen is nothing owed — or half up, shown as "约".

D25 (default ``final_accounts``): the expenditure is settled by the final accounts (竣工财务决算,
``acceptance.final_accounts_submitted``, art. 27 para. 4): the duty arises then, and a configured "及时" clock (D11)
runs from that day. Options: ``acceptance_passed`` (``acceptance.passed``) or ``completion`` (建成 as D16 reads it).

D13: the spending is judged on the day its figure is as of (or, undated, with the project as approved); the return
of the surplus from the day it was settled.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import NamedTuple

from tinghu_policy.engine import Context, Label, Note, Outcome, Relation, Status, rule
from tinghu_policy.engine.context import Worded
from tinghu_policy.interpretation import (
    FiscalShareRounding,
    SurplusAfterAdjustment,
    SurplusFiscalShare,
    SurplusSettlement,
)
from tinghu_policy.parties import Party
from tinghu_policy.rules.art26_adjustments import budget_in_force
from tinghu_policy.rules.art27_acceptance import completion
from tinghu_policy.rules.art31_37_supervision import known_expenditure
from tinghu_policy.rules.project_acts import decision
from tinghu_policy.rules.wording import art25_surplus as say

_FINAL_ACCOUNTS = Label("acceptance.final_accounts_submitted", "编报竣工财务决算", "final accounts submitted")
_PASSED = Label("acceptance.passed", "竣工验收合格", "acceptance passed")
_SPENT = Label("implementation.actual_expenditure", "项目实际支出（元）", "actual expenditure (yuan)")
_CENT = Decimal("0.01")
_EXPENDITURE_DATE = Label(
    "implementation.expenditure_as_of", "实际支出的统计日期", "the expenditure figure's date"
)
_RETURNED = Label("implementation.surplus_returned", "结余资金上缴财政", "surplus returned to the treasury")


def settled(ctx: Context) -> tuple[date | None, Label | Worded]:
    """D25: the day the surplus is settled, if known on ``as_of``, and the fact it comes from."""
    reading = ctx.interpretation.surplus_settlement
    if reading is SurplusSettlement.ACCEPTANCE_PASSED:
        return ctx.known(ctx.project.acceptance.passed), _PASSED
    if reading is SurplusSettlement.COMPLETION:
        return completion(ctx)
    return ctx.known(ctx.project.acceptance.final_accounts_submitted), _FINAL_ACCOUNTS


def _missing(*pairs: tuple[str, object]) -> Outcome:
    """UNDETERMINED, naming the facts (of ``pairs``: path, value) that are not given."""
    return Outcome(
        Status.UNDETERMINED, missing=tuple(fact for fact, value in pairs if value is None), note=say.MISSING
    )


# 第二十五条第一款第一句 ————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art25.within_budget",
    provision="art25.p1",
    title_zh="严格按批复的投资概算实施项目，实际支出不超过现行批复概算",
    title_en="The project is carried out within the approved budget: spending does not exceed the budget in force",
    owed_by=Party.PROJECT_UNIT,
)
def within_budget(ctx: Context) -> Outcome:
    """项目单位应严格按批复的可行性研究报告、初步设计和投资概算实施项目.

    HOLDS while the actual expenditure is within the budget in force on the day the figure is as of (the total of the
    latest adjustment approved anew by then, else the approved budget); FAILS above it; UNDETERMINED without a
    figure once the final accounts are made; not yet applicable before them without a figure (as art. 37's overrun).
    The study and design themselves are not computed (``encoded_in_part``).
    """
    if ctx.approved_term(True) is None:
        return ctx.not_applicable((say.no_budget_yet, ctx.project.approval.approved))
    impl = ctx.project.implementation
    spent = known_expenditure(ctx)
    on = ctx.known(impl.expenditure_as_of) or ctx.as_of
    budget = budget_in_force(ctx, on=on)
    if budget.amount is None:
        if budget.reapproved is None:
            return ctx.not_applicable(say.NO_BUDGET)
        return Outcome(
            Status.UNDETERMINED, missing=(budget.label.fact,), note=(say.budget_missing, budget.label)
        )
    if spent is None and ctx.known(ctx.project.acceptance.final_accounts_submitted) is None:
        return ctx.not_applicable(say.NO_FIGURE)
    if spent is not None:
        if impl.expenditure_as_of is not None:
            skip = ctx.reaches(impl.expenditure_as_of, _EXPENDITURE_DATE)
        else:
            skip = decision(ctx)
        if skip is not None:
            return skip
    return ctx.condition(
        ctx.check(_SPENT, Relation.ON_OR_BEFORE, budget.amount, spent), note=(say.budget_in_force, budget, on)
    )


class Owed(NamedTuple):
    """The unspent fiscal money art. 25 asks to be returned (D35), and how it was worked out."""

    amount: Decimal
    note: Note


_ROUNDING = {FiscalShareRounding.HALF_UP: ROUND_HALF_UP, FiscalShareRounding.DOWN: ROUND_DOWN}
"""D40: how a proportional fiscal share is rounded to the fen."""


def _fiscal_owed(ctx: Context, surplus: Decimal, spent: Decimal, fiscal: Decimal, other: Decimal) -> Owed:
    """The unspent fiscal money, never more than ``surplus`` (D35 for mixed funding)."""
    reading: SurplusFiscalShare | None = None
    extra: tuple[Decimal, Decimal, Decimal, FiscalShareRounding] | None = None
    if other == 0:
        left = max(Decimal(0), fiscal - spent).quantize(_CENT)
    else:
        reading = ctx.interpretation.surplus_fiscal_share
        funded = fiscal + other
        if reading is SurplusFiscalShare.FISCAL_SPENT_FIRST:
            left = max(Decimal(0), fiscal - spent).quantize(_CENT)
        elif reading is SurplusFiscalShare.OTHER_SPENT_FIRST:
            left = (fiscal - min(fiscal, max(Decimal(0), spent - other))).quantize(_CENT)
        else:
            unspent = max(Decimal(0), funded - spent).quantize(_CENT)
            exact = unspent * fiscal / funded if funded else Decimal(0)
            rounding = ctx.interpretation.fiscal_share_rounding  # D40
            left = exact.quantize(_CENT, rounding=_ROUNDING[rounding])
            extra = (unspent, funded, exact, rounding)
    return Owed(min(left, surplus), (say.fiscal_owed, reading, surplus, spent, fiscal, other, left, extra))


def _changed(ctx: Context) -> Outcome | None:
    """目标和内容不变 (D34): NOT_APPLICABLE when a carried-out adjustment took the project out of art. 25."""
    carried = [
        (n, a)
        for n, a in enumerate(ctx.project.implementation.adjustments)
        if ctx.known(a.adjusted) is not None
    ]
    if not carried:
        return None
    if ctx.interpretation.surplus_after_adjustment is SurplusAfterAdjustment.GENERAL_RULES:
        return ctx.not_applicable((say.adjusted_general_rules, tuple((n, a.adjusted) for n, a in carried)))
    goals = tuple(n for n, a in carried if not a.goals_unchanged)
    if goals:
        return ctx.not_applicable((say.goals_changed, goals))
    return None


# 第二十五条第一款第二句 ————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art25.surplus_returned",
    provision="art25.p1",
    title_zh="项目目标和内容不变，实际支出有结余的，及时将结余资金上缴财政",
    title_en="An unchanged project's surplus is returned to the treasury in time",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.FINANCE_BUREAU,),
    decisions=("D1", "D2", "D11", "D12", "D13", "D16", "D25", "D34", "D35", "D40"),
)
def surplus_returned(ctx: Context) -> Outcome:
    """项目目标和内容不变，项目实际支出有结余的，应及时将结余资金上缴财政.

    结余资金上缴财政 concerns money from the budget: a project with no fiscal money (:attr:`Project.fiscal_funded`,
    e.g. an enterprise's own money under art. 38) has none to return, and of a mixed project only the unspent fiscal
    money (D35). D34: a carried-out adjustment ends the duty (default) or, with ``still_owed``, only one that changed
    the goals does.

    D11: "及时" has a due date only when ``timely_within_working_days`` is set, counted from the day the surplus
    is settled — D25: the final accounts (default), or passing acceptance, or completion (D16).
    """
    impl = ctx.project.implementation
    if ctx.project.fiscal_funded is False:
        return ctx.not_applicable(say.NO_FISCAL_MONEY)
    if (changed := _changed(ctx)) is not None:
        return changed
    if ctx.approved_term(True) is None:
        return ctx.not_applicable((say.no_budget_yet, ctx.project.approval.approved))
    budget, spent = budget_in_force(ctx), known_expenditure(ctx)
    funding = ctx.project.funding
    settled_on, settled_label = settled(ctx)
    returned = ctx.known(impl.surplus_returned)
    if settled_on is None and returned is None:
        return ctx.not_applicable((say.not_settled, settled_label))
    if budget.amount is None or spent is None or not funding:
        return _missing(
            (budget.label.fact, budget.amount),
            ("implementation.actual_expenditure", spent),
            ("funding", funding or None),
        )
    surplus = budget.amount - spent
    if surplus <= 0:
        return ctx.not_applicable((say.no_surplus, budget, spent, surplus))
    fiscal = sum((f.amount for f in funding if f.source.is_fiscal), Decimal(0))
    other = sum((f.amount for f in funding if not f.source.is_fiscal), Decimal(0))
    owed = _fiscal_owed(ctx, surplus, spent, fiscal, other)
    amount = (say.amount, budget, spent, surplus, owed.note, owed.amount)
    if owed.amount <= 0:
        return ctx.not_applicable((say.nothing_owed, amount))
    if settled_on is None:
        return Outcome(Status.HOLDS, note=(say.returned_early, amount, returned, settled_label))
    outcome = ctx.timely(
        settled_on,
        returned,
        start_label=settled_label,
        done_label=_RETURNED,
        must_follow=False,  # money returned before the accounts settle it is returned all the same
    )
    outcome.note = (say.then, amount, outcome.note)
    return outcome
