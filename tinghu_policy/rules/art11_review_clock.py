"""第十一条 项目申报流程 — the filing set and the review clock (5, 15, 3 and 5 working days), the return of an
application, the joint panel, the O&M plan.

Each rule runs once per review round (``Project.review``, oldest first); a round ends with a return (退回, D15)
and a resubmission is a new round whose clock starts again.

D19: 涉密项目按国家有关保密规定申报 sits in item (ii) but speaks of 申报, the whole of paragraph 1 ("项目申报流程"):
by default a classified project leaves every item of paragraph 1 (every rule of it is NOT_APPLICABLE), but not
paragraph 2; option ``pre_review_only`` takes it out of item (ii) only (the initial opinion, the revision, the
return, and the order of item (iii) that presupposes them).

D17: an order between two steps ("…后") is read at day granularity: steps on the same day are in order (option
``earlier_day``: the later step must be dated a day after).

D13: each rule judges an act of the round — the filing (its receipt), a clock's start, the return, the sending to
the departments, the start of the joint evaluation (the panel's receipt); an O&M plan is judged by its filing, a
budget year without a plan by the year its plan is prepared in. An act before the effective date is out of reach.

The initial opinion (``review[n].initial_opinion``) states what it asks: 要求完善修改 (``revise``, the case the text
describes), 通过预审、无需修改 (``accept``: no revision is owed, and the materials may go to the departments as
they are) or 不予通过 (``reject``: the application is returned with the opinion and the round ends). Not stated, the
text's case applies: the unit revises.

The revision window (D33, default ``receipt_where_recorded``): the 15 working days run from the day the unit received
the initial opinion (``initial_opinion.received_by_unit``, 送达) where that is recorded — the unit can revise only
what it has received, as the panel's 5 days run from its receipt (D9) — else from the day the opinion was issued;
option ``issue``: always from the issue ("针对初审意见" names the opinion).

The return (退回申请, D15, default ``returned_by_notice``): "否则将退回申请" is an act of 区数据局, not an effect of
the lapse of time (Chinese law writes 视为 for that). When the window ends without revised materials the unit's
revision is overdue and the return becomes due; the application is returned when 区数据局 returns it
(``review[n].returned``). Option ``returned_on_expiry``: it counts as returned when working day 15 ends. The return
is the only one item (ii) provides, and only "否则" — when the unit has not revised within the window: a return
before the window ends cuts the unit's time short and is 区数据局's breach (``art11.application_return``), and the
unit's revision is then not applicable (its duty ended with the return).

A pre-review rejection (``initial_opinion.outcome: reject``) returns the application with the opinion. Item (ii)
provides no such rejection — it returns an application only after the 15 working days — but the application may be
barred by another provision (art. 12: 未纳入规划…不得申请立项, under 区数据局's duty to 严把…审核审批关), and the facts
do not record the ground. The return rule therefore shows it as a notice (提示), naming 区数据局: neither a breach
item (ii) could establish nor a return item (ii) authorises. Once the pre-review asked for a revision, no such ground
is left: a return before the window ends fails.

A return recorded before any initial opinion is D41 (``return_without_opinion``, default ``opinion_owed``): "给予初审
意见" is 区数据局's duty and a return is no opinion, so the opinion stays owed (overdue once its 5 working days end,
judged by its day when given after the return), and the return, not the one item (ii) provides, fails — a refusal on
another provision's ground is given as an initial opinion that rejects (the notice above). Two blind readers took
this reading. Option ``refusal_notice``: such a return is a refusal at the pre-review whose ground the facts do not
record — the round and the opinion's clock end with it, and the return is a notice like a rejection.

A returned round (:func:`returned_on`: the recorded return, a rejecting initial opinion, or under D15's option the
end of the window) is over: its later steps — the sending to the departments, their opinions, the panel and what
follows it — belong to a new application and are NOT_APPLICABLE with that reason when dated after the return, and a
clock still running on the day of the return ends with it (a duty already overdue that day stays overdue).

"项目申报材料经部门会审后…联合评审" (item (iv)): the departmental review is complete only when every department of
the round has given its opinion; the panel's receipt is judged against each of them, and a panel that received
materials never sent to the departments fails naming the departmental review as the step skipped. "联合评审小组由
技术专家和财政专家组成" is judged on the panel's make-up (``panel_technical_experts``, ``panel_financial_experts``).

Paragraph 2 "按年度": a system in operation owes a plan for each budget year after the year it went into operation,
up to ``as_of``'s year (see :func:`om_plan`); an owed year without a plan fails. Not a named decision: the text asks
for a plan every year, and the choice made — the budget year after operation began, the plan due by the budget year's
start — is the least a unit in operation can owe.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Kept,
    Label,
    Labels,
    Note,
    Outcome,
    Relation,
    Status,
    Text,
    rule,
)
from tinghu_policy.engine.context import Worded
from tinghu_policy.errors import CalendarCoverageError
from tinghu_policy.facts import Document, InitialOpinionOutcome, OmPlan, ReviewOutcome, ReviewRound
from tinghu_policy.interpretation import (
    ClassifiedApplication,
    FinalOpinionOrder,
    JointEvaluationClockStart,
    ReturnWithoutOpinion,
    RevisionExpiry,
    RevisionWindowStart,
)
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkingDays
from tinghu_policy.rules.wording import art11_review_clock as say

REVIEW_DEPARTMENTS = (
    Party.COMMITTEE_OFFICE,
    Party.CYBERSPACE_OFFICE,
    Party.FINANCE_BUREAU,
    Party.AUDIT_BUREAU,
)
"""区委办、区委网信办、区财政局、区审计局 — the departments art. 11(1)(iii) names (等相关部门: others may be added)."""

REVISION_WINDOW = WorkingDays(15)
"""项目单位应在15个工作日内针对初审意见完善修改申报材料 (art. 11(1)(ii))."""
INITIAL_OPINION_PERIOD = WorkingDays(5)
"""在5个工作日内给予初审意见 (art. 11(1)(ii))."""
DEPARTMENT_PERIOD = WorkingDays(3)
"""在3个工作日内出具审查意见 (art. 11(1)(iii))."""
EVALUATION_PERIOD = WorkingDays(5)
"""在5个工作日内…出具专家评审意见 (art. 11(1)(iv))."""

# the facts of round n (index n - 1), each label made once per round
_RECEIVED_BY_BUREAU = Labels(
    lambda i: Label(f"review[{i}].received", "区数据局收到申请", "application received")
)
_RECEIVED = Labels(lambda i: Label(f"review[{i}].received", "收到申请", "application received"))
_ISSUED = Labels(
    lambda i: Label(f"review[{i}].initial_opinion.issued", "出具初审意见", "initial opinion issued")
)
_RECEIVED_BY_UNIT = Labels(
    lambda i: Label(
        f"review[{i}].initial_opinion.received_by_unit",
        "项目单位收到初审意见",
        "initial opinion received by the unit",
    )
)
_REVISED = Labels(lambda i: Label(f"review[{i}].revised", "修改后的申报材料", "revised materials"))
_RETURNED = Labels(lambda i: Label(f"review[{i}].returned", "退回申请", "application returned"))
_RETURNED_AFTER = Labels(
    lambda i: Label(
        f"review[{i}].returned", "退回申请（修改期限届满之后）", "application returned (after the window)"
    )
)
_OUTCOME = Labels(
    lambda i: Label(f"review[{i}].initial_opinion.outcome", "初审意见结论", "initial opinion's conclusion")
)
_SENT = Labels(
    lambda i: Label(
        f"review[{i}].sent_to_departments", "材料同步至相关部门", "materials sent to the departments"
    )
)
_SENT_MATERIALS = Labels(
    lambda i: Label(f"review[{i}].sent_to_departments", "申请材料同步至相关部门", "materials sent")
)
_SENT_AFTER_OPINION = Labels(
    lambda i: Label(
        f"review[{i}].sent_to_departments",
        "申请材料同步至相关部门（初审意见之后）",
        "materials sent to the departments (after the initial opinion)",
    )
)
_SENT_AFTER_REVISION = Labels(
    lambda i: Label(
        f"review[{i}].sent_to_departments",
        "申请材料同步至相关部门（完善申报材料之后）",
        "materials sent to the departments (after the revision)",
    )
)
_OPINION = Labels(
    lambda key: Label(f"review[{key[0]}].department_opinions.{key[1].value}", *say.department_opinion(key[1]))
)
_OPINION_BY_PANEL = Labels(
    lambda key: Label(f"review[{key[0]}].department_opinions.{key[1].value}", *say.opinion_by_panel(key[1]))
)
_LAST_OPINION = Labels(
    lambda key: Label(
        f"review[{key[0]}].department_opinions.{key[1].value}",
        "部门会审意见全部出具（最后一份）",
        "all department opinions given (the last)",
    )
)
_PANEL = Labels(
    lambda i: Label(f"review[{i}].panel_received", "评审小组收到材料", "panel received materials")
)
_PANEL_GATE = Labels(
    lambda i: Label(f"review[{i}].panel_received", "联合评审小组收到材料", "panel received the materials")
)
_EXPERT = Labels(lambda i: Label(f"review[{i}].expert_opinion", "专家评审意见", "expert opinion"))
_TECHNICAL = Labels(
    lambda i: Label(
        f"review[{i}].panel_technical_experts", "评审小组有技术专家", "technical experts on the panel"
    )
)
_FINANCIAL = Labels(
    lambda i: Label(
        f"review[{i}].panel_financial_experts", "评审小组有财政专家", "financial experts on the panel"
    )
)


def _rounds(ctx: Context) -> tuple[tuple[int, ReviewRound], ...]:
    """The review rounds already started on ``as_of``, numbered from 1 (found once per evaluation)."""
    found: tuple[tuple[int, ReviewRound], ...] | None = ctx.memo.get(_rounds)
    if found is None:
        as_of = ctx.as_of
        found = ctx.memo[_rounds] = tuple(
            (number, round_)
            for number, round_ in enumerate(ctx.project.review, 1)
            if round_.received <= as_of
        )
    return found


def _subject(number: int) -> str:
    return f"round {number}"


def _classified(ctx: Context, *, pre_review: bool = False) -> Outcome | None:
    """涉密项目按国家有关保密规定申报 (D19): NOT_APPLICABLE for a classified project, unless the option
    ``pre_review_only`` keeps it in this step (``pre_review``: a step of the pre-review, out under every reading)."""
    if not ctx.project.classified:
        return None
    if pre_review:
        return ctx.not_applicable(say.CLASSIFIED_NO_PRE_REVIEW)
    if ctx.interpretation.classified_application is ClassifiedApplication.PRE_REVIEW_ONLY:
        return None
    return ctx.not_applicable(say.CLASSIFIED_OUTSIDE)


def review_opinions(round_: ReviewRound) -> dict[Party, date | None]:
    """Every department of the round's review: the four art. 11(1)(iii) names, and any other the round lists."""
    return dict.fromkeys(REVIEW_DEPARTMENTS) | round_.department_opinions


_NO_REVISION_OUTCOMES = frozenset({InitialOpinionOutcome.ACCEPT, InitialOpinionOutcome.REJECT})


def _asks_no_revision(ctx: Context, round_: ReviewRound) -> InitialOpinionOutcome | None:
    """``accept`` or ``reject`` when the round's initial opinion, issued by ``as_of``, owes no revision."""
    opinion = round_.initial_opinion
    if opinion is None or ctx.known(opinion.issued) is None:
        return None
    return opinion.outcome if opinion.outcome in _NO_REVISION_OUTCOMES else None


# --- the revision window (D33) and the return (D15) ----------------------------------------------------------------


def revision_window(ctx: Context, number: int, round_: ReviewRound) -> tuple[date | None, Label]:
    """The day the unit's 15 working days run from, known on ``as_of`` (None: not yet), and the fact behind it (D33).

    Default ``receipt_where_recorded``: the unit's receipt of the initial opinion when that is recorded (not yet
    known on ``as_of``: the window has not started), else its issue; option ``issue``: its issue."""
    idx = number - 1
    opinion = round_.initial_opinion
    if opinion is None:
        return None, _ISSUED[idx]
    by_receipt = ctx.interpretation.revision_window_start is RevisionWindowStart.RECEIPT_WHERE_RECORDED
    if by_receipt and opinion.received_by_unit is not None:
        return ctx.known(opinion.received_by_unit), _RECEIVED_BY_UNIT[idx]
    return ctx.known(opinion.issued), _ISSUED[idx]


def _window_due(ctx: Context, start: date) -> date | None:
    """The last day of the revision window; None when it lies beyond the calendar data (D12)."""
    try:
        return ctx.deadline(start, REVISION_WINDOW).due
    except CalendarCoverageError:
        return None


def _window_floor(start: date) -> date:
    """A day the revision window's last day cannot precede, known without any calendar (D12): 15 working days take
    at least 15 days."""
    return start + timedelta(days=REVISION_WINDOW.n)


class Returned(NamedTuple):
    """The day a review round was returned (退回) and how, in a clause each language can quote (a note)."""

    day: date
    note: Note


def returned_on(ctx: Context, number: int, round_: ReviewRound) -> Returned | None:
    """The day the round was returned, as known on ``as_of`` (None: it was not): the earliest of a rejecting initial
    opinion (its issue), the return 区数据局 recorded, and — under D15's option ``returned_on_expiry`` only — the last
    day of a revision window that ended without revised materials. Steps dated after it belong to a new application.
    (Found once per round and evaluation.)
    """
    key = (returned_on, number)
    memo = ctx.memo
    if key in memo:
        known: Returned | None = memo[key]
        return known
    found: list[Returned] = []
    opinion = round_.initial_opinion
    no_revision = _asks_no_revision(ctx, round_)
    if opinion is not None and no_revision is InitialOpinionOutcome.REJECT:
        found.append(Returned(opinion.issued, (say.rejected_with_opinion, opinion.issued)))
    if (returned := ctx.known(round_.returned)) is not None:
        found.append(Returned(returned, (say.returned_by_bureau, returned)))
    if ctx.interpretation.revision_expiry is RevisionExpiry.RETURNED_ON_EXPIRY and no_revision is None:
        start, _ = revision_window(ctx, number, round_)
        due = None if start is None else _window_due(ctx, start)
        revised = ctx.known(round_.revised)
        if due is not None and ctx.as_of > due and (revised is None or revised > due):
            found.append(Returned(due, (say.returned_on_expiry, due)))
    made = memo[key] = min(found, key=lambda r: r.day) if found else None
    return made


def _in_round(day: date | None, returned: Returned | None) -> date | None:
    """``day`` if it belongs to the round: not after its return."""
    if day is None or returned is None or day <= returned.day:
        return day
    return None


def _after_return(ctx: Context, returned: Returned, subject: str, step: Text) -> Outcome:
    """NOT_APPLICABLE: the round was returned before (or without) this step, which belongs to a new application."""
    return ctx.not_applicable((say.after_return, returned.note, step), subject=subject)


def _ended_by_return(ctx: Context, outcome: Outcome, returned: Returned | None, what: Text) -> Outcome:
    """A clock of a returned round not met by the return while not yet due on its day ends with it."""
    if returned is None or outcome.status not in (Status.OVERDUE, Status.PENDING):
        return outcome
    if outcome.due is None or outcome.due < returned.day:
        return outcome
    return ctx.not_applicable(
        (say.ended_by_return, returned.note, what, outcome.due), subject=outcome.subject
    )


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

    D19: a classified project is out by default; with ``pre_review_only`` it still files the set. "依据项目必要性、
    紧迫性" is the unit's own ground for applying, which no fact records (art11.p1.i1 is encoded in part).
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        idx = number - 1
        if (
            skip := ctx.reaches(round_.received, _RECEIVED_BY_BUREAU[idx], subject=_subject(number))
        ) is not None:
            yield skip
            continue
        documents = round_.documents
        yield ctx.condition(
            *[ctx.expect(label, doc in documents) for doc, label in _DOCUMENTS[idx]], subject=_subject(number)
        )


_DOCUMENTS = Kept(
    lambda i: tuple(
        (doc, Label(f"review[{i}].documents.{doc.value}", doc.name_zh, doc.name_en)) for doc in Document
    )
)


# 第十一条第一款第（二）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.initial_opinion",
    provision="art11.p1.i2",
    title_zh="区数据局在5个工作日内给予初审意见",
    title_en="Initial opinion within 5 working days of receipt",
    owed_by=Party.DATA_BUREAU,
    to=(Party.PROJECT_UNIT,),
    decisions=("D1", "D2", "D12", "D13", "D14", "D41"),
)
def initial_opinion(ctx: Context) -> Iterator[Outcome]:
    """区数据局接收到项目单位申请后，进行预审，在5个工作日内给予初审意见.

    D1: the day of receipt is not counted, also when it is a rest day (option D1b: a receipt on a rest day is
    deemed to happen on the next working day, which is not counted). D19: a classified project has no pre-review.
    A return recorded after the opinion's due day leaves the opinion overdue (whether the return was allowed is
    ``art11.application_return``'s question). D41 (default ``opinion_owed``): no return ends the clock — the
    opinion stays owed: MET or LATE when given (after the return too), else PENDING until its due day and OVERDUE
    after it; option ``refusal_notice``: a return recorded before the opinion was due, with no opinion by then, ends
    the round and the clock with it (NOT_APPLICABLE).
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    owed = ctx.interpretation.return_without_opinion is ReturnWithoutOpinion.OPINION_OWED  # D41
    for number, round_ in _rounds(ctx):
        idx = number - 1
        returned = ctx.known(round_.returned)
        recorded = None if returned is None else Returned(returned, (say.returned_by_bureau, returned))
        issued = round_.initial_opinion.issued if round_.initial_opinion else None
        outcome = ctx.within(
            round_.received,
            INITIAL_OPINION_PERIOD,
            ctx.known(issued) if owed else _in_round(ctx.known(issued), recorded),
            start_label=_RECEIVED[idx],
            done_label=_ISSUED[idx],
            subject=_subject(number),
        )
        if owed:
            yield _still_owed(outcome, recorded)
        else:
            yield _ended_by_return(ctx, outcome, recorded, say.INITIAL_OPINION)


def _still_owed(outcome: Outcome, returned: Returned | None) -> Outcome:
    """D41 ``opinion_owed``: an opinion not given by the return stays owed; the note says the return did not end it."""
    if returned is not None and outcome.status in (Status.OVERDUE, Status.PENDING):
        outcome.note = (say.opinion_owed_after_return, outcome.note, returned.day)
    return outcome


@rule(
    "art11.revision",
    provision="art11.p1.i2",
    title_zh="项目单位在15个工作日内针对初审意见完善修改申报材料，否则退回申请",
    title_en="Revised materials within 15 working days of the initial opinion, else the application is returned",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D12", "D13", "D15", "D33"),
)
def revision(ctx: Context) -> Iterator[Outcome]:
    """项目单位应在15个工作日内针对初审意见完善修改申报材料，否则将退回申请.

    D33: the window runs from the unit's receipt of the opinion where recorded, else from its issue (option
    ``issue``). The status is the duty's (met, late, overdue, pending); the note says whether and when the
    application is returned — D15 (default ``returned_by_notice``): when 区数据局 returns it; until then an overdue
    revision leaves the return due and late materials continue the round; option ``returned_on_expiry``: once
    working day 15 ends, later materials being a resubmission. A return recorded before the window ends (and before
    any revision) ends the unit's duty: NOT_APPLICABLE (the return is judged by ``art11.application_return``). D19:
    a classified project has no pre-review. An initial opinion that passes the application unchanged (``accept``) or
    rejects it (``reject``) owes no revision: NOT_APPLICABLE.
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    by_notice = ctx.interpretation.revision_expiry is RevisionExpiry.RETURNED_BY_NOTICE
    for number, round_ in _rounds(ctx):
        if (no_revision := _asks_no_revision(ctx, round_)) is not None:
            yield ctx.not_applicable(_NO_REVISION[no_revision], subject=_subject(number))
            continue
        start, start_label = revision_window(ctx, number, round_)
        returned = ctx.known(round_.returned)
        revised = ctx.known(round_.revised)
        # the window's last day, or beyond the calendar data a day it cannot precede (D12)
        floor: tuple[date, bool] | None = None
        if start is not None:
            due = _window_due(ctx, start)
            floor = (_window_floor(start), False) if due is None else (due, True)
        if (
            returned is not None
            and (revised is None or revised > returned)
            and (floor is None or returned <= floor[0])
        ):
            yield ctx.not_applicable((say.returned_before_window, returned, floor), subject=_subject(number))
            continue
        outcome = ctx.within(
            start,
            REVISION_WINDOW,
            round_.revised,
            start_label=start_label,
            done_label=_REVISED[number - 1],
            subject=_subject(number),
        )
        if outcome.status in (Status.OVERDUE, Status.LATE) and outcome.due is not None:
            late = outcome.status is Status.LATE
            outcome.note = (say.revision_with_return, outcome.note, outcome.due, returned, late, by_notice)
        yield outcome


_NO_REVISION = {
    InitialOpinionOutcome.ACCEPT: say.NO_REVISION_ACCEPT,
    InitialOpinionOutcome.REJECT: say.NO_REVISION_REJECT,
}


@rule(
    "art11.application_return",
    provision="art11.p1.i2",
    title_zh="区数据局在修改期限届满、项目单位未完善申报材料后退回申请",
    title_en="The application is returned only once the revision window ended without revised materials",
    owed_by=Party.DATA_BUREAU,
    to=(Party.PROJECT_UNIT,),
    decisions=("D1", "D2", "D12", "D13", "D15", "D33", "D41"),
)
def application_return(ctx: Context) -> Iterator[Outcome]:
    """项目单位应在15个工作日内针对初审意见完善修改申报材料，否则将退回申请.

    The return is 区数据局's act, and item (ii) gives one ground for it: the window ended (D33 for its start)
    without revised materials. A return recorded (``review[n].returned``) after the window's last day, with no
    revision by then, HOLDS; a return on or before that day, or before the window began, while the unit had not
    revised, FAILS (it cut the unit's time short). A return after the unit revised in time, or after an initial
    opinion that passed the application (``accept``), is not the return this item provides (the unit did what it
    asks): NOT_APPLICABLE. A pre-review rejection (``reject``) is a NOTICE (see the module's note); a return before
    any initial opinion FAILS (D41, default ``opinion_owed``), or is a NOTICE like a rejection (option
    ``refusal_notice``).

    No return recorded: NOT_APPLICABLE while the window runs or when the unit revised; once it ended without revised
    materials, D15 (default ``returned_by_notice``): the return is due — PENDING, with no due date, as the text sets
    no period for it (late materials handed in before any return: the round went on, NOT_APPLICABLE); option
    ``returned_on_expiry``: the application counted as returned when the window ended, nothing is owed —
    NOT_APPLICABLE. D19: a classified project has no pre-review. D13: judged by the return (or, while it is due, by
    the window's start). D12: a window ending beyond the calendar data ends no earlier than 15 days after its start;
    what that settles is answered (revised or returned by then, or nothing returned while it runs), the rest is
    UNDETERMINED, naming the year.
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        yield _judge_return(ctx, number, round_)


def _judge_return(ctx: Context, number: int, round_: ReviewRound) -> Outcome:
    idx, subject = number - 1, _subject(number)
    returned = ctx.known(round_.returned)
    returned_label = _RETURNED[idx]
    no_revision = _asks_no_revision(ctx, round_)
    if no_revision is InitialOpinionOutcome.REJECT:
        return _pre_review_rejection(ctx, idx, round_, returned)
    if no_revision is InitialOpinionOutcome.ACCEPT:
        return ctx.not_applicable(say.RETURN_AFTER_ACCEPT, subject=subject)
    start, start_label = revision_window(ctx, number, round_)
    if returned is not None and (skip := ctx.reaches(returned, returned_label, subject=subject)) is not None:
        return skip
    opinion = round_.initial_opinion
    issued = None if opinion is None else ctx.known(opinion.issued)
    if returned is not None and (issued is None or issued > returned):
        if ctx.interpretation.return_without_opinion is ReturnWithoutOpinion.OPINION_OWED:
            return ctx.condition(
                ctx.expect(
                    Worded(f"review[{idx}].initial_opinion.issued", (say.opinion_before_return, returned)),
                    False,
                ),
                subject=subject,
                note=(say.returned_without_opinion_fails, returned),
            )
        return _refused_at_pre_review(
            ctx,
            subject,
            (say.returned_without_opinion, returned),
            (
                ctx.expect(
                    Worded(f"review[{idx}].initial_opinion.issued", (say.opinion_before_return, returned)),
                    False,
                    role=CheckRole.CONTEXT,
                ),
            ),
        )
    revised = ctx.known(round_.revised)
    if start is None:
        if returned is None:
            return ctx.not_applicable((say.window_not_started, start_label), subject=subject)
        return ctx.condition(
            ctx.expect(
                Worded(start_label.fact, (say.window_begun_before_return, start_label, returned)), False
            ),
            subject=subject,
            note=(say.returned_before_window_began, returned),
        )
    started = ctx.clock_start(start_label, start)
    try:
        due = ctx.deadline(start, REVISION_WINDOW).due
    except CalendarCoverageError as gap:
        return _judge_return_beyond(ctx, idx, started, _window_floor(start), returned, revised, gap.year)
    if revised is not None and revised <= due and (returned is None or revised <= returned):
        return ctx.not_applicable((say.revised_in_time, revised, due, returned), subject=subject)
    if returned is None:
        return _return_due(ctx, subject, (start, start_label), revised, due, returned_label)
    return ctx.condition(
        started,
        ctx.check(_RETURNED_AFTER[idx], Relation.AFTER, due, returned),
        subject=subject,
        note=(say.judged_return, due, returned, revised, returned > due),
    )


def _judge_return_beyond(
    ctx: Context,
    idx: int,
    started: Comparison,
    floor: date,
    returned: date | None,
    revised: date | None,
    year: int,
) -> Outcome:
    """The window ends beyond the calendar data (D12), no earlier than ``floor``: what does not depend on the missing
    year is answered — revised by then (and before any return): no return owed; nothing returned while ``as_of`` is
    not past it: the window still runs; returned by then: before the window ended (FAILS). Otherwise UNDETERMINED."""
    subject = _subject(idx + 1)
    if revised is not None and revised <= floor and (returned is None or revised <= returned):
        return ctx.not_applicable((say.revised_before_floor, floor, year, revised), subject=subject)
    if returned is None and ctx.as_of <= floor:
        return ctx.not_applicable((say.open_before_floor, floor, year), subject=subject)
    if returned is not None and returned <= floor:
        return ctx.condition(
            started,
            ctx.check(_RETURNED_AFTER[idx], Relation.AFTER, floor, returned),
            subject=subject,
            note=(say.returned_before_floor, floor, year, returned),
        )
    return Outcome(
        Status.UNDETERMINED,
        checks=(started,),
        missing=(f"calendar:{year}",),
        subject=subject,
        note=(say.window_beyond_calendar, year),
    )


def _return_due(
    ctx: Context,
    subject: str,
    window: tuple[date, Label],
    revised: date | None,
    due: date,
    returned_label: Label,
) -> Outcome:
    """No return recorded: not yet owed, owed (D15 default), or deemed made (D15 option)."""
    if ctx.as_of <= due:
        return ctx.not_applicable((say.window_open, due), subject=subject)
    if ctx.interpretation.revision_expiry is RevisionExpiry.RETURNED_ON_EXPIRY:
        return ctx.not_applicable((say.deemed_returned, due), subject=subject)
    start, start_label = window
    if (skip := ctx.reaches(start, start_label, subject=subject)) is not None:
        return skip
    if revised is not None:
        return ctx.not_applicable((say.late_revision_kept, revised), subject=subject)
    return Outcome(
        Status.PENDING,
        checks=(ctx.clock_start(start_label, start), ctx.check(returned_label, Relation.AFTER, due, None)),
        subject=subject,
        note=(say.return_due, due),
    )


def _pre_review_rejection(ctx: Context, idx: int, round_: ReviewRound, returned: date | None) -> Outcome:
    """A rejecting initial opinion: the application went back with it (see :func:`_refused_at_pre_review`)."""
    opinion = round_.initial_opinion
    assert opinion is not None  # a rejection is an initial opinion
    subject = _subject(idx + 1)
    if (skip := ctx.reaches(opinion.issued, _ISSUED[idx], subject=subject)) is not None:
        return skip
    return _refused_at_pre_review(
        ctx,
        subject,
        (say.rejected_at_pre_review, opinion.issued, returned),
        (
            ctx.check(
                _OUTCOME[idx],
                Relation.EQUALS,
                InitialOpinionOutcome.REVISE.value,
                InitialOpinionOutcome.REJECT.value,
                role=CheckRole.CONTEXT,
            ),
        ),
    )


def _refused_at_pre_review(ctx: Context, subject: str, what: Note, checks: tuple[Comparison, ...]) -> Outcome:
    """An application refused at the pre-review — rejected by the initial opinion, or returned before any (D41 option
    ``refusal_notice``) — is a NOTICE naming 区数据局: item (ii) provides neither (its one return follows the 15
    working days), but the ground may lie in another provision (art. 12's 不得申请立项), which the facts do not record
    (see the module's note). The caller has applied D13 to the act."""
    return Outcome(Status.NOTICE, checks=checks, subject=subject, note=(say.refused_at_pre_review, what))


# 第十一条第一款第（三）项 ———————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art11.department_review",
    provision="art11.p1.i3",
    title_zh="相关部门在3个工作日内出具审查意见",
    title_en="Each department gives its review opinion within 3 working days",
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D12", "D13", "D15", "D19", "D33"),
)
def department_review(ctx: Context) -> Iterator[Outcome]:
    """区数据局将项目单位申请材料同步至区委办、区委网信办、区财政局、区审计局等相关部门，在3个工作日内出具审查意见.

    One finding per department: the four named ones always, and any other the round lists (等相关部门).
    D19: a classified project is out by default; with ``pre_review_only`` its departments still answer in 3 days.
    D15: in a returned round (:func:`returned_on`) materials sent after the return belong to a new application, an
    opinion given after it does not count, and a clock not yet due on the day of the return ends with it.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        idx = number - 1
        returned = returned_on(ctx, number, round_)
        sent = ctx.known(round_.sent_to_departments)
        for party, opinion in review_opinions(round_).items():
            subject = _DEPARTMENT_SUBJECTS[number, party]
            if returned is not None and _in_round(sent, returned) is None:
                yield _after_return(ctx, returned, subject, say.DEPARTMENTAL_REVIEW)
                continue
            outcome = ctx.within(
                round_.sent_to_departments,
                DEPARTMENT_PERIOD,
                _in_round(ctx.known(opinion), returned),
                start_label=_SENT[idx],
                done_label=_OPINION[idx, party],
                subject=subject,
                owed_by=party,
            )
            if returned is not None:
                outcome = _ended_by_return(ctx, outcome, returned, say.opinion_of(party))
            yield outcome


_DEPARTMENT_SUBJECTS: Kept[str] = Kept(lambda key: f"{_subject(key[0])}: {key[1].value}")


@rule(
    "art11.departments_after_revision",
    provision="art11.p1.i3",
    title_zh="项目单位根据初审意见完善申报材料后，区数据局再将申请材料同步至相关部门",
    title_en="The materials go to the departments only after the unit revised them following the initial opinion",
    owed_by=Party.DATA_BUREAU,
    to=REVIEW_DEPARTMENTS,
    decisions=("D1", "D2", "D12", "D15", "D17", "D33"),
)
def departments_after_revision(ctx: Context) -> Iterator[Outcome]:
    """项目单位根据初审意见完善申报材料后，区数据局将项目单位申请材料同步至区委办、区委网信办、区财政局、区审计局等
    相关部门.

    NOT_APPLICABLE until the materials are sent (``review[n].sent_to_departments``); then HOLDS when the revised
    materials (``review[n].revised``) came on or before that day, FAILS when they came later or are not given (sent
    without the revision). D17: a revision and a sending on the same day are in order (option ``earlier_day``: the
    revision must be dated a day before). D15: a round returned before the sending (a recorded return, a rejecting
    initial opinion, or under the option a window that ran out — so a late revision, D33 for the window's start) is
    over: a sending after the return belongs to a new application, NOT_APPLICABLE. A classified project has no
    pre-review to follow (D19, every reading).
    """
    if (skip := _classified(ctx, pre_review=True)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        idx = number - 1
        sent = ctx.known(round_.sent_to_departments)
        returned = returned_on(ctx, number, round_)
        if returned is not None and _in_round(sent, returned) is None:
            yield _after_return(ctx, returned, _subject(number), say.SENDING)
            continue
        if sent is None:
            yield ctx.not_applicable(say.NOT_SENT, subject=_subject(number))
            continue
        if (skip := ctx.reaches(sent, _SENT_MATERIALS[idx], subject=_subject(number))) is not None:
            yield skip
            continue
        opinion = round_.initial_opinion
        if opinion is not None and _asks_no_revision(ctx, round_) is InitialOpinionOutcome.ACCEPT:
            yield ctx.condition(
                ctx.check(_SENT_AFTER_OPINION[idx], ctx.after, opinion.issued, sent),
                subject=_subject(number),
                note=say.SENT_UNCHANGED,
            )
            continue
        revised = ctx.known(round_.revised)
        if revised is None:
            check = ctx.expect(Worded(f"review[{idx}].revised", (say.revised_before_sending, sent)), False)
        else:
            check = ctx.check(_SENT_AFTER_REVISION[idx], ctx.after, revised, sent)
        yield ctx.condition(check, subject=_subject(number), note=(say.revised_and_sent, revised, sent))


# 第十一条第一款第（四）项 ———————————————————————————————————————————————————————————————————————————————————————


def _panel_gate(ctx: Context, number: int, round_: ReviewRound) -> tuple[Outcome | None, Returned | None]:
    """A joint-evaluation rule's finding when the evaluation is not (or not any more) this round's to judge: not
    begun, begun after the round's return (D15), or begun before the effective date (D13)."""
    panel = ctx.known(round_.panel_received)
    returned = returned_on(ctx, number, round_)
    if returned is not None and _in_round(panel, returned) is None:
        return _after_return(ctx, returned, _subject(number), say.JOINT_EVALUATION), returned
    if panel is None:
        return ctx.not_applicable(say.NOT_STARTED, subject=_subject(number)), returned
    return ctx.reaches(panel, _PANEL_GATE[number - 1], subject=_subject(number)), returned


@rule(
    "art11.joint_evaluation",
    provision="art11.p1.i4",
    title_zh="联合评审小组在5个工作日内出具专家评审意见",
    title_en="The joint panel gives the expert opinion within 5 working days",
    owed_by=Party.JOINT_PANEL,
    to=(Party.DATA_BUREAU, Party.PROJECT_UNIT),
    decisions=("D1", "D2", "D9", "D12", "D13", "D15", "D19", "D33"),
)
def joint_evaluation(ctx: Context) -> Iterator[Outcome]:
    """联合评审小组…在5个工作日内对项目的技术可行性、建设内容合理性及投资概算进行综合评估，出具专家评审意见.

    D9 (default ``panel_receives_materials``): the clock runs from the day the panel receives the materials;
    option ``department_review_complete``: from the day the last department opinion is given (all of them,
    the four named departments included, must have answered); the start check shows that opinion. D19: a
    classified project is out by default; with ``pre_review_only`` it is evaluated too. D15: in a returned round an
    evaluation begun after the return belongs to a new application, and one not yet due on the day of the return
    ends with it.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    by_panel = (
        ctx.interpretation.joint_evaluation_clock_start is JointEvaluationClockStart.PANEL_RECEIVES_MATERIALS
    )
    for number, round_ in _rounds(ctx):
        idx = number - 1
        returned = returned_on(ctx, number, round_)
        start_label: Label
        if by_panel:
            start = _in_round(ctx.known(round_.panel_received), returned)
            start_label = _PANEL[idx]
        else:
            opinions = {
                party: _in_round(ctx.known(day), returned) for party, day in review_opinions(round_).items()
            }
            last = max(opinions, key=lambda party: opinions[party] or date.min)
            start = None if None in opinions.values() else opinions[last]
            start_label = _LAST_OPINION[idx, last]
        if returned is not None and start is None:
            yield _after_return(ctx, returned, _subject(number), say.JOINT_EVALUATION)
            continue
        outcome = ctx.within(
            start,
            EVALUATION_PERIOD,
            _in_round(ctx.known(round_.expert_opinion), returned),
            start_label=start_label,
            done_label=_EXPERT[idx],
            subject=_subject(number),
        )
        yield _ended_by_return(ctx, outcome, returned, say.EXPERT_OPINION)


@rule(
    "art11.panel_composition",
    provision="art11.p1.i4",
    title_zh="联合评审小组由技术专家和财政专家组成",
    title_en="The joint panel is made up of technical and financial experts",
    owed_by=Party.DATA_BUREAU,
    decisions=("D1", "D2", "D12", "D15", "D19", "D33"),
)
def panel_composition(ctx: Context) -> Iterator[Outcome]:
    """由区数据局牵头，会同区财政局组织联合评审小组…联合评审小组由技术专家和财政专家组成.

    Once the panel has the materials (``review[n].panel_received``), it must include technical experts
    (``panel_technical_experts``) and financial experts (``panel_financial_experts``): a member kind stated absent
    FAILS, one not stated is UNDETERMINED (silence is not compliance). Owed by 区数据局, which leads the panel's
    organisation (牵头), with 区财政局. NOT_APPLICABLE before the evaluation begins or when it begins after the
    round's return (D15). D19: a classified project is out by default. D13: judged by the panel's receipt.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    for number, round_ in _rounds(ctx):
        gate, _ = _panel_gate(ctx, number, round_)
        if gate is not None:
            yield gate
            continue
        idx = number - 1
        yield ctx.condition(
            ctx.expect(_TECHNICAL[idx], round_.panel_technical_experts),
            ctx.expect(_FINANCIAL[idx], round_.panel_financial_experts),
            subject=_subject(number),
        )


_AFTER_EXPERT_OPINION = (
    ("revised_after_evaluation", "根据专家评审意见完善申报材料", "materials revised after the evaluation"),
    ("fiscal_review_report", "财评报告", "fiscal review report"),
    ("final_opinion", "最终审核意见", "final opinion"),
)
_STEP = Labels(lambda key: Label(f"review[{key[0]}].{key[1]}", *key[2:]))  # (index, field, zh, en)
_FINAL_AFTER = Labels(
    lambda key: Label(f"review[{key[0]}].final_opinion", *say.final_after(key[1:]))  # (index, zh, en)
)


@rule(
    "art11.evaluation_sequence",
    provision="art11.p1.i4",
    title_zh="部门会审后联合评审；专家意见后完善材料、出具财评报告，最后形成最终审核意见",
    title_en="Joint evaluation after the departmental review; revision, fiscal report and final opinion after the "
    "expert opinion, the final opinion last",
    owed_by=Party.DATA_BUREAU,
    decisions=("D1", "D2", "D12", "D15", "D17", "D19", "D20", "D33"),
)
def evaluation_sequence(ctx: Context) -> Iterator[Outcome]:
    """项目申报材料经部门会审后…联合评审…项目单位应根据专家评审意见完善申报材料，区财政局根据评估情况出具财评报告，
    区数据局形成最终审核意见.

    "经部门会审后": the panel receives the materials only after the departmental review is complete — every
    department of the round (the four named ones and any other listed, :func:`review_opinions`) has given its
    opinion on or before the panel's receipt. A department that never answered FAILS (its opinion is named as
    missing before the panel), and materials never sent to the departments FAIL naming the departmental review
    (``sent_to_departments``) as the step skipped. Then each later step that has happened (on ``as_of``) must not
    come before the one it follows: the revision, the fiscal report and the final opinion on or after the expert
    opinion (a step taken while no expert opinion exists fails); the final opinion on or after the revision and the
    fiscal report.

    D20 (default ``last_step``): "区数据局形成最终审核意见" is the last step, after the revision and the fiscal report
    (the sentence's order and "最终"); option ``after_expert_opinion``: it need only follow the expert opinion.
    D17: "on or after" (default); with ``earlier_day`` each step must be dated after the one it follows.
    D19: a classified project is out by default; with ``pre_review_only`` its sequence is checked too. D15: an
    evaluation begun after the round's return belongs to a new application (NOT_APPLICABLE), and a step dated after
    the return is not this round's. D13: the evaluation is judged from its start (the panel's receipt); one begun
    before the effective date is out of reach.
    """
    if (skip := _classified(ctx)) is not None:
        yield skip
        return
    follows = ctx.after
    final_last = ctx.interpretation.final_opinion_order is FinalOpinionOrder.LAST_STEP
    for number, round_ in _rounds(ctx):
        gate, returned = _panel_gate(ctx, number, round_)
        if gate is not None:
            yield gate
            continue
        idx = number - 1
        panel = round_.panel_received
        assert panel is not None  # the gate passes only a panel that received the materials
        checks = _department_review_before(ctx, idx, round_, panel, returned)
        expert = _in_round(ctx.known(round_.expert_opinion), returned)
        for field, zh, en in _AFTER_EXPERT_OPINION:
            day = _in_round(ctx.known(getattr(round_, field)), returned)
            if day is None:
                continue
            label = _STEP[idx, field, zh, en]
            if expert is None:
                checks.append(_absent_before(ctx, label, _EXPERT_OPINION_STEP, day))
            else:
                checks.append(ctx.check(label, follows, expert, day))
        final = _in_round(ctx.known(round_.final_opinion), returned)
        if final is not None and final_last:
            for field, zh, en in _AFTER_EXPERT_OPINION[:2]:
                day = _in_round(ctx.known(getattr(round_, field)), returned)
                if day is not None:
                    checks.append(ctx.check(_FINAL_AFTER[idx, zh, en], follows, day, final))
        yield ctx.condition(*checks, subject=_subject(number))


_EXPERT_OPINION_STEP = ("专家评审意见", "expert opinion")


def _department_review_before(
    ctx: Context,
    idx: int,
    round_: ReviewRound,
    panel: date,
    returned: Returned | None,
) -> list[Comparison]:
    """经部门会审后: every department's opinion given on or before the panel's receipt (D17), or the sending itself
    named as missing when the materials never went to the departments."""
    if _in_round(ctx.known(round_.sent_to_departments), returned) is None:
        return [
            ctx.expect(
                Worded(f"review[{idx}].sent_to_departments", (say.reviewed_before_panel, panel)), False
            )
        ]
    checks = []
    before = ctx.before
    for party, day in review_opinions(round_).items():
        opinion = _in_round(ctx.known(day), returned)
        if opinion is None:
            label = _OPINION_BY_PANEL[idx, party]
            checks.append(ctx.expect(Worded(label.fact, (say.opinion_before_panel, party, panel)), False))
        else:
            checks.append(ctx.check(_OPINION_BY_PANEL[idx, party], before, panel, opinion))
    return checks


def _absent_before(ctx: Context, label: Label, before: Text, day: date) -> Comparison:
    """A step taken on ``day`` while the step it must follow had not happened: a failed check."""
    return ctx.expect(Worded(label.fact, (say.absent_before, label, before, day)), False)


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

    "按年度": a system in operation (``operation.started``) owes a plan for each budget year after the year it
    went into operation, up to the year of ``as_of``. The budget year is the calendar year (预算法 第十八条) and its
    budget is drawn up in the year before, so by 1 January of a year its plan should have been reported; the budget of
    the year operation began was drawn up before the system ran (its first year's upkeep is commonly within the
    construction contract), so the first year owed is the next one. The plan for the year after ``as_of``'s is still
    being prepared and is not yet owed. An owed year with no plan known on ``as_of`` (none listed, or one filed only
    later) FAILS, naming the year (subject). D13: the plan for a year is prepared from the later of 1 January of the
    year before and the start of operation; a year whose preparation began before the effective date is out of
    reach.
    """
    owed = om_plan_years(ctx)
    if not ctx.project.om_plans and not owed:
        yield ctx.not_applicable(say.NO_PLAN_OWED)
        return
    for n, plan in enumerate(ctx.project.om_plans):
        if (later := om_plan_not_yet_filed(ctx, plan)) is not None:
            yield _missing_plan(ctx, plan.year, plan) if plan.year in owed else later
            continue
        if (skip := om_plan_reached(ctx, n, plan)) is not None:
            yield skip
            continue
        given, order = _om_checks(ctx, f"om_plans[{n}]", plan)
        budgeted = ctx.known(plan.budgeted)
        if budgeted is not None:
            yield ctx.condition(*given, *order, subject=str(plan.year), note=(say.budgeted, budgeted))
        elif any(c.ok is False for c in order):
            yield ctx.condition(*order, subject=str(plan.year), note=say.NOT_BUDGETED)
        else:
            yield ctx.not_applicable((say.stage, _om_stage(ctx, plan)), subject=str(plan.year))
    listed = {plan.year for plan in ctx.project.om_plans}
    for year in owed:
        if year not in listed:
            yield _missing_plan(ctx, year, None)


def om_plan_years(ctx: Context) -> range:
    """The budget years that owe an O&M plan on ``as_of`` (art. 11 para. 2 "按年度"): each year after the one the
    system went into operation, up to ``as_of``'s year; none while it is not in operation."""
    started = ctx.known(ctx.project.operation.started)
    if started is None:
        return range(0)
    return range(started.year + 1, ctx.as_of.year + 1)


def _missing_plan(ctx: Context, year: int, later: OmPlan | None) -> Outcome:
    """A budget year owed a plan with none known on ``as_of`` (``later``: the plan listed for it, filed after)."""
    started = ctx.known(ctx.project.operation.started)
    assert started is not None  # only owed years come here
    prepared = max(date(year - 1, 1, 1), started)
    subject = str(year)
    if ctx.effective is not None:
        zh, en = say.preparation_began(year)
        if (skip := ctx.reaches_derived(prepared, zh, en, subject=subject)) is not None:
            return skip
    filing = later.filing() if later is not None else None
    return ctx.condition(
        ctx.check(_IN_OPERATION, Relation.BEFORE, date(year, 1, 1), started, role=CheckRole.CONTEXT),
        ctx.expect(Worded("om_plans", (say.plan_reported, year)), False),
        subject=subject,
        note=(say.missing_plan, started, year, ctx.as_of, filing[1] if filing else None),
    )


_IN_OPERATION = Label("operation.started", "系统投入运行", "system in operation")


def om_plan_not_yet_filed(ctx: Context, plan: OmPlan) -> Outcome | None:
    """NOT_APPLICABLE (subject: the plan's year) for an O&M plan filed after ``as_of``: not known on that date.

    A plan is filed on its submission, or — without a submission date — on its first later step
    (:meth:`~tinghu_policy.facts.OmPlan.filing`). Shared by art. 11 para. 2, art. 12 and art. 13."""
    if plan.filed_by(ctx.as_of):
        return None
    filing = plan.filing()
    return ctx.not_applicable((say.plan_filed_later, filing[1] if filing else None), subject=str(plan.year))


def om_plan_reached(ctx: Context, n: int, plan: OmPlan) -> Outcome | None:
    """D13 for an O&M plan: judged by its filing (always reached when the plan has no date at all)."""
    filing = plan.filing()
    if filing is None:
        return None
    if ctx.effective is None:
        return None
    fact, day = filing
    return ctx.reaches(
        day, Label(f"om_plans[{n}].{fact}", "运维方案报送", "the O&M plan's filing"), subject=str(plan.year)
    )


def _om_checks(ctx: Context, prefix: str, plan: OmPlan) -> tuple[list[Comparison], list[Comparison]]:
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
            order.append(_absent_before(ctx, recheck_label, say.DATA_BUREAU_REVIEW, rechecked))
        elif review is not None and review.outcome is ReviewOutcome.REJECTED:
            order.append(_absent_before(ctx, recheck_label, say.PASSED_REVIEW, rechecked))
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


def _om_stage(ctx: Context, plan: OmPlan) -> Note:
    review, recheck = plan.reviewed_by_data_bureau, plan.rechecked_by_finance
    if recheck is not None and ctx.known(recheck.day) is not None:
        return (say.rechecked, recheck.day)
    if review is not None and ctx.known(review.day) is not None:
        if review.outcome is ReviewOutcome.REJECTED:
            return (say.review_failed, review.day)
        return (say.reviewed, review.day)
    if ctx.known(plan.submitted) is not None:
        return (say.submitted, plan.submitted)
    return say.NOT_SUBMITTED
