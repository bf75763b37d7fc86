"""第六条、第七条 规划 — a unit's implementation plan as an application basis; shared projects on the higher-level
base platforms; district 政务 APPs.

Art. 6 para. 1 (区数据局 drafts the plans) and art. 7 para. 1 (一部门一系统 and other principles) are not
computable; whether a project is listed in a plan is art. 8(ii), whether systems were integrated art. 12. Of art. 6
para. 2 the rule checks the review the paragraph makes the condition of using the plan; whether the plan follows
the district plans and the unit's business needs (按照区级…规划，结合业务发展需要) is what that review judges, and
is listed as encoded in part.

Art. 7 para. 2 has two sentences, the second of two clauses: three limbs, each its own rule:

* 对于需要各部门共享协同的政务信息化项目…通过省、市级部门开发的基础平台，统一数据和业务接口有效衔接
  (``art7.shared_platforms``): a project shared by several departments (``cross_department``) is built on the
  provincial and municipal base platforms with unified data and business interfaces
  (``cross_department.uses_higher_level_platforms``). The clause before it (注重顶层设计，统筹制定…总体要求和标准
  规范) asks for design work with no measure a fact could meet, and is listed as encoded in part.
* 区级规划建设的政务 APP 应向上接入 (``art7.app_connects_upward``).
* 区级及以下与省市功能相似的 APP 不再重复建设 (``art7.app_not_duplicated``). "区级及以下" reaches APPs built by
  units below the district (街道, 乡镇; 民法典 第一千二百五十九条: "以下" includes the level named), so the rule
  runs for such an owner even when art. 2's "区级" (D18) puts the project outside the regulation
  (:attr:`~tinghu_policy.engine.rule.Rule.beyond_scope`): the sentence D18's own basis cites could not otherwise
  fire for a 乡镇 owner under the default. The sentence before it says "区级规划建设的" only, so the upward
  connection stays within the scope test.

D13: the rules of art. 7 judge the project as decided — its approval, or before it the latest application.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Labels, Outcome, Relation, rule
from tinghu_policy.facts import OwnerLevel, Project, ReviewOutcome
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import decision
from tinghu_policy.rules.wording import art06_07_planning as say

_REVIEWED = Label(
    "planning.implementation_plan_reviewed.day",
    "实施方案经区数据局审核的日期",
    "plan reviewed by the data bureau on",
)
_OUTCOME = Label(
    "planning.implementation_plan_reviewed.outcome", "区数据局审核结论", "the data bureau's conclusion"
)
_WAS_REVIEWED = Label(
    "planning.implementation_plan_reviewed", "实施方案已经区数据局审核", "the plan was reviewed"
)
_RECEIVED = Labels(lambda n: Label(f"review[{n}].received", "区数据局接收申请", "application received"))
_PLATFORMS = Label(
    "cross_department.uses_higher_level_platforms",
    "通过省、市级部门开发的基础平台，统一数据和业务接口有效衔接",
    "built on the provincial and municipal base platforms with unified interfaces",
)
_UPWARD = Label("app.connects_upward", "政务APP向上接入", "the APP connects upward")
_DUPLICATES = Label(
    "app.duplicates_higher_level_app", "与省市APP功能相似", "duplicates a provincial or municipal APP"
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
        yield ctx.not_applicable(say.NO_UNIT_PLAN)
        return
    review = planning.implementation_plan_reviewed
    reviewed = ctx.known(review.day) if review is not None else None
    rounds = [(n, r) for n, r in enumerate(ctx.project.review) if ctx.known(r.received) is not None]
    if not rounds:
        yield ctx.not_applicable(say.NOT_APPLIED)
        return
    for n, round_ in rounds:
        subject = f"round {n + 1}"
        if (skip := ctx.reaches(round_.received, _RECEIVED[n], subject=subject)) is not None:
            yield skip
            continue
        checks = [ctx.expect(_WAS_REVIEWED, reviewed is not None)]
        if review is not None and reviewed is not None:
            checks.append(ctx.check(_REVIEWED, ctx.before, round_.received, reviewed))
            outcome = None if review.outcome is None else review.outcome.value
            checks.append(ctx.check(_OUTCOME, Relation.EQUALS, ReviewOutcome.APPROVED.value, outcome))
        yield ctx.condition(*checks, subject=subject)


# 第七条第二款 ——————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art7.shared_platforms",
    provision="art7.p2",
    title_zh="需要各部门共享协同的项目通过省、市级部门开发的基础平台，统一数据和业务接口有效衔接",
    title_en="A project shared across departments is built on the provincial and municipal base platforms",
    owed_by=Party.LEAD_DEPARTMENT,
)
def shared_platforms(ctx: Context) -> Outcome:
    """对于需要各部门共享协同的政务信息化项目…通过省、市级部门开发的基础平台，统一数据和业务接口有效衔接.

    A project shared by several departments (``cross_department`` given, the project art. 9 calls 跨部门集约共享)
    must be built on the provincial and municipal base platforms with unified data and business interfaces:
    ``cross_department.uses_higher_level_platforms`` — FAILS when false, UNDETERMINED when not given. Owed by the
    lead department, which files such a project (art. 9). NOT_APPLICABLE to a project of one department.
    """
    joint = ctx.project.cross_department
    if joint is None:
        return ctx.not_applicable(say.NOT_SHARED)
    if (skip := decision(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(_PLATFORMS, joint.uses_higher_level_platforms),
        note=(say.lead_department, joint.lead_department),
    )


BELOW_DISTRICT = frozenset({OwnerLevel.SUBDISTRICT, OwnerLevel.TOWNSHIP})
"""区级以下: the owner levels below the district (街道, 乡镇) that art. 7 para. 2's "区级及以下" adds."""


def below_district(project: Project, _: Interpretation) -> bool:
    """区级及以下 reaches the project whatever art. 2's 区级 (D18): its owner is a 街道 or 乡镇 unit."""
    return project.owner.level in BELOW_DISTRICT


@rule(
    "art7.app_connects_upward",
    provision="art7.p2",
    title_zh="区级规划建设的政务APP向上接入",
    title_en="A district government APP connects upward",
    owed_by=Party.PROJECT_UNIT,
)
def app_connects_upward(ctx: Context) -> Outcome:
    """区级规划建设的政务 APP 应向上接入 (to the provincial and municipal platforms).

    Runs within the scope test only: the sentence speaks of APPs "区级规划建设的", not of those below the district.
    """
    if (app := ctx.project.app) is None:
        return ctx.not_applicable(say.NO_DISTRICT_APP)
    if (skip := decision(ctx)) is not None:
        return skip
    return ctx.condition(ctx.expect(_UPWARD, app.connects_upward))


@rule(
    "art7.app_not_duplicated",
    provision="art7.p2",
    title_zh="区级及以下与省市功能相似的APP不再重复建设",
    title_en="No district or lower-level APP duplicating a provincial or municipal one",
    owed_by=Party.PROJECT_UNIT,
    beyond_scope=below_district,
)
def app_not_duplicated(ctx: Context) -> Outcome:
    """区级及以下与省市功能相似的 APP 不再重复建设: FAILS when the APP duplicates a provincial or municipal one.

    "区级及以下": the rule also runs for a project of a 街道 or 乡镇 owner that art. 2's "区级" (D18) leaves outside
    the regulation (:func:`below_district`); the note then says why the sentence reaches it.
    """
    if (app := ctx.project.app) is None:
        return ctx.not_applicable(say.NO_APP)
    if (skip := decision(ctx)) is not None:
        return skip
    level = ctx.project.owner.level
    return ctx.condition(
        ctx.expect(_DUPLICATES, app.duplicates_higher_level_app, required=False),
        note=(say.below_district, level) if level in BELOW_DISTRICT else None,
    )
