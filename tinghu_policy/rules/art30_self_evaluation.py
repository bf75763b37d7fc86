"""第三十条 自我评价 — a self-evaluation report within 12 months after passing acceptance and entering operation.

D10 (default ``later_of_acceptance_and_operation``): the clock runs from the later of passing acceptance
(``acceptance.passed``) and starting operation (``operation.started``); the finding shows both dates and says which
one it runs from (option ``acceptance``: from passing acceptance, operation shown for information). 通过验收 is the
recorded pass (D16), also one that art. 27(2) or art. 28(2) forbade: the self-evaluation attaches to the fact that the
system was accepted and is in use, and the note says the pass was barred (reasons in
:mod:`tinghu_policy.rules.art27_acceptance`).

Not computed (``encoded_in_part``): whether the evaluation follows 国家政务信息化建设管理绩效评价有关要求 — national
requirements outside this regulation, with no test a project's facts can decide.
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import CheckRole, Context, Label, Outcome, Relation, Status, rule
from tinghu_policy.interpretation import SelfEvaluationClockStart
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months
from tinghu_policy.rules.art27_acceptance import barred_note
from tinghu_policy.rules.wording import art30_self_evaluation as say

SELF_EVALUATION_PERIOD = Months(12)
"""通过验收并投入运行后12个月内."""

_PASSED = Label("acceptance.passed", "通过竣工验收", "acceptance passed")
_STARTED = Label("operation.started", "投入运行", "operation started")
_SUBMITTED = Label(
    "operation.self_evaluation_submitted", "自我评价报告报送区数据局", "self-evaluation report submitted"
)
_COPIED_DR = Label(
    "operation.self_evaluation_copied_to_development_reform",
    "抄送区发改委",
    "copied to development and reform",
)
_COPIED_FINANCE = Label("operation.self_evaluation_copied_to_finance", "抄送区财政局", "copied to finance")


def clock_start(ctx: Context) -> tuple[date | None, Label]:
    """D10: the later of passing acceptance and starting operation (default), or passing acceptance alone."""
    passed = ctx.known(ctx.project.acceptance.passed)
    if ctx.interpretation.self_evaluation_clock_start is SelfEvaluationClockStart.ACCEPTANCE:
        return passed, _PASSED
    started = ctx.known(ctx.project.operation.started)
    if passed is None:
        return None, _PASSED
    if started is None:
        return None, _STARTED
    return (started, _STARTED) if started > passed else (passed, _PASSED)


# 第三十条第一款 ——————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art30.self_evaluation",
    provision="art30.p1",
    title_zh="通过验收并投入运行后12个月内开展自我评价并报送自我评价报告",
    title_en="Self-evaluation report within 12 months after acceptance and operation",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D3", "D4", "D10", "D12", "D13", "D16"),
)
def self_evaluation(ctx: Context) -> Outcome:
    """项目单位应在项目通过验收并投入运行后12个月内…开展自我评价，并将自我评价报告报送区数据局.

    D10: the clock starts on the later of passing acceptance and starting operation (option ``acceptance``: on
    passing acceptance); 开展自我评价 is met by the date the report reached 区数据局.
    """
    start, start_label = clock_start(ctx)
    outcome = ctx.within(
        start,
        SELF_EVALUATION_PERIOD,
        ctx.project.operation.self_evaluation_submitted,
        start_label=start_label,
        done_label=_SUBMITTED,
    )
    if start is not None and outcome.status is Status.NOT_APPLICABLE:
        return outcome  # the start is before the effective date (D13)
    passed = ctx.known(ctx.project.acceptance.passed)
    started = ctx.known(ctx.project.operation.started)
    shown = tuple(
        ctx.check(label, Relation.ON_OR_BEFORE, start or ctx.as_of, day, role=CheckRole.CONTEXT)
        for label, day in ((_PASSED, passed), (_STARTED, started))
        if day is not None and label is not start_label
    )
    outcome.checks = (*outcome.checks, *shown)
    barred = None if start is None else barred_note(ctx, say.THEN_SELF_EVALUATION)
    acceptance_only = ctx.interpretation.self_evaluation_clock_start is SelfEvaluationClockStart.ACCEPTANCE
    outcome.note = (say.self_evaluation, outcome.note, passed, started, acceptance_only, barred)
    return outcome


@rule(
    "art30.self_evaluation_copies",
    provision="art30.p1",
    title_zh="自我评价报告抄送区发改委、区财政局",
    title_en="The self-evaluation report is copied to development and reform and to finance",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DEVELOPMENT_REFORM, Party.FINANCE_BUREAU),
)
def self_evaluation_copies(ctx: Context) -> Outcome:
    """…将自我评价报告报送区数据局，抄送区发改委、区财政局 (checked once the report is submitted; D13: on that
    day)."""
    op = ctx.project.operation
    submitted = ctx.known(op.self_evaluation_submitted)
    if submitted is None:
        return ctx.not_applicable(say.NOT_SUBMITTED)
    if (skip := ctx.reaches(submitted, _SUBMITTED)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(_COPIED_DR, op.self_evaluation_copied_to_development_reform),
        ctx.expect(_COPIED_FINANCE, op.self_evaluation_copied_to_finance),
    )
