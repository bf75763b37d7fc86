"""第二十九条 涉密项目运行 — secrecy review passed before operation, and a designated operator.

投入运行 is the system running at all: trial operation counts (``operation.running_since``, the earlier of
``operation.trial_started`` and ``operation.started``), since a classified system in trial runs with real data.
D13: judged on the day it began to run.
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art29_classified_operation as say


def _running(ctx: Context) -> tuple[str, date] | None:
    """The fact and day the system began to run (trial operation or operation), if known on ``as_of``."""
    op = ctx.project.operation
    days: list[tuple[str, date]] = []
    for fact, given in (("trial_started", op.trial_started), ("started", op.started)):
        if (day := ctx.known(given)) is not None:
            days.append((fact, day))
    return min(days, key=lambda found: found[1]) if days else None


def _not_reached(ctx: Context) -> Outcome | None:
    """Only a classified project (涉密项目) that has begun to run, on or after the effective date (D13)."""
    if not ctx.project.classified:
        return ctx.not_applicable(say.NOT_CLASSIFIED)
    running = _running(ctx)
    if running is None:
        return ctx.not_applicable(say.NOT_RUNNING)
    fact, day = running
    return ctx.reaches(day, _RUNNING[fact])


_RUNNING = {fact: Label(f"operation.{fact}", *names) for fact, names in say.NAMES.items()}
_REVIEW = Label("operation.secrecy_review_passed", "保密行政管理部门审查合格日期", "secrecy review passed on")
_OPERATOR = Label(
    "operation.operator_designated",
    "指定专门机构或者人员负责运行使用管理",
    "body or person designated for operation",
)


# 第二十九条第一款 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art29.secrecy_review",
    provision="art29.p1",
    title_zh="涉密项目经保密行政管理部门审查合格，方可投入运行",
    title_en="A classified project runs only after the secrecy authority's review passed",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.SECRECY_AUTHORITY,),
    decisions=("D17",),
)
def secrecy_review(ctx: Context) -> Outcome:
    """涉密项目应经保密行政管理部门审查合格，方可投入运行.

    The review must have passed on or before the day the system began to run, trial operation included
    (``operation.secrecy_review_passed`` ≤ ``operation.running_since``). D17 (default ``same_day_counts``): a review
    passed on that day comes first; option ``earlier_day``: it must be dated a day before.
    """
    if (skip := _not_reached(ctx)) is not None:
        return skip
    running = _running(ctx)
    assert running is not None  # _not_reached answered otherwise
    fact, day = running
    return ctx.condition(
        ctx.check(_REVIEW, ctx.before, day, ctx.known(ctx.project.operation.secrecy_review_passed)),
        note=(say.running_since, fact, day),
    )


@rule(
    "art29.operator_designated",
    provision="art29.p1",
    title_zh="涉密项目指定专门机构或者人员负责运行使用管理",
    title_en="A classified project has a designated body or person for its operation",
    owed_by=Party.PROJECT_UNIT,
)
def operator_designated(ctx: Context) -> Outcome:
    """项目单位应指定专门机构或者人员负责运行使用管理 (checked once the classified project runs)."""
    if (skip := _not_reached(ctx)) is not None:
        return skip
    return ctx.condition(ctx.expect(_OPERATOR, ctx.project.operation.operator_designated))
