"""第三十条 自我评价 — a self-evaluation report within 12 months after passing acceptance and entering operation."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.interpretation import SelfEvaluationClockStart
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months

SELF_EVALUATION_PERIOD = Months(12)
"""通过验收并投入运行后12个月内."""

_PASSED = Label("acceptance.passed", "通过竣工验收", "acceptance passed")
_STARTED = Label("operation.started", "投入运行", "operation started")
_SUBMITTED = Label(
    "operation.self_evaluation_submitted", "自我评价报告报送区数据局", "self-evaluation report submitted"
)


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
    return ctx.within(
        start,
        SELF_EVALUATION_PERIOD,
        ctx.project.operation.self_evaluation_submitted,
        start_label=start_label,
        done_label=_SUBMITTED,
    )


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
        return ctx.not_applicable("自我评价报告尚未报送", "the self-evaluation report has not been submitted")
    if (skip := ctx.reaches(submitted, _SUBMITTED)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(
            Label(
                "operation.self_evaluation_copied_to_development_reform",
                "抄送区发改委",
                "copied to development and reform",
            ),
            op.self_evaluation_copied_to_development_reform,
        ),
        ctx.expect(
            Label("operation.self_evaluation_copied_to_finance", "抄送区财政局", "copied to finance"),
            op.self_evaluation_copied_to_finance,
        ),
    )
