"""第九条 跨部门项目, 第十条 跨层级项目 — who files a shared project, and how cross-level projects are run and paid.

Both articles reach only projects whose facts say so (``cross_department``, ``cross_level``); otherwise their rules
are NOT_APPLICABLE.

D13: the facts are those of the application (who filed it, what was jointly set, how the cross-level project is
approved and paid): each rule judges the latest application received, out of reach before the effective date.
"""

from __future__ import annotations

from tinghu_policy.engine import Context, Label, Outcome, Relation, rule
from tinghu_policy.engine.context import Worded
from tinghu_policy.facts import CrossDepartment, CrossLevel, FundingSource
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import application
from tinghu_policy.rules.wording import art09_10_joint_projects as say

_FILED_BY = Label("cross_department.filed_by", "履行申报程序的单位", "the unit that filed")
_GOALS = Label(
    "cross_department.goals_jointly_set",
    "会同参与部门共同确定项目目标、主体内容",
    "goals and main content set with the participants",
)
_INTERFACES = Label("cross_department.unified_interfaces", "统一系统接口", "unified system interfaces")
_CATALOGUE = Label(
    "cross_department.unified_data_catalogue", "统一数据资源目录", "unified data-resource catalogue"
)
_GRADED = Label("cross_level.graded_approval", "分级审批、分级实施", "approved and carried out by level")
_CONNECTS = Label(
    "cross_level.connects_existing_projects",
    "与国家、省、市已有项目衔接",
    "connects with existing national, provincial and municipal projects",
)
_OM_BORNE = Label("cross_level.om_borne_by_each_level", "运维费各自承担", "O&M costs borne by each level")


def _not_cross_department(ctx: Context) -> Outcome:
    return ctx.not_applicable(say.NOT_CROSS_DEPARTMENT)


def _not_cross_level(ctx: Context) -> Outcome:
    return ctx.not_applicable(say.NOT_CROSS_LEVEL)


# 第九条 ————————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art9.filed_by_lead_department",
    provision="art9.p1",
    title_zh="跨部门集约共享项目由牵头部门履行申报程序",
    title_en="A cross-department shared project is filed by its lead department",
    owed_by=Party.LEAD_DEPARTMENT,
    to=(Party.DATA_BUREAU,),
)
def filed_by_lead_department(ctx: Context) -> Outcome:
    """跨部门集约共享的区级政务信息化项目，由牵头部门履行申报程序.

    NOT_APPLICABLE before the application (no ``filed_by`` and no review round received); then HOLDS when the
    unit that filed is the lead department (``cross_department.filed_by`` equals ``lead_department``).
    """
    joint: CrossDepartment | None = ctx.project.cross_department
    if joint is None:
        return _not_cross_department(ctx)
    applied = any(ctx.known(r.received) is not None for r in ctx.project.review)
    if joint.filed_by is None and not applied:
        return ctx.not_applicable(say.NOT_APPLIED)
    if (skip := application(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.check(_FILED_BY, Relation.EQUALS, joint.lead_department, joint.filed_by),
        note=(say.lead_and_participants, joint.lead_department, joint.participants),
    )


@rule(
    "art9.joint_design",
    provision="art9.p1",
    title_zh="牵头部门会同参与部门共同确定项目目标、主体内容，统一系统接口与数据资源目录",
    title_en="Goals and main content set jointly; unified system interfaces and data-resource catalogue",
    owed_by=Party.LEAD_DEPARTMENT,
)
def joint_design(ctx: Context) -> Outcome:
    """牵头部门应会同参与部门共同确定项目目标、主体内容，统一系统接口与数据资源目录，实现集约共享要求.

    Three yes/no facts, all required; one not given → UNDETERMINED naming it.
    """
    joint = ctx.project.cross_department
    if joint is None:
        return _not_cross_department(ctx)
    if (skip := application(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(_GOALS, joint.goals_jointly_set),
        ctx.expect(_INTERFACES, joint.unified_interfaces),
        ctx.expect(_CATALOGUE, joint.unified_data_catalogue),
    )


# 第十条 ————————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art10.cross_level_coordination",
    provision="art10.p1",
    title_zh="跨层级项目分级审批、分级实施，并与国家、省、市已有项目衔接",
    title_en="A cross-level project is approved and carried out level by level and connects with existing projects",
    owed_by=Party.PROJECT_UNIT,
)
def cross_level_coordination(ctx: Context) -> Outcome:
    """跨层级协同实施的政务信息化项目，应遵循统筹规划、分级审批、分级实施、共享协同的原则，并加强与国家、省、市
    已有项目的衔接.

    统筹规划 and 共享协同 are principles with no fact of their own; 分级审批、分级实施 and the connection with existing
    projects are checked. "所需资金按照财政事权和支出责任相适应原则分级承担" gives no shares, so it is not checked;
    the one split the text fixes is :func:`integrated_system_funding`.
    """
    joint: CrossLevel | None = ctx.project.cross_level
    if joint is None:
        return _not_cross_level(ctx)
    if (skip := application(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(_GRADED, joint.graded_approval), ctx.expect(_CONNECTS, joint.connects_existing_projects)
    )


@rule(
    "art10.integrated_system_funding",
    provision="art10.p1",
    title_zh="省市一体化信息系统建设经费由省级安排，运维费各自承担",
    title_en="A province-municipality integrated system: construction money from the province, O&M by each level",
)
def integrated_system_funding(ctx: Context) -> Outcome:
    """协同省有关部门建设省市一体化信息系统，建设经费由省级安排，运维费各自承担.

    ``funding`` is the project's construction money (O&M money is budgeted yearly, art. 11 para. 2): every source
    must be ``provincial_allocation`` — district budget money, own funds or social capital in it FAIL; no funding
    given → UNDETERMINED. ``om_borne_by_each_level`` must be yes.
    """
    joint = ctx.project.cross_level
    if joint is None:
        return _not_cross_level(ctx)
    if not joint.province_municipal_integrated:
        return ctx.not_applicable(say.NOT_INTEGRATED)
    if (skip := application(ctx)) is not None:
        return skip
    funding = ctx.project.funding
    sources = dict.fromkeys(f.source for f in funding)
    provincial = all(s is FundingSource.PROVINCIAL_ALLOCATION for s in sources) if sources else None
    return ctx.condition(
        ctx.expect(Worded("funding", (say.provincial_money, funding)), provincial),
        ctx.expect(_OM_BORNE, joint.om_borne_by_each_level),
    )
