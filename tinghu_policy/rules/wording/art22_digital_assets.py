"""The words of :mod:`tinghu_policy.rules.art22_digital_assets`: public digital assets used after allocation."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text


def not_used(asset: str, applied: date | None, allocated: date | None) -> Text:
    if allocated is not None:
        state_zh, state_en = (
            f"{allocated}已由区数据局审核分配",
            f"allocated by the data bureau on {allocated}",
        )
    elif applied is not None:
        state_zh, state_en = (
            f"{applied}已申请，区数据局尚未分配",
            f"applied for on {applied}, not yet allocated",
        )
    else:
        state_zh, state_en = "尚未申请", "not yet applied for"
    return (
        f"公共数字资产“{asset}”{state_zh}，尚未使用",
        f"public digital asset '{asset}': {state_en}; not used yet",
    )


def _used(asset: str, used: date) -> Text:
    return f"公共数字资产“{asset}”于{used}开始使用", f"public digital asset '{asset}' used from {used}"


def in_order(asset: str, used: date) -> Text:
    name_zh, name_en = _used(asset, used)
    return f"{name_zh}，此前已申请并经区数据局审核分配", f"{name_en}, applied for and allocated before"


def out_of_order(asset: str, used: date, applied: date | None, allocated: date | None) -> Text:
    """Used without an application or an allocation before it (a date not given: the act did not happen by as_of,
    format 2.0), or out of the order application, allocation, use."""
    name_zh, name_en = _used(asset, used)
    lacking_zh = "、".join(
        zh for zh, day in (("未向区数据局申请", applied), ("未经区数据局审核分配", allocated)) if day is None
    )
    lacking_en = " and ".join(
        en for en, day in (("an application", applied), ("an allocation", allocated)) if day is None
    )
    return (
        f"{name_zh}，" + (f"使用前{lacking_zh}" if lacking_zh else "申请、审核分配、使用的先后次序不符"),
        f"{name_en}, "
        + (
            f"without {lacking_en} before it"
            if lacking_en
            else "out of the order application, allocation, use"
        ),
    )


NO_ASSET = ("未申请使用公共数字资产", "no public digital asset applied for or used")
