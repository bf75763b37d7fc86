"""第二十七条 竣工验收 — acceptance within 6 months of completion, its filing, the 等保/密评 bar, the delay
explanation, and the final accounts within 3 months of passing (extendable, D7).

Readings taken (documented here, beside the rules that apply them):

* 组织竣工验收 is done on the date of the acceptance conclusion that it passed (``acceptance.passed``, D16), not on
  the date the unit applied: the unit organises the acceptance itself (自行组织), so applying is an internal step;
  para. 3 speaks of 按期验收 (being accepted on time) and para. 4 counts from 竣工验收合格. A failed acceptance does
  not discharge the duty; ``acceptance.failed`` lists the failed ones before the one that passed (整改后重新验收).
* **An acceptance that must not pass does not discharge para. 1.** Para. 1 asks for an acceptance organised
  按国家有关规定; para. 2 forbids applying with a failed 等保 test or 密评 (不得申请项目竣工验收) and art. 28 para. 2
  forbids passing without a passed archive acceptance (不得通过项目竣工验收). A recorded pass the facts show to be
  so barred — a failed result on an application the regulation reaches; an archive acceptance failed, not held, or
  dated after the pass — is shown for what it is and the duty stays open: PENDING until the 6 months end, OVERDUE
  after, with the reasons in the note (the unit must remedy and be accepted again). A bar whose fact is not known
  (a result not stated) does not undo a recorded pass: the bar rules themselves say UNDETERMINED. A same-day
  archive acceptance is left to art. 28's own finding (D17 decides it there).
  **What the later clocks run from.** Para. 4 (竣工验收合格后…3个月内编报竣工财务决算) and art. 30 (通过验收并投入运行后
  12个月内) still run from the recorded pass, with a note saying it was barred. Those duties attach to the fact of
  passing: the system is handed over and in use, the money is spent and must be accounted for, and the fiscal and
  evaluation controls are needed all the more when the acceptance was irregular; running them from a lawful
  acceptance that may never come would let a unit escape the final accounts by its own breach. The other reading —
  a pass the law forbids has no effect, so nothing runs from it until a lawful re-acceptance — is stated here and
  not taken; the breach is reported where it lies (art27.acceptance, art27.security_results_bar,
  art28.archive_acceptance).
* D27 (default ``with_acceptance``): "6个月内" heads the whole sentence of para. 1, so it governs both verbs: the
  filing (报送…备案) is due by the same day as the acceptance; option ``no_period``: it governs the acceptance only,
  and the filing follows the acceptance with no period of its own.
* **The delay explanation of para. 3 is owed only by a unit that cannot accept on time** (不能按期验收的). While
  the 6 months run and acceptance can still be had on time, the condition has not arisen: NOT_APPLICABLE (the
  note gives the day by which an explanation would be due), so a project inside its window does not list it among
  its open obligations. An explanation given before the due date shows the unit itself expects to be late: MET.
  Once the due date has passed without a (lawful) acceptance the condition is established and the explanation was
  due by the acceptance due date — 延期 presupposes a period still running — so it is MET, LATE or OVERDUE by that
  day. The other readings (owed by every project from completion; or owed only some time before the due date)
  give a duty to every unit whatever happens, or a figure the text does not have.
* D26 (default ``paras_1_to_3``): para. 5 sends the acceptance of a classified project (涉密项目) to other rules;
  the paragraphs it takes out of art. 27 are the table :data:`CLASSIFIED_ACCEPTANCE` (art27.p5), which every rule
  here consults: paras. 1–3 do not apply to a classified project (a classified system is tested under 分级保护,
  not 等保), para. 4 (final accounts, a fiscal duty to 区财政局) still does; option ``paras_1_to_4``: para. 4 does not
  either. The finding shows the fact ``classified`` and cites para. 5.
* D28 (default ``requested_in_time``): an extension of the final accounts counts when 区财政局 approved it by the
  3-month due date, or when the unit asked for it (报区财政局, ``final_accounts_extension.requested``) by that day,
  however late the bureau approved — the unit's act is the request. Asked later, or with no request date, an
  approval after the due date does not count. Options ``ignored`` (a period that has run out cannot be extended:
  only the approval date matters) and ``counted`` (any approval counts). An in-time request the bureau has not yet
  answered on ``as_of`` extends nothing yet; the note says so.
* D37 (default ``from_acceptance``): an extension of n months is one period of 3 + n months from passing
  (2025-11-30 + 5 months → 2026-04-30); option ``after_original_period``: n months more from the last day of the
  original 3 months (2026-02-28 + 2 months → 2026-04-28). 财建〔2016〕503号, which para. 4 follows, speaks of
  延长 the 编报期限: the default reads the extended period as the original one made longer, counted once from the
  same start, so that no month-end clamp of the first period shortens the second. D7 caps the extension either way.
* The 等保 test and the 密评 (``acceptance.classified_protection``, ``acceptance.cryptography_assessment``) may be
  held (passed or failed), not held, or not required for the system (e.g. no 密评 for a 等保第二级 system, with the
  reason): a report that is not required is not asked of the filing, one not held is still asked (the filing
  fails without it), and para. 2 bars only a failed result. A test not held or not required does not bar the
  acceptance either, so it does not undo a recorded pass.
* D13: the clocks run from completion and acceptance; the filing set is judged on the day it was filed, the bar of
  para. 2 on the day the acceptance was applied for (or concluded).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Label,
    Note,
    Outcome,
    Relation,
    Status,
    Text,
    rule,
    table,
)
from tinghu_policy.errors import CalendarCoverageError
from tinghu_policy.facts import Assessment, AssessmentResult
from tinghu_policy.interpretation import (
    AcceptanceFilingPeriod,
    ClassifiedAcceptance,
    CompletionTrigger,
    ExtensionCounting,
    FinalAccountsCap,
    LateExtension,
)
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months
from tinghu_policy.rules.wording import art27_acceptance as say

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

# 第二十七条第五款 ———————————————————————————————————————————————————————————————————————————————————————————————
CLASSIFIED_ACCEPTANCE_TABLE = table(
    "art27.classified_acceptance",
    provision="art27.p5",
    title_zh="涉密项目的竣工验收按有关规定执行：不适用第二十七条的款项（D26）",
    title_en="A classified project's acceptance follows other rules: the paragraphs of art. 27 it leaves (D26)",
    module=__name__,
)
CLASSIFIED_ACCEPTANCE: Mapping[ClassifiedAcceptance, frozenset[str]] = MappingProxyType(
    {
        ClassifiedAcceptance.PARAS_1_TO_3: frozenset({"art27.p1", "art27.p2", "art27.p3"}),
        ClassifiedAcceptance.PARAS_1_TO_4: frozenset({"art27.p1", "art27.p2", "art27.p3", "art27.p4"}),
    }
)
"""涉密项目的竣工验收按有关规定执行 (para. 5): under each reading of D26, the paragraphs of art. 27 a classified project
leaves (read-only)."""

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
_SECURITY_TESTS = tuple(say.SECURITY_TESTS)
_TEST_PASSED = {
    field: Label(f"acceptance.{field}.result", *say.test_passed(field)) for field in _SECURITY_TESTS
}
_TEST_RESULT = {
    field: Label(f"acceptance.{field}.result", *say.test_result(field)) for field in _SECURITY_TESTS
}
_TEST_FAILED = {field: say.test_failed(field) for field in _SECURITY_TESTS}
_FILING_LABELS = {field: Label(f"acceptance.filing.{field}", zh, en) for field, zh, en in _FILING_CONTENTS}
_CLASSIFIED = Label("classified", "涉密项目", "classified project")
_APPLIED = Label("acceptance.applied", "申请竣工验收", "application for acceptance")
_CONCLUDED = {
    fact: Label(fact, "竣工验收结论", "acceptance concluded")
    for fact in ("acceptance.failed[0]", "acceptance.passed")
}
_ARCHIVE_FAILED = Label("acceptance.archive_acceptance.result", "档案验收合格", "archive acceptance passed")
_ARCHIVE_NOT_HELD = Label("acceptance.archive_acceptance.result", "经档案验收", "archive acceptance held")
_ARCHIVE_DAY = Label("acceptance.archive_acceptance.day", "档案验收日期", "archive acceptance date")
_RECORDED = Label("acceptance.passed", "记录的竣工验收合格（依法不得通过）", "recorded pass (barred)")


def _classified(ctx: Context, provision: str) -> Outcome | None:
    """涉密项目的竣工验收按有关规定执行 (para. 5): NOT_APPLICABLE when a classified project leaves ``provision``
    under D26 (:data:`CLASSIFIED_ACCEPTANCE`), showing the fact and citing para. 5."""
    if not ctx.project.classified:
        return None
    reading = ctx.interpretation.classified_acceptance
    if provision not in CLASSIFIED_ACCEPTANCE[reading]:
        return None
    outcome = ctx.not_applicable(say.CLASSIFIED_ACCOUNTS if provision == "art27.p4" else say.CLASSIFIED)
    outcome.checks = (ctx.expect(_CLASSIFIED, True, provision="art27.p5", role=CheckRole.CONTEXT),)
    return outcome


def completion(ctx: Context) -> tuple[date | None, Label]:
    """项目建成 (D16): the recorded completion; with ``trial_operation_start``, the trial start if known and earlier."""
    completed = ctx.known(ctx.project.acceptance.completed)
    if ctx.interpretation.completion_trigger is CompletionTrigger.TRIAL_OPERATION_START:
        trial = ctx.known(ctx.project.operation.trial_started)
        if trial is not None and (completed is None or trial < completed):
            return trial, _TRIAL
    return completed, _COMPLETED


def _append(outcome: Outcome, *more: Note | None) -> None:
    """Add to a deadline's note, whose explanation ends a sentence."""
    outcome.note = (say.appended, outcome.note, *more)


def _application(ctx: Context) -> tuple[date, Label, bool] | None:
    """申请竣工验收: the application day known on ``as_of`` and its label; without one, the first acceptance
    concluded (passed or failed) shows it was applied for (the flag says it is so inferred)."""
    a = ctx.project.acceptance
    applied = ctx.known(a.applied)
    if applied is not None:
        return applied, _APPLIED, False
    concluded = [d for d in (*a.failed, a.passed) if d is not None and ctx.known(d) is not None]
    if not concluded:
        return None
    first = min(concluded)
    label = _CONCLUDED["acceptance.failed[0]" if a.failed and first == a.failed[0] else "acceptance.passed"]
    return first, label, True


class BarredPass(NamedTuple):
    """A recorded pass that art. 27(2) or art. 28(2) forbade: the day, the facts that bar it, and why."""

    passed: date
    checks: tuple[Comparison, ...]
    reasons: tuple[Note, ...]


def barred_pass(ctx: Context) -> BarredPass | None:
    """The recorded pass (``acceptance.passed``, known on ``as_of``) when the facts show it must not have happened.

    Art. 27(2) (not for a classified project, D26): a failed 等保 or 密评 result, on an application the regulation
    reaches (D13). Art. 28(2): an archive acceptance failed, not held, or dated after the pass (a same-day one is
    art. 28's own finding, D17), on a pass the regulation reaches. A result not stated bars nothing here. (Found
    once per evaluation: three rules of art. 27 and art. 30 ask.)
    """
    memo = ctx.memo
    if barred_pass in memo:
        known: BarredPass | None = memo[barred_pass]
        return known
    made = memo[barred_pass] = _barred_pass(ctx)
    return made


def _barred_pass(ctx: Context) -> BarredPass | None:
    a = ctx.project.acceptance
    passed = ctx.known(a.passed)
    if passed is None:
        return None
    checks: list[Comparison] = []
    reasons: list[Note] = []
    application = _application(ctx)
    if (
        _classified(ctx, "art27.p2") is None
        and application is not None
        and ctx.reaches(application[0], application[1]) is None
    ):
        for field in _SECURITY_TESTS:
            assessment: Assessment | None = getattr(a, field)
            if assessment is not None and assessment.result is AssessmentResult.FAILED:
                checks.append(ctx.expect(_TEST_PASSED[field], False, role=CheckRole.CONTEXT))
                reasons.append(_TEST_FAILED[field])
    archive = a.archive_acceptance
    if archive is not None and ctx.reaches(passed, _PASSED) is None:
        if archive.result in (AssessmentResult.FAILED, AssessmentResult.NOT_HELD):
            failed = archive.result is AssessmentResult.FAILED
            checks.append(
                ctx.expect(_ARCHIVE_FAILED if failed else _ARCHIVE_NOT_HELD, False, role=CheckRole.CONTEXT)
            )
            reasons.append(say.ARCHIVE_FAILED if failed else say.ARCHIVE_NOT_HELD)
        elif archive.day is not None and archive.day > passed:
            checks.append(
                ctx.check(_ARCHIVE_DAY, Relation.ON_OR_BEFORE, passed, archive.day, role=CheckRole.CONTEXT)
            )
            reasons.append((say.archive_late, archive.day))
    if not reasons:
        return None
    return BarredPass(passed, tuple(checks), tuple(reasons))


def barred_note(ctx: Context, then: Text) -> Note | None:
    """The note a later clock (para. 4, art. 30) adds when the pass it runs from was barred: ``then`` says how the
    clock still takes the recorded pass."""
    barred = barred_pass(ctx)
    if barred is None:
        return None
    return (say.barred, barred.passed, barred.reasons, then)


def _acceptance_clock(ctx: Context) -> Outcome:
    """Para. 1's clock: the 6 months from completion, met by a pass that the facts do not show to be barred."""
    start, start_label = completion(ctx)
    a = ctx.project.acceptance
    outcome = ctx.within(start, ACCEPTANCE_PERIOD, a.passed, start_label=start_label, done_label=_PASSED)
    barred = barred_pass(ctx)
    if barred is not None and outcome.status in (Status.MET, Status.LATE) and outcome.due is not None:
        outcome.status = Status.OVERDUE if ctx.as_of > outcome.due else Status.PENDING
        outcome.checks = (
            *(c for c in outcome.checks if c.role is CheckRole.START),
            ctx.check(_RECORDED, Relation.ON_OR_BEFORE, outcome.due, barred.passed, role=CheckRole.CONTEXT),
            *barred.checks,
        )
        _append(outcome, (say.barred_pass, barred.passed, barred.reasons))
    failures = [day for day in a.failed if ctx.known(day) is not None]
    failed = failures[-1] if failures else None
    if failed is not None and outcome.status.is_open:
        _append(outcome, (say.failed_again, failed))
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
    A pass that art. 27(2) or art. 28(2) forbade (:func:`barred_pass`) does not discharge the duty: PENDING while
    the 6 months run, OVERDUE after, the pass and the barring facts shown.
    """
    if (skip := _classified(ctx, "art27.p1")) is not None:
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
    if (skip := _classified(ctx, "art27.p1")) is not None:
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
        return Outcome(Status.HOLDS, note=(say.filed_without_period, filed))
    if passed is None:
        return ctx.not_applicable(say.NOT_PASSED_YET)
    return Outcome(Status.PENDING, note=(say.passed_not_filed, passed))


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
    区数据局、区财政局备案. "等" leaves room for more documents; these four are required.

    A report whose test is not required for the system (``not_required``, with the reason) is not asked; one whose
    test was not held is still asked (the filing fails without it: para. 2 does not bar, but para. 1 wants it).
    """
    if (skip := _classified(ctx, "art27.p1")) is not None:
        return skip
    a = ctx.project.acceptance
    filing = a.filing
    filed = ctx.known(filing.filed)
    if filed is None:
        return ctx.not_applicable(say.NOT_FILED)
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
    if not exempt:
        return ctx.condition(
            *[ctx.expect(label, getattr(filing, field)) for field, label in _FILING_LABELS.items()]
        )
    notes = tuple(
        (say.not_required, (zh, en), e.reason)
        for field, zh, en in _FILING_CONTENTS
        if (e := exempt.get(field))
    )
    return ctx.condition(
        *[
            ctx.expect(label, getattr(filing, field))
            for field, label in _FILING_LABELS.items()
            if field not in exempt
        ],
        note=(say.reasons, notes),
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
    if (skip := _classified(ctx, "art27.p2")) is not None:
        return skip
    a = ctx.project.acceptance
    notes: list[Note] = []
    application = _application(ctx)
    if application is None:
        return ctx.not_applicable(say.NOT_APPLIED)
    applied, label, inferred = application
    if inferred:
        notes.append((say.inferred_application, applied))
    if (skip := ctx.reaches(applied, label)) is not None:
        return skip
    checks = []
    for field in _SECURITY_TESTS:
        check, note = _result_check(ctx, field, getattr(a, field))
        if check is not None:
            checks.append(check)
        if note is not None:
            notes.append(note)
    return ctx.condition(*checks, note=(say.reasons, tuple(notes)) if notes else None)


def _result_check(
    ctx: Context, field: str, assessment: Assessment | None
) -> tuple[Comparison | None, Note | None]:
    """The check of one result (of the test ``field``) against para. 2's bar, and a note where the test was not
    held or not required."""
    if assessment is None:
        return ctx.expect(_TEST_PASSED[field], None), None
    if assessment.result is AssessmentResult.NOT_REQUIRED:
        return None, (say.test_not_required, field, assessment.reason)
    if assessment.result is AssessmentResult.NOT_HELD:
        return (
            ctx.check(_TEST_RESULT[field], Relation.EQUALS, "passed", "not_held", role=CheckRole.CONTEXT),
            (say.test_not_held, field),
        )
    return ctx.expect(_TEST_PASSED[field], assessment.passed), None


# 第二十七条第三款 ———————————————————————————————————————————————————————————————————————————————————————————————
_EXPLANATION = Label("acceptance.delay_explanation", "延期验收说明", "delay explanation")


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

    Owed only once the unit cannot accept on time: NOT_APPLICABLE once acceptance passed by its due date, and while
    the 6 months still run with no explanation given (acceptance can still be had on time; the note gives the day
    an explanation would be due by). Once the due date has passed without a lawful acceptance, or once the unit
    has explained, it is due by the acceptance due date of para. 1 (an explanation asking for 延期 presupposes a
    period still running): MET, LATE or OVERDUE.
    """
    if (skip := _classified(ctx, "art27.p3")) is not None:
        return skip
    clock = _acceptance_clock(ctx)
    if clock.status in (Status.NOT_APPLICABLE, Status.UNDETERMINED):
        return clock
    if clock.status is Status.MET:
        return ctx.not_applicable((say.accepted_in_time, clock.due))
    explained = ctx.known(ctx.project.acceptance.delay_explanation)
    if clock.status is Status.PENDING and explained is None:
        return ctx.not_applicable((say.explanation_not_owed, clock.due))
    # no due date: beyond the calendar data (D12), so PENDING (a clock there is MET, PENDING or UNDETERMINED)
    if clock.due is None:
        assert explained is not None  # (PENDING without an explanation returned above)
        return _explained_before_bound(ctx, clock, explained)
    return ctx.due_by(
        clock.due,
        explained,
        _EXPLANATION,
        provisional=clock.provisional,
        note=(say.explanation_due, clock.status, clock.note),
    )


def _explained_before_bound(ctx: Context, clock: Outcome, explained: date) -> Outcome:
    """The acceptance due date is beyond the calendar data (D12) and acceptance still pending, so ``as_of`` is not
    past the day the due date cannot precede (the clock's last check): an explanation given by ``as_of`` is MET
    whatever the missing year's holidays (no exact due date)."""
    bound = clock.checks[-1].required
    assert isinstance(bound, date)
    assert explained <= bound  # a pending clock: explained <= as_of <= bound
    outcome = ctx.due_by(
        bound, explained, _EXPLANATION, started=clock.checks[0], note=(say.explained_before_bound, bound)
    )
    outcome.due = None
    return outcome


# 第二十七条第四款 ———————————————————————————————————————————————————————————————————————————————————————————————
_SUBMITTED = Label("acceptance.final_accounts_submitted", "编报竣工财务决算", "final accounts submitted")


def _beyond_calendar(
    ctx: Context, passed: date, gap: CalendarCoverageError
) -> tuple[_Extension | None, Outcome | None]:
    """The 3-month due date is beyond the calendar data (D12). It is no earlier than the corresponding day (the
    limit, never rolled over), so an extension approved — or, D28 default, requested — by then came in time, and under
    D28 ``counted`` timeliness does not matter: the extension then counts, as 3 + n months from the pass (D37
    default), and the plain clock says what is known. Accounts submitted by that day are in time whatever the
    extension (it only lengthens the period): the 3 months alone give MET. Otherwise (and under D37
    ``after_original_period``, whose start is the unknown due date) the answer is UNDETERMINED, naming the missing
    year."""
    extension = ctx.project.acceptance.final_accounts_extension
    assert extension is not None  # only called for an extension
    approved, requested = ctx.known(extension.approved), ctx.known(extension.requested)
    bound = ctx.limit(passed, Months(FINAL_ACCOUNTS_PERIOD)).deadline.due
    # nothing extended yet: a request by the bound was in time, and the note says so (D28)
    if approved is None:
        return _extension(ctx, bound), None
    reading = ctx.interpretation.late_extension
    in_time = approved <= bound or (
        reading is LateExtension.REQUESTED_IN_TIME and requested is not None and requested <= bound
    )
    from_acceptance = ctx.interpretation.extension_counting is ExtensionCounting.FROM_ACCEPTANCE
    if from_acceptance and (in_time or reading is LateExtension.COUNTED):
        return _extension(ctx, bound), None
    submitted = ctx.known(ctx.project.acceptance.final_accounts_submitted)
    if submitted is not None and submitted <= bound:  # in time under every reading: the 3 months alone decide
        return None, None
    return None, Outcome(
        Status.UNDETERMINED,
        checks=(ctx.clock_start(_PASSED, passed),),
        missing=(f"calendar:{gap.year}",),
        note=(say.accounts_beyond_calendar, gap.year, gap.message_zh, str(gap)),
    )


class _Extension(NamedTuple):
    """How far an extension lengthens para. 4's period: the months it adds (0: none) and the note."""

    months: int
    note: Note | None


def _extension(ctx: Context, original: date) -> _Extension:
    """The months an extension adds to the 3 (capped by D7), and why: D28 decides whether an approval after the
    3-month due date ``original`` counts."""
    extension = ctx.project.acceptance.final_accounts_extension
    assert extension is not None  # only called for an extension
    approved, requested = ctx.known(extension.approved), ctx.known(extension.requested)
    reading = ctx.interpretation.late_extension
    asked_in_time = requested is not None and requested <= original
    if approved is None:
        if asked_in_time and reading is LateExtension.REQUESTED_IN_TIME:
            return _Extension(0, (say.requested_not_approved, requested))
        return _Extension(0, None)
    late = approved > original
    if late and (
        reading is LateExtension.IGNORED or (reading is LateExtension.REQUESTED_IN_TIME and not asked_in_time)
    ):
        ignored = reading is LateExtension.IGNORED
        return _Extension(0, (say.late_extension_ignored, approved, original, requested, ignored))
    cap = FINAL_ACCOUNTS_MAX_MONTHS[ctx.interpretation.final_accounts_cap]
    months = min(extension.months, cap - FINAL_ACCOUNTS_PERIOD)
    counted = reading is LateExtension.COUNTED
    return _Extension(
        months,
        (
            say.extension_counted,
            approved,
            extension.months,
            late,
            counted,
            original,
            requested,
            cap,
            FINAL_ACCOUNTS_PERIOD + months,
        ),
    )


@rule(
    "art27.final_accounts",
    provision="art27.p4",
    title_zh="竣工验收合格后3个月内编报竣工财务决算，经批准最长延长6个月",
    title_en="Final accounts within 3 months of passing acceptance, extendable with approval (D7)",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.FINANCE_BUREAU,),
    decisions=("D1", "D3", "D4", "D7", "D12", "D13", "D16", "D26", "D28", "D37"),
)
def final_accounts(ctx: Context) -> Outcome:
    """竣工验收合格后，项目单位应在3个月内向区财政局编报竣工财务决算，特殊情况确需延长的，需报区财政局批准，
    最长不得超过6个月.

    An extension counts when 区财政局 approved it by the 3-month due date or, D28 (default ``requested_in_time``),
    when the unit asked for it by then (options ``ignored``, ``counted``). D7: the extension is at most 6 months, so
    at most 9 months in all (default); option ``total_at_most_6_months``: at most 6 months in all; an approval
    beyond the cap counts up to the cap. D37 (default ``from_acceptance``): the period is 3 + n months from passing;
    option ``after_original_period``: n months from the last day of the original 3 months.
    D26 (default ``paras_1_to_3``): this paragraph applies to a classified project too; option ``paras_1_to_4``: it
    does not. The clock runs from the recorded pass even when it was barred (module docstring; the note says so).
    When the 3 months end beyond the calendar data (D12), an extension approved (or requested) by their corresponding
    day is in time whatever the holidays; otherwise, or under D37's option, the finding names the missing year.
    """
    if (skip := _classified(ctx, "art27.p4")) is not None:
        return skip
    a = ctx.project.acceptance
    passed = ctx.known(a.passed)
    if passed is None or ctx.reaches(passed, _PASSED) is not None:
        return ctx.within(
            passed,
            Months(FINAL_ACCOUNTS_PERIOD),
            a.final_accounts_submitted,
            start_label=_PASSED,
            done_label=_SUBMITTED,
        )
    extension = _Extension(0, None)
    original: date | None = None
    if a.final_accounts_extension is not None:
        try:
            original = ctx.deadline(passed, Months(FINAL_ACCOUNTS_PERIOD)).due
        except CalendarCoverageError as gap:  # the 3 months end beyond the calendar data (D12)
            counted, unknown = _beyond_calendar(ctx, passed, gap)
            if unknown is not None:
                return unknown
            extension = counted or extension
        else:
            extension = _extension(ctx, original)
    barred = barred_note(ctx, say.THEN_ACCOUNTS)
    if (
        extension.months
        and original is not None
        and (ctx.interpretation.extension_counting is ExtensionCounting.AFTER_ORIGINAL_PERIOD)
    ):
        outcome = _after_original(ctx, passed, original, extension.months)
        counting: Note | None = (say.after_original, original, extension.months)
    else:
        outcome = ctx.within(
            passed,
            _ACCOUNTS_PERIODS[extension.months],
            a.final_accounts_submitted,
            start_label=_PASSED,
            done_label=_SUBMITTED,
        )
        counting = (say.from_pass, FINAL_ACCOUNTS_PERIOD + extension.months) if extension.months else None
    _append(outcome, extension.note, counting, barred)  # the pass is in reach and known: the clock runs
    return outcome


def _after_original(ctx: Context, passed: date, original: date, months: int) -> Outcome:
    """D37 ``after_original_period``: the ``months`` run from the end of the original 3 months. The duty itself runs
    from the pass (竣工验收合格后), so before that end it is already owed: MET if submitted, else PENDING, due
    ``months`` after it — a due date beyond the calendar data (D12) is after the original end, so the same holds
    without it."""
    a = ctx.project.acceptance
    started = ctx.clock_start(_PASSED, passed)
    if original <= ctx.as_of:
        return ctx.within(
            original,
            Months(months),
            a.final_accounts_submitted,
            start_label=_ORIGINAL_END,
            done_label=_SUBMITTED,
            started=started,
        )
    try:
        due = ctx.deadline(original, Months(months))
    except (
        CalendarCoverageError
    ) as gap:  # beyond the calendar data (D12), and after the original end: not yet due
        done = ctx.known(a.final_accounts_submitted)
        return Outcome(
            Status.PENDING if done is None else Status.MET,
            checks=(started, ctx.check(_SUBMITTED, Relation.ON_OR_BEFORE, original, done)),
            note=(say.extended_beyond_calendar, original, months, gap.year),
        )
    return ctx.due_by(
        due.due,
        a.final_accounts_submitted,
        _SUBMITTED,
        started=started,
        provisional=due.provisional,
        estimated_years=due.estimated_years,
    )


_ORIGINAL_END = Label("acceptance.passed", *say.ORIGINAL_END)
_ACCOUNTS_PERIODS = {n: Months(FINAL_ACCOUNTS_PERIOD + n) for n in range(7)}
"""The period of para. 4 with each extension D7 allows (0–6 months more)."""
