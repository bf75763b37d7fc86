"""The words of :mod:`tinghu_policy.rules.art09_10_joint_projects`: cross-department and cross-level projects."""

from __future__ import annotations

from tinghu_policy.engine import Text
from tinghu_policy.facts import Funding

NOT_CROSS_DEPARTMENT = ("项目不是跨部门集约共享项目", "not a cross-department shared project")
NOT_CROSS_LEVEL = ("项目不是跨层级协同实施项目", "not a cross-level project")
NOT_APPLIED = ("尚未申报", "no application yet")
NOT_INTEGRATED = (
    "不是协同省有关部门建设的省市一体化信息系统",
    "not a province-municipality integrated system built with the province",
)


def lead_and_participants(lead: str, participants: tuple[str, ...]) -> Text:
    return (
        f"牵头部门：{lead}；参与部门：{'、'.join(participants) or '未列明'}",
        f"lead department: {lead}; participants: {', '.join(participants) or 'not listed'}",
    )


def provincial_money(funding: tuple[Funding, ...]) -> Text:
    sources = dict.fromkeys(f.source for f in funding)
    sources_zh = "、".join(s.name_zh for s in sources) or "未提供"
    sources_en = ", ".join(s.name_en for s in sources) or "not given"
    return (
        f"建设经费（{sources_zh}）全部由省级安排",
        f"construction money ({sources_en}) all allocated by the province",
    )
