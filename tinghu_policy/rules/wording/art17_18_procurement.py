"""The words of :mod:`tinghu_policy.rules.art17_18_procurement`: procurement under the rules."""

from __future__ import annotations

NOT_APPROVED = ("项目尚未审批，尚未开展采购", "not yet approved: no procurement yet")
CLASSIFIED = (
    "涉密项目的采购执行保密法律法规和涉密采购管理办法（政府采购法第八十五条），见本条第二句",
    "a classified project is procured under the secrecy rules (Government Procurement Law art. 85): see "
    "the second sentence",
)
NOT_CLASSIFIED = ("项目不是涉密项目", "not a classified project")
