"""第十五条 数据资源共享 — the data-sharing chapter and what it establishes, no restricted sharing, the data-resource
catalogue before approval.

Paragraph 1 is three rules:

* ``art15.sharing_chapter`` — 可行性研究报告、初步设计应包括数据资源共享分析篇（章）: each document has the chapter
  (``in_feasibility_study``, ``in_preliminary_design``), each judged once it exists (the study filed with an
  application of art. 11(1)(i), the preliminary design approved);
* ``art15.sharing_arrangements`` — 编制数据资源目录，明确数据共享类型、要求和共享途径，建立数据共享长效机制和共享数据
  使用情况反馈机制: the catalogue (``data_catalogue`` or its date ``catalogue_compiled``), the sharing types,
  requirements and channels (``sharing_terms_defined``), the lasting sharing mechanism (``long_term_mechanism``)
  and the feedback mechanism (``feedback_mechanism``), in question from the same point;
* ``art15.no_restricted_sharing`` — 不得将应普遍共享的数据仅与特定部门共享，或仅向特定企业、社会组织开放.

"持续畅通数据共享应用" is a continuing aim with no measure a fact could meet; it is listed as encoded in part.

Paragraph 2's first sentence (数据资源目录是审批相关政务信息化项目的必备条件) is ``art15.catalogue_before_approval``:
the catalogue must exist when the project is approved, so the rule compares its date (``catalogue_compiled``) with
the approval's. A catalogue said to exist (``data_catalogue`` true) with no date cannot be placed before the
approval: UNDETERMINED, naming the date — a yes/no answered today does not show what existed on the day of
approval. D17 (default ``same_day_counts``): a catalogue compiled on the day of approval is in time; option
``earlier_day``: it must be dated a day before. The second sentence (数据资源共享的完整性、时效性…是确定项目实施、
运行维护经费安排和验收的重要依据) makes sharing completeness, timeliness, channels and scope, and network, data and
product security "an important basis" for decisions on funding and acceptance: one basis among others, with no
threshold, weight or consequence a rule could compute (unlike the first sentence's "必备条件"). It is listed as
encoded in part.

D13: the chapter and the sharing arrangements are judged with the project as decided (its approval, or before it
the latest application); the catalogue with the approval it conditions.
"""

from __future__ import annotations

from tinghu_policy.engine import Comparison, Context, Label, Outcome, rule
from tinghu_policy.facts import Document
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import decision
from tinghu_policy.rules.wording import art15_data_sharing as say

_COMPILED = "approval.data_sharing.catalogue_compiled"
_CATALOGUE = "approval.data_sharing.data_catalogue"
_IN_STUDY = Label(
    "approval.data_sharing.in_feasibility_study",
    "可行性研究报告包括数据资源共享分析篇（章）",
    "the feasibility study has the data-sharing chapter",
)
_IN_DESIGN = Label(
    "approval.data_sharing.in_preliminary_design",
    "初步设计包括数据资源共享分析篇（章）",
    "the preliminary design has the data-sharing chapter",
)
_COMPILED_BY = Label(_COMPILED, "数据资源目录已编制（依编制日期）", "catalogue compiled (by its date)")
_CATALOGUE_GIVEN = Label(_CATALOGUE, "编制数据资源目录", "data-resource catalogue")
_TERMS = Label(
    "approval.data_sharing.sharing_terms_defined",
    "明确数据共享类型、要求和共享途径",
    "sharing types, requirements and channels defined",
)
_LASTING = Label(
    "approval.data_sharing.long_term_mechanism", "建立数据共享长效机制", "a lasting data-sharing mechanism"
)
_FEEDBACK = Label(
    "approval.data_sharing.feedback_mechanism",
    "建立共享数据使用情况反馈机制",
    "a feedback mechanism on the use of shared data",
)
_RESTRICTED = Label(
    "approval.data_sharing.restricted_sharing",
    "应普遍共享的数据仅与特定部门共享或仅向特定企业、社会组织开放",
    "generally shareable data restricted to particular departments or firms",
)
_APPROVAL = Label("approval.approved", "审批", "approval")
_COMPILED_BEFORE = Label(
    _COMPILED, "数据资源目录编制完成日期（审批前）", "catalogue compiled (before approval)"
)
_COMPILED_AT_APPROVAL = Label(_COMPILED, "审批时已编制数据资源目录", "catalogue at approval")
_CATALOGUE_AT_APPROVAL = Label(_CATALOGUE, "审批时已编制数据资源目录", "catalogue at approval")
_CATALOGUE_COMPILED = Label(_CATALOGUE, "已编制数据资源目录", "a catalogue was compiled")


def _study_filed(ctx: Context) -> bool:
    """A feasibility study has been filed (in a review round started on ``as_of``; found once per evaluation)."""
    memo = ctx.memo
    found: bool | None = memo.get(_study_filed)
    if found is None:
        found = memo[_study_filed] = any(
            ctx.known(r.received) is not None and Document.FEASIBILITY_STUDY in r.documents
            for r in ctx.project.review
        )
    return found


def _design_approved(ctx: Context) -> bool:
    return ctx.known(ctx.project.implementation.preliminary_design_approved) is not None


def _not_yet(ctx: Context) -> Outcome | None:
    """NOT_APPLICABLE before a feasibility study is filed or a preliminary design approved; D13 after."""
    if not _study_filed(ctx) and not _design_approved(ctx):
        return ctx.not_applicable(say.NO_DOCUMENTS)
    return decision(ctx)


@rule(
    "art15.sharing_chapter",
    provision="art15.p1",
    title_zh="可行性研究报告、初步设计包括数据资源共享分析篇（章）",
    title_en="The feasibility study and the preliminary design each carry a data-sharing chapter",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def sharing_chapter(ctx: Context) -> Outcome:
    """可行性研究报告、初步设计应包括数据资源共享分析篇（章）.

    Each document is judged once it exists: the feasibility study once filed (art. 11(1)(i)), the preliminary
    design once approved; a document without the chapter FAILS, one whose chapter is not stated is UNDETERMINED.
    """
    if (skip := _not_yet(ctx)) is not None:
        return skip
    sharing = ctx.project.approval.data_sharing
    chapters = []
    if _study_filed(ctx):
        chapters.append(ctx.expect(_IN_STUDY, sharing.in_feasibility_study))
    if _design_approved(ctx):
        chapters.append(ctx.expect(_IN_DESIGN, sharing.in_preliminary_design))
    return ctx.condition(*chapters)


def _catalogue(ctx: Context) -> Comparison:
    """编制数据资源目录 as known on ``as_of``: its date when given (compiled by then, or not yet), else the yes/no."""
    sharing = ctx.project.approval.data_sharing
    if sharing.catalogue_compiled is not None:
        return ctx.expect(_COMPILED_BY, ctx.known(sharing.catalogue_compiled) is not None)
    return ctx.expect(_CATALOGUE_GIVEN, sharing.data_catalogue)


@rule(
    "art15.sharing_arrangements",
    provision="art15.p1",
    title_zh="编制数据资源目录，明确数据共享类型、要求和共享途径，建立数据共享长效机制和共享数据使用情况反馈机制",
    title_en="A data-resource catalogue, the sharing types, requirements and channels, and lasting and feedback "
    "mechanisms",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
)
def sharing_arrangements(ctx: Context) -> Outcome:
    """…编制数据资源目录，明确数据共享类型、要求和共享途径，建立数据共享长效机制和共享数据使用情况反馈机制.

    In question once a feasibility study is filed or a preliminary design approved (the documents whose chapter
    sets them out). Four facts, all required: the catalogue (its date ``catalogue_compiled`` on or before
    ``as_of``, or ``data_catalogue``), ``sharing_terms_defined``, ``long_term_mechanism``, ``feedback_mechanism``;
    one false FAILS, one not given is UNDETERMINED naming it.
    """
    if (skip := _not_yet(ctx)) is not None:
        return skip
    sharing = ctx.project.approval.data_sharing
    return ctx.condition(
        _catalogue(ctx),
        ctx.expect(_TERMS, sharing.sharing_terms_defined),
        ctx.expect(_LASTING, sharing.long_term_mechanism),
        ctx.expect(_FEEDBACK, sharing.feedback_mechanism),
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
        ctx.expect(_RESTRICTED, ctx.project.approval.data_sharing.restricted_sharing, required=False)
    )


@rule(
    "art15.catalogue_before_approval",
    provision="art15.p2",
    title_zh="数据资源目录是审批相关政务信息化项目的必备条件",
    title_en="The data-resource catalogue is a precondition of approval",
    owed_by=Party.DATA_BUREAU,
    decisions=("D17",),
)
def catalogue_before_approval(ctx: Context) -> Outcome:
    """数据资源目录是审批相关政务信息化项目的必备条件.

    NOT_APPLICABLE until the project is approved. Then the catalogue must have been compiled on or before the day
    of approval (``catalogue_compiled``; D17 for the same day): compiled later, or never (``data_catalogue``
    false), FAILS; said to exist but with no date (``data_catalogue`` true) it cannot be placed before the
    approval, so UNDETERMINED naming the date; neither fact given is UNDETERMINED too.
    """
    approved = ctx.known(ctx.project.approval.approved)
    if approved is None:
        return ctx.not_applicable(say.NOT_APPROVED)
    if (skip := ctx.reaches(approved, _APPROVAL)) is not None:
        return skip
    sharing = ctx.project.approval.data_sharing
    checks: tuple[Comparison, ...]
    if sharing.catalogue_compiled is not None or sharing.data_catalogue is not False:
        # the date decides; with none given, the yes/no is shown beside it (true: compiled, on a day not given)
        shown = ctx.known(sharing.catalogue_compiled)
        # a date after as_of: compiled after as_of, so after the approval
        if sharing.catalogue_compiled is not None and shown is None:
            checks = (ctx.expect(_COMPILED_AT_APPROVAL, False),)
        else:
            checks = (ctx.check(_COMPILED_BEFORE, ctx.before, approved, shown),)
        if sharing.catalogue_compiled is None:
            checks = (ctx.expect(_CATALOGUE_COMPILED, sharing.data_catalogue), *checks)
    else:
        checks = (ctx.expect(_CATALOGUE_AT_APPROVAL, False),)
    undated = sharing.catalogue_compiled is None and bool(sharing.data_catalogue)
    return ctx.condition(*checks, note=(say.approved_on, approved, undated))
