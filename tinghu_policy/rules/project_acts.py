"""The project's own acts that rules without a date of their own are anchored to, for non-retroactivity (D13).

A yes/no fact (a condition of art. 8, an APP's connection, a shared project's joint design) has no date: it
describes the project as it was applied for or approved. A rule judging it judges that act, so the act's date
decides whether the regulation reaches it (:meth:`~tinghu_policy.engine.Context.reaches`):

* :func:`application` — the latest application (review round) received by ``as_of``: what 申报 conditions judge;
* :func:`decision` — the approval, or before it the latest application: what a rule on the project as built judges.

With no such act yet there is nothing before the effective date, so the rule runs as usual.
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Context, Label, Labels, Outcome

_APPLICATION = Labels(lambda n: Label(f"review[{n}].received", "申报（区数据局收到申请）", "the application"))
_APPROVAL = Label("approval.approved", "项目审批", "the approval")


def latest_application(ctx: Context) -> tuple[int, date] | None:
    """The index and receipt date of the last review round received by ``as_of`` (found once per evaluation)."""
    memo = ctx.memo
    if latest_application in memo:
        known: tuple[int, date] | None = memo[latest_application]
        return known
    found = None
    for n, round_ in enumerate(ctx.project.review):
        if ctx.known(round_.received) is not None:
            found = (n, round_.received)
    memo[latest_application] = found
    return found


def application(ctx: Context, *, subject: str | None = None) -> Outcome | None:
    """D13 for a rule judging the application (申报): out of reach when it was received before the effective
    date."""
    if ctx.effective is None:
        return None
    latest = latest_application(ctx)
    if latest is None:
        return None
    n, received = latest
    return ctx.reaches(received, _APPLICATION[n], subject=subject)


def decision(ctx: Context, *, subject: str | None = None) -> Outcome | None:
    """D13 for a rule judging the project as decided: the approval, or before it the latest application."""
    if ctx.effective is None:
        return None
    approved = ctx.known(ctx.project.approval.approved)
    if approved is not None:
        return ctx.reaches(approved, _APPROVAL, subject=subject)
    return application(ctx, subject=subject)
