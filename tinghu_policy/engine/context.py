"""What a rule is given (the facts, the date, the interpretation, the calendar) and the verdicts it returns.

A rule computes a **verdict** (:class:`Outcome`): a status, a due date, a subject, the facts it missed, and its checks
as data (:class:`Comparison`: the fact's :class:`Label`, the relation, what is required, what the facts gave) —
nothing else. What the verdict says in words is a :data:`~tinghu_policy.engine.notes.Note`, rendered only when
someone reads it (:mod:`tinghu_policy.engine.notes`); the findings of a report are built from the verdicts when read
(:mod:`tinghu_policy.engine.lazy`).

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
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from tinghu_policy.engine import wording
from tinghu_policy.engine.findings import Check, CheckRole, Relation, Status, Value, built
from tinghu_policy.engine.lazy import Later
from tinghu_policy.engine.notes import Note, Text, render
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


class Label(NamedTuple):
    """A fact's path in the project and its names, as a check shows them (a tuple: rules build many)."""

    fact: str
    zh: str
    en: str


class Worded(NamedTuple):
    """A label whose names are worded from data when shown (a :data:`~tinghu_policy.engine.notes.Note`): for a
    fact named after the project's own values (the owner's name and level)."""

    fact: str
    note: Note

    @property
    def zh(self) -> str:
        return render(self.note)[0]

    @property
    def en(self) -> str:
        return render(self.note)[1]


Labelled = Label | Worded
"""What names a check's fact: a :class:`Label`, or a :class:`Worded` one."""

_V = TypeVar("_V")


class Kept(dict[Any, _V]):
    """Values made by ``make(key)`` once per key and kept: a rule takes ``kept[key]`` — a look-up, not a new string
    on every evaluation (a subject ``round 1: audit_bureau``, a label for round ``n``). For keys from a small set
    (rounds, parties, years), never for free text."""

    def __init__(self, make: Callable[[Any], _V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> _V:
        made = self[key] = self._make(key)
        return made


class Labels(Kept[Label]):
    """A family of labels made once per key (``review[n].received`` for each round ``n``)."""


class Comparison(NamedTuple):
    """One check as data: the fact (its :class:`Label`), how it must compare, what the provision requires, what the
    facts gave, whether it holds (None: the fact is missing), its role, and the provision that requires it.

    The finding shows it as a :class:`~tinghu_policy.engine.Check`, with the label's names."""

    label: Label | Worded
    relation: Relation
    required: Value | None
    actual: Value | None
    ok: bool | None
    role: CheckRole
    provision: str

    @property
    def fact(self) -> str:
        return self.label.fact

    @property
    def label_zh(self) -> str:
        return self.label.zh

    @property
    def label_en(self) -> str:
        return self.label.en

    def with_role(self, role: CheckRole) -> Comparison:
        return _tuple_new(Comparison, (self[0], self[1], self[2], self[3], self[4], role, self[6]))

    def fields(self) -> dict[str, Any]:
        """The fields of the :class:`~tinghu_policy.engine.Check` this comparison is shown as, in its order."""
        label, relation, required, actual, ok, role, provision = self
        return {
            "provision": provision,
            "fact": label.fact,
            "label_zh": label.zh,
            "label_en": label.en,
            "relation": relation,
            "required": required,
            "actual": actual,
            "ok": ok,
            "role": role,
        }

    def shown(self) -> Check:
        """The :class:`~tinghu_policy.engine.Check` this comparison is shown as in a finding."""
        return built(Check, self.fields())


_tuple_new = tuple.__new__


class Outcome(Later):
    """A verdict: what a rule returns; the engine adds the rule's id, provision, parties and citations.

    ``note`` is what the verdict says in words (:data:`~tinghu_policy.engine.notes.Note`), rendered when
    :attr:`note_zh` or :attr:`note_en` is read. Until its finding's checks and notes are read, the verdict stands
    in their place (:meth:`fill` renders them).
    """

    __slots__ = (
        "_text",
        "checks",
        "due",
        "estimated_years",
        "missing",
        "note",
        "owed_by",
        "provisional",
        "status",
        "subject",
    )

    def __init__(
        self,
        status: Status,
        due: date | None = None,
        checks: tuple[Comparison, ...] = (),
        missing: tuple[str, ...] = (),
        subject: str | None = None,
        note: Note | None = None,
        provisional: bool = False,
        owed_by: Party | None = None,
        estimated_years: tuple[int, ...] = (),
    ) -> None:
        self.status = status
        self.due = due
        self.checks = checks
        self.missing = missing
        self.subject = subject
        self.note = note
        self.provisional = provisional
        self.owed_by = owed_by
        """Overrides the rule's party (e.g. the lead department of a cross-department project)."""
        self.estimated_years = estimated_years
        """With ``provisional``: the years beyond the calendar data whose rest days were estimated (D12)."""
        self._text: tuple[Note | None, Text] | None = None

    def texts(self) -> Text:
        """The note's Chinese and English texts, rendered once (again if :attr:`note` was replaced)."""
        kept = self._text
        note = self.note
        if kept is None or kept[0] is not note:
            kept = self._text = (note, render(note))
        return kept[1]

    @property
    def note_zh(self) -> str:
        return self.texts()[0]

    @property
    def note_en(self) -> str:
        return self.texts()[1]

    def fill(self, fields: dict[str, Any]) -> None:
        """Render this verdict's note and checks into its finding's fields."""
        fields["note_zh"], fields["note_en"] = self.texts()
        fields["checks"] = tuple([c.shown() for c in self.checks])

    def __repr__(self) -> str:
        return (
            f"Outcome({self.status!r}, due={self.due!r}, subject={self.subject!r}, missing={self.missing!r}, "
            f"checks={len(self.checks)})"
        )


Outcomes = Outcome | Iterable[Outcome]


_COMPARE: dict[Relation, Callable[[Any, Any], Any]] = {
    Relation.ON_OR_BEFORE: operator.le,
    Relation.BEFORE: operator.lt,
    Relation.ON_OR_AFTER: operator.ge,
    Relation.AFTER: operator.gt,
    Relation.EQUALS: operator.eq,
    Relation.NOT_EQUALS: operator.ne,
}
"""How ``actual`` must compare with ``required``: ``_COMPARE[relation](actual, required)``."""

_T = TypeVar("_T")
_REQUIREMENT, _START, _CONTEXT = CheckRole.REQUIREMENT, CheckRole.START, CheckRole.CONTEXT
_EQUALS, _ON_OR_BEFORE, _ON_OR_AFTER = Relation.EQUALS, Relation.ON_OR_BEFORE, Relation.ON_OR_AFTER
_NOT_APPLICABLE, _UNDETERMINED, _FAILS, _HOLDS = (
    Status.NOT_APPLICABLE,
    Status.UNDETERMINED,
    Status.FAILS,
    Status.HOLDS,
)


class Context:
    """The inputs of one evaluation, and helpers that turn facts into verdicts.

    One context serves every rule of an evaluation (the engine sets :attr:`rule` for each in turn); :attr:`memo`
    keeps what several rules of the evaluation ask for (a rule module's own computations, keyed by its function).
    """

    __slots__ = (
        "_dates",
        "after",
        "as_of",
        "before",
        "calendar",
        "effective",
        "estimated",
        "interpretation",
        "memo",
        "project",
        "rule",
    )

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
        self.memo: dict[Any, Any] = {}
        self.effective: date | None = interpretation.effective_date
        same_day = interpretation.same_day_precedence is SameDayPrecedence.SAME_DAY_COUNTS
        self.before: Relation = Relation.ON_OR_BEFORE if same_day else Relation.BEFORE
        """D17: how an act's date compares with the act it must precede (开工前, 经…后方可, 未经…不得) — on or
        before it (default ``same_day_counts``), or strictly before it (``earlier_day``)."""
        self.after: Relation = Relation.ON_OR_AFTER if same_day else Relation.AFTER
        """D17: how an act's date compares with the act it must follow — on or after it, or strictly after it."""
        self._dates = _dates_for(calendar, interpretation)

    def known(self, day: date | None) -> date | None:
        """``day`` if it is on or before ``as_of``, else None: an event not yet happened on that date."""
        return day if day is not None and day <= self.as_of else None

    def approved_term(self, value: _T | None) -> _T | None:
        """A term the approval sets (approved budget, approved completion date): known once the approval is.

        An approval without a date cannot be placed in time, so its terms are taken as known.
        """
        approved = self.project.approval.approved
        return value if approved is None or approved <= self.as_of else None

    def reaches(self, day: date | None, label: Labelled, *, subject: str | None = None) -> Outcome | None:
        """None when the regulation reaches the act ``label`` names, done on ``day``; else the finding that it does
        not (D13, 立法法 第一百零四条 — 法律不溯及既往).

        With no effective date stated, every act is reached. An act before it is NOT_APPLICABLE, its date compared
        with the effective date in a context check. ``day`` None means the act happened but its date is not given:
        with an effective date stated that cannot be placed, so the finding is UNDETERMINED naming the date.
        """
        effective = self.effective
        if effective is None or (day is not None and day >= effective):
            return None
        if day is None:
            return Outcome(
                _UNDETERMINED,
                missing=(label.fact,),
                subject=subject,
                note=(wording.undated_act, label, effective),
            )
        return Outcome(
            _NOT_APPLICABLE,
            checks=(self.check(label, _ON_OR_AFTER, effective, day, role=_CONTEXT),),
            subject=subject,
            note=(wording.act_before_effect, label, day, effective),
        )

    def reaches_derived(self, day: date, zh: str, en: str, *, subject: str | None = None) -> Outcome | None:
        """As :meth:`reaches` for a day derived from the facts rather than given (art. 24: the first day over a
        limit): the day and the effective date are shown in the note, as there is no fact to point a check at."""
        effective = self.effective
        if effective is None or day >= effective:
            return None
        return Outcome(
            _NOT_APPLICABLE, subject=subject, note=(wording.derived_before_effect, zh, en, day, effective)
        )

    # --- checks ---------------------------------------------------------------------------------------------

    def check(
        self,
        label: Labelled,
        relation: Relation,
        required: Value | None,
        actual: Value | None,
        *,
        provision: str | None = None,
        role: CheckRole = _REQUIREMENT,
    ) -> Comparison:
        """Compare a fact with a requirement; ``ok`` is None when the fact is missing."""
        ok = None if actual is None or required is None else bool(_COMPARE[relation](actual, required))
        return _tuple_new(
            Comparison, (label, relation, required, actual, ok, role, provision or self.rule.provision)
        )

    def expect(
        self,
        label: Labelled,
        actual: bool | None,
        required: bool = True,
        *,
        provision: str | None = None,
        role: CheckRole = _REQUIREMENT,
    ) -> Comparison:
        """A yes/no fact that must be ``required`` (with ``role`` CONTEXT: shown for what it is)."""
        ok = None if actual is None or required is None else bool(actual == required)
        return _tuple_new(
            Comparison, (label, _EQUALS, required, actual, ok, role, provision or self.rule.provision)
        )

    def clock_start(self, label: Labelled, day: date) -> Comparison:
        """The fact a clock runs from, shown with its path and date (it happened by ``as_of``): "起算：DAY LABEL".

        A deadline's first check, so that its explanation names the fact behind the start as well as the fact
        that meets it. Where the start is derived (art. 24: the first day over a limit) the rule shows the fact it
        is derived from instead.
        """
        ok = None if day is None else day <= self.as_of
        return _tuple_new(
            Comparison, (label, _ON_OR_BEFORE, self.as_of, day, ok, _START, self.rule.provision)
        )

    # --- outcomes -------------------------------------------------------------------------------------------

    def not_applicable(self, note: Note, *, subject: str | None = None) -> Outcome:
        return Outcome(_NOT_APPLICABLE, None, (), (), subject, note)

    def condition(
        self,
        *checks: Comparison,
        subject: str | None = None,
        note: Note | None = None,
        owed_by: Party | None = None,
    ) -> Outcome:
        """FAILS if a check fails, else UNDETERMINED if a fact is missing, else HOLDS; context checks are shown
        and decide nothing."""
        undecided = False
        for c in checks:
            if c[5] is not _CONTEXT:
                ok = c[4]
                if ok is False:
                    return Outcome(_FAILS, None, checks, (), subject, note, False, owed_by)
                if ok is None:
                    undecided = True
        if undecided:
            missing = tuple([c[0].fact for c in checks if c[5] is not _CONTEXT and c[4] is None])
            return Outcome(_UNDETERMINED, None, checks, missing, subject, note, False, owed_by)
        return Outcome(_HOLDS, None, checks, (), subject, note, False, owed_by)

    def _explained(self, start: date, period: Period | YearEnd, limit: bool = False) -> Explained:
        """The deadline (a limit with ``limit``) under this evaluation's calendar and interpretation, kept for
        every evaluation with the same two (:func:`_dates_for`); its estimated years (D12) added to
        :attr:`estimated`."""
        key = (start, period, limit)
        made = self._dates.get(key)
        if made is None:
            made = _made(start, period, self.calendar, self.interpretation, limit)
            if len(self._dates) >= _KEPT:
                self._dates.clear()
            self._dates[key] = made
        if made.deadline.estimated_years:
            self.estimated.update(made.deadline.estimated_years)
        return made

    def deadline(self, start: date, period: Period) -> Deadline:
        """The period's last day under this run's calendar and interpretation."""
        return self._explained(start, period).deadline

    def limit(self, start: date, period: Period) -> Explained:
        """The day ``period`` after ``start`` is complete, never rolled over (D5), with its explanations."""
        return self._explained(start, period, True)

    def year_end(self, year: int) -> Explained:
        """每年年底前 of ``year`` (D6), with its explanations."""
        return self._explained(date(year, 1, 1), YearEnd(year))

    def due_by(
        self,
        due: date,
        done: date | None,
        label: Labelled,
        *,
        subject: str | None = None,
        note: Note | None = None,
        provisional: bool = False,
        owed_by: Party | None = None,
        started: Comparison | None = None,
        estimated_years: tuple[int, ...] = (),
    ) -> Outcome:
        """MET / LATE if ``done`` (as known on ``as_of``), else OVERDUE once ``as_of`` is past ``due``, else PENDING.

        ``started``: the check showing where the clock ran from (:meth:`clock_start`), shown first.
        ``provisional`` with ``estimated_years``: ``due`` rests on estimated years (D12, the deadline's
        ``estimated_years``).
        """
        as_of = self.as_of
        if done is not None and done > as_of:
            done = None
        if done is not None:
            ok = done <= due
            status = Status.MET if ok else Status.LATE
        else:
            ok = None
            status = Status.OVERDUE if as_of > due else Status.PENDING
        met = _tuple_new(Comparison, (label, _ON_OR_BEFORE, due, done, ok, _REQUIREMENT, self.rule.provision))
        return Outcome(
            status,
            due,
            (met,) if started is None else (started, met),
            (),
            subject,
            note,
            provisional,
            owed_by,
            estimated_years,
        )

    def within(
        self,
        start: date | None,
        period: Period,
        done: date | None,
        *,
        start_label: Labelled,
        done_label: Labelled,
        subject: str | None = None,
        owed_by: Party | None = None,
        started: Comparison | None = None,
    ) -> Outcome:
        """A duty to act within ``period`` of ``start``: NOT_APPLICABLE until ``start`` has happened.

        The outcome's checks show the start (``started``, by default :meth:`clock_start` of ``start_label``) and
        the act that meets the duty.
        """
        if start is None or start > self.as_of:
            return Outcome(_NOT_APPLICABLE, None, (), (), subject, (wording.clock_not_started, start_label))
        if self.effective is not None and (outside := self.reaches(start, start_label, subject=subject)):
            return outside
        if started is None:
            started = self.clock_start(start_label, start)
        try:
            made = self._explained(start, period)
        except CalendarCoverageError as gap:
            return self._beyond_calendar(
                start, period, done, gap, start_label, started, done_label, subject, owed_by
            )
        limit = made.deadline
        return self.due_by(
            limit.due,
            done,
            done_label,
            subject=subject,
            note=(wording.period_note, period, made),
            provisional=limit.provisional,
            owed_by=owed_by,
            started=started,
            estimated_years=limit.estimated_years,
        )

    def timely(
        self,
        start: date | None,
        done: date | None,
        *,
        start_label: Labelled,
        done_label: Labelled,
        subject: str | None = None,
        started: Comparison | None = None,
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
        early: tuple[Comparison, ...] = ()
        if must_follow and done is not None and start is not None and done < start:
            early = (self.check(done_label, _ON_OR_AFTER, start, done, role=_CONTEXT),)
            done = None
        n = self.interpretation.timely_within_working_days
        if n is not None:
            if start is None:
                return Outcome(
                    _UNDETERMINED,
                    missing=(start_label.fact,),
                    subject=subject,
                    note=(wording.timely_without_start, n, start_label),
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
            outcome.note = (wording.timely_configured, outcome.note, n)
            return outcome
        shown = () if start is None else (started or self.clock_start(start_label, start),)
        derived = started is not None
        if done is not None:
            after = (
                ()
                if start is None or not must_follow
                else (self.check(done_label, _ON_OR_AFTER, start, done),)
            )
            return Outcome(
                Status.HOLDS,
                checks=(*shown, *after),
                subject=subject,
                note=(wording.timely_done, start, derived, start_label, done, done_label),
            )
        return Outcome(
            Status.PENDING,
            checks=(*shown, *early),
            subject=subject,
            note=(
                wording.timely_open,
                start,
                derived,
                start_label,
                early[0].actual if early else None,
                done_label,
            ),
        )

    def _beyond_calendar(
        self,
        start: date,
        period: Period,
        done: date | None,
        gap: CalendarCoverageError,
        start_label: Labelled,
        started: Comparison,
        done_label: Labelled,
        subject: str | None,
        owed_by: Party | None,
    ) -> Outcome:
        """The answer a due date beyond the calendar data still allows, never a guess (D12).

        The due date is at least the period's limit day (a rest-day rollover only moves it later; n working days
        take at least n calendar days): done by then is MET, and an undone duty is PENDING until then.
        """
        lowest = _earliest_due(start, period, self.calendar, self.interpretation)
        done = self.known(done)
        if done is not None and done <= lowest:
            status = Status.MET
        elif done is None and self.as_of <= lowest:
            status = Status.PENDING
        else:
            return Outcome(
                _UNDETERMINED,
                checks=(started,),
                missing=(f"calendar:{gap.year}",),
                subject=subject,
                note=(
                    wording.beyond_calendar_unknown,
                    start_label,
                    start,
                    period,
                    lowest,
                    gap.year,
                    str(gap),
                ),
                owed_by=owed_by,
            )
        return Outcome(
            status,
            checks=(started, self.check(done_label, _ON_OR_BEFORE, lowest, done)),
            subject=subject,
            note=(wording.beyond_calendar_bound, start_label, start, period, lowest, gap.year),
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


class Explained:
    """A deadline (or limit) and its Chinese and English explanations, made when first read and kept."""

    __slots__ = ("_text", "deadline")

    def __init__(self, made: Deadline, text: Text | None = None) -> None:
        self.deadline = made
        self._text = text

    def texts(self) -> Text:
        text = self._text
        if text is None:
            steps = self.deadline.steps  # recomputed on each access: once here, for both languages
            text = self._text = (
                "；".join(step.text_zh for step in steps) + "。",  # = deadline.explanation_zh
                "; ".join(step.text_en for step in steps) + ".",  # = deadline.explanation_en
            )
        return text

    @property
    def zh(self) -> str:
        return self.texts()[0]

    @property
    def en(self) -> str:
        return self.texts()[1]

    def __iter__(self) -> Any:
        """``deadline, zh, en = explained``."""
        return iter((self.deadline, *self.texts()))

    def __getitem__(self, index: int) -> Any:
        return (self.deadline, *self.texts())[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Explained):
            return self.deadline == other.deadline and self.texts() == other.texts()
        if isinstance(other, tuple):
            return (self.deadline, *self.texts()) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def _made(
    start: date, period: Period | YearEnd, calendar: WorkCalendar, interpretation: Interpretation, limit: bool
) -> Explained:
    if isinstance(period, YearEnd):
        return Explained(year_end(period.year, calendar=calendar, interpretation=interpretation))
    reckoned = period_limit if limit else deadline
    return Explained(reckoned(start, period, calendar=calendar, interpretation=interpretation))


_KEPT = 4096
"""Deadlines kept per (calendar, interpretation): a portfolio has few distinct start dates."""
_DATES: dict[tuple[WorkCalendar, Interpretation], dict[tuple[date, Period | YearEnd, bool], Explained]] = {}


_Dates = dict[tuple[date, Period | YearEnd, bool], Explained]
_last: tuple[WorkCalendar | None, Interpretation | None, _Dates] = (None, None, {})
"""The calendar and interpretation of the last evaluation, and their deadlines: the same two objects again (a
portfolio, a server's default) are recognised by identity, without hashing the interpretation (~2 µs)."""


def _dates_for(calendar: WorkCalendar, interpretation: Interpretation) -> _Dates:
    """The deadlines computed so far under ``calendar`` and ``interpretation``: the interpretation is hashed at most
    once per evaluation here, not once per deadline (calendars compare by identity; errors such as
    CalendarCoverageError are not kept)."""
    global _last
    last = _last
    if last[0] is calendar and last[1] is interpretation:
        return last[2]
    key = (calendar, interpretation)
    found = _DATES.get(key)
    if found is None:
        if len(_DATES) >= 64:
            _DATES.clear()
        found = _DATES[key] = {}
    _last = (calendar, interpretation, found)
    return found


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
    and English explanations, computed once per distinct input (what :meth:`Context.deadline` keeps)."""
    made = _made(start, period, calendar, interpretation, limit)
    made.texts()
    return made
