"""第二十八条 档案 — no completion acceptance passed without a passed archive acceptance.

Para. 1 (做好项目档案管理，有条件的积极应用电子档案) is not computable: it refers to the national archive rules,
outside this regulation, and "做好" / "有条件的积极应用" give no test a project's facts can decide; its checkable
consequence is para. 2. Para. 2 applies to classified projects too: archive rules do not depend on art. 27(5).

A pass this paragraph forbids (archive acceptance failed, not held, or dated after the pass) is also no discharge of
art. 27(1): :func:`tinghu_policy.rules.art27_acceptance.barred_pass` reads the same facts (a same-day archive
acceptance is decided here alone, under D17).
"""

from __future__ import annotations

from tinghu_policy.engine import Context, Label, Outcome, Relation, rule
from tinghu_policy.facts import AssessmentResult
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art28_archives as say

_PASSED = Label("acceptance.passed", "竣工验收合格", "acceptance passed")
_RESULT = Label("acceptance.archive_acceptance.result", "档案验收结果", "archive acceptance result")
_DAY = Label("acceptance.archive_acceptance.day", "档案验收日期", "archive acceptance date")


# 第二十八条第二款 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art28.archive_acceptance",
    provision="art28.p2",
    title_zh="未经档案验收或档案验收不合格的，不得通过项目竣工验收",
    title_en="No completion acceptance passed without a passed archive acceptance",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D13", "D17"),
)
def archive_acceptance(ctx: Context) -> Outcome:
    """未经档案验收或档案验收不合格的，不得通过项目竣工验收.

    Checked once acceptance passed (D13: on that day): the archive acceptance (``acceptance.archive_acceptance``)
    must have been held and passed — not held (未经档案验收) or failed (不合格) FAILS; held with no result stated,
    or not stated at all, is UNDETERMINED — and, when its date is given, on or before the day acceptance passed.
    D17 (default ``same_day_counts``): an archive acceptance on the same day comes first; option ``earlier_day``: it
    must be dated a day before.
    """
    a = ctx.project.acceptance
    passed = ctx.known(a.passed)
    if passed is None:
        return ctx.not_applicable(say.NOT_PASSED)
    if (skip := ctx.reaches(passed, _PASSED)) is not None:
        return skip
    archive = a.archive_acceptance
    result = None if archive is None or archive.result is None else archive.result.value
    checks = [ctx.check(_RESULT, Relation.EQUALS, AssessmentResult.PASSED.value, result)]
    if archive is not None and archive.day is not None:
        checks.append(ctx.check(_DAY, ctx.before, passed, archive.day))
    return ctx.condition(*checks, note=(say.passed_on, passed))
