"""Implementation: the facts of art. 19–26 — changes and hazards, security, reports, delays, money, adjustments.

Trigger dates (D16): 初步设计批复 = the date of the approval document; 开工 = the start of works the unit records
(also the start of 项目实施期间 for art. 20, 21 and 23); 批复工期 = the completion date the approval sets.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from tinghu_policy.facts.acts import Review
from tinghu_policy.facts.base import Facts, LegalDate, Money, require_order
from tinghu_policy.names import Named


class IncidentKind(Named):
    """What art. 19 and art. 39 require to be filed with 区数据局."""

    MAJOR_CHANGE = "major_change"
    """重大变更."""
    SECURITY_HAZARD = "security_hazard"
    """安全隐患."""


class Incident(Facts):
    """A major change or security hazard during implementation (art. 19) or operation (art. 39)."""

    kind: IncidentKind = Field(description="重大变更 or 安全隐患")
    occurred: LegalDate = Field(description="出现日期")
    filed_with_data_bureau: LegalDate | None = Field(None, description="报区数据局备案日期")

    @model_validator(mode="after")
    def _filed_after_occurring(self) -> Incident:
        if self.filed_with_data_bureau is not None and self.filed_with_data_bureau < self.occurred:
            raise ValueError(
                f"filed_with_data_bureau ({self.filed_with_data_bureau}) is before occurred ({self.occurred})"
            )
        return self


class Security(Facts):
    """网络安全、密码、电子文件、保密 (art. 20, 21): planned, built and run with the system (三同步)."""

    security_measures_synchronised: bool | None = Field(
        None, description="同步规划、同步建设、同步使用网络安全技术措施 (art. 20)"
    )
    security_management_system: bool | None = Field(
        None, description="建立健全网络和数据安全管理制度 (art. 20)"
    )
    periodic_security_testing: bool | None = Field(
        None, description="定期开展网络安全检测与风险评估 (art. 20)"
    )
    cryptography_plan: bool | None = Field(None, description="制定项目密码应用方案 (art. 21 para. 1)")
    cryptography_synchronised: bool | None = Field(
        None, description="同步规划、同步建设、同步运行密码保障系统并定期进行评估 (art. 21 para. 1)"
    )
    electronic_records_synchronised: bool | None = Field(
        None, description="电子文件管理与项目建设同步规划、同步实施、同步应用 (art. 21 para. 1)"
    )
    secrecy_protection_plan: bool | None = Field(
        None, description="涉密项目安全保密防护管理方案，保密设施同步规划、建设、运行并评估 (art. 21 para. 2)"
    )


class PerformanceReport(Facts):
    """绩效评价报告 (art. 23) for one calendar year of implementation."""

    year: int = Field(ge=2000, le=2100, description="报告年度")
    submitted_to_finance: LegalDate | None = Field(None, description="向区财政局提交日期")
    copied_to_data_bureau: bool = Field(False, description="抄送区数据局")
    copied_to_development_reform: bool = Field(False, description="抄送区发改委")
    filed_on_platform: bool = Field(False, description="在管理平台中报送")
    covers_progress_and_funds: bool = Field(False, description="包括实施进度和资金执行情况")
    covers_trial_operation: bool = Field(False, description="说明试运行效果及存在问题")


class DelayTrigger(Named):
    """What an art. 24 report to 区数据局 is about: each trigger owes its own report."""

    SERIOUS_DELAY = "serious_delay"
    """严重逾期（超过批复工期6个月以上）."""
    MAJOR_LOSS = "major_loss"
    """造成重大损失."""


class DelayReport(Facts):
    """A report to 区数据局 on a serious delay or a major loss (art. 24), one per trigger."""

    trigger: DelayTrigger = Field(description="报告事项 serious_delay or major_loss")
    reported: LegalDate = Field(description="向区数据局报告日期")
    remediation_plan: bool = Field(False, description="提出整改方案")


class Rectification(Facts):
    """区数据局要求责任单位限期整改 (art. 24): the order, its time limit, and when the rectification was done."""

    ordered: LegalDate = Field(description="要求限期整改的日期")
    deadline: LegalDate = Field(description="整改期限")
    completed: LegalDate | None = Field(None, description="整改完成日期")

    @model_validator(mode="after")
    def _after_the_order(self) -> Rectification:
        require_order((("ordered", self.ordered), ("deadline", self.deadline)))
        require_order((("ordered", self.ordered), ("completed", self.completed)))
        return self


class Suspension(Facts):
    """区数据局要求暂停项目实施 (art. 24): the order, its lifting, and whether works went on meanwhile."""

    ordered: LegalDate = Field(description="暂停项目实施的日期")
    lifted: LegalDate | None = Field(None, description="恢复实施的日期")
    works_continued: bool | None = Field(None, description="暂停期间继续实施 works went on while suspended")

    @model_validator(mode="after")
    def _after_the_order(self) -> Suspension:
        require_order((("ordered", self.ordered), ("lifted", self.lifted)))
        return self


class AssetUse(Facts):
    """公共数字资产 (art. 22): the unit applies to 区数据局, which reviews and allocates; then it is used."""

    asset: str = Field(min_length=1, max_length=200, description="公共数字资产名称")
    applied: LegalDate | None = Field(None, description="向区数据局申请使用的日期")
    allocated: LegalDate | None = Field(None, description="区数据局审核分配的日期")
    used: LegalDate | None = Field(None, description="开始使用的日期")


class AdjustmentGround(Named):
    """The three grounds of art. 26 para. 1."""

    LAW_OR_POLICY = "law_or_policy"
    """(一) 根据法律法规、国家和省、市、区工作部署，确需改变实施内容的."""
    TECHNICAL_OPTIMISATION = "technical_optimisation"
    """(二) 确需对原项目技术方案进行完善优化的."""
    BUSINESS_NEED = "business_need"
    """(三) 根据项目业务发展需要，在已批复项目建设规划的框架下调整相关建设内容及进度的."""


class Adjustment(Facts):
    """A change of the project's main content (art. 26)."""

    requested: LegalDate = Field(description="提出调整日期")
    amount: Money = Field(description="资金调整数额（元）")
    total_after: Money | None = Field(None, description="调整后投资规模（元）")
    goals_unchanged: bool = Field(description="建设目标不变")
    ground: AdjustmentGround | None = Field(
        None, description="符合的情形 the ground claimed; None: none claimed (art. 26 para. 1 route closed)"
    )
    reviewed_by_data_bureau: Review | None = Field(None, description="区数据局审核 the data bureau's review")
    reviewed_by_finance: Review | None = Field(None, description="区财政局审核 the finance bureau's review")
    filed_with_development_reform: LegalDate | None = Field(None, description="报区发改委备案日期")
    basis: str | None = Field(
        None,
        max_length=300,
        description="依据的法律法规或国家和省、市、区工作部署 (ground (一)); None: not stated",
    )
    within_approved_plan: bool | None = Field(
        None, description="在已批复项目建设规划的框架下调整 (ground (三)); None: not known"
    )
    adjusted: LegalDate | None = Field(None, description="实施调整日期 the adjustment was carried out")
    approved_completion_after: LegalDate | None = Field(
        None, description="调整后的批复工期届满日 the completion date as adjusted (ground (三): 调整…进度)"
    )
    reapproved: LegalDate | None = Field(
        None, description="按有关规定重新报批获批日期 approved anew under the general rules (art. 26 para. 2)"
    )

    @model_validator(mode="after")
    def _after_request(self) -> Adjustment:
        """Nothing about an adjustment happens before it is requested."""
        for name, day in (
            ("reviewed_by_data_bureau.day", _day(self.reviewed_by_data_bureau)),
            ("reviewed_by_finance.day", _day(self.reviewed_by_finance)),
            ("filed_with_development_reform", self.filed_with_development_reform),
            ("adjusted", self.adjusted),
            ("reapproved", self.reapproved),
        ):
            if day is not None and day < self.requested:
                raise ValueError(f"{name} ({day}) is before requested ({self.requested})")
        return self


def _day(review: Review | None) -> date | None:
    return None if review is None else review.day


class Implementation(Facts):
    """实施 (art. 19–26)."""

    preliminary_design_approved: LegalDate | None = Field(None, description="初步设计批复日期")
    approved_completion: LegalDate | None = Field(
        None, description="批复工期届满日 the completion date the approval sets"
    )
    approved_duration_months: int | None = Field(
        None,
        ge=1,
        le=120,
        description="批复工期（月），自开工之日起算 the approved duration in months from works start",
    )
    works_started: LegalDate | None = Field(None, description="开工建设日期")
    funds_arranged: LegalDate | None = Field(
        None, description="安排经费日期 (art. 12: the money is arranged)"
    )
    major_loss: bool = Field(False, description="造成重大损失等问题 (art. 24)")
    major_loss_on: LegalDate | None = Field(
        None,
        description="造成重大损失之日 the day the major loss occurred (art. 24; starts a configured D11 clock)",
    )
    not_started_reported: LegalDate | None = Field(
        None, description="未按时开工项目报区数据局、区发改委、区财政局调整的日期 (art. 24)"
    )
    incidents: tuple[Incident, ...] = Field(
        default=(), max_length=100, description="重大变更或安全隐患 (art. 19)"
    )
    rectification: Rectification | None = Field(None, description="区数据局要求限期整改 (art. 24)")
    suspension: Suspension | None = Field(None, description="区数据局要求暂停项目实施 (art. 24)")
    procurement_followed: bool | None = Field(
        None,
        description="严格按照政府采购有关规定开展采购 procurement under the government-procurement rules (art. 18)",
    )
    classified_procurement_followed: bool | None = Field(
        None,
        description="涉密项目采购执行保密法律法规和涉密采购管理办法 a classified project's procurement under the "
        "secrecy rules (art. 18)",
    )
    public_digital_assets: tuple[AssetUse, ...] = Field(
        default=(),
        max_length=100,
        description="申请使用的公共数字资产 public digital assets applied for (art. 22)",
    )
    security: Security = Field(
        default_factory=Security, description="网络安全、密码、电子文件、保密 (art. 20, 21)"
    )
    performance_reports: tuple[PerformanceReport, ...] = Field(
        default=(), max_length=50, description="绩效评价报告 (art. 23)"
    )
    delay_reports: tuple[DelayReport, ...] = Field(
        default=(),
        max_length=10,
        description="严重逾期、重大损失报告 (art. 24): one per trigger, each dated on or after it",
    )
    adjustments: tuple[Adjustment, ...] = Field(default=(), max_length=50, description="调整 (art. 26)")
    actual_expenditure: Money | None = Field(None, description="项目实际支出（元）")
    expenditure_as_of: LegalDate | None = Field(
        None,
        description="实际支出的统计截止日期 the day the actual expenditure figure is as of (None: not stated; "
        "a figure dated after as_of is not yet known)",
    )
    surplus_returned: LegalDate | None = Field(None, description="结余资金上缴财政日期 (art. 25)")

    @model_validator(mode="after")
    def _one_report_each(self) -> Implementation:
        """At most one performance report per year (art. 23) and one delay report per trigger (art. 24)."""
        years = [r.year for r in self.performance_reports]
        if dupes := sorted({y for y in years if years.count(y) > 1}):
            raise ValueError(
                f"performance_reports: more than one report for year {', '.join(map(str, dupes))}"
            )
        triggers = [r.trigger for r in self.delay_reports]
        if dupes_t := sorted({t.value for t in triggers if triggers.count(t) > 1}):
            raise ValueError(f"delay_reports: more than one report for {', '.join(dupes_t)}")
        return self

    def delay_report(self, trigger: DelayTrigger) -> tuple[int, DelayReport] | None:
        """The report on ``trigger`` and its index in :attr:`delay_reports`, if any."""
        for n, report in enumerate(self.delay_reports):
            if report.trigger is trigger:
                return n, report
        return None
