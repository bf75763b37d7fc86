"""第二十四条 严重逾期、未按时开工 — the two 6-month limits, the reports they trigger, and the orders that follow.

Art. 24 is one paragraph; every rule cites ``art24.p1``:

* 严重逾期（超过批复工期6个月以上）: not completed (``acceptance.completed``, 建成) when more than 6 months have
  passed since the end of the approved schedule (批复工期) → the project unit reports to 区数据局 with a remediation
  plan, "及时" (D11). 造成重大损失 (``implementation.major_loss``) triggers the same report.
* 由财政预算资金安排未按时开工建设的项目（超过初步设计批复时间6个月以上）: a project funded from the fiscal budget and
  not started (``implementation.works_started``) more than 6 months after the preliminary design approval
  (``implementation.preliminary_design_approved``) → reported to 区数据局、区发改委、区财政局.
* 要求责任单位限期整改或者暂停项目实施: what 区数据局 orders after studying a report is its discretion, but once
  ordered the unit's compliance can be checked: a rectification done by the deadline the bureau set
  (``implementation.rectification``), and no works while the project is suspended (``implementation.suspension``).

批复工期 — the end of the approved schedule, in this order:

1. the completion date as adjusted (``adjustments[n].approved_completion_after``, art. 26 ground (三) "调整…进度")
   by the latest adjustment that was carried out (``adjusted`` known) and either passed both reviews of art. 26
   para. 1 or was approved anew (``reapproved``): an adjustment only requested, or refused, changes no schedule;
2. else the completion date the approval sets (``implementation.approved_completion``);
3. else a duration (``implementation.approved_duration_months``, 批复工期 N个月) counted from the start of works: the
   corresponding day N months after it (D1: the start day not counted; D3: 31 Aug + 6 months → 28/29 Feb), never
   rolled over (it marks where the schedule ends, not a period to act in). Works not started: no schedule is running.

The 6-month limit day is the corresponding day 6 months on (D1, D3). D5: "超过…以上" pairs two words that disagree
only on that day; by default (``strictly_more``, "超过…以上" read as one phrase, more than 6 months) the limit day
itself is not yet over the limit, the next day is; ``at_least`` makes the limit day over. The strongest case for
``at_least``: the object of 超过 is 批复工期 (初步设计批复时间), not the six months; 以上 attaches to the numeral "6个月"
and includes it (民法典 第一千二百五十九条), so a delay beyond the schedule that has reached 6 months is serious — the
two words govern different things and do not conflict. The default keeps the narrower reading for a provision that
triggers a report, a remediation plan and possibly a suspension. The limit day is never rolled over a holiday
(第二百零三条 lets a party act on the next working day when a period *for acting* ends on a rest day; here the period
marks the start of a state of delay, and rolling it would only defer the duty to report).

``art24.schedule`` HOLDS until the project is seriously overdue; a project past its schedule but within the 6 months
still holds (it is not seriously overdue), and its note says by how many days it is late.

The reports. Each trigger owes its own report (``implementation.delay_reports``, one per ``trigger``): a report on a
major loss does not answer a serious delay, and a report dated before its trigger answers nothing. The serious-delay
and major-loss report is "及时": a due date only with D11 configured. The late-start report has no time word: "适时"
in "报区数据局、区发改委、区财政局适时调整" qualifies the three bureaus' adjustment, not the unit's report (the text
gives the unit no period and the bureaus "in due course"). So that report is never given a clock — a configured D11
period is for the text's "及时" — and it is PENDING with no due date until made, HOLDS once made (D11's catalogue
entry says so).

Encoded in part: "项目单位应严格按有关规定组织实施" names rules outside this regulation; the bureaus' study (区数据局
会同区发改委、区财政局、区审计局按有关规定研究) and their choice of rectification or suspension, and the three
bureaus' adjustment of a project not started on time ("适时调整"), are their discretion with no period
(``provisions/status.yaml``).

D13: each 6-month count begins on the fact it runs from (the end of the schedule, the preliminary design approval);
a count begun before the effective date is out of reach, as any clock is, and so are the reports it would call for.
A duration's schedule is judged from the start of works it runs from.
A rectification or suspension is judged from the day it was ordered.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Explained,
    Label,
    Labels,
    Note,
    Outcome,
    Relation,
    Status,
    rule,
)
from tinghu_policy.engine.context import Worded
from tinghu_policy.facts import Adjustment, DelayTrigger, ReviewOutcome
from tinghu_policy.interpretation import OverBoundary
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months
from tinghu_policy.rules.wording import art24_delays as say

_I = "implementation"
_SIX_MONTHS = Months(6)
_APPROVED_COMPLETION = Label(f"{_I}.approved_completion", "批复工期", "approved completion")
_COMPLETED = Label(
    "acceptance.completed", "项目建成日期（未建成的按评估日）", "completion (as_of while not completed)"
)
_COMPLETED_LATE = Label(
    "acceptance.completed", "项目建成日期（对照批复工期）", "completion (against the schedule)"
)
_DESIGN = Label(f"{_I}.preliminary_design_approved", "初步设计批复", "preliminary design approval")
_WORKS = Label(
    f"{_I}.works_started", "开工建设日期（未开工的按评估日）", "start of works (as_of while not started)"
)
_FISCAL = Label("funding", "由财政预算资金安排", "funded from the fiscal budget")
_LOSS = Label(f"{_I}.major_loss_on", "造成重大损失", "major loss")
_REPORTED = Labels(lambda key: Label(key[0], *say.reported_on(key[1])))  # (fact, trigger)
_PLAN = Labels(lambda path: Label(f"{path}.remediation_plan", "提出整改方案", "remediation plan"))
_NOT_STARTED_REPORTED = Label(
    f"{_I}.not_started_reported",
    "报区数据局、区发改委、区财政局",
    "reported to data, development-reform, finance",
)


class Schedule(NamedTuple):
    """The end of the approved schedule (批复工期) in force on ``as_of``, and the fact it comes from."""

    day: date
    label: Label | Worded
    """The fact the day is, or is derived from (the start of works for a duration)."""
    shown: date
    """That fact's own date (the day itself, or the start of works)."""
    note: Note


def _passed(adjustment: Adjustment) -> bool:
    """Both reviews of art. 26 para. 1 passed the adjustment."""
    return all(
        review is not None and review.outcome is ReviewOutcome.APPROVED
        for review in (adjustment.reviewed_by_data_bureau, adjustment.reviewed_by_finance)
    )


def schedule_end(ctx: Context) -> Schedule | None:
    """批复工期 in force on ``as_of``: the latest adjusted completion date carried out and reviewed or approved
    anew, else the approved completion date, else the approved duration from the start of works; None if none."""
    impl = ctx.project.implementation
    latest: tuple[date, int, date] | None = None
    for n, adjustment in enumerate(impl.adjustments):
        adjusted, after = ctx.known(adjustment.adjusted), adjustment.approved_completion_after
        if adjusted is None or after is None:
            continue
        if not (_passed(adjustment) or ctx.known(adjustment.reapproved) is not None):
            continue
        if latest is None or adjusted >= latest[0]:
            latest = (adjusted, n, after)
    if latest is not None:
        adjusted, n, after = latest
        return Schedule(
            after,
            Worded(f"{_I}.adjustments[{n}].approved_completion_after", (say.adjusted_completion, n)),
            after,
            (say.adjusted_schedule, n, adjusted, after),
        )
    approved = ctx.approved_term(impl.approved_completion)
    if approved is not None:
        return Schedule(approved, _APPROVED_COMPLETION, approved, (say.approved_schedule, approved))
    months, started = ctx.approved_term(impl.approved_duration_months), ctx.known(impl.works_started)
    if months is None or started is None:
        return None
    end = ctx.limit(started, Months(months))
    return Schedule(
        end.deadline.due,
        Worded(f"{_I}.works_started", (say.duration_start, months)),
        started,
        (say.duration_schedule, months, started, end),
    )


def _schedule_reached(ctx: Context, schedule: Schedule) -> Outcome | None:
    """D13: the 6-month count runs from the end of the schedule, a date the facts give; a duration has no such
    date — its count runs from the start of works, the fact judged (works begun before the effective date ran
    their schedule under the rules then in force)."""
    return ctx.reaches(schedule.shown, schedule.label)


def _limit(ctx: Context, start: date) -> Explained:
    """The day 6 months after ``start`` is complete (届满), never rolled over (D1, D3, D5)."""
    return ctx.limit(start, _SIX_MONTHS)


def _at_least(ctx: Context) -> bool:
    return ctx.interpretation.serious_overdue_boundary is OverBoundary.AT_LEAST


def _first_day_over(ctx: Context, limit: date) -> date:
    """The first day that is "超过…6个月以上" (D5): the limit day itself with ``at_least``, else the day after."""
    return limit if _at_least(ctx) else limit + timedelta(days=1)


def _within_limit(ctx: Context, start: date, done: date | None, label: Label) -> Outcome:
    """HOLDS if ``done`` (or, while not done, ``as_of``) is not beyond 6 months after ``start``; else FAILS."""
    limit = _limit(ctx, start)
    done = ctx.known(done)
    at_least = _at_least(ctx)
    relation = Relation.BEFORE if at_least else Relation.ON_OR_BEFORE
    first = _first_day_over(ctx, limit.deadline.due)
    return ctx.condition(
        ctx.check(label, relation, limit.deadline.due, done or ctx.as_of),
        note=(say.boundary, limit, at_least, first),
    )


def _serious_overdue_since(ctx: Context) -> tuple[date, Schedule] | None:
    """The day the project became seriously overdue, if it has on ``as_of`` (and was not completed before), and
    the schedule it is counted from."""
    schedule = schedule_end(ctx)
    if schedule is None:
        return None
    first = _first_day_over(ctx, _limit(ctx, schedule.day).deadline.due)
    completed = ctx.known(ctx.project.acceptance.completed)
    if first > ctx.as_of or (completed is not None and completed < first):
        return None
    return first, schedule


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


def _derived_from(ctx: Context, label: Label | Worded, day: date) -> Comparison:
    """The clock of a delay report runs from the first day over a limit, derived from this fact (its date)."""
    return ctx.clock_start(Worded(label.fact, (say.plus_six_months, label)), day)


def _report(
    ctx: Context,
    trigger: DelayTrigger,
    start: date | None,
    start_label: Label,
    started: Comparison | None = None,
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
        done_label=_REPORTED[f"{path}.reported" if report is not None else path, trigger],
    )
    if report is not None and ctx.known(report.reported) is not None and not report.remediation_plan:
        outcome.checks += (ctx.expect(_PLAN[path], False),)
        outcome.note = (say.without_plan, outcome.note, report.reported)
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

    FAILS once the project, not completed, is more than 6 months beyond the end of the approved schedule (D5); a
    project completed on or before the limit HOLDS for good. Past the schedule but within the 6 months it still
    HOLDS, and the note gives the delay.
    """
    impl = ctx.project.implementation
    found = schedule_end(ctx)
    if found is None:
        months = ctx.approved_term(impl.approved_duration_months)
        if months is not None:
            return ctx.not_applicable((say.duration_not_started, months))
        return ctx.not_applicable(say.NO_SCHEDULE)
    if (skip := _schedule_reached(ctx, found)) is not None:
        return skip
    completed = ctx.known(ctx.project.acceptance.completed)
    outcome = _within_limit(ctx, found.day, completed, _COMPLETED)
    late = (completed or ctx.as_of) - found.day
    late_days = None
    if outcome.status is Status.HOLDS and late.days > 0:
        late_days = late.days
        if completed is not None:
            outcome.checks += (
                ctx.check(
                    _COMPLETED_LATE, Relation.ON_OR_BEFORE, found.day, completed, role=CheckRole.CONTEXT
                ),
            )
    outcome.note = (say.schedule, found.note, outcome.note, completed, ctx.as_of, late_days)
    return outcome


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
        return ctx.not_applicable(say.NOT_OVERDUE)
    since, found = overdue
    if skip := _schedule_reached(ctx, found):
        return skip
    return _report(
        ctx,
        DelayTrigger.SERIOUS_DELAY,
        since,
        Label(found.label.fact, "出现严重逾期（超过批复工期6个月）", "seriously overdue"),
        _derived_from(ctx, found.label, found.shown),
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
        return ctx.not_applicable(say.NO_LOSS)
    if impl.major_loss_on is not None and ctx.known(impl.major_loss_on) is None:
        return ctx.not_applicable(say.LOSS_LATER)
    return _report(ctx, DelayTrigger.MAJOR_LOSS, impl.major_loss_on, _LOSS)


# 第二十四条 限期整改、暂停实施 ——————————————————————————————————————————————————————————————————————————————
@rule(
    "art24.rectification",
    provision="art24.p1",
    title_zh="区数据局要求限期整改的，责任单位在期限内完成整改",
    title_en="A rectification the data bureau orders is completed by the deadline it sets",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def rectification(ctx: Context) -> Outcome:
    """区数据局会同区发改委、区财政局、区审计局按有关规定研究后，要求责任单位限期整改….

    The deadline is the date 区数据局 set (``rectification.deadline``), taken as given: a date an authority fixes is
    not a period counted by this library, so it is not rolled over a rest day. MET / LATE by the completion date,
    OVERDUE once past the deadline without it, PENDING before. D13: judged from the day the order was made.
    """
    order = ctx.project.implementation.rectification
    if order is None or ctx.known(order.ordered) is None:
        return ctx.not_applicable(say.NO_RECTIFICATION)
    ordered = Label(f"{_I}.rectification.ordered", "区数据局要求限期整改", "rectification ordered")
    if (skip := ctx.reaches(order.ordered, ordered)) is not None:
        return skip
    return ctx.due_by(
        order.deadline,
        order.completed,
        Label(f"{_I}.rectification.completed", "完成整改", "rectification completed"),
        started=ctx.clock_start(ordered, order.ordered),
        note=(say.rectification, order.ordered, order.deadline),
    )


@rule(
    "art24.suspension",
    provision="art24.p1",
    title_zh="区数据局要求暂停项目实施的，暂停期间不得继续实施",
    title_en="A project the data bureau suspends is not carried on while suspended",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def suspension(ctx: Context) -> Outcome:
    """…要求责任单位…暂停项目实施.

    HOLDS while (or after) the suspension when works did not go on meanwhile (``works_continued: false``); FAILS
    when they did; UNDETERMINED when not stated. D13: judged from the day the suspension was ordered.
    """
    order = ctx.project.implementation.suspension
    if order is None or ctx.known(order.ordered) is None:
        return ctx.not_applicable(say.NO_SUSPENSION)
    ordered = Label(f"{_I}.suspension.ordered", "区数据局要求暂停项目实施", "suspension ordered")
    if (skip := ctx.reaches(order.ordered, ordered)) is not None:
        return skip
    lifted = ctx.known(order.lifted)
    return ctx.condition(
        ctx.check(ordered, Relation.ON_OR_BEFORE, ctx.as_of, order.ordered, role=CheckRole.CONTEXT),
        ctx.expect(
            Label(f"{_I}.suspension.works_continued", "暂停期间继续实施", "works went on while suspended"),
            order.works_continued,
            required=False,
        ),
        note=(say.suspension, order.ordered, lifted, ctx.as_of),
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
        return ctx.not_applicable(say.DESIGN_NOT_APPROVED)
    fiscal = ctx.project.fiscal_funded
    if fiscal is None:
        return ctx.condition(ctx.expect(_FISCAL, None))
    if not fiscal:
        return ctx.not_applicable(say.NOT_FISCAL)
    if (skip := ctx.reaches(approved, _DESIGN)) is not None:
        return skip
    return _within_limit(ctx, approved, ctx.project.implementation.works_started, _WORKS)


@rule(
    "art24.not_started_report",
    provision="art24.p1",
    title_zh="未按时开工建设的项目报区数据局、区发改委、区财政局调整",
    title_en="A project not started on time is reported to the data bureau, development-reform and finance",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU, Party.DEVELOPMENT_REFORM, Party.FINANCE_BUREAU),
    decisions=("D1", "D3", "D5", "D11", "D13"),
)
def not_started_report(ctx: Context) -> Outcome:
    """由财政预算资金安排未按时开工建设的项目…报区数据局、区发改委、区财政局适时调整.

    "适时" qualifies the bureaus' adjustment, not the report (D11): the report has no period in the text and no
    configured clock — PENDING with no due date until made, HOLDS once made on or after the first day over the
    limit (a report before it was not about a late start and is shown as context).
    """
    late = _not_started_since(ctx)
    if late is None:
        return ctx.not_applicable(say.NOT_LATE)
    since, approved = late
    if skip := ctx.reaches(approved, _DESIGN):
        return skip
    started = _derived_from(ctx, _DESIGN, approved)
    label = _NOT_STARTED_REPORTED
    reported = ctx.known(ctx.project.implementation.not_started_reported)
    if reported is not None and reported >= since:
        return Outcome(
            Status.HOLDS,
            checks=(started, ctx.check(label, Relation.ON_OR_AFTER, since, reported)),
            note=(say.late_start_reported, since, reported),
        )
    early = (
        (ctx.check(label, Relation.ON_OR_AFTER, since, reported, role=CheckRole.CONTEXT),)
        if reported is not None
        else ()
    )
    return Outcome(
        Status.PENDING, checks=(started, *early), note=(say.late_start_unreported, since, reported)
    )
