"""The words of :mod:`tinghu_policy.rules.art14_approval_order`: project code, approval documents, approval."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text


def had_before(previous: Text, step: Text, day: date) -> Text:
    """The step taken on ``day`` while ``previous`` had not happened."""
    return f"{step[0]}（{day}）前已有{previous[0]}", f"{previous[1]} before {step[1]} ({day})"


def before(previous: Text, step: Text) -> Text:
    return f"{previous[0]}（{step[0]}之前）", f"{previous[1]} (before {step[1]})"


NO_JOINT_EVALUATION = (
    "涉密项目按国家有关保密规定申报，不经联合评审（D19）",
    "a classified project has no joint evaluation (D19)",
)


def not_yet(step: Text) -> Text:
    return f"尚未{step[0]}", f"step not yet taken: {step[1]}"


def first_step(step: Text, day: date) -> Text:
    return (
        f"涉密项目不经联合评审，{step[0]}（{day}）为报批的第一步（D19）",
        f"a classified project has no joint evaluation: {step[1]} ({day}) is the first approval step (D19)",
    )


NOT_APPROVED = ("尚未审批", "not yet approved")
FINAL_OPINION = ("最终审核意见", "final review opinion")
FISCAL_REPORT = ("财评报告", "fiscal review report")
JOINT_FINAL = ("联合评审最终审核意见", "the joint evaluation's final opinion")
JOINT_EXPERT = ("联合评审专家评审意见", "joint evaluation expert opinion")
