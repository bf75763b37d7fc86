"""The words of :mod:`tinghu_policy.rules.art06_07_planning`: the unit's plan, shared platforms, district APPs."""

from __future__ import annotations

from tinghu_policy.engine import Text
from tinghu_policy.facts import OwnerLevel

NO_UNIT_PLAN = ("未以本系统、本单位实施方案作为申报依据", "the application does not rely on a unit plan")
NOT_APPLIED = ("尚未申报", "no application yet")
NOT_SHARED = ("项目不是需要各部门共享协同的项目", "not a project shared across departments")


def lead_department(name: str) -> Text:
    return f"牵头部门：{name}", f"lead department: {name}"


NO_DISTRICT_APP = ("项目不是区级规划建设的政务APP", "the project is not a district government APP")
NO_APP = ("项目不是区级及以下的政务APP", "the project is not a district or lower-level government APP")


def below_district(level: OwnerLevel) -> Text:
    return (
        f"项目单位为{level.name_zh}单位：本款“区级及以下”及于区级以下单位建设的APP",
        f"the owner is a {level.name_en} unit: the paragraph's 'district level and below' reaches APPs "
        "built below the district",
    )
