"""第十九条 项目实施过程监管 — a major change or security hazard is filed with 区数据局 "及时" (D11).

The rest of the paragraph (项目管理制度, 全过程统筹协调, 监理) asks for arrangements the text does not measure; the
filing is the part a project's facts can decide. Every incident in ``implementation.incidents`` is one that arose
during implementation (the field's meaning); each gets its own finding, subject ``incident N`` (its place in the
list, from 1), once it has happened on ``as_of``.

:func:`timely` is the one reading of "及时"/"适时" (D11) the rules of art. 19, 24 and 25 share.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, Relation, Status, rule
from tinghu_policy.facts import IncidentKind
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkingDays

_KINDS = {
    IncidentKind.MAJOR_CHANGE: ("重大变更", "major change"),
    IncidentKind.SECURITY_HAZARD: ("安全隐患", "security hazard"),
}


def timely(
    ctx: Context,
    start: date | None,
    done: date | None,
    *,
    start_label: Label,
    done_label: Label,
    subject: str | None = None,
) -> Outcome:
    """A duty to act "及时" (or "适时") after the event on ``start`` — D11.

    The text gives no number, so a due date exists only when the caller sets
    ``interpretation.timely_within_working_days`` (n): then the duty is due n working days after ``start``
    (D1, D2) and is MET / LATE / OVERDUE / PENDING as any deadline. Without it:

    * done (on or before ``as_of``) → HOLDS: the duty was performed; with no due date it cannot be late;
    * not done → PENDING with no due date: an open duty that a date-less text cannot make overdue (never FAILS,
      which would claim a breach the text does not establish).

    ``start`` None means the event's date is not given: with n set the clock cannot be computed (UNDETERMINED).
    An event before the effective date (D13) is out of the regulation's reach.
    """
    effective = ctx.interpretation.effective_date
    if start is not None and effective is not None and start < effective:
        return ctx.not_applicable(
            f"{start_label.zh} {start} 早于本办法施行日期 {effective}（D13）",
            f"{start_label.en} {start} is before the regulation took effect on {effective} (D13)",
            subject=subject,
        )
    n = ctx.interpretation.timely_within_working_days
    if n is not None:
        if start is None:
            return Outcome(
                Status.UNDETERMINED,
                missing=(start_label.fact,),
                subject=subject,
                note_zh=f"已配置“及时”为{n}个工作日（D11），但缺少起算日期：{start_label.zh}",
                note_en=f"'timely' is set to {n} working days (D11) but the start is not given: {start_label.en}",
            )
        outcome = ctx.within(
            start, WorkingDays(n), done, start_label=start_label, done_label=done_label, subject=subject
        )
        outcome.note_zh = outcome.note_zh.rstrip("。") + f"；“及时”按使用者配置的{n}个工作日计算（D11）"
        outcome.note_en = (
            outcome.note_en.rstrip(".") + f"; 'timely' read as {n} working days as configured (D11)"
        )
        return outcome
    done = ctx.known(done)
    since_zh = f"{start_label.zh} {start}" if start is not None else f"{start_label.zh}（日期未提供）"
    since_en = f"{start_label.en} {start}" if start is not None else f"{start_label.en} (date not given)"
    if done is not None:
        return Outcome(
            Status.HOLDS,
            checks=(ctx.check(done_label, Relation.ON_OR_AFTER, start, done),) if start is not None else (),
            subject=subject,
            note_zh=f"{since_zh}；已于 {done} {done_label.zh}；“及时”未规定期限（D11），不判断是否逾期",
            note_en=f"{since_en}; {done_label.en} on {done}; 'timely' has no number (D11), so it cannot be late",
        )
    return Outcome(
        Status.PENDING,
        subject=subject,
        note_zh=f"{since_zh}；尚未{done_label.zh}；“及时”未规定期限（D11），未配置期限时无到期日、不认定逾期"
        "（可设置 timely_within_working_days）",
        note_en=f"{since_en}; not yet {done_label.en}; 'timely' has no number (D11): no due date, never overdue "
        "unless timely_within_working_days is set",
    )


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

    D11: "及时" has a due date only when ``timely_within_working_days`` is set (see :func:`timely`).
    """
    known = [(n, i) for n, i in enumerate(ctx.project.implementation.incidents) if ctx.known(i.occurred)]
    if not known:
        yield ctx.not_applicable(
            "实施过程中未出现重大变更或安全隐患", "no major change or security hazard has arisen"
        )
        return
    for n, incident in known:
        zh, en = _KINDS[incident.kind]
        yield timely(
            ctx,
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
