"""第十五条 数据资源共享 — the data-sharing chapter, the data-resource catalogue, no restricted sharing.

Paragraph 2's second sentence (数据资源共享的完整性、时效性…是确定项目实施、运行维护经费安排和验收的重要依据) makes
sharing completeness, timeliness, channels and scope, and network, data and product security "an important basis"
for funding and acceptance: a factor the deciding departments weigh, with no threshold or consequence a rule could
compute. It is not encoded; its first sentence (the catalogue is a precondition of approval) is.

D13: the chapter and the sharing arrangement are judged with the project as decided (its approval, or before it
the latest application); the catalogue with the approval it conditions.
"""

from __future__ import annotations

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.facts import Document
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import decision


def _study_filed(ctx: Context) -> bool:
    """A feasibility study has been filed (in a review round started on ``as_of``)."""
    return any(
        ctx.known(r.received) is not None and Document.FEASIBILITY_STUDY in r.documents
        for r in ctx.project.review
    )


@rule(
    "art15.sharing_chapter",
    provision="art15.p1",
    title_zh="可行性研究报告、初步设计包括数据资源共享分析篇（章），编制数据资源目录",
    title_en="The feasibility study and preliminary design carry a data-sharing chapter and a data-resource catalogue",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def sharing_chapter(ctx: Context) -> Outcome:
    """可行性研究报告、初步设计应包括数据资源共享分析篇（章），编制数据资源目录，明确数据共享类型、要求和共享途径.

    In question once a feasibility study is filed (art. 11(1)(i)) or a preliminary design approved.
    """
    if not _study_filed(ctx) and ctx.known(ctx.project.implementation.preliminary_design_approved) is None:
        return ctx.not_applicable(
            "尚未报送可行性研究报告或初步设计", "no feasibility study or preliminary design yet"
        )
    if (skip := decision(ctx)) is not None:
        return skip
    sharing = ctx.project.approval.data_sharing
    chapters = []
    if _study_filed(ctx):
        chapters.append(
            ctx.expect(
                Label(
                    "approval.data_sharing.in_feasibility_study",
                    "可行性研究报告包括数据资源共享分析篇（章）",
                    "the feasibility study has the data-sharing chapter",
                ),
                sharing.in_feasibility_study,
            )
        )
    if ctx.known(ctx.project.implementation.preliminary_design_approved) is not None:
        chapters.append(
            ctx.expect(
                Label(
                    "approval.data_sharing.in_preliminary_design",
                    "初步设计包括数据资源共享分析篇（章）",
                    "the preliminary design has the data-sharing chapter",
                ),
                sharing.in_preliminary_design,
            )
        )
    return ctx.condition(
        *chapters,
        ctx.expect(
            Label("approval.data_sharing.data_catalogue", "编制数据资源目录", "data-resource catalogue"),
            sharing.data_catalogue,
        ),
    )


@rule(
    "art15.no_restricted_sharing",
    provision="art15.p1",
    title_zh="不得将应普遍共享的数据仅与特定部门共享，或仅向特定企业、社会组织开放",
    title_en="Data to be shared generally is not shared only with particular departments or opened to particular firms",
    owed_by=Party.PROJECT_UNIT,
)
def no_restricted_sharing(ctx: Context) -> Outcome:
    """不得将应普遍共享的数据仅与特定部门共享，或仅向特定企业、社会组织开放."""
    if (skip := decision(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(
            Label(
                "approval.data_sharing.restricted_sharing",
                "应普遍共享的数据仅与特定部门共享或仅向特定企业、社会组织开放",
                "generally shareable data restricted to particular departments or firms",
            ),
            ctx.project.approval.data_sharing.restricted_sharing,
            required=False,
        )
    )


@rule(
    "art15.catalogue_before_approval",
    provision="art15.p2",
    title_zh="数据资源目录是审批相关政务信息化项目的必备条件",
    title_en="The data-resource catalogue is a precondition of approval",
    owed_by=Party.DATA_BUREAU,
)
def catalogue_before_approval(ctx: Context) -> Outcome:
    """数据资源目录是审批相关政务信息化项目的必备条件.

    NOT_APPLICABLE until the project is approved; approved without a catalogue FAILS.
    """
    approved = ctx.known(ctx.project.approval.approved)
    if approved is None:
        return ctx.not_applicable(
            "尚未审批；审批前须编制数据资源目录", "not yet approved; a catalogue is needed first"
        )
    if (skip := ctx.reaches(approved, Label("approval.approved", "审批", "approval"))) is not None:
        return skip
    return ctx.condition(
        ctx.expect(
            Label(
                "approval.data_sharing.data_catalogue", "审批时已编制数据资源目录", "catalogue at approval"
            ),
            ctx.project.approval.data_sharing.data_catalogue,
        ),
        note_zh=f"审批日期：{ctx.project.approval.approved}",
        note_en=f"approved on {ctx.project.approval.approved}",
    )
