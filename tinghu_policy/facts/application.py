"""Planning and application: the facts of art. 6–13 — plans, the APP, the five conditions, the filing, the review.

Trigger dates (D16): each review date is the day the event happened as recorded by the party that did it
(收到 = the day 区数据局 received the materials, 出具 = the date on the opinion).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from tinghu_policy.facts.base import Dated, Facts, LegalDate, require_order
from tinghu_policy.parties import Party


class PlanLevel(StrEnum):
    """A level whose 政务信息化建设相关规划 (or key work task) can list the project."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    DISTRICT = "district"


class Planning(Facts):
    """规划 (art. 6, 8(ii), 12): where the project is listed and what its unit's plan went through."""

    listed_in_plans: tuple[PlanLevel, ...] = Field(
        default=(),
        description="列入的国家、省、市、区级政务信息化建设相关规划或重点工作任务 (empty: listed in none; art. 8(ii), 12)",
    )
    implementation_plan_as_basis: bool = Field(
        False, description="以本系统、本单位实施方案作为申报依据 (art. 6 para. 2)"
    )
    implementation_plan_reviewed: LegalDate | None = Field(None, description="实施方案经区数据局审核的日期")


class App(Facts):
    """政务 APP (art. 7 para. 2)."""

    connects_upward: bool | None = Field(
        None, description="向上接入 connected to the provincial/municipal platform"
    )
    duplicates_higher_level_app: bool | None = Field(
        None, description="与省市功能相似 duplicates the functions of a provincial or municipal APP"
    )


class Conditions(Facts):
    """申报项目应符合下列要求 (art. 8): one field per item; None = not assessed."""

    policy_conformity: bool | None = Field(
        None, description="(一) 符合国家和省、市、区有关文件规定及工作部署，需求合理，目标明确"
    )
    shared_infrastructure: bool | None = Field(
        None, description="(三) 遵循统筹、整合、共享原则，依托基础设施、通用能力、数据资源，符合标准规范"
    )
    feasibility_sound: bool | None = Field(
        None, description="(四) 可行性研究报告中建设内容、技术方案和投资估算合理可行"
    )
    security_compliant: bool | None = Field(
        None, description="(五) 符合网络安全和密码应用要求，符合国家安全可靠应用政策规定"
    )


class Document(StrEnum):
    """申报材料 (art. 11(1)(i))."""

    REQUEST = "request"
    """部门请示文件或报告."""
    FEASIBILITY_STUDY = "feasibility_study"
    """可行性研究报告."""
    COST_ASSESSMENT = "cost_assessment"
    """造价咨询评估报告."""


class Prohibitions(Facts):
    """The facts behind the six prohibitions of art. 12 (六个不得); None = not known."""

    systems_integrated: bool | None = Field(None, description="按要求推进政务信息系统整合")
    migrated_to_cloud: bool | None = Field(None, description="按要求及时迁移至区政务云")
    public_data_shared: bool | None = Field(None, description="按要求共享、更新公共数据")
    duplicate_construction: bool | None = Field(None, description="未按要求开展集约共享建设造成重复浪费")


class ReviewRound(Facts):
    """One pass of the application through the review of art. 11(1)(ii)–(iv); a return (退回) ends a round (D15)."""

    received: LegalDate = Field(description="区数据局接收到项目单位申请 application received")
    documents: tuple[Document, ...] = Field(default=(), description="提供的申报材料 documents filed")
    initial_opinion: LegalDate | None = Field(None, description="初审意见出具 initial opinion issued")
    revised: LegalDate | None = Field(
        None, description="针对初审意见完善修改申报材料 revised materials submitted"
    )
    returned: LegalDate | None = Field(None, description="退回申请 application returned by 区数据局")
    sent_to_departments: LegalDate | None = Field(
        None, description="申请材料同步至相关部门 materials sent to the departments"
    )
    department_opinions: dict[Party, LegalDate | None] = Field(
        default_factory=dict,
        description="各部门出具审查意见的日期 each department's opinion (None: sent, no opinion yet)",
    )
    panel_received: LegalDate | None = Field(
        None, description="联合评审小组收到材料 panel received the materials"
    )
    expert_opinion: LegalDate | None = Field(None, description="出具专家评审意见 expert opinion issued")
    revised_after_evaluation: LegalDate | None = Field(
        None, description="根据专家评审意见完善申报材料 materials revised after the evaluation"
    )
    fiscal_review_report: LegalDate | None = Field(
        None, description="区财政局出具财评报告 fiscal review report"
    )
    final_opinion: LegalDate | None = Field(None, description="区数据局形成最终审核意见 final review opinion")

    @model_validator(mode="after")
    def _causal_order(self) -> ReviewRound:
        """An answer cannot come before what it answers; nothing in a round comes before its receipt."""
        opinions = tuple((f"department_opinions.{p.value}", d) for p, d in self.department_opinions.items())
        received: Dated = ("received", self.received)
        require_order(
            (received, ("initial_opinion", self.initial_opinion), ("revised", self.revised)),
            (received, ("returned", self.returned)),
            (received, ("sent_to_departments", self.sent_to_departments)),
            *((received, ("sent_to_departments", self.sent_to_departments), o) for o in opinions),
            (
                received,
                ("panel_received", self.panel_received),
                ("expert_opinion", self.expert_opinion),
                ("revised_after_evaluation", self.revised_after_evaluation),
            ),
            (received, ("fiscal_review_report", self.fiscal_review_report)),
            (received, ("final_opinion", self.final_opinion)),
        )
        return self


class OmPlan(Facts):
    """政务信息系统整体运维方案 (art. 11 para. 2) for one budget year."""

    year: int = Field(ge=2000, le=2100, description="预算年度")
    submitted: LegalDate | None = Field(None, description="报区数据局审核")
    reviewed_by_data_bureau: LegalDate | None = Field(None, description="区数据局审核")
    rechecked_by_finance: LegalDate | None = Field(None, description="区财政局复核")
    in_annual_budget: bool = Field(False, description="列入年度预算")
    om_funding_requested: bool = Field(
        False, description="申请安排运维经费 (art. 12: blocked if data not shared)"
    )
    on_management_platform: bool | None = Field(
        None, description="相关运维服务在管理平台申报 (art. 13); None = not known"
    )

    def submitted_by(self, day: date) -> bool:
        """The plan exists on ``day``: submitted on or before it (a plan with no submission date counts)."""
        return self.submitted is None or self.submitted <= day
