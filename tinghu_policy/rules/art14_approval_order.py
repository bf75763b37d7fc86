"""第十四条 项目代码与报批 — after the joint evaluation: project code, approval documents, approval by 区数据局.

项目经联合评审后，项目单位应按规定通过江苏省投资项目在线审批监管平台申请项目代码，向区数据局报送项目审批文件，履行报批手续，
由区数据局按程序审批. The order is: the joint evaluation's expert opinion (of the last review round of art. 11) →
project code → approval documents filed → approved; each step not before the one it follows. The sentence on
simplified approval documents (简化报批文件按《江苏省政府投资管理办法》执行) refers to a provincial rule outside this
regulation.

D19: a classified project does not go through the joint evaluation of art. 11 (涉密项目按国家有关保密规定申报) by
default, so the order rule, which starts from it, is not applicable to it; option ``application_only``: its approval
steps still run in order from the project code on; option ``pre_review_only``: it is evaluated jointly and the whole
order applies. The approving party is 区数据局 under every reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, Relation, rule
from tinghu_policy.interpretation import ClassifiedApplication
from tinghu_policy.parties import Party

_STEPS = (
    (
        "project_code",
        "approval.project_code_obtained",
        "取得项目代码",
        "project code obtained",
        Party.PROJECT_UNIT,
    ),
    (
        "documents_filed",
        "approval.documents_filed",
        "报送项目审批文件",
        "approval documents filed",
        Party.PROJECT_UNIT,
    ),
    ("approved", "approval.approved", "审批", "approved", Party.DATA_BUREAU),
)
"""Each step of art. 14 in order: subject, fact, names, and the party that takes it (项目单位 applies for the code
and files; 区数据局 approves)."""


def _expert_opinion(ctx: Context) -> tuple[date | None, str]:
    """The expert opinion of the last review round started on ``as_of`` (the joint evaluation), if known, and
    where it is in the facts (``review`` itself when no round has started)."""
    started = [n for n, r in enumerate(ctx.project.review) if ctx.known(r.received) is not None]
    if not started:
        return None, "review"
    last = started[-1]
    return ctx.known(ctx.project.review[last].expert_opinion), f"review[{last}].expert_opinion"


@rule(
    "art14.approval_order",
    provision="art14.p1",
    title_zh="联合评审后申请项目代码，再报送审批文件，再由区数据局审批",
    title_en="Project code after the joint evaluation, then the approval documents, then the approval",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D17", "D19"),
)
def approval_order(ctx: Context) -> Iterator[Outcome]:
    """项目经联合评审后，项目单位应…申请项目代码，向区数据局报送项目审批文件，履行报批手续，由区数据局按程序审批.

    One finding per step (subjects ``project_code``, ``documents_filed``, ``approved``): NOT_APPLICABLE until the
    step happened; then HOLDS when the step before it happened on or before it, FAILS when it did not happen before
    (missing or later). D17: a step on the same day as the one before it is in order (option ``earlier_day``: it
    must be dated a day later). D19 (default ``whole_flow``): a classified project has no joint evaluation and is
    NOT_APPLICABLE; option ``application_only``: its steps run in order from the project code, which has no step
    before it; option ``pre_review_only``: the whole order applies to it. D13: a step taken before the effective
    date is out of reach. Each step names the party that takes it.
    """
    reading = ctx.interpretation.classified_application
    from_code = ctx.project.classified and reading is ClassifiedApplication.APPLICATION_ONLY
    if ctx.project.classified and reading is ClassifiedApplication.WHOLE_FLOW:
        yield ctx.not_applicable(
            "涉密项目按国家有关保密规定申报，不经联合评审（D19）",
            "a classified project has no joint evaluation (D19)",
        )
        return
    approval = ctx.project.approval
    previous_step: tuple[date | None, str, str, str] | None = (
        None
        if from_code
        else (*_expert_opinion(ctx), "联合评审专家评审意见", "joint evaluation expert opinion")
    )
    for subject, fact, zh, en, party in _STEPS:
        day = ctx.known(getattr(approval, fact.removeprefix("approval.")))
        if day is None:
            yield ctx.not_applicable(f"尚未{zh}", f"step not yet taken: {en}", subject=subject)
        elif (skip := ctx.reaches(day, Label(fact, zh, en), subject=subject)) is not None:
            yield skip
        elif previous_step is None:
            yield ctx.condition(
                subject=subject,
                owed_by=party,
                note_zh=f"涉密项目不经联合评审，{zh}（{day}）为报批的第一步（D19）",
                note_en=f"a classified project has no joint evaluation: {en} ({day}) is the first approval step (D19)",
            )
        else:
            previous, previous_fact, previous_zh, previous_en = previous_step
            label = Label(previous_fact, f"{previous_zh}（{zh}之前）", f"{previous_en} (before {en})")
            if previous is None:
                check = ctx.expect(
                    Label(
                        previous_fact,
                        f"{zh}（{day}）前已有{previous_zh}",
                        f"{previous_en} before {en} ({day})",
                    ),
                    False,
                )
            else:
                check = ctx.check(label, ctx.before, day, previous)
            yield ctx.condition(check, subject=subject, owed_by=party)
        previous_step = (day, fact, zh, en)


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
        return ctx.not_applicable("尚未审批", "not yet approved")
    if (skip := ctx.reaches(approved, Label("approval.approved", "审批", "approval"))) is not None:
        return skip
    return ctx.condition(
        ctx.check(
            Label("approval.approved_by", "审批单位", "approving party"),
            Relation.EQUALS,
            Party.DATA_BUREAU.value,
            None if ctx.project.approval.approved_by is None else ctx.project.approval.approved_by.value,
        )
    )
