"""第五条 职责分工 — which district department holds which duty, as an immutable table other rules consult.

Each item （一）…（七） is one entry: the party (:class:`~tinghu_policy.parties.Party`) and its duties, each duty a
phrase of the item's own text (a test checks it is) with an English gloss. Rules name the party that owes a duty or
receives a filing; every art. 5 department they name is in this table (tested). The supervisory powers of chapter 6
(art. 31–35) are registered as tables in their own module.

::

    responsibility(Party.FINANCE_BUREAU).provision    # 'art5.p1.i4'
    responsibility(Party.FINANCE_BUREAU).duties[2].zh   # '政府采购监督管理'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tinghu_policy.engine import Table, table
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.parties import Party


@dataclass(frozen=True, slots=True)
class Duty:
    """One duty: the item's words, and an English gloss (not official)."""

    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Responsibility:
    """One item of art. 5: the department and its duties."""

    provision: str
    party: Party
    duties: tuple[Duty, ...]
    encoding: Table


def _entry(item: int, party: Party, *duties: tuple[str, str]) -> Responsibility:
    provision = f"art5.p1.i{item}"
    encoding = table(
        f"art5.{party.value}",
        provision=provision,
        title_zh=f"{party.name_zh}职责",
        title_en=f"Duties of the {party.name_en}",
        module=__name__,
    )
    return Responsibility(provision, party, tuple(Duty(zh, en) for zh, en in duties), encoding)


_ENTRIES = (
    # （一）区数据局负责牵头编制区级政务信息化建设相关规划及制度规范，开展项目建设需求申报及技术审核，负责项目审批，
    # 统筹…基础设施、通用能力、数据资源以及跨部门、跨层级通用应用场景的建设与集约管理，并…与市级主管部门做好对接。
    _entry(
        1,
        Party.DATA_BUREAU,
        (
            "牵头编制区级政务信息化建设相关规划及制度规范",
            "leads the drafting of the district's government IT plans, rules and norms",
        ),
        ("开展项目建设需求申报及技术审核", "runs the filing of construction needs and the technical review"),
        ("项目审批", "approves projects"),
        (
            "统筹本区范围内电子政务外网、政务云等可复用的基础设施、通用能力、数据资源以及跨部门、跨层级通用应用场景的建设与集约管理",
            "coordinates the building and pooled management of reusable infrastructure (the e-government extranet, the "
            "government cloud), common capabilities, data resources and cross-department, cross-level scenarios",
        ),
        (
            "按照市级公共数字资产管理要求，与市级主管部门做好对接",
            "liaises with the municipal authority under the municipal rules on public digital assets",
        ),
    ),
    # （二）区发改委负责统筹政务信息化建设规划与全区经济社会发展总体规划相衔接。
    _entry(
        2,
        Party.DEVELOPMENT_REFORM,
        (
            "统筹政务信息化建设规划与全区经济社会发展总体规划相衔接",
            "aligns the government IT plans with the district's overall economic and social development plan",
        ),
    ),
    # （三）项目单位负责本部门、本单位信息化顶层设计、实施方案编制、项目储备、项目内部审查、资金申请、项目执行、
    # 数据资源共享、项目验收、项目运行维护和绩效管理等工作。
    _entry(
        3,
        Party.PROJECT_UNIT,
        ("本部门、本单位信息化顶层设计", "the top-level IT design of its department or unit"),
        ("实施方案编制", "drafting the implementation plan"),
        ("项目储备", "the project pipeline"),
        ("项目内部审查", "internal review of projects"),
        ("资金申请", "applying for funds"),
        ("项目执行", "carrying out the project"),
        ("数据资源共享", "sharing data resources"),
        ("项目验收", "project acceptance"),
        ("项目运行维护", "operation and maintenance"),
        ("绩效管理", "performance management"),
    ),
    # （四）区财政局负责项目建设和运维资金审核、预算管理和政府采购监督管理，组织指导财政资金预算绩效管理和数据资产管理，
    # 组织开展财政资金监督检查。
    _entry(
        4,
        Party.FINANCE_BUREAU,
        ("项目建设和运维资金审核", "reviews construction and O&M funds"),
        ("预算管理", "budget management"),
        ("政府采购监督管理", "supervision of government procurement"),
        (
            "组织指导财政资金预算绩效管理和数据资产管理",
            "organises and guides budget performance management of fiscal funds and data-asset management",
        ),
        ("组织开展财政资金监督检查", "organises supervisory inspections of fiscal funds"),
    ),
    # （五）区委网信办负责项目网络和数据安全审核工作。
    _entry(
        5,
        Party.CYBERSPACE_OFFICE,
        ("项目网络和数据安全审核", "reviews projects' network and data security"),
    ),
    # （六）区委办负责涉密项目保密技术防护监督管理工作，负责项目安全可靠情况、密码应用、电子文件管理等审核及监督工作。
    _entry(
        6,
        Party.COMMITTEE_OFFICE,
        (
            "涉密项目保密技术防护监督管理",
            "supervises the technical secrecy protection of classified projects",
        ),
        (
            "项目安全可靠情况、密码应用、电子文件管理等审核及监督",
            "reviews and supervises projects' secure-and-reliable status, cryptography and electronic records",
        ),
    ),
    # （七）区审计局负责对项目进行审计监督。
    _entry(
        7,
        Party.AUDIT_BUREAU,
        ("对项目进行审计监督", "audits projects"),
    ),
)

RESPONSIBILITIES: Mapping[Party, Responsibility] = MappingProxyType({r.party: r for r in _ENTRIES})
"""Art. 5's table, in item order: each department and its duties (read-only)."""


def responsibility(party: Party) -> Responsibility:
    """The art. 5 entry of ``party`` (an error for a party art. 5 does not name, e.g. the joint panel)."""
    try:
        return RESPONSIBILITIES[party]
    except KeyError:
        raise TinghuPolicyError(f"art. 5 assigns no duties to {party.value} ({party.name_zh})") from None
