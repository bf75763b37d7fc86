"""第十一条 项目申报流程 — the filing set and the review clock (5, 15, 3 and 5 working days), the O&M plan.

Each rule runs once per review round (``Project.review``, oldest first); a round ends with a return (退回, D15)
and a resubmission is a new round whose clock starts again.

D19: 涉密项目按国家有关保密规定申报 sits in item (ii) but speaks of 申报, the whole of paragraph 1 ("项目申报流程"):
by default a classified project leaves every item of paragraph 1 (every rule of it is NOT_APPLICABLE), but not
paragraph 2; option ``pre_review_only`` takes it out of item (ii) only (the initial opinion, the revision, and
the order of item (iii) that presupposes them).

D17: an order between two steps ("…后") is read at day granularity: steps on the same day are in order (option
``earlier_day``: the later step must be dated a day after).

D13: each rule judges an act of the round — the filing (its receipt), a clock's start, the sending to the
departments, the start of the joint evaluation (the panel's receipt); an O&M plan is judged by its filing. An act
before the effective date is out of reach.

The initial opinion (``review[n].initial_opinion``) states what it asks: 要求完善修改 (``revise``, the case the text
describes), 通过预审、无需修改 (``accept``: no revision is owed, and the materials may go to the departments as
they are) or 不予通过 (``reject``: the round ends). Not stated, the text's case applies: the unit revises.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from tinghu_policy.engine import Check, Context, Label, Outcome, Relation, Status, rule
from tinghu_policy.facts import Document, InitialOpinionOutcome, OmPlan, ReviewOutcome, ReviewRound
from tinghu_policy.interpretation import (
    ClassifiedApplication,
    FinalOpinionOrder,
    JointEvaluationClockStart,
    RevisionExpiry,
)
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkingDays

REVIEW_DEPARTMENTS = (
    Party.COMMITTEE_OFFICE,
    Party.CYBERSPACE_OFFICE,
    Party.FINANCE_BUREAU,
    Party.AUDIT_BUREAU,
)
"""区委办、区委网信办、区财政局、区审计局 — the departments art. 11(1)(iii) names (等相关部门: others may be added)."""


def _rounds(ctx: Context) -> Iterator[tuple[int, ReviewRound]]:
    """The review rounds already started on ``as_of``, numbered from 1."""
    for number, round_ in enumerate(ctx.project.review, 1):
        if ctx.known(round_.received) is not None:
            yield number, round_


def _subject(number: int) -> str:
    return f"round {number}"


def _classified(ctx: Context, *, pre_review: bool = False) -> Outcome | None:
    """涉密项目按国家有关保密规定申报 (D19): NOT_APPLICABLE for a classified project, unless the option
    ``pre_review_only`` keeps it in this step (``pre_review``: a step of the pre-review, out under every reading)."""
    if not ctx.project.classified:
        return None
    if pre_review:
        return ctx.not_applicable(
            "涉密项目按国家有关保密规定申报，不经预审（D19）",
            "a classified project is filed under the secrecy rules: no pre-review (D19)",
        )
    if ctx.interpretation.classified_application is ClassifiedApplication.PRE_REVIEW_ONLY:
        return None
    return ctx.not_applicable(
        "涉密项目按国家有关保密规定申报，不适用本流程（D19）",
        "a classified project is filed under the secrecy rules, outside this flow (D19)",
    )


def review_opinions(round_: ReviewRound) -> dict[Party, date | None]:
    """Every department of the round's review: the four art. 11(1)(iii) names, and any other the round lists."""
    return dict.fromkeys(REVIEW_DEPARTMENTS) | round_.department_opinions


# 第十一条第一款第（一）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.filing_set",
    provision="art11.p1.i1",
    title_zh="向区数据局提供部门请示文件或报告、可行性研究报告、造价咨询评估报告",
    title_en="The application holds the request, the feasibility study and the cost assessment",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D19",),
)
def filing_set(ctx: Context) -> Iterator[Outcome]:
    """项目单位依据项目必要性、紧迫性向区数据局提供部门请示文件或报告、可行性研究报告、造价咨询评估报告.

    D19: a classified project is out by default; with ``pre_review_only`` it still files the set.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        received = Label(f"review[{number - 1}].received", "区数据局收到申请", "application received")
        if (skip := ctx.reaches(round_.received, received, subject=_subject(number))) is not None:
            yield skip
            continue
        yield ctx.condition(
            *(
                ctx.expect(
                    Label(f"review[{number - 1}].documents.{doc.value}", doc.name_zh, doc.name_en),
                    doc in round_.documents,
                )
                for doc in Document
            ),
            subject=_subject(number),
        )


# 第十一条第一款第（二）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.initial_opinion",
    provision="art11.p1.i2",
    title_zh="区数据局在5个工作日内给予初审意见",
    title_en="Initial opinion within 5 working days of receipt",
    owed_by=Party.DATA_BUREAU,
    to=(Party.PROJECT_UNIT,),
    decisions=("D1", "D2", "D12", "D13", "D14"),
)
def initial_opinion(ctx: Context) -> Iterator[Outcome]:
    """区数据局接收到项目单位申请后，进行预审，在5个工作日内给予初审意见.

    D1: the day of receipt is not counted, also when it is a rest day (option D1b: a receipt on a rest day is
    deemed to happen on the next working day, which is not counted). D19: a classified project has no pre-review.
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        yield ctx.within(
            round_.received,
            WorkingDays(5),
            round_.initial_opinion.issued if round_.initial_opinion else None,
            start_label=Label(f"review[{number - 1}].received", "收到申请", "application received"),
            done_label=Label(
                f"review[{number - 1}].initial_opinion.issued", "出具初审意见", "initial opinion issued"
            ),
            subject=_subject(number),
        )


@rule(
    "art11.revision",
    provision="art11.p1.i2",
    title_zh="项目单位在15个工作日内针对初审意见完善修改申报材料，否则退回申请",
    title_en="Revised materials within 15 working days of the initial opinion, else the application is returned",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D12", "D13", "D15"),
)
def revision(ctx: Context) -> Iterator[Outcome]:
    """项目单位应在15个工作日内针对初审意见完善修改申报材料，否则将退回申请.

    D15 (default ``returned_on_expiry``): the application counts as returned once working day 15 ends without
    revised materials; materials handed in later are a resubmission, a new round whose clock starts again.
    Option ``returned_by_notice``: the application is returned only on the return 区数据局 records
    (``returned``); until then it stays open and overdue, and late materials continue the round.
    The status is the duty's (met, late, overdue, pending) under both; the note says whether and when the
    application is returned. D19: a classified project has no pre-review. An initial opinion that passes the
    application unchanged (``accept``) or rejects it (``reject``) owes no revision: NOT_APPLICABLE.
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    by_notice = ctx.interpretation.revision_expiry is RevisionExpiry.RETURNED_BY_NOTICE
    for number, round_ in _rounds(ctx):
        opinion = round_.initial_opinion
        if opinion is not None and ctx.known(opinion.issued) and opinion.outcome in _NO_REVISION:
            zh, en = _NO_REVISION[opinion.outcome]
            yield ctx.not_applicable(zh, en, subject=_subject(number))
            continue
        outcome = ctx.within(
            opinion.issued if opinion else None,
            WorkingDays(15),
            round_.revised,
            start_label=Label(
                f"review[{number - 1}].initial_opinion.issued", "出具初审意见", "initial opinion issued"
            ),
            done_label=Label(f"review[{number - 1}].revised", "修改后的申报材料", "revised materials"),
            subject=_subject(number),
        )
        if outcome.status in (Status.OVERDUE, Status.LATE):
            zh, en = _return_note(outcome.due, ctx.known(round_.returned), by_notice=by_notice)
            outcome.note_zh = outcome.note_zh.rstrip("。") + zh
            outcome.note_en = outcome.note_en.rstrip(".") + en
        yield outcome


_NO_REVISION = {
    InitialOpinionOutcome.ACCEPT: (
        "初审意见为通过预审、无需修改，项目单位无须完善修改申报材料",
        "the initial opinion passed the application unchanged: no revision is owed",
    ),
    InitialOpinionOutcome.REJECT: (
        "初审意见为不予通过，本轮申报结束，无须完善修改",
        "the initial opinion rejected the application: the round ends, no revision is owed",
    ),
}


def _return_note(due: date | None, returned: date | None, *, by_notice: bool) -> tuple[str, str]:
    """D15: whether, and from when, an application whose revision window ran out is returned."""
    if not by_notice:
        return (
            f"；第15个工作日（{due}）届满未完善材料，申请视为退回（D15），此后提交的材料为重新申报，重新计时",
            f"; working day 15 ({due}) ended without revised materials: the application is returned (D15); "
            "materials handed in later are a resubmission whose clock starts again",
        )
    if returned is not None:
        return (
            f"；区数据局于{returned}退回申请（D15 按退回记录），重新申报重新计时",
            f"; 区数据局 returned the application on {returned} (D15 by notice); a resubmission starts a new clock",
        )
    return (
        "；区数据局尚未记录退回，申请仍在本轮（D15 按退回记录）",
        "; 区数据局 has recorded no return: the application stays in this round (D15 by notice)",
    )


# 第十一条第一款第（三）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.department_review",
    provision="art11.p1.i3",
    title_zh="相关部门在3个工作日内出具审查意见",
    title_en="Each department gives its review opinion within 3 working days",
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D12", "D13", "D19"),
)
def department_review(ctx: Context) -> Iterator[Outcome]:
    """区数据局将项目单位申请材料同步至区委办、区委网信办、区财政局、区审计局等相关部门，在3个工作日内出具审查意见.

    One finding per department: the four named ones always, and any other the round lists (等相关部门).
    D19: a classified project is out by default; with ``pre_review_only`` its departments still answer in 3 days.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        for party, opinion in review_opinions(round_).items():
            yield ctx.within(
                round_.sent_to_departments,
                WorkingDays(3),
                opinion,
                start_label=Label(
                    f"review[{number - 1}].sent_to_departments",
                    "材料同步至相关部门",
                    "materials sent to the departments",
                ),
                done_label=Label(
                    f"review[{number - 1}].department_opinions.{party.value}",
                    f"{party.name_zh}审查意见",
                    f"{party.name_en} opinion",
                ),
                subject=f"{_subject(number)}: {party.value}",
                owed_by=party,
            )


@rule(
    "art11.departments_after_revision",
    provision="art11.p1.i3",
    title_zh="项目单位根据初审意见完善申报材料后，区数据局再将申请材料同步至相关部门",
    title_en="The materials go to the departments only after the unit revised them following the initial opinion",
    owed_by=Party.DATA_BUREAU,
    to=REVIEW_DEPARTMENTS,
    decisions=("D17",),
)
def departments_after_revision(ctx: Context) -> Iterator[Outcome]:
    """项目单位根据初审意见完善申报材料后，区数据局将项目单位申请材料同步至区委办、区委网信办、区财政局、区审计局等
    相关部门.

    NOT_APPLICABLE until the materials are sent (``review[n].sent_to_departments``); then HOLDS when the revised
    materials (``review[n].revised``) came on or before that day, FAILS when they came later or are not given (sent
    without the revision). D17: a revision and a sending on the same day are in order (option ``earlier_day``: the
    revision must be dated a day before). A classified project has no pre-review to follow (D19, every reading).
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        idx = number - 1
        sent = ctx.known(round_.sent_to_departments)
        if sent is None:
            yield ctx.not_applicable(
                "申请材料尚未同步至相关部门",
                "the materials have not been sent to the departments",
                subject=_subject(number),
            )
            continue
        sent_label = Label(f"review[{idx}].sent_to_departments", "申请材料同步至相关部门", "materials sent")
        if (skip := ctx.reaches(sent, sent_label, subject=_subject(number))) is not None:
            yield skip
            continue
        opinion = round_.initial_opinion
        if (
            opinion is not None
            and ctx.known(opinion.issued)
            and opinion.outcome is InitialOpinionOutcome.ACCEPT
        ):
            yield ctx.condition(
                ctx.check(
                    Label(
                        f"review[{idx}].sent_to_departments",
                        "申请材料同步至相关部门（初审意见之后）",
                        "materials sent to the departments (after the initial opinion)",
                    ),
                    ctx.after,
                    opinion.issued,
                    sent,
                ),
                subject=_subject(number),
                note_zh="初审意见为通过预审、无需修改，申报材料原样同步至相关部门",
                note_en="the initial opinion passed the application unchanged: the materials go on as they are",
            )
            continue
        revised = ctx.known(round_.revised)
        if revised is None:
            check = ctx.expect(
                Label(
                    f"review[{idx}].revised",
                    f"同步至相关部门（{sent}）之前已根据初审意见完善申报材料",
                    f"materials revised after the initial opinion before they were sent ({sent})",
                ),
                False,
            )
        else:
            check = ctx.check(
                Label(
                    f"review[{idx}].sent_to_departments",
                    "申请材料同步至相关部门（完善申报材料之后）",
                    "materials sent to the departments (after the revision)",
                ),
                ctx.after,
                revised,
                sent,
            )
        yield ctx.condition(
            check,
            subject=_subject(number),
            note_zh=f"完善申报材料：{revised or '未提供'}；同步至相关部门：{sent}",
            note_en=f"revised: {revised or 'not given'}; sent to the departments: {sent}",
        )


# 第十一条第一款第（四）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.joint_evaluation",
    provision="art11.p1.i4",
    title_zh="联合评审小组在5个工作日内出具专家评审意见",
    title_en="The joint panel gives the expert opinion within 5 working days",
    owed_by=Party.JOINT_PANEL,
    to=(Party.DATA_BUREAU, Party.PROJECT_UNIT),
    decisions=("D1", "D2", "D9", "D12", "D13", "D19"),
)
def joint_evaluation(ctx: Context) -> Iterator[Outcome]:
    """联合评审小组…在5个工作日内对项目的技术可行性、建设内容合理性及投资概算进行综合评估，出具专家评审意见.

    D9 (default ``panel_receives_materials``): the clock runs from the day the panel receives the materials;
    option ``department_review_complete``: from the day the last department opinion is given (all of them,
    the four named departments included, must have answered); the start check shows that opinion. D19: a
    classified project is out by default; with ``pre_review_only`` it is evaluated too.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    by_panel = (
        ctx.interpretation.joint_evaluation_clock_start is JointEvaluationClockStart.PANEL_RECEIVES_MATERIALS
    )
    for number, round_ in _rounds(ctx):
        if by_panel:
            start = round_.panel_received
            start_label = Label(
                f"review[{number - 1}].panel_received", "评审小组收到材料", "panel received materials"
            )
        else:
            opinions = {party: ctx.known(day) for party, day in review_opinions(round_).items()}
            last = max(opinions, key=lambda party: opinions[party] or date.min)
            start = None if None in opinions.values() else opinions[last]
            start_label = Label(
                f"review[{number - 1}].department_opinions.{last.value}",
                "部门会审意见全部出具（最后一份）",
                "all department opinions given (the last)",
            )
        yield ctx.within(
            start,
            WorkingDays(5),
            round_.expert_opinion,
            start_label=start_label,
            done_label=Label(f"review[{number - 1}].expert_opinion", "专家评审意见", "expert opinion"),
            subject=_subject(number),
        )


_AFTER_EXPERT_OPINION = (
    ("revised_after_evaluation", "根据专家评审意见完善申报材料", "materials revised after the evaluation"),
    ("fiscal_review_report", "财评报告", "fiscal review report"),
    ("final_opinion", "最终审核意见", "final opinion"),
)


@rule(
    "art11.evaluation_sequence",
    provision="art11.p1.i4",
    title_zh="部门会审后联合评审；专家意见后完善材料、出具财评报告，最后形成最终审核意见",
    title_en="Joint evaluation after the departmental review; revision, fiscal report and final opinion after the "
    "expert opinion, the final opinion last",
    owed_by=Party.DATA_BUREAU,
    decisions=("D17", "D19", "D20"),
)
def evaluation_sequence(ctx: Context) -> Iterator[Outcome]:
    """项目申报材料经部门会审后…联合评审…项目单位应根据专家评审意见完善申报材料，区财政局根据评估情况出具财评报告，
    区数据局形成最终审核意见.

    Each step that has happened (on ``as_of``) must not come before the one it follows: the panel receives the
    materials on or after the last department opinion given; the revision, the fiscal report and the final opinion
    on or after the expert opinion (a step taken while no expert opinion exists fails); the final opinion on or
    after the revision and the fiscal report.

    D20 (default ``last_step``): "区数据局形成最终审核意见" is the last step, after the revision and the fiscal report
    (the sentence's order and "最终"); option ``after_expert_opinion``: it need only follow the expert opinion.
    D17: "on or after" (default); with ``earlier_day`` each step must be dated after the one it follows.
    D19: a classified project is out by default; with ``pre_review_only`` its sequence is checked too. D13: the
    evaluation is judged from its start (the panel's receipt); one begun before the effective date is out of reach.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    follows = ctx.after
    final_last = ctx.interpretation.final_opinion_order is FinalOpinionOrder.LAST_STEP
    for number, round_ in _rounds(ctx):
        if ctx.known(round_.panel_received) is None:
            yield ctx.not_applicable(
                "联合评审尚未开始", "the joint evaluation has not started", subject=_subject(number)
            )
            continue
        idx = number - 1
        panel = Label(f"review[{idx}].panel_received", "联合评审小组收到材料", "panel received the materials")
        if (skip := ctx.reaches(round_.panel_received, panel, subject=_subject(number))) is not None:
            yield skip
            continue
        given = [d for d in (ctx.known(day) for day in review_opinions(round_).values()) if d is not None]
        checks = [
            ctx.check(
                Label(f"review[{idx}].panel_received", "评审小组收到材料", "panel received materials"),
                follows,
                max(given) if given else ctx.known(round_.sent_to_departments),
                round_.panel_received,
            )
        ]
        expert = ctx.known(round_.expert_opinion)
        for field, zh, en in _AFTER_EXPERT_OPINION:
            day = ctx.known(getattr(round_, field))
            if day is None:
                continue
            label = Label(f"review[{idx}].{field}", zh, en)
            if expert is None:
                checks.append(_absent_before(ctx, label, "专家评审意见", "expert opinion", day))
            else:
                checks.append(ctx.check(label, follows, expert, day))
        final = ctx.known(round_.final_opinion)
        if final is not None and final_last:
            for field, zh, en in _AFTER_EXPERT_OPINION[:2]:
                day = ctx.known(getattr(round_, field))
                if day is not None:
                    checks.append(
                        ctx.check(
                            Label(
                                f"review[{idx}].final_opinion",
                                f"最终审核意见（{zh}之后）",
                                f"final opinion (after {en})",
                            ),
                            follows,
                            day,
                            final,
                        )
                    )
        yield ctx.condition(*checks, subject=_subject(number))


def _absent_before(ctx: Context, label: Label, before_zh: str, before_en: str, day: date) -> Check:
    """A step taken on ``day`` while the step it must follow had not happened: a failed check."""
    return ctx.expect(
        Label(
            label.fact, f"{label.zh}（{day}）之前已有{before_zh}", f"{before_en} before {label.en} ({day})"
        ),
        False,
    )


# 第十一条第二款 ——————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.om_plan",
    provision="art11.p2",
    title_zh="整体运维方案按年度报区数据局审核、区财政局复核后列入年度预算",
    title_en="The annual O&M plan is reviewed by the data bureau and re-checked by finance before the budget",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU, Party.FINANCE_BUREAU),
    decisions=("D17",),
)
def om_plan(ctx: Context) -> Iterator[Outcome]:
    """区各有关单位政务信息系统整体运维方案按年度报区数据局审核，由区财政局复核后列入年度预算.

    One finding per plan (subject: the budget year). A plan in the annual budget (``budgeted`` on or before
    ``as_of``) must have been reviewed by 区数据局 (on or after its submission) and then re-checked by 区财政局, each
    concluding that it passes, both before the budget entry: a missing or rejecting step FAILS, since the budget
    entry is the step it must precede; a step whose conclusion is not stated is UNDETERMINED. A plan not yet in the
    budget fails only when a step already taken is out of order (a re-check without or before the review);
    otherwise the rule is not yet applicable and says how far the plan has come. D17: a step on the same day as
    the one it follows is in order (option ``earlier_day``: it must be dated a day later). D13: a plan filed before
    the effective date is out of reach.
    """
    if not ctx.project.om_plans:
        yield ctx.not_applicable("未报送年度运维方案", "no annual O&M plan given")
        return
    for n, plan in enumerate(ctx.project.om_plans):
        if (later := om_plan_not_yet_filed(ctx, plan)) is not None:
            yield later
            continue
        if (skip := om_plan_reached(ctx, n, plan)) is not None:
            yield skip
            continue
        given, order = _om_checks(ctx, f"om_plans[{n}]", plan)
        budgeted = ctx.known(plan.budgeted)
        if budgeted is not None:
            yield ctx.condition(
                *given,
                *order,
                subject=str(plan.year),
                note_zh=f"{budgeted}列入年度预算",
                note_en=f"entered in the annual budget on {budgeted}",
            )
        elif any(c.ok is False for c in order):
            yield ctx.condition(
                *order, subject=str(plan.year), note_zh="尚未列入年度预算", note_en="not yet in the budget"
            )
        else:
            zh, en = _om_stage(ctx, plan)
            yield ctx.not_applicable(
                f"尚未列入年度预算；目前进度：{zh}",
                f"not yet in the annual budget; stage reached: {en}",
                subject=str(plan.year),
            )


def om_plan_not_yet_filed(ctx: Context, plan: OmPlan) -> Outcome | None:
    """NOT_APPLICABLE (subject: the plan's year) for an O&M plan filed after ``as_of``: not known on that date.

    A plan is filed on its submission, or — without a submission date — on its first later step
    (:meth:`~tinghu_policy.facts.OmPlan.filing`). Shared by art. 11 para. 2, art. 12 and art. 13."""
    if plan.filed_by(ctx.as_of):
        return None
    filing = plan.filing()
    day = filing[1] if filing else None
    return ctx.not_applicable(
        f"运维方案于{day}报送，评估日尚未发生",
        f"the O&M plan is filed on {day}, after as_of",
        subject=str(plan.year),
    )


def om_plan_reached(ctx: Context, n: int, plan: OmPlan) -> Outcome | None:
    """D13 for an O&M plan: judged by its filing (always reached when the plan has no date at all)."""
    filing = plan.filing()
    if filing is None:
        return None
    fact, day = filing
    return ctx.reaches(
        day, Label(f"om_plans[{n}].{fact}", "运维方案报送", "the O&M plan's filing"), subject=str(plan.year)
    )


def _om_checks(ctx: Context, prefix: str, plan: OmPlan) -> tuple[list[Check], list[Check]]:
    """The steps taken (review, re-check, each passing) and their order, as known on ``as_of``."""
    review, recheck = plan.reviewed_by_data_bureau, plan.rechecked_by_finance
    reviewed = ctx.known(review.day) if review else None
    rechecked = ctx.known(recheck.day) if recheck else None
    review_label = Label(
        f"{prefix}.reviewed_by_data_bureau.day", "区数据局审核日期", "reviewed by the data bureau on"
    )
    recheck_label = Label(
        f"{prefix}.rechecked_by_finance.day", "区财政局复核日期", "re-checked by finance on"
    )
    given = [
        ctx.expect(
            Label(f"{prefix}.reviewed_by_data_bureau", "经区数据局审核", "reviewed by the data bureau"),
            reviewed is not None,
        ),
        ctx.expect(
            Label(f"{prefix}.rechecked_by_finance", "经区财政局复核", "re-checked by finance"),
            rechecked is not None,
        ),
    ]
    for act, when, name, zh, en in (
        (review, reviewed, "reviewed_by_data_bureau", "区数据局审核结论", "the data bureau's conclusion"),
        (recheck, rechecked, "rechecked_by_finance", "区财政局复核结论", "the finance bureau's conclusion"),
    ):
        if act is not None and when is not None:
            outcome = None if act.outcome is None else act.outcome.value
            given.append(
                ctx.check(
                    Label(f"{prefix}.{name}.outcome", zh, en),
                    Relation.EQUALS,
                    ReviewOutcome.APPROVED.value,
                    outcome,
                )
            )
    order = []
    if reviewed is not None and ctx.known(plan.submitted) is not None:
        order.append(ctx.check(review_label, ctx.after, plan.submitted, reviewed))
    if rechecked is not None:
        if reviewed is None:
            order.append(_absent_before(ctx, recheck_label, "区数据局审核", "data bureau review", rechecked))
        elif review is not None and review.outcome is ReviewOutcome.REJECTED:
            order.append(
                _absent_before(
                    ctx, recheck_label, "区数据局审核通过", "a data bureau review that passed", rechecked
                )
            )
        else:
            order.append(ctx.check(recheck_label, ctx.after, reviewed, rechecked))
    budgeted = ctx.known(plan.budgeted)
    if budgeted is not None and rechecked is not None:
        order.append(
            ctx.check(
                Label(
                    f"{prefix}.budgeted",
                    "列入年度预算（复核之后）",
                    "entered in the budget (after the re-check)",
                ),
                ctx.after,
                rechecked,
                budgeted,
            )
        )
    return given, order


def _om_stage(ctx: Context, plan: OmPlan) -> tuple[str, str]:
    review, recheck = plan.reviewed_by_data_bureau, plan.rechecked_by_finance
    if recheck is not None and ctx.known(recheck.day) is not None:
        return f"区财政局已于{recheck.day}复核", f"re-checked by finance on {recheck.day}"
    if review is not None and ctx.known(review.day) is not None:
        if review.outcome is ReviewOutcome.REJECTED:
            return (
                f"区数据局于{review.day}审核未通过",
                f"the data bureau's review of {review.day} did not pass it",
            )
        return (
            f"区数据局已于{review.day}审核，待区财政局复核",
            f"reviewed by the data bureau on {review.day}, awaiting the finance re-check",
        )
    if ctx.known(plan.submitted) is not None:
        return f"已于{plan.submitted}报区数据局，待审核", f"submitted on {plan.submitted}, awaiting review"
    return "尚未报送区数据局", "not yet submitted to the data bureau"
