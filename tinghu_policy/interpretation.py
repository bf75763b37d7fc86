"""Interpretation decisions D1–D31: every reading the text leaves open, named, with its default.

The regulation does not say everything a computation needs (when a count starts, whether "6个月以上" includes the
boundary day, …). Each such reading is a field of :class:`Interpretation` whose default is the decision taken in the
design notes, and whose alternatives a caller can choose::

    Interpretation(serious_overdue_boundary=OverBoundary.AT_LEAST)

The catalogue :data:`DECISIONS` documents each decision (legal basis, default, alternatives, the provisions it
applies to, the rules that apply it); documentation pages and the CLI render it. A rule reads
``ctx.interpretation.<field>`` and lists the decision's id in its ``decisions``.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from tinghu_policy.engine.rule import Rule


class CountingStart(StrEnum):
    """D1 — which day a period counts from (民法典 第二百零一条)."""

    NEXT_DAY = "next_day"
    """The event's own day is not counted; counting starts the next day, whatever that day is (default)."""
    NEXT_WORKING_DAY = "next_working_day"
    """D1b: an event on a non-working day is deemed to happen on the next working day, which is not counted."""


class WorkingDayRule(StrEnum):
    """D2 — what a working day (工作日) is."""

    OFFICIAL_ARRANGEMENT = "official_arrangement"
    """Mon–Fri that are not public holidays, plus make-up working days (调休上班) of the State Council notice."""
    WEEKDAYS_WITHOUT_MAKEUP = "weekdays_without_makeup"
    """Mon–Fri that are not public holidays; make-up weekend days are not counted. 行政许可法 第八十二条 says only
    that a working-day period leaves out 法定节假日; it is silent on make-up days, so this reading is a practice
    (some offices do not count a 调休 weekend), not the statute's words."""


class MonthEnd(StrEnum):
    """D3 — a month or year period whose corresponding day does not exist (31 Aug + 6 months)."""

    CLAMP = "clamp"
    """The last day of the month ends the period (民法典 第二百零二条; default)."""
    RAISE = "raise"
    """Refuse to answer, so a caller can list every case where the clamp changes the answer."""


class Rollover(StrEnum):
    """D4 — a calendar-day, month or year period whose last day is a rest day (民法典 第二百零三条)."""

    REST_DAYS = "rest_days"
    """Roll over weekends and public holidays to the next working day; a make-up working day stops the roll."""
    HOLIDAYS_ONLY = "holidays_only"
    """Roll over only statutory public holidays (法定休假日 read narrowly); weekends do not roll."""
    NONE = "none"
    """Never roll over."""


class OverBoundary(StrEnum):
    """D5 — "超过…6个月以上": is the boundary day itself over the limit (民法典 第一千二百五十九条)?"""

    STRICTLY_MORE = "strictly_more"
    """超过 governs: over the limit only after the boundary day (default)."""
    AT_LEAST = "at_least"
    """以上 governs: the boundary day itself is over the limit."""


class CalendarCoverage(StrEnum):
    """D12 — a date outside the official working-day data."""

    ERROR = "error"
    """Raise :class:`~tinghu_policy.errors.CalendarCoverageError` naming the year (default)."""
    PROVISIONAL = "provisional"
    """Treat Mon–Fri as working days, Sat–Sun as rest, and mark every result provisional."""


class Art3QualifierScope(StrEnum):
    """D8 — which exclusions of art. 3 "不产生公共数据资源的" qualifies."""

    GROUP_A_ONLY = "group_a_only"
    """Only 楼宇智能化工程, 专业科研设备及配套系统, 办公终端, 通用软件 (default)."""
    BOTH_GROUPS = "both_groups"
    """Also the 《建设工程分类标准》 equipment, lines and broadcast works."""


class JointEvaluationClockStart(StrEnum):
    """D9 — the event that starts the 5-working-day joint evaluation of art. 11(1)(iv)."""

    PANEL_RECEIVES_MATERIALS = "panel_receives_materials"
    """The day the joint evaluation panel receives the materials (default)."""
    DEPARTMENT_REVIEW_COMPLETE = "department_review_complete"
    """The day the last departmental review opinion of art. 11(1)(iii) is issued."""


class FinalAccountsCap(StrEnum):
    """D7 — "特殊情况确需延长的…最长不得超过6个月" (art. 27 para. 4)."""

    EXTENSION_AT_MOST_6_MONTHS = "extension_at_most_6_months"
    """The extension is at most 6 months: at most 9 months after acceptance in all (default, 财建〔2016〕503号)."""
    TOTAL_AT_MOST_6_MONTHS = "total_at_most_6_months"
    """The whole time, extension included, is at most 6 months after acceptance."""


class SelfEvaluationClockStart(StrEnum):
    """D10 — the event that starts the 12-month self-evaluation of art. 30."""

    LATER_OF_ACCEPTANCE_AND_OPERATION = "later_of_acceptance_and_operation"
    """The later of passing acceptance and starting operation ("通过验收并投入运行后"; default)."""
    ACCEPTANCE = "acceptance"
    """The date acceptance is passed, whenever operation starts."""


class RevisionExpiry(StrEnum):
    """D15 — the 15-working-day revision window of art. 11(1)(ii) runs out."""

    RETURNED_ON_EXPIRY = "returned_on_expiry"
    """The application counts as returned once working day 15 ends without revised materials (default)."""
    RETURNED_BY_NOTICE = "returned_by_notice"
    """The application is returned only when 区数据局 records a return; until then it is just overdue."""


class CompletionTrigger(StrEnum):
    """D16 — what "项目建成" (art. 27 para. 1) is: the fact that starts the 6-month acceptance clock."""

    RECORDED_COMPLETION = "recorded_completion"
    """The completion date the project unit records (default)."""
    TRIAL_OPERATION_START = "trial_operation_start"
    """The day the system enters trial operation (试运行), when that is recorded and earlier."""


class SameDayPrecedence(StrEnum):
    """D17 — an act dated the same day as the act it must precede (开工前, 经…审核后, 未经…不得, 方可, …后)."""

    SAME_DAY_COUNTS = "same_day_counts"
    """Facts are calendar dates (D14) and the text names no hour: an act on the same day counts as before (default)."""
    EARLIER_DAY = "earlier_day"
    """The act must be dated at least a day earlier; on the same day it does not count as before."""


class TownshipUnits(StrEnum):
    """D18 — whether art. 2's "区级" units include 乡镇、街道 units."""

    NOT_DISTRICT_LEVEL = "not_district_level"
    """区级 is the district's own units; a 乡镇/街道 unit is not one (default)."""
    DISTRICT_LEVEL = "district_level"
    """A 乡镇/街道 unit counts as 区级, as art. 7 para. 2's "区级及以下" groups them with the district."""


class ClassifiedApplication(StrEnum):
    """D19 — how far "涉密项目按国家有关保密规定申报" (art. 11(1)(ii)) takes a classified project out of the flow."""

    WHOLE_FLOW = "whole_flow"
    """Out of all of art. 11(1) (items (i)–(iv)) and so out of art. 14's order, which starts from the joint
    evaluation (default)."""
    APPLICATION_ONLY = "application_only"
    """Out of art. 11(1) (chapter 3 申报), but art. 14's approval steps (chapter 4 审批) from the project code on
    still run in order: code → documents → approval."""
    PRE_REVIEW_ONLY = "pre_review_only"
    """Only the item where the sentence sits: the pre-review of art. 11(1)(ii) (initial opinion, revision);
    items (i), (iii), (iv) and art. 14 apply in full."""


class FinalOpinionOrder(StrEnum):
    """D20 — where "区数据局形成最终审核意见" stands among the last steps of art. 11(1)(iv)."""

    LAST_STEP = "last_step"
    """After the unit's revision and the fiscal review report, as the sentence lists them and "最终" says
    (default)."""
    AFTER_EXPERT_OPINION = "after_expert_opinion"
    """Only after the expert opinion, like the other two steps: the text fixes no order among the three."""


class OmFundingAct(StrEnum):
    """D21 — the act art. 12's "不得安排运维经费" blocks."""

    ARRANGED = "arranged"
    """The money arranged: the O&M plan entered in the annual budget; a request alone is not the act (default)."""
    REQUESTED = "requested"
    """Also the request: asking for O&M money while public data is not shared is already the blocked act."""


class ExtraApprovalException(StrEnum):
    """D22 — which of art. 16's approvals "涉及新建土建工程、高耗能项目的除外" brings back."""

    ALL_FOUR = "all_four"
    """Either ground lifts the exemption for all four approvals: the text does not pair them (default)."""
    PAIRED = "paired"
    """Each ground brings back the approvals its subject calls for: new civil works → 规划选址、用地预审、环境影响评价;
    a high-energy project → 节能评估."""


class ExtraApprovalSought(StrEnum):
    """D23 — an art. 16 approval sought or required although no exception applies ("原则上不再进行")."""

    FAILS = "fails"
    """Against "不再进行": the finding fails, the note saying an exception 原则上 allows must be justified
    (default)."""
    WARNS = "warns"
    """"原则上" leaves room for exceptions: the finding holds, with a warning that the approval is not needed."""


class ImplementationStart(StrEnum):
    """D24 — the event that starts 项目实施 (chapter 5: the duties of art. 20, 21 and 23)."""

    WORKS_STARTED = "works_started"
    """The start of works (开工, ``implementation.works_started``), as art. 24 "开工建设" (default)."""
    APPROVED = "approved"
    """The approval (``approval.approved``): art. 12 lets a project be "实施" once approved."""


class SurplusSettlement(StrEnum):
    """D25 — the event that settles an unchanged project's surplus (art. 25) and starts a configured "及时" clock."""

    FINAL_ACCOUNTS = "final_accounts"
    """The final accounts submitted to 区财政局 (竣工财务决算, art. 27 para. 4) (default)."""
    ACCEPTANCE_PASSED = "acceptance_passed"
    """Passing the completion acceptance (art. 27 para. 1)."""
    COMPLETION = "completion"
    """Completion (建成, D16)."""


class ClassifiedAcceptance(StrEnum):
    """D26 — what "涉密项目的竣工验收按有关规定执行" (art. 27 para. 5) takes out of art. 27."""

    PARAS_1_TO_3 = "paras_1_to_3"
    """The acceptance, its filing, the 等保/密评 bar and the delay explanation; the final accounts of para. 4,
    a fiscal duty to 区财政局, still apply (default)."""
    PARAS_1_TO_4 = "paras_1_to_4"
    """Also the final accounts of para. 4: they run from an acceptance the other rules govern."""


class AcceptanceFilingPeriod(StrEnum):
    """D27 — whether "项目建成后6个月内" (art. 27 para. 1) also limits the filing of the acceptance materials."""

    WITH_ACCEPTANCE = "with_acceptance"
    """"6个月内" heads the sentence and governs both verbs: the filing is due with the acceptance (default)."""
    NO_PERIOD = "no_period"
    """"6个月内" governs 组织竣工验收 only; the filing follows the acceptance with no period of its own."""


class LateExtension(StrEnum):
    """D28 — a final-accounts extension approved by 区财政局 after the 3-month due date (art. 27 para. 4)."""

    IGNORED = "ignored"
    """A period that has run out cannot be extended: the approval does not count (default)."""
    COUNTED = "counted"
    """The approval counts whenever given: 3 + n months (capped by D7), the late approval regularising the delay."""


class StateEnterpriseFunding(StrEnum):
    """D29 — the money a state-owned enterprise's project must use for art. 38 to bring it in."""

    ANY_MONEY = "any_money"
    """Any money (own, social or fiscal): the only reading that gives art. 38 work beyond art. 2 (default)."""
    FISCAL_BUDGET_ONLY = "fiscal_budget_only"
    """财政预算资金 only, as art. 2: art. 38 merely counts an enterprise among art. 2's units."""


class AdjustmentLimitBasis(StrEnum):
    """D31 — what "资金调整数额不超过概算总投资10%" (art. 26 para. 1) measures when a project is adjusted more than once."""

    EACH_ADJUSTMENT = "each_adjustment"
    """Each adjustment's own amount, as the sentence speaks of one adjustment ("项目主要内容确需调整且资金调整数额…")
    (default)."""
    CUMULATIVE = "cumulative"
    """The amount of this adjustment and of every adjustment requested before it (the order of
    ``implementation.adjustments``): several adjustments cannot together move more than 10% without a new approval."""


TIMEZONE_DEFAULT: Literal["Asia/Shanghai"] = "Asia/Shanghai"

PositiveInt = Annotated[int, Field(gt=0, le=366)]


class Interpretation(BaseModel):
    """The interpretation decisions a computation applies; every field defaults to the decision in the design notes.

    Frozen and strict: an unknown option name or value is refused with the field named.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    counting_start: CountingStart = Field(
        CountingStart.NEXT_DAY,
        description="D1 期间起算 counting start (民法典 第二百零一条).",
    )
    working_day: WorkingDayRule = Field(
        WorkingDayRule.OFFICIAL_ARRANGEMENT,
        description="D2 工作日 what counts as a working day.",
    )
    month_end: MonthEnd = Field(
        MonthEnd.CLAMP,
        description="D3 到期月无对应日 month period without a corresponding day (民法典 第二百零二条).",
    )
    last_day_rollover: Rollover = Field(
        Rollover.REST_DAYS,
        description="D4 最后一日是法定休假日 last-day rollover (民法典 第二百零三条).",
    )
    serious_overdue_boundary: OverBoundary = Field(
        OverBoundary.STRICTLY_MORE,
        description="D5 超过…以上 the boundary day of art. 24's 6-month limits (民法典 第一千二百五十九条).",
    )
    year_end_rollover: bool = Field(
        False,
        description="D6 每年年底前 roll a 31 December that is a rest day to the next working day.",
    )
    final_accounts_cap: FinalAccountsCap = Field(
        FinalAccountsCap.EXTENSION_AT_MOST_6_MONTHS,
        description="D7 竣工财务决算延长 the cap on the final-accounts extension (art. 27 para. 4).",
    )
    art3_qualifier_scope: Art3QualifierScope = Field(
        Art3QualifierScope.GROUP_A_ONLY,
        description="D8 不产生公共数据资源的 which art. 3 exclusions the qualifier governs.",
    )
    joint_evaluation_clock_start: JointEvaluationClockStart = Field(
        JointEvaluationClockStart.PANEL_RECEIVES_MATERIALS,
        description="D9 联合评审5个工作日 the event that starts the joint-evaluation clock.",
    )
    self_evaluation_clock_start: SelfEvaluationClockStart = Field(
        SelfEvaluationClockStart.LATER_OF_ACCEPTANCE_AND_OPERATION,
        description="D10 自我评价12个月 the event that starts the self-evaluation clock (art. 30).",
    )
    timely_within_working_days: PositiveInt | None = Field(
        None,
        description="D11 及时/适时 a due date in working days for 'timely' duties; none unless configured.",
    )
    beyond_calendar_data: CalendarCoverage = Field(
        CalendarCoverage.ERROR,
        description="D12 日历数据之外 a date outside the official working-day data.",
    )
    effective_date: date | None = Field(
        None,
        description="D13 施行日期 the date the regulation took effect (art. 40 gives none); events before it are "
        "out of its reach. None: not stated, no event is excluded.",
    )
    timezone: Literal["Asia/Shanghai"] = Field(
        TIMEZONE_DEFAULT,
        description="D14 时区 timestamps are converted to the calendar date in this zone before counting.",
    )
    revision_expiry: RevisionExpiry = Field(
        RevisionExpiry.RETURNED_ON_EXPIRY,
        description="D15 退回申请 when the 15-working-day revision window of art. 11(1)(ii) runs out.",
    )
    completion_trigger: CompletionTrigger = Field(
        CompletionTrigger.RECORDED_COMPLETION,
        description="D16 项目建成 the fact that starts art. 27's 6-month acceptance clock.",
    )
    serious_overrun_percent: Decimal | None = Field(
        None,
        ge=0,
        allow_inf_nan=False,
        description="D30 严重超概算 the cost overrun, in percent of the approved budget, that counts as serious "
        "(art. 37); the text gives no figure, so none unless configured.",
    )
    same_day_precedence: SameDayPrecedence = Field(
        SameDayPrecedence.SAME_DAY_COUNTS,
        description="D17 同日先后 an act dated the same day as the act it must precede (开工前, 经…审核后, 方可).",
    )
    township_units: TownshipUnits = Field(
        TownshipUnits.NOT_DISTRICT_LEVEL,
        description="D18 乡镇、街道单位 whether art. 2's 区级 units include township and sub-district units.",
    )
    classified_application: ClassifiedApplication = Field(
        ClassifiedApplication.WHOLE_FLOW,
        description="D19 涉密项目按国家有关保密规定申报 how far a classified project leaves art. 11(1) and art. 14.",
    )
    final_opinion_order: FinalOpinionOrder = Field(
        FinalOpinionOrder.LAST_STEP,
        description="D20 最终审核意见 whether the final opinion of art. 11(1)(iv) comes after the revision and the "
        "fiscal report.",
    )
    om_funding_act: OmFundingAct = Field(
        OmFundingAct.ARRANGED,
        description="D21 安排运维经费 the act art. 12 blocks: the money arranged, or also the request.",
    )
    extra_approval_exception: ExtraApprovalException = Field(
        ExtraApprovalException.ALL_FOUR,
        description="D22 新建土建工程、高耗能项目的除外 which of art. 16's approvals each exception brings back.",
    )
    extra_approval_sought: ExtraApprovalSought = Field(
        ExtraApprovalSought.FAILS,
        description="D23 原则上不再进行 an art. 16 approval sought without an exception: fails, or holds with a warning.",
    )
    implementation_start: ImplementationStart = Field(
        ImplementationStart.WORKS_STARTED,
        description="D24 项目实施 the event that starts implementation for art. 20, 21 and 23.",
    )
    surplus_settlement: SurplusSettlement = Field(
        SurplusSettlement.FINAL_ACCOUNTS,
        description="D25 结余资金 the event that settles art. 25's surplus and starts a configured 及时 clock.",
    )
    classified_acceptance: ClassifiedAcceptance = Field(
        ClassifiedAcceptance.PARAS_1_TO_3,
        description="D26 涉密项目的竣工验收 the paragraphs of art. 27 a classified project leaves.",
    )
    acceptance_filing_period: AcceptanceFilingPeriod = Field(
        AcceptanceFilingPeriod.WITH_ACCEPTANCE,
        description="D27 验收材料备案 whether art. 27's 6 months also limit the filing of the acceptance materials.",
    )
    late_extension: LateExtension = Field(
        LateExtension.IGNORED,
        description="D28 逾期后批准延长 a final-accounts extension approved after the 3-month due date.",
    )
    state_enterprise_funding: StateEnterpriseFunding = Field(
        StateEnterpriseFunding.ANY_MONEY,
        description="D29 国有企业项目资金 the money a state-owned enterprise's project must use for art. 38.",
    )
    adjustment_limit_basis: AdjustmentLimitBasis = Field(
        AdjustmentLimitBasis.EACH_ADJUSTMENT,
        description="D31 多次调整的10%限额 whether art. 26's 10% limit measures each adjustment or the running total.",
    )


DEFAULT_INTERPRETATION = Interpretation()


@dataclass(frozen=True, slots=True)
class Decision:
    """One interpretation decision: where the text is open, what was chosen, and why."""

    id: str
    field: str
    """The :class:`Interpretation` field that holds the choice."""
    title_zh: str
    title_en: str
    basis: str
    """The legal basis: the clause that leaves the point open, and the law or national rule a reading follows."""
    provisions: tuple[str, ...]
    """The provisions whose computation the decision changes."""

    def rules(self) -> tuple[Rule, ...]:
        """The rules that apply it (read off each rule's ``decisions``, never listed twice)."""
        from tinghu_policy.engine.rule import catalogue

        return tuple(r for r in catalogue() if self.id in r.decisions)

    def options(self) -> tuple[Option, ...]:
        """The values the decision can take, with their meaning and which is the default; empty when the field
        takes an open value (a date, a number)."""
        info = Interpretation.model_fields[self.field]
        kind, default = info.annotation, info.default
        if isinstance(kind, type) and issubclass(kind, Enum):
            meanings = _member_docs(kind.__name__)
            return tuple(Option(m.value, meanings.get(m.name, ""), m is default) for m in kind)
        if kind is bool:
            return (Option("false", "", default is False), Option("true", "", default is True))
        return ()


@dataclass(frozen=True, slots=True)
class Option:
    """One value of a decision: as written in JSON or ``--option``, what it means, whether it is the default."""

    value: str
    meaning: str
    default: bool


@cache
def _member_docs(enum_name: str) -> dict[str, str]:
    """The docstrings written under each member of an enum of this module (Python keeps none at run time)."""
    tree = ast.parse(inspect.getsource(sys.modules[__name__]))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == enum_name:
            return {
                stmt.targets[0].id: " ".join(after.value.value.split())
                for stmt, after in itertools.pairwise(node.body)
                if isinstance(stmt, ast.Assign)
                and isinstance(stmt.targets[0], ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            }
    return {}


DECISIONS: dict[str, Decision] = {
    d.id: d
    for d in (
        Decision(
            "D1",
            "counting_start",
            "期间起算",
            "Counting start",
            "民法典 第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。",
            (
                "art11.p1.i2",
                "art11.p1.i3",
                "art11.p1.i4",
                "art19.p1",
                "art24.p1",
                "art25.p1",
                "art27.p1",
                "art27.p3",
                "art27.p4",
                "art30.p1",
                "art39.p1",
            ),
        ),
        Decision(
            "D2",
            "working_day",
            "工作日",
            "Working day",
            "国务院办公厅关于部分节假日安排的通知（逐年）；行政许可法第八十二条：“本法规定的行政机关实施行政许可的期限"
            "以工作日计算，不含法定节假日。”该条只排除法定节假日，对调休上班日未作规定：默认按国务院通知计入调休上班日；"
            "选项（不计调休上班日）是部分机关的做法，并非该条文义。",
            ("art11.p1.i2", "art11.p1.i3", "art11.p1.i4", "art19.p1", "art24.p1", "art25.p1", "art39.p1"),
        ),
        Decision(
            "D3",
            "month_end",
            "到期月无对应日",
            "Month end",
            "民法典 第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。",
            ("art24.p1", "art27.p1", "art27.p3", "art27.p4", "art30.p1"),
        ),
        Decision(
            "D4",
            "last_day_rollover",
            "最后一日顺延",
            "Last-day rollover",
            "民法典 第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。"
            "期间的最后一日的截止时间为二十四时。",
            ("art27.p1", "art27.p3", "art27.p4", "art30.p1"),
        ),
        Decision(
            "D5",
            "serious_overdue_boundary",
            "超过…以上",
            "Over … or more",
            "民法典 第一千二百五十九条：民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。",
            ("art24.p1",),
        ),
        Decision(
            "D6",
            "year_end_rollover",
            "每年年底前",
            "Before each year end",
            "“年底前”是一个固定日期（当年12月31日），不是期间，不适用民法典 第二百零三条，除非选择顺延。",
            ("art23.p1",),
        ),
        Decision(
            "D7",
            "final_accounts_cap",
            "竣工财务决算延长上限",
            "Final-accounts extension cap",
            "财建〔2016〕503号：特殊情况确需延长的，中小型项目不得超过2个月，大型项目不得超过6个月（上限只能针对延长期）。",
            ("art27.p4",),
        ),
        Decision(
            "D8",
            "art3_qualifier_scope",
            "“不产生公共数据资源的”修饰范围",
            "Scope of the art. 3 qualifier",
            "第三条的定语“不产生公共数据资源的”在语法上最近修饰第一组（楼宇智能化工程至通用软件）。",
            ("art3.p1",),
        ),
        Decision(
            "D9",
            "joint_evaluation_clock_start",
            "联合评审起算",
            "Joint-evaluation clock start",
            "第十一条第一款第（四）项未写明起算事件；以评审小组收到材料之日为起算日。",
            ("art11.p1.i4",),
        ),
        Decision(
            "D10",
            "self_evaluation_clock_start",
            "自我评价起算",
            "Self-evaluation clock start",
            "第三十条“通过验收并投入运行后12个月内”：两个条件均满足之日起算；以报告提交日期判断是否开展。",
            ("art30.p1",),
        ),
        Decision(
            "D11",
            "timely_within_working_days",
            "及时/适时",
            "Timely",
            "“及时”“适时”无数字；仅在使用者配置期限时才有到期日。",
            ("art19.p1", "art24.p1", "art25.p1", "art39.p1"),
        ),
        Decision(
            "D12",
            "beyond_calendar_data",
            "日历数据覆盖范围",
            "Calendar coverage",
            "国务院办公厅逐年发布节假日安排；数据之外的年份不得猜测。",
            (
                "art11.p1.i2",
                "art11.p1.i3",
                "art11.p1.i4",
                "art19.p1",
                "art23.p1",
                "art24.p1",
                "art25.p1",
                "art27.p1",
                "art27.p3",
                "art27.p4",
                "art30.p1",
                "art39.p1",
            ),
        ),
        Decision(
            "D13",
            "effective_date",
            "施行日期与不溯及既往",
            "Effective date and non-retroactivity",
            "第四十条“本办法自印发之日起施行”，文本未载明印发日期，由使用者提供。立法法第一百零四条：法律、行政法规、"
            "地方性法规、自治条例和单行条例、规章不溯及既往。据此，每条规则所判断的行为（申报、审批、开工、报送、"
            "期限的起算事实等）发生在施行日期之前的，该结论为不适用，并列明该行为的日期与施行日期；日期未提供而无法"
            "判断先后的，结论为无法判断。评估日早于施行日期的，本办法尚未施行，全部结论为不适用。第四十条本身不设义务，"
            "只列明早于施行日期的事实（提示）。",
            (
                "art6.p2",
                "art7.p2",
                "art8.p1.i1",
                "art8.p1.i2",
                "art8.p1.i3",
                "art8.p1.i4",
                "art8.p1.i5",
                "art9.p1",
                "art10.p1",
                "art11.p1.i1",
                "art11.p1.i2",
                "art11.p1.i3",
                "art11.p1.i4",
                "art11.p2",
                "art12.p1",
                "art13.p1",
                "art14.p1",
                "art15.p1",
                "art15.p2",
                "art16.p1",
                "art19.p1",
                "art20.p1",
                "art21.p1",
                "art21.p2",
                "art23.p1",
                "art23.p2",
                "art24.p1",
                "art25.p1",
                "art26.p1",
                "art26.p1.i1",
                "art26.p1.i2",
                "art26.p1.i3",
                "art26.p2",
                "art27.p1",
                "art27.p2",
                "art27.p3",
                "art27.p4",
                "art28.p2",
                "art29.p1",
                "art30.p1",
                "art36.p1",
                "art37.p1",
                "art39.p1",
                "art40.p1",
            ),
        ),
        Decision(
            "D14",
            "timezone",
            "日期与时区",
            "Dates and time zone",
            "期间按日历日计算；时间戳先换算为北京时间（Asia/Shanghai）的日期。民法典 第二百零三条第二款：截止时间为二十四时。",
            ("art6.p2", "art11.p1.i2", "art39.p1"),
        ),
        Decision(
            "D15",
            "revision_expiry",
            "修改期满退回",
            "Revision window expiry",
            "第十一条第一款第（二）项“项目单位应在15个工作日内…完善修改申报材料，否则将退回申请”；退回后重新申报重新计时。",
            ("art11.p1.i2",),
        ),
        Decision(
            "D16",
            "completion_trigger",
            "起算事实",
            "Trigger facts",
            "“建成”“通过验收”“投入运行”各以模型字段说明中的事实为准。",
            ("art23.p1", "art24.p1", "art25.p1", "art27.p1", "art27.p3", "art27.p4", "art30.p1"),
        ),
        Decision(
            "D17",
            "same_day_precedence",
            "同日先后",
            "Same-day precedence",
            "文本以日期记载各行为（D14），未规定时刻；“开工前”（第三十九条）、“经区数据局审核后”（第六条第二款）、"
            "“未经档案验收…不得通过项目竣工验收”（第二十八条第二款）、“经保密行政管理部门审查合格，方可投入运行”"
            "（第二十九条）、“未按本办法履行审批程序…不得安排经费或实施”（第十二条）以及第十一条、第十四条、第二十六条"
            "规定的先后次序，都要求一行为在另一行为之前，同一日的两行为无法以日期分先后。默认：同日视为在先（与D6"
            "“年底前”含当日一致；民法典 第二百零三条第二款：期间的最后一日的截止时间为二十四时）；选项：须早于后一行为之日。",
            (
                "art6.p2",
                "art11.p1.i3",
                "art11.p1.i4",
                "art11.p2",
                "art12.p1",
                "art14.p1",
                "art26.p1",
                "art26.p2",
                "art28.p2",
                "art29.p1",
                "art39.p1",
            ),
        ),
        Decision(
            "D18",
            "township_units",
            "乡镇、街道单位是否属区级",
            "Township and sub-district units",
            "第二条：“本办法所称政务信息化项目，是指区级各党政机关、事业单位和团体组织及各有关单位使用财政预算资金实施的…”；"
            "第七条第二款另用“区级及以下”（民法典 第一千二百五十九条：“以下”包括本数），可见需要时文本写明“及以下”。"
            "预算法 第三条：国家实行一级政府一级预算，乡、民族乡、镇为一级预算。默认：乡镇、街道单位不属区级；"
            "选项：视为区级（街道办事处是区人民政府的派出机关；第七条第二款将区级及以下并列）。",
            ("art2.p1", "art38.p1", "art39.p1"),
        ),
        Decision(
            "D19",
            "classified_application",
            "涉密项目申报流程",
            "Classified projects and the application flow",
            "第十一条第一款第（二）项末句：“涉密项目按国家有关保密规定申报。”该句位于第（二）项（项目预审），而“申报”是"
            "第三章的标题和第十一条第一款的主题（“项目申报流程主要包括”）；第十三条同样以此句把涉密项目排除出管理平台申报。"
            "第十四条属第四章（审批），以“项目经联合评审后”开始。默认：涉密项目不适用第十一条第一款全部流程，也不适用以联合"
            "评审为起点的第十四条次序；选项：仍按第十四条自申请项目代码起的报批次序；或仅不适用第（二）项预审。",
            ("art11.p1.i1", "art11.p1.i2", "art11.p1.i3", "art11.p1.i4", "art14.p1"),
        ),
        Decision(
            "D20",
            "final_opinion_order",
            "最终审核意见的次序",
            "Order of the final opinion",
            "第十一条第一款第（四）项：“项目单位应根据专家评审意见完善申报材料，区财政局根据评估情况出具财评报告，"
            "区数据局形成最终审核意见。”三者以逗号并列，未明定彼此先后；列举顺序和“最终”表明审核意见在后。默认："
            "最终审核意见不早于完善后的申报材料和财评报告；选项：只须不早于专家评审意见。",
            ("art11.p1.i4",),
        ),
        Decision(
            "D21",
            "om_funding_act",
            "安排运维经费",
            "Arranging O&M money",
            "第十二条：“严把项目和运维经费审核审批关…未按要求共享、更新公共数据的，不得安排运维经费”。“安排”是将运维经费"
            "列入预算的行为（第十一条第二款：“由区财政局复核后列入年度预算”）；“审核审批关”也可理解为自申请起即把关。"
            "默认：被禁止的行为是安排（年度运维方案列入年度预算）；选项：申请运维经费即属被禁止的行为。",
            ("art12.p1",),
        ),
        Decision(
            "D22",
            "extra_approval_exception",
            "第十六条例外的范围",
            "Reach of the art. 16 exceptions",
            "第十六条：“原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外。”"
            "文本未将两种例外与四项审批对应。各项审批依其自身法律：节约能源法 第十五条（固定资产投资项目节能评估和审查）"
            "针对能耗；城乡规划法 第三十六条（选址意见书）、土地管理法（建设项目用地预审）、环境影响评价法 第十六条（按对环境的"
            "影响程度分类管理）针对建设用地和工程。默认：任一例外使四项审批均不再免除；选项：新建土建工程对应规划选址、"
            "用地预审、环境影响评价，高耗能项目对应节能评估。",
            ("art16.p1",),
        ),
        Decision(
            "D23",
            "extra_approval_sought",
            "无例外仍办理第十六条审批",
            "An art. 16 approval sought without an exception",
            "第十六条“原则上不再进行…审批”：“不再进行”是对审批的要求，“原则上”留有例外余地，而文本除两种情形外未列明"
            "例外的条件。默认：无例外情形仍要求或办理的，不符合本条（不成立），说明中提示例外须另行说明理由；选项：只作提示，"
            "不认定为违反（成立并附警示）。",
            ("art16.p1",),
        ),
        Decision(
            "D24",
            "implementation_start",
            "项目实施的起点",
            "Start of implementation",
            "第五章“实施”未界定项目实施自何时开始。第二十四条以“开工建设”标志建设开始（“由财政预算资金安排未按时开工建设的"
            "项目（超过初步设计批复时间6个月以上）”）；第十二条“未按本办法履行审批程序…不得安排经费或实施”把“实施”"
            "与审批相连。默认：以开工日期为项目实施的起点；选项：以审批（批复）日期为起点。",
            ("art20.p1", "art21.p1", "art21.p2", "art23.p1", "art23.p2"),
        ),
        Decision(
            "D25",
            "surplus_settlement",
            "结余资金的确定",
            "Settling the surplus",
            "第二十五条第一款：“项目目标和内容不变，项目实际支出有结余的，应及时将结余资金上缴财政。”实际支出确定后才有"
            "结余；确定实际支出的文件是第二十七条第四款的竣工财务决算（《基本建设财务规则》第四条第（四）项：及时准确编制"
            "项目竣工财务决算，全面反映基本建设财务状况）。默认：以编报竣工财务决算之日确定结余，并作为D11“及时”期限的"
            "起算日；选项：以竣工验收合格之日，或以项目建成之日（D16）为准。",
            ("art25.p1",),
        ),
        Decision(
            "D26",
            "classified_acceptance",
            "涉密项目竣工验收",
            "Acceptance of a classified project",
            "第二十七条第五款：“涉密项目的竣工验收按有关规定执行。”“竣工验收”是第一至三款的事项（组织验收、材料备案、"
            "等保测评和密评结果、延期说明）；第四款的竣工财务决算是验收合格后向区财政局履行的财务义务。默认：涉密项目不适用"
            "第一至三款，仍适用第四款；选项：第一至四款均不适用。",
            ("art27.p4", "art27.p5"),
        ),
        Decision(
            "D27",
            "acceptance_filing_period",
            "验收材料备案的期限",
            "Period of the acceptance filing",
            "第二十七条第一款：“项目建成后6个月内，项目单位应按国家有关规定自行组织竣工验收，并将验收相关材料…报送区发改委、"
            "区数据局、区财政局备案。”句首的“项目建成后6个月内”可统摄“组织竣工验收”和“报送备案”两个谓语，也可只限定前者。"
            "默认：备案与验收同一期限；选项：备案无独立期限（验收后应备案，无到期日、不认定逾期）。",
            ("art27.p1",),
        ),
        Decision(
            "D28",
            "late_extension",
            "期限届满后批准的延长",
            "Extension approved after the due date",
            "第二十七条第四款：“竣工验收合格后，项目单位应在3个月内向区财政局编报竣工财务决算，特殊情况确需延长的，需报"
            "区财政局批准，最长不得超过6个月。”“延长”的对象是尚未届满的期限；届满后才批准的，已无可延长的期限。默认："
            "届满后批准的延长不计入；选项：计入（视为对逾期的追认），仍受D7上限约束。",
            ("art27.p4",),
        ),
        Decision(
            "D29",
            "state_enterprise_funding",
            "国有企业项目的资金来源",
            "Funding of a state-owned enterprise's project",
            "第三十八条：“国有企业建设的政务信息化项目，严格遵守国家法律法规及本办法相关条款。”第二条已将“各有关单位…使用"
            "财政预算资金实施的”项目纳入；若第三十八条也以财政预算资金为限，它只起提示作用。默认：国有企业建设的区级政务"
            "信息系统项目不论资金来源均适用本办法；选项：仅限使用财政预算资金的项目。",
            ("art38.p1",),
        ),
        Decision(
            "D30",
            "serious_overrun_percent",
            "严重超概算",
            "Serious cost overrun",
            "第三十七条“因管理不善、弄虚作假造成严重超概算”：“严重”无数字标准；仅在使用者设定比例时判断，超过该比例为严重"
            "（民法典 第一千二百五十九条：“超过”不包括本数）。",
            ("art37.p1",),
        ),
        Decision(
            "D31",
            "adjustment_limit_basis",
            "多次调整的10%限额",
            "The 10% limit over several adjustments",
            "第二十六条第一款：“项目主要内容确需调整且资金调整数额不超过概算总投资10%…经区数据局、区财政局审核后可以调整”。"
            "条文以一次调整为对象，未说明同一项目多次调整时10%按单次还是累计计算；按单次计算，数次各不超过10%的调整合计"
            "可能超过10%而无须重新报批。默认：每次调整的数额各自不超过10%；选项：本次与此前各次（按 adjustments 顺序）调整"
            "数额累计不超过10%。",
            ("art26.p1", "art26.p1.i1", "art26.p1.i2", "art26.p1.i3", "art26.p2"),
        ),
    )
}
"""The catalogue of interpretation decisions, keyed by decision id."""
