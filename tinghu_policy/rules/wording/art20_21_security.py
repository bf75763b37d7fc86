"""The words of :mod:`tinghu_policy.rules.art20_21_security`: network, data and secrecy duties of implementation."""

from __future__ import annotations

from tinghu_policy.engine import Note, Text, render

NOT_APPROVED = (
    "项目尚未批复，实施阶段的安全要求尚不适用（D24 以批复为实施起点）",
    "not yet approved: the implementation duties do not apply yet (D24: implementation starts on approval)",
)
PLAN_NOT_OWED = (
    "项目尚未批复，也未开工建设，制定密码应用方案的义务尚未发生（D24 规划类义务自批复起）",
    "neither approved nor started: the cryptography plan is not owed yet (D24: planning duties begin on "
    "approval)",
)
NOT_STARTED = (
    "项目尚未开工建设，实施阶段的安全要求尚不适用",
    "works have not started: the implementation duties do not apply yet",
)
SYSTEM_NOT_OWED = (
    "项目尚未开工建设，密码保障系统的同步建设、同步运行和定期评估尚不适用（D24 各义务按阶段起算）",
    "works have not started: building and running the cryptography system are not owed yet (D24 by duty)",
)
NOT_CLASSIFIED = ("非涉密项目", "not a classified project")


def cryptography(plan: Note | None, system_not_owed: bool) -> Text:
    """Why a part of art. 21(1) is not judged: the plan's note, or that the system is not owed yet."""
    notes_zh: list[str] = []
    notes_en: list[str] = []
    if plan is not None:
        zh, en = render(plan)
        notes_zh.append(f"密码应用方案：{zh}")
        notes_en.append(f"cryptography plan: {en}")
    if system_not_owed:
        notes_zh.append(SYSTEM_NOT_OWED[0])
        notes_en.append(SYSTEM_NOT_OWED[1])
    return "；".join(notes_zh), "; ".join(notes_en)
