"""第二十二条 公共数字资产 — the unit uses a public digital asset only after applying to 区数据局 and its allocation.

"项目单位根据实际需求向区数据局申请使用公共数字资产，由区数据局审核分配": the text sets the order of three acts for
each asset (``implementation.public_digital_assets``, subject ``asset N`` from 1): the unit applies (``applied``),
区数据局 reviews and allocates (``allocated``), then the unit uses it (``used``). A use is judged once it has
happened on ``as_of``: it HOLDS when an application came first and an allocation followed it, no later than the use;
it FAILS when the asset was used without an allocation (none dated by the use, or none at all), or allocated without
an application before it. D17: an act on the same day as the act it must precede counts as before (default
``same_day_counts``); with ``earlier_day`` it must be a day earlier. An asset not yet used has nothing to judge
(NOT_APPLICABLE, the note says how far the application has gone): 区数据局's review has no time limit in the text.

Encoded in part: "根据实际需求" (the need is real) and the allocation decision itself are 区数据局's judgement in its
review; no fact of the project can decide them (``provisions/status.yaml``, ``encoded_in_part``).

D13: judged on the day of the use; a use before the effective date is out of reach.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Labels, Outcome, Status, rule
from tinghu_policy.facts.implementation import AssetUse
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art22_digital_assets as say

_A = "implementation.public_digital_assets"
_USED = Labels(lambda n: Label(f"{_A}[{n}].used", "开始使用", "use began"))
_APPLIED = Labels(
    lambda n: Label(
        f"{_A}[{n}].applied",
        "向区数据局申请使用（先于审核分配）",
        "applied to the data bureau (before allocation)",
    )
)
_ALLOCATED = Labels(
    lambda n: Label(
        f"{_A}[{n}].allocated", "区数据局审核分配（先于使用）", "allocated by the data bureau (before use)"
    )
)


def _subject(n: int) -> str:
    return f"asset {n + 1}"


def _use(ctx: Context, n: int, asset: AssetUse) -> Outcome:
    subject = _subject(n)
    applied, allocated, used = ctx.known(asset.applied), ctx.known(asset.allocated), ctx.known(asset.used)
    if used is None:
        return ctx.not_applicable((say.not_used, asset.asset, applied, allocated), subject=subject)
    if (skip := ctx.reaches(used, _USED[n], subject=subject)) is not None:
        return skip
    checks = (
        ctx.check(_APPLIED[n], ctx.before, allocated or used, applied),
        ctx.check(_ALLOCATED[n], ctx.before, used, allocated),
    )
    if applied is not None and allocated is not None and all(c.ok for c in checks):
        return ctx.condition(*checks, subject=subject, note=(say.in_order, asset.asset, used))
    return Outcome(
        Status.FAILS,
        checks=checks,
        subject=subject,
        note=(say.out_of_order, asset.asset, used, applied, allocated),
    )


# 第二十二条 ————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art22.asset_allocated",
    provision="art22.p1",
    title_zh="项目单位向区数据局申请、经区数据局审核分配后使用公共数字资产",
    title_en="A public digital asset is used only after application to and allocation by the data bureau",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D17",),
)
def asset_allocated(ctx: Context) -> Iterator[Outcome]:
    """项目单位根据实际需求向区数据局申请使用公共数字资产，由区数据局审核分配.

    Per asset: applied, then allocated, then used (D17 for acts on the same day); not yet used: not applicable.
    """
    assets = ctx.project.implementation.public_digital_assets
    if not assets:
        yield ctx.not_applicable(say.NO_ASSET)
        return
    for n, asset in enumerate(assets):
        yield _use(ctx, n, asset)
