"""Who builds the project, with what money, and what it is: the facts of art. 2, 3, 9, 10, 38 and 39."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from tinghu_policy.facts.base import Facts, LegalDate, Money
from tinghu_policy.facts.implementation import Incident
from tinghu_policy.names import Named


class OwnerLevel(Named):
    """The administrative level of the owner unit."""

    DISTRICT = "district"
    """区级."""
    SUBDISTRICT = "subdistrict"
    """街道 (a 街道办事处, the district government's 派出机关; 区级 by default, D18)."""
    TOWNSHIP = "township"
    """乡镇 (a township with its own budget level; not 区级 by default, D18)."""
    MUNICIPAL = "municipal"
    """市级."""
    PROVINCIAL = "provincial"
    """省级."""
    NATIONAL = "national"
    """国家级."""


class OwnerKind(Named):
    """The kind of owner unit named by art. 2 and art. 38."""

    PARTY_GOVERNMENT = "party_government"
    """党政机关."""
    PUBLIC_INSTITUTION = "public_institution"
    """事业单位."""
    MASS_ORGANIZATION = "mass_organization"
    """团体组织."""
    STATE_OWNED_ENTERPRISE = "state_owned_enterprise"
    """国有企业 (art. 38)."""
    OTHER_RELEVANT_UNIT = "other_relevant_unit"
    """各有关单位: any other unit."""


class Owner(Facts):
    """项目单位: the unit that owns and builds the project."""

    name: str = Field(min_length=1, max_length=200, description="单位名称")
    level: OwnerLevel = Field(description="单位层级 administrative level")
    kind: OwnerKind = Field(description="单位性质 kind of unit")


class FundingSource(Named):
    """Where the money comes from."""

    FISCAL_BUDGET = "fiscal_budget"
    """财政预算资金 (district budget)."""
    PROVINCIAL_ALLOCATION = "provincial_allocation"
    """省级安排 (art. 10: a 省市一体化 system's construction money); the province's budget money, so also
    财政预算资金 for art. 2."""
    SOCIAL_CAPITAL = "social_capital"
    """社会资本 (art. 39)."""
    SELF_RAISED = "self_raised"
    """单位自筹 (own money, not from the budget; not 财政预算资金)."""

    @property
    def is_fiscal(self) -> bool:
        """财政预算资金: the district's budget, or the province's (art. 10's 省级安排) — art. 2, 24 and 25."""
        return self in (FundingSource.FISCAL_BUDGET, FundingSource.PROVINCIAL_ALLOCATION)


class Funding(Facts):
    """One source of money and its amount."""

    source: FundingSource = Field(description="资金来源")
    amount: Money = Field(description="金额（元）")


class Category(Named):
    """What the project builds: the three kinds of 政务信息系统 of GB/T 40692-2021, or a kind art. 3 excludes."""

    DIGITAL_INFRASTRUCTURE = "digital_infrastructure"
    """数字基础设施."""
    SOFTWARE_DEVELOPMENT = "software_development"
    """软件开发."""
    DATA_GOVERNANCE = "data_governance"
    """数据治理."""
    BUILDING_INTELLIGENCE = "building_intelligence"
    """楼宇智能化工程 (art. 3 group A)."""
    RESEARCH_EQUIPMENT = "research_equipment"
    """专业科研设备及配套系统 (art. 3 group A)."""
    OFFICE_TERMINAL = "office_terminal"
    """办公终端 (art. 3 group A)."""
    GENERAL_SOFTWARE = "general_software"
    """通用软件 (art. 3 group A)."""
    ELECTRONIC_EQUIPMENT = "electronic_equipment"
    """电子设备 (art. 3 group B)."""
    COMMUNICATION_EQUIPMENT = "communication_equipment"
    """通信设备 (art. 3 group B)."""
    COMMUNICATION_LINE = "communication_line"
    """通信线路 (art. 3 group B)."""
    BROADCAST_FILM_TV = "broadcast_film_tv"
    """广播电影电视工程 (art. 3 group B)."""
    OTHER = "other"
    """Anything else: not a 政务信息系统 under GB/T 40692-2021."""


class CrossDepartment(Facts):
    """跨部门集约共享 (art. 9): a project shared by several departments."""

    lead_department: str = Field(min_length=1, max_length=200, description="牵头部门")
    participants: tuple[Annotated[str, Field(max_length=200)], ...] = Field(
        default=(), max_length=100, description="参与部门"
    )
    filed_by: str | None = Field(
        None, max_length=200, description="履行申报程序的单位 who filed the application"
    )
    goals_jointly_set: bool | None = Field(None, description="共同确定项目目标、主体内容")
    unified_interfaces: bool | None = Field(None, description="统一系统接口")
    unified_data_catalogue: bool | None = Field(None, description="统一数据资源目录")
    uses_higher_level_platforms: bool | None = Field(
        None,
        description="通过省、市级部门开发的基础平台，统一数据和业务接口有效衔接 (art. 7 para. 2): built on the "
        "provincial and municipal base platforms with unified data and business interfaces",
    )


class CrossLevel(Facts):
    """跨层级协同实施 (art. 10)."""

    levels: tuple[OwnerLevel, ...] = Field(default=(), max_length=10, description="参与层级")
    province_municipal_integrated: bool = Field(False, description="协同省有关部门建设的省市一体化信息系统")
    graded_approval: bool | None = Field(None, description="分级审批、分级实施")
    connects_existing_projects: bool | None = Field(None, description="与国家、省、市已有项目的衔接")
    om_borne_by_each_level: bool | None = Field(None, description="运维费各自承担")


class SocialCapital(Facts):
    """与社会资本合作建设 (art. 39): the filing with 区数据局 before works start."""

    filed_with_data_bureau: LegalDate | None = Field(
        None, description="向区数据局提交备案材料的日期 (开工前; None: not filed)"
    )
    filed_plan: bool = Field(False, description="项目方案")
    filed_data_catalogue: bool = Field(False, description="数据资源目录")
    filed_funding_source: bool = Field(False, description="资金来源")
    filed_security_measures: bool = Field(False, description="安全保障措施")
    operation_incidents: tuple[Incident, ...] = Field(
        default=(),
        max_length=100,
        description="运行中发生的重大变更或安全隐患 (art. 39; those during implementation are art. 19's)",
    )
