"""第三十一条至第三十七条 监督 — who supervises what (a table), information sharing, truthful materials and the
grounds of accountability.

Art. 31–35 give five departments supervisory powers: no project fact can break them, so each is an entry of a table
(:data:`SUPERVISORY_POWERS`), shaped like art. 5's (:mod:`tinghu_policy.rules.art05_responsibilities`): the party and
its powers, each a phrase of the article's own text with an English gloss, traced to the party's art. 5 item. Art. 36
and art. 37 give findings.

::

    supervisory_power(Party.FINANCE_BUREAU).provision               # 'art32.p1'
    supervisory_power(Party.FINANCE_BUREAU).responsibility.provision  # 'art5.p1.i4'

Art. 37's second sentence is addressed to the supervisors: where a unit or person did one of the things it lists,
they 应…依纪依法追究责任. A rule here answers whether a ground is established from the facts; whether and how the
supervisors pursue it is theirs, and no fact records it. Two grounds are computed:

* 未履行审核审批程序 (:func:`skipped_approval`): money arranged or works started without 区数据局's approval before
  them — the same facts art. 12 judges as a prohibited act; here they are the ground of accountability.
* 因管理不善、弄虚作假造成严重超概算 (:func:`cost_overrun`): an overrun is measured against the **latest** approved
  概算 — after a re-approval under art. 26(2), the new total (:func:`latest_budget`) — with the figure known on
  ``as_of`` (:func:`known_expenditure`). An overrun alone is a NOTICE, never a failure: the ground needs it to be
  严重 (D30) and caused by 管理不善 or 弄虚作假 (``supervision.overrun_from_mismanagement_or_fraud``, a finding of
  the supervisors or an audit); only then FAILS. Before the expenditure is settled (no figure, no final accounts)
  it is not yet applicable.

Not computed (``encoded_in_part`` in the status table): 接受监督管理 beyond providing materials, 未依规安排使用财政资金
(the fund rules are outside this regulation; money arranged without approval is the first ground), 质量低劣、损失浪费、
安全事故或者其他责任事故 (no test or figure in the text), and the supervisors' pursuit of accountability itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, Inexact, localcontext
from types import MappingProxyType
from typing import NamedTuple

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Label,
    Labels,
    Note,
    Outcome,
    Relation,
    Status,
    Table,
    rule,
    table,
)
from tinghu_policy.engine.context import Worded
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.parties import Party
from tinghu_policy.rules.art05_responsibilities import Duty, Responsibility, responsibility
from tinghu_policy.rules.project_acts import decision
from tinghu_policy.rules.wording import art31_37_supervision as say


@dataclass(frozen=True, slots=True)
class SupervisoryPower:
    """One article of art. 31–35: the department and what it supervises."""

    provision: str
    party: Party
    powers: tuple[Duty, ...]
    encoding: Table

    @property
    def responsibility(self) -> Responsibility:
        """The party's entry in art. 5's table, which this power elaborates."""
        return responsibility(self.party)


def _entry(article: int, party: Party, *powers: tuple[str, str]) -> SupervisoryPower:
    provision = f"art{article}.p1"
    encoding = table(
        f"art{article}.{party.value}",
        provision=provision,
        title_zh=f"{party.name_zh}监督职责",
        title_en=f"Supervisory powers of the {party.name_en}",
        module=__name__,
    )
    return SupervisoryPower(provision, party, tuple(Duty(zh, en) for zh, en in powers), encoding)


_ENTRIES = (
    # 第三十一条 区数据局会同相关部门对区级政务信息化项目运行效率、网络和数据安全、应用效果等方面进行监督，
    # 监督评价结果作为项目审核审批的重要依据。
    _entry(
        31,
        Party.DATA_BUREAU,
        ("会同相关部门", "together with the departments concerned"),
        ("运行效率", "supervises operating efficiency"),
        ("网络和数据安全", "supervises network and data security"),
        ("应用效果", "supervises the effect of use"),
        (
            "监督评价结果作为项目审核审批的重要依据",
            "its findings weigh in the review and approval of projects",
        ),
    ),
    # 第三十二条 区财政局依法依规对区级政务信息化项目资金使用、项目绩效进行监督，确保符合国家和省、市、区有关资金管理规定。
    _entry(
        32,
        Party.FINANCE_BUREAU,
        ("资金使用", "supervises the use of funds"),
        ("项目绩效", "supervises project performance"),
        (
            "确保符合国家和省、市、区有关资金管理规定",
            "ensures the national, provincial, municipal and district fund rules are met",
        ),
    ),
    # 第三十三条 区委办依法依规对区级政务信息化项目的保密要求和密码应用进行监督，实现符合涉密等级确定和保密管理的要求。
    _entry(
        33,
        Party.COMMITTEE_OFFICE,
        ("保密要求", "supervises secrecy requirements"),
        ("密码应用", "supervises the use of cryptography"),
        ("实现符合涉密等级确定和保密管理的要求", "so that secrecy grading and secrecy management are met"),
    ),
    # 第三十四条 区委网信办依法依规对区级政务信息化项目的安全进行监督，并指导监管项目单位落实网络安全审查制度要求。
    _entry(
        34,
        Party.CYBERSPACE_OFFICE,
        ("项目的安全进行监督", "supervises project security"),
        (
            "指导监管项目单位落实网络安全审查制度要求",
            "guides and oversees units in applying the cybersecurity review regime",
        ),
    ),
    # 第三十五条 区审计局依法依规对区级政务信息化项目进行审计监督，促进专项资金使用真实、合法和高效，推动完善并监督落实
    # 相关制度政策。
    _entry(
        35,
        Party.AUDIT_BUREAU,
        ("审计监督", "audits projects"),
        ("促进专项资金使用真实、合法和高效", "promotes true, lawful and efficient use of earmarked funds"),
        (
            "推动完善并监督落实相关制度政策",
            "pushes for better rules and policies and oversees their application",
        ),
    ),
)

SUPERVISORY_POWERS: Mapping[Party, SupervisoryPower] = MappingProxyType({e.party: e for e in _ENTRIES})
"""Art. 31–35, in article order: each supervising department and its powers (read-only)."""


def supervisory_power(party: Party) -> SupervisoryPower:
    """The art. 31–35 entry of ``party`` (an error for a party without supervisory powers)."""
    try:
        return SUPERVISORY_POWERS[party]
    except KeyError:
        raise TinghuPolicyError(
            f"art. 31–35 give no supervisory powers to {party.value} ({party.name_zh})"
        ) from None


# 第三十六条 ———————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art36.information_sharing",
    provision="art36.p1",
    title_zh="负有监督管理职责的单位通过管理平台实现项目信息共享",
    title_en="Supervisors share the project's information through the management platform",
    owed_by=Party.SUPERVISORS,
)
def information_sharing(ctx: Context) -> Outcome:
    """对区级政务信息化项目负有监督管理职责的单位应通过管理平台建立项目信息共享机制，实现信息共享.

    The units are those of :data:`SUPERVISORY_POWERS`. A classified project is not on the platform (art. 13:
    涉密项目按国家有关保密规定申报), so this does not reach it. D13: the mechanism concerns a project as decided
    under the regulation (its approval, or before it the latest application).
    """
    if ctx.project.classified:
        return ctx.not_applicable(say.CLASSIFIED)
    if (skip := decision(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(_SHARED, ctx.project.supervision.shared_on_platform),
        note=(say.supervisors, tuple(SUPERVISORY_POWERS)),
    )


_SHARED = Label(
    "supervision.shared_on_platform", "通过管理平台共享项目信息", "information shared on the platform"
)


# 第三十七条 ———————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art37.materials_truthful",
    provision="art37.p1",
    title_zh="如实提供项目有关资料和情况，不得拒绝、隐匿、瞒报",
    title_en="Materials and information provided truthfully, none refused, hidden or misreported",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.SUPERVISORS,),
)
def materials_truthful(ctx: Context) -> Outcome:
    """项目单位应接受相关职能部门监督管理，如实提供项目有关资料和情况，不得拒绝、隐匿、瞒报.

    D13: a refusal, concealment or misreport is judged on its day (``supervision.materials_withheld_on``); with an
    effective date stated and no day given it cannot be placed (UNDETERMINED).
    """
    supervision = ctx.project.supervision
    if supervision.materials_withheld and (
        skip := ctx.reaches(ctx.known(supervision.materials_withheld_on), _WITHHELD_ON)
    ):
        return skip
    return ctx.condition(ctx.expect(_WITHHELD, ctx.project.supervision.materials_withheld, required=False))


_WITHHELD_ON = Label("supervision.materials_withheld_on", "拒绝、隐匿、瞒报", "materials withheld")
_WITHHELD = Label(
    "supervision.materials_withheld",
    "拒绝、隐匿、瞒报项目有关资料和情况",
    "materials refused, hidden or misreported",
)


def known_expenditure(ctx: Context) -> Decimal | None:
    """The actual expenditure as known on ``as_of``: a figure dated after it (``expenditure_as_of``) is not yet
    known."""
    impl = ctx.project.implementation
    if impl.expenditure_as_of is not None and ctx.known(impl.expenditure_as_of) is None:
        return None
    return impl.actual_expenditure


def _expenditure_reached(ctx: Context) -> Outcome | None:
    """D13 for the spending: judged on the day its figure is as of (``expenditure_as_of``), or — undated — with
    the project as decided (spending follows the approval), so a project approved before the effective date is out
    of reach."""
    day = ctx.project.implementation.expenditure_as_of
    if day is None:
        return decision(ctx)
    return ctx.reaches(day, _EXPENDITURE_DATE)


_EXPENDITURE_DATE = Label(
    "implementation.expenditure_as_of", "实际支出的统计日期", "the expenditure figure's date"
)
_REAPPROVED_ON = Labels(
    lambda n: Label(
        f"implementation.adjustments[{n}].reapproved", "按有关规定重新报批获批日期", "approved anew"
    )
)
_TOTAL_ANEW = Labels(
    lambda n: Label(
        f"implementation.adjustments[{n}].total_after",
        "重新报批后的概算总投资（元）",
        "total investment as approved anew (yuan)",
    )
)


class Budget(NamedTuple):
    """The approved 概算 an overrun is measured against, where it comes from, and how a finding shows it."""

    amount: Decimal | None
    """None: re-approved with the new total not given."""
    label: Label
    checks: tuple[Comparison, ...]
    note: Note


def latest_budget(ctx: Context) -> Budget | None:
    """The latest approved 概算 on ``as_of``: the total after the adjustment last re-approved under art. 26(2)
    (``adjustments[n].reapproved`` known, its ``total_after``), else the approved budget
    (``approval.approved_budget``, known with the approval); None when there is neither. An art. 26(1) adjustment
    stays within the approved 概算 and changes nothing."""
    latest: tuple[int, date] | None = None
    for n, adjustment in enumerate(ctx.project.implementation.adjustments):
        day = ctx.known(adjustment.reapproved)
        if day is not None and (latest is None or day >= latest[1]):
            latest = (n, day)
    original = ctx.approved_term(ctx.project.approval.approved_budget)
    if latest is None:
        if original is None:
            return None
        return Budget(original, _BUDGET, (), (say.approved_budget, original))
    n, day = latest
    total = ctx.project.implementation.adjustments[n].total_after
    reapproved = ctx.check(_REAPPROVED_ON[n], Relation.ON_OR_BEFORE, ctx.as_of, day, role=CheckRole.CONTEXT)
    return Budget(total, _TOTAL_ANEW[n], (reapproved,), (say.budget_anew, day, total, original))


_ACTUAL = Label("implementation.actual_expenditure", "项目实际支出（元）", "actual expenditure (yuan)")
_AGAINST_LIMIT = Label(
    "implementation.actual_expenditure",
    "项目实际支出（元，对照严重超概算界限）",
    "actual expenditure (yuan), against the serious-overrun limit",
)
_BUDGET = Label("approval.approved_budget", "批复概算总投资（元）", "approved total investment (yuan)")
_CAUSE = Label(
    "supervision.overrun_from_mismanagement_or_fraud",
    "超概算系因管理不善、弄虚作假造成",
    "overrun caused by mismanagement or fraud",
)
_SERIOUS = "interpretation.serious_overrun_percent"


@rule(
    "art37.cost_overrun",
    provision="art37.p1",
    title_zh="因管理不善、弄虚作假造成严重超概算的，依纪依法追究责任",
    title_en="A serious cost overrun caused by mismanagement or fraud: accountability",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.SUPERVISORS,),
    decisions=("D30",),
)
def cost_overrun(ctx: Context) -> Outcome:
    """…因管理不善、弄虚作假造成严重超概算…的，相关监管部门应…依纪依法追究责任.

    The overrun is the actual expenditure as known on ``as_of`` (:func:`known_expenditure`) less the latest approved
    概算 (:func:`latest_budget`), in 元 and in percent of it. It is a fact; the ground of accountability needs two
    more: 严重 (D30: more than ``serious_overrun_percent``, 超过 excluding the figure itself; the text has no
    figure, so none unless configured) and the cause (``supervision.overrun_from_mismanagement_or_fraud``, which
    the supervisors or an audit establish). Statuses:

    * HOLDS — within the 概算;
    * FAILS — serious and caused by mismanagement or fraud: the ground is established (the consequence is the
      supervisors' to draw, not computed);
    * NOTICE — any other overrun: shown with its size, and why it is not (or not yet) a ground — not serious, another
      cause, or the threshold or the cause not given (named as missing). An overrun is never a failure on its own;
    * NOT_APPLICABLE — no approved 概算, or no figure yet and no final accounts (the actual expenditure is settled
      by the 竣工财务决算, art. 27(4)): not yet; UNDETERMINED — the final accounts are submitted and no figure is
      given, or the 概算 was approved anew with its total not given.
    """
    budget = latest_budget(ctx)
    if budget is None:
        return ctx.not_applicable(say.NO_BUDGET)
    if budget.amount is None:
        return Outcome(
            Status.UNDETERMINED,
            checks=budget.checks,
            missing=(budget.label.fact,),
            note=say.NEW_TOTAL_MISSING,
        )
    actual = known_expenditure(ctx)
    if actual is None:
        submitted = ctx.known(ctx.project.acceptance.final_accounts_submitted)
        if submitted is None:
            return ctx.not_applicable(say.NOT_SETTLED)
        return Outcome(
            Status.UNDETERMINED,
            checks=(*budget.checks, ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, budget.amount, None)),
            missing=(_ACTUAL.fact,),
            note=(say.no_figure, submitted, budget.note),
        )
    if (skip := _expenditure_reached(ctx)) is not None:
        return skip
    amount = budget.amount
    overrun = actual - amount
    if overrun <= 0:
        return ctx.condition(
            *budget.checks,
            ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, amount, actual),
            note=(say.within, budget.note),
        )
    over = ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, amount, actual, role=CheckRole.CONTEXT)
    cause = ctx.project.supervision.overrun_from_mismanagement_or_fraud
    cause_check = ctx.expect(_CAUSE, cause, required=False)
    threshold = ctx.interpretation.serious_overrun_percent
    serious: Comparison | None = None
    limit: Decimal | None = None
    if threshold is not None:
        with localcontext() as exact:
            # budget × (100 + percent) / 100 without rounding: at most 16 + 13 digits (Money; D30's bounds)
            exact.prec = 80
            exact.traps[Inexact] = True
            limit = amount * (100 + threshold) / 100
        serious = ctx.check(_AGAINST_LIMIT, Relation.ON_OR_BEFORE, limit, actual)
    if serious is not None and serious.ok is False and cause is True:
        return ctx.condition(
            *budget.checks,
            over,
            serious,
            cause_check,
            note=(say.overrun, amount, overrun, budget.note, threshold, limit, True, serious.ok, cause),
        )
    missing = tuple(
        fact for fact, absent in ((_SERIOUS, serious is None), (_CAUSE.fact, cause is None)) if absent
    )
    return Outcome(
        Status.NOTICE,
        checks=(
            *budget.checks,
            over,
            *((serious,) if serious is not None else ()),  # the limit, as a requirement: is it passed?
            cause_check.with_role(CheckRole.CONTEXT),
        ),
        missing=missing,
        note=(
            say.overrun,
            amount,
            overrun,
            budget.note,
            threshold,
            limit,
            False,
            None if serious is None else serious.ok,
            cause,
        ),
    )


_UNAPPROVED_ACTS = (
    ("funds", "funds_arranged", ("安排经费", "money arranged")),
    ("works", "works_started", ("实施（开工建设）", "implementation (works started)")),
)
_ACTS = {field: Label(f"implementation.{field}", *act) for _, field, act in _UNAPPROVED_ACTS}
_APPROVED_BY = Label("approval.approved_by", "审批单位", "approving party")


@rule(
    "art37.skipped_approval",
    provision="art37.p1",
    title_zh="未履行审核审批程序即安排经费或实施的，依纪依法追究责任",
    title_en="Money arranged or works started without the review and approval procedure: accountability",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.SUPERVISORS,),
    decisions=("D17",),
)
def skipped_approval(ctx: Context) -> Iterator[Outcome]:
    """单位或者个人违反本办法规定未履行审核审批程序…的，相关监管部门应…依纪依法追究责任.

    Two findings, as art. 12's: subject ``funds`` (``implementation.funds_arranged``) and ``works``
    (``implementation.works_started``). The procedure ends with 区数据局's approval (art. 14: after the review of
    art. 11), so an act is covered when 区数据局 approved the project (``approval.approved``, ``approval.approved_by``)
    on or before its day (D17, default ``same_day_counts``). FAILS when the act came with no approval before it, or
    with one by another body: the ground of accountability is established — the consequence (追究责任) is the
    supervisors' to draw, not computed; art. 12 judges the act itself (art12.funds_and_works_need_approval).
    HOLDS when approved first by 区数据局; UNDETERMINED when the approver is not stated; NOT_APPLICABLE before the
    act, or for an act before the effective date (D13).
    """
    impl = ctx.project.implementation
    approval = ctx.project.approval
    approved = ctx.known(approval.approved)
    for subject, field, act in _UNAPPROVED_ACTS:
        day = ctx.known(getattr(impl, field))
        if day is None:
            yield ctx.not_applicable((say.not_yet, act), subject=subject)
            continue
        if (skip := ctx.reaches(day, _ACTS[field], subject=subject)) is not None:
            yield skip
            continue
        checks: tuple[Comparison, ...]
        if approved is None:
            checks = (ctx.expect(Worded("approval.approved", (say.approved_before, act, day)), False),)
        else:
            checks = (
                ctx.check(
                    Worded("approval.approved", (say.approval_date_before, act)), ctx.before, day, approved
                ),
                ctx.check(
                    _APPROVED_BY,
                    Relation.EQUALS,
                    Party.DATA_BUREAU.value,
                    None if approval.approved_by is None else approval.approved_by.value,
                ),
            )
        outcome = ctx.condition(*checks, subject=subject)
        if outcome.status is Status.FAILS:
            outcome.note = (say.skipped, act, day)
        elif outcome.status is Status.HOLDS:
            outcome.note = (say.followed, act, day, approved)
        yield outcome
