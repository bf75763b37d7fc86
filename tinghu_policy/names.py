"""The one table of names: every code a reader can meet, with its Chinese and English name.

Codes (``data_bureau``, ``district``, ``software_development``, ``round 1: audit_bureau``) are stable identifiers
for programs; a reader sees names (区数据局, 区级, 软件开发, 第1轮：区审计局). Explanations, the command line and the
documentation site all take names from here, so a code never reaches a reader untranslated::

    Party.DATA_BUREAU.name_zh          # '区数据局' (every vocabulary enum is :class:`Named`)
    code_zh("audit_bureau")            # '区审计局'
    subject_zh("round 1: audit_bureau")  # '第1轮：区审计局'
    fact_zh("review[0].initial_opinion.issued")  # '申报审核第1轮 › 初审意见 › 初审意见出具日期'

The values of the interpretation options are named here too (:data:`OPTION_ZH`, :func:`option_zh`):
``option_zh("serious_overdue_boundary", "at_least")`` is “以上”：届满当日即算超过.

Tests check that every member of every vocabulary has both names, that a code means the same in every
vocabulary it appears in, and that every value of every decision's option has a Chinese name.
"""

from __future__ import annotations

import re
from enum import Enum, StrEnum
from functools import cache

from pydantic import BaseModel

Names = dict[str, tuple[str, str]]

VOCABULARIES: dict[str, Names] = {
    "Party": {
        "data_bureau": ("区数据局", "District Data Bureau"),
        "development_reform": ("区发改委", "District Development and Reform Commission"),
        "project_unit": ("项目单位", "Project unit"),
        "finance_bureau": ("区财政局", "District Finance Bureau"),
        "cyberspace_office": ("区委网信办", "District Cyberspace Affairs Office"),
        "committee_office": ("区委办", "General Office of the District Committee"),
        "audit_bureau": ("区审计局", "District Audit Bureau"),
        "lead_department": ("牵头部门", "Lead department"),
        "joint_panel": ("联合评审小组", "Joint evaluation panel"),
        "secrecy_authority": ("保密行政管理部门", "Secrecy administration"),
        "supervisors": ("负有监督管理职责的单位", "Units with supervisory duties"),
    },
    "OwnerLevel": {
        "district": ("区级", "district"),
        "subdistrict": ("街道", "sub-district"),
        "township": ("乡镇", "township"),
        "municipal": ("市级", "municipal"),
        "provincial": ("省级", "provincial"),
        "national": ("国家级", "national"),
    },
    "OwnerKind": {
        "party_government": ("党政机关", "Party or government organ"),
        "public_institution": ("事业单位", "public institution"),
        "mass_organization": ("团体组织", "mass organisation"),
        "state_owned_enterprise": ("国有企业", "state-owned enterprise"),
        "other_relevant_unit": ("其他有关单位", "other relevant unit"),
    },
    "FundingSource": {
        "fiscal_budget": ("财政预算资金", "fiscal budget"),
        "provincial_allocation": ("省级安排资金", "provincial allocation"),
        "social_capital": ("社会资本", "social capital"),
        "self_raised": ("单位自筹资金", "self-raised funds"),
    },
    "Category": {
        "digital_infrastructure": ("数字基础设施", "digital infrastructure"),
        "software_development": ("软件开发", "software development"),
        "data_governance": ("数据治理", "data governance"),
        "building_intelligence": ("楼宇智能化工程", "building intelligence works"),
        "research_equipment": ("专业科研设备及配套系统", "specialised research equipment and its systems"),
        "office_terminal": ("办公终端", "office terminals"),
        "general_software": ("通用软件", "general-purpose software"),
        "electronic_equipment": ("电子设备", "electronic equipment"),
        "communication_equipment": ("通信设备", "communication equipment"),
        "communication_line": ("通信线路", "communication lines"),
        "broadcast_film_tv": ("广播电影电视工程", "radio, film and television works"),
        "other": ("其他", "other"),
    },
    "PlanLevel": {
        "national": ("国家级", "national"),
        "provincial": ("省级", "provincial"),
        "municipal": ("市级", "municipal"),
        "district": ("区级", "district"),
    },
    "Document": {
        "request": ("部门请示文件或报告", "request document or report"),
        "feasibility_study": ("可行性研究报告", "feasibility study report"),
        "cost_assessment": ("造价咨询评估报告", "cost-consulting assessment report"),
    },
    "InitialOpinionOutcome": {
        "revise": ("要求完善修改", "asks for revision"),
        "accept": ("通过预审、无需修改", "passed unchanged"),
        "reject": ("不予通过", "rejected"),
    },
    "ReviewOutcome": {
        "approved": ("通过", "approved"),
        "rejected": ("不通过", "rejected"),
    },
    "AssessmentResult": {
        "passed": ("合格", "passed"),
        "failed": ("不合格", "failed"),
        "not_held": ("未进行", "not held"),
        "not_required": ("无需进行", "not required"),
    },
    "ExtraApproval": {
        "energy_saving": ("节能评估", "energy-saving assessment"),
        "site_selection": ("规划选址", "planning site selection"),
        "land_pre_review": ("用地预审", "land-use pre-review"),
        "environmental_impact": ("环境影响评价", "environmental impact assessment"),
    },
    "IncidentKind": {
        "major_change": ("重大变更", "major change"),
        "security_hazard": ("安全隐患", "security hazard"),
    },
    "DelayTrigger": {
        "serious_delay": ("严重逾期", "serious delay"),
        "major_loss": ("重大损失", "major loss"),
    },
    "AdjustmentGround": {
        "law_or_policy": ("第（一）项 法律法规、工作部署要求", "ground (i): law or policy"),
        "technical_optimisation": ("第（二）项 技术方案完善优化", "ground (ii): technical optimisation"),
        "business_need": ("第（三）项 业务发展需要", "ground (iii): business need"),
    },
    "Status": {
        "met": ("按期完成", "met"),
        "late": ("逾期完成", "late"),
        "overdue": ("已逾期", "overdue"),
        "pending": ("未到期", "pending"),
        "holds": ("符合", "holds"),
        "fails": ("不符合", "fails"),
        "notice": ("提示", "notice"),
        "not_applicable": ("不适用", "not applicable"),
        "undetermined": ("无法判断", "undetermined"),
    },
}
"""Each vocabulary (an enum's class name) and its codes' Chinese and English names."""

SUBJECTS: Names = {
    "project_code": ("取得项目代码", "project code"),
    "documents_filed": ("报送项目审批文件", "approval documents filed"),
    "approved": ("审批", "approval"),
    "funds": ("安排经费", "money arranged"),
    "works": ("实施", "works"),
}
"""Subjects that are not codes of a vocabulary: the steps of art. 14 and the acts of art. 12."""


class Named(StrEnum):
    """An enum whose members have a Chinese and an English name in :data:`VOCABULARIES`."""

    @property
    def name_zh(self) -> str:
        return VOCABULARIES[type(self).__name__][self.value][0]

    @property
    def name_en(self) -> str:
        return VOCABULARIES[type(self).__name__][self.value][1]


@cache
def _by_code() -> dict[str, tuple[str, str]]:
    """Every code of every vocabulary (a code in several vocabularies has one meaning, tested)."""
    out: dict[str, tuple[str, str]] = {}
    for names in VOCABULARIES.values():
        for code, pair in names.items():
            out.setdefault(code, pair)
    return out


def code_name(code: str) -> tuple[str, str] | None:
    """The Chinese and English names of a code of any vocabulary, or None."""
    return _by_code().get(code)


def code_zh(code: str) -> str:
    """A code's Chinese name (the code itself when it names nothing, e.g. a unit's own name)."""
    found = code_name(code)
    return found[0] if found else code


def code_en(code: str) -> str:
    found = code_name(code)
    return found[1] if found else code


_ROUND = re.compile(r"round (\d+)(?:: (\w+))?")
_NUMBERED = {
    "adjustment": ("第{n}项调整", "adjustment {n}"),
    "incident": ("第{n}项事件", "incident {n}"),
    "asset": ("第{n}项公共数字资产", "asset {n}"),
}


def subject_name(subject: str) -> tuple[str, str]:
    """A finding's subject as a reader reads it: ``round 1: audit_bureau`` → (第1轮：区审计局, round 1: District
    Audit Bureau); ``2025`` → (2025年度, 2025); ``adjustment 2`` → (第2项调整, adjustment 2)."""
    if match := _ROUND.fullmatch(subject):
        number, party = match.groups()
        if party is None:
            return f"第{number}轮", f"round {number}"
        return f"第{number}轮：{code_zh(party)}", f"round {number}: {code_en(party)}"
    if subject.isdigit() and len(subject) == 4:
        return f"{subject}年度", subject
    word, _, number = subject.partition(" ")
    if word in _NUMBERED and number.isdigit():
        zh, en = _NUMBERED[word]
        return zh.format(n=number), en.format(n=number)
    if subject in SUBJECTS:
        return SUBJECTS[subject]
    return code_zh(subject), code_en(subject)


def subject_zh(subject: str) -> str:
    return subject_name(subject)[0]


_INDEX = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<index>-?\d+)\])?$")
_CHINESE_HEAD = re.compile(r"^[^A-Za-z(]*[^\sA-Za-z(]")


def _chinese(description: str) -> str:
    """The Chinese head of a bilingual field description ("区数据局审批（批复）日期 approved" → the Chinese part)."""
    match = _CHINESE_HEAD.match(description)
    return match.group(0).strip() if match else description


@cache
def fact_zh(path: str) -> str:
    """A fact's Chinese name from its path in the project (``review[0].received`` → 申报审核第1轮 › …), read off the
    facts model's field descriptions; the path itself when it is not a field."""
    from tinghu_policy.facts import Project

    model: type[BaseModel] | None = Project
    parts: list[str] = []
    for segment in path.split("."):
        match = _INDEX.match(segment)
        if model is None or match is None:
            parts.append(code_zh(segment))
            model = None
            continue
        field = model.model_fields.get(match["name"])
        if field is None:
            return path
        name = _chinese(field.description or match["name"])
        if match["index"] is not None:
            name += f"第{int(match['index']) + 1}项"
        parts.append(name)
        model = _model_of(field.annotation)
    return " › ".join(parts)


def _model_of(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside a field's annotation (``X | None``, ``tuple[X, ...]``), if any."""
    import types
    import typing

    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        origin = typing.get_origin(current)
        if origin in (typing.Union, types.UnionType, tuple, typing.Annotated):
            stack.extend(typing.get_args(current))
    return None


# ——— interpretation options ————————————————————————————————————————————————————————————————————————————————————

OPTION_ZH: dict[str, dict[str, str]] = {
    "counting_start": {
        "next_day": "开始当日不计入，自次日起算（无论次日是否工作日）",
        "next_working_day": "事件发生在非工作日的，视为在下一个工作日发生，该日不计入",
    },
    "working_day": {
        "official_arrangement": "按国务院节假日安排，含调休上班日",
        "weekdays_without_makeup": "周一至周五中的非节假日，不计调休上班日",
    },
    "month_end": {
        "clamp": "没有对应日的，以月末日为最后一日",
        "raise": "不作推算，提示需人工判断",
    },
    "last_day_rollover": {
        "rest_days": "最后一日是周末或法定节假日的，顺延至下一个工作日",
        "holidays_only": "仅法定节假日顺延，周末不顺延",
        "none": "一律不顺延",
    },
    "serious_overdue_boundary": {
        "strictly_more": "“超过”：届满当日之后才算超过",
        "at_least": "“以上”：届满当日即算超过",
    },
    "year_end_rollover": {
        "false": "12月31日为截止日，不顺延",
        "true": "12月31日为休息日的，顺延至下一个工作日",
    },
    "final_accounts_cap": {
        "extension_at_most_6_months": "延长期最长6个月（验收后合计最长9个月）",
        "total_at_most_6_months": "含延长在内，验收后合计最长6个月",
    },
    "art3_qualifier_scope": {
        "group_a_only": "只修饰楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件",
        "both_groups": "也修饰《建设工程分类标准》范畴的设备、线路和广播电视工程",
    },
    "joint_evaluation_clock_start": {
        "panel_receives_materials": "自联合评审小组收到材料之日起算",
        "department_review_complete": "自最后一个相关部门出具审查意见之日起算",
    },
    "self_evaluation_clock_start": {
        "later_of_acceptance_and_operation": "自通过验收与投入运行两者中较晚者起算",
        "acceptance": "自通过验收之日起算",
    },
    "beyond_calendar_data": {
        "error": "超出官方节假日数据的年份：不作推算，结论为无法判断",
        "statutory_estimate": "按周末和法定年节假日估算（不含调休），结论标为临时",
        "provisional": "按周一至周五为工作日临时推算，结论标为临时",
    },
    "revision_expiry": {
        "returned_by_notice": "以区数据局实际退回申请为准；期满后项目单位修改逾期，退回待办",
        "returned_on_expiry": "第15个工作日届满未报送修改材料的，即视为退回",
    },
    "completion_trigger": {
        "recorded_completion": "以项目单位记录的建成日期为准",
        "trial_operation_start": "已记录且更早的，以系统进入试运行之日为准",
    },
    "same_day_precedence": {
        "same_day_counts": "同一日发生的视为在前",
        "earlier_day": "须早于该日至少一日，同日不算在前",
    },
    "township_units": {
        "subdistrict_only": "街道单位属区级，乡镇单位不属区级",
        "not_district_level": "街道、乡镇单位均不属区级",
        "district_level": "街道、乡镇单位均属区级",
    },
    "classified_application": {
        "whole_flow": "涉密项目不适用第十一条第一款全部各项及第十四条的次序",
        "application_only": "不适用第十一条第一款，但第十四条自项目代码起的审批次序仍适用",
        "pre_review_only": "仅不适用第十一条第一款第（二）项的预审",
    },
    "final_opinion_order": {
        "last_step": "最终审核意见在项目单位修改和财政评审报告之后",
        "after_expert_opinion": "最终审核意见只须在专家评审意见之后",
    },
    "om_funding_act": {
        "arranged": "受限的是安排经费（纳入年度预算），仅申请不算",
        "requested": "申请运维经费即属受限行为",
    },
    "extra_approval_exception": {
        "all_four": "任一例外情形均恢复全部四项审批",
        "paired": "各例外只恢复与之对应的审批（新建土建：规划选址、用地预审、环评；高耗能：节能评估）",
    },
    "extra_approval_sought": {
        "warns": "无例外仍办理的，作提示，不认定违反",
        "fails": "无例外仍办理的，认定不符合",
    },
    "implementation_start": {
        "by_duty": "各项义务自其所属阶段起算（规划类自批复，建设运行类自开工）",
        "works_started": "一律自开工建设起算",
        "approved": "一律自项目批复起算",
    },
    "surplus_settlement": {
        "final_accounts": "以报送竣工财务决算确定结余",
        "acceptance_passed": "以通过竣工验收确定结余",
        "completion": "以项目建成确定结余",
    },
    "classified_acceptance": {
        "paras_1_to_3": "涉密项目不适用第二十七条第一至三款，第四款竣工财务决算仍适用",
        "paras_1_to_4": "涉密项目不适用第二十七条第一至四款",
    },
    "acceptance_filing_period": {
        "with_acceptance": "“6个月内”同时约束验收材料备案",
        "no_period": "“6个月内”只约束组织验收，备案无期限",
    },
    "late_extension": {
        "requested_in_time": "期限内已申请延长的，批准晚于期限仍计入",
        "ignored": "期限届满后批准的延长不计入",
        "counted": "批准的延长一律计入",
    },
    "state_enterprise_funding": {
        "fiscal_budget_only": "国有企业项目仅限使用财政预算资金的",
        "any_money": "国有企业项目不论资金来源",
    },
    "adjustment_limit_basis": {
        "cumulative": "自上次重新审批以来各次调整金额累计计算",
        "each_adjustment": "每次调整单独计算",
    },
    "project_code_after": {
        "final_opinion": "区数据局出具最终审核意见后申请项目代码",
        "expert_opinion": "联合评审小组出具专家评审意见后即可申请",
    },
    "revision_window_start": {
        "receipt_where_recorded": "有送达记录的，自项目单位收到初审意见之日起算",
        "issue": "自初审意见出具之日起算",
    },
    "surplus_after_adjustment": {
        "general_rules": "调整后的结余资金按预算管理一般规定处理，不适用第二十五条",
        "still_owed": "调整后仍适用第二十五条，结余财政资金应当收回",
    },
    "surplus_fiscal_share": {
        "proportional": "结余中的财政资金按各资金来源比例计算",
        "fiscal_spent_first": "视为先使用财政资金（应收回的最少）",
        "other_spent_first": "视为先使用其他资金（应收回的最多）",
    },
    "performance_report_years": {
        "every_year_touched": "实施期间涉及的每个年度（含首尾不满一年的年度）",
        "in_implementation_at_year_end": "仅年底时仍在实施的年度",
    },
    "fiscal_share_rounding": {
        "down": "舍去不足一分的部分",
        "half_up": "四舍五入到分（标明“约”）",
    },
    "return_without_opinion": {
        "opinion_owed": "初审意见仍须给予，未经初审的退回为不符合",
        "refusal_notice": "视为预审不予受理，作为提示列出",
    },
    "annual_report_reach": {
        "implemented_after_effect": "施行日期当日或之后仍在实施的年度须报告",
        "begun_after_effect": "仅实施开始不早于施行日期的年度须报告",
    },
    "extension_counting": {
        "from_acceptance": "自通过验收起算3个月加延长月数",
        "after_original_period": "自原3个月期限届满起另计延长月数",
    },
    "art3_substance": {
        "substance_prevails": "实质上属于政务信息化项目的，不因申报类别依第三条排除",
        "category_governs": "第三条按申报类别排除，仅第十二条第六项及于该项目",
    },
}
"""Each interpretation option (an :class:`~tinghu_policy.interpretation.Interpretation` field) → value → its
Chinese name. A test fails when a decision gains a value without a name here."""

OPEN_VALUE_ZH: dict[str, str] = {
    "timely_within_working_days": "填写工作日数；不填则“及时”不设期限",
    "effective_date": "填写施行日期；不填则不排除任何事实",
    "timezone": "亚洲/上海（北京时间）",
    "serious_overrun_percent": "填写超概算百分比（0 至 1000000，至多 6 位小数）；不填则不认定严重超概算",
}
"""Option fields that take an open value (a number, a date): what to enter, in Chinese."""


def option_value(value: object) -> str:
    """An option's value as written in JSON or ``--option``: ``at_least``, ``true``, ``null``, ``15``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def option_zh(field: str, value: object) -> str | None:
    """The Chinese name of an option's value (``serious_overdue_boundary``, ``at_least`` → “以上”：届满当日即算超过),
    or None for an open value (a number, a date) or an unknown one."""
    return OPTION_ZH.get(field, {}).get(option_value(value))
