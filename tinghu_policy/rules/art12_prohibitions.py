"""第十二条 “六个不得” — six prohibitions, each a state and the act it blocks.

Each prohibition bars an act while a state holds, so each rule reads the state on the day of the act
(``prohibitions.*`` are histories, :class:`~tinghu_policy.facts.FlagSince`): the plan listing and the integration
and cloud migration on the day of each application (one finding per review round, ``round N``), the data sharing on
the day O&M money is arranged (one finding per plan year), the duplication on the day of approval.

Statuses: HOLDS when the blocked act has not happened (the state is then shown as context: it decides nothing
yet) or happened with the state allowing it; FAILS when it happened while the state barred it; NOT_APPLICABLE when
the act is not in question for the project (no new project, no O&M money) or happened before the effective date
(D13: the act is what the prohibition judges); UNDETERMINED when the act happened and the state on its day is not
known. Every explanation names the blocked act.

Each of the six is encoded whole, as a state and the act it blocks. Two parts of the paragraph are not computed:
its lead-in (严把项目和运维经费审核审批关), a principle with no test of its own; and what "按要求" requires of a
unit's integration, cloud migration and data sharing, which other documents set — each state is taken as a fact
(a dated history), as found by whoever applies those documents. Both are listed as encoded in part.

The sixth prohibition reaches a project the scope test (art. 2, 3) puts outside when it is found to be a
government IT project in substance (``substantively_government_it``): "实质上属于" is there to catch a project
labelled as something else (:func:`substantively_government_it`, the rule's ``beyond_scope``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Label,
    Labels,
    Outcome,
    Relation,
    Status,
    Text,
    rule,
)
from tinghu_policy.engine.context import Worded
from tinghu_policy.facts import PlanLevel, Project
from tinghu_policy.interpretation import Interpretation, OmFundingAct
from tinghu_policy.parties import Party
from tinghu_policy.rules.art11_review_clock import om_plan_not_yet_filed
from tinghu_policy.rules.wording import art12_prohibitions as say

ART12_PLAN_LEVELS = frozenset({PlanLevel.PROVINCIAL, PlanLevel.MUNICIPAL, PlanLevel.DISTRICT})
"""未纳入省、市、区级…规划、重点工作任务: the levels art. 12 names (a national plan alone does not lift the bar)."""


def _applications(ctx: Context) -> Iterator[tuple[int, date]]:
    """申请项目立项 / 申请新项目建设: each review round received by ``as_of`` (index, receipt)."""
    for n, round_ in enumerate(ctx.project.review):
        if ctx.known(round_.received) is not None:
            yield n, round_.received


def _blocked(
    ctx: Context,
    act: date | None,
    check: Comparison | tuple[Comparison, ...],
    blocked: Text,
    act_label: Label,
    *,
    happened: bool | None = None,
) -> Outcome:
    """One prohibition: ``check`` is the state that must allow the act (or the checks that together make it up),
    ``act`` the day the blocked act happened (``happened`` True with ``act`` None: it happened on a day not given).

    Not happened: HOLDS, the state shown as context. Happened before the effective date: out of reach (D13).
    Happened: the state decides (FAILS, HOLDS, or UNDETERMINED when it is not known on that day).
    """
    checks = (check,) if isinstance(check, Comparison) else check
    if not (act is not None if happened is None else happened):
        context = tuple(c.with_role(CheckRole.CONTEXT) for c in checks)
        return Outcome(
            Status.HOLDS, checks=context, note=(say.not_happened, blocked, any(c.ok is False for c in checks))
        )
    if (skip := ctx.reaches(act, act_label)) is not None:
        return skip
    outcome = ctx.condition(*checks)
    outcome.note = (say.happened, outcome.status, act, blocked)
    return outcome


_RECEIVED = Labels(lambda n: Label(f"review[{n}].received", "区数据局收到申请", "application received"))
_APPLICATION = Label("review", "申请", "application")


def _per_application(
    ctx: Context, check_on: Callable[[date], Comparison], blocked: Text
) -> Iterator[Outcome]:
    """One finding per application round (its state read on its day); one without a subject before any."""
    found = False
    for n, received in _applications(ctx):
        found = True
        outcome = _blocked(ctx, received, check_on(received), blocked, _RECEIVED[n])
        outcome.subject = f"round {n + 1}"
        yield outcome
    if not found:
        yield _blocked(ctx, None, check_on(ctx.as_of), blocked, _APPLICATION)


_LISTED = Label("planning", *say.LISTED)


# 未纳入省、市、区级政务信息化建设相关规划、重点工作任务的，不得申请项目立项 ——————————————————————————————————————
@rule(
    "art12.initiation_needs_plan",
    provision="art12.p1",
    title_zh="未纳入相关规划、重点工作任务的，不得申请项目立项",
    title_en="No application for project initiation unless listed in a plan or key work task",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D13",),
)
def initiation_needs_plan(ctx: Context) -> Iterator[Outcome]:
    """未纳入省、市、区级政务信息化建设相关规划、重点工作任务的，不得申请项目立项.

    Blocked act: each application (a review round of art. 11 received). Condition: a provincial, municipal or
    district plan (``planning.plans``) or key work task (``planning.key_work_tasks``) lists the project; a
    national plan alone does not (art. 12 names 省、市、区级 only). Not listed needs both lists given (``[]`` is
    "in none"; a list not given is not known): otherwise UNDETERMINED.
    """
    planning = ctx.project.planning
    given = [lists for lists in (planning.plans, planning.key_work_tasks) if lists is not None]
    levels = [level for lists in given for level in lists if level in ART12_PLAN_LEVELS]
    # listed once a qualifying level is known; listed in none only when both lists are given (and name none)
    listed_value = True if levels else (False if len(given) == 2 else None)

    def listed(_: date) -> Comparison:
        return ctx.expect(_LISTED, listed_value)

    yield from _per_application(ctx, listed, say.INITIATION)


def _new_project(ctx: Context, field: str, name: Text) -> Iterator[Outcome]:
    """不得申请新项目建设 unless ``prohibitions.<field>`` on the day of the application; a project that is not new is
    not in question."""
    if not ctx.project.new_project:
        yield ctx.not_applicable(say.NOT_NEW)
        return
    path = f"prohibitions.{field}"

    def state(day: date) -> Comparison:
        return ctx.expect(Worded(path, (say.on_day, name, day)), ctx.project.prohibitions.at(field, day))

    yield from _per_application(ctx, state, say.NEW_PROJECT)


# 未按要求推进政务信息系统整合的，不得申请新项目建设 ————————————————————————————————————————————————————————————————
@rule(
    "art12.new_project_needs_integration",
    provision="art12.p1",
    title_zh="未按要求推进政务信息系统整合的，不得申请新项目建设",
    title_en="No new-project application unless the unit's systems are integrated as required",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D13",),
)
def new_project_needs_integration(ctx: Context) -> Iterator[Outcome]:
    """未按要求推进政务信息系统整合的，不得申请新项目建设.

    Blocked act: each application (review round) for a new project (``new_project``). Condition:
    ``prohibitions.systems_integrated`` on the day of the application.
    """
    return _new_project(ctx, "systems_integrated", say.INTEGRATED)


# 未按要求及时迁移至区政务云的，不得申请新项目建设 ——————————————————————————————————————————————————————————————————
@rule(
    "art12.new_project_needs_cloud_migration",
    provision="art12.p1",
    title_zh="未按要求及时迁移至区政务云的，不得申请新项目建设",
    title_en="No new-project application unless the unit's systems are migrated to the district cloud",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D13",),
)
def new_project_needs_cloud_migration(ctx: Context) -> Iterator[Outcome]:
    """未按要求及时迁移至区政务云的，不得申请新项目建设.

    Blocked act: each application (review round) for a new project. Condition: ``prohibitions.migrated_to_cloud``
    on the day of the application.
    """
    return _new_project(ctx, "migrated_to_cloud", say.MIGRATED)


# 未按要求共享、更新公共数据的，不得安排运维经费 ————————————————————————————————————————————————————————————————————
@rule(
    "art12.om_funding_needs_data_sharing",
    provision="art12.p1",
    title_zh="未按要求共享、更新公共数据的，不得安排运维经费",
    title_en="No O&M money unless public data is shared and updated as required",
    owed_by=Party.FINANCE_BUREAU,
    decisions=("D13", "D21"),
)
def om_funding_needs_data_sharing(ctx: Context) -> Iterator[Outcome]:
    """未按要求共享、更新公共数据的，不得安排运维经费.

    One finding per O&M plan (subject: the year). Condition: ``prohibitions.public_data_shared`` on the day of the
    act. D21 (default ``arranged``): the blocked act is O&M money arranged — the plan entered in the annual budget
    (``budgeted``, its day); a request not yet granted (``om_funding_requested``) puts the act in question (HOLDS,
    with a warning when data is not shared). Option ``requested``: the request is already the blocked act, on the
    day the plan was filed (it FAILS when data is not shared then). A plan with neither is NOT_APPLICABLE.
    """
    if not ctx.project.om_plans:
        yield ctx.not_applicable(say.NO_OM_PLAN)
        return
    by_request = ctx.interpretation.om_funding_act is OmFundingAct.REQUESTED
    for n, plan in enumerate(ctx.project.om_plans):
        if (later := om_plan_not_yet_filed(ctx, plan)) is not None:
            yield later
            continue
        budgeted = ctx.known(plan.budgeted)
        if budgeted is None and not plan.om_funding_requested:
            yield ctx.not_applicable(say.NO_OM_MONEY, subject=str(plan.year))
            continue
        filing = plan.filing()
        requested = by_request and plan.om_funding_requested
        act: date | None
        if requested:  # the request, made with the plan: on its filing day (an undated plan: day not given)
            act, fact = (filing[1], f"om_plans[{n}].{filing[0]}") if filing else (None, f"om_plans[{n}]")
            blocked = say.OM_REQUESTED
        else:
            act, fact, blocked = budgeted, f"om_plans[{n}].budgeted", say.OM_ARRANGED
        day = act or ctx.as_of  # the state is read on the day of the act (an undated one: on as_of)
        check = ctx.expect(
            Worded("prohibitions.public_data_shared", (say.on_day, say.DATA_SHARED, day)),
            ctx.project.prohibitions.at("public_data_shared", day),
        )
        outcome = _blocked(
            ctx, act, check, blocked, Label(fact, *blocked), happened=requested or act is not None
        )
        outcome.subject = str(plan.year)
        yield outcome


# 未按要求开展集约共享建设造成重复浪费的，不得批准立项 ——————————————————————————————————————————————————————————————
@rule(
    "art12.approval_needs_no_duplication",
    provision="art12.p1",
    title_zh="未按要求开展集约共享建设造成重复浪费的，不得批准立项",
    title_en="No approval of a project whose non-shared construction duplicates and wastes",
    owed_by=Party.DATA_BUREAU,
    decisions=("D13",),
)
def approval_needs_no_duplication(ctx: Context) -> Outcome:
    """未按要求开展集约共享建设造成重复浪费的，不得批准立项.

    Blocked act: approval (``approval.approved``). Condition: ``prohibitions.duplicate_construction`` is false on
    the day of approval.
    """
    approved = ctx.known(ctx.project.approval.approved)
    day = approved or ctx.as_of
    check = ctx.expect(
        Worded("prohibitions.duplicate_construction", (say.on_day, say.DUPLICATION, day)),
        ctx.project.prohibitions.at("duplicate_construction", day),
        required=False,
    )
    return _blocked(ctx, approved, check, say.APPROVAL, _APPROVED)


_APPROVED = Label("approval.approved", *say.APPROVAL)


# 未按本办法履行审批程序实质上属于政务信息化建设的项目，不得安排经费或实施 ——————————————————————————————————————————
_ACTIONS = (
    ("funds", "funds_arranged", say.FUNDS, Label("implementation.funds_arranged", *say.FUNDS)),
    ("works", "works_started", say.WORKS, Label("implementation.works_started", *say.WORKS)),
)


def substantively_government_it(project: Project, _: Interpretation) -> bool:
    """实质上属于政务信息化建设的项目: found to be a government IT project in substance, whatever its stated category,
    so the sixth prohibition reaches it although the scope test (art. 2, 3) puts it outside."""
    return project.substantively_government_it is True


def _concluding_round(ctx: Context, approved: date) -> int | None:
    """The review round the approval answers: the last one received on or before the approval day."""
    found = None
    for n, round_ in enumerate(ctx.project.review):
        if round_.received <= approved:
            found = n
    return found


_APPROVED_AT_ALL = Label("approval.approved", "已履行审批程序", "approved")
_APPROVED_BY = Label("approval.approved_by", "审批单位", "approving party")
_REVIEWED = Label("review", "审批前已经第十一条申报审核", "reviewed under art. 11 before approval")
_FINAL_MISSING = Labels(
    lambda n: Label(
        f"review[{n}].final_opinion",
        "审批前区数据局已形成最终审核意见",
        "the data bureau's final opinion before approval",
    )
)
_FINAL = Labels(
    lambda n: Label(
        f"review[{n}].final_opinion",
        "区数据局最终审核意见（审批前）",
        "the data bureau's final opinion (before approval)",
    )
)
_SUBSTANCE = Label(
    "substantively_government_it", "实质上属于政务信息化建设的项目", "a government IT project in substance"
)


def _procedure(ctx: Context, day: date | None, action: Text) -> tuple[Comparison, ...]:
    """履行审批程序 as known on ``as_of``: approved by 区数据局 (art. 14) after the review of art. 11 concluded with
    区数据局's final opinion, both on or before ``day`` — the action's day (None: no action yet, the procedure as
    it stands)."""
    approval = ctx.project.approval
    approved = ctx.known(approval.approved)
    if approved is None:
        if day is None:
            return (ctx.expect(_APPROVED_AT_ALL, False),)
        return (ctx.expect(Worded("approval.approved", (say.approved_before, action, day)), False),)
    checks = []
    if day is not None:
        checks.append(
            ctx.check(
                Worded("approval.approved", (say.approval_date_before, action)), ctx.before, day, approved
            )
        )
    else:
        checks.append(ctx.expect(_APPROVED_AT_ALL, True))
    checks.append(
        ctx.check(
            _APPROVED_BY,
            Relation.EQUALS,
            Party.DATA_BUREAU.value,
            None if approval.approved_by is None else approval.approved_by.value,
        )
    )
    if ctx.project.classified:  # 涉密项目按国家有关保密规定申报: no review of art. 11 to conclude
        return tuple(checks)
    n = _concluding_round(ctx, approved)
    final = None if n is None else ctx.known(ctx.project.review[n].final_opinion)
    if n is None:
        checks.append(ctx.expect(_REVIEWED, False))
    elif final is None:
        checks.append(ctx.expect(_FINAL_MISSING[n], False))
    else:
        checks.append(ctx.check(_FINAL[n], ctx.before, approved, final))
    return tuple(checks)


@rule(
    "art12.funds_and_works_need_approval",
    provision="art12.p1",
    title_zh="未按本办法履行审批程序实质上属于政务信息化建设的项目，不得安排经费或实施",
    title_en="No money and no implementation for a government IT project without the approval procedure",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D13", "D17"),
    beyond_scope=substantively_government_it,
)
def funds_and_works_need_approval(ctx: Context) -> Iterator[Outcome]:
    """未按本办法履行审批程序实质上属于政务信息化建设的项目，不得安排经费或实施.

    Two findings: subject ``funds`` (``implementation.funds_arranged``) and ``works``
    (``implementation.works_started``).

    "实质上属于政务信息化建设的项目": a project within the regulation's scope is one; so is a project found to be one
    in substance (``substantively_government_it``) although its stated category, owner or money puts it outside —
    the rule runs for it whatever the scope test says (:func:`substantively_government_it`), and the finding shows
    that fact. Catching such a project is the point of "实质上".

    "按本办法履行审批程序": the procedure of this regulation — the review of art. 11 concluded with 区数据局's final
    opinion (``review[n].final_opinion`` of the last round received by the approval day), then the approval by
    区数据局 (art. 14: ``approval.approved``, ``approval.approved_by``). Condition: each of them on or before the
    day of the action. An action with no approval before it FAILS; an approval by another party, or one given
    without a final opinion before it, FAILS (it is not this regulation's procedure); an approving party not
    stated is UNDETERMINED. A classified project is filed under the secrecy rules (art. 11(1)(ii), art. 13), so
    no final opinion of art. 11 is asked of it; its approval by 区数据局 still is. D17 (default
    ``same_day_counts``): a step dated the same day as the one it must precede comes first; option
    ``earlier_day``: it must be dated a day before.
    """
    substance = ctx.project.substantively_government_it
    shown = () if substance is None else (ctx.expect(_SUBSTANCE, substance, role=CheckRole.CONTEXT),)
    for subject, field, action, label in _ACTIONS:
        day = ctx.known(getattr(ctx.project.implementation, field))
        checks = _procedure(ctx, day, action)
        outcome = _blocked(ctx, day, checks, action, label)
        outcome.subject = subject
        outcome.checks = (*shown, *outcome.checks)
        yield outcome
