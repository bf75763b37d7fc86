"""Working-day questions about single days and spans (decisions D2, D12, D14)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from tinghu_policy.interpretation import DEFAULT_INTERPRETATION, CalendarCoverage, Interpretation
from tinghu_policy.periods.arithmetic import Timeline
from tinghu_policy.periods.calendar import WorkCalendar, default_calendar
from tinghu_policy.periods.legal_date import to_legal_date
from tinghu_policy.periods.period import WorkingDays


def is_working_day(
    day: date | datetime,
    *,
    calendar: WorkCalendar | None = None,
    interpretation: Interpretation | None = None,
) -> bool:
    """Whether ``day`` is a working day under the official arrangement (D2).

    Raises :class:`CalendarCoverageError` beyond the calendar data unless D12 is ``provisional`` (then
    Monday–Friday) or ``statutory_estimate`` (then the statutory estimate).
    """
    interp = DEFAULT_INTERPRETATION if interpretation is None else interpretation
    cal = default_calendar() if calendar is None else calendar
    ordinal = to_legal_date(day, interp).toordinal()
    cal.beyond(ordinal, ordinal, interp.beyond_calendar_data)
    return _line(cal, interp).is_working(ordinal)


def working_days_between(
    a: date | datetime,
    b: date | datetime,
    *,
    calendar: WorkCalendar | None = None,
    interpretation: Interpretation | None = None,
) -> int:
    """The number of working days in ``(a, b]`` (``a`` not counted, 民法典 第二百零一条); 0 if ``b <= a``.

    Raises :class:`CalendarCoverageError` if a day of the span is beyond the calendar data, unless D12 is
    ``provisional`` (then Monday–Friday count there) or ``statutory_estimate`` (the statutory estimate).
    """
    interp = DEFAULT_INTERPRETATION if interpretation is None else interpretation
    cal = default_calendar() if calendar is None else calendar
    first, last = to_legal_date(a, interp).toordinal(), to_legal_date(b, interp).toordinal()
    if last <= first:
        return 0
    cal.beyond(first + 1, last, interp.beyond_calendar_data)
    line = _line(cal, interp)
    return line.rank(last + 1) - line.rank(first + 1)


def _line(cal: WorkCalendar, interp: Interpretation) -> Timeline:
    return cal.timeline(
        interp.working_day, interp.beyond_calendar_data is CalendarCoverage.STATUTORY_ESTIMATE
    )


def working_days_after(day: date, n: int) -> date:
    """The n-th working day after ``day`` (``day`` not counted, 民法典 第二百零一条) under the default calendar and
    interpretation: ``deadline(day, WorkingDays(n)).due``, the same answers and errors, without the
    :class:`~tinghu_policy.periods.Deadline` (for tight loops: a few look-ups in the calendar's index).

    Beyond the calendar data it raises :class:`CalendarCoverageError` naming the year and how to supply it, as
    :func:`~tinghu_policy.periods.deadline` does; for another calendar or interpretation use ``deadline``.
    """
    if day.__class__ is date and n.__class__ is int and n >= 1:
        cum, pos, lo = _default_index()
        i = day.toordinal() + 1 - lo
        if 0 <= i < len(cum) and (k := cum[i] + n) <= len(pos):
            return date.fromordinal(pos[k - 1])
    from tinghu_policy.periods.deadline import deadline  # everything else: the full path (and its errors)

    return deadline(day, WorkingDays(n)).due


@cache
def _default_index() -> tuple[list[int], list[int], int]:
    """The default calendar's working days (D2 official arrangement) over its data only: the prefix counts, the
    working days' ordinals, and the first day's ordinal."""
    line = default_calendar().timeline(DEFAULT_INTERPRETATION.working_day)
    return line.data_index()
