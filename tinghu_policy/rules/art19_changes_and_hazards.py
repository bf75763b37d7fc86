"""第十九条 项目实施过程监管 — a major change or security hazard during implementation is filed with 区数据局 "及时"
(D11).

Encoded in part: the rest of the paragraph (建立健全项目管理制度, 加强全过程统筹协调, 监督执行效果, 组织验收评价,
自行组织或选择监理服务) asks for arrangements the text does not measure; the filing is the part a project's facts can
decide (``provisions/status.yaml`` lists the rest under ``encoded_in_part``).

Each incident in ``implementation.incidents`` gets its own finding, subject ``incident N`` (its place in the list,
from 1), once it has happened on ``as_of``. "在实施过程中" is checked, not assumed: implementation runs from the start
of works (``implementation.works_started``; with D24 ``approved``, from the approval) to completion
(``acceptance.completed``, 建成, D16), both days included. An incident before that span (a change to the plans
before works begin) or after it (in operation: art. 39 covers a social-capital project's incidents then) is not
art. 19's: NOT_APPLICABLE for that incident, the note saying on which side of the span it fell. Works not yet
started on the incident's day (no start recorded by ``as_of``) put it before implementation.

"及时" is read by :meth:`~tinghu_policy.engine.Context.timely`, the one reading of "及时" (D11) the rules of
art. 19, 24, 25 and 39 share.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import CheckRole, Context, Label, Labels, Outcome, Relation, Status, rule
from tinghu_policy.facts import Incident
from tinghu_policy.interpretation import ImplementationStart
from tinghu_policy.parties import Party
from tinghu_policy.rules.art20_21_security import implementation_started
from tinghu_policy.rules.wording import art19_changes_and_hazards as say

_APPROVED = Label("approval.approved", "项目批复（实施开始，D24）", "approval (implementation starts, D24)")
_WORKS = Label(
    "implementation.works_started", "开工建设（实施开始）", "start of works (implementation starts)"
)
_OCCURRED = Labels(lambda n: Label(f"implementation.incidents[{n}].occurred", "出现日期", "the day it arose"))
_AROSE = Labels(lambda key: Label(f"implementation.incidents[{key[0]}].occurred", *say.arose(key[1])))
_FILED = Labels(
    lambda n: Label(
        f"implementation.incidents[{n}].filed_with_data_bureau",
        "报区数据局备案",
        "filed with the data bureau",
    )
)


def _outside(ctx: Context, n: int, incident: Incident) -> Outcome | None:
    """NOT_APPLICABLE when the incident fell before implementation began or after completion (D24, D16)."""
    subject = f"incident {n + 1}"
    started = implementation_started(ctx)
    approved = ctx.interpretation.implementation_start is ImplementationStart.APPROVED
    start = _APPROVED if approved else _WORKS
    occurred = _OCCURRED[n]
    if started is None or incident.occurred < started:
        shown = (
            ()
            if started is None
            else (
                ctx.check(occurred, Relation.ON_OR_AFTER, started, incident.occurred, role=CheckRole.CONTEXT),
            )
        )
        return Outcome(
            Status.NOT_APPLICABLE,
            checks=shown,
            subject=subject,
            note=(say.before_implementation, incident.kind, incident.occurred, start, started),
        )
    completed = ctx.known(ctx.project.acceptance.completed)
    if completed is not None and incident.occurred > completed:
        return Outcome(
            Status.NOT_APPLICABLE,
            checks=(
                ctx.check(
                    occurred, Relation.ON_OR_BEFORE, completed, incident.occurred, role=CheckRole.CONTEXT
                ),
            ),
            subject=subject,
            note=(say.after_completion, incident.kind, incident.occurred, completed),
        )
    return None


# 第十九条 ————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art19.incident_filed",
    provision="art19.p1",
    title_zh="实施过程中出现重大变更或安全隐患，项目单位及时报区数据局备案",
    title_en="A major change or security hazard during implementation is filed with the data bureau in time",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D11", "D12", "D13", "D24"),
)
def incident_filed(ctx: Context) -> Iterator[Outcome]:
    """若在实施过程中出现重大变更或安全隐患，项目单位应及时报区数据局备案.

    D11: "及时" has a due date only when ``timely_within_working_days`` is set (see :meth:`Context.timely`).
    D24: only an incident between the start of implementation and completion (建成) is art. 19's.
    """
    known = [(n, i) for n, i in enumerate(ctx.project.implementation.incidents) if ctx.known(i.occurred)]
    if not known:
        yield ctx.not_applicable(say.NO_INCIDENT)
        return
    for n, incident in known:
        if (outside := _outside(ctx, n, incident)) is not None:
            yield outside
            continue
        yield ctx.timely(
            incident.occurred,
            incident.filed_with_data_bureau,
            start_label=_AROSE[n, incident.kind],
            done_label=_FILED[n],
            subject=f"incident {n + 1}",
        )
