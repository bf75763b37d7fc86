"""第十一条 项目申报流程 — the filing set and the review clock (5, 15, 3 and 5 working days).

Each rule runs once per review round (``Project.review``, oldest first); a round ends with a return (退回, D15)
and a resubmission is a new round whose clock starts again.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Outcome, Relation, Status, rule
from tinghu_policy.facts import Document, ReviewRound
from tinghu_policy.interpretation import JointEvaluationClockStart, RevisionExpiry
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkingDays

REVIEW_DEPARTMENTS = (Party.COMMITTEE_OFFICE, Party.CYBERSPACE_OFFICE, Party.FINANCE_BUREAU, Party.AUDIT_BUREAU)
"""区委办、区委网信办、区财政局、区审计局 — the departments art. 11(1)(iii) names (等相关部门: others may be added)."""

_DOCUMENTS = {
    Document.REQUEST: ("部门请示文件或报告", "request document or report"),
    Document.FEASIBILITY_STUDY: ("可行性研究报告", "feasibility study report"),
    Document.COST_ASSESSMENT: ("造价咨询评估报告", "cost-consulting assessment report"),
}


def _rounds(ctx: Context) -> Iterator[tuple[int, ReviewRound]]:
    """The review rounds already started on ``as_of``, numbered from 1."""
    for number, round_ in enumerate(ctx.project.review, 1):
        if ctx.known(round_.received) is not None:
            yield number, round_


def _subject(number: int) -> str:
    return f"round {number}"


def _classified(ctx: Context) -> Outcome | None:
    """涉密项目按国家有关保密规定申报: classified projects leave this flow."""
    if ctx.project.classified:
        return ctx.not_applicable(
            "涉密项目按国家有关保密规定申报，不适用本流程", "a classified project is filed under the secrecy rules"
        )
    return None


# 第十一条第一款第（一）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.filing_set",
    provision="art11.p1.i1",
    title_zh="向区数据局提供部门请示文件或报告、可行性研究报告、造价咨询评估报告",
    title_en="The application holds the request, the feasibility study and the cost assessment",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def filing_set(ctx: Context) -> Iterator[Outcome]:
    """项目单位依据项目必要性、紧迫性向区数据局提供部门请示文件或报告、可行性研究报告、造价咨询评估报告."""
    for number, round_ in _rounds(ctx):
        yield ctx.condition(
            *(
                ctx.expect(Label(f"review[{number - 1}].documents.{doc.value}", zh, en), doc in round_.documents)
                for doc, (zh, en) in _DOCUMENTS.items()
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
    decisions=("D1", "D2", "D12", "D14"),
)
def initial_opinion(ctx: Context) -> Iterator[Outcome]:
    """区数据局接收到项目单位申请后，进行预审，在5个工作日内给予初审意见."""
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        yield ctx.within(
            round_.received, WorkingDays(5), round_.initial_opinion,
            start_label=Label(f"review[{number - 1}].received", "收到申请", "application received"),
            done_label=Label(f"review[{number - 1}].initial_opinion", "初审意见", "initial opinion"),
            subject=_subject(number),
        )


@rule(
    "art11.revision",
    provision="art11.p1.i2",
    title_zh="项目单位在15个工作日内针对初审意见完善修改申报材料，否则退回申请",
    title_en="Revised materials within 15 working days of the initial opinion, else the application is returned",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D12", "D15"),
)
def revision(ctx: Context) -> Iterator[Outcome]:
    """项目单位应在15个工作日内针对初审意见完善修改申报材料，否则将退回申请."""
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        outcome = ctx.within(
            round_.initial_opinion, WorkingDays(15), round_.revised,
            start_label=Label(f"review[{number - 1}].initial_opinion", "初审意见", "initial opinion"),
            done_label=Label(f"review[{number - 1}].revised", "修改后的申报材料", "revised materials"),
            subject=_subject(number),
        )
        if outcome.status is Status.OVERDUE and (
            ctx.interpretation.revision_expiry is RevisionExpiry.RETURNED_ON_EXPIRY or ctx.known(round_.returned)
        ):
            outcome.note_zh += "；修改期限届满未完善材料，申请退回（D15），重新申报须重新计时"
            outcome.note_en += "; the window ran out without revised materials: the application is returned (D15)"
        yield outcome


# 第十一条第一款第（三）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.department_review",
    provision="art11.p1.i3",
    title_zh="相关部门在3个工作日内出具审查意见",
    title_en="Each department gives its review opinion within 3 working days",
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D12"),
)
def department_review(ctx: Context) -> Iterator[Outcome]:
    """区数据局将项目单位申请材料同步至区委办、区委网信办、区财政局、区审计局等相关部门，在3个工作日内出具审查意见."""
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        departments = dict.fromkeys(REVIEW_DEPARTMENTS) | round_.department_opinions
        for party, opinion in departments.items():
            yield ctx.within(
                round_.sent_to_departments, WorkingDays(3), opinion,
                start_label=Label(f"review[{number - 1}].sent_to_departments", "材料同步至相关部门",
                                  "materials sent to the departments"),
                done_label=Label(f"review[{number - 1}].department_opinions.{party.value}",
                                 f"{party.name_zh}审查意见", f"{party.name_en} opinion"),
                subject=f"{_subject(number)}: {party.value}", owed_by=party,
            )


# 第十一条第一款第（四）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.joint_evaluation",
    provision="art11.p1.i4",
    title_zh="联合评审小组在5个工作日内出具专家评审意见",
    title_en="The joint panel gives the expert opinion within 5 working days",
    owed_by=Party.JOINT_PANEL,
    to=(Party.DATA_BUREAU, Party.PROJECT_UNIT),
    decisions=("D1", "D2", "D9", "D12"),
)
def joint_evaluation(ctx: Context) -> Iterator[Outcome]:
    """联合评审小组…在5个工作日内对项目的技术可行性、建设内容合理性及投资概算进行综合评估，出具专家评审意见."""
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    by_panel = ctx.interpretation.joint_evaluation_clock_start is JointEvaluationClockStart.PANEL_RECEIVES_MATERIALS
    for number, round_ in _rounds(ctx):
        if by_panel:
            start = round_.panel_received
            start_label = Label(f"review[{number - 1}].panel_received", "评审小组收到材料", "panel received materials")
        else:
            opinions = list(round_.department_opinions.values())
            start = max(opinions) if opinions and None not in opinions else None  # type: ignore[type-var]
            start_label = Label(f"review[{number - 1}].department_opinions", "部门会审意见全部出具",
                                "all department opinions given")
        yield ctx.within(
            start, WorkingDays(5), round_.expert_opinion, start_label=start_label,
            done_label=Label(f"review[{number - 1}].expert_opinion", "专家评审意见", "expert opinion"),
            subject=_subject(number),
        )


@rule(
    "art11.evaluation_sequence",
    provision="art11.p1.i4",
    title_zh="部门会审后联合评审；专家意见后出具财评报告、形成最终审核意见",
    title_en="Joint evaluation after the departmental review; fiscal report and final opinion after the expert opinion",
    owed_by=Party.DATA_BUREAU,
)
def evaluation_sequence(ctx: Context) -> Iterator[Outcome]:
    """项目申报材料经部门会审后…联合评审…区财政局根据评估情况出具财评报告，区数据局形成最终审核意见."""
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        if ctx.known(round_.panel_received) is None:
            yield ctx.not_applicable("联合评审尚未开始", "the joint evaluation has not started", subject=_subject(number))
            continue
        idx = number - 1
        opinions = [d for d in round_.department_opinions.values() if d is not None]
        checks = [
            ctx.check(Label(f"review[{idx}].panel_received", "评审小组收到材料", "panel received materials"),
                      Relation.ON_OR_AFTER, max(opinions) if opinions else None, round_.panel_received),
        ]
        for field, zh, en in (("fiscal_review_report", "财评报告", "fiscal review report"),
                              ("final_opinion", "最终审核意见", "final opinion")):
            day = ctx.known(getattr(round_, field))
            if day is not None:
                checks.append(ctx.check(Label(f"review[{idx}].{field}", zh, en), Relation.ON_OR_AFTER,
                                        round_.expert_opinion, day))
        yield ctx.condition(*checks, subject=_subject(number))


# 第十一条第二款 ——————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.om_plan",
    provision="art11.p2",
    title_zh="整体运维方案按年度报区数据局审核、区财政局复核后列入年度预算",
    title_en="The annual O&M plan is reviewed by the data bureau and re-checked by finance before the budget",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU, Party.FINANCE_BUREAU),
)
def om_plan(ctx: Context) -> Iterator[Outcome]:
    """区各有关单位政务信息系统整体运维方案按年度报区数据局审核，由区财政局复核后列入年度预算."""
    if not ctx.project.om_plans:
        yield ctx.not_applicable("未报送年度运维方案", "no annual O&M plan given")
        return
    for n, plan in enumerate(ctx.project.om_plans):
        prefix = f"om_plans[{n}]"
        checks = [
            ctx.check(Label(f"{prefix}.reviewed_by_data_bureau", "区数据局审核", "data bureau review"),
                      Relation.ON_OR_AFTER, plan.submitted, ctx.known(plan.reviewed_by_data_bureau)),
            ctx.check(Label(f"{prefix}.rechecked_by_finance", "区财政局复核", "finance re-check"),
                      Relation.ON_OR_AFTER, plan.reviewed_by_data_bureau, ctx.known(plan.rechecked_by_finance)),
        ]
        if plan.in_annual_budget:
            yield ctx.condition(*checks, subject=str(plan.year))
        else:
            yield ctx.not_applicable("尚未列入年度预算", "not yet in the annual budget", subject=str(plan.year))
