"""The one computation behind every deadline: count, clamp, roll over, check the calendar data.

* 民法典 第二百零一条 (D1): the start day is not counted; with D1 ``next_working_day`` an event on a
  non-working day is deemed to happen on the next working day, which is then not counted.
* Working days (D2) are counted on the calendar's O(1) index; such a period ends on a working day, never
  rolled over.
* 第二百零二条 (D3): a month or year period ends on the corresponding day; without one, on the month end (or
  :class:`MonthEndClampError` with D3 ``raise``).
* 第二百零三条 (D4): a calendar-day, month or year period whose last day is a rest day ends on the first
  working day after the rest (``rest_days``), or after the public holiday only (``holidays_only``), or not
  (``none``). "Working day" is D2's: under ``weekdays_without_makeup`` a make-up Saturday rolls over too
  (and is skipped by D1b). A limit (:func:`~tinghu_policy.periods.period_limit`, D5) never rolls.
* D12: only the days whose status the computation looked at must be in the calendar data; beyond it, an error,
  or (``provisional``) weekends only, or (``statutory_estimate``) the statutory estimate
  (:mod:`~tinghu_policy.periods.statutory`), and a provisional result naming the years estimated. Every recorded
  step that read the status of a day of such a year says so.

When ``record`` is a list, the computation appends its steps; :class:`Deadline` re-runs it with a list to
explain itself, so the explanation always follows the code that gave the answer.
"""

from __future__ import annotations

import sys
from datetime import date

from dateutil.relativedelta import relativedelta

from tinghu_policy.errors import MonthEndClampError, PeriodError
from tinghu_policy.interpretation import CalendarCoverage, CountingStart, Interpretation, MonthEnd, Rollover
from tinghu_policy.periods import steps
from tinghu_policy.periods.arithmetic import Timeline
from tinghu_policy.periods.calendar import WorkCalendar
from tinghu_policy.periods.days import DayKind
from tinghu_policy.periods.period import Days, Months, Period, WorkingDays, YearEnd, Years

_MAX = date.max.toordinal()
_NOTHING = sys.maxsize
"""``first`` while no day's status has been looked at."""


def reckon(
    start: date,
    period: Period | YearEnd,
    cal: WorkCalendar,
    interp: Interpretation,
    limit: bool,
    record: list[steps.Step] | None,
) -> tuple[date, tuple[int, ...]]:
    """The last day of ``period`` counted from ``start``, and the years it estimated (D12): empty unless the
    result is provisional."""
    estimate = interp.beyond_calendar_data is CalendarCoverage.STATUTORY_ESTIMATE
    line = cal.timeline(interp.working_day, estimate)
    if record is None and type(period) is WorkingDays and interp.counting_start is CountingStart.NEXT_DAY:
        # the hot path, same result as below: n working days after the start day, all in the data
        due = line.add(start.toordinal(), period.n)
        if line.data_lo <= start.toordinal() + 1 and due < line.data_hi:
            return date.fromordinal(due), ()
    lo, hi = line.data_lo, line.data_hi
    first, last = _NOTHING, 0  # the span of days whose status was looked at
    looked: list[int] = []  # the recorded steps that read the status of days (marked if a year is estimated)
    if isinstance(period, YearEnd):
        if start != date(period.year, 1, 1):
            raise PeriodError("每年年底前 is a fixed date, not a period from an event: use year_end(year)")
        due = date(period.year, 12, 31).toordinal()
        if record is not None:
            record.append(steps.fixed_date(period, interp.year_end_rollover))
        if interp.year_end_rollover:
            rolled = _roll(line, cal, Rollover.REST_DAYS, due, estimate)
            if record is not None:
                looked.append(len(record))
                _record_roll(record, cal, interp, due, rolled, estimate)
            first, last, due = due, rolled, rolled
    else:
        counted_after = start.toordinal()
        if interp.counting_start is CountingStart.NEXT_WORKING_DAY:
            deemed = line.next_working(counted_after)
            first, last = counted_after, deemed
            if deemed != counted_after:
                if record is not None:
                    looked.append(len(record))
                    record.append(
                        steps.deemed_start(
                            cal.info(counted_after, interp.working_day, estimate), _day(deemed)
                        )
                    )
                counted_after = deemed
        if record is not None and counted_after == start.toordinal():
            record.append(steps.start(start))
        if isinstance(period, WorkingDays):
            due = line.add(counted_after, period.n)
            if first == _NOTHING:
                first = counted_after + 1
            last = due
            if record is not None:
                looked.append(len(record))
                record.append(steps.count(period, _day(counted_after), _day(due)))
        else:
            if isinstance(period, Days):
                due = counted_after + period.n
                if record is not None:
                    record.append(steps.count(period, _day(counted_after), _day(due)))
            elif isinstance(period, Months | Years):
                due = _corresponding(_day(counted_after), period, interp.month_end, record)
            else:
                raise PeriodError(f"not a period: {period!r} (use WorkingDays, Days, Months or Years)")
            if limit:
                if record is not None:
                    record.append(
                        steps.not_rolled(
                            _day(due),
                            "为期限届满之日本身，不适用顺延（D5）",
                            " is the limit day itself; a limit is not rolled over (D5)",
                        )
                    )
            elif interp.last_day_rollover is Rollover.NONE:
                if record is not None:
                    record.append(
                        steps.not_rolled(
                            _day(due),
                            "即使是休息日也不顺延（D4）",
                            " is not rolled over even if a rest day (D4 none)",
                        )
                    )
            elif due <= _MAX:  # a later day is refused below
                rolled = _roll(line, cal, interp.last_day_rollover, due, estimate)
                if record is not None:
                    looked.append(len(record))
                    _record_roll(record, cal, interp, due, rolled, estimate)
                first, last, due = min(first, due), max(last, rolled), rolled
    if due > _MAX:
        raise PeriodError(f"{period.label_en} from {start} ends after {date.max}")
    provisional = (
        first <= last and (first < lo or last >= hi) and cal.beyond(first, last, interp.beyond_calendar_data)
    )
    years = cal.uncovered_years(first, last) if provisional else ()
    if record is not None:
        for i in looked:  # a step may be missing when the calendar refused (raised) above
            if i < len(record) and (marked := steps.estimated(record[i], years, estimate)) is not None:
                record[i] = marked
        record.append(
            steps.fixed_date_end(_day(due)) if isinstance(period, YearEnd) else steps.end(_day(due), limit)
        )
        if provisional:
            record.append(steps.provisional(list(years), cal.covered, estimate))
    return _day(due), years


def _day(ordinal: int) -> date:
    return date.fromordinal(ordinal)


def _corresponding(
    counted_after: date, period: Months | Years, month_end: MonthEnd, record: list[steps.Step] | None
) -> int:
    """第二百零二条: the corresponding day of the final month or year, else the month end (D3)."""
    step = relativedelta(months=period.n) if isinstance(period, Months) else relativedelta(years=period.n)
    try:
        due = counted_after + step
    except ValueError:
        raise PeriodError(f"{period.label_en} from {counted_after} ends after {date.max}") from None
    if due.day == counted_after.day:
        if record is not None:
            record.append(steps.corresponding(period, due))
        return due.toordinal()
    missing = f"{due.year:04d}-{due.month:02d}-{counted_after.day:02d}"
    if month_end is MonthEnd.RAISE:
        raise MonthEndClampError(counted_after, period.label_zh, missing, due)
    if record is not None:
        record.append(steps.month_end_clamp(missing, due))
    return due.toordinal()


def _roll(line: Timeline, cal: WorkCalendar, mode: Rollover, due: int, estimate: bool) -> int:
    """第二百零三条 (D4): the day the period really ends on."""
    if mode is Rollover.REST_DAYS:
        return due if line.is_working(due) else line.next_working(due)
    while cal.is_public_holiday(due, estimate):  # holidays_only
        due += 1
    return due


def _record_roll(
    record: list[steps.Step],
    cal: WorkCalendar,
    interp: Interpretation,
    due: int,
    rolled: int,
    estimate: bool,
) -> None:
    info = cal.info(due, interp.working_day, estimate)
    if rolled != due:
        record.append(steps.rollover(info, _day(rolled)))
    elif info.kind is DayKind.MAKEUP_WORKDAY or not info.working:
        record.append(
            steps.kept(
                info,
                "只顺延法定节假日，周末不顺延（D4）",
                "only public holidays roll over, weekends do not (D4 holidays_only)",
            )
        )
    elif info.provisional:  # an estimated working day: say so, the notice may yet make it a rest day
        record.append(steps.kept(info, f"无需顺延（{steps.ART_203}）", f"no rollover ({steps.ART_203})"))
