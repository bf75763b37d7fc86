"""The words of :mod:`tinghu_policy.rules.art13_platform`: filing on the management platform."""

from __future__ import annotations

SECRECY = (
    "涉密项目按国家有关保密规定申报，不在管理平台申报",
    "a classified project is filed under the secrecy rules, not on the platform",
)
NOT_FILED = ("项目尚未申报", "the project has not been filed yet")
NO_OM = ("无运维服务申报", "no O&M service filed")
PLAN_NOT_FILED = ("运维方案尚未申报", "the O&M plan has not been filed yet")
