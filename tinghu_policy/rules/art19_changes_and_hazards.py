"""第十九条 项目实施过程监管 — a major change or security hazard is filed with 区数据局 "及时" (D11).

The rest of the paragraph (项目管理制度, 全过程统筹协调, 监理) asks for arrangements the text does not measure; the
filing is the part a project's facts can decide. Every incident in ``implementation.incidents`` is one that arose
during implementation (the field's meaning); each gets its own finding, subject ``incident N`` (its place in the
list, from 1), once it has happened on ``as_of``.

"及时" is read by :meth:`~tinghu_policy.engine.Context.timely`, the one reading of "及时"/"适时" (D11) the
rules of art. 19, 24, 25 and 39 share.
"""

from __future__ import annotations

from collections.abc import Iterator

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.parties import Party


# 第十九条 ————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art19.incident_filed",
    provision="art19.p1",
    title_zh="实施过程中出现重大变更或安全隐患，项目单位及时报区数据局备案",
    title_en="A major change or security hazard during implementation is filed with the data bureau in time",
    owed_by=Party.PROJECT_UNIT,
    to=(Party.DATA_BUREAU,),
    decisions=("D1", "D2", "D11", "D12", "D13"),
)
def incident_filed(ctx: Context) -> Iterator[Outcome]:
    """若在实施过程中出现重大变更或安全隐患，项目单位应及时报区数据局备案.

    D11: "及时" has a due date only when ``timely_within_working_days`` is set (see :meth:`Context.timely`).
    """
    known = [(n, i) for n, i in enumerate(ctx.project.implementation.incidents) if ctx.known(i.occurred)]
    if not known:
        yield ctx.not_applicable(
            "实施过程中未出现重大变更或安全隐患", "no major change or security hazard has arisen"
        )
        return
    for n, incident in known:
        zh, en = incident.kind.name_zh, incident.kind.name_en
        yield ctx.timely(
            incident.occurred,
            incident.filed_with_data_bureau,
            start_label=Label(f"implementation.incidents[{n}].occurred", f"出现{zh}", f"{en} arose"),
            done_label=Label(
                f"implementation.incidents[{n}].filed_with_data_bureau",
                "报区数据局备案",
                "filed with the data bureau",
            ),
            subject=f"incident {n + 1}",
        )
