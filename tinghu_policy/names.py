"""The one table of names: every code a reader can meet, with its Chinese and English name.

Codes (``data_bureau``, ``district``, ``software_development``, ``round 1: audit_bureau``) are stable identifiers
for programs; a reader sees names (区数据局, 区级, 软件开发, 第1轮：区审计局). Explanations, the command line and the
documentation site all take names from here, so a code never reaches a reader untranslated::

    Party.DATA_BUREAU.name_zh          # '区数据局' (every vocabulary enum is :class:`Named`)
    code_zh("audit_bureau")            # '区审计局'
    subject_zh("round 1: audit_bureau")  # '第1轮：区审计局'
    fact_zh("review[0].initial_opinion.issued")  # '申报审核第1轮 › 初审意见 › 初审意见出具日期'

A test checks that every member of every vocabulary has both names and that a code means the same in every
vocabulary it appears in.
"""

from __future__ import annotations

import re
from enum import StrEnum
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
