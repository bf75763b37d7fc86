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
    Check,
    CheckRole,
    Context,
    Label,
    Outcome,
    Relation,
    Status,
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
_SECURITY_TESTS = (
    ("classified_protection", "网络安全等级保护测评", "the 等保 test"),
    ("cryptography_assessment", "密码应用安全性评估", "the 密评 assessment"),
)


def _classified(ctx: Context, provision: str) -> Outcome | None:
    """涉密项目的竣工验收按有关规定执行 (para. 5): NOT_APPLICABLE when a classified project leaves ``provision``
    under D26 (:data:`CLASSIFIED_ACCEPTANCE`), showing the fact and citing para. 5."""
    reading = ctx.interpretation.classified_acceptance
    if not ctx.project.classified or provision not in CLASSIFIED_ACCEPTANCE[reading]:
        return None
    outcome = ctx.not_applicable(
        "涉密项目的竣工验收按有关规定执行（第二十七条第五款）"
        + ("，竣工财务决算亦然（D26）" if provision == "art27.p4" else ""),
        "a classified project's acceptance follows other rules (art. 27(5))"
        + (", final accounts included (D26)" if provision == "art27.p4" else ""),
    )
    outcome.checks = (
        ctx.expect(
            Label("classified", "涉密项目", "classified project"),
            True,
            provision="art27.p5",
            role=CheckRole.CONTEXT,
        ),
    )
    return outcome


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


def _application(ctx: Context) -> tuple[date, Label, bool] | None:
    """申请竣工验收: the application day known on ``as_of`` and its label; without one, the first acceptance
    concluded (passed or failed) shows it was applied for (the flag says it is so inferred)."""
    a = ctx.project.acceptance
    applied = ctx.known(a.applied)
    if applied is not None:
        return applied, Label("acceptance.applied", "申请竣工验收", "application for acceptance"), False
    concluded = [d for d in (*a.failed, a.passed) if d is not None and ctx.known(d) is not None]
    if not concluded:
        return None
    first = min(concluded)
    label = Label(
        "acceptance.failed[0]" if a.failed and first == a.failed[0] else "acceptance.passed",
        "竣工验收结论",
        "acceptance concluded",
    )
    return first, label, True


class BarredPass(NamedTuple):
    """A recorded pass that art. 27(2) or art. 28(2) forbade: the day, the facts that bar it, and why."""

    passed: date
    checks: tuple[Check, ...]
    zh: str
    en: str


def barred_pass(ctx: Context) -> BarredPass | None:
    """The recorded pass (``acceptance.passed``, known on ``as_of``) when the facts show it must not have happened.

    Art. 27(2) (not for a classified project, D26): a failed 等保 or 密评 result, on an application the regulation
    reaches (D13). Art. 28(2): an archive acceptance failed, not held, or dated after the pass (a same-day one is
    art. 28's own finding, D17), on a pass the regulation reaches. A result not stated bars nothing here.
    """
    a = ctx.project.acceptance
    passed = ctx.known(a.passed)
    if passed is None:
        return None
    checks: list[Check] = []
    reasons: list[tuple[str, str]] = []
    application = _application(ctx)
    if (
        _classified(ctx, "art27.p2") is None
        and application is not None
        and ctx.reaches(application[0], application[1]) is None
    ):
        for field, zh, en in _SECURITY_TESTS:
            assessment: Assessment | None = getattr(a, field)
            if assessment is not None and assessment.result is AssessmentResult.FAILED:
                checks.append(
                    ctx.expect(
                        Label(f"acceptance.{field}.result", f"{zh}结果合格", f"{en} passed"),
                        False,
                        role=CheckRole.CONTEXT,
                    )
                )
                reasons.append(
                    (
                        f"{zh}结果不合格，依第二十七条第二款不得申请竣工验收",
                        f"{en} failed, and art. 27(2) bars the application",
                    )
                )
    archive = a.archive_acceptance
    if archive is not None and ctx.reaches(passed, _PASSED) is None:
        if archive.result in (AssessmentResult.FAILED, AssessmentResult.NOT_HELD):
            failed = archive.result is AssessmentResult.FAILED
            checks.append(
                ctx.expect(
                    Label(
                        "acceptance.archive_acceptance.result",
                        "档案验收合格" if failed else "经档案验收",
                        "archive acceptance passed" if failed else "archive acceptance held",
                    ),
                    False,
                    role=CheckRole.CONTEXT,
                )
            )
            reasons.append(
                (
                    ("档案验收不合格" if failed else "未经档案验收") + "，依第二十八条第二款不得通过竣工验收",
                    ("the archive acceptance failed" if failed else "no archive acceptance was held")
                    + ", and art. 28(2) bars the pass",
                )
            )
        elif archive.day is not None and archive.day > passed:
            checks.append(
                ctx.check(
                    Label("acceptance.archive_acceptance.day", "档案验收日期", "archive acceptance date"),
                    Relation.ON_OR_BEFORE,
                    passed,
                    archive.day,
                    role=CheckRole.CONTEXT,
                )
            )
            reasons.append(
                (
                    f"档案验收于{archive.day}才进行，竣工验收合格时尚未经档案验收，依第二十八条第二款不得通过竣工验收",
                    f"the archive acceptance came only on {archive.day}, after the pass, and art. 28(2) bars it",
                )
            )
    if not reasons:
        return None
    return BarredPass(
        passed,
        tuple(checks),
        "；".join(zh for zh, _ in reasons),
        "; ".join(en for _, en in reasons),
    )


def barred_note(ctx: Context, *, then_zh: str, then_en: str) -> tuple[str, str]:
    """The note a later clock (para. 4, art. 30) adds when the pass it runs from was barred: ``then_zh``/``then_en``
    say how the clock still takes the recorded pass."""
    barred = barred_pass(ctx)
    if barred is None:
        return "", ""
    return (
        f"；{barred.passed} 记录的竣工验收合格结论依法不得作出（{barred.zh}），不能视为已履行第二十七条第一款，"
        f"但{then_zh}",
        f"; the pass recorded on {barred.passed} was barred ({barred.en}) and does not discharge art. 27(1), but "
        f"{then_en}",
    )


def _acceptance_clock(ctx: Context) -> Outcome:
    """Para. 1's clock: the 6 months from completion, met by a pass that the facts do not show to be barred."""
    start, start_label = completion(ctx)
    a = ctx.project.acceptance
    outcome = ctx.within(start, ACCEPTANCE_PERIOD, a.passed, start_label=start_label, done_label=_PASSED)
    barred = barred_pass(ctx)
    if barred is not None and outcome.status in (Status.MET, Status.LATE) and outcome.due is not None:
        recorded = Label("acceptance.passed", "记录的竣工验收合格（依法不得通过）", "recorded pass (barred)")
        outcome.status = Status.OVERDUE if ctx.as_of > outcome.due else Status.PENDING
        outcome.checks = (
            *(c for c in outcome.checks if c.role is CheckRole.START),
            ctx.check(recorded, Relation.ON_OR_BEFORE, outcome.due, barred.passed, role=CheckRole.CONTEXT),
            *barred.checks,
        )
        _append(
            outcome,
            f"；{barred.passed} 记录竣工验收合格，但{barred.zh}：该验收不能视为已依本款组织竣工验收，须整改后重新验收",
            f"; a pass is recorded on {barred.passed}, but {barred.en}: it does not discharge this paragraph, "
            "acceptance must be had again after remediation",
        )
    failures = [day for day in a.failed if ctx.known(day) is not None]
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
    if (skip := _classified(ctx, "art27.p2")) is not None:
        return skip
    a = ctx.project.acceptance
    notes: list[tuple[str, str]] = []
    application = _application(ctx)
    if application is None:
        return ctx.not_applicable("尚未申请竣工验收", "acceptance has not been applied for")
    applied, label, inferred = application
    if inferred:
        notes.append(
            (
                f"未记录申请日期，以{applied}的验收结论视为已申请竣工验收",
                f"no application date given: the acceptance concluded on {applied} shows it was applied for",
            )
        )
    if (skip := ctx.reaches(applied, label)) is not None:
        return skip
    checks = []
    for field, zh, en in _SECURITY_TESTS:
        check, note = _result_check(ctx, f"acceptance.{field}", zh, en, getattr(a, field))
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
        return ctx.not_applicable(
            f"已于期限 {clock.due} 前通过竣工验收，无需延期说明",
            f"acceptance passed by its due date {clock.due}: no explanation needed",
        )
    explained = ctx.known(ctx.project.acceptance.delay_explanation)
    if clock.status is Status.PENDING and explained is None:
        by_zh, by_en = (f"应不晚于 {clock.due} ", f" by {clock.due}") if clock.due else ("", "")
        return ctx.not_applicable(
            "验收期限尚未届满，仍可按期验收，尚不属于“不能按期验收”；"
            f"如不能按期验收，{by_zh}向区数据局提出延期验收说明",
            "the acceptance period is still running and acceptance can still be on time: the explanation is owed "
            f"only by a unit that cannot accept on time, and then{by_en}",
        )
    if clock.due is None:  # beyond the calendar data (D12): the acceptance clock says what is known
        return clock
    return ctx.due_by(
        clock.due,
        explained,
        _EXPLANATION,
        provisional=clock.provisional,
        note_zh=f"竣工验收{clock.status.label_zh}，延期验收说明应不晚于验收期限；验收期限：{clock.note_zh.removesuffix('。')}",
        note_en=f"acceptance is {clock.status.value}; the explanation is due by the acceptance due date; "
        f"acceptance: {clock.note_en.removesuffix('.')}",
    )


# 第二十七条第四款 ———————————————————————————————————————————————————————————————————————————————————————————————
_SUBMITTED = Label("acceptance.final_accounts_submitted", "编报竣工财务决算", "final accounts submitted")


def _beyond_calendar(
    ctx: Context, passed: date, gap: CalendarCoverageError
) -> tuple[_Extension | None, Outcome | None]:
    """The 3-month due date is beyond the calendar data (D12). It is no earlier than the corresponding day (the
    limit, never rolled over), so an extension approved — or, D28 default, requested — by then came in time, and under
    D28 ``counted`` timeliness does not matter: the extension then counts, as 3 + n months from the pass (D37
    default), and the plain clock says what is known. Otherwise (and under D37 ``after_original_period``, whose
    start is the unknown due date) the answer is UNDETERMINED, naming the missing year."""
    extension = ctx.project.acceptance.final_accounts_extension
    assert extension is not None  # only called for an extension
    approved, requested = ctx.known(extension.approved), ctx.known(extension.requested)
    if approved is None:
        return None, None
    bound = ctx.limit(passed, Months(FINAL_ACCOUNTS_PERIOD)).deadline.due
    reading = ctx.interpretation.late_extension
    in_time = approved <= bound or (
        reading is LateExtension.REQUESTED_IN_TIME and requested is not None and requested <= bound
    )
    from_acceptance = ctx.interpretation.extension_counting is ExtensionCounting.FROM_ACCEPTANCE
    if from_acceptance and (in_time or reading is LateExtension.COUNTED):
        return _extension(ctx, bound), None
    return None, Outcome(
        Status.UNDETERMINED,
        checks=(ctx.clock_start(_PASSED, passed),),
        missing=(f"calendar:{gap.year}",),
        note_zh=f"竣工验收合格后3个月的期限落在{gap.year}年，缺少该年官方节假日安排，无法确定原期限，"
        f"也就无法判断区财政局批准的延长如何计算（D12、D28、D37）；{gap}",
        note_en=f"the 3 months after the pass end in {gap.year}, whose official arrangement is missing: the original "
        f"due date, and so how the approved extension counts, cannot be told (D12, D28, D37); {gap}",
    )


class _Extension(NamedTuple):
    """How far an extension lengthens para. 4's period: the months it adds (0: none) and the note."""

    months: int
    zh: str
    en: str


def _extension(ctx: Context, original: date) -> _Extension:
    """The months an extension adds to the 3 (capped by D7), and why: D28 decides whether an approval after the
    3-month due date ``original`` counts."""
    extension = ctx.project.acceptance.final_accounts_extension
    if extension is None:
        return _Extension(0, "", "")
    approved, requested = ctx.known(extension.approved), ctx.known(extension.requested)
    reading = ctx.interpretation.late_extension
    asked_in_time = requested is not None and requested <= original
    if approved is None:
        if asked_in_time and reading is LateExtension.REQUESTED_IN_TIME:
            return _Extension(
                0,
                f"；已于 {requested} 在期限内报请延长，区财政局尚未批准：尚未延长（批准后计入，D28）",
                f"; an extension was requested in time on {requested} and is not yet approved: no extension yet "
                "(it counts once approved, D28)",
            )
        return _Extension(0, "", "")
    late = approved > original
    if late and (
        reading is LateExtension.IGNORED or (reading is LateExtension.REQUESTED_IN_TIME and not asked_in_time)
    ):
        if reading is LateExtension.IGNORED:
            why_zh, why_en = "", ""
        elif requested is None:
            why_zh, why_en = "，未记录报请日期", "; no request date is given"
        else:
            why_zh, why_en = (
                f"，报请于 {requested}，亦晚于原期限",
                f"; it was requested on {requested}, also late",
            )
        return _Extension(
            0,
            f"；区财政局 {approved} 批准延长，晚于原期限 {original}{why_zh}，不计入（D28）",
            f"; the extension approved on {approved} came after the due date {original}{why_en}: ignored (D28)",
        )
    cap = FINAL_ACCOUNTS_MAX_MONTHS[ctx.interpretation.final_accounts_cap]
    months = min(extension.months, cap - FINAL_ACCOUNTS_PERIOD)
    if not late:
        late_zh = late_en = ""
    elif reading is LateExtension.COUNTED:
        late_zh, late_en = (
            f"（晚于原期限 {original}，仍计入，D28）",
            f" (after the due date {original}, counted: D28)",
        )
    else:
        late_zh = f"（晚于原期限 {original}，但已于 {requested} 在期限内报请，计入，D28）"
        late_en = f" (after the due date {original}, but requested in time on {requested}: counted, D28)"
    return _Extension(
        months,
        f"；区财政局 {approved} 批准延长{extension.months}个月{late_zh}，连同3个月最长{cap}个月（D7），"
        f"按{FINAL_ACCOUNTS_PERIOD + months}个月计",
        f"; the finance bureau approved {extension.months} more month(s) on {approved}{late_en}; with the 3 months "
        f"at most {cap} months in all (D7): {FINAL_ACCOUNTS_PERIOD + months} months",
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
    extension = _Extension(0, "", "")
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
    barred_zh, barred_en = barred_note(
        ctx,
        then_zh="竣工财务决算期限仍自记录的合格之日起算",
        then_en="the final-accounts period still runs from the recorded pass",
    )
    if (
        extension.months
        and original is not None
        and (ctx.interpretation.extension_counting is ExtensionCounting.AFTER_ORIGINAL_PERIOD)
    ):
        outcome = ctx.within(
            original,
            Months(extension.months),
            a.final_accounts_submitted,
            start_label=Label(
                "acceptance.passed",
                "原3个月期限届满（竣工验收合格后3个月）",
                "the end of the original 3 months",
            ),
            done_label=_SUBMITTED,
            started=ctx.clock_start(_PASSED, passed),
        )
        counting_zh = f"；原期限 {original} 届满后再计{extension.months}个月（D37）"
        counting_en = (
            f"; {extension.months} more month(s) from the end of the original period {original} (D37)"
        )
    else:
        outcome = ctx.within(
            passed,
            Months(FINAL_ACCOUNTS_PERIOD + extension.months),
            a.final_accounts_submitted,
            start_label=_PASSED,
            done_label=_SUBMITTED,
        )
        counting_zh = counting_en = ""
        if extension.months:
            counting_zh = f"；自竣工验收合格起共{FINAL_ACCOUNTS_PERIOD + extension.months}个月（D37）"
            counting_en = f"; {FINAL_ACCOUNTS_PERIOD + extension.months} months in all from the pass (D37)"
    if outcome.status is not Status.NOT_APPLICABLE:
        _append(outcome, extension.zh + counting_zh + barred_zh, extension.en + counting_en + barred_en)
    return outcome
