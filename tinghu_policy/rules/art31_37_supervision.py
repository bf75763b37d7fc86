"""第三十一条至第三十七条 监督 — who supervises what (a table), information sharing, truthful materials and cost
overruns.

Art. 31–35 give five departments supervisory powers: no project fact can break them, so each is an entry of a table
(:data:`SUPERVISORY_POWERS`), shaped like art. 5's (:mod:`tinghu_policy.rules.art05_responsibilities`): the party and
its powers, each a phrase of the article's own text with an English gloss, traced to the party's art. 5 item. Art. 36
and art. 37 give findings.

::

    supervisory_power(Party.FINANCE_BUREAU).provision               # 'art32.p1'
    supervisory_power(Party.FINANCE_BUREAU).responsibility.provision  # 'art5.p1.i4'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from types import MappingProxyType

from tinghu_policy.engine import Context, Label, Outcome, Relation, Status, Table, rule, table
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.parties import Party
from tinghu_policy.rules.art05_responsibilities import Duty, Responsibility, responsibility
from tinghu_policy.rules.project_acts import decision


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
        return ctx.not_applicable(
            "涉密项目不在管理平台办理（第十三条）", "a classified project is not on the platform (art. 13)"
        )
    if (skip := decision(ctx)) is not None:
        return skip
    units = "、".join(p.name_zh for p in SUPERVISORY_POWERS)
    return ctx.condition(
        ctx.expect(
            Label(
                "supervision.shared_on_platform",
                "通过管理平台共享项目信息",
                "information shared on the platform",
            ),
            ctx.project.supervision.shared_on_platform,
        ),
        note_zh=f"负有监督管理职责的单位：{units}",
        note_en="units with supervisory duties: " + ", ".join(p.name_en for p in SUPERVISORY_POWERS),
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
        skip := ctx.reaches(
            ctx.known(supervision.materials_withheld_on),
            Label("supervision.materials_withheld_on", "拒绝、隐匿、瞒报", "materials withheld"),
        )
    ):
        return skip
    return ctx.condition(
        ctx.expect(
            Label(
                "supervision.materials_withheld",
                "拒绝、隐匿、瞒报项目有关资料和情况",
                "materials refused, hidden or misreported",
            ),
            ctx.project.supervision.materials_withheld,
            required=False,
        ),
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
    return ctx.reaches(
        day, Label("implementation.expenditure_as_of", "实际支出的统计日期", "the expenditure figure's date")
    )


_ACTUAL = Label("implementation.actual_expenditure", "项目实际支出（元）", "actual expenditure (yuan)")
_SERIOUS = "interpretation.serious_overrun_percent"
_CENT = Decimal("0.01")


def _percent(overrun: Decimal, budget: Decimal) -> tuple[str, str]:
    """The overrun in percent of the budget, in Chinese and English: exact when short, else to 0.01% ("约"/"about")."""
    if not budget:
        return "—", "—"
    exact = overrun * 100 / budget
    shown = exact.quantize(_CENT, ROUND_HALF_UP)
    if shown == exact:
        return f"{shown}%", f"{shown}%"
    exponent = exact.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -8:  # a short exact figure, e.g. 10.0000005%
        return f"{exact.normalize()}%", f"{exact.normalize()}%"
    return f"约{shown}%", f"about {shown}%"


@rule(
    "art37.cost_overrun",
    provision="art37.p1",
    title_zh="超概算的数额与比例；超过设定比例的为严重超概算",
    title_en="Cost overrun against the approved budget, in yuan and percent; serious above the configured percent",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.SUPERVISORS,),
    decisions=("D30",),
)
def cost_overrun(ctx: Context) -> Outcome:
    """…因管理不善、弄虚作假造成严重超概算…的，相关监管部门应…依纪依法追究责任.

    The overrun is the actual expenditure (``implementation.actual_expenditure``) less the approved budget
    (``approval.approved_budget``), in 元 and in percent of the budget. "严重" has no figure in the text: with
    ``interpretation.serious_overrun_percent`` (D30) set, an overrun of more than that percent (超过: the figure
    itself is not serious, 民法典 第一千二百五十九条) is serious and the finding fails; unset, an overrun is
    undetermined.
    Whether it was caused by 管理不善 or 弄虚作假, and the other grounds of accountability (skipped approvals,
    misused funds, poor quality, waste, accidents), are for the supervisors to establish, not computed.
    """
    budget = ctx.approved_term(ctx.project.approval.approved_budget)
    if budget is None:
        return ctx.not_applicable("尚无批复概算", "no approved budget to compare with")
    actual = known_expenditure(ctx)
    if actual is not None and (skip := _expenditure_reached(ctx)) is not None:
        return skip
    if actual is None:
        return ctx.condition(ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, budget, None))
    overrun = actual - budget
    if overrun <= 0:
        return ctx.condition(
            ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, budget, actual),
            note_zh=f"未超概算（批复概算 {budget} 元）",
            note_en=f"within the approved budget {budget} yuan",
        )
    percent_zh, percent_en = _percent(overrun, budget)
    note_zh = f"超概算 {overrun} 元（批复概算 {budget} 元的 {percent_zh}）；是否因管理不善、弄虚作假造成，由监管部门认定"
    note_en = f"over the approved budget {budget} yuan by {overrun} yuan ({percent_en}); the cause is for the supervisors"
    threshold = ctx.interpretation.serious_overrun_percent
    if threshold is None:
        return Outcome(
            Status.UNDETERMINED,
            checks=(ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, budget, actual),),
            missing=(_SERIOUS,),
            note_zh=note_zh + "；“严重”无数字标准，未设定严重超概算比例",
            note_en=note_en + "; 'serious' has no figure and none is configured",
        )
    with localcontext() as exact:
        exact.prec = 80  # budget × (100 + percent) / 100 without rounding
        limit = budget * (100 + threshold) / 100
    return ctx.condition(
        ctx.check(_ACTUAL, Relation.ON_OR_BEFORE, limit, actual),
        note_zh=note_zh + f"；严重超概算：超过批复概算的 {threshold}%（不含本数）",
        note_en=note_en + f"; serious: more than {threshold}% over the budget (the figure itself is not)",
    )
