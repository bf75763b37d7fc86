"""第十二条 “六个不得” — six prohibitions, each a fact and the action it blocks.

Statuses: HOLDS when the blocked action has not happened or the condition is met; FAILS when the blocked action
happened while the condition was broken; NOT_APPLICABLE when the action is not in question for the project (no new
project, no O&M money); UNDETERMINED when the action happened and the condition's fact is not given. Every
explanation names the blocked action.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Check, Context, Label, Outcome, Status, rule
from tinghu_policy.interpretation import OmFundingAct
from tinghu_policy.parties import Party
from tinghu_policy.rules.art11_review_clock import om_plan_not_yet_filed


def _applied(ctx: Context) -> bool:
    """申请项目立项 / 申请新项目建设: an application round has started on ``as_of``."""
    return any(ctx.known(round_.received) is not None for round_ in ctx.project.review)


def _blocked(ctx: Context, action: bool, check: Check, blocked_zh: str, blocked_en: str) -> Outcome:
    """The finding of one prohibition: ``check`` is the condition, ``action`` whether the blocked action happened."""
    if not action:
        status = Status.HOLDS
        tail_zh, tail_en = "该行为尚未发生", "that action has not happened"
        if check.ok is False:
            tail_zh, tail_en = "条件不满足，该行为不得发生", "the condition is not met, so it must not happen"
        return Outcome(
            status,
            checks=(check,),
            note_zh=f"不得{blocked_zh}：{tail_zh}",
            note_en=f"no {blocked_en}: {tail_en}",
        )
    outcome = ctx.condition(check)
    verb_zh = {Status.FAILS: "条件不满足却已", Status.HOLDS: "条件满足，已", Status.UNDETERMINED: "已"}[
        outcome.status
    ]
    outcome.note_zh = f"{verb_zh}{blocked_zh}" + ("，不得如此" if outcome.status is Status.FAILS else "")
    outcome.note_en = {
        Status.FAILS: f"{blocked_en} happened although the condition is not met",
        Status.HOLDS: f"{blocked_en} happened with the condition met",
        Status.UNDETERMINED: f"{blocked_en} happened; the condition's fact is missing",
    }[outcome.status]
    return outcome


# 未纳入省、市、区级政务信息化建设相关规划、重点工作任务的，不得申请项目立项 ——————————————————————————————————————
@rule(
    "art12.initiation_needs_plan",
    provision="art12.p1",
    title_zh="未纳入相关规划、重点工作任务的，不得申请项目立项",
    title_en="No application for project initiation unless listed in a plan or key work task",
    owed_by=Party.PROJECT_UNIT,
)
def initiation_needs_plan(ctx: Context) -> Outcome:
    """未纳入省、市、区级政务信息化建设相关规划、重点工作任务的，不得申请项目立项.

    Blocked action: an application (a review round of art. 11 received). Condition: ``planning.listed_in_plans``
    names at least one level.
    """
    levels = ctx.project.planning.listed_in_plans
    check = ctx.expect(
        Label("planning.listed_in_plans", "纳入相关规划、重点工作任务", "listed in a plan or key work task"),
        bool(levels),
    )
    return _blocked(ctx, _applied(ctx), check, "申请项目立项", "application for project initiation")


def _new_project(ctx: Context, field: str, zh: str, en: str) -> Outcome:
    """不得申请新项目建设 unless ``prohibitions.<field>``; a project that is not new is not in question."""
    if not ctx.project.new_project:
        return ctx.not_applicable(
            "不是新建项目，不涉及申请新项目建设", "not a new project: no new-project application"
        )
    check = ctx.expect(Label(f"prohibitions.{field}", zh, en), getattr(ctx.project.prohibitions, field))
    return _blocked(ctx, _applied(ctx), check, "申请新项目建设", "application for a new project")


# 未按要求推进政务信息系统整合的，不得申请新项目建设 ————————————————————————————————————————————————————————————————
@rule(
    "art12.new_project_needs_integration",
    provision="art12.p1",
    title_zh="未按要求推进政务信息系统整合的，不得申请新项目建设",
    title_en="No new-project application unless the unit's systems are integrated as required",
    owed_by=Party.PROJECT_UNIT,
)
def new_project_needs_integration(ctx: Context) -> Outcome:
    """未按要求推进政务信息系统整合的，不得申请新项目建设.

    Blocked action: an application (review round) for a new project (``new_project``). Condition:
    ``prohibitions.systems_integrated``.
    """
    return _new_project(
        ctx, "systems_integrated", "按要求推进政务信息系统整合", "systems integrated as required"
    )


# 未按要求及时迁移至区政务云的，不得申请新项目建设 ——————————————————————————————————————————————————————————————————
@rule(
    "art12.new_project_needs_cloud_migration",
    provision="art12.p1",
    title_zh="未按要求及时迁移至区政务云的，不得申请新项目建设",
    title_en="No new-project application unless the unit's systems are migrated to the district cloud",
    owed_by=Party.PROJECT_UNIT,
)
def new_project_needs_cloud_migration(ctx: Context) -> Outcome:
    """未按要求及时迁移至区政务云的，不得申请新项目建设.

    Blocked action: an application (review round) for a new project. Condition: ``prohibitions.migrated_to_cloud``.
    """
    return _new_project(
        ctx, "migrated_to_cloud", "按要求及时迁移至区政务云", "migrated to the district cloud"
    )


# 未按要求共享、更新公共数据的，不得安排运维经费 ————————————————————————————————————————————————————————————————————
@rule(
    "art12.om_funding_needs_data_sharing",
    provision="art12.p1",
    title_zh="未按要求共享、更新公共数据的，不得安排运维经费",
    title_en="No O&M money unless public data is shared and updated as required",
    owed_by=Party.FINANCE_BUREAU,
    decisions=("D21",),
)
def om_funding_needs_data_sharing(ctx: Context) -> Iterator[Outcome]:
    """未按要求共享、更新公共数据的，不得安排运维经费.

    One finding per O&M plan (subject: the year). Condition: ``prohibitions.public_data_shared``. D21 (default
    ``arranged``): the blocked action is O&M money arranged, i.e. the plan is in the annual budget
    (``in_annual_budget``); a request not yet granted (``om_funding_requested``) puts the action in question (HOLDS,
    with a warning when data is not shared). Option ``requested``: the request is already the blocked action (it
    FAILS when data is not shared). A plan with neither is NOT_APPLICABLE.
    """
    if not ctx.project.om_plans:
        yield ctx.not_applicable("无年度运维方案，不涉及运维经费", "no O&M plan: no O&M money in question")
        return
    by_request = ctx.interpretation.om_funding_act is OmFundingAct.REQUESTED
    shared = ctx.project.prohibitions.public_data_shared
    for plan in ctx.project.om_plans:
        if (later := om_plan_not_yet_filed(ctx, plan)) is not None:
            yield later
            continue
        if not (plan.in_annual_budget or plan.om_funding_requested):
            yield ctx.not_applicable(
                "未申请也未安排运维经费", "no O&M money requested or arranged", subject=str(plan.year)
            )
            continue
        check = ctx.expect(
            Label(
                "prohibitions.public_data_shared",
                "按要求共享、更新公共数据",
                "public data shared and updated",
            ),
            shared,
        )
        if by_request:
            acted, zh, en = True, "申请或安排运维经费（D21）", "requesting or arranging O&M money (D21)"
        else:
            acted, zh, en = plan.in_annual_budget, "安排运维经费", "arranging O&M money"
        outcome = _blocked(ctx, acted, check, zh, en)
        outcome.subject = str(plan.year)
        yield outcome


# 未按要求开展集约共享建设造成重复浪费的，不得批准立项 ——————————————————————————————————————————————————————————————
@rule(
    "art12.approval_needs_no_duplication",
    provision="art12.p1",
    title_zh="未按要求开展集约共享建设造成重复浪费的，不得批准立项",
    title_en="No approval of a project whose non-shared construction duplicates and wastes",
    owed_by=Party.DATA_BUREAU,
)
def approval_needs_no_duplication(ctx: Context) -> Outcome:
    """未按要求开展集约共享建设造成重复浪费的，不得批准立项.

    Blocked action: approval (``approval.approved``). Condition: ``prohibitions.duplicate_construction`` is false.
    """
    check = ctx.expect(
        Label(
            "prohibitions.duplicate_construction",
            "未开展集约共享建设造成重复浪费",
            "duplicate construction (no intensive sharing)",
        ),
        ctx.project.prohibitions.duplicate_construction,
        required=False,
    )
    return _blocked(ctx, ctx.known(ctx.project.approval.approved) is not None, check, "批准立项", "approval")


# 未按本办法履行审批程序实质上属于政务信息化建设的项目，不得安排经费或实施 ——————————————————————————————————————————
_ACTIONS = (
    ("funds", "funds_arranged", "安排经费", "arranging money"),
    ("works", "works_started", "实施", "implementation (works started)"),
)


@rule(
    "art12.funds_and_works_need_approval",
    provision="art12.p1",
    title_zh="未按本办法履行审批程序实质上属于政务信息化建设的项目，不得安排经费或实施",
    title_en="No money and no implementation for a government IT project without the approval procedure",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D17",),
)
def funds_and_works_need_approval(ctx: Context) -> Iterator[Outcome]:
    """未按本办法履行审批程序实质上属于政务信息化建设的项目，不得安排经费或实施.

    Two findings: subject ``funds`` (``implementation.funds_arranged``) and ``works``
    (``implementation.works_started``). The project is within the regulation's scope (the scope gate of art. 2/3
    runs first), so it is substantively a government IT project. Condition: approved (``approval.approved``) on or
    before the day of the action; an action with no approval before it FAILS. D17 (default ``same_day_counts``): an
    approval dated the same day as the action comes first; option ``earlier_day``: it must be dated a day before.
    """
    approved = ctx.known(ctx.project.approval.approved)
    for subject, field, zh, en in _ACTIONS:
        day = ctx.known(getattr(ctx.project.implementation, field))
        if day is None:
            check = ctx.expect(Label("approval.approved", "已履行审批程序", "approved"), approved is not None)
        elif approved is None:
            check = ctx.expect(
                Label("approval.approved", f"{zh}（{day}）前已履行审批程序", f"approved before {en} ({day})"),
                False,
            )
        else:
            label = Label("approval.approved", f"审批（批复）日期（{zh}前）", f"approval date (before {en})")
            check = ctx.check(label, ctx.before, day, approved)
        outcome = _blocked(ctx, day is not None, check, zh, en)
        outcome.subject = subject
        yield outcome
