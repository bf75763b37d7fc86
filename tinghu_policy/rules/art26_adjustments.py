"""第二十六条 项目调整 — adjusting the main content without a new approval, within 10% of the approved budget.

Each adjustment (``implementation.adjustments``, subject ``adjustment N`` from 1) is tested on its own:

* ``art26.adjustment_route`` (第一款): the route is open when the lead-in's conditions hold — investment within the
  approved budget, goals unchanged, the adjusted amount not more than 10% of the approved total — and the adjustment
  rests on one of the three grounds (with that ground's own condition, if it has one);
* ``art26.ground_*`` (第一款第（一）至（三）项): one rule per ground, NOT_APPLICABLE unless the adjustment claims it;
  when claimed, HOLDS if the route is open on that ground, FAILS if the ground's or the lead-in's condition fails;
* ``art26.adjustment_review`` (第一款): on the route, 区数据局 and 区财政局 review and pass the adjustment before it
  is made;
* ``art26.adjustment_filing`` (第一款): on the route, "同时报区发改委备案" — the filing with 区发改委 is due no later
  than the day the adjustment is carried out (``adjusted``): 同时 is "at the same time", so a filing that day or
  before is in time and one after it is late; once the adjustment is made and the day has passed without a filing,
  it is overdue. 同时 asks for no precedence, so a filing on the very day of the adjustment is in time whichever
  D17 reading is chosen (D17 decides whether a same-day act counts as *before* another; nothing here must come
  before). Before the adjustment is made nothing is due yet;
* ``art26.general_rules`` (第二款): off the route, the general rules apply — a new approval before the adjustment.

The approved total (概算总投资) an adjustment is held to is the one in force: the total after the latest earlier
adjustment approved anew (``reapproved`` known on ``as_of``; its ``total_after``), else ``approval.approved_budget``
(:func:`budget_in_force`, which art. 25 reads too).

不超过 includes the limit (民法典 第一千二百五十九条): exactly 10% passes. Money is exact ``Decimal`` 元; the 10%
limit is computed exactly (it may have three decimals: 10% of 1,234,567.89 is 123,456.789). D31 (default
``cumulative``): the amount held to the limit is this adjustment's own and those of the adjustments carried out
before it (``adjusted`` known on ``as_of``; earlier in ``implementation.adjustments``) since the last one approved
anew — an adjustment only requested, or refused, moves no money, and a re-approval resets the approved total and so
the count; its check then names ``implementation.adjustments`` and shows that running total. Option
``each_adjustment``: each adjustment's own amount.

Encoded in part: "确需" (the adjustment is truly needed; the law or deployment truly requires the change; the
technical plan is truly improved; the business truly needs it) is the reviewing bureaus' judgement, which no fact of
the project can decide; the rules read the ground the unit claims and the conditions the text states (a named basis
for ground (一), the approved plan for ground (三)). What the general rules of para. 2 require beyond a new approval
is outside this regulation (``provisions/status.yaml``).

"经区数据局、区财政局审核后可以调整" asks for reviews that pass the adjustment: a review that rejected it does not
open the route (an adjustment made after it FAILS), and one whose conclusion is not stated leaves the finding
UNDETERMINED.

D13: an adjustment is judged by its request (the route, the grounds) and by its execution (the review before it,
the filing with it, the new approval): one requested, or carried out, before the effective date is out of reach.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Kept,
    Label,
    Labels,
    Note,
    Outcome,
    Relation,
    Status,
    rule,
)
from tinghu_policy.engine.context import Worded
from tinghu_policy.facts import Adjustment, AdjustmentGround, ReviewOutcome
from tinghu_policy.interpretation import AdjustmentLimitBasis
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art26_adjustments as say
from tinghu_policy.rules.wording.art26_adjustments import share_note

__all__ = ["Budget", "budget_in_force", "counted_before", "share_note"]

_P = Kept(lambda n: f"implementation.adjustments[{n}]")
_ADJUSTED = Labels(lambda n: Label(f"{_P[n]}.adjusted", "实施调整", "adjustment carried out"))
_REQUESTED = Labels(lambda n: Label(f"{_P[n]}.requested", "提出调整", "adjustment requested"))
_TOTAL_AFTER = Labels(
    lambda n: Label(
        f"{_P[n]}.total_after", "调整后投资规模（元，不超出概算批复）", "investment after adjustment (yuan)"
    )
)
_GOALS = Labels(lambda n: Label(f"{_P[n]}.goals_unchanged", "建设目标不变", "goals unchanged"))
_AMOUNT = Labels(
    lambda n: Label(
        f"{_P[n]}.amount",
        "资金调整数额（元，不超过概算总投资10%）",
        "adjusted amount (yuan, ≤ 10% of the total)",
    )
)
_BASIS = Labels(
    lambda n: Label(
        f"{_P[n]}.basis", "说明所依据的法律法规或工作部署", "the law or deployment relied on is named"
    )
)
_WITHIN_PLAN = Labels(
    lambda n: Label(
        f"{_P[n]}.within_approved_plan", "在已批复项目建设规划的框架下调整", "within the approved plan"
    )
)
_CLAIMED = Labels(
    lambda n: Label(
        f"{_P[n]}.ground",
        "符合第一款第（一）至（三）项所列情形之一",
        "one of the grounds (i)–(iii) is claimed",
    )
)
_FILED = Labels(
    lambda n: Label(
        f"{_P[n]}.filed_with_development_reform", "报区发改委备案", "filed with development-reform"
    )
)
_REAPPROVED = Labels(
    lambda n: Label(f"{_P[n]}.reapproved", "按有关规定重新报批获批", "approved anew under the general rules")
)
_REVIEWS = (
    ("reviewed_by_data_bureau", say.DATA_BUREAU_REVIEW),
    ("reviewed_by_finance", say.FINANCE_REVIEW),
)
_REVIEW_DAY = Labels(lambda key: Label(f"{_P[key[0]]}.{key[1]}.day", *say.review_day(key[2])))
_REVIEW_OUTCOME = Labels(lambda key: Label(f"{_P[key[0]]}.{key[1]}.outcome", *say.review_conclusion(key[2])))
_APPROVED_BUDGET = Label(
    "approval.approved_budget", "批复概算总投资（元）", "approved total investment (yuan)"
)


def _adjustments(ctx: Context) -> tuple[tuple[int, Adjustment], ...]:
    """The adjustments requested on or before ``as_of``, with their index (found once per evaluation)."""
    found: tuple[tuple[int, Adjustment], ...] | None = ctx.memo.get(_adjustments)
    if found is None:
        found = ctx.memo[_adjustments] = tuple(
            (n, adjustment)
            for n, adjustment in enumerate(ctx.project.implementation.adjustments)
            if ctx.known(adjustment.requested) is not None
        )
    return found


def _reached(ctx: Context, n: int, adjustment: Adjustment, *, executed: bool = False) -> Outcome | None:
    """D13: the adjustment's request (or, with ``executed``, its execution when known) before the effective date."""
    if ctx.effective is None:
        return None
    adjusted = ctx.known(adjustment.adjusted)
    if executed and adjusted is not None:
        return ctx.reaches(adjusted, _ADJUSTED[n], subject=_subject(n))
    return ctx.reaches(adjustment.requested, _REQUESTED[n], subject=_subject(n))


def _subject(n: int) -> str:
    return f"adjustment {n + 1}"


_limit = say.limit


class Budget(NamedTuple):
    """The approved total in force (概算总投资) and the fact it is."""

    amount: Decimal | None
    label: Label | Worded
    reapproved: int | None
    """The index of the adjustment whose new approval set it; None: the original approval."""


def budget_in_force(ctx: Context, *, before: int | None = None, on: date | None = None) -> Budget:
    """The approved total in force: the ``total_after`` of the latest adjustment approved anew (``reapproved`` known
    on ``as_of``; only those listed before ``before``; only approved by ``on``), else ``approval.approved_budget``.

    A re-approval whose ``total_after`` is not given leaves the amount None (not known)."""
    latest: tuple[date, int] | None = None
    for k, adjustment in enumerate(ctx.project.implementation.adjustments):
        if before is not None and k >= before:
            break
        day = ctx.known(adjustment.reapproved)
        if day is None or (on is not None and day > on):
            continue
        if latest is None or day >= latest[0]:
            latest = (day, k)
    if latest is None:
        return Budget(ctx.project.approval.approved_budget, _APPROVED_BUDGET, None)
    day, k = latest
    return Budget(
        ctx.project.implementation.adjustments[k].total_after,
        Worded(f"implementation.adjustments[{k}].total_after", (say.reapproved_total, k, day)),
        k,
    )


class Measured(NamedTuple):
    """The amount art. 26's 10% limit is held to for one adjustment (D31), and how a check and a note name it."""

    amount: Decimal
    label: Label | Worded
    name: Note


def counted_before(ctx: Context, n: int) -> tuple[list[int], int | None]:
    """D31 ``cumulative``: the adjustments listed before ``n`` and carried out on ``as_of`` since the last one
    approved anew, and that one's index (None: none was)."""
    adjustments = ctx.project.implementation.adjustments
    restart = None
    for k in range(n):
        if ctx.known(adjustments[k].reapproved) is not None:
            restart = k
    first = 0 if restart is None else restart + 1
    return [k for k in range(first, n) if ctx.known(adjustments[k].adjusted) is not None], restart


def _measured(ctx: Context, n: int) -> Measured:
    """D31: with ``cumulative`` (default) the total of adjustment ``n`` and every earlier adjustment carried out
    since the last re-approval; with ``each_adjustment`` adjustment ``n``'s own amount."""
    adjustments = ctx.project.implementation.adjustments
    if ctx.interpretation.adjustment_limit_basis is AdjustmentLimitBasis.CUMULATIVE:
        counted, restart = counted_before(ctx, n)
        amounts = [adjustments[k].amount for k in counted] + [adjustments[n].amount]
        return Measured(
            sum(amounts, Decimal(0)),
            # the running total of their amounts up to n
            Worded("implementation.adjustments", (say.cumulative_label, len(counted), restart)),
            (say.cumulative_name, len(counted), restart),
        )
    return Measured(adjustments[n].amount, _AMOUNT[n], say.AMOUNT)


def _lead_in(
    ctx: Context, n: int, adjustment: Adjustment, budget: Decimal, measured: Measured
) -> list[Comparison]:
    """第一款: 投资规模未超出概算批复、建设目标不变、资金调整数额不超过概算总投资10% (D31: each, or in total)."""
    return [
        ctx.check(
            _TOTAL_AFTER[n], Relation.ON_OR_BEFORE, budget, adjustment.total_after, provision="art26.p1"
        ),
        ctx.expect(_GOALS[n], adjustment.goals_unchanged, provision="art26.p1"),
        ctx.check(
            measured.label, Relation.ON_OR_BEFORE, _limit(budget), measured.amount, provision="art26.p1"
        ),
    ]


def _ground_checks(ctx: Context, n: int, adjustment: Adjustment) -> list[Comparison]:
    """The claimed ground's own condition: (一) a named law or deployment; (三) within the approved plan."""
    if adjustment.ground is AdjustmentGround.LAW_OR_POLICY:
        return [ctx.expect(_BASIS[n], None if adjustment.basis is None else True, provision="art26.p1.i1")]
    if adjustment.ground is AdjustmentGround.BUSINESS_NEED:
        return [ctx.expect(_WITHIN_PLAN[n], adjustment.within_approved_plan, provision="art26.p1.i3")]
    return []


def _route(ctx: Context, n: int, adjustment: Adjustment) -> Outcome:
    """第一款 as a whole: the lead-in's conditions, one ground claimed, and that ground's own condition (found once
    per adjustment and evaluation: four rules ask)."""
    key = (_route, n)
    made: Outcome | None = ctx.memo.get(key)
    if made is None:
        made = ctx.memo[key] = _route_of(ctx, n, adjustment)
    return made


def _route_of(ctx: Context, n: int, adjustment: Adjustment) -> Outcome:
    in_force = budget_in_force(ctx, before=n)
    budget = in_force.amount
    if budget is None:
        label = in_force.label
        return Outcome(
            Status.UNDETERMINED,
            missing=(label.fact,),
            subject=_subject(n),
            note=(say.budget_missing, label.zh, label.en),
        )
    claimed = ctx.expect(_CLAIMED[n], adjustment.ground is not None)
    measured = _measured(ctx, n)
    return ctx.condition(
        *_lead_in(ctx, n, adjustment, budget, measured),
        claimed,
        *_ground_checks(ctx, n, adjustment),
        subject=_subject(n),
        note=(
            say.route,
            measured.name,
            measured.amount,
            budget,
            adjustment.ground,
            adjustment.basis,
            in_force.reapproved,
        ),
    )


# 第二十六条第一款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art26.adjustment_route",
    provision="art26.p1",
    title_zh="投资未超概算、目标不变、调整数额不超过概算总投资10%且符合所列情形之一的，可经审核调整",
    title_en="Within the budget, goals unchanged, at most 10% and on a listed ground: adjustable after review",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D31",),
)
def adjustment_route(ctx: Context) -> Iterator[Outcome]:
    """项目投资规模未超出概算批复、建设目标不变，项目主要内容确需调整且资金调整数额不超过概算总投资10%，并符合下列情形之一的…可以调整."""
    found = False
    for n, adjustment in _adjustments(ctx):
        found = True
        yield _reached(ctx, n, adjustment) or _route(ctx, n, adjustment)
    if not found:
        yield ctx.not_applicable(say.NO_ADJUSTMENT)


def _ground(ctx: Context, ground: AdjustmentGround) -> Iterator[Outcome]:
    """One ground's finding per adjustment: NOT_APPLICABLE unless claimed, else the route's verdict on it."""
    found = False
    for n, adjustment in _adjustments(ctx):
        found = True
        if (skip := _reached(ctx, n, adjustment)) is not None:
            yield skip
            continue
        if adjustment.ground is not ground:
            yield ctx.not_applicable(say.NOT_CLAIMED, subject=_subject(n))
            continue
        budget = budget_in_force(ctx, before=n).amount
        if budget is None:
            yield _route_of(ctx, n, adjustment)
            continue
        measured = _measured(ctx, n)
        yield ctx.condition(
            *_lead_in(ctx, n, adjustment, budget, measured),
            *_ground_checks(ctx, n, adjustment),
            subject=_subject(n),
            note=(say.share, measured.name, measured.amount, budget),
        )
    if not found:
        yield ctx.not_applicable(say.NO_ADJUSTMENT)


@rule(
    "art26.ground_law_or_policy",
    provision="art26.p1.i1",
    title_zh="根据法律法规、国家和省、市、区工作部署，确需改变实施内容的调整",
    title_en="Adjustment required by law or by national, provincial, municipal or district deployment",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D31",),
)
def ground_law_or_policy(ctx: Context) -> Iterator[Outcome]:
    """（一）根据法律法规、国家和省、市、区工作部署，确需改变实施内容的."""
    return _ground(ctx, AdjustmentGround.LAW_OR_POLICY)


@rule(
    "art26.ground_technical_optimisation",
    provision="art26.p1.i2",
    title_zh="确需对原项目技术方案进行完善优化的调整",
    title_en="Adjustment to improve or optimise the original technical plan",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D31",),
)
def ground_technical_optimisation(ctx: Context) -> Iterator[Outcome]:
    """（二）确需对原项目技术方案进行完善优化的."""
    return _ground(ctx, AdjustmentGround.TECHNICAL_OPTIMISATION)


@rule(
    "art26.ground_business_need",
    provision="art26.p1.i3",
    title_zh="根据业务发展需要，在已批复项目建设规划框架下调整建设内容及进度的调整",
    title_en="Adjustment of content and schedule for business needs within the approved plan",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D31",),
)
def ground_business_need(ctx: Context) -> Iterator[Outcome]:
    """（三）根据项目业务发展需要，在已批复项目建设规划的框架下调整相关建设内容及进度的."""
    return _ground(ctx, AdjustmentGround.BUSINESS_NEED)


@rule(
    "art26.adjustment_review",
    provision="art26.p1",
    title_zh="经区数据局、区财政局审核通过后方可调整",
    title_en="Reviewed and passed by the data bureau and finance before adjusting",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU, Party.FINANCE_BUREAU),
    decisions=("D17", "D31"),
)
def adjustment_review(ctx: Context) -> Iterator[Outcome]:
    """…经区数据局、区财政局审核后可以调整….

    FAILS when the adjustment was made before both reviews passed it; PENDING (no time limit in the text) while a
    review is still to come; HOLDS when both reviews passed it (before it was made, if it was). D17 (default
    ``same_day_counts``): a review on the day of the adjustment comes first; option ``earlier_day``: it must be
    dated a day before. The filing with 区发改委 is ``art26.adjustment_filing``.
    """
    return _on_route(ctx, _review)


@rule(
    "art26.adjustment_filing",
    provision="art26.p1",
    title_zh="调整的同时报区发改委备案（不晚于调整之日）",
    title_en="The adjustment is filed with development-reform at the same time (no later than the adjustment)",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DEVELOPMENT_REFORM,),
    decisions=("D31",),
)
def adjustment_filing(ctx: Context) -> Iterator[Outcome]:
    """…可以调整，同时报区发改委备案.

    Due on the day the adjustment is carried out: MET when filed that day or before, LATE after it, OVERDUE once that
    day has passed without a filing, PENDING on the day itself. Before the adjustment is made nothing is due
    (NOT_APPLICABLE), unless the filing was already made (HOLDS). "同时" asks for no precedence: a filing on the
    day of the adjustment is in time under either D17 reading.
    """
    return _on_route(ctx, _filing)


def _on_route(ctx: Context, duty: Callable[[Context, int, Adjustment], Outcome]) -> Iterator[Outcome]:
    """``duty``'s finding for each adjustment on the route of para. 1; out of reach (D13) or off the route, the
    finding says so; one NOT_APPLICABLE finding without adjustments."""
    found = False
    for n, adjustment in _adjustments(ctx):
        found = True
        if (skip := _reached(ctx, n, adjustment, executed=True)) is not None:
            yield skip
        elif _route(ctx, n, adjustment).status is not Status.HOLDS:
            yield ctx.not_applicable(say.OFF_ROUTE, subject=_subject(n))
        else:
            yield duty(ctx, n, adjustment)
    if not found:
        yield ctx.not_applicable(say.NO_ADJUSTMENT)


def _filing(ctx: Context, n: int, adjustment: Adjustment) -> Outcome:
    filing = _FILED[n]
    adjusted, filed = ctx.known(adjustment.adjusted), ctx.known(adjustment.filed_with_development_reform)
    if adjusted is None:
        if filed is not None:
            return Outcome(
                Status.HOLDS,
                checks=(ctx.check(filing, Relation.ON_OR_BEFORE, ctx.as_of, filed, role=CheckRole.CONTEXT),),
                subject=_subject(n),
                note=(say.filed_before_adjusting, filed),
            )
        return ctx.not_applicable(say.NOT_ADJUSTED, subject=_subject(n))
    return ctx.due_by(
        adjusted,
        filed,
        filing,
        subject=_subject(n),
        started=ctx.clock_start(_ADJUSTED[n], adjusted),
        note=(say.filing_due, adjusted),
    )


def _review(ctx: Context, n: int, adjustment: Adjustment) -> Outcome:
    """FAILS if adjusted before both reviews passed it; UNDETERMINED when a review's conclusion is not stated;
    PENDING while a review is still to come; else HOLDS."""
    adjusted = ctx.known(adjustment.adjusted)
    reviews = [
        (name, review, act, ctx.known(act.day) if act is not None else None)
        for (name, review), act in zip(
            _REVIEWS, (adjustment.reviewed_by_data_bureau, adjustment.reviewed_by_finance), strict=True
        )
    ]
    checks: list[Comparison] = []
    dated: list[Comparison] = []
    concluded: list[Comparison] = []
    for name, review, act, day in reviews:
        if adjusted is not None:
            dated.append(ctx.check(_REVIEW_DAY[n, name, review], ctx.before, adjusted, day))
            checks.append(dated[-1])
        if act is not None and day is not None:
            outcome = None if act.outcome is None else act.outcome.value
            concluded.append(
                ctx.check(
                    _REVIEW_OUTCOME[n, name, review], Relation.EQUALS, ReviewOutcome.APPROVED.value, outcome
                )
            )
            checks.append(concluded[-1])
    if (adjusted is not None and any(c.ok is not True for c in dated)) or any(c.ok is False for c in checks):
        if adjusted is None:
            return Outcome(Status.HOLDS, checks=tuple(checks), subject=_subject(n), note=say.REVIEW_REFUSED)
        return Outcome(
            Status.FAILS, checks=tuple(checks), subject=_subject(n), note=(say.adjusted_unreviewed, adjusted)
        )
    if any(c.ok is None for c in concluded):
        return Outcome(
            Status.UNDETERMINED,
            checks=tuple(checks),
            missing=tuple(c.fact for c in checks if c.ok is None),
            subject=_subject(n),
            note=say.CONCLUSION_MISSING,
        )
    still = tuple(review for _, review, _, day in reviews if day is None)
    if still:
        return Outcome(
            Status.PENDING, checks=tuple(checks), subject=_subject(n), note=(say.reviews_to_come, still)
        )
    if adjusted is None:
        return Outcome(Status.HOLDS, checks=tuple(checks), subject=_subject(n), note=say.PASSED_NOT_ADJUSTED)
    return Outcome(
        Status.HOLDS, checks=tuple(checks), subject=_subject(n), note=(say.passed_then_adjusted, adjusted)
    )


# 第二十六条第二款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art26.general_rules",
    provision="art26.p2",
    title_zh="不符合第一款情形的调整，按相关法律法规和有关规定执行（重新报批）",
    title_en="An adjustment outside para. 1 follows the general rules (a new approval)",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D17", "D31"),
)
def general_rules(ctx: Context) -> Iterator[Outcome]:
    """不符合上述情形的，应按相关法律法规、国家和省、市、区有关规定执行.

    The general rules are outside this regulation; what they require of an adjustment is read as a new approval
    (``reapproved``) before it is made. HOLDS when approved anew no later than the adjustment (D17: the same day
    counts as before it; option ``earlier_day``: a day before); FAILS when made without it; PENDING while neither
    has happened. NOT_APPLICABLE on the route of para. 1.
    """
    found = False
    for n, adjustment in _adjustments(ctx):
        found = True
        if (skip := _reached(ctx, n, adjustment, executed=True)) is not None:
            yield skip
            continue
        route = _route(ctx, n, adjustment)
        if route.status is Status.HOLDS:
            yield ctx.not_applicable(say.ON_ROUTE, subject=_subject(n))
            continue
        if route.status is Status.UNDETERMINED:
            yield Outcome(
                Status.UNDETERMINED, missing=route.missing, subject=_subject(n), note=say.ROUTE_UNKNOWN
            )
            continue
        yield _reapproval(ctx, n, adjustment)
    if not found:
        yield ctx.not_applicable(say.NO_ADJUSTMENT)


def _reapproval(ctx: Context, n: int, adjustment: Adjustment) -> Outcome:
    adjusted, reapproved = ctx.known(adjustment.adjusted), ctx.known(adjustment.reapproved)
    in_order = ctx.check(_REAPPROVED[n], ctx.before, adjusted, reapproved)
    if reapproved is not None and (adjusted is None or in_order.ok):
        return Outcome(
            Status.HOLDS,
            checks=(in_order,) if adjusted else (),
            subject=_subject(n),
            note=(say.approved_anew, reapproved),
        )
    if adjusted is not None:
        return Outcome(
            Status.FAILS,
            checks=(in_order,),
            subject=_subject(n),
            note=(say.adjusted_without_approval, adjusted),
        )
    return Outcome(Status.PENDING, subject=_subject(n), note=say.APPROVAL_NEEDED)
