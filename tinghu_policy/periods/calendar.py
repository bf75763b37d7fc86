"""The working-day calendar: the State Council arrangement year by year (decisions D2 and D12).

:meth:`WorkCalendar.default` holds chinese-calendar's official data (public holidays, make-up working days,
in-lieu days) plus the built-in :mod:`~tinghu_policy.periods.corrections`; its covered years are read from the
installed chinese-calendar, never hard-coded. :meth:`WorkCalendar.with_overlay` adds (or replaces) a year from
its notice. The covered years are always one contiguous run: an overlay must be for a covered year or for the
year just before or after them, so ``covered`` is exact and every day outside it is beyond the data.

The day index (one kind code per day, and per working-day rule a prefix sum of working days) is built on first
use and kept, so a look-up is O(1) and so is adding working days (:mod:`~tinghu_policy.periods.arithmetic`).
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


class WorkCalendar:
    """Which days are working days, year by year, with the source of every year. Immutable.

    Build it with :meth:`default` (chinese-calendar plus corrections) and :meth:`with_overlay`.
    """

    __slots__ = (
        "_corrections",
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
    _timelines: dict[WorkingDayRule, Timeline]

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
        init(self, "_timelines", {})

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

    # --- look-ups ------------------------------------------------------------------------------------------

    def day(self, value: date, *, interpretation: Interpretation | None = None) -> DayInfo:
        """What ``value`` is: kind, working or not (D2), holiday names, source.

        A day beyond the data raises :class:`CalendarCoverageError`, or with D12 ``provisional`` is described
        as weekends-only and marked provisional.
        """
        interp = interpretation or DEFAULT_INTERPRETATION
        ordinal = to_legal_date(value, interp).toordinal()
        self.beyond(ordinal, ordinal, interp.beyond_calendar_data)
        return self.info(ordinal, interp.working_day)

    def info(self, ordinal: int, rule: WorkingDayRule) -> DayInfo:
        """:meth:`day` for a day ordinal, never raising: a day beyond the data is described provisionally."""
        day = date.fromordinal(ordinal)
        working_codes = _WORKING_CODES[rule]
        if not self._lo <= ordinal < self._hi:
            code = _WEEKEND if day.weekday() >= 5 else _WORKDAY
            return DayInfo(day, KINDS[code], code in working_codes, provisional=True)
        special = self._specials.get(day)
        if special is None:
            code = _WEEKEND if day.weekday() >= 5 else _WORKDAY
            return DayInfo(day, KINDS[code], code in working_codes, source=self._year_sources[day.year])
        working = KINDS.index(special.kind) in working_codes
        return DayInfo(
            day, special.kind, working, special.name_zh, special.name_en, special.in_lieu, special.source
        )

    def beyond(self, first: int, last: int, coverage: CalendarCoverage) -> bool:
        """Whether day ordinals ``first..last`` reach beyond the data — allowed only with D12 ``provisional``.

        Returns False when all are covered, True when some are not and ``coverage`` is provisional; otherwise
        raises :class:`CalendarCoverageError` naming the first uncovered year among them.
        """
        if self._lo <= first and last < self._hi:
            return False
        if coverage is CalendarCoverage.PROVISIONAL:
            return True
        year = date.fromordinal(first if first < self._lo else max(first, self._hi)).year
        raise CalendarCoverageError(year, self.covered)

    def is_public_holiday(self, ordinal: int) -> bool:
        """Whether a covered day is a notice's rest day (false beyond the data: weekends only)."""
        return self._lo <= ordinal < self._hi and self._day_kinds()[ordinal - self._lo] == _HOLIDAY

    def timeline(self, rule: WorkingDayRule) -> Timeline:
        """The O(1) working-day index for a working-day rule (D2), built on first use."""
        line = self._timelines.get(rule)
        if line is None:
            table = bytes(1 if code in _WORKING_CODES[rule] else 0 for code in range(256))
            line = self._timelines[rule] = Timeline(self._lo, self._day_kinds().translate(table))
        return line

    def _day_kinds(self) -> bytes:
        kinds: bytes | None = self._kinds
        if kinds is None:
            codes = bytearray(_WEEKEND if (o - 1) % 7 >= 5 else _WORKDAY for o in range(self._lo, self._hi))
            for day, special in self._specials.items():
                codes[day.toordinal() - self._lo] = KINDS.index(special.kind)
            kinds = bytes(codes)
            object.__setattr__(self, "_kinds", kinds)
        return kinds


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
