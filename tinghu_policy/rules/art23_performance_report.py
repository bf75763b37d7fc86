"""第二十三条 绩效评价报告 — a performance report each year of implementation, before the year end (D6).

项目实施期间 runs from the start of implementation to completion (``acceptance.completed``, 建成, D16) or, while not
completed, to ``as_of``. D24: the yearly report is a duty of building and running, so under the default ``by_duty``
and under ``works_started`` the years count from the start of works (``implementation.works_started``, 开工); with
``approved`` from the approval (``approval.approved``), as for art. 20 and 21.

Which years owe a report is D36 (``performance_report_years``): by default every calendar year implementation
touched, the first and last partial years included — implementation went on in them, and "每年" names no
exception (completed 2026-01-02: a 2026 report is still owed). Option ``in_implementation_at_year_end``: only the
years at whose end the project was still in implementation ("项目实施期间…每年年底前": a report at a year end when
implementation has ended is no longer a report 实施期间); the year of completion (completed on or before its
31 December) owes none and its finding says so. Subject: the year.

"每年年底前" (D6) is a fixed date, not a period: 31 December of the year — a 期日, so 民法典 第二百零一条 and
第二百零二条 (counting a period from an event) do not apply and 第二百零三条第一款 does not roll it over a rest day
unless ``year_end_rollover`` is chosen. A report submitted on that day is in time: the whole day counts, its end at
24:00 taken from 第二百零三条第二款 by analogy (that paragraph speaks of a period's last day; a fixed day has no other
rule for its end). The explanation says exactly that and no longer calls 31 December "期间的最后一日".

The year the regulation takes effect in (D13) is D39 (``annual_report_reach``): by default a year owes its report
when its implementation went on on or after the effective date — the duty falls due after it, for a state of
affairs that continued under it, which is not a retroactive application (立法法 第一百零四条 bars judging acts and
facts completed before it); a year whose implementation ended before it (completed, or the year over) is out of
reach. Option ``begun_after_effect``: only a year whose implementation began on or after the effective date owes
one (the report covers the whole year, part of it before the regulation).

Encoded whole: "定期形成" is the yearly report; "按规定" points to the performance-evaluation rules for its form,
which the content rule of para. 2 reads as the text states it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from tinghu_policy.engine import Context, Kept, Label, Labels, Outcome, rule, wording
from tinghu_policy.facts import PerformanceReport
from tinghu_policy.interpretation import AnnualReportReach, ImplementationStart, PerformanceReportYears
from tinghu_policy.parties import Party
from tinghu_policy.rules.art20_21_security import implementation_started
from tinghu_policy.rules.wording import art23_performance_report as say

_R = "implementation.performance_reports"
_P = Kept(lambda n: f"{_R}[{n}]")
_START = {
    True: Label("approval.approved", "实施开始", "start of implementation"),
    False: Label("implementation.works_started", "实施开始", "start of implementation"),
}
_COMPLETED = Label("acceptance.completed", "实施结束（建成）", "end of implementation (completed)")
_SUBMITTED = Labels(lambda key: Label(f"{_P[key[0]]}.submitted_to_finance", *say.submitted(key[1])))
_TO_FINANCE = Labels(lambda key: Label(key[0], *say.submitted_to_finance(key[1])))
_COPIED_DATA = Labels(
    lambda n: Label(f"{_P[n]}.copied_to_data_bureau", "抄送区数据局", "copied to the data bureau")
)
_COPIED_DR = Labels(
    lambda n: Label(f"{_P[n]}.copied_to_development_reform", "抄送区发改委", "copied to development-reform")
)
_ON_PLATFORM = Labels(
    lambda n: Label(f"{_P[n]}.filed_on_platform", "在管理平台中报送", "filed on the platform")
)
_PROGRESS = Labels(
    lambda n: Label(
        f"{_P[n]}.covers_progress_and_funds", "包括实施进度和资金执行情况", "covers progress and funds"
    )
)
_TRIAL = Labels(
    lambda n: Label(
        f"{_P[n]}.covers_trial_operation", "说明试运行效果及存在问题", "covers the trial operation"
    )
)


class Year(NamedTuple):
    """A calendar year of implementation, the report filed for it (if any) and whether one is owed (D36)."""

    year: int
    position: int | None
    """Its index in ``implementation.performance_reports``."""
    report: PerformanceReport | None
    owed: bool


def _years(ctx: Context) -> Iterator[Year]:
    """Each year of implementation known on ``as_of``, with the index and the report filed for it (if any), and
    whether D36 makes it owe a report."""
    started = implementation_started(ctx)
    if started is None:
        return
    completed = ctx.known(ctx.project.acceptance.completed)
    ended = completed or ctx.as_of
    at_year_end = (
        ctx.interpretation.performance_report_years is PerformanceReportYears.IN_IMPLEMENTATION_AT_YEAR_END
    )
    reports = {r.year: (i, r) for i, r in enumerate(ctx.project.implementation.performance_reports)}
    for year in range(started.year, ended.year + 1):
        index, report = reports.get(year, (None, None))
        owed = not at_year_end or completed is None or completed > date(year, 12, 31)
        yield Year(year, index, report, owed)


def _not_owed(ctx: Context, year: int) -> Outcome:
    """D36 ``in_implementation_at_year_end``: the year of completion owes no report."""
    return ctx.not_applicable((say.not_owed, ctx.project.acceptance.completed, year), subject=str(year))


def _none_owed(ctx: Context) -> Outcome:
    return ctx.not_applicable(say.NONE_OWED)


def _not_started(ctx: Context) -> Outcome:
    if ctx.interpretation.implementation_start is ImplementationStart.APPROVED:
        return ctx.not_applicable(say.NOT_APPROVED)
    return ctx.not_applicable(say.NOT_STARTED)


def _submitted(ctx: Context, report: PerformanceReport | None) -> date | None:
    return ctx.known(report.submitted_to_finance) if report is not None else None


def _year_reached(ctx: Context, year: int, subject: str) -> Outcome | None:
    """D13 with D39: is the year's report within the regulation's reach?

    ``implemented_after_effect`` (default): the year's implementation, which ends on completion in the year of
    completion and on 31 December before it, went on on or after the effective date — a year whose implementation
    ended before it is out of reach. ``begun_after_effect``: the year's implementation began on or after the
    effective date — on the start of implementation in its first year, on 1 January after."""
    if ctx.effective is None:
        return None
    if ctx.interpretation.annual_report_reach is AnnualReportReach.IMPLEMENTED_AFTER_EFFECT:
        completed = ctx.known(ctx.project.acceptance.completed)
        if completed is not None and completed.year == year:
            return ctx.reaches(completed, _COMPLETED, subject=subject)
        return ctx.reaches_derived(date(year, 12, 31), *say.year_ended(year), subject=subject)
    started = implementation_started(ctx)
    assert started is not None  # _years yields only once implementation started
    if started.year == year:
        approved = ctx.interpretation.implementation_start is ImplementationStart.APPROVED
        return ctx.reaches(started, _START[approved], subject=subject)
    return ctx.reaches_derived(date(year, 1, 1), *say.year_began(year), subject=subject)


# 第二十三条第一款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art23.performance_report",
    provision="art23.p1",
    title_zh="项目实施期间每年年底前向区财政局提交绩效评价报告",
    title_en="A performance report to the finance bureau before the end of each year of implementation",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.FINANCE_BUREAU,),
    decisions=("D6", "D12", "D13", "D16", "D24", "D36", "D39"),
)
def performance_report(ctx: Context) -> Iterator[Outcome]:
    """项目实施期间应定期形成绩效评价报告，按规定在每年年底前向区财政局提交.

    D6: "每年年底前" is the fixed date 31 December of the year (a 期日, not a period), met by a report submitted on
    or before it; it rolls over a rest day only with ``year_end_rollover``. D24: the years owed begin with the year
    implementation started (the start of works; with ``approved`` the approval). D36: every year implementation
    touched, or only those still in implementation at their end. D13 with D39: a year whose implementation ended
    before the effective date is out of reach; one in implementation on or after it owes its report (option: only
    a year whose implementation began on or after it).
    """
    found = False
    for year, index, report, owed in _years(ctx):
        found = True
        subject = str(year)
        if not owed:
            yield _not_owed(ctx, year)
            continue
        if (skip := _year_reached(ctx, year, subject)) is not None:
            yield skip
            continue
        explained = ctx.year_end(year)
        limit = explained.deadline
        fact = f"{_P[index]}.submitted_to_finance" if index is not None else _R
        yield ctx.due_by(
            limit.due,
            _submitted(ctx, report),
            _TO_FINANCE[fact, year],
            subject=subject,
            provisional=limit.provisional,
            note=(wording.explanation, explained),
        )
    if not found:
        yield _not_started(ctx)


@rule(
    "art23.report_distribution",
    provision="art23.p1",
    title_zh="绩效评价报告抄送区数据局、区发改委，并在管理平台中报送",
    title_en="The performance report is copied to the data bureau and development-reform and filed on the platform",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU, Party.DEVELOPMENT_REFORM),
    decisions=("D24", "D36"),
)
def report_distribution(ctx: Context) -> Iterator[Outcome]:
    """…抄送区数据局、区发改委，并在管理平台中报送.

    A classified project's report is not filed on the management platform: art. 13 sends classified projects
    through the secrecy rules instead (as art. 13 and 36 read it), so only the copies are checked. D13: judged on
    the day the report was submitted.
    """
    found = owed_any = False
    for year, index, report, owed in _years(ctx):
        found = True
        if not owed:
            continue
        owed_any = True
        submitted = _submitted(ctx, report)
        if report is None or submitted is None:
            yield ctx.not_applicable((say.not_submitted, year), subject=str(year))
            continue
        assert index is not None  # a report filed for the year
        if ctx.effective is not None and (
            skip := ctx.reaches(submitted, _SUBMITTED[index, year], subject=str(year))
        ):
            yield skip
            continue
        classified = ctx.project.classified
        yield ctx.condition(
            ctx.expect(_COPIED_DATA[index], report.copied_to_data_bureau),
            ctx.expect(_COPIED_DR[index], report.copied_to_development_reform),
            *(() if classified else (ctx.expect(_ON_PLATFORM[index], report.filed_on_platform),)),
            subject=str(year),
            note=say.NOT_ON_PLATFORM if classified else None,
        )
    if not found:
        yield _not_started(ctx)
    elif not owed_any:
        yield _none_owed(ctx)


# 第二十三条第二款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art23.report_content",
    provision="art23.p2",
    title_zh="绩效评价报告包括实施进度和资金执行情况；已投入试运行的系统还应说明试运行效果及存在问题",
    title_en="The report covers progress and funds; for a system in trial operation also the trial's results",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D24", "D36"),
)
def report_content(ctx: Context) -> Iterator[Outcome]:
    """项目绩效评价报告主要包括实施进度和资金执行情况。对于已投入试运行的系统，还应说明试运行效果及存在问题等.

    已投入试运行: the trial operation (``operation.trial_started``) started on or before the earlier of the
    report's submission and 31 December of its year (a report cannot describe a trial that had not begun when it
    was written). D13: judged on the day the report was submitted.
    """
    trial = ctx.known(ctx.project.operation.trial_started)
    found = owed_any = False
    for year, index, report, owed in _years(ctx):
        found = True
        if not owed:
            continue
        owed_any = True
        submitted = _submitted(ctx, report)
        if report is None or submitted is None:
            yield ctx.not_applicable((say.not_submitted, year), subject=str(year))
            continue
        assert index is not None  # a report filed for the year
        if ctx.effective is not None and (
            skip := ctx.reaches(submitted, _SUBMITTED[index, year], subject=str(year))
        ):
            yield skip
            continue
        checks = [ctx.expect(_PROGRESS[index], report.covers_progress_and_funds)]
        in_trial = trial is not None and trial <= min(submitted, date(year, 12, 31))
        if in_trial:
            checks.append(ctx.expect(_TRIAL[index], report.covers_trial_operation))
        yield ctx.condition(*checks, subject=str(year), note=(say.trial, trial) if in_trial else say.NO_TRIAL)
    if not found:
        yield _not_started(ctx)
    elif not owed_any:
        yield _none_owed(ctx)
