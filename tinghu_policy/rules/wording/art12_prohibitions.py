"""The words of :mod:`tinghu_policy.rules.art12_prohibitions`: the six prohibitions and the acts they block."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Status, Text


def not_happened(blocked: Text, condition_fails: bool) -> Text:
    """The blocked act has not happened (the state shown as context)."""
    tail_zh, tail_en = "该行为尚未发生，不构成违反", "that act has not happened: nothing is breached"
    if condition_fails:
        tail_zh, tail_en = "条件不满足，该行为不得发生", "the condition is not met, so it must not happen"
    return f"不得{blocked[0]}：{tail_zh}", f"no {blocked[1]}: {tail_en}"


_VERB_ZH = {Status.FAILS: "条件不满足却已", Status.HOLDS: "条件满足，已", Status.UNDETERMINED: "已"}


def happened(status: Status, act: date | None, blocked: Text) -> Text:
    """The blocked act happened: with the condition met, not met, or not known."""
    blocked_zh, blocked_en = blocked
    on_zh, on_en = (f"于{act}", f" on {act}") if act is not None else ("（日期未提供）", " (date not given)")
    return (
        f"{_VERB_ZH[status]}{on_zh}{blocked_zh}" + ("，不得如此" if status is Status.FAILS else ""),
        {
            Status.FAILS: f"{blocked_en}{on_en} although the condition is not met",
            Status.HOLDS: f"{blocked_en}{on_en} with the condition met",
            Status.UNDETERMINED: f"{blocked_en}{on_en}; the condition's fact is missing",
        }[status],
    )


def on_day(name: Text, day: date) -> Text:
    """A state as of a day: 按要求共享、更新公共数据（2025-03-01）."""
    return f"{name[0]}（{day}）", f"{name[1]} ({day})"


def approved_before(action: Text, day: date) -> Text:
    return f"{action[0]}（{day}）前已履行审批程序", f"approved before {action[1]} ({day})"


def approval_date_before(action: Text) -> Text:
    return f"审批（批复）日期（{action[0]}前）", f"approval date (before {action[1]})"


INITIATION = ("申请项目立项", "application for project initiation")
NEW_PROJECT = ("申请新项目建设", "application for a new project")
LISTED = (
    "纳入省、市、区级政务信息化建设相关规划或重点工作任务",
    "listed in a provincial, municipal or district plan or key work task",
)
NOT_NEW = ("不是新建项目，不涉及申请新项目建设", "not a new project: no new-project application")
INTEGRATED = ("按要求推进政务信息系统整合", "systems integrated as required")
MIGRATED = ("按要求及时迁移至区政务云", "migrated to the district cloud")
NO_OM_PLAN = ("无年度运维方案，不涉及运维经费", "no O&M plan: no O&M money in question")
NO_OM_MONEY = ("未申请也未安排运维经费", "no O&M money requested or arranged")
OM_REQUESTED = ("申请或安排运维经费（D21）", "requesting or arranging O&M money (D21)")
OM_ARRANGED = ("安排运维经费", "arranging O&M money")
DATA_SHARED = ("按要求共享、更新公共数据", "public data shared and updated")
APPROVAL = ("批准立项", "approval")
DUPLICATION = ("未开展集约共享建设造成重复浪费", "duplicate construction, no intensive sharing")
FUNDS = ("安排经费", "arranging money")
WORKS = ("实施", "implementation (works started)")
