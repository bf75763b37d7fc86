"""The working-day calendar: the State Council arrangement year by year (decisions D2 and D12).

:meth:`WorkCalendar.default` holds chinese-calendar's official data (public holidays, make-up working days,
in-lieu days) plus the built-in :mod:`~tinghu_policy.periods.corrections`; its covered years are read from the
installed chinese-calendar, never hard-coded. :meth:`WorkCalendar.with_overlay` adds (or replaces) a year from
its notice. The covered years are always one contiguous run: an overlay must be for a covered year or for the
year just before or after them, so ``covered`` is exact and every day outside it is beyond the data.

The day index (one kind code per day, and per working-day rule a prefix sum of working days) is built on first
use and kept, so a look-up is O(1) and so is adding working days (:mod:`~tinghu_policy.periods.arithmetic`).

Beyond the covered years, D12 ``statutory_estimate`` reads a second index: the same data, extended over
:data:`~tinghu_policy.periods.statutory.ESTIMATE_YEARS` with each uncovered year's statutory holidays
(:mod:`~tinghu_policy.periods.statutory`); it is built only when an estimate is first asked for. ``covered`` never
includes an estimated year: whatever an estimate gives is provisional.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any, NoReturn

from tinghu_policy.errors import CalendarCoverageError, CalendarOverlayError
from tinghu_policy.interpretation import (
    DEFAULT_INTERPRETATION,
    CalendarCoverage,
    Interpretation,
    WorkingDayRule,
)
from tinghu_policy.periods.arithmetic import Timeline
from tinghu_policy.periods.corrections import CORRECTIONS, Correction
from tinghu_policy.periods.days import KINDS, DayInfo, DayKind, Special
from tinghu_policy.periods.legal_date import to_legal_date
from tinghu_policy.periods.overlay import CalendarOverlay, load_overlay
from tinghu_policy.periods.statutory import ESTIMATE_YEARS, HORIZON, edition_for, estimate_specials

_WORKDAY, _WEEKEND, _HOLIDAY, _MAKEUP = (
    KINDS.index(k) for k in (DayKind.WORKDAY, DayKind.WEEKEND, DayKind.PUBLIC_HOLIDAY, DayKind.MAKEUP_WORKDAY)
)
_WORKING_CODES = {
    WorkingDayRule.OFFICIAL_ARRANGEMENT: (_WORKDAY, _MAKEUP),
    WorkingDayRule.WEEKDAYS_WITHOUT_MAKEUP: (_WORKDAY,),
}
"""D2: the day kinds that are working days under each rule."""

_NOTICE_NAMES_ZH = {
    "Tomb-sweeping Day": "清明节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
}
"""chinese-calendar abbreviates these Chinese names (清明, 端午, 中秋); the notices use the full names."""

_ESTIMATE_LO = date(ESTIMATE_YEARS[0], 1, 1).toordinal()


class WorkCalendar:
    """Which days are working days, year by year, with the source of every year. Immutable.

    Build it with :meth:`default` (chinese-calendar plus corrections) and :meth:`with_overlay`.
    """

    __slots__ = (
        "_corrections",
        "_estimate_kinds",
        "_estimate_timelines",
        "_first",
        "_hi",
        "_kinds",
        "_last",
        "_lo",
        "_overlays",
        "_specials",
        "_timelines",
        "_year_sources",
    )
    _specials: dict[date, Special]
    _first: int
    _last: int
    _lo: int
    """Ordinal of 1 January of the first covered year."""
    _hi: int
    """Ordinal after 31 December of the last covered year."""
    _year_sources: dict[int, str]
    _corrections: tuple[Correction, ...]
    _overlays: tuple[CalendarOverlay, ...]
    _kinds: bytes | None
    """One kind code per covered day (``KINDS`` order), built on first use."""
    _estimate_kinds: bytes | None
    """The same over the estimate's span (D12 ``statutory_estimate``), built on first use."""
    _timelines: dict[WorkingDayRule, Timeline]
    _estimate_timelines: dict[WorkingDayRule, Timeline]

    def __init__(
        self,
        specials: Mapping[date, Special],
        covered: tuple[int, int],
        year_sources: Mapping[int, str],
        corrections: tuple[Correction, ...] = (),
        overlays: tuple[CalendarOverlay, ...] = (),
    ) -> None:
        first, last = covered
        init = object.__setattr__
        init(self, "_specials", dict(specials))
        init(self, "_first", first)
        init(self, "_last", last)
        init(self, "_lo", date(first, 1, 1).toordinal())
        init(self, "_hi", date(last, 12, 31).toordinal() + 1)
        init(self, "_year_sources", dict(year_sources))
        init(self, "_corrections", corrections)
        init(self, "_overlays", overlays)
        init(self, "_kinds", None)
        init(self, "_estimate_kinds", None)
        init(self, "_timelines", {})
        init(self, "_estimate_timelines", {})

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"WorkCalendar is immutable (cannot set {name}); use with_overlay()")

    def __repr__(self) -> str:
        overlays = f", overlays={[o.year for o in self._overlays]}" if self._overlays else ""
        corrections = len(self._corrections)
        return f"WorkCalendar(covered={self._first}–{self._last}, corrections={corrections}{overlays})"

    @classmethod
    def default(cls) -> WorkCalendar:
        """chinese-calendar's official data with the built-in corrections (built once, cached)."""
        return default_calendar()

    @property
    def covered(self) -> tuple[int, int]:
        """The first and last year with an official or overlay arrangement; every year between is covered."""
        return self._first, self._last

    @property
    def span(self) -> tuple[int, int]:
        """The day ordinals of the covered years: ``[first, after)``."""
        return self._lo, self._hi

    @property
    def estimate_span(self) -> tuple[int, int]:
        """The day ordinals D12 ``statutory_estimate`` can answer for, ``[first, after)``: from 2000 (or the
        data) to :data:`~tinghu_policy.periods.statutory.HORIZON` years past the data."""
        last = min(self._last + HORIZON, ESTIMATE_YEARS[1])
        return min(self._lo, _ESTIMATE_LO), max(self._hi, date(last, 12, 31).toordinal() + 1)

    def uncovered_years(self, first: int, last: int) -> tuple[int, ...]:
        """The years of day ordinals ``first..last`` that are beyond the data."""
        years = range(date.fromordinal(first).year, date.fromordinal(last).year + 1)
        return tuple(y for y in years if not self._first <= y <= self._last)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """The built-in corrections in effect (a year replaced by an overlay drops its corrections)."""
        return self._corrections

    @property
    def overlays(self) -> tuple[CalendarOverlay, ...]:
        """The overlays added, in effect, oldest first."""
        return self._overlays

    def with_overlay(self, overlay: CalendarOverlay | str | os.PathLike[str]) -> WorkCalendar:
        """A new calendar that takes ``overlay``'s year from the overlay (a file path or a loaded overlay).

        The year must be covered (its arrangement, corrections included, is replaced) or adjacent to the
        covered years (they grow by one). A year further away raises :class:`CalendarOverlayError`: supply the
        years in between first, so that ``covered`` stays one run of years.
        """
        ov = overlay if isinstance(overlay, CalendarOverlay) else load_overlay(overlay)
        if not self._first - 1 <= ov.year <= self._last + 1:
            raise CalendarOverlayError(
                f"an overlay for {ov.year} would leave a gap: the calendar covers "
                f"{self._first}–{self._last}; add the years in between first (one overlay per year)"
            )
        specials = {d: s for d, s in self._specials.items() if d.year != ov.year} | ov.specials()
        return WorkCalendar(
            specials,
            (min(self._first, ov.year), max(self._last, ov.year)),
            self._year_sources | {ov.year: f"overlay {ov.notice.citation}"},
            tuple(c for c in self._corrections if c.date.year != ov.year),
            (*(o for o in self._overlays if o.year != ov.year), ov),
        )

    def published_until(self, year: int) -> WorkCalendar:
        """This calendar as it stood when ``year`` was the last year published: later years are beyond the data.

        For measuring an estimate against what was later published (:mod:`~tinghu_policy.periods.accuracy`), and
        for tests. ``year`` must be a covered year.
        """
        if not self._first <= year <= self._last:
            raise CalendarOverlayError(f"{year} is not a covered year ({self._first}–{self._last})")
        return WorkCalendar(
            {d: s for d, s in self._specials.items() if d.year <= year},
            (self._first, year),
            {y: s for y, s in self._year_sources.items() if y <= year},
            tuple(c for c in self._corrections if c.date.year <= year),
            tuple(o for o in self._overlays if o.year <= year),
        )

    # --- look-ups ------------------------------------------------------------------------------------------

    def day(self, value: date, *, interpretation: Interpretation | None = None) -> DayInfo:
        """What ``value`` is: kind, working or not (D2), holiday names, source.

        A day beyond the data raises :class:`CalendarCoverageError`; with D12 ``provisional`` it is described as
        weekends-only, with ``statutory_estimate`` by the statutory estimate, and marked provisional.
        """
        interp = interpretation or DEFAULT_INTERPRETATION
        ordinal = to_legal_date(value, interp).toordinal()
        self.beyond(ordinal, ordinal, interp.beyond_calendar_data)
        estimate = interp.beyond_calendar_data is CalendarCoverage.STATUTORY_ESTIMATE
        return self.info(ordinal, interp.working_day, estimate)

    def info(self, ordinal: int, rule: WorkingDayRule, estimate: bool = False) -> DayInfo:
        """:meth:`day` for a day ordinal, never raising: a day beyond the data is described provisionally (by the
        statutory estimate with ``estimate`` where it reaches, else weekends only)."""
        day = date.fromordinal(ordinal)
        working_codes = _WORKING_CODES[rule]
        if not self._lo <= ordinal < self._hi:
            code = _WEEKEND if day.weekday() >= 5 else _WORKDAY
            estimated = estimate and _ESTIMATE_LO <= ordinal < self.estimate_span[1]
            special = estimate_specials(day.year).get(day) if estimated else None
            if special is not None:
                working = KINDS.index(special.kind) in working_codes
                return DayInfo(
                    day, special.kind, working, special.name_zh, special.name_en, False, special.source, True
                )
            source = f"statutory estimate {edition_for(day.year).citation}" if estimated else None
            return DayInfo(day, KINDS[code], code in working_codes, source=source, provisional=True)
        special = self._specials.get(day)
        if special is None:
            code = _WEEKEND if day.weekday() >= 5 else _WORKDAY
            return DayInfo(day, KINDS[code], code in working_codes, source=self._year_sources[day.year])
        working = KINDS.index(special.kind) in working_codes
        return DayInfo(
            day, special.kind, working, special.name_zh, special.name_en, special.in_lieu, special.source
        )

    def beyond(self, first: int, last: int, coverage: CalendarCoverage) -> bool:
        """Whether day ordinals ``first..last`` reach beyond the data — allowed only with D12 ``provisional``, or
        ``statutory_estimate`` as far as the estimate reaches (:attr:`estimate_span`).

        Returns False when all are covered, True when some are not and ``coverage`` allows it; otherwise raises
        :class:`CalendarCoverageError` naming the first uncovered (or, for the estimate, unestimated) year.
        """
        if self._lo <= first and last < self._hi:
            return False
        if coverage is CalendarCoverage.PROVISIONAL:
            return True
        lo, hi = self._lo, self._hi
        if coverage is CalendarCoverage.STATUTORY_ESTIMATE:
            lo, hi = self.estimate_span
            if lo <= first and last < hi:
                return True
        year = date.fromordinal(first if first < lo else max(first, hi)).year
        raise CalendarCoverageError(year, self.covered)

    def is_public_holiday(self, ordinal: int, estimate: bool = False) -> bool:
        """Whether a day is a notice's rest day (beyond the data: an estimated holiday with ``estimate``, else
        false — weekends only)."""
        if estimate:
            lo, hi = self.estimate_span
            return lo <= ordinal < hi and self._estimated_kinds()[ordinal - lo] == _HOLIDAY
        return self._lo <= ordinal < self._hi and self._day_kinds()[ordinal - self._lo] == _HOLIDAY

    def timeline(self, rule: WorkingDayRule, estimate: bool = False) -> Timeline:
        """The O(1) working-day index for a working-day rule (D2), built on first use; with ``estimate``, the one
        extended by the statutory estimate (D12)."""
        lines = self._estimate_timelines if estimate else self._timelines
        line = lines.get(rule)
        if line is None:
            table = bytes(1 if code in _WORKING_CODES[rule] else 0 for code in range(256))
            if estimate:
                lo, kinds = self.estimate_span[0], self._estimated_kinds()
            else:
                lo, kinds = self._lo, self._day_kinds()
            line = lines[rule] = Timeline(lo, kinds.translate(table), (self._lo, self._hi))
        return line

    def _estimated_kinds(self) -> bytes:
        kinds: bytes | None = self._estimate_kinds
        if kinds is None:
            lo, hi = self.estimate_span
            codes = bytearray(_weekly(lo, hi))
            for year in range(date.fromordinal(lo).year, date.fromordinal(hi - 1).year + 1):
                if not self._first <= year <= self._last:
                    for day, special in estimate_specials(year).items():
                        codes[day.toordinal() - lo] = KINDS.index(special.kind)
            codes[self._lo - lo : self._hi - lo] = self._day_kinds()
            kinds = bytes(codes)
            object.__setattr__(self, "_estimate_kinds", kinds)
        return kinds

    def _day_kinds(self) -> bytes:
        kinds: bytes | None = self._kinds
        if kinds is None:
            codes = bytearray(_weekly(self._lo, self._hi))
            for day, special in self._specials.items():
                codes[day.toordinal() - self._lo] = KINDS.index(special.kind)
            kinds = bytes(codes)
            object.__setattr__(self, "_kinds", kinds)
        return kinds


def _weekly(lo: int, hi: int) -> bytes:
    """Kind codes for ordinals ``[lo, hi)``: weekdays are working days, Saturdays and Sundays weekends."""
    week = bytes(_WEEKEND if i >= 5 else _WORKDAY for i in range(7))  # Monday first
    start = (lo - 1) % 7  # ordinal 1 is a Monday
    days = hi - lo
    return (week[start:] + week * (days // 7 + 1))[:days]


@cache
def default_calendar() -> WorkCalendar:
    """chinese-calendar's data (its installed version decides the covered years) and the corrections."""
    import chinese_calendar  # imported on first use: importing this package stays cheap

    source = f"chinesecalendar {chinese_calendar.__version__}"
    names_zh = {h.value: h.chinese for h in chinese_calendar.Holiday} | _NOTICE_NAMES_ZH

    def special(kind: DayKind, day: date, name: str) -> Special:
        return Special(kind, names_zh.get(name, name), name, day in chinese_calendar.in_lieu_days, source)

    specials = {d: special(DayKind.PUBLIC_HOLIDAY, d, n) for d, n in chinese_calendar.holidays.items()}
    # a make-up working day wins over a holiday entry, as in chinese_calendar.is_workday
    specials |= {d: special(DayKind.MAKEUP_WORKDAY, d, n) for d, n in chinese_calendar.workdays.items()}
    for c in CORRECTIONS:
        specials[c.date] = Special(c.kind, c.name_zh, c.name_en, False, f"correction {c.source.citation}")
    years = [d.year for d in chinese_calendar.holidays]
    first, last = min(years), max(years)
    return WorkCalendar(specials, (first, last), dict.fromkeys(range(first, last + 1), source), CORRECTIONS)
