"""第二十四条 严重逾期、未按时开工 — the two 6-month limits and the reports they trigger.

Art. 24 is one paragraph; both limbs cite ``art24.p1``:

* 严重逾期（超过批复工期6个月以上）: not completed (``acceptance.completed``, 建成) when more than 6 months have
  passed since the approved completion date (``implementation.approved_completion``) → the project unit reports to
  区数据局 with a remediation plan, "及时" (D11). 造成重大损失 (``implementation.major_loss``) triggers the same report.
* 由财政预算资金安排未按时开工建设的项目（超过初步设计批复时间6个月以上）: a project funded from the fiscal budget and
  not started (``implementation.works_started``) more than 6 months after the preliminary design approval
  (``implementation.preliminary_design_approved``) → reported to 区数据局、区发改委、区财政局 for adjustment, "适时" (D11).

The limit day is the corresponding day 6 months on (D1, D3: 31 Aug → 28/29 Feb). D5: "超过…以上" pairs two words
that disagree only on that day; by default (``strictly_more``, 超过 governs) the limit day itself is not yet over
the limit, the next day is; ``at_least`` makes the limit day over. The limit day is never rolled over a holiday
(第二百零三条 lets a party act on the next working day when a period *for acting* ends on a rest day; here the
period marks the start of a state of delay, and rolling it would only defer the duty to report).

Each trigger owes its own report (``implementation.delay_reports``, one per ``trigger``): a report on a major loss
does not answer a serious delay, and a report dated before its trigger answers nothing.

What follows a report (区数据局会同…研究后，要求责任单位限期整改或者暂停项目实施; 适时调整) is the departments'
discretion and is not computed.

D13: each 6-month count begins on the fact it runs from (the approved completion date, the preliminary design
approval); a count begun before the effective date is out of reach, as any clock is, and so are the reports it
would call for.
"""

from __future__ import annotations

from datetime import date, timedelta

from tinghu_policy.engine import IN_DUE_COURSE, Check, Context, Explained, Label, Outcome, Relation, rule
from tinghu_policy.facts import DelayTrigger
from tinghu_policy.interpretation import OverBoundary
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months

_I = "implementation"
_SIX_MONTHS = Months(6)


def _limit(ctx: Context, start: date) -> Explained:
    """The day 6 months after ``start`` is complete (届满), never rolled over (D1, D3, D5)."""
    return ctx.limit(start, _SIX_MONTHS)


def _at_least(ctx: Context) -> bool:
    return ctx.interpretation.serious_overdue_boundary is OverBoundary.AT_LEAST


def _first_day_over(ctx: Context, limit: date) -> date:
    """The first day that is "超过…6个月以上" (D5): the limit day itself with ``at_least``, else the day after."""
    return limit if _at_least(ctx) else limit + timedelta(days=1)


def _boundary_note(ctx: Context, limit: Explained) -> tuple[str, str]:
    first = _first_day_over(ctx, limit.deadline.due)
    reading_zh = (
        "“以上”包括本数，届满之日即属超过" if _at_least(ctx) else "“超过”不包括本数，届满之日尚不属超过"
    )
    reading_en = (
        "'or more' includes the limit day" if _at_least(ctx) else "'more than' excludes the limit day"
    )
    return (
        f"{limit.zh.rstrip('。')}；D5：{reading_zh}，自 {first} 起属超过6个月",
        f"{limit.en.rstrip('.')}; D5: {reading_en}; over the limit from {first}",
    )


def _within_limit(ctx: Context, start: date, start_label: Label, done: date | None, label: Label) -> Outcome:
    """HOLDS if ``done`` (or, while not done, ``as_of``) is not beyond 6 months after ``start``; else FAILS.

    D13: a count that began before the effective date (``start``, the fact ``start_label`` names) is out of reach,
    as any clock is."""
    if (skip := ctx.reaches(start, start_label)) is not None:
        return skip
    limit = _limit(ctx, start)
    done = ctx.known(done)
    relation = Relation.BEFORE if _at_least(ctx) else Relation.ON_OR_BEFORE
    note_zh, note_en = _boundary_note(ctx, limit)
    return ctx.condition(
        ctx.check(label, relation, limit.deadline.due, done or ctx.as_of),
        note_zh=note_zh,
        note_en=note_en,
    )


def _serious_overdue_since(ctx: Context) -> tuple[date, date] | None:
    """The day the project became seriously overdue, if it has on ``as_of`` (and was not completed before), and
    the approved completion date it is counted from."""
    approved = ctx.approved_term(ctx.project.implementation.approved_completion)
    if approved is None:
        return None
    first = _first_day_over(ctx, _limit(ctx, approved).deadline.due)
    completed = ctx.known(ctx.project.acceptance.completed)
    if first > ctx.as_of or (completed is not None and completed < first):
        return None
    return first, approved


def _not_started_since(ctx: Context) -> tuple[date, date] | None:
    """The day a fiscal project became "not started on time", if it has on ``as_of``, and the preliminary design
    approval it is counted from."""
    approved = ctx.known(ctx.project.implementation.preliminary_design_approved)
    if approved is None or not ctx.project.fiscal_funded:
        return None
    first = _first_day_over(ctx, _limit(ctx, approved).deadline.due)
    started = ctx.known(ctx.project.implementation.works_started)
    if first > ctx.as_of or (started is not None and started < first):
        return None
    return first, approved


def _derived_from(ctx: Context, label: Label, day: date) -> Check:
    """The clock of a delay report runs from the first day over a limit, derived from this fact (its date)."""
    return ctx.clock_start(Label(label.fact, f"{label.zh}（满6个月后起算）", f"{label.en} (+6 months)"), day)


def _report(
    ctx: Context, trigger: DelayTrigger, start: date | None, start_label: Label, started: Check | None = None
) -> Outcome:
    """The report on ``trigger`` to 区数据局 with a remediation plan: a report without the plan does not discharge
    the duty, nor does a report on the other trigger."""
    found = ctx.project.implementation.delay_report(trigger)
    n, report = found if found is not None else (len(ctx.project.implementation.delay_reports), None)
    path = f"{_I}.delay_reports[{n}]" if report is not None else f"{_I}.delay_reports"
    with_plan = report.reported if report is not None and report.remediation_plan else None
    outcome = ctx.timely(
        start,
        with_plan,
        start_label=start_label,
        started=started,
        done_label=Label(
            f"{path}.reported" if report is not None else path,
            f"就{trigger.name_zh}向区数据局报告并提出整改方案",
            f"report on the {trigger.name_en} with a remediation plan",
        ),
    )
    if report is not None and ctx.known(report.reported) is not None and not report.remediation_plan:
        outcome.checks += (
            ctx.expect(Label(f"{path}.remediation_plan", "提出整改方案", "remediation plan"), False),
        )
        outcome.note_zh += f"；{report.reported}的报告未提出整改方案，不视为已报告"
        outcome.note_en += f"; the report of {report.reported} has no remediation plan and does not count"
    return outcome


# 第二十四条 严重逾期 ——————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art24.schedule",
    provision="art24.p1",
    title_zh="项目未严重逾期（未超过批复工期6个月以上）",
    title_en="The project is not seriously overdue (not more than 6 months beyond the approved schedule)",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D1", "D3", "D5", "D16"),
)
def schedule(ctx: Context) -> Outcome:
    """项目实施过程中出现严重逾期（超过批复工期6个月以上）…的.

    FAILS once the project, not completed, is more than 6 months beyond ``approved_completion`` (D5); a project
    completed on or before the limit HOLDS for good.
    """
    approved = ctx.approved_term(ctx.project.implementation.approved_completion)
    if approved is None:
        return ctx.not_applicable("未提供批复工期", "no approved completion date")
    return _within_limit(
        ctx,
        approved,
        Label(f"{_I}.approved_completion", "批复工期", "approved completion"),
        ctx.project.acceptance.completed,
        Label(
            "acceptance.completed",
            "项目建成日期（未建成的按评估日）",
            "completion (as_of while not completed)",
        ),
    )


@rule(
    "art24.overdue_report",
    provision="art24.p1",
    title_zh="严重逾期的，项目单位及时向区数据局报告并提出整改方案",
    title_en="A seriously overdue project is reported to the data bureau in time with a remediation plan",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D3", "D5", "D11", "D12", "D13"),
)
def overdue_report(ctx: Context) -> Outcome:
    """出现严重逾期…的，项目单位应当及时向区数据局报告并提出整改方案.

    The clock (only with D11 configured) starts on the first day over the limit.
    """
    overdue = _serious_overdue_since(ctx)
    if overdue is None:
        return ctx.not_applicable("项目未严重逾期", "the project is not seriously overdue")
    since, approved = overdue
    if skip := ctx.reaches(approved, Label(f"{_I}.approved_completion", "批复工期", "approved completion")):
        return skip
    return _report(
        ctx,
        DelayTrigger.SERIOUS_DELAY,
        since,
        Label(f"{_I}.approved_completion", "出现严重逾期（超过批复工期6个月）", "seriously overdue"),
        _derived_from(ctx, Label(f"{_I}.approved_completion", "批复工期", "approved completion"), approved),
    )


@rule(
    "art24.major_loss_report",
    provision="art24.p1",
    title_zh="造成重大损失的，项目单位及时向区数据局报告并提出整改方案",
    title_en="A major loss is reported to the data bureau in time with a remediation plan",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D11", "D12", "D13"),
)
def major_loss_report(ctx: Context) -> Outcome:
    """项目实施过程中出现…造成重大损失等问题的，项目单位应当及时向区数据局报告并提出整改方案."""
    impl = ctx.project.implementation
    if not impl.major_loss:
        return ctx.not_applicable("未造成重大损失", "no major loss")
    if impl.major_loss_on is not None and ctx.known(impl.major_loss_on) is None:
        return ctx.not_applicable("重大损失尚未发生", "the major loss has not happened yet")
    return _report(
        ctx,
        DelayTrigger.MAJOR_LOSS,
        impl.major_loss_on,
        Label(f"{_I}.major_loss_on", "造成重大损失", "major loss"),
    )


# 第二十四条 未按时开工 ————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art24.start_of_works",
    provision="art24.p1",
    title_zh="财政预算资金安排的项目在初步设计批复后6个月内开工建设（未超过6个月以上）",
    title_en="A fiscal-budget project starts works within 6 months of the preliminary design approval",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D1", "D3", "D5", "D16"),
)
def start_of_works(ctx: Context) -> Outcome:
    """由财政预算资金安排未按时开工建设的项目（超过初步设计批复时间6个月以上）."""
    approved = ctx.known(ctx.project.implementation.preliminary_design_approved)
    if approved is None:
        return ctx.not_applicable("初步设计尚未批复", "the preliminary design is not approved yet")
    fiscal = ctx.project.fiscal_funded
    if fiscal is None:
        return ctx.condition(
            ctx.expect(Label("funding", "由财政预算资金安排", "funded from the fiscal budget"), None)
        )
    if not fiscal:
        return ctx.not_applicable("非财政预算资金安排的项目", "not funded from the fiscal budget")
    return _within_limit(
        ctx,
        approved,
        Label(f"{_I}.preliminary_design_approved", "初步设计批复", "preliminary design approval"),
        ctx.project.implementation.works_started,
        Label(
            f"{_I}.works_started",
            "开工建设日期（未开工的按评估日）",
            "start of works (as_of while not started)",
        ),
    )


@rule(
    "art24.not_started_report",
    provision="art24.p1",
    title_zh="未按时开工建设的项目报区数据局、区发改委、区财政局适时调整",
    title_en="A project not started on time is reported to the data bureau, development-reform and finance",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU, Party.DEVELOPMENT_REFORM, Party.FINANCE_BUREAU),
    decisions=("D1", "D2", "D3", "D5", "D11", "D12", "D13"),
)
def not_started_report(ctx: Context) -> Outcome:
    """由财政预算资金安排未按时开工建设的项目…报区数据局、区发改委、区财政局适时调整.

    "适时" has no number, like "及时" (D11): the clock (only when configured) starts on the first day over the limit.
    """
    late = _not_started_since(ctx)
    if late is None:
        return ctx.not_applicable(
            "不属于未按时开工建设的财政项目", "not a fiscal project late in starting works"
        )
    since, approved = late
    design = Label(f"{_I}.preliminary_design_approved", "初步设计批复", "preliminary design approval")
    if skip := ctx.reaches(approved, design):
        return skip
    return ctx.timely(
        since,
        ctx.project.implementation.not_started_reported,
        started=_derived_from(
            ctx,
            Label(f"{_I}.preliminary_design_approved", "初步设计批复", "preliminary design approval"),
            approved,
        ),
        start_label=Label(
            f"{_I}.preliminary_design_approved",
            "超过初步设计批复时间6个月未开工",
            "not started 6 months after approval",
        ),
        done_label=Label(
            f"{_I}.not_started_reported",
            "报区数据局、区发改委、区财政局",
            "reported to data, development-reform, finance",
        ),
        word=IN_DUE_COURSE,
    )
