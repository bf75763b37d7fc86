"""What a rule is given (the facts, the date, the interpretation, the calendar) and the outcomes it returns.

Facts dated after ``as_of`` are not yet known on that date: :meth:`Context.known` hides them, and the deadline
helpers use it, so a report as of a past date shows what could be seen on that date.

Non-retroactivity (D13, 立法法 第一百零四条): every rule judges an act, and an act done before the regulation's
effective date (when the caller states one) is not judged — :meth:`Context.reaches` is the one test, used by every
rule for the act it judges (a clock's start, a filing, a blocked act, a step of a procedure).

A due date beyond the official working-day data (D12) is never guessed: :meth:`Context.within` answers from the
earliest day the due date can be (met before it, pending until it) and otherwise says UNDETERMINED, naming the year
whose State Council arrangement is missing and how to supply it. When the caller asks for an estimate (D12
``statutory_estimate`` or ``provisional``), the outcome is marked provisional with the years estimated
(``Outcome.estimated_years``); an outcome a rule marks provisional without naming them gets the years of the
deadlines the rule computed (:attr:`Context.estimated`).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple, TypeVar

from tinghu_policy.engine.findings import Check, CheckRole, Relation, Status, Value, built
from tinghu_policy.engine.rule import Rule
from tinghu_policy.errors import CalendarCoverageError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence
from tinghu_policy.parties import Party
from tinghu_policy.periods import (
    Deadline,
    Period,
    WorkCalendar,
    WorkingDays,
    YearEnd,
    deadline,
    period_limit,
    year_end,
)


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
    estimated_years: tuple[int, ...] = ()
    """With ``provisional``: the years beyond the calendar data whose rest days were estimated (D12)."""


Outcomes = Outcome | Iterable[Outcome]


class Label(NamedTuple):
    """A fact's path in the project and its names, as a check shows them (a tuple: rules build many)."""

    fact: str
    zh: str
    en: str


_COMPARE = {
    Relation.ON_OR_BEFORE: operator.le,
    Relation.BEFORE: operator.lt,
    Relation.ON_OR_AFTER: operator.ge,
    Relation.AFTER: operator.gt,
    Relation.EQUALS: operator.eq,
    Relation.NOT_EQUALS: operator.ne,
}
"""How ``actual`` must compare with ``required``: ``_COMPARE[relation](actual, required)``."""


_T = TypeVar("_T")


class Context:
    """The inputs of one rule run, and helpers that turn facts into outcomes."""

    __slots__ = ("as_of", "calendar", "estimated", "interpretation", "project", "rule")

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
        self.estimated: set[int] = set()
        """The years beyond the calendar data estimated by the deadlines of this rule run (D12); the engine clears
        it before each rule."""

    def known(self, day: date | None) -> date | None:
        """``day`` if it is on or before ``as_of``, else None: an event not yet happened on that date."""
        return day if day is not None and day <= self.as_of else None

    def approved_term(self, value: _T | None) -> _T | None:
        """A term the approval sets (approved budget, approved completion date): known once the approval is.

        An approval without a date cannot be placed in time, so its terms are taken as known.
        """
        approved = self.project.approval.approved
        return value if approved is None or approved <= self.as_of else None

    @property
    def before(self) -> Relation:
        """D17: how an act's date compares with the act it must precede (开工前, 经…后方可, 未经…不得) — on or
        before it (default ``same_day_counts``), or strictly before it (``earlier_day``)."""
        same_day = self.interpretation.same_day_precedence is SameDayPrecedence.SAME_DAY_COUNTS
        return Relation.ON_OR_BEFORE if same_day else Relation.BEFORE

    @property
    def after(self) -> Relation:
        """D17: how an act's date compares with the act it must follow — on or after it, or strictly after it."""
        same_day = self.interpretation.same_day_precedence is SameDayPrecedence.SAME_DAY_COUNTS
        return Relation.ON_OR_AFTER if same_day else Relation.AFTER

    def reaches(self, day: date | None, label: Label, *, subject: str | None = None) -> Outcome | None:
        """None when the regulation reaches the act ``label`` names, done on ``day``; else the finding that it does
        not (D13, 立法法 第一百零四条 — 法律不溯及既往).

        With no effective date stated, every act is reached. An act before it is NOT_APPLICABLE, its date compared
        with the effective date in a context check. ``day`` None means the act happened but its date is not given:
        with an effective date stated that cannot be placed, so the finding is UNDETERMINED naming the date.
        """
        effective = self.interpretation.effective_date
        if effective is None or (day is not None and day >= effective):
            return None
        if day is None:
            return Outcome(
                Status.UNDETERMINED,
                missing=(label.fact,),
                subject=subject,
                note_zh=f"未提供{label.zh}的日期，无法判断该行为是否发生在本办法施行（{effective}）之后（D13）",
                note_en=f"the date of {label.en} is not given: it cannot be placed before or after the regulation "
                f"took effect on {effective} (D13)",
            )
        return Outcome(
            Status.NOT_APPLICABLE,
            checks=(self.check(label, Relation.ON_OR_AFTER, effective, day, role=CheckRole.CONTEXT),),
            subject=subject,
            note_zh=f"{label.zh}发生于{day}，早于本办法施行日期{effective}。法律不溯及既往（立法法第一百零四条），"
            "本办法不适用于施行前的行为（D13）",
            note_en=f"{label.en} happened on {day}, before the regulation took effect on {effective}; law does not "
            "reach back (Legislation Law art. 104): acts before the effective date are not judged (D13)",
        )

    def reaches_derived(self, day: date, zh: str, en: str, *, subject: str | None = None) -> Outcome | None:
        """As :meth:`reaches` for a day derived from the facts rather than given (art. 24: the first day over a
        limit): the day and the effective date are shown in the note, as there is no fact to point a check at."""
        effective = self.interpretation.effective_date
        if effective is None or day >= effective:
            return None
        return self.not_applicable(
            f"{zh}为{day}，早于本办法施行日期{effective}。法律不溯及既往（立法法第一百零四条），本办法不适用于施行前"
            "的事实（D13）",
            f"{en} is {day}, before the regulation took effect on {effective}; law does not reach back (Legislation "
            "Law art. 104) (D13)",
            subject=subject,
        )

    # --- checks ---------------------------------------------------------------------------------------------

    def check(
        self,
        label: Label,
        relation: Relation,
        required: Value | None,
        actual: Value | None,
        *,
        provision: str | None = None,
        role: CheckRole = CheckRole.REQUIREMENT,
    ) -> Check:
        """Compare a fact with a requirement; ``ok`` is None when the fact is missing."""
        ok = None if actual is None or required is None else bool(_COMPARE[relation](actual, required))
        return built(
            Check,
            {
                "provision": provision or self.rule.provision,
                "fact": label.fact,
                "label_zh": label.zh,
                "label_en": label.en,
                "relation": relation,
                "required": required,
                "actual": actual,
                "ok": ok,
                "role": role,
            },
        )

    def expect(
        self,
        label: Label,
        actual: bool | None,
        required: bool = True,
        *,
        provision: str | None = None,
        role: CheckRole = CheckRole.REQUIREMENT,
    ) -> Check:
        """A yes/no fact that must be ``required`` (with ``role`` CONTEXT: shown for what it is)."""
        return self.check(label, Relation.EQUALS, required, actual, provision=provision, role=role)

    def clock_start(self, label: Label, day: date) -> Check:
        """The fact a clock runs from, shown with its path and date (it happened by ``as_of``): "起算：DAY LABEL".

        A deadline's first check, so that its explanation names the fact behind the start as well as the fact
        that meets it. Where the start is derived (art. 24: the first day over a limit) the rule shows the fact it
        is derived from instead.
        """
        return self.check(label, Relation.ON_OR_BEFORE, self.as_of, day, role=CheckRole.START)

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
        """FAILS if a check fails, else UNDETERMINED if a fact is missing, else HOLDS; context checks are shown
        and decide nothing."""
        deciding = [c for c in checks if c.role is not CheckRole.CONTEXT]
        oks = [c.ok for c in deciding]  # True, False or None
        missing: tuple[str, ...] = ()
        if False in oks:
            status = Status.FAILS
        elif None in oks:
            status = Status.UNDETERMINED
            missing = tuple(c.fact for c in deciding if c.ok is None)
        else:
            status = Status.HOLDS
        return Outcome(
            status,
            checks=checks,
            missing=missing,
            subject=subject,
            note_zh=note_zh,
            note_en=note_en,
            owed_by=owed_by,
        )

    def deadline(self, start: date, period: Period) -> Deadline:
        """The period's last day under this run's calendar and interpretation."""
        return self._noted(_explained(start, period, self.calendar, self.interpretation)).deadline

    def limit(self, start: date, period: Period) -> Explained:
        """The day ``period`` after ``start`` is complete, never rolled over (D5), with its explanations."""
        return self._noted(_explained(start, period, self.calendar, self.interpretation, limit=True))

    def year_end(self, year: int) -> Explained:
        """每年年底前 of ``year`` (D6), with its explanations."""
        return self._noted(_explained(date(year, 1, 1), YearEnd(year), self.calendar, self.interpretation))

    def _noted(self, made: Explained) -> Explained:
        """``made``, its estimated years (D12) added to :attr:`estimated`."""
        if made.deadline.estimated_years:
            self.estimated.update(made.deadline.estimated_years)
        return made

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
        started: Check | None = None,
        estimated_years: tuple[int, ...] = (),
    ) -> Outcome:
        """MET / LATE if ``done`` (as known on ``as_of``), else OVERDUE once ``as_of`` is past ``due``, else PENDING.

        ``started``: the check showing where the clock ran from (:meth:`clock_start`), shown first.
        ``provisional`` with ``estimated_years``: ``due`` rests on estimated years (D12, the deadline's
        ``estimated_years``).
        """
        done = self.known(done)
        if done is not None:
            status = Status.MET if done <= due else Status.LATE
        else:
            status = Status.OVERDUE if self.as_of > due else Status.PENDING
        met = self.check(label, Relation.ON_OR_BEFORE, due, done)
        return Outcome(
            status,
            due=due,
            checks=(met,) if started is None else (started, met),
            subject=subject,
            note_zh=note_zh,
            note_en=note_en,
            provisional=provisional,
            owed_by=owed_by,
            estimated_years=estimated_years,
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
        started: Check | None = None,
    ) -> Outcome:
        """A duty to act within ``period`` of ``start``: NOT_APPLICABLE until ``start`` has happened.

        The outcome's checks show the start (``started``, by default :meth:`clock_start` of ``start_label``) and
        the act that meets the duty.
        """
        start = self.known(start)
        if start is None:
            return self.not_applicable(
                f"起算事实尚未发生：{start_label.zh}",
                f"the clock has not started: no {start_label.en}",
                subject=subject,
            )
        if (outside := self.reaches(start, start_label, subject=subject)) is not None:
            return outside
        if started is None:
            started = self.clock_start(start_label, start)
        try:
            limit, explanation_zh, explanation_en = self._noted(
                _explained(start, period, self.calendar, self.interpretation)
            )
        except CalendarCoverageError as gap:
            return self._beyond_calendar(
                start, period, done, gap, start_label, started, done_label, subject, owed_by
            )
        return self.due_by(
            limit.due,
            done,
            done_label,
            subject=subject,
            provisional=limit.provisional,
            estimated_years=limit.estimated_years,
            owed_by=owed_by,
            started=started,
            note_zh=f"{period.label_zh}：{explanation_zh}",
            note_en=f"{period.label_en}: {explanation_en}",
        )

    def timely(
        self,
        start: date | None,
        done: date | None,
        *,
        start_label: Label,
        done_label: Label,
        subject: str | None = None,
        started: Check | None = None,
        must_follow: bool = True,
    ) -> Outcome:
        """A duty to act "及时" after the event on ``start`` — D11.

        The text gives no number, so a due date exists only when the caller sets
        ``interpretation.timely_within_working_days`` (n): then the duty is due n working days after ``start``
        (D1, D2) and is MET / LATE / OVERDUE / PENDING as any deadline. Without it:

        * done (on or before ``as_of``) → HOLDS: the duty was performed; with no due date it cannot be late;
        * not done → PENDING with no due date: an open duty that a date-less text cannot make overdue (never FAILS,
          which would claim a breach the text does not establish).

        With ``must_follow`` (a report, a filing), an act dated before the event does not answer it (a report
        cannot be about what had not yet happened): it is shown as context and the duty stays open; without it (a
        payment: art. 25's surplus returned before the final accounts) an earlier act discharges the duty. A
        ``started`` check for a derived start (art. 24) leaves the derived day to the note. ``start`` None means the event happened but its date is not
        given: with n set the clock cannot be computed (UNDETERMINED). An event before the effective date (D13) is
        out of the regulation's reach. ``started`` as in :meth:`within`.
        """
        if (outside := self.reaches(start, start_label, subject=subject)) is not None:
            return outside
        done = self.known(done)
        early: tuple[Check, ...] = ()
        if must_follow and done is not None and start is not None and done < start:
            early = (self.check(done_label, Relation.ON_OR_AFTER, start, done, role=CheckRole.CONTEXT),)
            done = None
        n = self.interpretation.timely_within_working_days
        if n is not None:
            if start is None:
                return Outcome(
                    Status.UNDETERMINED,
                    missing=(start_label.fact,),
                    subject=subject,
                    note_zh=f"已配置“及时”为{n}个工作日（D11），但缺少起算日期：{start_label.zh}",
                    note_en=f"'timely' is set to {n} working days (D11) but the start is not given: {start_label.en}",
                )
            outcome = self.within(
                start,
                WorkingDays(n),
                done,
                start_label=start_label,
                done_label=done_label,
                subject=subject,
                started=started,
            )
            outcome.checks += early
            outcome.note_zh = outcome.note_zh.rstrip("。") + f"；“及时”按使用者配置的{n}个工作日计算（D11）"
            outcome.note_en = (
                outcome.note_en.rstrip(".") + f"; 'timely' read as {n} working days as configured (D11)"
            )
            return outcome
        shown = () if start is None else (started or self.clock_start(start_label, start),)
        if start is None:
            since_zh, since_en = (
                f"{start_label.zh}的日期未提供；",
                f"the date of {start_label.en} is not given; ",
            )
        elif started is not None:  # a derived start: its day is shown here, its source in the check
            since_zh, since_en = f"{start_label.zh}：{start}；", f"{start_label.en}: {start}; "
        else:
            since_zh = since_en = ""
        unset_zh = "“及时”未规定期限（D11）"
        unset_en = "'timely' has no number (D11)"
        if done is not None:
            after = (
                ()
                if start is None or not must_follow
                else (self.check(done_label, Relation.ON_OR_AFTER, start, done),)
            )
            return Outcome(
                Status.HOLDS,
                checks=(*shown, *after),
                subject=subject,
                note_zh=f"{since_zh}已于{done}{done_label.zh}；{unset_zh}，不判断是否逾期",
                note_en=f"{since_en}{done_label.en} on {done}; {unset_en}, so it cannot be late",
            )
        before_zh = f"{early[0].actual}的{done_label.zh}早于该事实，不能视为已履行；" if early else ""
        before_en = (
            f"the {done_label.en} of {early[0].actual} predates the event and does not count; "
            if early
            else ""
        )
        return Outcome(
            Status.PENDING,
            checks=(*shown, *early),
            subject=subject,
            note_zh=f"{since_zh}{before_zh}尚未{done_label.zh}；{unset_zh}，未配置期限时无到期日、不认定逾期"
            "（可设置 timely_within_working_days）",
            note_en=f"{since_en}{before_en}not yet {done_label.en}; {unset_en}: no due date, never overdue "
            "unless timely_within_working_days is set",
        )

    def _beyond_calendar(
        self,
        start: date,
        period: Period,
        done: date | None,
        gap: CalendarCoverageError,
        start_label: Label,
        started: Check,
        done_label: Label,
        subject: str | None,
        owed_by: Party | None,
    ) -> Outcome:
        """The answer a due date beyond the calendar data still allows, never a guess (D12).

        The due date is at least the period's limit day (a rest-day rollover only moves it later; n working days
        take at least n calendar days): done by then is MET, and an undone duty is PENDING until then.
        """
        lowest = _earliest_due(start, period, self.calendar, self.interpretation)
        done = self.known(done)
        where_zh = f"起算：{start_label.zh}（{start_label.fact}）{start}，{period.label_zh}；期限不早于 {lowest}，确切日期需要{gap.year}年的官方节假日安排（D12）"
        where_en = f"from {start_label.en} ({start_label.fact}) {start}, {period.label_en}; due no earlier than {lowest}, the exact day needs the {gap.year} official arrangement (D12)"
        supply_zh = (
            f"可将{gap.year}年国务院办公厅节假日安排通知作为日历叠加文件提供（--calendar-overlay），"
            "或选用解释决定D12的 statutory_estimate，按法定节假日估算，结论为临时结果"
        )
        if done is not None and done <= lowest:
            status = Status.MET
        elif done is None and self.as_of <= lowest:
            status = Status.PENDING
        else:
            return Outcome(
                Status.UNDETERMINED,
                checks=(started,),
                missing=(f"calendar:{gap.year}",),
                subject=subject,
                note_zh=f"{where_zh}；{supply_zh}",
                note_en=f"{where_en}; {gap}",
                owed_by=owed_by,
            )
        return Outcome(
            status,
            checks=(started, self.check(done_label, Relation.ON_OR_BEFORE, lowest, done)),
            subject=subject,
            note_zh=where_zh,
            note_en=where_en,
            owed_by=owed_by,
        )


def _earliest_due(
    start: date, period: Period, calendar: WorkCalendar, interpretation: Interpretation
) -> date:
    """A day the due date cannot precede, known without the missing calendar year."""
    if isinstance(period, WorkingDays):
        return start + timedelta(days=period.n)
    try:
        return period_limit(start, period, calendar=calendar, interpretation=interpretation).due
    except CalendarCoverageError:
        return start + timedelta(days=1)


class Explained(NamedTuple):
    """A deadline (or limit) and its Chinese and English explanations."""

    deadline: Deadline
    zh: str
    en: str


@lru_cache(maxsize=4096)
def _explained(
    start: date,
    period: Period | YearEnd,
    calendar: WorkCalendar,
    interpretation: Interpretation,
    *,
    limit: bool = False,
) -> Explained:
    """The deadline (a :func:`period_limit` with ``limit``; a :func:`year_end` for a ``YearEnd``) and its Chinese
    and English explanations, computed once per distinct input.

    A deadline depends only on these immutable values; explaining it re-runs the computation and formats
    every step (most of a deadline rule's cost), and a portfolio has few distinct start dates, so the answers
    are kept (calendars compare by identity; errors such as CalendarCoverageError are not kept).
    """
    if isinstance(period, YearEnd):
        made = year_end(period.year, calendar=calendar, interpretation=interpretation)
    else:
        reckoned = period_limit if limit else deadline
        made = reckoned(start, period, calendar=calendar, interpretation=interpretation)
    steps = made.steps  # recomputed on each access: once here, for both languages
    return Explained(
        made,
        "；".join(step.text_zh for step in steps) + "。",  # = made.explanation_zh
        "; ".join(step.text_en for step in steps) + ".",  # = made.explanation_en
    )
