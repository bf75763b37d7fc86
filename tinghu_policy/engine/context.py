"""What a rule is given (the facts, the date, the interpretation, the calendar) and the outcomes it returns.

Facts dated after ``as_of`` are not yet known on that date: :meth:`Context.known` hides them, and the deadline
helpers use it, so a report as of a past date shows what could be seen on that date. A clock started before the
regulation's effective date (D13, when the caller states one) is out of its reach.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tinghu_policy.engine.findings import Check, Relation, Status, Value
from tinghu_policy.engine.rule import Rule
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.parties import Party
from tinghu_policy.periods import Deadline, Period, WorkCalendar, deadline


@dataclass(slots=True)
class Outcome:
    """What a rule returns; the engine adds the rule's id, provision, parties and citations."""

    status: Status
    due: date | None = None
    checks: tuple[Check, ...] = ()
    missing: tuple[str, ...] = ()
    subject: str | None = None
    note_zh: str = ""
    note_en: str = ""
    provisional: bool = False
    owed_by: Party | None = None
    """Overrides the rule's party (e.g. the lead department of a cross-department project)."""


Outcomes = Outcome | Iterable[Outcome]


@dataclass(frozen=True, slots=True)
class Label:
    """A fact's path in the project and its names, as a check shows them."""

    fact: str
    zh: str
    en: str


_COMPARE = {
    Relation.ON_OR_BEFORE: lambda a, r: a <= r,
    Relation.BEFORE: lambda a, r: a < r,
    Relation.ON_OR_AFTER: lambda a, r: a >= r,
    Relation.AFTER: lambda a, r: a > r,
    Relation.EQUALS: lambda a, r: a == r,
    Relation.NOT_EQUALS: lambda a, r: a != r,
}


class Context:
    """The inputs of one rule run, and helpers that turn facts into outcomes."""

    __slots__ = ("as_of", "calendar", "interpretation", "project", "rule")

    def __init__(
        self,
        project: Project,
        as_of: date,
        interpretation: Interpretation,
        calendar: WorkCalendar,
        rule: Rule,
    ) -> None:
        self.project = project
        self.as_of = as_of
        self.interpretation = interpretation
        self.calendar = calendar
        self.rule = rule

    def known(self, day: date | None) -> date | None:
        """``day`` if it is on or before ``as_of``, else None: an event not yet happened on that date."""
        return day if day is not None and day <= self.as_of else None

    # --- checks ---------------------------------------------------------------------------------------------

    def check(
        self,
        label: Label,
        relation: Relation,
        required: Value | None,
        actual: Value | None,
        *,
        provision: str | None = None,
    ) -> Check:
        """Compare a fact with a requirement; ``ok`` is None when the fact is missing."""
        ok = None if actual is None or required is None else bool(_COMPARE[relation](actual, required))
        return Check.model_construct(
            provision=provision or self.rule.provision,
            fact=label.fact,
            label_zh=label.zh,
            label_en=label.en,
            relation=relation,
            required=required,
            actual=actual,
            ok=ok,
        )

    def expect(
        self, label: Label, actual: bool | None, required: bool = True, *, provision: str | None = None
    ) -> Check:
        """A yes/no fact that must be ``required``."""
        return self.check(label, Relation.EQUALS, required, actual, provision=provision)

    # --- outcomes -------------------------------------------------------------------------------------------

    def not_applicable(self, note_zh: str, note_en: str, *, subject: str | None = None) -> Outcome:
        return Outcome(Status.NOT_APPLICABLE, subject=subject, note_zh=note_zh, note_en=note_en)

    def condition(
        self,
        *checks: Check,
        subject: str | None = None,
        note_zh: str = "",
        note_en: str = "",
        owed_by: Party | None = None,
    ) -> Outcome:
        """FAILS if a check fails, else UNDETERMINED if a fact is missing, else HOLDS."""
        if any(c.ok is False for c in checks):
            status = Status.FAILS
        elif any(c.ok is None for c in checks):
            status = Status.UNDETERMINED
        else:
            status = Status.HOLDS
        missing = tuple(c.fact for c in checks if c.ok is None)
        return Outcome(
            status,
            checks=checks,
            missing=missing if status is Status.UNDETERMINED else (),
            subject=subject,
            note_zh=note_zh,
            note_en=note_en,
            owed_by=owed_by,
        )

    def deadline(self, start: date, period: Period) -> Deadline:
        """The period's last day under this run's calendar and interpretation."""
        return deadline(start, period, calendar=self.calendar, interpretation=self.interpretation)

    def due_by(
        self,
        due: date,
        done: date | None,
        label: Label,
        *,
        subject: str | None = None,
        note_zh: str = "",
        note_en: str = "",
        provisional: bool = False,
        owed_by: Party | None = None,
    ) -> Outcome:
        """MET / LATE if ``done`` (as known on ``as_of``), else OVERDUE once ``as_of`` is past ``due``, else PENDING."""
        done = self.known(done)
        if done is not None:
            status = Status.MET if done <= due else Status.LATE
        else:
            status = Status.OVERDUE if self.as_of > due else Status.PENDING
        return Outcome(
            status,
            due=due,
            checks=(self.check(label, Relation.ON_OR_BEFORE, due, done),),
            subject=subject,
            note_zh=note_zh,
            note_en=note_en,
            provisional=provisional,
            owed_by=owed_by,
        )

    def within(
        self,
        start: date | None,
        period: Period,
        done: date | None,
        *,
        start_label: Label,
        done_label: Label,
        subject: str | None = None,
        owed_by: Party | None = None,
    ) -> Outcome:
        """A duty to act within ``period`` of ``start``: NOT_APPLICABLE until ``start`` has happened."""
        start = self.known(start)
        if start is None:
            return self.not_applicable(
                f"起算事实尚未发生：{start_label.zh}",
                f"the clock has not started: no {start_label.en}",
                subject=subject,
            )
        effective = self.interpretation.effective_date
        if effective is not None and start < effective:
            return self.not_applicable(
                f"{start_label.zh} {start} 早于本办法施行日期 {effective}（D13）",
                f"{start_label.en} {start} is before the regulation took effect on {effective} (D13)",
                subject=subject,
            )
        limit = self.deadline(start, period)
        return self.due_by(
            limit.due,
            done,
            done_label,
            subject=subject,
            provisional=limit.provisional,
            owed_by=owed_by,
            note_zh=f"起算：{start_label.zh} {start}，{period.label_zh}；{limit.explanation_zh}",
            note_en=f"from {start_label.en} {start}, {period.label_en}; {limit.explanation_en}",
        )
