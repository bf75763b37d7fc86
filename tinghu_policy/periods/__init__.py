"""Legal time: working days, deadlines and limits (民法典 第二百零一条至第二百零三条, 第一千二百五十九条).

::

    from tinghu_policy.periods import WorkingDays, Months, deadline

    deadline(date(2025, 9, 27), WorkingDays(5)).due      # 2025-10-10
    deadline(date(2025, 8, 31), Months(6)).due           # 2026-02-28, a make-up working Saturday
    working_days_after(date(2025, 9, 27), 5)             # 2025-10-10, the same in a few look-ups

Every reading the law leaves open is a field of :class:`~tinghu_policy.interpretation.Interpretation` (D1–D6,
D12, D14). The working-day data is chinese-calendar's, corrected where a State Council notice says otherwise
(:data:`CORRECTIONS`); a year beyond it is supplied as an overlay (:func:`load_overlay`; draft one with
:mod:`~tinghu_policy.periods.drafting`), or estimated when D12 allows it: ``statutory_estimate`` counts the weekends
and the holidays 《全国年节及纪念日放假办法》 fixes (:mod:`~tinghu_policy.periods.statutory`, measured in
:mod:`~tinghu_policy.periods.accuracy`), ``provisional`` the weekends only; either result is provisional and names
the years estimated (:attr:`Deadline.estimated_years`). The calendar index is built on first use; importing this
package reads no calendar data.
"""

from tinghu_policy.periods.calendar import WorkCalendar
from tinghu_policy.periods.corrections import CORRECTIONS, Correction
from tinghu_policy.periods.counting import is_working_day, working_days_after, working_days_between
from tinghu_policy.periods.days import DayInfo, DayKind
from tinghu_policy.periods.deadline import Deadline, deadline, exceeds, period_limit, year_end
from tinghu_policy.periods.legal_date import to_legal_date
from tinghu_policy.periods.notice import Notice
from tinghu_policy.periods.overlay import CalendarOverlay, HolidayBlock, load_overlay
from tinghu_policy.periods.period import Days, Months, Period, WorkingDays, YearEnd, Years
from tinghu_policy.periods.steps import Step, StepKind

__all__ = [
    "CORRECTIONS",
    "CalendarOverlay",
    "Correction",
    "DayInfo",
    "DayKind",
    "Days",
    "Deadline",
    "HolidayBlock",
    "Months",
    "Notice",
    "Period",
    "Step",
    "StepKind",
    "WorkCalendar",
    "WorkingDays",
    "YearEnd",
    "Years",
    "deadline",
    "exceeds",
    "is_working_day",
    "load_overlay",
    "period_limit",
    "to_legal_date",
    "working_days_after",
    "working_days_between",
    "year_end",
]
