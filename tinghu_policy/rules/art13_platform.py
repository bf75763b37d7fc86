"""第十三条 管理平台 — every non-classified project and its O&M services are filed on the management platform.

区各有关单位全量非涉密政务信息化项目及相关运维服务，均应在管理平台申报，涉密项目按国家有关保密规定申报. The first
sentence (区数据局 runs whole-life management on the platform, linked with the other departments) gives 区数据局 a
task that no fact of a project can break; it is listed as encoded in part. The rules encode the filing duty.

When an O&M plan is filed (申报) is read as art. 11 para. 2 and art. 12 read it
(:meth:`~tinghu_policy.facts.OmPlan.filing`): its submission, or — with no submission date — the first later step,
which presupposes it (区数据局's review, 区财政局's re-check, the budget entry). A plan reviewed, re-checked and
budgeted with no submission date was filed, and art. 13 judges where. A plan with no dated step is filed only when
a fact says so: filed on the platform (``on_management_platform`` true), or its O&M money requested
(``om_funding_requested``: money is asked for through the plan, the act art. 12 and D21 date by the plan's
filing); otherwise it is not yet filed, as the art. 11 para. 2 rule also reads it (``art11.om_plan``).
(:meth:`~tinghu_policy.facts.OmPlan.filed_by` takes a plan with no date as filed only so that it is not mistaken
for a filing after ``as_of``.)

D13: the filing is judged by its act — the latest application (review round) received, an O&M plan's filing; a
plan filed on a day not given cannot be placed against a stated effective date (UNDETERMINED).
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Labels, Outcome, rule
from tinghu_policy.facts import OmPlan
from tinghu_policy.parties import Party
from tinghu_policy.rules.art11_review_clock import om_plan_not_yet_filed, om_plan_reached
from tinghu_policy.rules.project_acts import application, latest_application
from tinghu_policy.rules.wording import art13_platform as say

_ON_PLATFORM = Label("on_management_platform", "在管理平台申报", "filed on the platform")
_OM_FILING = Labels(lambda n: Label(f"om_plans[{n}]", "运维方案申报", "the O&M plan's filing"))
_OM_ON_PLATFORM = Labels(
    lambda n: Label(
        f"om_plans[{n}].on_management_platform", "运维服务在管理平台申报", "O&M filed on the platform"
    )
)


@rule(
    "art13.project_on_platform",
    provision="art13.p1",
    title_zh="非涉密政务信息化项目在管理平台申报",
    title_en="A non-classified project is filed on the management platform",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def project_on_platform(ctx: Context) -> Outcome:
    """区各有关单位全量非涉密政务信息化项目…均应在管理平台申报，涉密项目按国家有关保密规定申报.

    In question once the project is filed (a review round of art. 11 received) or the platform fact is given.
    """
    if ctx.project.classified:
        return ctx.not_applicable(say.SECRECY)
    filed = latest_application(ctx) is not None
    on_platform = ctx.project.on_management_platform
    if not filed and not on_platform:
        return ctx.not_applicable(say.NOT_FILED)
    if (skip := application(ctx)) is not None:
        return skip
    return ctx.condition(ctx.expect(_ON_PLATFORM, on_platform))


def om_plan_filed(plan: OmPlan) -> bool:
    """The plan has been filed (申报), on a date (:meth:`~tinghu_policy.facts.OmPlan.filing`) or, with none given,
    as a fact shows: filed on the platform, or its O&M money requested through it (art. 12, D21)."""
    return plan.filing() is not None or plan.on_management_platform is True or plan.om_funding_requested


@rule(
    "art13.om_on_platform",
    provision="art13.p1",
    title_zh="非涉密项目的相关运维服务在管理平台申报",
    title_en="The O&M services of a non-classified project are filed on the management platform",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def om_on_platform(ctx: Context) -> Iterator[Outcome]:
    """区各有关单位全量非涉密政务信息化项目及相关运维服务，均应在管理平台申报.

    One finding per annual O&M plan (subject: the year), in question once the plan is filed (:func:`om_plan_filed`:
    its submission, or a later step that presupposes it — :meth:`~tinghu_policy.facts.OmPlan.filing`, the reading
    art. 11 para. 2 and art. 12 share — or, undated, filed on the platform or its money requested).
    """
    if ctx.project.classified:
        yield ctx.not_applicable(say.SECRECY)
        return
    if not ctx.project.om_plans:
        yield ctx.not_applicable(say.NO_OM)
        return
    for n, plan in enumerate(ctx.project.om_plans):
        if (later := om_plan_not_yet_filed(ctx, plan)) is not None:
            yield later
            continue
        if not om_plan_filed(plan):
            yield ctx.not_applicable(say.PLAN_NOT_FILED, subject=str(plan.year))
            continue
        # filed on a day not given: it cannot be placed against an effective date (D13)
        if plan.filing() is None:
            skip = ctx.reaches(None, _OM_FILING[n], subject=str(plan.year))
        else:
            skip = om_plan_reached(ctx, n, plan)
        if skip is not None:
            yield skip
            continue
        yield ctx.condition(
            ctx.expect(_OM_ON_PLATFORM[n], plan.on_management_platform), subject=str(plan.year)
        )
