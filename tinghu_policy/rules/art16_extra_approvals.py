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

from tinghu_policy.engine import CheckRole, Context, Label, Labels, Outcome, Status, Text, rule
from tinghu_policy.facts import Approval, ExtraApproval
from tinghu_policy.interpretation import ExtraApprovalException, ExtraApprovalSought
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art16_extra_approvals as say

_CIVIL_WORKS = say.CIVIL_WORKS
_HIGH_ENERGY = say.HIGH_ENERGY
_SUBJECTS = {kind: kind.value for kind in ExtraApproval}
_SOUGHT = {kind: Label("approval.extra_approvals", *say.sought(kind)) for kind in ExtraApproval}
_SOUGHT_ON = Labels(lambda key: Label(f"approval.extra_approvals[{key[0]}].sought", *say.sought(key[1])))
PAIRED_GROUNDS = {
    ExtraApproval.ENERGY_SAVING: _HIGH_ENERGY,
    ExtraApproval.SITE_SELECTION: _CIVIL_WORKS,
    ExtraApproval.LAND_PRE_REVIEW: _CIVIL_WORKS,
    ExtraApproval.ENVIRONMENTAL_IMPACT: _CIVIL_WORKS,
}
"""D22 ``paired``: the ground that brings back each approval (节约能源法 for energy use; 城乡规划法, 土地管理法 and
环境影响评价法 for building works and land)."""


def _grounds(approval: Approval) -> tuple[Text, ...]:
    """The exceptions the project's facts establish."""
    return tuple(
        ground
        for ground, present in (
            (_CIVIL_WORKS, approval.new_civil_works),
            (_HIGH_ENERGY, approval.high_energy),
        )
        if present
    )


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
    sought_on = {  # an approval sought after as_of is not yet sought; one with no day is (it is in the facts)
        a.kind: (n, a.sought)
        for n, a in enumerate(approval.extra_approvals)
        if a.sought is None or ctx.known(a.sought) is not None
    }
    for kind, subject in _SUBJECTS.items():
        reaching = tuple(g for g in grounds if g == PAIRED_GROUNDS[kind]) if paired else grounds
        if reaching:
            yield ctx.not_applicable((say.exception, kind, reaching, paired), subject=subject)
            continue
        sought = kind in sought_on
        if sought and ctx.effective is not None:
            n, day = sought_on[kind]
            if (skip := ctx.reaches(day, _SOUGHT_ON[n, kind], subject=subject)) is not None:
                yield skip
                continue
        label = _SOUGHT[kind]
        if sought and warns:
            yield Outcome(
                Status.NOTICE,
                checks=(ctx.expect(label, sought, required=False, role=CheckRole.CONTEXT),),
                subject=subject,
                note=(say.sought_anyway, kind, grounds),
            )
            continue
        yield ctx.condition(
            ctx.expect(label, sought, required=False),
            subject=subject,
            note=(say.not_needed, kind, grounds, sought),
        )
