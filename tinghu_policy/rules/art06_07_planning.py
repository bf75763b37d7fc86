"""第六条、第七条 规划 — a unit's implementation plan as an application basis; district 政务 APPs.

Art. 6 para. 1 (区数据局 drafts the plans) and art. 7 para. 1 (一部门一系统 and other principles) are not
computable; whether a project is listed in a plan is art. 8(ii), whether systems were integrated art. 12.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Outcome, Relation, rule
from tinghu_policy.facts import ReviewOutcome
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import decision

_REVIEWED = Label(
    "planning.implementation_plan_reviewed.day",
    "实施方案经区数据局审核的日期",
    "plan reviewed by the data bureau on",
)
_OUTCOME = Label(
    "planning.implementation_plan_reviewed.outcome", "区数据局审核结论", "the data bureau's conclusion"
)


# 第六条第二款 ——————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art6.implementation_plan_reviewed",
    provision="art6.p2",
    title_zh="作为申报依据的实施方案须先经区数据局审核",
    title_en="A unit's implementation plan is an application basis only after the data bureau's review",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D13", "D14", "D17"),
)
def implementation_plan_reviewed(ctx: Context) -> Iterator[Outcome]:
    """区各有关单位…可编制本系统、本单位实施方案，经区数据局审核后，作为项目申报的依据.

    "可编制": a unit need not write one — NOT_APPLICABLE unless ``planning.implementation_plan_as_basis``. When the
    application relies on it, each application (review round, ``round N``) needs the review done on or before the
    day 区数据局 received it: "经…审核后" read at day granularity (D14) — D17 (default ``same_day_counts``): a review
    and a filing on the same day are in order; a review the day after the filing is too late (option
    ``earlier_day``: the review must be dated a day before the filing). No review = not reviewed → FAILS. "审核后"
    is a review that passed the plan: a rejecting review FAILS, one whose conclusion is not stated is UNDETERMINED.
    A round received before the stated effective date is out of reach (D13).
    """
    planning = ctx.project.planning
    if not planning.implementation_plan_as_basis:
        yield ctx.not_applicable(
            "未以本系统、本单位实施方案作为申报依据", "the application does not rely on a unit plan"
        )
        return
    review = planning.implementation_plan_reviewed
    reviewed = ctx.known(review.day) if review is not None else None
    rounds = [(n, r) for n, r in enumerate(ctx.project.review) if ctx.known(r.received) is not None]
    if not rounds:
        yield ctx.not_applicable("尚未申报", "no application yet")
        return
    for n, round_ in rounds:
        subject = f"round {n + 1}"
        received = Label(f"review[{n}].received", "区数据局接收申请", "application received")
        if (skip := ctx.reaches(round_.received, received, subject=subject)) is not None:
            yield skip
            continue
        checks = [
            ctx.expect(
                Label(
                    "planning.implementation_plan_reviewed",
                    "实施方案已经区数据局审核",
                    "the plan was reviewed",
                ),
                reviewed is not None,
            )
        ]
        if review is not None and reviewed is not None:
            checks.append(ctx.check(_REVIEWED, ctx.before, round_.received, reviewed))
            outcome = None if review.outcome is None else review.outcome.value
            checks.append(ctx.check(_OUTCOME, Relation.EQUALS, ReviewOutcome.APPROVED.value, outcome))
        yield ctx.condition(*checks, subject=subject)


# 第七条第二款 ——————————————————————————————————————————————————————————————————————————————————————————————————
def _no_app(ctx: Context) -> Outcome:
    return ctx.not_applicable("项目不是区级规划建设的政务APP", "the project is not a district government APP")


@rule(
    "art7.app_connects_upward",
    provision="art7.p2",
    title_zh="区级规划建设的政务APP向上接入",
    title_en="A district government APP connects upward",
    owed_by=Party.PROJECT_UNIT,
)
def app_connects_upward(ctx: Context) -> Outcome:
    """区级规划建设的政务 APP 应向上接入 (to the provincial and municipal platforms).

    The paragraph's first sentence (cross-department projects use the provincial and municipal base platforms with
    unified data and business interfaces) has no fact of its own beyond art. 9's unified interfaces.
    """
    if (app := ctx.project.app) is None:
        return _no_app(ctx)
    if (skip := decision(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(
            Label("app.connects_upward", "政务APP向上接入", "the APP connects upward"), app.connects_upward
        )
    )


@rule(
    "art7.app_not_duplicated",
    provision="art7.p2",
    title_zh="区级及以下与省市功能相似的APP不再重复建设",
    title_en="No district APP duplicating a provincial or municipal one",
    owed_by=Party.PROJECT_UNIT,
)
def app_not_duplicated(ctx: Context) -> Outcome:
    """区级及以下与省市功能相似的 APP 不再重复建设: FAILS when the APP duplicates a provincial or municipal one.

    D13: both APP rules judge the project as decided — its approval, or before it the latest application.
    """
    if (app := ctx.project.app) is None:
        return _no_app(ctx)
    if (skip := decision(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(
            Label(
                "app.duplicates_higher_level_app",
                "与省市APP功能相似",
                "duplicates a provincial or municipal APP",
            ),
            app.duplicates_higher_level_app,
            required=False,
        )
    )
