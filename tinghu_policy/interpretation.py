"""Interpretation decisions D1–D16: every reading the text leaves open, named, with its default.

The regulation does not say everything a computation needs (when a count starts, whether "6个月以上" includes the
boundary day, …). Each such reading is a field of :class:`Interpretation` whose default is the decision taken in the
design notes, and whose alternatives a caller can choose::

    Interpretation(serious_overdue_boundary=OverBoundary.AT_LEAST)

The catalogue :data:`DECISIONS` documents each decision (legal basis, default, alternatives, the provisions it
applies to); documentation pages and the CLI render it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


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
    """Mon–Fri that are not public holidays; make-up weekend days are not counted (行政许可法 第八十二条, literally)."""


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
        description="art. 37 严重超概算 the cost overrun, in percent of the approved budget, that counts as serious; "
        "the text gives no figure, so none unless configured.",
    )


DEFAULT_INTERPRETATION = Interpretation()


@dataclass(frozen=True, slots=True)
class Decision:
    """One interpretation decision: where the text is open, what was chosen, and why."""

    id: str
    field: str
    title_zh: str
    title_en: str
    basis: str
    provisions: tuple[str, ...]


DECISIONS: dict[str, Decision] = {
    d.id: d
    for d in (
        Decision(
            "D1",
            "counting_start",
            "期间起算",
            "Counting start",
            "民法典 第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。",
            ("art11.p1.i2", "art11.p1.i3", "art11.p1.i4", "art24.p1", "art27.p1", "art27.p4", "art30.p1"),
        ),
        Decision(
            "D2",
            "working_day",
            "工作日",
            "Working day",
            "国务院办公厅关于部分节假日安排的通知（逐年）；行政许可法 第八十二条：期限以工作日计算，不含法定节假日。",
            ("art11.p1.i2", "art11.p1.i3", "art11.p1.i4"),
        ),
        Decision(
            "D3",
            "month_end",
            "到期月无对应日",
            "Month end",
            "民法典 第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。",
            ("art24.p1", "art27.p1", "art27.p4", "art30.p1"),
        ),
        Decision(
            "D4",
            "last_day_rollover",
            "最后一日顺延",
            "Last-day rollover",
            "民法典 第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。"
            "期间的最后一日的截止时间为二十四时。",
            ("art24.p1", "art27.p1", "art27.p4", "art30.p1"),
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
            ("art11.p1.i2", "art11.p1.i3", "art11.p1.i4"),
        ),
        Decision(
            "D13",
            "effective_date",
            "施行日期",
            "Effective date",
            "第四十条“本办法自印发之日起施行”，文本未载明印发日期，由使用者提供。",
            ("art40.p1",),
        ),
        Decision(
            "D14",
            "timezone",
            "日期与时区",
            "Dates and time zone",
            "期间按日历日计算；时间戳先换算为北京时间（Asia/Shanghai）的日期。民法典 第二百零三条第二款：截止时间为二十四时。",
            ("art11.p1.i2",),
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
            ("art27.p1", "art30.p1"),
        ),
    )
}
"""The catalogue of interpretation decisions, keyed by decision id."""
