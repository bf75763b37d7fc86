"""How good is the statutory estimate (D12)? Measured against the arrangements that were later published.

For each year Y with a published arrangement, the calendar is cut back to what was known before Y's notice
(:meth:`WorkCalendar.published_until` Y − 1: Y and every later year unpublished), and every deadline starting on a
day of Y is computed three ways:

* the published answer (the full calendar data),
* the statutory estimate (D12 ``statutory_estimate``, the edition of the law in force in each year estimated),
* the weekends-only reading (D12 ``provisional``).

The deadlines are the working-day periods the regulation uses (3, 5, 10 and 15 working days, art. 11) and its
month periods (3, 6 and 12 months, arts. 24, 27 and 30), whose last day is rolled over a rest day (民法典
第二百零三条). A deadline whose published answer needs a year not yet published is left out (and counted). The
error of a reading is its due date minus the published one, in calendar days: positive means later than the law
allows (a party relying on it would be late), negative earlier (on the safe side).

The docs' calendar page shows :func:`measure_all` as a summary and a table per year (:func:`summary_rows`,
:func:`year_rows`, :func:`worst_lines`); ``tinghu-policy calendar accuracy`` prints the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from tinghu_policy.errors import CalendarCoverageError
from tinghu_policy.interpretation import CalendarCoverage, Interpretation
from tinghu_policy.periods.calendar import WorkCalendar, default_calendar
from tinghu_policy.periods.deadline import deadline
from tinghu_policy.periods.period import Months, Period, WorkingDays
from tinghu_policy.periods.statutory import Edition, edition_for

FAMILIES: tuple[tuple[str, str, tuple[Period, ...]], ...] = (
    ("3个工作日", "3 working days", (WorkingDays(3),)),
    ("5个工作日", "5 working days", (WorkingDays(5),)),
    ("10个工作日", "10 working days", (WorkingDays(10),)),
    ("15个工作日", "15 working days", (WorkingDays(15),)),
    ("3、6、12个月（末日顺延）", "3, 6, 12 months (rolled over)", (Months(3), Months(6), Months(12))),
)
"""The deadlines measured: a name in Chinese and English and the periods of the family."""

FIRST_YEAR = 2015
"""The first year measured by default."""

ESTIMATE = Interpretation(beyond_calendar_data=CalendarCoverage.STATUTORY_ESTIMATE)
WEEKENDS = Interpretation(beyond_calendar_data=CalendarCoverage.PROVISIONAL)


@dataclass(frozen=True, slots=True)
class Miss:
    """A deadline a reading got wrong."""

    start: date
    period: Period
    published: date
    read: date

    @property
    def error(self) -> int:
        """Days the reading is later (positive) or earlier (negative) than the published due date."""
        return (self.read - self.published).days


@dataclass(slots=True)
class Tally:
    """One reading's results over a set of deadlines."""

    total: int = 0
    errors: Counter[int] = field(default_factory=Counter)
    """Error in days → number of deadlines (0: the same day)."""
    misses: list[Miss] = field(default_factory=list)

    def add(self, start: date, period: Period, published: date, read: date) -> None:
        self.total += 1
        self.errors[(read - published).days] += 1
        if read != published:
            self.misses.append(Miss(start, period, published, read))

    @property
    def same(self) -> int:
        return self.errors[0]

    @property
    def share(self) -> float:
        """The share of deadlines on the published day (1.0 when there are none)."""
        return self.same / self.total if self.total else 1.0

    @property
    def later(self) -> int:
        """Deadlines the reading puts after the published day (the unsafe side)."""
        return sum(n for e, n in self.errors.items() if e > 0)

    def worst(self, n: int = 3) -> list[Miss]:
        """The ``n`` largest errors (later first on a tie: the unsafe side), then by start date."""
        return sorted(self.misses, key=lambda m: (-abs(m.error), -m.error, m.start))[:n]


@dataclass(slots=True)
class Family:
    """One family of deadlines in one year, under both readings."""

    name_zh: str
    name_en: str
    estimate: Tally = field(default_factory=Tally)
    weekends: Tally = field(default_factory=Tally)


@dataclass(slots=True)
class YearAccuracy:
    """Every deadline starting in ``year``, the year pretended unpublished."""

    year: int
    edition: Edition
    """The edition of 《全国年节及纪念日放假办法》 the estimate used for ``year``."""
    families: list[Family]
    skipped: int = 0
    """Deadlines left out: their published answer needs a year not yet published."""

    @property
    def estimate(self) -> Tally:
        return _merged(f.estimate for f in self.families)

    @property
    def weekends(self) -> Tally:
        return _merged(f.weekends for f in self.families)


def _merged(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for t in tallies:
        out.total += t.total
        out.errors.update(t.errors)
        out.misses.extend(t.misses)
    return out


def measure(year: int, calendar: WorkCalendar | None = None) -> YearAccuracy:
    """The estimate and the weekends-only reading of every deadline starting in ``year`` against ``calendar``
    (default: the built-in data), with ``year`` and every later year treated as unpublished."""
    published = default_calendar() if calendar is None else calendar
    known = published.published_until(year - 1)
    result = YearAccuracy(year, edition_for(year), [Family(zh, en) for zh, en, _ in FAMILIES])
    day = date(year, 1, 1)
    while day.year == year:
        for family, (_, _, periods) in zip(result.families, FAMILIES, strict=True):
            for period in periods:
                try:
                    due = deadline(day, period, calendar=published).due
                except CalendarCoverageError:
                    result.skipped += 1
                    continue
                estimated = deadline(day, period, calendar=known, interpretation=ESTIMATE).due
                weekends = deadline(day, period, calendar=known, interpretation=WEEKENDS).due
                family.estimate.add(day, period, due, estimated)
                family.weekends.add(day, period, due, weekends)
        day += timedelta(days=1)
    return result


def measure_all(
    first: int = FIRST_YEAR, last: int | None = None, calendar: WorkCalendar | None = None
) -> list[YearAccuracy]:
    """:func:`measure` for each year ``first..last`` (default: to the last year of the data)."""
    published = default_calendar() if calendar is None else calendar
    last = published.covered[1] if last is None else last
    return [measure(year, published) for year in range(first, last + 1)]


# --- rows for the docs page and the command line -----------------------------------------------------------


def percent(tally: Tally) -> str:
    """The same-day share, e.g. ``89.6%``."""
    return f"{100 * tally.share:.1f}%"


def distribution(tally: Tally) -> str:
    """The errors other than 0 as ``days: deadlines``, e.g. ``−2: 3 · +1: 17`` (— when there are none)."""
    parts = [f"{e:+d}: {n}".replace("-", "−") for e, n in sorted(tally.errors.items()) if e]
    return " · ".join(parts) or "—"


SUMMARY_HEADERS = (
    ("年度", "year"),
    ("估算所据版本", "edition"),
    ("期限数", "deadlines"),
    ("估算：同日", "estimate: same day"),
    ("仅周末：同日", "weekends only: same day"),
    ("估算：晚于公布日", "estimate: later"),
    ("仅周末：晚于公布日", "weekends only: later"),
)


def summary_rows(results: list[YearAccuracy]) -> list[tuple[str, ...]]:
    """One row per year (:data:`SUMMARY_HEADERS`), then the total."""
    rows: list[tuple[str, ...]] = [
        (
            str(r.year),
            r.edition.number,
            str(r.estimate.total),
            percent(r.estimate),
            percent(r.weekends),
            str(r.estimate.later),
            str(r.weekends.later),
        )
        for r in results
    ]
    est = _merged(r.estimate for r in results)
    wk = _merged(r.weekends for r in results)
    rows.append(("合计", "", str(est.total), percent(est), percent(wk), str(est.later), str(wk.later)))
    return rows


YEAR_HEADERS = (
    ("期限", "deadline"),
    ("期限数", "deadlines"),
    ("估算：同日", "estimate: same day"),
    ("仅周末：同日", "weekends only: same day"),
    ("估算误差（日：期限数）", "estimate error (days: deadlines)"),
    ("仅周末误差", "weekends-only error"),
)


def year_rows(result: YearAccuracy) -> list[tuple[str, ...]]:
    """One row per family of deadlines (:data:`YEAR_HEADERS`; the first cell is the Chinese name, the English
    one is :attr:`Family.name_en`), then the year's total."""
    rows: list[tuple[str, ...]] = [
        (
            f.name_zh,
            str(f.estimate.total),
            percent(f.estimate),
            percent(f.weekends),
            distribution(f.estimate),
            distribution(f.weekends),
        )
        for f in result.families
    ]
    est, wk = result.estimate, result.weekends
    rows.append(("合计", str(est.total), percent(est), percent(wk), distribution(est), distribution(wk)))
    return rows


def worst_lines(result: YearAccuracy, n: int = 3) -> list[str]:
    """The estimate's ``n`` worst deadlines of the year, in Chinese."""
    return [
        f"{m.start}起{m.period.label_zh}：按公布的安排为{m.published}，估算为{m.read}"
        f"（{'晚' if m.error > 0 else '早'}{abs(m.error)}日）"
        for m in result.estimate.worst(n)
    ]
