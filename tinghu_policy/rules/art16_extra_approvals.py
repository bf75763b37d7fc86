"""第十六条 节能评估、规划选址、用地预审、环境影响评价 — not needed, unless new civil works or high energy use.

区级政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外.

One finding per approval (subjects ``energy_saving``, ``site_selection``, ``land_pre_review``,
``environmental_impact``):

* no exception (no new civil works, not high-energy): the approval is not needed — HOLDS when it was not sought,
  FAILS when it was sought or required (``approval.extra_approvals_sought``), against "原则上不再进行"; the note
  says an exception 原则上 allows must be justified outside this library;
* an exception applies: the exemption does not reach the project and the approval follows its own rules
  (固定资产投资项目节能审查办法, 城乡规划法, 土地管理法, 环境影响评价法), which this library does not encode —
  NOT_APPLICABLE, the note listing the approvals that may be needed. The text lifts the exemption for all four
  approvals on either ground; it does not pair grounds with approvals.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.facts import ExtraApproval

_NAMES = {
    ExtraApproval.ENERGY_SAVING: ("节能评估", "energy-saving assessment"),
    ExtraApproval.SITE_SELECTION: ("规划选址", "planning site selection"),
    ExtraApproval.LAND_PRE_REVIEW: ("用地预审", "land-use pre-review"),
    ExtraApproval.ENVIRONMENTAL_IMPACT: ("环境影响评价", "environmental impact assessment"),
}


@rule(
    "art16.extra_approvals",
    provision="art16.p1",
    title_zh="原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，新建土建工程、高耗能项目除外",
    title_en="No energy, site, land or environmental approval, unless new civil works or a high-energy project",
)
def extra_approvals(ctx: Context) -> Iterator[Outcome]:
    """区级政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外."""
    # DECISION NEEDED: either ground lifts the exemption for all four approvals (the text does not pair them), and an
    # approval sought without a ground FAILS (原则上不再进行) rather than being a mere warning.
    approval = ctx.project.approval
    grounds = [
        (zh, en)
        for zh, en, present in (
            ("涉及新建土建工程", "new civil works", approval.new_civil_works),
            ("高耗能项目", "high-energy project", approval.high_energy),
        )
        if present
    ]
    all_zh = "、".join(zh for zh, _ in _NAMES.values())
    all_en = ", ".join(en for _, en in _NAMES.values())
    for kind, (zh, en) in _NAMES.items():
        if grounds:
            yield ctx.not_applicable(
                f"{'、'.join(g for g, _ in grounds)}，不适用免于审批；{zh}依其自身规定办理（可能需要：{all_zh}）",
                f"exception ({', '.join(g for _, g in grounds)}): the exemption does not "
                f"apply; {en} follows its own rules (may be needed: {all_en})",
                subject=kind.value,
            )
            continue
        sought = kind in approval.extra_approvals_sought
        yield ctx.condition(
            ctx.expect(
                Label(f"approval.extra_approvals_sought.{kind.value}", f"要求或办理{zh}", f"{en} sought"),
                sought,
                required=False,
            ),
            subject=kind.value,
            note_zh="无新建土建工程、非高耗能项目：无需"
            + zh
            + ("；原则上不再进行，确有例外须另行说明" if sought else ""),
            note_en=f"no new civil works, not high-energy: no {en} needed"
            + ("; 原则上 no longer done — an exception must be justified" if sought else ""),
        )
