"""The words of :mod:`tinghu_policy.rules.art11_review_clock`: the filing, the review clock, the return, the
joint evaluation, the O&M plan."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from tinghu_policy.engine import Note, Text, render
from tinghu_policy.engine.notes import stripped_then
from tinghu_policy.parties import Party


class _Label(Protocol):
    @property
    def fact(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...


CLASSIFIED_NO_PRE_REVIEW = (
    "涉密项目按国家有关保密规定申报，不经预审（D19）",
    "a classified project is filed under the secrecy rules: no pre-review (D19)",
)
CLASSIFIED_OUTSIDE = (
    "涉密项目按国家有关保密规定申报，不适用本流程（D19）",
    "a classified project is filed under the secrecy rules, outside this flow (D19)",
)


# --- the return (D15) -----------------------------------------------------------------------------------------


def rejected_with_opinion(issued: date) -> Text:
    return (
        f"初审意见（{issued}）不予通过，申请随之退回",
        f"the initial opinion of {issued} rejected the application, which went back with it",
    )


def returned_by_bureau(returned: date) -> Text:
    return f"区数据局于{returned}退回申请", f"区数据局 returned the application on {returned}"


def returned_on_expiry(due: date) -> Text:
    return (
        f"第15个工作日（{due}）届满未完善申报材料，申请视为退回（D15 选项）",
        f"working day 15 ({due}) ended without revised materials: the application counts as returned "
        "(D15 option)",
    )


def after_return(returned: Note, step: Text) -> Text:
    zh, en = render(returned)
    return (
        f"{zh}；{step[0]}不属于本轮，退回后重新申报的，应作为新一轮记录（D15）",
        f"{en}; {step[1]} is not part of this round: a resubmission after a return is a new round (D15)",
    )


def ended_by_return(returned: Note, what: Text, due: date | None) -> Text:
    zh, en = render(returned)
    return (
        f"{zh}，早于{what[0]}的期限（{due}），本轮随退回结束（D15）",
        f"{en}, before {what[1]} was due ({due}): the round ended with the return (D15)",
    )


# --- 第（二）项 -----------------------------------------------------------------------------------------------

INITIAL_OPINION = ("初审意见", "the initial opinion")


def returned_before_window(returned: date, floor: tuple[date, bool] | None) -> Text:
    if floor is None:
        limit_zh, limit_en = "修改期限尚未开始", "before the window began"
    elif floor[1]:
        limit_zh, limit_en = f"早于修改期限届满（{floor[0]}）", f"before the window ended ({floor[0]})"
    else:
        limit_zh, limit_en = (
            f"早于修改期限届满（最后一日需要尚未公布的日历年份，但不早于{floor[0]}，D12）",
            f"before the window ended (its last day needs a calendar year not yet published but is no earlier "
            f"than {floor[0]}, D12)",
        )
    return (
        f"区数据局于{returned}退回申请，{limit_zh}；项目单位完善材料的义务随退回终止（退回是否符合本项，"
        "另见区数据局退回申请一项）",
        f"区数据局 returned the application on {returned}, {limit_en}: the unit's duty to revise ended with "
        "the return (whether the return was allowed: art11.application_return)",
    )


NO_REVISION_ACCEPT = (
    "初审意见为通过预审、无需修改，项目单位无须完善修改申报材料",
    "the initial opinion passed the application unchanged: no revision is owed",
)
NO_REVISION_REJECT = (
    "初审意见为不予通过，申请随之退回，本轮申报结束，无须完善修改",
    "the initial opinion rejected the application, which went back with it: the round ends, no revision is owed",
)


def _return_note(due: date, returned: date | None, late: bool, by_notice: bool) -> Text:
    """D15: whether, and from when, an application whose revision window ran out is returned."""
    if not by_notice:
        return (
            f"；第15个工作日（{due}）届满未完善材料，申请视为退回（D15 选项），此后提交的材料为重新申报，重新计时",
            f"; working day 15 ({due}) ended without revised materials: the application counts as returned "
            "(D15 option); materials handed in later are a resubmission whose clock starts again",
        )
    if returned is not None:
        return (
            f"；区数据局于{returned}退回申请（D15），此后提交的材料为重新申报，重新计时",
            f"; 区数据局 returned the application on {returned} (D15); a resubmission starts a new clock",
        )
    if late:
        return (
            "；区数据局未退回申请，逾期提交的材料仍属本轮（D15）",
            "; 区数据局 did not return the application: the late materials continue this round (D15)",
        )
    return (
        f"；第15个工作日（{due}）届满未完善材料，退回申请已到期，区数据局尚未退回，申请仍在本轮（D15）",
        f"; working day 15 ({due}) ended without revised materials: the return is due; 区数据局 has not returned "
        "the application, which stays in this round (D15)",
    )


def revision_with_return(note: Note, due: date, returned: date | None, late: bool, by_notice: bool) -> Text:
    zh, en = render(note)
    more_zh, more_en = _return_note(due, returned, late, by_notice)
    return zh.rstrip("。") + more_zh, en.rstrip(".") + more_en


RETURN_AFTER_ACCEPT = (
    "初审意见为通过预审、无需修改，不发生本项因未完善材料而退回的情形",
    "the initial opinion passed the application unchanged: there is no window whose lapse grounds a return",
)


def returned_without_opinion(returned: date) -> Text:
    return (
        f"区数据局于{returned}退回申请，未先给予初审意见",
        f"区数据局 returned the application on {returned} without an initial opinion",
    )


def returned_without_opinion_fails(returned: date) -> Text:
    return (
        f"区数据局于{returned}退回申请，未先给予初审意见。第（二）项规定的退回，以初审意见和15个工作日的修改期限为前提；"
        "未经初审即退回，不符合本项（D41）",
        f"区数据局 returned the application on {returned} without an initial opinion. The return item (ii) provides "
        "follows an initial opinion and the 15 working days to revise; a return without one does not comply "
        "(D41)",
    )


def opinion_owed_after_return(clock: Note, returned: date) -> Text:
    more = (
        f"。{returned}的退回不是初审意见，初审意见仍须给予（D41）",
        f". The return on {returned} is no initial opinion: the opinion is still owed (D41)",
    )
    return stripped_then(clock, "。", ".", more)


def opinion_before_return(returned: date) -> Text:
    return (
        f"退回申请（{returned}）前已给予初审意见",
        f"an initial opinion before the return ({returned})",
    )


def window_not_started(start: _Label) -> Text:
    return f"修改期限尚未开始：{start.zh}", f"the revision window has not started: no {start.en}"


def window_begun_before_return(start: _Label, returned: date) -> Text:
    return (
        f"退回申请（{returned}）前修改期限已经开始（{start.zh}）",
        f"the revision window had begun ({start.en}) before the return ({returned})",
    )


def returned_before_window_began(returned: date) -> Text:
    return (
        f"区数据局于{returned}退回申请，其时初审意见已出具而项目单位的15个工作日修改期限尚未开始："
        "第（二）项只在期限内未完善材料时退回申请（D15）",
        f"区数据局 returned the application on {returned}, after issuing its initial opinion but before "
        "the unit's 15-working-day window had begun: item (ii) provides a return only when the window ends "
        "without revised materials (D15)",
    )


def window_beyond_calendar(year: int) -> Text:
    return (
        f"修改期限的最后一日需要{year}年的官方节假日安排，无法判断退回是否在期满之后（D12）",
        f"the window's last day needs the {year} official arrangement: whether the return came "
        "after it cannot be told (D12)",
    )


def window_floor(floor: date, year: int) -> Text:
    return (
        f"修改期限的最后一日需要{year}年的官方节假日安排，但不早于{floor}（15个工作日至少15日，D12）",
        f"the window's last day needs the {year} official arrangement but is no earlier than {floor} (15 working "
        "days take at least 15 days, D12)",
    )


def open_before_floor(floor: date, year: int) -> Text:
    zh, en = window_floor(floor, year)
    return (
        f"{zh}；截至评估日修改期限尚未届满，尚不发生退回",
        f"{en}; the window is still running: no return is owed yet",
    )


def revised_before_floor(floor: date, year: int, revised: date) -> Text:
    zh, en = window_floor(floor, year)
    return (
        f"{zh}；项目单位已于{revised}在此之前完善材料，不发生本项的退回",
        f"{en}; the unit revised on {revised}, before it: no return for want of a revision",
    )


def returned_before_floor(floor: date, year: int, returned: date) -> Text:
    zh, en = window_floor(floor, year)
    return (
        f"{zh}；区数据局于{returned}退回申请，未待期满。第（二）项只在期满未完善材料时退回申请（“否则将退回申请”），"
        "期满前退回缩短了项目单位的修改期限",
        f"{en}; 区数据局 returned the application on {returned}, before the window ended. Item (ii) returns an "
        "application only once the window ended without revised materials; a return before then cuts the unit's "
        "time short",
    )


def revised_in_time(revised: date, due: date, returned: date | None) -> Text:
    return (
        f"项目单位已于{revised}在修改期限（{due}）内完善材料"
        + (
            "，不发生本项的退回"
            if returned is None
            else f"；{returned}的退回不是本项因未完善材料而退回的情形"
        ),
        f"the unit revised on {revised}, within the window ({due})"
        + (
            ": no return is owed"
            if returned is None
            else f"; the return of {returned} is not for want of a revision"
        ),
    )


def judged_return(due: date, returned: date, revised: date | None, after: bool) -> Text:
    late = revised is not None and revised <= returned
    late_zh = f"；项目单位于{revised}逾期提交材料" if late else ""
    late_en = f"; the unit handed in materials late, on {revised}" if late else ""
    verdict_zh = (
        "，在期满之后，是本项规定的退回（“否则将退回申请”）"
        if after
        else "，未待期满。第（二）项只在期满未完善材料时退回申请（“否则将退回申请”），期满前退回缩短了项目单位的修改期限"
    )
    verdict_en = (
        ", after the window ended: the return item (ii) provides"
        if after
        else ", before the window ended. Item (ii) returns an application only once the window ended without revised "
        "materials; a return before then cuts the unit's time short"
    )
    return (
        f"15个工作日修改期限的最后一日为{due}{late_zh}；区数据局于{returned}退回申请{verdict_zh}",
        f"the 15-working-day window's last day is {due}{late_en}; 区数据局 returned the application on "
        f"{returned}{verdict_en}",
    )


def window_open(due: date) -> Text:
    return f"修改期限尚未届满（{due}）", f"the revision window has not ended ({due})"


def deemed_returned(due: date) -> Text:
    return (
        f"第15个工作日（{due}）届满未完善材料，申请视为退回（D15 选项），无须区数据局另行退回",
        f"working day 15 ({due}) ended without revised materials: the application counts as returned (D15 "
        "option) and nothing is owed",
    )


def late_revision_kept(revised: date) -> Text:
    return (
        f"项目单位于{revised}逾期提交完善材料，区数据局未退回，申请仍在本轮（D15）",
        f"the unit handed in revised materials late, on {revised}, and 区数据局 did not return the application, "
        "which went on in this round (D15)",
    )


def return_due(due: date) -> Text:
    return (
        f"第15个工作日（{due}）届满，项目单位未完善材料，退回申请已到期；区数据局尚未退回，申请仍在本轮"
        "（D15）。本项未规定退回的期限，不认定逾期",
        f"working day 15 ({due}) ended without revised materials: the return is due; 区数据局 has not "
        "returned the application, which stays in this round (D15). The item sets no period for the return, so it "
        "cannot be overdue",
    )


def rejected_at_pre_review(issued: date, returned: date | None) -> Text:
    recorded_zh = f"（{returned}记录退回）" if returned is not None else ""
    recorded_en = f" (return recorded on {returned})" if returned is not None else ""
    return (
        f"初审意见（{issued}）不予通过，申请随之退回{recorded_zh}",
        f"the initial opinion of {issued} rejected the application, which went back with it{recorded_en}",
    )


def refused_at_pre_review(what: Note) -> Text:
    what_zh, what_en = render(what)
    return (
        f"{what_zh}。第（二）项只规定项目单位15个工作日内未完善材料的，退回申请，未规定预审不予通过或不经"
        "初审退回；依第十二条“不得申请立项”等规定不予受理、不予通过的，依据在该条，而事实未载明其依据。本项不认定违反，"
        "提示区数据局载明依据",
        f"{what_en}. Item (ii) returns an application only when the unit has not revised within 15 working "
        "days; it provides no rejection at the pre-review nor a return without one. A refusal under art. 12's bars "
        "(不得申请立项) rests on that article, and the facts do not record the ground. Not a breach of this item: a "
        "notice to 区数据局 to state the ground",
    )


# --- 第（三）项 -----------------------------------------------------------------------------------------------

DEPARTMENTAL_REVIEW = ("材料同步至相关部门及其审查意见", "the departmental review")


def opinion_of(party: Party) -> Text:
    return f"{party.name_zh}审查意见", f"the {party.name_en} opinion"


def department_opinion(party: Party) -> Text:
    return f"{party.name_zh}审查意见", f"{party.name_en} opinion"


SENDING = ("申请材料同步至相关部门", "sending the materials to the departments")
NOT_SENT = ("申请材料尚未同步至相关部门", "the materials have not been sent to the departments")
SENT_UNCHANGED = (
    "初审意见为通过预审、无需修改，申报材料原样同步至相关部门",
    "the initial opinion passed the application unchanged: the materials go on as they are",
)


def revised_before_sending(sent: date) -> Text:
    return (
        f"同步至相关部门（{sent}）之前已根据初审意见完善申报材料",
        f"materials revised after the initial opinion before they were sent ({sent})",
    )


def revised_and_sent(revised: date | None, sent: date) -> Text:
    return (
        f"完善申报材料：{revised or '未提供'}；同步至相关部门：{sent}",
        f"revised: {revised or 'not given'}; sent to the departments: {sent}",
    )


# --- 第（四）项 -----------------------------------------------------------------------------------------------

JOINT_EVALUATION = ("联合评审", "the joint evaluation")
NOT_STARTED = ("联合评审尚未开始", "the joint evaluation has not started")
EXPERT_OPINION = ("专家评审意见", "the expert opinion")


def final_after(step: Text) -> Text:
    return f"最终审核意见（{step[0]}之后）", f"final opinion (after {step[1]})"


def reviewed_before_panel(panel: date) -> Text:
    return (
        f"联合评审（{panel}）前已经部门会审（申请材料同步至相关部门）",
        f"the departmental review (materials sent to the departments) before the joint evaluation ({panel})",
    )


def opinion_before_panel(party: Party, panel: date) -> Text:
    return (
        f"评审小组收到材料（{panel}）前已有{party.name_zh}审查意见",
        f"the {party.name_en} opinion before the panel received the materials ({panel})",
    )


def opinion_by_panel(party: Party) -> Text:
    return (
        f"{party.name_zh}审查意见（评审小组收到材料之前）",
        f"{party.name_en} opinion (before the panel received the materials)",
    )


def absent_before(label: _Label, before: Text, day: date) -> Text:
    """A step taken on ``day`` while the step it must follow had not happened."""
    return f"{label.zh}（{day}）之前已有{before[0]}", f"{before[1]} before {label.en} ({day})"


# --- 第二款 ---------------------------------------------------------------------------------------------------

NO_PLAN_OWED = (
    "未报送年度运维方案，也无应报运维方案的年度（系统尚未投入运行，或投入运行当年）",
    "no annual O&M plan given, and no year owes one (the system is not in operation, or only since this year)",
)


def budgeted(day: date) -> Text:
    return f"{day}列入年度预算", f"entered in the annual budget on {day}"


NOT_BUDGETED = ("尚未列入年度预算", "not yet in the budget")


def stage(reached: Note) -> Text:
    zh, en = render(reached)
    return f"尚未列入年度预算；目前进度：{zh}", f"not yet in the annual budget; stage reached: {en}"


def preparation_began(year: int) -> Text:
    return f"{year}年度运维方案的编报起始日", f"the day the {year} O&M plan's preparation began"


def plan_reported(year: int) -> Text:
    return f"{year}年度整体运维方案已报区数据局审核", f"a {year} O&M plan reported for review"


def missing_plan(started: date, year: int, as_of: date, filed: date | None) -> Text:
    later_zh = f"；列明的{year}年度运维方案于{filed}方报送" if filed else ""
    later_en = f"; the {year} plan listed was filed only on {filed}" if filed else ""
    return (
        f"系统自{started}投入运行，{year}年度运维方案应按年度报区数据局审核、区财政局复核后列入该年度预算；"
        f"评估日（{as_of}）未见该年度的运维方案{later_zh}",
        f"the system has run since {started}: a {year} O&M plan was owed, reviewed by 区数据局 and "
        f"re-checked by 区财政局 for that year's budget; none is known on {as_of}{later_en}",
    )


def plan_filed_later(day: date | None) -> Text:
    return f"运维方案于{day}报送，评估日尚未发生", f"the O&M plan is filed on {day}, after as_of"


DATA_BUREAU_REVIEW = ("区数据局审核", "data bureau review")
PASSED_REVIEW = ("区数据局审核通过", "a data bureau review that passed")


def rechecked(day: date) -> Text:
    return f"区财政局已于{day}复核", f"re-checked by finance on {day}"


def review_failed(day: date) -> Text:
    return f"区数据局于{day}审核未通过", f"the data bureau's review of {day} did not pass it"


def reviewed(day: date) -> Text:
    return (
        f"区数据局已于{day}审核，待区财政局复核",
        f"reviewed by the data bureau on {day}, awaiting the finance re-check",
    )


def submitted(day: date) -> Text:
    return f"已于{day}报区数据局，待审核", f"submitted on {day}, awaiting review"


NOT_SUBMITTED = ("尚未报送区数据局", "not yet submitted to the data bureau")
