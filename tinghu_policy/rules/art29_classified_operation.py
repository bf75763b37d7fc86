"""第二十九条 涉密项目运行 — secrecy review passed before operation, and a designated operator."""

from __future__ import annotations

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.parties import Party


def _not_reached(ctx: Context) -> Outcome | None:
    """Only a classified project (涉密项目) that has started operation."""
    if not ctx.project.classified:
        return ctx.not_applicable("非涉密项目", "not a classified project")
    if ctx.known(ctx.project.operation.started) is None:
        return ctx.not_applicable("涉密项目尚未投入运行", "the classified project has not started operation")
    return None


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

    The review must have passed on or before the day operation started (``operation.secrecy_review_passed`` ≤
    ``operation.started``). D17 (default ``same_day_counts``): a review passed on the day operation starts comes
    first; option ``earlier_day``: it must be dated a day before.
    """
    if (skip := _not_reached(ctx)) is not None:
        return skip
    op = ctx.project.operation
    return ctx.condition(
        ctx.check(
            Label(
                "operation.secrecy_review_passed", "保密行政管理部门审查合格日期", "secrecy review passed on"
            ),
            ctx.before,
            op.started,
            op.secrecy_review_passed,
        ),
        note_zh=f"投入运行日期：{op.started}",
        note_en=f"operation started on {op.started}",
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
    return ctx.condition(
        ctx.expect(
            Label(
                "operation.operator_designated",
                "指定专门机构或者人员负责运行使用管理",
                "body or person designated for operation",
            ),
            ctx.project.operation.operator_designated,
        ),
    )
