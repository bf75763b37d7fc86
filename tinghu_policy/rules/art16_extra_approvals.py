"""第十六条 节能评估、规划选址、用地预审、环境影响评价 — not needed, unless new civil works or high energy use.

区级政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外.

One finding per approval (subjects ``energy_saving``, ``site_selection``, ``land_pre_review``,
``environmental_impact``):

* no exception reaches the approval: it is not needed — HOLDS when it was not sought; when it was sought or
  required (``approval.extra_approvals``), against "原则上不再进行", D23 decides: by default (``warns``) a NOTICE
  owed by 项目单位, not a breach — the list is "等" and qualified by "原则上", and a district document cannot
  dispense with an approval that 环境影响评价法 or 节约能源法 requires, so the unit is told the approval is in
  principle no longer done and that it should state why it is needed; option ``fails``: it FAILS, the note saying
  an exception 原则上 allows must be justified outside this library;
* an exception reaches the approval: the exemption does not apply and the approval follows its own rules
  (固定资产投资项目节能审查办法, 城乡规划法, 土地管理法, 环境影响评价法), which this library does not encode —
  NOT_APPLICABLE, the note listing the approvals that may be needed.

D22: by default either ground lifts the exemption for all four approvals (the text does not pair them); with
``paired`` new civil works reach 规划选址、用地预审、环境影响评价 and a high-energy project reaches 节能评估.

D13: an approval sought is judged on the day it was sought (``approval.extra_approvals[n].sought``); one sought
before the effective date is out of reach, and one whose day is not given cannot be placed (UNDETERMINED) when an
effective date is stated.

Encoded in part: the four approvals named are encoded; "等" leaves the list open to approvals of the same kind the
text does not name, which no fact can list; and whether an approval an exception brings back is then needed is
for its own law (固定资产投资项目节能审查办法, 城乡规划法, 土地管理法, 环境影响评价法), outside this regulation.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import CheckRole, Context, Label, Outcome, Status, rule
from tinghu_policy.facts import Approval, ExtraApproval
from tinghu_policy.interpretation import ExtraApprovalException, ExtraApprovalSought
from tinghu_policy.parties import Party

_NAMES = {kind: (kind.name_zh, kind.name_en) for kind in ExtraApproval}
_CIVIL_WORKS = ("涉及新建土建工程", "new civil works")
_HIGH_ENERGY = ("高耗能项目", "high-energy project")
PAIRED_GROUNDS = {
    ExtraApproval.ENERGY_SAVING: _HIGH_ENERGY,
    ExtraApproval.SITE_SELECTION: _CIVIL_WORKS,
    ExtraApproval.LAND_PRE_REVIEW: _CIVIL_WORKS,
    ExtraApproval.ENVIRONMENTAL_IMPACT: _CIVIL_WORKS,
}
"""D22 ``paired``: the ground that brings back each approval (节约能源法 for energy use; 城乡规划法, 土地管理法 and
环境影响评价法 for building works and land)."""


def _grounds(approval: Approval) -> list[tuple[str, str]]:
    """The exceptions the project's facts establish."""
    return [
        ground
        for ground, present in (
            (_CIVIL_WORKS, approval.new_civil_works),
            (_HIGH_ENERGY, approval.high_energy),
        )
        if present
    ]


@rule(
    "art16.extra_approvals",
    provision="art16.p1",
    title_zh="原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，新建土建工程、高耗能项目除外",
    title_en="No energy, site, land or environmental approval, unless new civil works or a high-energy project",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D22", "D23"),
)
def extra_approvals(ctx: Context) -> Iterator[Outcome]:
    """区级政务信息化项目原则上不再进行节能评估、规划选址、用地预审、环境影响评价等审批，涉及新建土建工程、高耗能项目的除外.

    D22 (default ``all_four``): either exception lifts the exemption for all four approvals (NOT_APPLICABLE: they
    follow their own laws); option ``paired``: new civil works reach 规划选址、用地预审、环境影响评价, a high-energy
    project 节能评估. D23 (default ``warns``): an approval no exception reaches that was still sought or required is
    a NOTICE to 项目单位 (原则上不再进行: state why it is needed), not a breach; option ``fails``: it FAILS.
    """
    approval = ctx.project.approval
    grounds = _grounds(approval)
    paired = ctx.interpretation.extra_approval_exception is ExtraApprovalException.PAIRED
    warns = ctx.interpretation.extra_approval_sought is ExtraApprovalSought.WARNS
    all_zh = "、".join(zh for zh, _ in _NAMES.values())
    all_en = ", ".join(en for _, en in _NAMES.values())
    sought_on = {  # an approval sought after as_of is not yet sought; one with no day is (it is in the facts)
        a.kind: (n, a.sought)
        for n, a in enumerate(approval.extra_approvals)
        if a.sought is None or ctx.known(a.sought) is not None
    }
    for kind, (zh, en) in _NAMES.items():
        reaching = [g for g in grounds if g == PAIRED_GROUNDS[kind]] if paired else grounds
        if reaching:
            may_zh, may_en = (zh, en) if paired else (all_zh, all_en)
            yield ctx.not_applicable(
                f"{'、'.join(g for g, _ in reaching)}，不适用免于审批；{zh}依其自身规定办理（可能需要：{may_zh}）"
                + ("（D22 按例外对应）" if paired else ""),
                f"exception ({', '.join(g for _, g in reaching)}): the exemption does not "
                f"apply; {en} follows its own rules (may be needed: {may_en})"
                + (" (D22 paired)" if paired else ""),
                subject=kind.value,
            )
            continue
        if grounds:  # D22 paired: a ground that does not reach this approval
            why_zh = f"{'、'.join(g for g, _ in grounds)}不涉及{zh}（D22 按例外对应）"
            why_en = f"{', '.join(g for _, g in grounds)} does not reach the {en} (D22 paired)"
        else:
            why_zh, why_en = "无新建土建工程、非高耗能项目", "no new civil works, not high-energy"
        sought = kind in sought_on
        if sought:
            n, day = sought_on[kind]
            act = Label(f"approval.extra_approvals[{n}].sought", f"要求或办理{zh}", f"{en} sought")
            if (skip := ctx.reaches(day, act, subject=kind.value)) is not None:
                yield skip
                continue
        label = Label("approval.extra_approvals", f"要求或办理{zh}", f"{en} sought")
        if sought and warns:
            yield Outcome(
                Status.NOTICE,
                checks=(ctx.expect(label, sought, required=False, role=CheckRole.CONTEXT),),
                subject=kind.value,
                note_zh=f"{why_zh}：原则上不再进行{zh}，但已要求或办理。本办法第十六条列举为“等”并以“原则上”限定，区级"
                f"文件不能免除法律要求的审批，故仅作提示、不认定违反（D23）；项目单位应说明确需办理{zh}的理由",
                note_en=f"{why_en}: in principle (原则上) no {en} is done any more, yet one was sought or required. "
                "The list is open (等) and qualified by 原则上, and a district document cannot dispense with an "
                "approval a law requires: a notice, not a breach (D23); the project unit should state why it is "
                "needed",
            )
            continue
        note_zh = f"{why_zh}：无需{zh}" + ("；原则上不再进行，确有例外须另行说明（D23）" if sought else "")
        note_en = f"{why_en}: no {en} needed" + (
            "; in principle (原则上) no longer done — an exception must be justified (D23)" if sought else ""
        )
        yield ctx.condition(
            ctx.expect(label, sought, required=False), subject=kind.value, note_zh=note_zh, note_en=note_en
        )
