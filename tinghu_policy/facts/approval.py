"""Approval: the facts of art. 14–16 — project code, approval, the data-sharing chapter, extra approvals."""

from __future__ import annotations

from pydantic import Field, model_validator

from tinghu_policy.facts.base import Facts, LegalDate, Money
from tinghu_policy.names import Named
from tinghu_policy.parties import Party


class ExtraApproval(Named):
    """The approvals art. 16 says government IT projects in principle no longer need."""

    ENERGY_SAVING = "energy_saving"
    """节能评估."""
    SITE_SELECTION = "site_selection"
    """规划选址."""
    LAND_PRE_REVIEW = "land_pre_review"
    """用地预审."""
    ENVIRONMENTAL_IMPACT = "environmental_impact"
    """环境影响评价."""


class SoughtApproval(Facts):
    """An approval of art. 16 that was required of, or sought for, the project."""

    kind: ExtraApproval = Field(description="审批事项 which approval")
    sought: LegalDate | None = Field(
        None, description="要求或申请办理的日期 the day it was required or sought"
    )


class DataSharing(Facts):
    """数据资源共享分析篇（章） (art. 15)."""

    in_feasibility_study: bool | None = Field(
        None,
        description="可行性研究报告包括数据资源共享分析篇（章） the feasibility study has the data-sharing chapter",
    )
    in_preliminary_design: bool | None = Field(
        None,
        description="初步设计包括数据资源共享分析篇（章） the preliminary design has the data-sharing chapter",
    )
    data_catalogue: bool | None = Field(
        None, description="编制数据资源目录 a data-resource catalogue compiled"
    )
    catalogue_compiled: LegalDate | None = Field(
        None,
        description="数据资源目录编制完成日期 the day the catalogue was compiled (art. 15 para. 2); not given with "
        "data_catalogue true: compiled, the day not known (a rule that needs the day is undetermined)",
    )
    sharing_terms_defined: bool | None = Field(
        None, description="明确数据共享类型、要求和共享途径 sharing types, requirements and channels defined"
    )
    long_term_mechanism: bool | None = Field(
        None, description="建立数据共享长效机制 a lasting sharing mechanism"
    )
    feedback_mechanism: bool | None = Field(
        None, description="建立共享数据使用情况反馈机制 a feedback mechanism on the use of shared data"
    )
    restricted_sharing: bool | None = Field(
        None, description="将应普遍共享的数据仅与特定部门共享，或仅向特定企业、社会组织开放"
    )


class Approval(Facts):
    """审批 (art. 14–16)."""

    project_code_obtained: LegalDate | None = Field(
        None, description="通过江苏省投资项目在线审批监管平台取得项目代码 project code obtained"
    )
    documents_filed: LegalDate | None = Field(
        None, description="向区数据局报送项目审批文件 approval documents filed"
    )
    approved: LegalDate | None = Field(None, description="区数据局审批（批复）日期 approved")
    approved_by: Party | None = Field(
        None, description="审批单位 the party that approved (art. 14: 区数据局)"
    )
    approved_budget: Money | None = Field(None, description="批复概算总投资（元） approved total investment")
    data_sharing: DataSharing = Field(default_factory=DataSharing, description="数据资源共享 (art. 15)")
    new_civil_works: bool = Field(False, description="涉及新建土建工程")
    high_energy: bool = Field(False, description="高耗能项目")
    extra_approvals: tuple[SoughtApproval, ...] = Field(
        default=(),
        max_length=10,
        description="要求或办理的节能评估、规划选址、用地预审、环境影响评价 (art. 16), each once",
    )

    @model_validator(mode="after")
    def _each_approval_once(self) -> Approval:
        kinds = [a.kind for a in self.extra_approvals]
        if repeated := sorted({k.value for k in kinds if kinds.count(k) > 1}):
            raise ValueError(f"extra_approvals: {', '.join(repeated)} listed more than once")
        return self
