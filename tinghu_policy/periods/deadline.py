"""Deadlines and limits: a period's last day, when it ends and why (民法典 第二百零一条至第二百零三条)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from tinghu_policy.interpretation import DEFAULT_INTERPRETATION, Interpretation, OverBoundary
from tinghu_policy.periods.calendar import WorkCalendar, default_calendar
from tinghu_policy.periods.legal_date import end_of_day, to_legal_date
from tinghu_policy.periods.period import Period, YearEnd
from tinghu_policy.periods.reckoning import reckon
from tinghu_policy.periods.steps import Step


@dataclass(frozen=True, slots=True)
class Deadline:
    """The last day of a period counted from ``start`` (or a fixed date, :func:`year_end`), and its steps."""

    start: date
    """The event's day as given (a Shanghai date, D14); with D1 ``next_working_day`` see :attr:`steps`."""
    period: Period | YearEnd
    due: date
    """The last day: the duty is met by anything done on or before it (:meth:`met_by`)."""
    provisional: bool
    """Days beyond the calendar data were estimated (D12 ``statutory_estimate`` or ``provisional``)."""
    calendar: WorkCalendar = field(repr=False, compare=False)
    interpretation: Interpretation = field(repr=False, compare=False)
    limit: bool = field(default=False, repr=False)
    """A limit (:func:`period_limit`): the corresponding day itself, never rolled over."""
    estimated_years: tuple[int, ...] = ()
    """The years beyond the calendar data whose days the result rests on (empty unless :attr:`provisional`); how
    they were estimated is ``interpretation.beyond_calendar_data``."""

    @property
    def ends_at(self) -> datetime:
        """二十四时 of :attr:`due`: 00:00 Asia/Shanghai of the next day (民法典 第二百零三条第二款)."""
        return end_of_day(self.due, self.interpretation)

    @property
    def steps(self) -> tuple[Step, ...]:
        """How :attr:`due` was found, step by step (computed again on each access)."""
        record: list[Step] = []
        reckon(self.start, self.period, self.calendar, self.interpretation, self.limit, record)
        return tuple(record)

    @property
    def explanation_zh(self) -> str:
        return "；".join(step.text_zh for step in self.steps) + "。"

    @property
    def explanation_en(self) -> str:
        return "; ".join(step.text_en for step in self.steps) + "."

    def met_by(self, done: date | datetime) -> bool:
        """Whether something done on ``done`` (a date or an aware timestamp, D14) is in time (≤ ``due``)."""
        return to_legal_date(done, self.interpretation) <= self.due


_new = object.__new__
(
    _set_start,
    _set_period,
    _set_due,
    _set_provisional,
    _set_calendar,
    _set_interpretation,
    _set_limit,
    _set_estimated_years,
) = (Deadline.__dict__[f.name].__set__ for f in fields(Deadline))


def _made(
    start: date,
    period: Period | YearEnd,
    due: date,
    estimated: tuple[int, ...],
    cal: WorkCalendar,
    interp: Interpretation,
) -> Deadline:
    """``Deadline(start, period, due, bool(estimated), cal, interp, estimated_years=estimated)``, filling the
    slots directly.

    The generated frozen ``__init__`` sets each field through ``object.__setattr__``, which is three times
    slower and the largest cost of a deadline; the result is the same object.
    """
    made: Deadline = _new(Deadline)
    _set_start(made, start)
    _set_period(made, period)
    _set_due(made, due)
    _set_provisional(made, bool(estimated))
    _set_calendar(made, cal)
    _set_interpretation(made, interp)
    _set_limit(made, False)
    _set_estimated_years(made, estimated)
    return made


def deadline(
    start: date | datetime,
    period: Period,
    *,
    calendar: WorkCalendar | None = None,
    interpretation: Interpretation | None = None,
) -> Deadline:
    """The last day of ``period`` counted from the event on ``start`` (民法典 第二百零一条至第二百零三条).

    The start day is not counted (D1); working days follow the official arrangement (D2); month and year
    periods end on the corresponding day or the month end (D3); a calendar-day, month or year period ending on
    a rest day rolls over (D4). Raises :class:`CalendarCoverageError` when a day it needs is beyond the
    calendar data (D12), unless D12 allows an estimate: then the result is provisional and names the years.
    """
    interp = DEFAULT_INTERPRETATION if interpretation is None else interpretation
    cal = default_calendar() if calendar is None else calendar
    day = start if type(start) is date else to_legal_date(start, interp)
    due, estimated = reckon(day, period, cal, interp, False, None)
    return _made(day, period, due, estimated, cal, interp)


def period_limit(
    start: date | datetime,
    period: Period,
    *,
    calendar: WorkCalendar | None = None,
    interpretation: Interpretation | None = None,
) -> Deadline:
    """The day ``period`` after ``start`` is complete (届满), never rolled over: the boundary for D5.

    As :func:`deadline` but without 第二百零三条's rollover; :func:`exceeds` compares a day with its ``due``.
    """
    interp = DEFAULT_INTERPRETATION if interpretation is None else interpretation
    cal = default_calendar() if calendar is None else calendar
    day = to_legal_date(start, interp)
    due, estimated = reckon(day, period, cal, interp, True, None)
    return Deadline(day, period, due, bool(estimated), cal, interp, limit=True, estimated_years=estimated)


def exceeds(
    start: date | datetime,
    on: date | datetime,
    period: Period,
    *,
    boundary: OverBoundary | None = None,
    calendar: WorkCalendar | None = None,
    interpretation: Interpretation | None = None,
) -> bool:
    """Whether on day ``on`` more than ``period`` has passed since ``start`` (民法典 第一千二百五十九条, D5).

    ``strictly_more`` (超过, the default of ``interpretation.serious_overdue_boundary``): only after the limit
    day; ``at_least`` (以上): from the limit day itself. The limit day is :func:`period_limit`'s ``due``.
    """
    interp = DEFAULT_INTERPRETATION if interpretation is None else interpretation
    limit = period_limit(start, period, calendar=calendar, interpretation=interp).due
    day = to_legal_date(on, interp)
    if (boundary or interp.serious_overdue_boundary) is OverBoundary.AT_LEAST:
        return day >= limit
    return day > limit


def year_end(
    year: int, *, calendar: WorkCalendar | None = None, interpretation: Interpretation | None = None
) -> Deadline:
    """每年年底前 (D6): 31 December of ``year``, a fixed date; rolled over only with ``year_end_rollover``.

    That option rolls a rest day (weekend or holiday) to the next working day, whatever D4 says.
    """
    interp = DEFAULT_INTERPRETATION if interpretation is None else interpretation
    cal = default_calendar() if calendar is None else calendar
    period = YearEnd(year)
    due, estimated = reckon(date(year, 1, 1), period, cal, interp, False, None)
    return Deadline(date(year, 1, 1), period, due, bool(estimated), cal, interp, estimated_years=estimated)
