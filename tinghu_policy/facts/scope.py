"""Who builds the project, with what money, and what it is: the facts of art. 2, 3, 9, 10, 38 and 39."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from tinghu_policy.facts.base import Facts, LegalDate, Money
from tinghu_policy.facts.implementation import Incident


class OwnerLevel(StrEnum):
    """The administrative level of the owner unit."""

    DISTRICT = "district"
    """区级."""
    TOWNSHIP = "township"
    """乡镇、街道 (below the district; not 区级 for art. 2)."""
    MUNICIPAL = "municipal"
    """市级."""
    PROVINCIAL = "provincial"
    """省级."""
    NATIONAL = "national"
    """国家级."""

    @property
    def name_zh(self) -> str:
        """The Chinese term the regulation uses."""
        return _LEVEL_NAMES[self][0]

    @property
    def name_en(self) -> str:
        return _LEVEL_NAMES[self][1]


class OwnerKind(StrEnum):
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

    @property
    def name_zh(self) -> str:
        """The Chinese term the regulation uses."""
        return _KIND_NAMES[self][0]

    @property
    def name_en(self) -> str:
        return _KIND_NAMES[self][1]


class Owner(Facts):
    """项目单位: the unit that owns and builds the project."""

    name: str = Field(min_length=1, max_length=200, description="单位名称")
    level: OwnerLevel = Field(description="单位层级 administrative level")
    kind: OwnerKind = Field(description="单位性质 kind of unit")


class FundingSource(StrEnum):
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

    @property
    def name_zh(self) -> str:
        """The Chinese term the regulation uses."""
        return _SOURCE_NAMES[self][0]

    @property
    def name_en(self) -> str:
        return _SOURCE_NAMES[self][1]


class Funding(Facts):
    """One source of money and its amount."""

    source: FundingSource = Field(description="资金来源")
    amount: Money = Field(description="金额（元）")


class Category(StrEnum):
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

    @property
    def name_zh(self) -> str:
        """The Chinese term the regulation uses."""
        return _CATEGORY_NAMES[self][0]

    @property
    def name_en(self) -> str:
        return _CATEGORY_NAMES[self][1]


class CrossDepartment(Facts):
    """跨部门集约共享 (art. 9): a project shared by several departments."""

    lead_department: str = Field(min_length=1, description="牵头部门")
    participants: tuple[str, ...] = Field(default=(), description="参与部门")
    filed_by: str | None = Field(None, description="履行申报程序的单位 who filed the application")
    goals_jointly_set: bool | None = Field(None, description="共同确定项目目标、主体内容")
    unified_interfaces: bool | None = Field(None, description="统一系统接口")
    unified_data_catalogue: bool | None = Field(None, description="统一数据资源目录")


class CrossLevel(Facts):
    """跨层级协同实施 (art. 10)."""

    levels: tuple[OwnerLevel, ...] = Field(default=(), description="参与层级")
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
        description="运行中发生的重大变更或安全隐患 (art. 39; those during implementation are art. 19's)",
    )


_LEVEL_NAMES: dict[OwnerLevel, tuple[str, str]] = {
    OwnerLevel.DISTRICT: ("区级", "district"),
    OwnerLevel.TOWNSHIP: ("乡镇、街道", "township or sub-district"),
    OwnerLevel.MUNICIPAL: ("市级", "municipal"),
    OwnerLevel.PROVINCIAL: ("省级", "provincial"),
    OwnerLevel.NATIONAL: ("国家级", "national"),
}
_KIND_NAMES: dict[OwnerKind, tuple[str, str]] = {
    OwnerKind.PARTY_GOVERNMENT: ("党政机关", "Party or government organ"),
    OwnerKind.PUBLIC_INSTITUTION: ("事业单位", "public institution"),
    OwnerKind.MASS_ORGANIZATION: ("团体组织", "mass organisation"),
    OwnerKind.STATE_OWNED_ENTERPRISE: ("国有企业", "state-owned enterprise"),
    OwnerKind.OTHER_RELEVANT_UNIT: ("其他有关单位", "other relevant unit"),
}
_SOURCE_NAMES: dict[FundingSource, tuple[str, str]] = {
    FundingSource.FISCAL_BUDGET: ("财政预算资金", "fiscal budget"),
    FundingSource.PROVINCIAL_ALLOCATION: ("省级安排资金", "provincial allocation"),
    FundingSource.SOCIAL_CAPITAL: ("社会资本", "social capital"),
    FundingSource.SELF_RAISED: ("单位自筹资金", "self-raised funds"),
}
_CATEGORY_NAMES: dict[Category, tuple[str, str]] = {
    Category.DIGITAL_INFRASTRUCTURE: ("数字基础设施", "digital infrastructure"),
    Category.SOFTWARE_DEVELOPMENT: ("软件开发", "software development"),
    Category.DATA_GOVERNANCE: ("数据治理", "data governance"),
    Category.BUILDING_INTELLIGENCE: ("楼宇智能化工程", "building intelligence works"),
    Category.RESEARCH_EQUIPMENT: ("专业科研设备及配套系统", "specialised research equipment and its systems"),
    Category.OFFICE_TERMINAL: ("办公终端", "office terminals"),
    Category.GENERAL_SOFTWARE: ("通用软件", "general-purpose software"),
    Category.ELECTRONIC_EQUIPMENT: ("电子设备", "electronic equipment"),
    Category.COMMUNICATION_EQUIPMENT: ("通信设备", "communication equipment"),
    Category.COMMUNICATION_LINE: ("通信线路", "communication lines"),
    Category.BROADCAST_FILM_TV: ("广播电影电视工程", "radio, film and television works"),
    Category.OTHER: ("其他", "other"),
}
