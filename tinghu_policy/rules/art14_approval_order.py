"""第十四条 项目代码与报批 — after the joint evaluation: project code, approval documents, approval by 区数据局.

项目经联合评审后，项目单位应按规定通过江苏省投资项目在线审批监管平台申请项目代码，向区数据局报送项目审批文件，履行报批手续，
由区数据局按程序审批. The order is: the joint evaluation (of the last review round of art. 11) → project code →
approval documents filed → approved; each step not before the one it follows.

"经联合评审后" (D32, default ``final_opinion``): the joint evaluation of art. 11(1)(iv) ends with 区数据局's final
review opinion (最终审核意见, the last step the item lists; "最终" says the review is complete there), so the code is
sought on or after it; option ``expert_opinion``: on or after the panel's expert opinion ("联合评审" as the panel's
own review). Either way the approval — 区数据局 deciding on the application its review concluded — comes on or after
the final opinion and 区财政局's fiscal review report (财评报告), which the item places within the evaluation: an
approval before them approves what has not been reviewed.

Encoded in part (provisions/status.yaml): the sentence on simplified approval documents (简化报批文件按《江苏省政府
投资管理办法》执行) refers to a provincial rule outside this regulation, and "按规定" / "按程序" refer to the
procedures of that rule and of the online platform, which no fact records; the platform itself is the channel the
project code fact describes (``approval.project_code_obtained``).

D19: a classified project does not go through the joint evaluation of art. 11 (涉密项目按国家有关保密规定申报) by
default, so the order rule, which starts from it, is not applicable to it; option ``application_only``: its approval
steps still run in order from the project code on; option ``pre_review_only``: it is evaluated jointly and the whole
order applies. The approving party is 区数据局 under every reading.

A review round art. 11 finds returned (D15) stays the round art. 14 reads when it is the last one started: art. 14
reads the evaluation as recorded, and a resubmission is recorded as a new round (art. 11 says so of the steps
recorded after a return).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from tinghu_policy.engine import Comparison, Context, Label, Labels, Outcome, Relation, Text, rule
from tinghu_policy.engine.context import Worded
from tinghu_policy.interpretation import ClassifiedApplication, ProjectCodeAfter
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import latest_application
from tinghu_policy.rules.wording import art14_approval_order as say

_STEPS = (
    (
        "project_code",
        "approval.project_code_obtained",
        ("取得项目代码", "project code obtained"),
        Party.PROJECT_UNIT,
    ),
    (
        "documents_filed",
        "approval.documents_filed",
        ("报送项目审批文件", "approval documents filed"),
        Party.PROJECT_UNIT,
    ),
    ("approved", "approval.approved", ("审批", "approved"), Party.DATA_BUREAU),
)
"""Each step of art. 14 in order: subject, fact, names, and the party that takes it (项目单位 applies for the code
and files; 区数据局 approves)."""
_STEP_LABELS = {fact: Label(fact, *name) for _, fact, name, _ in _STEPS}


class _Step(NamedTuple):
    """A step another must not precede: its day (None: not taken by ``as_of``), fact path and names."""

    day: date | None
    fact: str
    name: Text


def _evaluation_step(ctx: Context, field: str, name: Text) -> _Step:
    """A step of the joint evaluation (art. 11(1)(iv)) of the last round started on ``as_of``; its fact is
    ``review`` itself when no round has started."""
    last = latest_application(ctx)
    if last is None:
        return _Step(None, "review", name)
    n = last[0]
    return _Step(ctx.known(getattr(ctx.project.review[n], field)), f"review[{n}].{field}", name)


def _end_of_review(ctx: Context) -> tuple[_Step, ...]:
    """What the approval must not precede under every reading: the last round's final opinion and fiscal report."""
    return (
        _evaluation_step(ctx, "final_opinion", say.FINAL_OPINION),
        _evaluation_step(ctx, "fiscal_review_report", say.FISCAL_REPORT),
    )


_BEFORE = Labels(lambda key: Label(key[0], *say.before(key[1], key[2])))  # (fact, previous name, name)


def _not_before(ctx: Context, previous: _Step, day: date, name: Text) -> Comparison:
    """The step taken on ``day`` (``name``) does not precede ``previous`` (D17); missing ``previous`` fails."""
    if previous.day is None:
        return ctx.expect(Worded(previous.fact, (say.had_before, previous.name, name, day)), False)
    return ctx.check(_BEFORE[previous.fact, previous.name, name], ctx.before, day, previous.day)


@rule(
    "art14.approval_order",
    provision="art14.p1",
    title_zh="联合评审后申请项目代码，再报送审批文件，再由区数据局审批",
    title_en="Project code after the joint evaluation, then the approval documents, then the approval",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D17", "D19", "D32"),
)
def approval_order(ctx: Context) -> Iterator[Outcome]:
    """项目经联合评审后，项目单位应…申请项目代码，向区数据局报送项目审批文件，履行报批手续，由区数据局按程序审批.

    One finding per step (subjects ``project_code``, ``documents_filed``, ``approved``): NOT_APPLICABLE until the
    step happened; then HOLDS when the step before it happened on or before it, FAILS when it did not happen before
    (missing or later). The joint evaluation is that of the last review round started on ``as_of`` (art. 11(1)(iv)).

    D32 (default ``final_opinion``): "项目经联合评审后" waits for the end of the joint evaluation, 区数据局's final
    review opinion (最终审核意见), before the project code; option ``expert_opinion``: the panel's expert opinion.
    The approval (审批), 区数据局's decision on the application its own review concluded, comes on or after that
    round's final opinion and 区财政局's fiscal review report under every reading: the approval step checks both, as
    well as the approval documents before it. D17: a step on the same day as the one before it is in order (option
    ``earlier_day``: it must be dated a day later). D19 (default ``whole_flow``): a classified project has no joint
    evaluation and is NOT_APPLICABLE; option ``application_only``: its steps run in order from the project code,
    which has no step before it (and the approval has no review to follow); option ``pre_review_only``: the whole
    order applies to it. D13: a step taken before the effective date is out of reach. Each step names the party
    that takes it (项目单位 the code and the documents, 区数据局 the approval).
    """
    reading = ctx.interpretation.classified_application
    from_code = ctx.project.classified and reading is ClassifiedApplication.APPLICATION_ONLY
    if ctx.project.classified and reading is ClassifiedApplication.WHOLE_FLOW:
        yield ctx.not_applicable(say.NO_JOINT_EVALUATION)
        return
    approval = ctx.project.approval
    by_final = ctx.interpretation.project_code_after is ProjectCodeAfter.FINAL_OPINION
    evaluation = (
        _evaluation_step(ctx, "final_opinion", say.JOINT_FINAL)
        if by_final
        else _evaluation_step(ctx, "expert_opinion", say.JOINT_EXPERT)
    )
    previous_step: _Step | None = None if from_code else evaluation
    for subject, fact, name, party in _STEPS:
        day = ctx.known(getattr(approval, fact.removeprefix("approval.")))
        if day is None:
            yield ctx.not_applicable((say.not_yet, name), subject=subject)
        elif (skip := ctx.reaches(day, _STEP_LABELS[fact], subject=subject)) is not None:
            yield skip
        elif previous_step is None:
            yield ctx.condition(subject=subject, owed_by=party, note=(say.first_step, name, day))
        else:
            checks = [_not_before(ctx, previous_step, day, name)]
            if subject == "approved" and not from_code:
                checks += [_not_before(ctx, step, day, name) for step in _end_of_review(ctx)]
            yield ctx.condition(*checks, subject=subject, owed_by=party)
        previous_step = _Step(day, fact, name)


@rule(
    "art14.approved_by_data_bureau",
    provision="art14.p1",
    title_zh="由区数据局按程序审批",
    title_en="The approval is given by the district data bureau",
    owed_by=Party.DATA_BUREAU,
)
def approved_by_data_bureau(ctx: Context) -> Outcome:
    """由区数据局按程序审批 (D13: judged on the day of approval)."""
    approved = ctx.known(ctx.project.approval.approved)
    if approved is None:
        return ctx.not_applicable(say.NOT_APPROVED)
    if (skip := ctx.reaches(approved, _APPROVAL)) is not None:
        return skip
    return ctx.condition(
        ctx.check(
            _APPROVED_BY,
            Relation.EQUALS,
            Party.DATA_BUREAU.value,
            None if ctx.project.approval.approved_by is None else ctx.project.approval.approved_by.value,
        )
    )


_APPROVAL = Label("approval.approved", "审批", "approval")
_APPROVED_BY = Label("approval.approved_by", "审批单位", "approving party")
