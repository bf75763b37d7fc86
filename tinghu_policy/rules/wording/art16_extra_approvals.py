"""The words of :mod:`tinghu_policy.rules.art16_extra_approvals`: the approvals no longer done, and the exceptions."""

from __future__ import annotations

from tinghu_policy.engine import Text
from tinghu_policy.facts import ExtraApproval

NAMES = {kind: (kind.name_zh, kind.name_en) for kind in ExtraApproval}
CIVIL_WORKS = ("涉及新建土建工程", "new civil works")
HIGH_ENERGY = ("高耗能项目", "high-energy project")


def sought(kind: ExtraApproval) -> Text:
    zh, en = NAMES[kind]
    return f"要求或办理{zh}", f"{en} sought"


def exception(kind: ExtraApproval, reaching: tuple[Text, ...], paired: bool) -> Text:
    """An exception reaches the approval: it follows its own rules."""
    zh, en = NAMES[kind]
    all_zh = "、".join(zh for zh, _ in NAMES.values())
    all_en = ", ".join(en for _, en in NAMES.values())
    may_zh, may_en = (zh, en) if paired else (all_zh, all_en)
    return (
        f"{'、'.join(g for g, _ in reaching)}，不适用免于审批；{zh}依其自身规定办理（可能需要：{may_zh}）"
        + ("（D22 按例外对应）" if paired else ""),
        f"exception ({', '.join(g for _, g in reaching)}): the exemption does not "
        f"apply; {en} follows its own rules (may be needed: {may_en})" + (" (D22 paired)" if paired else ""),
    )


def _why(kind: ExtraApproval, grounds: tuple[Text, ...]) -> Text:
    zh, en = NAMES[kind]
    if grounds:  # D22 paired: a ground that does not reach this approval
        return (
            f"{'、'.join(g for g, _ in grounds)}不涉及{zh}（D22 按例外对应）",
            f"{', '.join(g for _, g in grounds)} does not reach the {en} (D22 paired)",
        )
    return "无新建土建工程、非高耗能项目", "no new civil works, not high-energy"


def sought_anyway(kind: ExtraApproval, grounds: tuple[Text, ...]) -> Text:
    zh, en = NAMES[kind]
    why_zh, why_en = _why(kind, grounds)
    return (
        f"{why_zh}：原则上不再进行{zh}，但已要求或办理。本办法第十六条列举为“等”并以“原则上”限定，区级"
        f"文件不能免除法律要求的审批，故仅作提示、不认定违反（D23）；项目单位应说明确需办理{zh}的理由",
        f"{why_en}: in principle (原则上) no {en} is done any more, yet one was sought or required. "
        "The list is open (等) and qualified by 原则上, and a district document cannot dispense with an "
        "approval a law requires: a notice, not a breach (D23); the project unit should state why it is "
        "needed",
    )


def not_needed(kind: ExtraApproval, grounds: tuple[Text, ...], was_sought: bool) -> Text:
    zh, en = NAMES[kind]
    why_zh, why_en = _why(kind, grounds)
    return (
        f"{why_zh}：无需{zh}" + ("；原则上不再进行，确有例外须另行说明（D23）" if was_sought else ""),
        f"{why_en}: no {en} needed"
        + (
            "; in principle (原则上) no longer done — an exception must be justified (D23)"
            if was_sought
            else ""
        ),
    )
