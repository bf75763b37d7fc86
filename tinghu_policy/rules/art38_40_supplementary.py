"""第三十八条 国有企业, 第三十九条 社会资本合作, 第四十条 施行日期 — the supplementary provisions (附则).

Art. 38 and the scope part of art. 39 are verdicts of the scope test (:mod:`.art02_03_scope`), reported here; the
art. 39 filing is a duty of the project unit; art. 40 is the effective date the caller states (D13).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from tinghu_policy.engine import CheckRole, Context, Label, Labels, Outcome, Relation, Status, rule
from tinghu_policy.facts import SocialCapital
from tinghu_policy.interpretation import SameDayPrecedence
from tinghu_policy.names import fact_zh
from tinghu_policy.parties import Party
from tinghu_policy.rules.art02_03_scope import assess, has_social_capital
from tinghu_policy.rules.wording import art38_40_supplementary as say


# 第三十八条 ——————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art38.state_owned_enterprise",
    provision="art38.p1",
    title_zh="国有企业建设的政务信息化项目遵守本办法相关条款",
    title_en="A government IT project built by a state-owned enterprise follows the regulation",
    decisions=("D18", "D29"),
    decides_scope=True,
)
def state_owned_enterprise(ctx: Context) -> Outcome:
    """国有企业建设的政务信息化项目，严格遵守国家法律法规及本办法相关条款，确保各项工作合法合规开展.

    NOT_APPLICABLE unless the owner is a state-owned enterprise. HOLDS when it is a district 政务信息系统 project
    that uses 财政预算资金 — D29 (default ``fiscal_budget_only``): the enterprise is then one of art. 2's "各有关单位…
    使用财政预算资金"; option ``any_money``: whatever its money (own, social or fiscal), the reading that gives
    art. 38 work beyond art. 2. A NOTICE (not a breach) names the level, category or (by default) funding that keeps
    it out; D18 decides whether a 乡镇/街道 enterprise is 区级 (default: a 街道 unit is, a 乡镇 unit is not). "相关条款" is
    not narrowed: every rule runs, each one's own conditions deciding whether it reaches the project (see
    :func:`~tinghu_policy.rules.art02_03_scope.state_owned_enterprise`).
    """
    return assess(ctx.project, ctx.interpretation).art38.outcome()


# 第三十九条 ——————————————————————————————————————————————————————————————————————————————————————————————————————
_FILED = Label(
    "social_capital.filed_with_data_bureau", "向区数据局提交备案材料", "filing with the data bureau"
)
_WORKS = Label("implementation.works_started", "开工", "start of works")
_CONTENTS = (
    ("filed_plan", "项目方案", "project plan"),
    ("filed_data_catalogue", "数据资源目录", "data-resource catalogue"),
    ("filed_funding_source", "资金来源", "funding source"),
    ("filed_security_measures", "安全保障措施", "security measures"),
)
_CONTENT_LABELS = tuple((field, Label(f"social_capital.{field}", zh, en)) for field, zh, en in _CONTENTS)
_INCIDENT = Labels(
    lambda key: Label(f"social_capital.operation_incidents[{key[0]}].occurred", *say.in_operation(key[1]))
)
_INCIDENT_FILED = Labels(
    lambda n: Label(
        f"social_capital.operation_incidents[{n}].filed_with_data_bureau",
        "向区数据局备案",
        "filed with the data bureau",
    )
)


def _no_social_capital(ctx: Context) -> Outcome | None:
    if has_social_capital(ctx.project):
        return None
    return ctx.not_applicable(say.NO_SOCIAL_CAPITAL)


@rule(
    "art39.social_capital_project",
    provision="art39.p1",
    title_zh="与社会资本合作建设的政务信息化项目适用本办法",
    title_en="A government IT project built with social capital is governed by the regulation",
    decisions=("D18",),
    decides_scope=True,
)
def social_capital_project(ctx: Context) -> Outcome:
    """对于与社会资本合作建设的政务信息化项目，项目单位应…依照国家相关法律法规及本办法的规定，做好网络和数据安全、
    保密管理、运维监管和绩效评价等工作。项目竣工后，参照本办法要求进行验收并报送相关材料.

    Social capital is shown by ``FundingSource.SOCIAL_CAPITAL`` in ``funding`` or by ``social_capital`` facts.
    HOLDS: the regulation governs the project even without 财政预算资金 (its security, acceptance, O&M and
    performance duties are then the other rules'); a NOTICE (not a breach) names the level or category that keeps it
    out (D18, default: a 街道 unit is 区级, a 乡镇 unit is not).
    """
    return assess(ctx.project, ctx.interpretation).art39.outcome()


@rule(
    "art39.filing_before_works",
    provision="art39.p1",
    title_zh="与社会资本合作建设的项目于开工前向区数据局提交备案材料",
    title_en="A project with social capital is filed with the data bureau before works start",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D13", "D14", "D17"),
)
def filing_before_works(ctx: Context) -> Outcome:
    """项目单位应于开工前向区数据局提交备案材料.

    D17 (default ``same_day_counts``): "开工前" is on or before the day works start — a filing dated the start day is
    on time (dates are calendar days, D14, and a "前" tied to a day is read inclusively as in D6's "年底前"); the day
    after is late. Option ``earlier_day``: the filing is due the day before works start, so one on the start day is
    late. MET / LATE against that due date; before works start: MET once filed, else PENDING (no date yet);
    started and not filed: OVERDUE. A start before the stated effective date is out of reach (D13).
    This rule and :func:`filing_contents` are separate because one is a deadline and one a condition.
    """
    if (skip := _no_social_capital(ctx)) is not None:
        return skip
    filing = ctx.project.social_capital or SocialCapital()
    started = ctx.known(ctx.project.implementation.works_started)
    filed = ctx.known(filing.filed_with_data_bureau)
    same_day = ctx.interpretation.same_day_precedence is SameDayPrecedence.SAME_DAY_COUNTS
    if started is None:
        if filed is not None:
            return Outcome(Status.MET, note=(say.filed_before_works, filed))
        return Outcome(Status.PENDING, note=(say.not_started, same_day))
    if (skip := ctx.reaches(started, _WORKS)) is not None:
        return skip
    if same_day:
        return ctx.due_by(started, filed, _FILED, note=(say.same_day_counts, started))
    return ctx.due_by(started - timedelta(days=1), filed, _FILED, note=(say.day_before, started))


@rule(
    "art39.filing_contents",
    provision="art39.p1",
    title_zh="备案材料包括项目方案、数据资源目录、资金来源、安全保障措施",
    title_en="The filing holds the plan, the data-resource catalogue, the funding source and the security measures",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def filing_contents(ctx: Context) -> Outcome:
    """提交备案材料（项目方案、数据资源目录、资金来源、安全保障措施等）: each named item is required ("等" admits
    more; none can be checked). NOT_APPLICABLE until filed (the timing is :func:`filing_before_works`)."""
    if (skip := _no_social_capital(ctx)) is not None:
        return skip
    filing = ctx.project.social_capital
    if filing is None or ctx.known(filing.filed_with_data_bureau) is None:
        return ctx.not_applicable(say.NOT_FILED)
    if (skip := ctx.reaches(filing.filed_with_data_bureau, _FILED)) is not None:
        return skip
    return ctx.condition(*[ctx.expect(label, getattr(filing, field)) for field, label in _CONTENT_LABELS])


@rule(
    "art39.operation_incidents",
    provision="art39.p1",
    title_zh="运行中发生重大变更或安全隐患及时向区数据局等部门备案",
    title_en="A major change or security hazard in operation is filed with the data bureau in time",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D11", "D12", "D13"),
)
def operation_incidents(ctx: Context) -> Iterator[Outcome]:
    """运行中如发生重大变更或安全隐患，应及时向区数据局等部门备案并依法处置.

    One finding per incident in ``social_capital.operation_incidents`` (those during implementation are art. 19's),
    subject ``incident N``. "及时" is read as art. 19 reads it (D11, :meth:`Context.timely`):
    a deadline only when ``timely_within_working_days`` is set; otherwise HOLDS once filed, else PENDING undated.
    """
    if (skip := _no_social_capital(ctx)) is not None:
        yield skip
        return
    filing = ctx.project.social_capital or SocialCapital()
    known = [(n, i) for n, i in enumerate(filing.operation_incidents) if ctx.known(i.occurred) is not None]
    if not known:
        yield ctx.not_applicable(say.NO_INCIDENT)
        return
    for n, incident in known:
        yield ctx.timely(
            incident.occurred,
            incident.filed_with_data_bureau,
            start_label=_INCIDENT[n, incident.kind],
            done_label=_INCIDENT_FILED[n],
            subject=f"incident {n + 1}",
        )


# 第四十条 ————————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art40.effective_date",
    provision="art40.p1",
    title_zh="本办法自印发之日起施行：施行日期与早于施行日期的事实",
    title_en="The regulation applies from its date of issue: the effective date and the facts before it",
    decisions=("D13",),
    decides_scope=True,
)
def effective_date(ctx: Context) -> Outcome:
    """本办法自印发之日起施行.

    D13: the text states no date of issue; the caller gives ``interpretation.effective_date``. Art. 40 sets when
    the regulation applies; it is no duty a project can break. None: NOT_APPLICABLE, no act is excluded. Set:
    HOLDS when no dated fact known on ``as_of`` precedes it; otherwise a NOTICE listing the facts before it — those
    acts are out of the regulation's reach (立法法 第一百零四条), and each rule that would judge one says so.
    """
    effective = ctx.interpretation.effective_date
    if effective is None:
        return ctx.not_applicable(say.NO_EFFECTIVE_DATE)
    known = [f for f in ctx.project.dated_facts() if f.day <= ctx.as_of]
    before = sorted((f for f in known if f.day < effective), key=lambda f: f.day)
    if not before:
        return Outcome(Status.HOLDS, note=(say.none_before, effective, len(known)))
    checks = tuple(
        ctx.check(
            Label(f.path, fact_zh(f.path), f.path),
            Relation.ON_OR_AFTER,
            effective,
            f.day,
            role=CheckRole.CONTEXT,
        )
        for f in before
    )
    return Outcome(Status.NOTICE, checks=checks, note=(say.facts_before, effective, len(before)))
