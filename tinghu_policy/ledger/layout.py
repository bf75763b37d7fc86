"""The ledger's layout: which sheet holds which fact, in which column, under which Chinese header.

The layout is read off the facts model (:class:`~tinghu_policy.facts.Project`), so every field has exactly one
cell and a field added to the model gets a column without anyone writing it down here
(``tests/ledger/test_layout.py`` checks that every field is placed once and every header is unique in its
sheet). What is written here by hand is only *where* a part of the model goes and a few headers that read better
than the field's description.

Sheets (:data:`SHEETS`), one per kind of fact:

* **one row per project** — 项目 (identity, unit, category, money per source, scope, the main milestone dates),
  申报与规划, 审批, 实施, 验收, 运行与监督: a column per field, nested parts flattened (``approval.data_sharing.*``
  is in 审批); an optional part of the model whose fields are all optional has a yes/no column of its own
  (是否为政务APP …) so that "it is one, nothing else known" can be said;
* **one row per entry of a list** — 审核轮次, 部门意见, 运维方案, 调整, 绩效评价报告 …: keyed by 项目编号 and, where
  the findings number the entries, by 轮次 or 序号 (1, 2, 3 … without gaps: the findings' 第2轮 or 第2项调整 is the
  row numbered 2); where the entry has its own key (a year, a kind) by that.

Cells hold names, never codes: an enumeration shows its Chinese name (:mod:`tinghu_policy.names`), a yes/no is 是
or 否, a list of names is written with 顿号 (区级、市级), and 无 says "none" where that differs from blank. What a
blank cell means follows the facts model: a date not given — the act has not happened; anything else not given
— not known (a yes/no with a default, e.g. 涉密项目, takes its default).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any, TypedDict

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from tinghu_policy.facts import Project
from tinghu_policy.facts.scope import FundingSource
from tinghu_policy.names import Named

Path = tuple[str, ...]
"""A field's place in the project: ``("review", "initial_opinion", "issued")`` (list entries not counted)."""


class Kind(StrEnum):
    """What a cell holds."""

    TEXT = "text"
    DATE = "date"
    MONEY = "money"
    INT = "int"
    BOOL = "bool"
    ENUM = "enum"
    ENUM_LIST = "enum_list"
    """Names of one vocabulary separated by 、 (无: none)."""
    TEXT_LIST = "text_list"
    """Free names separated by 、."""
    PRESENCE = "presence"
    """是: this optional part of the project exists (its other cells may still be blank)."""


KIND_ZH: dict[Kind, str] = {
    Kind.TEXT: "文字",
    Kind.DATE: "日期",
    Kind.MONEY: "金额（元，最多两位小数）",
    Kind.INT: "整数",
    Kind.BOOL: "是／否",
    Kind.ENUM: "从下拉列表选择",
    Kind.ENUM_LIST: "名称，以顿号“、”分隔",
    Kind.TEXT_LIST: "名称，以顿号“、”分隔",
    Kind.PRESENCE: "是／否",
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: its header, the field it fills and how its cells read."""

    header: str
    path: Path
    """Where the value goes: from the project (sheets of one row per project) or from the list entry."""
    kind: Kind
    fact: str
    """The field's path as the note shows it: ``review[].initial_opinion.issued``."""
    description: str = ""
    enum: type[Named] | None = None
    required: bool = False
    """The model requires the field (when the part it belongs to is given)."""
    default: Any = None
    """The model's default for a field that is not required (None: blank means not known)."""
    nullable_list: bool = False
    """An ENUM_LIST whose blank means not known (None) and 无 means none (``[]``)."""
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    key: bool = False
    """A key column (项目编号, 轮次, 序号, …): places the row rather than filling a field."""
    source: FundingSource | None = None
    """For a money-per-source column of 项目: the source."""


class Layout(StrEnum):
    """How a sheet's rows map onto a project."""

    PROJECT = "project"
    """One row per project; columns at paths from the project."""
    ITEMS = "items"
    """One row per entry of a list of models at ``target``."""
    CHOICE = "choice"
    """One row per entry of one of several lists, the list chosen by the first column after the keys."""
    OPINIONS = "opinions"
    """One row per department of a review round (``review[].department_opinions``)."""
    DATES = "dates"
    """One row per date of a list of dates at ``target``."""


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet of the ledger."""

    name: str
    about: str
    """What a row is, for the 说明 sheet."""
    layout: Layout
    columns: tuple[Column, ...]
    """Key columns first (项目编号 always first), then the fields."""
    target: Path = ()
    """ITEMS, DATES: the list's path; CHOICE: unused (see ``choices``)."""
    index: str | None = None
    """The header of the column numbering the entries 1, 2, 3 … (轮次, 序号), if any."""
    choices: tuple[tuple[str, Path], ...] = ()
    """CHOICE: each label of the choosing column and the list it selects."""
    sort: Path | None = None
    """ITEMS: the field whose value orders the entries (histories by 自该日起), else the row order."""

    @property
    def keys(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.key)

    @property
    def fields(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.key)

    def column(self, header: str) -> Column:
        for c in self.columns:
            if c.header == header:
                return c
        raise KeyError(header)


PROJECT_ID = "项目编号"
ROUND = "轮次"
INDEX = "序号"
INSTRUCTIONS = "说明"
NAMES = "代码表"
"""The two sheets of the template that are not read: the instructions and the lists of names."""

YES, NO, NONE = "是", "否", "无"
LIST_SEPARATOR = "、"

# --------------------------------------------------------------------------------------------------- headers

HEADERS: dict[str, str] = {
    "id": PROJECT_ID,
    "name": "项目名称",
    "owner.name": "项目单位",
    "owner.level": "单位层级",
    "owner.kind": "单位性质",
    "category": "项目类别",
    "produces_public_data": "产生公共数据资源",
    "under_construction_standard": "属于建设工程分类标准范畴",
    "new_project": "新建项目",
    "substantively_government_it": "实质上属于政务信息化项目",
    "classified": "涉密项目",
    "on_management_platform": "在管理平台申报",
    "approval.approved": "审批（批复）日期",
    "implementation.works_started": "开工建设日期",
    "implementation.approved_completion": "批复工期届满日",
    "acceptance.completed": "项目建成日期",
    "acceptance.passed": "竣工验收合格日期",
    "operation.started": "投入运行日期",
    "app": "是否为政务APP",
    "app.connects_upward": "APP向上接入",
    "app.duplicates_higher_level_app": "APP与省市功能相似",
    "cross_department.lead_department": "牵头部门",
    "cross_department.participants": "参与部门",
    "cross_department.filed_by": "履行申报程序的单位",
    "cross_department.goals_jointly_set": "共同确定项目目标、主体内容",
    "cross_department.unified_interfaces": "统一系统接口",
    "cross_department.unified_data_catalogue": "统一数据资源目录",
    "cross_department.uses_higher_level_platforms": "依托省市基础平台统一接口衔接",
    "cross_level": "是否跨层级协同实施",
    "cross_level.levels": "参与层级",
    "cross_level.province_municipal_integrated": "省市一体化信息系统",
    "cross_level.graded_approval": "分级审批、分级实施",
    "cross_level.connects_existing_projects": "与国家、省、市已有项目衔接",
    "cross_level.om_borne_by_each_level": "运维费各自承担",
    "social_capital": "是否与社会资本合作建设",
    "social_capital.filed_with_data_bureau": "社会资本合作备案日期",
    "social_capital.filed_plan": "备案：项目方案",
    "social_capital.filed_data_catalogue": "备案：数据资源目录",
    "social_capital.filed_funding_source": "备案：资金来源",
    "social_capital.filed_security_measures": "备案：安全保障措施",
    "planning.plans": "列入规划的层级",
    "planning.key_work_tasks": "纳入重点工作任务的层级",
    "planning.implementation_plan_as_basis": "以实施方案作为申报依据",
    "planning.implementation_plan_reviewed": "实施方案审核",
    "conditions.policy_conformity": "申报要求（一）符合规定、需求合理",
    "conditions.shared_infrastructure": "申报要求（三）统筹整合共享",
    "conditions.feasibility_sound": "申报要求（四）可研合理可行",
    "conditions.security_compliant": "申报要求（五）网络安全和密码",
    "prohibitions.systems_integrated": "按要求推进政务信息系统整合",
    "prohibitions.migrated_to_cloud": "按要求及时迁移至区政务云",
    "prohibitions.public_data_shared": "按要求共享、更新公共数据",
    "prohibitions.duplicate_construction": "未按要求集约共享造成重复浪费",
    "review.received": "收到申请日期",
    "review.documents": "申报材料",
    "review.initial_opinion": "初审意见",
    "review.initial_opinion.issued": "初审意见出具日期",
    "review.initial_opinion.received_by_unit": "单位收到初审意见日期",
    "review.initial_opinion.outcome": "初审意见结论",
    "review.revised": "完善修改申报材料日期",
    "review.returned": "退回申请日期",
    "review.sent_to_departments": "材料同步至相关部门日期",
    "review.panel_received": "联合评审小组收到材料日期",
    "review.panel_technical_experts": "评审小组有技术专家",
    "review.panel_financial_experts": "评审小组有财政专家",
    "review.expert_opinion": "专家评审意见日期",
    "review.revised_after_evaluation": "根据专家意见完善材料日期",
    "review.fiscal_review_report": "财评报告日期",
    "review.final_opinion": "最终审核意见日期",
    "review.department_opinions": "审查意见日期",
    "om_plans.year": "预算年度",
    "om_plans.submitted": "报区数据局审核日期",
    "om_plans.reviewed_by_data_bureau": "区数据局审核",
    "om_plans.rechecked_by_finance": "区财政局复核",
    "om_plans.budgeted": "列入年度预算日期",
    "om_plans.om_funding_requested": "申请安排运维经费",
    "om_plans.on_management_platform": "运维服务在管理平台申报",
    "approval.project_code_obtained": "取得项目代码日期",
    "approval.documents_filed": "报送审批文件日期",
    "approval.approved_by": "审批单位",
    "approval.approved_budget": "批复概算总投资（元）",
    "approval.data_sharing.in_feasibility_study": "可研含数据共享篇章",
    "approval.data_sharing.in_preliminary_design": "初步设计含数据共享篇章",
    "approval.data_sharing.data_catalogue": "编制数据资源目录",
    "approval.data_sharing.catalogue_compiled": "数据资源目录编制完成日期",
    "approval.data_sharing.sharing_terms_defined": "明确共享类型、要求和途径",
    "approval.data_sharing.long_term_mechanism": "建立数据共享长效机制",
    "approval.data_sharing.feedback_mechanism": "建立共享数据使用反馈机制",
    "approval.data_sharing.restricted_sharing": "应普遍共享的数据仅定向共享",
    "approval.new_civil_works": "涉及新建土建工程",
    "approval.high_energy": "高耗能项目",
    "approval.extra_approvals.kind": "审批事项",
    "approval.extra_approvals.sought": "要求或申请办理日期",
    "implementation.preliminary_design_approved": "初步设计批复日期",
    "implementation.approved_duration_months": "批复工期（月）",
    "implementation.funds_arranged": "安排经费日期",
    "implementation.major_loss": "造成重大损失",
    "implementation.major_loss_on": "造成重大损失之日",
    "implementation.not_started_reported": "未按时开工报告调整日期",
    "implementation.rectification": "限期整改",
    "implementation.rectification.ordered": "要求限期整改日期",
    "implementation.rectification.deadline": "整改期限",
    "implementation.rectification.completed": "整改完成日期",
    "implementation.suspension": "暂停实施",
    "implementation.suspension.ordered": "暂停项目实施日期",
    "implementation.suspension.lifted": "恢复实施日期",
    "implementation.suspension.works_continued": "暂停期间继续实施",
    "implementation.procurement_followed": "按政府采购规定采购",
    "implementation.classified_procurement_followed": "涉密采购执行保密规定",
    "implementation.security.security_measures_synchronised": "网络安全措施三同步",
    "implementation.security.security_management_system": "网络和数据安全管理制度",
    "implementation.security.periodic_security_testing": "定期安全检测与风险评估",
    "implementation.security.cryptography_plan": "密码应用方案",
    "implementation.security.cryptography_synchronised": "密码保障系统三同步并评估",
    "implementation.security.electronic_records_synchronised": "电子文件管理三同步",
    "implementation.security.secrecy_protection_plan": "涉密安全保密防护方案",
    "implementation.actual_expenditure": "实际支出（元）",
    "implementation.expenditure_as_of": "实际支出统计截止日期",
    "implementation.surplus_returned": "结余资金上缴财政日期",
    "implementation.incidents.kind": "类型",
    "implementation.incidents.occurred": "出现日期",
    "implementation.incidents.filed_with_data_bureau": "报区数据局备案日期",
    "implementation.public_digital_assets.asset": "公共数字资产名称",
    "implementation.public_digital_assets.applied": "申请使用日期",
    "implementation.public_digital_assets.allocated": "区数据局审核分配日期",
    "implementation.public_digital_assets.used": "开始使用日期",
    "implementation.performance_reports.year": "报告年度",
    "implementation.performance_reports.submitted_to_finance": "向区财政局提交日期",
    "implementation.delay_reports.trigger": "报告事项",
    "implementation.delay_reports.reported": "向区数据局报告日期",
    "implementation.adjustments.requested": "提出调整日期",
    "implementation.adjustments.amount": "资金调整数额（元）",
    "implementation.adjustments.total_after": "调整后投资规模（元）",
    "implementation.adjustments.goals_unchanged": "建设目标不变",
    "implementation.adjustments.ground": "符合的情形",
    "implementation.adjustments.reviewed_by_data_bureau": "区数据局审核",
    "implementation.adjustments.reviewed_by_finance": "区财政局审核",
    "implementation.adjustments.filed_with_development_reform": "报区发改委备案日期",
    "implementation.adjustments.basis": "依据的法律法规或工作部署",
    "implementation.adjustments.within_approved_plan": "在已批复建设规划框架下",
    "implementation.adjustments.adjusted": "实施调整日期",
    "implementation.adjustments.approved_completion_after": "调整后的批复工期届满日",
    "implementation.adjustments.reapproved": "重新报批获批日期",
    "acceptance.classified_protection": "等保测评",
    "acceptance.cryptography_assessment": "密评",
    "acceptance.archive_acceptance": "档案验收",
    "acceptance.applied": "申请竣工验收日期",
    "acceptance.failed": "竣工验收不合格日期",
    "acceptance.delay_explanation": "提出延期验收说明日期",
    "acceptance.filing.filed": "验收材料报送备案日期",
    "acceptance.filing.summary": "备案：项目建设总结",
    "acceptance.filing.financial_audit": "备案：财务审计报告",
    "acceptance.filing.classified_protection_report": "备案：等保测评报告",
    "acceptance.filing.cryptography_assessment_report": "备案：密评报告",
    "acceptance.filing.to_development_reform": "报送区发改委",
    "acceptance.filing.to_data_bureau": "报送区数据局",
    "acceptance.filing.to_finance": "报送区财政局",
    "acceptance.final_accounts_submitted": "编报竣工财务决算日期",
    "acceptance.final_accounts_extension.requested": "申请延长决算期限日期",
    "acceptance.final_accounts_extension.approved": "批准延长决算期限日期",
    "acceptance.final_accounts_extension.months": "批准延长月数",
    "operation.trial_started": "投入试运行日期",
    "operation.secrecy_review_passed": "保密审查合格日期",
    "operation.operator_designated": "指定专门机构或人员运行管理",
    "operation.self_evaluation_submitted": "自我评价报告报送日期",
    "operation.self_evaluation_copied_to_development_reform": "自评报告抄送区发改委",
    "operation.self_evaluation_copied_to_finance": "自评报告抄送区财政局",
    "supervision.materials_withheld": "拒绝、隐匿、瞒报资料",
    "supervision.materials_withheld_on": "拒绝、隐匿、瞒报之日",
    "supervision.shared_on_platform": "通过管理平台共享项目信息",
    "supervision.overrun_from_mismanagement_or_fraud": "超概算系管理不善或弄虚作假",
}
"""Headers that read better than the field's description, by the field's path (list entries not counted).

For a part of the model shown as several columns (a review: day and conclusion; an assessment: result, day and
reason) the part's own header is the stem: 区数据局审核日期, 区数据局审核结论; 等保测评结果, 等保测评日期."""

_PART_SUFFIXES: dict[str, str] = {
    "Review.day": "日期",
    "Review.outcome": "结论",
    "Assessment.result": "结果",
    "Assessment.day": "日期",
    "Assessment.reason": "无需进行的理由",
    "FlagSince.since": "自该日起",
    "FlagSince.value": "是否",
}
"""Column headers of small shared parts, after the stem of the field that holds them."""

_USED_HEADERS: set[str] = {
    f"prohibitions.{name}"
    for name in ("systems_integrated", "migrated_to_cloud", "public_data_shared", "duplicate_construction")
}
"""The entries of :data:`HEADERS` the layout used (:func:`unused_headers`)."""

FUNDING_HEADERS: dict[FundingSource, str] = {source: f"{source.name_zh}（元）" for source in FundingSource}


# ----------------------------------------------------------------------------------------------- the sheets

# Where each part of the project goes. A path claims its subtree; the longest claim wins, so "approval.approved"
# (项目) is taken out of "approval" (审批). A field no claim covers goes to 项目.
_SINGLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "项目",
        "一个项目一行：编号、名称、项目单位、类别、各来源资金、范围，以及主要节点日期",
        (
            "id",
            "name",
            "owner",
            "category",
            "funding",
            "classified",
            "new_project",
            "produces_public_data",
            "under_construction_standard",
            "substantively_government_it",
            "on_management_platform",
            "approval.approved",
            "implementation.works_started",
            "implementation.approved_completion",
            "acceptance.completed",
            "acceptance.passed",
            "operation.started",
        ),
    ),
    (
        "申报与规划",
        "一个项目一行：规划、申报要求、政务APP、跨部门、跨层级、与社会资本合作（第六至十条、第三十九条）",
        ("planning", "conditions", "app", "cross_department", "cross_level", "social_capital"),
    ),
    ("审批", "一个项目一行：项目代码、审批、数据资源共享（第十四至十六条）", ("approval",)),
    (
        "实施",
        "一个项目一行：初步设计、开工、经费、安全、整改与暂停、支出（第十八至二十五条）",
        ("implementation",),
    ),
    (
        "验收",
        "一个项目一行：等保测评、密评、验收、档案验收、备案、决算（第二十七、二十八条）",
        ("acceptance",),
    ),
    (
        "运行与监督",
        "一个项目一行：运行、自我评价、监督（第二十九、三十、三十六、三十七条）",
        ("operation", "supervision"),
    ),
)


@dataclass(frozen=True, slots=True)
class _ListSpec:
    name: str
    about: str
    layout: Layout
    target: str
    index: str | None = None
    choice: str | None = None
    choices: tuple[tuple[str, str], ...] = ()
    sort: str | None = None


_LISTS: tuple[_ListSpec, ...] = (
    _ListSpec(
        "六个不得",
        "每行一个状态及其起始日：项目编号、事项、自该日起（首行可空：自始）、是否（第十二条）",
        Layout.CHOICE,
        "prohibitions",
        choice="事项",
        choices=tuple(
            (HEADERS[f"prohibitions.{name}"], f"prohibitions.{name}")
            for name in (
                "systems_integrated",
                "migrated_to_cloud",
                "public_data_shared",
                "duplicate_construction",
            )
        ),
        sort="since",
    ),
    _ListSpec(
        "审核轮次",
        "每个项目每轮申报审核一行，轮次为1、2、3……（第十一条第一款）",
        Layout.ITEMS,
        "review",
        index=ROUND,
    ),
    _ListSpec(
        "部门意见",
        "每轮每个相关部门一行；审查意见日期空白：已同步、尚未出具（第十一条第一款第（三）项）",
        Layout.OPINIONS,
        "review.department_opinions",
    ),
    _ListSpec("运维方案", "每个项目每个预算年度一行（第十一条第二款）", Layout.ITEMS, "om_plans"),
    _ListSpec(
        "其他审批事项",
        "要求或办理的节能评估、规划选址、用地预审、环境影响评价，每项一行（第十六条）",
        Layout.ITEMS,
        "approval.extra_approvals",
    ),
    _ListSpec(
        "重大变更与安全隐患",
        "每件一行：实施期间（第十九条）或与社会资本合作项目运行期间（第三十九条），各自编号1、2、3……",
        Layout.CHOICE,
        "",
        index=INDEX,
        choice="阶段",
        choices=(
            ("实施期间", "implementation.incidents"),
            ("运行期间", "social_capital.operation_incidents"),
        ),
    ),
    _ListSpec(
        "公共数字资产",
        "申请使用的每项公共数字资产一行，序号1、2、3……（第二十二条）",
        Layout.ITEMS,
        "implementation.public_digital_assets",
        index=INDEX,
    ),
    _ListSpec(
        "绩效评价报告",
        "每个项目每个报告年度一行（第二十三条）",
        Layout.ITEMS,
        "implementation.performance_reports",
    ),
    _ListSpec(
        "延期与损失报告",
        "严重逾期、重大损失各一行（第二十四条）",
        Layout.ITEMS,
        "implementation.delay_reports",
    ),
    _ListSpec(
        "调整",
        "每项调整一行，序号1、2、3……（第二十六条）",
        Layout.ITEMS,
        "implementation.adjustments",
        index=INDEX,
    ),
    _ListSpec("验收不合格", "每次竣工验收不合格一行（第二十七条）", Layout.DATES, "acceptance.failed"),
)


# ------------------------------------------------------------------------------------------ reading the model


@dataclass(frozen=True, slots=True)
class _Shape:
    """A field's annotation taken apart."""

    base: Any
    optional: bool
    metadata: tuple[Any, ...] = ()


def _shape(annotation: Any) -> _Shape:
    optional = False
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"unsupported union {annotation!r}")
            annotation = args[0]
        else:
            return _Shape(annotation, optional, tuple(metadata))


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_enum(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Named)


def _scalar_kind(annotation: Any) -> Kind:
    if _is_enum(annotation):
        return Kind.ENUM
    if annotation is bool:
        return Kind.BOOL
    if annotation is int:
        return Kind.INT
    if annotation is date:
        return Kind.DATE
    if annotation is Decimal:
        return Kind.MONEY
    if annotation is str:
        return Kind.TEXT
    raise TypeError(f"no cell kind for {annotation!r}")


class _Limits(TypedDict):
    max_length: int | None
    minimum: int | None
    maximum: int | None


def _limits(info: FieldInfo, shape: _Shape) -> _Limits:
    found: _Limits = {"max_length": None, "minimum": None, "maximum": None}
    for item in (*info.metadata, *shape.metadata):
        for meta in getattr(item, "metadata", [item]):
            if isinstance(meta, MaxLen):
                found["max_length"] = meta.max_length
            elif isinstance(meta, Ge) and isinstance(meta.ge, int):
                found["minimum"] = meta.ge
            elif isinstance(meta, Le) and isinstance(meta.le, int):
                found["maximum"] = meta.le
    return found


def _description(info: FieldInfo, name: str) -> str:
    return " ".join((info.description or name).split())


def _head(description: str) -> str:
    from tinghu_policy.names import _chinese

    return _chinese(description)


def _dotted(path: Path) -> str:
    return ".".join(path)


@dataclass(frozen=True, slots=True)
class _Leaf:
    """A field that is one cell (or a presence column of an optional part)."""

    path: Path
    """From the project, list entries not counted."""
    column: Column


@dataclass(slots=True)
class _Walk:
    leaves: list[_Leaf] = field(default_factory=list)
    lists: dict[str, tuple[type[BaseModel] | None, Any]] = field(default_factory=dict)
    """Each list field's dotted path → (its entry model, or None for a list of dates; the field's annotation)."""


def _columns_of(model: type[BaseModel], prefix: Path, fact: str, stem: str | None, walk: _Walk) -> None:
    """The leaves of ``model``: scalars and lists of names as columns, nested models flattened, lists of models
    and maps recorded for sheets of their own."""
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        dotted = _dotted(path)
        shape = _shape(info.annotation)
        base = shape.base
        description = _description(info, name)
        fact_path = f"{fact}.{name}" if fact else name
        own = HEADERS.get(dotted)
        if own is not None:
            _USED_HEADERS.add(dotted)
        part = f"{model.__name__}.{name}"
        if own is None and stem is not None and part in _PART_SUFFIXES:
            own = f"{stem}{_PART_SUFFIXES[part]}"
        header = own or _head(description)
        origin = typing.get_origin(base)
        if _is_model(base):
            if shape.optional and _empty_is_valid(base):
                walk.leaves.append(_Leaf(path, Column(header, path, Kind.PRESENCE, fact_path, description)))
            _columns_of(base, path, fact_path, header, walk)
            continue
        if origin is dict:
            walk.lists[dotted] = (None, base)
            continue
        if origin is tuple:
            item = _shape(typing.get_args(base)[0]).base
            if _is_model(item) or item is date:
                walk.lists[dotted] = (item if _is_model(item) else None, base)
                continue
            kind = Kind.ENUM_LIST if _is_enum(item) else Kind.TEXT_LIST
            walk.leaves.append(
                _Leaf(
                    path,
                    Column(
                        header,
                        path,
                        kind,
                        fact_path,
                        description,
                        enum=item if _is_enum(item) else None,
                        nullable_list=shape.optional,
                        default=None if shape.optional else (),
                        **_limits(info, shape),
                    ),
                )
            )
            continue
        kind = _scalar_kind(base)
        walk.leaves.append(
            _Leaf(
                path,
                Column(
                    header,
                    path,
                    kind,
                    fact_path,
                    description,
                    enum=base if kind is Kind.ENUM else None,
                    required=info.is_required(),
                    default=None if info.is_required() else info.get_default(call_default_factory=False),
                    **_limits(info, shape),
                ),
            )
        )


def _empty_is_valid(model: type[BaseModel]) -> bool:
    """Whether an instance with no field given is valid (then "it exists, nothing else known" needs a column)."""
    try:
        model.model_validate({})
    except ValueError:
        return False
    return True


def _owner(path: Path, claims: dict[str, str]) -> str | None:
    for n in range(len(path), 0, -1):
        found = claims.get(_dotted(path[:n]))
        if found is not None:
            return found
    return None


def _relative(column: Column, prefix: Path, fact_prefix: str) -> Column:
    """``column`` with its path made relative to a list entry at ``prefix`` (and its fact shown with ``[]``)."""
    path = column.path[len(prefix) :]
    fact = f"{fact_prefix}[].{_dotted(path)}"
    return Column(
        column.header,
        path,
        column.kind,
        fact,
        column.description,
        enum=column.enum,
        required=column.required,
        default=column.default,
        nullable_list=column.nullable_list,
        max_length=column.max_length,
        minimum=column.minimum,
        maximum=column.maximum,
    )


def _key(header: str, kind: Kind, fact: str, description: str, **extra: Any) -> Column:
    return Column(header, (), kind, fact, description, required=True, key=True, **extra)


PROJECT_KEY = _key(PROJECT_ID, Kind.TEXT, "id", "项目编号 the project's id (as in 项目)", max_length=100)


def _entry_columns(model: type[BaseModel], target: Path) -> list[Column]:
    walk = _Walk()
    _columns_of(model, target, _dotted(target), None, walk)
    unplaced = set(walk.lists) - _placed()
    if unplaced:
        raise TypeError(f"{_dotted(target)}: a list inside a list entry has no sheet: {sorted(unplaced)}")
    return [_relative(leaf.column, target, _dotted(target)) for leaf in walk.leaves]


def _placed() -> set[str]:
    """The lists that have a sheet (or, for the funding, columns) of their own."""
    placed = {spec.target for spec in _LISTS if spec.layout is not Layout.CHOICE}
    placed |= {path for spec in _LISTS for _, path in spec.choices}
    placed.add("funding")
    return placed


def _model_at(path: Path) -> type[BaseModel]:
    model: type[BaseModel] = Project
    for name in path:
        shape = _shape(model.model_fields[name].annotation)
        base = shape.base
        if typing.get_origin(base) is tuple:
            base = _shape(typing.get_args(base)[0]).base
        if not _is_model(base):
            raise TypeError(f"{_dotted(path)} is not a model")
        model = base
    return model


def _list_sheet(spec: _ListSpec, lists: dict[str, tuple[type[BaseModel] | None, Any]]) -> Sheet:
    if spec.layout is Layout.CHOICE:
        models = {lists[path][0] for _, path in spec.choices}
        if len(models) != 1 or None in models:
            raise TypeError(f"{spec.name}: the lists of a choice must hold one model: {models}")
        model = next(iter(models))
        assert model is not None
        first = tuple(spec.choices[0][1].split("."))
        columns = _entry_columns(model, first)
        keys = [PROJECT_KEY]
        choice = _key(
            spec.choice or "",
            Kind.TEXT,
            "",
            "、".join(label for label, _ in spec.choices),
            max_length=max(len(label) for label, _ in spec.choices),
        )
        keys.append(choice)
        if spec.index:
            keys.append(_key(spec.index, Kind.INT, "", "编号 1, 2, 3 … within the list", minimum=1))
        for n, c in enumerate(columns):  # the fact paths name no one list: show the entry's field
            columns[n] = Column(
                c.header,
                c.path,
                c.kind,
                f"[].{_dotted(c.path)}",
                c.description,
                enum=c.enum,
                required=c.required,
                default=c.default,
                nullable_list=c.nullable_list,
                max_length=c.max_length,
                minimum=c.minimum,
                maximum=c.maximum,
            )
        return Sheet(
            spec.name,
            spec.about,
            Layout.CHOICE,
            (*keys, *columns),
            index=spec.index,
            choices=tuple((label, tuple(path.split("."))) for label, path in spec.choices),
            sort=(spec.sort,) if spec.sort else None,
        )
    target = tuple(spec.target.split("."))
    if spec.layout is Layout.OPINIONS:
        from tinghu_policy.parties import Party

        party = _key("部门", Kind.ENUM, "review[].department_opinions", "相关部门 the department", enum=Party)
        _USED_HEADERS.add(spec.target)
        opinion = Column(
            HEADERS[spec.target],
            (),
            Kind.DATE,
            "review[].department_opinions.<部门>",
            "各部门出具审查意见的日期 (blank: sent, no opinion yet)",
        )
        round_key = _key(ROUND, Kind.INT, "review[]", "申报审核的轮次 1, 2, 3 … (审核轮次)", minimum=1)
        return Sheet(spec.name, spec.about, Layout.OPINIONS, (PROJECT_KEY, round_key, party, opinion), target)
    model, _ = lists[spec.target]
    if spec.layout is Layout.DATES:
        _USED_HEADERS.add(spec.target)
        head = HEADERS.get(spec.target, spec.target)
        column = Column(head, (), Kind.DATE, f"{spec.target}[]", head, required=True)
        return Sheet(spec.name, spec.about, Layout.DATES, (PROJECT_KEY, column), target)
    assert model is not None
    keys = [PROJECT_KEY]
    if spec.index:
        keys.append(
            _key(
                spec.index,
                Kind.INT,
                f"{spec.target}[]",
                "编号 1, 2, 3 … (the findings' numbering)",
                minimum=1,
            )
        )
    return Sheet(
        spec.name,
        spec.about,
        Layout.ITEMS,
        (*keys, *_entry_columns(model, target)),
        target,
        index=spec.index,
        sort=(spec.sort,) if spec.sort else None,
    )


@cache
def sheets() -> tuple[Sheet, ...]:
    """Every sheet of the ledger, in the workbook's order (read off the facts model once)."""
    walk = _Walk()
    _columns_of(Project, (), "", None, walk)
    claims = {path: name for name, _, paths in _SINGLE for path in paths}
    single: dict[str, list[Column]] = {name: [] for name, _, _ in _SINGLE}
    for leaf in walk.leaves:
        if leaf.path == ("id",):
            single["项目"].insert(0, leaf.column)
            continue
        owner = _owner(leaf.path, claims) or "项目"
        single[owner].append(leaf.column)
    # money per source, in 项目 after the category
    project_columns = single["项目"]
    at = next(n for n, c in enumerate(project_columns) if c.path == ("category",)) + 1
    project_columns[at:at] = [
        Column(
            FUNDING_HEADERS[source],
            ("funding",),
            Kind.MONEY,
            f"funding[source={source.value}].amount",
            f"{source.name_zh}金额（元） the amount from this source; blank: none from it",
            source=source,
        )
        for source in FundingSource
    ]
    result: list[Sheet] = []
    for name, about, paths in _SINGLE:
        order = {tuple(path.split(".")): n for n, path in enumerate(paths)}
        columns = sorted(single[name], key=lambda c: _claim_rank(c.path, order))
        key = PROJECT_KEY if name != "项目" else None
        result.append(Sheet(name, about, Layout.PROJECT, (key, *columns) if key else tuple(columns)))
    placed = _placed()
    for spec in _LISTS:
        result.append(_list_sheet(spec, walk.lists))
    for path in sorted(set(walk.lists) - placed):  # a list added to the model: a sheet of its own, numbered
        model, _ = walk.lists[path]
        head = _head(_description(_field_info(tuple(path.split("."))), path))[:28] or path[:28]
        spec = _ListSpec(
            head,
            f"{head}，每项一行，序号1、2、3……",
            Layout.ITEMS if model else Layout.DATES,
            path,
            index=INDEX if model else None,
        )
        result.append(_list_sheet(spec, walk.lists))
    return tuple(result)


def _claim_rank(path: Path, order: dict[Path, int]) -> int:
    """Where a column goes in its sheet: in the order of the paths that claim it (unclaimed fields last)."""
    for n in range(len(path), 0, -1):
        if path[:n] in order:
            return order[path[:n]]
    return len(order)


def _field_info(path: Path) -> FieldInfo:
    model = _model_at(path[:-1])
    return model.model_fields[path[-1]]


def unused_headers() -> set[str]:
    """Entries of :data:`HEADERS` no field has (a field renamed or removed: the header is stale)."""
    sheets()
    return set(HEADERS) - _USED_HEADERS


@cache
def sheet(name: str) -> Sheet:
    """The sheet called ``name``."""
    for found in sheets():
        if found.name == name:
            return found
    raise KeyError(name)


def every_column() -> Iterator[tuple[Sheet, Column]]:
    for s in sheets():
        for c in s.columns:
            yield s, c


@cache
def enum_names(enum: type[Named]) -> dict[str, Named]:
    """A vocabulary's Chinese names → members."""
    return {member.name_zh: member for member in enum}
