"""第二十七条 竣工验收 — acceptance within 6 months of completion, its filing, the 等保/密评 bar, the delay
explanation, and the final accounts within 3 months of passing (extendable, D7).

Readings taken (documented here, beside the rules that apply them):

* 组织竣工验收 is done on the date of the acceptance conclusion that it passed (``acceptance.passed``, D16), not on
  the date the unit applied: the unit organises the acceptance itself (自行组织), so applying is an internal step;
  para. 3 speaks of 按期验收 (being accepted on time) and para. 4 counts from 竣工验收合格. A failed acceptance does
  not discharge the duty.
* D27 (default ``with_acceptance``): "6个月内" heads the whole sentence of para. 1, so it governs both verbs: the
  filing (报送…备案) is due by the same day as the acceptance; option ``no_period``: it governs the acceptance only,
  and the filing follows the acceptance with no period of its own.
* The delay explanation of para. 3 is due by the acceptance due date: it asks for 延期, which presupposes a
  period still running.
* D26 (default ``paras_1_to_3``): para. 5 sends the acceptance of a classified project (涉密项目) to other rules:
  paras. 1–3 do not apply to it (a classified system is tested under 分级保护, not 等保). Para. 4 (final accounts, a
  fiscal duty to 区财政局) still does; option ``paras_1_to_4``: para. 4 does not either.
* D28 (default ``ignored``): a final-accounts extension approved after the 3-month due date does not count (a period
  that has run out cannot be extended); option ``counted``: it counts, within the cap of D7.
* The 等保 test and the 密评 (``acceptance.classified_protection``, ``acceptance.cryptography_assessment``) may be
  held (passed or failed), not held, or not required for the system (e.g. no 密评 for a 等保第二级 system, with the
  reason): a report that is not required is not asked of the filing, and para. 2 bars only a failed result.
* 整改后重新验收: ``acceptance.failed`` lists the failed acceptances before the one that passed.
* D13: the clocks run from completion and acceptance; the filing set is judged on the day it was filed, the bar of
  para. 2 on the day the acceptance was applied for (or concluded).
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Check, CheckRole, Context, Label, Outcome, Relation, Status, rule
from tinghu_policy.facts import Assessment, AssessmentResult
from tinghu_policy.interpretation import (
    AcceptanceFilingPeriod,
    ClassifiedAcceptance,
    CompletionTrigger,
    FinalAccountsCap,
    LateExtension,
)
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months

ACCEPTANCE_PERIOD = Months(6)
"""项目建成后6个月内 (para. 1)."""
FINAL_ACCOUNTS_PERIOD = 3
"""竣工验收合格后…3个月内 (para. 4), in months."""
FINAL_ACCOUNTS_MAX_MONTHS = {
    FinalAccountsCap.EXTENSION_AT_MOST_6_MONTHS: FINAL_ACCOUNTS_PERIOD + 6,
    FinalAccountsCap.TOTAL_AT_MOST_6_MONTHS: 6,
}
"""最长不得超过6个月 (D7): the longest time after passing acceptance, in months, under each reading."""

FILING_RECIPIENTS = (Party.DEVELOPMENT_REFORM, Party.DATA_BUREAU, Party.FINANCE_BUREAU)

_COMPLETED = Label("acceptance.completed", "项目建成", "completion")
_TRIAL = Label(
    "operation.trial_started",
    "投入试运行（视为建成，D16）",
    "trial operation (taken as completion, D16)",
)
_PASSED = Label("acceptance.passed", "竣工验收合格", "acceptance passed")
_FILED = Label("acceptance.filing.filed", "验收相关材料报送备案", "acceptance materials filed")
_FILING_CONTENTS = (
    ("summary", "项目建设总结", "project summary"),
    ("financial_audit", "财务审计报告", "financial audit report"),
    ("classified_protection_report", "网络安全等级保护测评报告", "等保 test report"),
    ("cryptography_assessment_report", "密码应用安全性评估报告", "密评 assessment report"),
    ("to_development_reform", "报送区发改委", "filed with the development and reform commission"),
    ("to_data_bureau", "报送区数据局", "filed with the data bureau"),
    ("to_finance", "报送区财政局", "filed with the finance bureau"),
)


def _classified(ctx: Context) -> Outcome | None:
    """涉密项目的竣工验收按有关规定执行 (para. 5): paras. 1–3 do not apply to a classified project (D26)."""
    if ctx.project.classified:
        return ctx.not_applicable(
            "涉密项目的竣工验收按有关规定执行（第二十七条第五款）",
            "a classified project's acceptance follows other rules (art. 27(5))",
        )
    return None


def completion(ctx: Context) -> tuple[date | None, Label]:
    """项目建成 (D16): the recorded completion; with ``trial_operation_start``, the trial start if known and earlier."""
    completed = ctx.known(ctx.project.acceptance.completed)
    if ctx.interpretation.completion_trigger is CompletionTrigger.TRIAL_OPERATION_START:
        trial = ctx.known(ctx.project.operation.trial_started)
        if trial is not None and (completed is None or trial < completed):
            return trial, _TRIAL
    return completed, _COMPLETED


def _append(outcome: Outcome, note_zh: str, note_en: str) -> None:
    """Add to a deadline's note, whose explanation ends a sentence."""
    outcome.note_zh = outcome.note_zh.removesuffix("。") + note_zh
    outcome.note_en = outcome.note_en.removesuffix(".") + note_en


def _acceptance_clock(ctx: Context) -> Outcome:
    start, start_label = completion(ctx)
    outcome = ctx.within(
        start, ACCEPTANCE_PERIOD, ctx.project.acceptance.passed, start_label=start_label, done_label=_PASSED
    )
    failures = [day for day in ctx.project.acceptance.failed if ctx.known(day) is not None]
    failed = failures[-1] if failures else None
    if failed is not None and outcome.status.is_open:
        _append(
            outcome,
            f"；{failed} 竣工验收不合格，须整改后重新验收",
            f"; acceptance failed on {failed}: it must be passed after remediation",
        )
    return outcome


# 第二十七条第一款 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art27.acceptance",
    provision="art27.p1",
    title_zh="项目建成后6个月内自行组织竣工验收",
    title_en="Completion acceptance within 6 months of completion",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D1", "D3", "D4", "D12", "D13", "D16"),
)
def acceptance(ctx: Context) -> Outcome:
    """项目建成后6个月内，项目单位应按国家有关规定自行组织竣工验收.

    Met by the date of the acceptance conclusion that it passed (``acceptance.passed``); D16: 建成 is the recorded
    completion, or with ``completion_trigger: trial_operation_start`` the trial start when recorded and earlier.
    """
    if (skip := _classified(ctx)) is not None:
        return skip
    return _acceptance_clock(ctx)


@rule(
    "art27.acceptance_filing",
    provision="art27.p1",
    title_zh="项目建成后6个月内将验收相关材料报送备案",
    title_en="Acceptance materials filed within 6 months of completion",
    owed_by=Party.PROJECT_UNIT,
    to=FILING_RECIPIENTS,
    decisions=("D1", "D3", "D4", "D12", "D13", "D16", "D27"),
)
def acceptance_filing(ctx: Context) -> Outcome:
    """项目建成后6个月内…并将验收相关材料…报送区发改委、区数据局、区财政局备案.

    D27 (default ``with_acceptance``): "6个月内" heads the sentence and governs both verbs: the filing is due with
    the acceptance. Option ``no_period``: the filing has no period of its own — HOLDS once filed, PENDING with no due
    date after acceptance passed, NOT_APPLICABLE before (the materials are the acceptance's).
    """
    if (skip := _classified(ctx)) is not None:
        return skip
    if ctx.interpretation.acceptance_filing_period is AcceptanceFilingPeriod.NO_PERIOD:
        return _filing_without_period(ctx)
    start, start_label = completion(ctx)
    return ctx.within(
        start,
        ACCEPTANCE_PERIOD,
        ctx.project.acceptance.filing.filed,
        start_label=start_label,
        done_label=_FILED,
    )


def _filing_without_period(ctx: Context) -> Outcome:
    """D27 ``no_period``: the filing follows the acceptance with no due date of its own."""
    filed, passed = ctx.known(ctx.project.acceptance.filing.filed), ctx.known(ctx.project.acceptance.passed)
    if filed is not None:
        return Outcome(
            Status.HOLDS,
            note_zh=f"已于 {filed} 报送备案；备案无独立期限（D27）",
            note_en=f"filed on {filed}; the filing has no period of its own (D27)",
        )
    if passed is None:
        return ctx.not_applicable(
            "尚未通过竣工验收，验收相关材料尚待形成（D27 备案无独立期限）",
            "acceptance not yet passed: no acceptance materials to file yet (D27: no period of its own)",
        )
    return Outcome(
        Status.PENDING,
        note_zh=f"{passed} 竣工验收合格，尚未报送备案；备案无独立期限（D27），无到期日、不认定逾期",
        note_en=f"acceptance passed on {passed}, not yet filed; the filing has no period of its own (D27): no due "
        "date, never overdue",
    )


@rule(
    "art27.acceptance_filing_set",
    provision="art27.p1",
    title_zh="验收相关材料齐全并报送区发改委、区数据局、区财政局",
    title_en="The acceptance filing holds the four reports and goes to the three departments",
    owed_by=Party.PROJECT_UNIT,
    to=FILING_RECIPIENTS,
)
def acceptance_filing_set(ctx: Context) -> Outcome:
    """验收相关材料（项目建设总结、财务审计报告、网络安全等级保护测评报告、密码应用安全性评估报告等）报送区发改委、
    区数据局、区财政局备案. "等" leaves room for more documents; these four are required."""
    if (skip := _classified(ctx)) is not None:
        return skip
    a = ctx.project.acceptance
    filing = a.filing
    filed = ctx.known(filing.filed)
    if filed is None:
        return ctx.not_applicable("验收相关材料尚未报送备案", "the acceptance materials have not been filed")
    if (skip := ctx.reaches(filed, _FILED)) is not None:
        return skip
    exempt = {
        field: assessment
        for field, assessment in (
            ("classified_protection_report", a.classified_protection),
            ("cryptography_assessment_report", a.cryptography_assessment),
        )
        if assessment is not None and not assessment.required
    }
    notes = [
        (f"{zh}：无需进行（{e.reason}）", f"{en}: not required ({e.reason})")
        for field, zh, en in _FILING_CONTENTS
        if (e := exempt.get(field))
    ]
    return ctx.condition(
        *(
            ctx.expect(Label(f"acceptance.filing.{field}", zh, en), getattr(filing, field))
            for field, zh, en in _FILING_CONTENTS
            if field not in exempt
        ),
        note_zh="；".join(zh for zh, _ in notes),
        note_en="; ".join(en for _, en in notes),
    )


# 第二十七条第二款 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art27.security_results_bar",
    provision="art27.p2",
    title_zh="等保测评、密评结果不合格的，不得申请竣工验收",
    title_en="No application for acceptance with a failed 等保 test or 密评 assessment",
    owed_by=Party.PROJECT_UNIT,
)
def security_results_bar(ctx: Context) -> Outcome:
    """网络安全等级保护测评报告、密码应用安全性评估结果不合格的，不得申请项目竣工验收.

    Applies once the unit applied (``acceptance.applied``); without an application date, an acceptance concluded
    (passed or failed) shows it was applied for. A result not given is not a failed one: undetermined. Only a
    failed result bars the application: a test not held is shown as context (the missing report is para. 1's
    concern), one not required for the system is left out with its reason.
    """
    if (skip := _classified(ctx)) is not None:
        return skip
    a = ctx.project.acceptance
    notes: list[tuple[str, str]] = []
    applied = ctx.known(a.applied)
    label = Label("acceptance.applied", "申请竣工验收", "application for acceptance")
    if applied is None:
        concluded = [d for d in (*a.failed, a.passed) if d is not None and ctx.known(d) is not None]
        if not concluded:
            return ctx.not_applicable("尚未申请竣工验收", "acceptance has not been applied for")
        applied = min(concluded)
        label = Label(
            "acceptance.failed[0]" if a.failed and applied == a.failed[0] else "acceptance.passed",
            "竣工验收结论",
            "acceptance concluded",
        )
        notes.append(
            (
                f"未记录申请日期，以{applied}的验收结论视为已申请竣工验收",
                f"no application date given: the acceptance concluded on {applied} shows it was applied for",
            )
        )
    if (skip := ctx.reaches(applied, label)) is not None:
        return skip
    checks = []
    for field, zh, en, assessment in (
        ("classified_protection", "网络安全等级保护测评", "the 等保 test", a.classified_protection),
        ("cryptography_assessment", "密码应用安全性评估", "the 密评 assessment", a.cryptography_assessment),
    ):
        check, note = _result_check(ctx, f"acceptance.{field}", zh, en, assessment)
        if check is not None:
            checks.append(check)
        if note is not None:
            notes.append(note)
    return ctx.condition(
        *checks,
        note_zh="；".join(zh for zh, _ in notes),
        note_en="; ".join(en for _, en in notes),
    )


def _result_check(
    ctx: Context, path: str, zh: str, en: str, assessment: Assessment | None
) -> tuple[Check | None, tuple[str, str] | None]:
    """The check of one result (``zh``/``en`` name the test) against para. 2's bar, and a note where the test was
    not held or not required."""
    passed = Label(f"{path}.result", f"{zh}结果合格", f"{en} passed")
    if assessment is None:
        return ctx.expect(passed, None), None
    if assessment.result is AssessmentResult.NOT_REQUIRED:
        return None, (f"{zh}：无需进行（{assessment.reason}）", f"{en}: not required ({assessment.reason})")
    if assessment.result is AssessmentResult.NOT_HELD:
        held = Label(f"{path}.result", f"{zh}结果", f"{en} result")
        return (
            ctx.check(held, Relation.EQUALS, "passed", "not_held", role=CheckRole.CONTEXT),
            (
                f"{zh}未进行，不属于“结果不合格”；测评报告的欠缺见第一款备案材料",
                f"{en} was not held: not a failed result; the missing report is para. 1's concern",
            ),
        )
    return ctx.expect(passed, assessment.passed), None


# 第二十七条第三款 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art27.delay_explanation",
    provision="art27.p3",
    title_zh="不能按期验收的，向区数据局提出延期验收说明",
    title_en="A delay explanation to the data bureau when acceptance cannot be on time",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D3", "D4", "D12", "D13", "D16"),
)
def delay_explanation(ctx: Context) -> Outcome:
    """项目单位不能按期验收的，应向区数据局提出延期验收说明.

    Due by the acceptance due date of para. 1 (an explanation asking for 延期 presupposes a period still running).
    Not applicable once acceptance passed on time; pending while acceptance is still open and not yet due.
    """
    if (skip := _classified(ctx)) is not None:
        return skip
    clock = _acceptance_clock(ctx)
    if clock.due is None:
        return clock
    if clock.status is Status.MET:
        return ctx.not_applicable(
            f"已于期限 {clock.due} 前通过竣工验收，无需延期说明",
            f"acceptance passed by its due date {clock.due}: no explanation needed",
        )
    return ctx.due_by(
        clock.due,
        ctx.project.acceptance.delay_explanation,
        Label("acceptance.delay_explanation", "延期验收说明", "delay explanation"),
        provisional=clock.provisional,
        note_zh=f"竣工验收{clock.status.label_zh}，延期验收说明应不晚于验收期限；验收期限：{clock.note_zh.removesuffix('。')}",
        note_en=f"acceptance is {clock.status.value}; the explanation is due by the acceptance due date; "
        f"acceptance: {clock.note_en.removesuffix('.')}",
    )


# 第二十七条第四款 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art27.final_accounts",
    provision="art27.p4",
    title_zh="竣工验收合格后3个月内编报竣工财务决算，经批准最长延长6个月",
    title_en="Final accounts within 3 months of passing acceptance, extendable with approval (D7)",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.FINANCE_BUREAU,),
    decisions=("D1", "D3", "D4", "D7", "D12", "D13", "D16", "D26", "D28"),
)
def final_accounts(ctx: Context) -> Outcome:
    """竣工验收合格后，项目单位应在3个月内向区财政局编报竣工财务决算，特殊情况确需延长的，需报区财政局批准，
    最长不得超过6个月.

    An extension approved by 区财政局 on or before the 3-month due date lengthens the period to 3 + n months from
    passing (one period, counted again from the start). D7: the extension is at most 6 months, so at most 9 months
    in all (default); option ``total_at_most_6_months``: at most 6 months in all. An approval beyond the cap counts
    up to the cap. D28 (default ``ignored``): an approval after the 3-month due date does not count (the period had
    already run out); option ``counted``: it counts like one given in time.
    D26 (default ``paras_1_to_3``): this paragraph applies to a classified project too; option ``paras_1_to_4``: it
    does not.
    """
    if (
        ctx.project.classified
        and ctx.interpretation.classified_acceptance is ClassifiedAcceptance.PARAS_1_TO_4
    ):
        return ctx.not_applicable(
            "涉密项目的竣工验收按有关规定执行，竣工财务决算亦然（第二十七条第五款，D26）",
            "a classified project's acceptance, final accounts included, follows other rules (art. 27(5), D26)",
        )
    a = ctx.project.acceptance
    passed = ctx.known(a.passed)
    months, note_zh, note_en = FINAL_ACCOUNTS_PERIOD, "", ""
    extension = a.final_accounts_extension
    if passed is not None and extension is not None and ctx.known(extension.approved) is not None:
        original = ctx.deadline(passed, Months(FINAL_ACCOUNTS_PERIOD)).due
        cap = FINAL_ACCOUNTS_MAX_MONTHS[ctx.interpretation.final_accounts_cap]
        late = extension.approved > original
        if late and ctx.interpretation.late_extension is LateExtension.IGNORED:
            note_zh = f"；区财政局 {extension.approved} 批准延长，晚于原期限 {original}，不计入（D28）"
            note_en = f"; the extension approved on {extension.approved} came after the due date {original}: ignored (D28)"
        else:
            months = min(FINAL_ACCOUNTS_PERIOD + extension.months, cap)
            note_zh = (
                f"；区财政局 {extension.approved} 批准延长{extension.months}个月"
                + (f"（晚于原期限 {original}，仍计入，D28）" if late else "")
                + f"，连同3个月最长{cap}个月（D7），按{months}个月计"
            )
            note_en = (
                f"; the finance bureau approved {extension.months} more month(s) on {extension.approved}"
                + (f" (after the due date {original}, counted: D28)" if late else "")
                + f"; with the 3 months at most {cap} months in all (D7): {months} months"
            )
    outcome = ctx.within(
        passed,
        Months(months),
        a.final_accounts_submitted,
        start_label=_PASSED,
        done_label=Label(
            "acceptance.final_accounts_submitted", "编报竣工财务决算", "final accounts submitted"
        ),
    )
    if outcome.status is not Status.NOT_APPLICABLE:
        _append(outcome, note_zh, note_en)
    return outcome
