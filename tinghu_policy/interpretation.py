"""Interpretation decisions D1–D41: every reading the text leaves open, named, with its default.

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
from decimal import Context as DecimalContext
from decimal import Decimal, Inexact
from enum import Enum, StrEnum
from functools import cache
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from tinghu_policy.isodate import exact_date

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
    """超过 governs: over the limit only after the boundary day; "超过…以上" read as one phrase meaning "more than",
    and a provision that triggers remediation read narrowly (default)."""
    AT_LEAST = "at_least"
    """以上 governs: the boundary day itself is over the limit. The strongest case for it: the object of 超过 is
    批复工期 (初步设计批复时间), not the six months; 以上 attaches to the numeral "6个月" and includes it (民法典
    第一千二百五十九条), so a delay beyond the approved schedule that has reached 6 months is serious — the two words
    govern different things and do not conflict."""


class CalendarCoverage(StrEnum):
    """D12 — a date outside the official working-day data."""

    ERROR = "error"
    """Raise :class:`~tinghu_policy.errors.CalendarCoverageError` naming the year (default)."""
    PROVISIONAL = "provisional"
    """Treat Mon–Fri as working days, Sat–Sun as rest, and mark every result provisional."""
    STATUTORY_ESTIMATE = "statutory_estimate"
    """Estimate the rest days as the law fixes them: the weekends, the holidays of 《全国年节及纪念日放假办法》第二条 in
    the edition in force that year, and 第六条's compensatory day off (补假) on the next working day for a holiday on
    a weekend (or on another holiday's day). The State
    Council's 调休 cannot be known in advance and is not included: every result is provisional and names the years
    estimated."""


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

    RETURNED_BY_NOTICE = "returned_by_notice"
    """"将退回申请" is an act of 区数据局: the application is returned when 区数据局 returns it (a recorded act);
    expiry makes the unit's revision overdue and the return due (default)."""
    RETURNED_ON_EXPIRY = "returned_on_expiry"
    """The application counts as returned once working day 15 ends without revised materials."""


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
    """D18 — whether art. 2's "区级" units include 街道 (sub-district) and 乡镇 (township) units."""

    SUBDISTRICT_ONLY = "subdistrict_only"
    """A 街道 unit is 区级 (the 街道办事处 is the district government's 派出机关 and a district budget unit); a 乡镇
    unit is not (预算法 第三条 gives 乡、民族乡、镇 a budget level of their own) (default)."""
    NOT_DISTRICT_LEVEL = "not_district_level"
    """Neither: 区级 is the district's own units."""
    DISTRICT_LEVEL = "district_level"
    """Both, as art. 7 para. 2's "区级及以下" groups them with the district."""


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

    WARNS = "warns"
    """"原则上" and "等" leave room, and a district document cannot dispense with approvals that 环境影响评价法 or
    节约能源法 require: a notice (not a breach) naming the unit (default)."""
    FAILS = "fails"
    """Against "不再进行": the finding fails, the note saying an exception 原则上 allows must be justified."""


class ImplementationStart(StrEnum):
    """D24 — the event that starts 项目实施 (chapter 5: the duties of art. 20, 21 and 23)."""

    BY_DUTY = "by_duty"
    """Each duty from its own stage: planning duties (制定密码应用方案, 同步规划) from the approval (or the start of
    works, if earlier); building and running duties (同步建设、同步使用/运行, 定期检测评估, the yearly report of
    art. 23, art. 19's "实施过程中") from the start of works; a fact that records planning and building in one yes/no
    from the start of works (default)."""
    WORKS_STARTED = "works_started"
    """Every duty from the start of works (开工, ``implementation.works_started``), as art. 24 "开工建设"."""
    APPROVED = "approved"
    """Every duty from the approval (``approval.approved``): art. 12 lets a project be "实施" once approved."""


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

    REQUESTED_IN_TIME = "requested_in_time"
    """The extension counts when the unit asked for it (报区财政局, ``requested``) by the due date, however late
    the bureau approves: the unit's act is the request (default). Asked later, or with no request date, as
    ``ignored``."""
    IGNORED = "ignored"
    """A period that has run out cannot be extended: an approval after the due date does not count."""
    COUNTED = "counted"
    """The approval counts whenever given: 3 + n months (capped by D7), the late approval regularising the delay."""


class StateEnterpriseFunding(StrEnum):
    """D29 — the money a state-owned enterprise's project must use for art. 38 to bring it in."""

    FISCAL_BUDGET_ONLY = "fiscal_budget_only"
    """财政预算资金 only, as art. 2: "政务信息化项目" is art. 2's term, and applying the district approval procedure
    to an enterprise's own investment would conflict with 企业投资项目核准和备案管理条例 and 行政许可法 第十四至十七条
    (default)."""
    ANY_MONEY = "any_money"
    """Any money (own, social or fiscal): the reading that gives art. 38 work beyond art. 2."""


class AdjustmentLimitBasis(StrEnum):
    """D31 — what "资金调整数额不超过概算总投资10%" (art. 26 para. 1) measures when a project is adjusted more than once."""

    CUMULATIVE = "cumulative"
    """This adjustment's amount and those of the adjustments carried out before it since the last re-approval:
    art. 26 is an exception to 严格按批复…投资概算 (art. 25) and to re-approval (政府投资条例 第二十一条、第二十三条),
    and exceptions are read narrowly (default)."""
    EACH_ADJUSTMENT = "each_adjustment"
    """Each adjustment's own amount, as the sentence speaks of one adjustment ("项目主要内容确需调整且资金调整数额…")."""


class ProjectCodeAfter(StrEnum):
    """D32 — what "项目经联合评审后" (art. 14) waits for before the project code is sought."""

    FINAL_OPINION = "final_opinion"
    """The end of the joint evaluation of art. 11(1)(iv): 区数据局's final review opinion (最终审核意见), the last
    step the item lists (default)."""
    EXPERT_OPINION = "expert_opinion"
    """The joint panel's expert opinion (专家评审意见), the panel's own act: "联合评审" names the panel's review."""


class RevisionWindowStart(StrEnum):
    """D33 — the day the unit's 15 working days to revise (art. 11(1)(ii)) run from."""

    RECEIPT_WHERE_RECORDED = "receipt_where_recorded"
    """The day the unit received the initial opinion (送达, ``initial_opinion.received_by_unit``) where recorded, as
    the panel's clock runs from its receipt (D9); else the day it was issued (default)."""
    ISSUE = "issue"
    """The day the opinion was issued: the text counts from the opinion ("针对初审意见")."""


class SurplusAfterAdjustment(StrEnum):
    """D34 — art. 25's surplus when the project's content was adjusted under art. 26 (goals unchanged)."""

    GENERAL_RULES = "general_rules"
    """Art. 25 reaches only a project whose 目标和内容不变: once an adjustment is carried out, its surplus follows the
    general budget rules (预算法, 结转结余资金管理), outside this regulation — not applicable, the note says so
    (default)."""
    STILL_OWED = "still_owed"
    """An art. 26 adjustment stays within the approved 概算 with goals unchanged, so the project is the same project:
    its unspent fiscal money is still returned under art. 25. Only a carried-out adjustment that changed the goals
    (建设目标) takes the project out; whether an adjustment was lawfully made (10%, ground, review) is art. 26's
    question, not whether the money left over goes back."""


class SurplusFiscalShare(StrEnum):
    """D35 — how much of art. 25's surplus is fiscal money, when fiscal and other money fund a project."""

    PROPORTIONAL = "proportional"
    """Spending drew on each source in proportion to its amount: the fiscal share of the surplus is the surplus × the
    fiscal money's share of all funding (default)."""
    FISCAL_SPENT_FIRST = "fiscal_spent_first"
    """Fiscal money was spent first: only fiscal money left after all spending is owed (the least)."""
    OTHER_SPENT_FIRST = "other_spent_first"
    """Other money was spent first: the fiscal money is owed up to the whole surplus (the most)."""


class FiscalShareRounding(StrEnum):
    """D40 — how a proportional fiscal share of art. 25's surplus (D35) that is not a whole fen is rounded to one."""

    DOWN = "down"
    """Down to the fen: never more than the exact unspent fiscal money; a share under one fen is nothing owed
    (default)."""
    HALF_UP = "half_up"
    """To the nearest fen, a half fen up (四舍五入), and shown as "约" (about)."""


class ReturnWithoutOpinion(StrEnum):
    """D41 — what a return of the application that 区数据局 records before any initial opinion means (art. 11(1)(ii))."""

    OPINION_OWED = "opinion_owed"
    """A return is no initial opinion: the opinion stays owed (overdue once its 5 working days end), and the return,
    not the one item (ii) provides, fails (default)."""
    REFUSAL_NOTICE = "refusal_notice"
    """A refusal at the pre-review, whose ground may lie outside item (ii) (art. 12's bars): the round and the
    opinion's clock end with it, and the return is shown as a notice to state the ground."""


class PerformanceReportYears(StrEnum):
    """D36 — which years of implementation owe art. 23's "每年年底前" report."""

    EVERY_YEAR_TOUCHED = "every_year_touched"
    """Every calendar year implementation touched, the first and last partial years included (default)."""
    IN_IMPLEMENTATION_AT_YEAR_END = "in_implementation_at_year_end"
    """Only years at whose end the project was still in implementation ("项目实施期间…每年年底前"): the year of
    completion owes none."""


class AnnualReportReach(StrEnum):
    """D39 — whether art. 23's year-end report is owed for the year in which the regulation takes effect."""

    IMPLEMENTED_AFTER_EFFECT = "implemented_after_effect"
    """A year whose implementation went on on or after the effective date owes its report; one whose implementation
    ended before it is out of reach (default)."""
    BEGUN_AFTER_EFFECT = "begun_after_effect"
    """Only a year whose implementation began on or after the effective date (the start of implementation in its
    first year, 1 January after) owes its report."""


class ExtensionCounting(StrEnum):
    """D37 — how an extension of art. 27 para. 4's 3 months is counted."""

    FROM_ACCEPTANCE = "from_acceptance"
    """One period of 3 + n months from passing acceptance (default)."""
    AFTER_ORIGINAL_PERIOD = "after_original_period"
    """n months more from the last day of the original 3 months (财建〔2016〕503号 speaks of 延长 the 编报期限)."""


class Art3Substance(StrEnum):
    """D38 — a project art. 3 excludes by its stated category, found to be a government IT project in substance."""

    SUBSTANCE_PREVAILS = "substance_prevails"
    """The finding of substance (``substantively_government_it``) prevails: art. 3 excludes a project for what it is,
    not what it is called, and the whole regulation reaches it (default)."""
    CATEGORY_GOVERNS = "category_governs"
    """The stated category governs art. 3: the project stays outside, and only art. 12's sixth prohibition (which
    names "实质上属于政务信息化建设的项目") reaches it."""


TIMEZONE_DEFAULT: Literal["Asia/Shanghai"] = "Asia/Shanghai"

PositiveInt = Annotated[int, Field(gt=0, le=366)]


_SIX_PLACES = Decimal("0.000001")


def _six_places_at_most(value: Decimal) -> Decimal:
    """D30's percent written with more than 6 decimal places, the rest zeros ("5." and 72 zeros, which the
    field's ``decimal_places`` lets through), is held at 6: the limit it sets is then shown as for "5.000000"."""
    exponent = value.as_tuple().exponent  # an int: allow_inf_nan is off
    if isinstance(exponent, int) and exponent < -6:
        return value.quantize(
            _SIX_PLACES, context=DecimalContext(traps=[Inexact])
        )  # zeros only: never rounds
    return value


class Interpretation(BaseModel):
    """The interpretation decisions a computation applies; every field defaults to the decision in the design notes.

    Frozen and strict: an unknown option name or value is refused with the field named.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)

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
    year_end_rollover: StrictBool = Field(
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
        description="D12 日历数据之外 a date outside the official working-day data: error (the default), "
        "statutory_estimate (weekends and statutory holidays, provisional) or provisional (weekends only).",
    )
    effective_date: Annotated[date, BeforeValidator(exact_date)] | None = Field(
        None,
        description="D13 施行日期 the date the regulation took effect (art. 40 gives none); events before it are "
        "out of its reach. None: not stated, no event is excluded.",
    )
    timezone: Literal["Asia/Shanghai"] = Field(
        TIMEZONE_DEFAULT,
        description="D14 时区 timestamps are converted to the calendar date in this zone before counting.",
    )
    revision_expiry: RevisionExpiry = Field(
        RevisionExpiry.RETURNED_BY_NOTICE,
        description="D15 退回申请 when the 15-working-day revision window of art. 11(1)(ii) runs out.",
    )
    completion_trigger: CompletionTrigger = Field(
        CompletionTrigger.RECORDED_COMPLETION,
        description="D16 项目建成 the fact that starts art. 27's 6-month acceptance clock.",
    )
    serious_overrun_percent: (
        Annotated[
            Decimal,
            Field(ge=0, le=1_000_000, decimal_places=6, allow_inf_nan=False),
            AfterValidator(_six_places_at_most),
        ]
        | None
    ) = Field(
        None,
        description="D30 严重超概算 the cost overrun, in percent of the approved budget, that counts as serious "
        "(art. 37); the text gives no figure, so none unless configured. At most 1,000,000 (percent) with at most 6 "
        "decimal places, so that the limit it sets is computed exactly.",
    )
    same_day_precedence: SameDayPrecedence = Field(
        SameDayPrecedence.SAME_DAY_COUNTS,
        description="D17 同日先后 an act dated the same day as the act it must precede (开工前, 经…审核后, 方可).",
    )
    township_units: TownshipUnits = Field(
        TownshipUnits.SUBDISTRICT_ONLY,
        description="D18 街道、乡镇单位 whether art. 2's 区级 units include sub-district and township units.",
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
        ExtraApprovalSought.WARNS,
        description="D23 原则上不再进行 an art. 16 approval sought without an exception: a notice, or a failure.",
    )
    implementation_start: ImplementationStart = Field(
        ImplementationStart.BY_DUTY,
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
        LateExtension.REQUESTED_IN_TIME,
        description="D28 逾期后批准延长 a final-accounts extension approved after the 3-month due date.",
    )
    state_enterprise_funding: StateEnterpriseFunding = Field(
        StateEnterpriseFunding.FISCAL_BUDGET_ONLY,
        description="D29 国有企业项目资金 the money a state-owned enterprise's project must use for art. 38.",
    )
    adjustment_limit_basis: AdjustmentLimitBasis = Field(
        AdjustmentLimitBasis.CUMULATIVE,
        description="D31 多次调整的10%限额 whether art. 26's 10% limit measures each adjustment or the running total.",
    )
    project_code_after: ProjectCodeAfter = Field(
        ProjectCodeAfter.FINAL_OPINION,
        description="D32 项目经联合评审后 what art. 14's project code waits for: the final opinion or the expert opinion.",
    )
    revision_window_start: RevisionWindowStart = Field(
        RevisionWindowStart.RECEIPT_WHERE_RECORDED,
        description="D33 修改期限起算 the unit's 15 working days run from its receipt of the initial opinion, or its issue.",
    )
    surplus_after_adjustment: SurplusAfterAdjustment = Field(
        SurplusAfterAdjustment.GENERAL_RULES,
        description="D34 调整后的结余资金 art. 25 after an art. 26 adjustment: general rules, or still owed.",
    )
    surplus_fiscal_share: SurplusFiscalShare = Field(
        SurplusFiscalShare.PROPORTIONAL,
        description="D35 结余中的财政资金 the fiscal part of art. 25's surplus when other money also funds the project.",
    )
    fiscal_share_rounding: FiscalShareRounding = Field(
        FiscalShareRounding.DOWN,
        description="D40 财政资金份额的取整 how D35's proportional fiscal share is rounded to the fen: down (never more "
        "than the exact share), or half up.",
    )
    return_without_opinion: ReturnWithoutOpinion = Field(
        ReturnWithoutOpinion.OPINION_OWED,
        description="D41 未经初审意见的退回 a return recorded before any initial opinion: the opinion still owed and "
        "the return failing item (ii) (default), or a refusal shown as a notice.",
    )
    performance_report_years: PerformanceReportYears = Field(
        PerformanceReportYears.EVERY_YEAR_TOUCHED,
        description="D36 绩效报告年度 which years of implementation owe art. 23's year-end report.",
    )
    annual_report_reach: AnnualReportReach = Field(
        AnnualReportReach.IMPLEMENTED_AFTER_EFFECT,
        description="D39 施行当年的年度报告 whether art. 23's year-end report is owed for the year the regulation takes "
        "effect in: when implementation went on on or after the effective date, or only when it began then.",
    )
    extension_counting: ExtensionCounting = Field(
        ExtensionCounting.FROM_ACCEPTANCE,
        description="D37 延长期限的计算 art. 27(4)'s extension: 3 + n months from acceptance, or n after the 3 months.",
    )
    art3_substance: Art3Substance = Field(
        Art3Substance.SUBSTANCE_PREVAILS,
        description="D38 第三条与实质认定 a project art. 3 excludes by its stated category but found to be government IT "
        "in substance: the substance prevails (default), or the category governs and only art. 12's sixth "
        "prohibition reaches it.",
    )


DEFAULT_INTERPRETATION = Interpretation.model_construct()
"""Every decision at its default: made without validation, so that importing the library builds no validator
(tests/test_import_weight.py checks it equals the validated ``Interpretation()``)."""


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
            "民法典 第一千二百五十九条：民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。"
            "第二十四条“超过批复工期6个月以上”“超过初步设计批复时间6个月以上”同时使用“超过”和“以上”，两种读法只在届满"
            "之日不同。选项（6个月或以上，at_least）的最强理由：“超过”的宾语是“批复工期”（“初步设计批复时间”），不是"
            "“6个月”；“以上”附于数词“6个月”，依第一千二百五十九条包括本数——超出批复工期的时间届满6个月之日即属严重逾期，"
            "两个词各管一处，并不冲突。默认（严格多于，strictly_more）的理由：“超过…6个月以上”通常作为一个整体读作“多于"
            "6个月”，“超过”不包括本数；本条据此要求报告、提出整改方案并可能暂停实施，触发不利后果的条件从窄解释，届满之日"
            "尚不属超过。",
            ("art24.p1",),
        ),
        Decision(
            "D6",
            "year_end_rollover",
            "每年年底前",
            "Before each year end",
            "“年底前”是一个固定日期（期日：当年12月31日），不是自某一事实起算的期间：不适用民法典 第二百零一条、第二百零二条，"
            "也不按第二百零三条第一款顺延，除非选择顺延。当日提交即属年底前；期日的截止时间法律未专门规定，参照第二百零三条"
            "第二款（期间最后一日的截止时间为二十四时）为该日二十四时——这是类推适用，不是把“年底前”当作期间。",
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
            "第三十条“通过验收并投入运行后12个月内”：“并”连接两个条件，默认自两个条件均满足之日（两者中较晚者）起算，"
            "结论列明两个日期及起算所依者；选项：自通过验收之日起算，不论何时投入运行。以报告提交日期判断是否开展。",
            ("art30.p1",),
        ),
        Decision(
            "D11",
            "timely_within_working_days",
            "及时/适时",
            "Timely",
            "“及时”“适时”无数字；仅在使用者配置期限时才有到期日。配置的期限只用于文本写明“及时”的义务（第十九条备案、第二十四条"
            "严重逾期或重大损失后的报告、第二十五条结余上缴、第三十九条备案）。第二十四条“报区数据局、区发改委、区财政局适时"
            "调整”中，“适时”修饰三部门的调整，不修饰项目单位的报告：该报告文本未规定时间，不适用本项配置，报告前为待履行"
            "（无到期日、不认定逾期），报告后为已履行。",
            ("art19.p1", "art24.p1", "art25.p1", "art39.p1"),
        ),
        Decision(
            "D12",
            "beyond_calendar_data",
            "日历数据覆盖范围",
            "Calendar coverage",
            "国务院办公厅逐年发布节假日安排（通常在上一年年底），数据之外的年份不得当作已知。默认报错（error）："
            "需要该年安排的结论为无法判断，指明所缺年份，仍给出不依赖该年安排即可确定的答复（期限不早于某日）。"
            "可选按法定节假日估算（statutory_estimate）：休息日为周末、《全国年节及纪念日放假办法》第二条规定的"
            "全体公民放假的节日（按所估年度施行的版本，2025年起为国务院令第774号修订本）以及第六条规定的补假"
            "（节日适逢周六、周日或与其他节日同日的，在其后第一个工作日补假）；调休放假和调休上班由国务院办公厅逐年安排，事先无法"
            "确定，不予计入。或仅按周末估算（provisional）。两种估算的结论均为临时结果，并列明所估年份。"
            "主张估算的理由：年底起算的期限大多跨入下一年度，报错使其长期无法判断，而法定节假日是法律确定的；"
            "主张默认报错的理由：估算与日后公布的安排不一致时（调休使到期日提前或推后），据以认定按期或逾期即为"
            "错误的结论，估算应由使用者明示选择。估算与已公布安排的一致程度按2015年以来各年实测，见法定期间与日历页面。",
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
            "期限的起算事实等）发生在施行日期之前的，该结论为不适用，并列明该行为的日期与施行日期；提供了施行日期而"
            "该行为的日期未提供、无法判断先后的，结论为无法判断。未提供施行日期（默认）时不作此项判断，任何行为均不因此"
            "排除。评估日早于施行日期的，本办法尚未施行，全部结论为不适用。第四十条本身不设义务，"
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
                "art18.p1",
                "art19.p1",
                "art20.p1",
                "art21.p1",
                "art21.p2",
                "art22.p1",
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
            "第十一条第一款第（二）项“项目单位应在15个工作日内…完善修改申报材料，否则将退回申请”。“将退回申请”是区数据局"
            "的行为；法律欲使某一效果自动发生时写作“视为”。默认：修改期满未完善的，项目单位修改逾期、退回申请到期，申请在"
            "区数据局退回（有记录的行为）时退回；选项：期满即视为退回（条文“否则”紧接期满）。期满前退回的，是区数据局违反本项；"
            "退回后重新申报重新计时；退回后本轮的后续步骤（同步至相关部门、会审意见、联合评审）属于重新申报。",
            ("art11.p1.i2", "art11.p1.i3", "art11.p1.i4"),
        ),
        Decision(
            "D16",
            "completion_trigger",
            "起算事实",
            "Trigger facts",
            "“建成”“通过验收”“投入运行”各以模型字段说明中的事实为准。“通过验收”是记录的竣工验收合格结论：依第二十七条"
            "第二款（等保测评、密评结果不合格的，不得申请）或第二十八条第二款（未经档案验收或档案验收不合格的，不得通过）"
            "不得作出的合格结论，不能视为已履行第二十七条第一款（验收义务仍未履行）；但第二十七条第四款的竣工财务决算"
            "和第三十条的自我评价仍自该记录的合格之日起算——两者针对已交付使用、资金已支出的事实，且不能让单位因自身违规而"
            "免于决算。另一读法（违规的合格结论不生效力，后续期限待依法重新验收后起算）未采用。",
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
                "art22.p1",
                "art15.p2",
                "art26.p1",
                "art26.p2",
                "art28.p2",
                "art29.p1",
                "art37.p1",
                "art39.p1",
            ),
        ),
        Decision(
            "D18",
            "township_units",
            "街道、乡镇单位是否属区级",
            "Sub-district and township units",
            "第二条：“本办法所称政务信息化项目，是指区级各党政机关、事业单位和团体组织及各有关单位使用财政预算资金实施的…”；"
            "第七条第二款另用“区级及以下”（民法典 第一千二百五十九条：“以下”包括本数），可见需要时文本写明“及以下”。"
            "预算法 第三条：国家实行一级政府一级预算，乡、民族乡、镇为一级预算——乡镇有本级预算，不是区级；街道办事处是区"
            "人民政府的派出机关（地方各级人民代表大会和地方各级人民政府组织法 第八十五条），没有本级预算，属区级预算单位。"
            "默认：街道单位属区级，乡镇单位不属区级；选项：均不属区级；均属区级（第七条第二款将区级及以下并列）。",
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
            "第十六条“原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批”：所列为“等”，又以“原则上”限定；区级"
            "规范性文件不能免除环境影响评价法、节约能源法等法律要求的审批。默认：无例外情形仍要求或办理的，作为提示（不构成违反），"
            "义务方为项目单位，说明该审批原则上已不再进行、如确需办理应说明理由；选项：认定为不符合本条（“不再进行”是对审批的"
            "要求）。",
            ("art16.p1",),
        ),
        Decision(
            "D24",
            "implementation_start",
            "项目实施的起点",
            "Start of implementation",
            "第五章“实施”未界定项目实施自何时开始。第二十四条以“开工建设”标志建设开始（“由财政预算资金安排未按时开工建设的"
            "项目（超过初步设计批复时间6个月以上）”）；第十二条“未按本办法履行审批程序…不得安排经费或实施”把“实施”"
            "与审批相连。规划类义务（制定密码应用方案、同步规划）在批复时即已发生，建设、运行类义务（同步建设、同步使用、定期"
            "检测评估、年度绩效报告）自开工起发生。默认：各义务按其阶段起算——规划类自批复，建设运行类自开工；选项：均自开工；"
            "均自批复。默认下规划类义务自批复与开工中较早者起算（未经批复即开工的，不因缺少批复而免除）；一项事实同时记录规划"
            "与建设、运行的（如“同步规划、同步建设、同步使用网络安全技术措施”只有一个是/否），自开工起判断。第十九条“在实施"
            "过程中”：自开工（选项 approved 时自批复）至建成；其前其后出现的重大变更或安全隐患不属本条（运行中的见第三十九条）。",
            ("art19.p1", "art20.p1", "art21.p1", "art21.p2", "art23.p1", "art23.p2"),
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
            "项目单位在期限内报请延长（记录 requested）的，延长计入，不论区财政局何时批准（单位的行为是报请，批准是财政局的"
            "行为）；期限届满后才报请或未记录报请日期的，届满后批准的延长不计入；选项：届满后批准的一律不计入；一律计入"
            "（视为对逾期的追认）；均受D7上限约束。",
            ("art27.p4",),
        ),
        Decision(
            "D29",
            "state_enterprise_funding",
            "国有企业项目的资金来源",
            "Funding of a state-owned enterprise's project",
            "第三十八条：“国有企业建设的政务信息化项目，严格遵守国家法律法规及本办法相关条款。”第二条已将“各有关单位…使用"
            "财政预算资金实施的”项目纳入；第三十八条所称“政务信息化项目”正是第二条定义的、使用财政预算资金的项目，且只要求"
            "遵守“本办法相关条款”。把区级审批程序用于企业自有资金的投资，将与企业投资项目核准和备案管理条例、行政许可法 第十四"
            "至十七条（规章以下不得设定行政许可）相抵触。默认：仅限使用财政预算资金的项目，使用财政资金的国有企业属第二条的"
            "“各有关单位”；选项：国有企业建设的区级政务信息系统项目不论资金来源均适用本办法。",
            ("art38.p1",),
        ),
        Decision(
            "D30",
            "serious_overrun_percent",
            "严重超概算",
            "Serious cost overrun",
            "第三十七条“因管理不善、弄虚作假造成严重超概算”：“严重”无数字标准；仅在使用者设定比例时判断，超过该比例为严重"
            "（民法典 第一千二百五十九条：“超过”不包括本数）。超概算以最近一次批复的概算为准（按第二十六条第二款重新报批的，"
            "以重新报批后的概算总投资为准）。超概算本身只作提示；严重且经认定因管理不善、弄虚作假造成的，才构成追究责任"
            "的情形。",
            ("art37.p1",),
        ),
        Decision(
            "D31",
            "adjustment_limit_basis",
            "多次调整的10%限额",
            "The 10% limit over several adjustments",
            "第二十六条第一款：“项目主要内容确需调整且资金调整数额不超过概算总投资10%…经区数据局、区财政局审核后可以调整”。"
            "条文以一次调整为对象，未说明同一项目多次调整时10%按单次还是累计计算；按单次计算，数次各不超过10%的调整合计"
            "可能超过10%而无须重新报批（六次调整可移动一半投资）。第二十六条是第二十五条“严格按批复的…投资概算实施”和重新报批"
            "（政府投资条例 第二十一条、第二十三条）的例外，例外从严解释。默认：本次与此前已实施的各次调整（自最近一次重新"
            "报批后起算）数额累计不超过10%；选项：每次调整的数额各自不超过10%。“已实施”指已记录实施调整日期（adjusted）："
            "仅提出、未经审核或被否决的调整不移动资金，不计入累计。重新报批（reapproved）的调整本身不计入，其后累计重新起算，"
            "10%与“未超出概算批复”均以重新批复的概算总投资（该调整的 total_after）计。",
            ("art26.p1", "art26.p1.i1", "art26.p1.i2", "art26.p1.i3", "art26.p2"),
        ),
        Decision(
            "D32",
            "project_code_after",
            "“经联合评审后”申请项目代码",
            "The project code after the joint evaluation",
            "第十四条“项目经联合评审后，项目单位应…申请项目代码”；第十一条第一款第（四）项的联合评审依次为专家评审意见、项目单位"
            "完善材料、区财政局财评报告、区数据局最终审核意见。默认：联合评审以最终审核意见结束，申请项目代码不早于最终审核意见"
            "（“最终”表明审核至此完成）；选项：以专家评审意见为准（“联合评审”指评审小组的评审）。审批在任何读法下均不早于最终"
            "审核意见和财评报告。",
            ("art14.p1",),
        ),
        Decision(
            "D33",
            "revision_window_start",
            "修改期限的起算",
            "Start of the revision window",
            "第十一条第一款第（二）项“项目单位应在15个工作日内针对初审意见完善修改申报材料”：期限自何日起算未写明。项目单位"
            "只能在收到意见后修改；联合评审的期限自评审小组收到材料起算（D9）。默认：自项目单位收到初审意见之日起算，未记录"
            "收到日期的，自出具之日起算；选项：一律自出具之日起算（“针对初审意见”以意见为准）。期满即视为退回（D15 选项）"
            "时，退回之日及本轮后续步骤也随之确定。",
            ("art11.p1.i2", "art11.p1.i3", "art11.p1.i4"),
        ),
        Decision(
            "D34",
            "surplus_after_adjustment",
            "调整后的结余资金",
            "Surplus after an adjustment",
            "第二十五条第一款“项目目标和内容不变，项目实际支出有结余的，应及时将结余资金上缴财政”；第二十六条允许在概算内、目标"
            "不变的前提下调整主要内容。内容已调整的，不满足“内容不变”，其结余按预算法及结转结余资金管理的一般规定处理；但第二十六条"
            "的调整不改变概算和目标，仍是同一项目。默认：已实施调整的项目不适用第二十五条，说明中提示结余按一般规定处理；"
            "选项：按第二十六条调整（目标不变）的项目仍须上缴结余，只有已实施且改变建设目标的调整使项目不再适用本条（调整是否合规"
            "是第二十六条的问题，不影响未支出的财政资金是否上缴）。仅提出、未经审核或被否决而未实施的调整不改变内容。",
            ("art25.p1",),
        ),
        Decision(
            "D35",
            "surplus_fiscal_share",
            "结余中的财政资金",
            "The fiscal part of the surplus",
            "第二十五条“将结余资金上缴财政”：上缴的只能是财政资金；社会资本等其他资金不上缴财政。结余等于批复概算（重新报批的，"
            "为重新批复的概算）减实际支出，应上缴的以未支出的财政资金为限（财政资金按资金来源所列金额计：安排900,000元并全部"
            "支出的，即使批复概算为1,000,000元，也无财政资金可缴）；"
            "项目由财政资金和其他资金共同出资时，支出先用哪类资金文本未规定。默认：按出资比例，结余中财政资金所占份额等于"
            "财政资金占全部出资的比例；选项：先用财政资金（只上缴支出后剩余的财政资金）；先用其他资金（财政资金以结余为限"
            "全额上缴）。",
            ("art25.p1",),
        ),
        Decision(
            "D36",
            "performance_report_years",
            "应报送绩效评价报告的年度",
            "Years that owe a performance report",
            "第二十三条“项目实施期间应定期形成绩效评价报告，按规定在每年年底前向区财政局提交”：实施只占一年一部分的首末年度是否"
            "也须报告，文本未写明。默认：实施期间所涉的每一个年度（含首、末两个不完整年度）均须报告；选项：仅年底时仍在实施期间的"
            "年度须报告（建成当年不再报告）。",
            ("art23.p1", "art23.p2"),
        ),
        Decision(
            "D37",
            "extension_counting",
            "决算延长期限的计算",
            "How the final-accounts extension is counted",
            "第二十七条第四款“应在3个月内…编报竣工财务决算，特殊情况确需延长的，需报区财政局批准，最长不得超过6个月”；"
            "财建〔2016〕503号“特殊情况确需延长的，中小型项目不得超过2个月，大型项目不得超过6个月”。延长n个月可读为自验收"
            "起共3+n个月（一个期间），也可读为原3个月届满后再延n个月（两个期间首尾相接，月末日不同）。默认：自验收合格起"
            "3+n个月；选项：原期限届满之日起再计n个月。",
            ("art27.p4",),
        ),
        Decision(
            "D38",
            "art3_substance",
            "第三条与实质认定",
            "Art. 3 and a finding of substance",
            "第三条按项目类别排除“不产生公共数据资源的…办公终端、通用软件”等项目；第十二条“对未按本办法履行审批程序实质上"
            "属于政务信息化建设的项目，不得安排经费或实施”。申报为第三条所列类别、经认定实质上属于政务信息化建设的项目，"
            "第三条是否仍将其排除，文本未写明。默认（实质优先）：第三条排除的是实际属于所列类别的项目，不是名义上申报为该"
            "类别的项目；既经认定实质上属于政务信息化建设项目，即不属第三条所列类别，本办法全部适用——否则项目一面不纳入"
            "本办法的管理范畴，一面又须履行本办法的审批程序，自相矛盾。选项（类别为准）：第三条按申报类别判断，项目仍不"
            "纳入管理范畴，只有第十二条第六项“不得”因其明文“实质上属于”而及于该项目。",
            ("art3.p1",),
        ),
        Decision(
            "D39",
            "annual_report_reach",
            "施行当年的年度报告",
            "The report for the year the regulation takes effect",
            "第二十三条“项目实施期间应定期形成绩效评价报告，按规定在每年年底前向区财政局提交”：施行日期（D13）落在某一"
            "实施年度之中时，该年度是否须报告，文本未写明。默认：该年度的实施在施行日期当日或之后仍在进行（或其后才开始）"
            "的，须报告——年底前报送的义务在施行之后届满，所报告的实施状态延续到施行之后，适用本办法不是溯及既往（立法法"
            "第一百零四条针对施行前已经完成的行为和事实）；该年度的实施在施行日期之前已经结束（建成在施行之前，或该年度在"
            "施行之前已经结束）的，不适用。选项：仅实施开始之日（首个年度为实施开始之日，其后各年度为1月1日）不早于施行"
            "日期的年度须报告——年度报告涵盖全年的实施，其中一部分发生在施行之前。",
            ("art23.p1",),
        ),
        Decision(
            "D40",
            "fiscal_share_rounding",
            "财政资金份额的取整",
            "Rounding the fiscal share to the fen",
            "第二十五条“将结余资金上缴财政”，按出资比例（D35 默认）计算的未支出财政资金可能不是整分（如未支出的资金0.01元、"
            "财政资金占七成，为0.007元），而上缴的金额以分为单位，文本未规定如何取整。默认：舍去不足一分的部分——"
            "“上缴财政”的只能是财政资金（D35），四舍五入可能使上缴的超过按比例计算的财政资金份额，即把其他出资人的资金"
            "缴入国库；设定义务的条款从窄理解（与 D5 同理），不足一分的份额无须上缴。选项：四舍五入到分，并标明“约”——"
            "人民币金额的通常记账方式，最接近按比例计算的份额。两种读法只在不足一分的尾数上不同；只有份额不足一分时，"
            "是否须上缴才随之不同。",
            ("art25.p1",),
        ),
        Decision(
            "D41",
            "return_without_opinion",
            "未经初审意见的退回",
            "A return before any initial opinion",
            "第十一条第一款第（二）项：区数据局接收申请后进行预审，“在5个工作日内给予初审意见”；项目单位应在15个工作日内完善"
            "修改申报材料，“否则将退回申请”。区数据局未给予初审意见即退回申请的，本项未作规定。默认：“给予初审意见”是区数据局的"
            "义务，退回不是初审意见，该义务不因退回而消灭（5个工作日届满仍未给予的，为逾期；退回后给予的，按给予之日判断）；"
            "本项唯一规定的退回以初审意见和15个工作日的修改期限为前提，未经初审即退回的，为不符合——因第十二条等规定不予"
            "通过的，应以初审意见（不予通过）载明，本库对此作为提示。选项：视为预审阶段的不予受理——依据可能在本项之外"
            "（第十二条“不得申请立项”等），而事实未载明依据；本轮及初审意见的期限随退回结束，退回作为提示列出，提示区数据局"
            "载明依据，不认定违反。",
            ("art11.p1.i2",),
        ),
    )
}
"""The catalogue of interpretation decisions, keyed by decision id."""
