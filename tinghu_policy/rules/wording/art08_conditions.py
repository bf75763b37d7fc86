"""The words of :mod:`tinghu_policy.rules.art08_conditions`: the five conditions of an application."""

from __future__ import annotations

from tinghu_policy.engine import Text
from tinghu_policy.facts import PlanLevel

NOT_APPLIED = (
    "尚未申报：第八条为申报项目应符合的要求",
    "no application yet: art. 8 sets what an application must meet",
)


def plans(levels: tuple[PlanLevel, ...], key_work_tasks: bool) -> Text:
    """The plans listing the project (item (二)); a key work task alone is no plan."""
    if levels:
        note_zh = "列入" + "、".join(level.name_zh for level in levels) + "规划"
        note_en = "listed in the " + ", ".join(level.name_en for level in levels) + " plan(s)"
    else:
        note_zh, note_en = "未列入任何规划", "listed in no plan"
    if key_work_tasks and not levels:
        note_zh += "；仅纳入重点工作任务，重点工作任务不是本项所称规划"
        note_en += "; only in key work tasks, which are not the plans this item names"
    return note_zh, note_en
