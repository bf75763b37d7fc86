"""The statutory estimate (decision D12 ``statutory_estimate``): a year's rest days as the law itself fixes them.

The State Council's notice for a year (《国务院办公厅关于XXXX年部分节假日安排的通知》) is published late in the year
before. Until it is, part of the year is still fixed by law: 《全国年节及纪念日放假办法》 names the holidays every
citizen has (第二条) and says that a holiday falling on a Saturday or Sunday is made up on a working day (第六条).
What the notice adds, and nobody can know in advance, is the 调休: weekdays given as rest to bridge a holiday to a
weekend, and the weekend days worked in exchange (第七条 since 2025 says only that such arrangements "may" be made).

The estimate of a year beyond the data is therefore:

* the weekends, plus
* the holidays of 第二条 in the edition in force for that year (:data:`EDITIONS`): the solar dates as written, the
  lunar dates (农历除夕, 正月初一至初三, 端午 五月初五, 中秋 八月十五) and the 清明 solar term computed by lunar-python,
* plus, for each holiday day on a Saturday or Sunday, one compensatory day off (补假, 第六条) on the first working
  day after that holiday — the law says "在工作日补假" without naming the day; the notices give the next working day.
  A holiday day that another holiday already has (中秋节 on 1 October 2020) is made up the same way, as the 2009 and
  2020 notices did (8 days for 国庆节 and 中秋节 together).

Every result computed with it is provisional and names the years estimated. How often it gives the published
answer is measured, year by year, in :mod:`tinghu_policy.periods.accuracy` (the docs' calendar page).

Editions: 1999 (国务院令第270号, the years 2000–2007), 2007 (第513号, 2008–2013), 2013 (第644号, 2014–2024), 2024
(第774号, from 2025). A year before 2000 (the 1949 text applied) is not estimated, nor one more than
:data:`HORIZON` years past the calendar data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tinghu_policy.periods.days import DayKind, Special

ESTIMATE_YEARS = (2000, 2099)
"""The years the estimate can give: from the first whole year of the 1999 edition to the end of the century."""

HORIZON = 10
"""How many years past the calendar data a calendar estimates (:attr:`WorkCalendar.estimate_span`). The law was
revised in 1999, 2007, 2013 and 2024: further ahead, which edition will be in force is itself a guess."""

_DAY = timedelta(days=1)


@cache
def _lunar(year: int, month: int, day: int) -> date:
    """The solar date of a lunar-calendar day of the lunar year ``year`` (lunar-python)."""
    from lunar_python import Lunar  # imported on first use: only the estimate needs it

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@cache
def _qingming(year: int) -> date:
    """The day of the 清明 solar term in ``year`` (4–6 April), from lunar-python."""
    from lunar_python import Solar

    for day in range(3, 7):
        if Solar.fromYmd(year, 4, day).getLunar().getJieQi() == "清明":
            return date(year, 4, day)
    raise AssertionError(f"lunar-python has no 清明 in early April {year}")  # pragma: no cover


def _solar(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _lunar_day(month: int, day: int) -> Callable[[int], date]:
    return lambda year: _lunar(year, month, day)


def _eve(year: int) -> date:
    """农历除夕: the last day of the lunar year, the day before 正月初一."""
    return _lunar(year, 1, 1) - _DAY


@dataclass(frozen=True, slots=True)
class StatutoryDay:
    """One day the law itself makes a holiday: its date, its holiday and how the law words it."""

    date: date
    name_zh: str
    name_en: str
    wording_zh: str
    """As the law says it, e.g. 农历正月初一, 5月1日, 农历清明当日."""


@dataclass(frozen=True, slots=True)
class Festival:
    """A holiday of 第二条: its name, the days it gives and how they are found."""

    name_zh: str
    name_en: str
    text_zh: str
    """The clause as the law words it, e.g. 春节，放假4天（农历除夕、正月初一至初三）."""
    days: tuple[tuple[str, Callable[[int], date]], ...]
    """Each day's wording and how to find it in a year."""

    def on(self, year: int) -> tuple[StatutoryDay, ...]:
        return tuple(
            StatutoryDay(find(year), self.name_zh, self.name_en, wording) for wording, find in self.days
        )


@dataclass(frozen=True, slots=True)
class Edition:
    """An edition of 《全国年节及纪念日放假办法》 and the years it governs."""

    number: str
    """The State Council decree (国务院令) that gave this text, e.g. 国务院令第774号."""
    promulgated: date
    effective: date
    first_year: int
    """The first whole calendar year it governs."""
    festivals: tuple[Festival, ...]

    @property
    def citation(self) -> str:
        return f"《全国年节及纪念日放假办法》（{self.promulgated.year}年{self.number}修订）"

    @property
    def citation_en(self) -> str:
        return f"National Holidays Measures as revised in {self.promulgated.year} ({self.number})"


NEW_YEAR = Festival("元旦", "New Year's Day", "元旦，放假1天（1月1日）", (("1月1日", _solar(1, 1)),))
TOMB_SWEEPING = Festival(
    "清明节", "Tomb-sweeping Day", "清明节，放假1天（农历清明当日）", (("农历清明当日", _qingming),)
)
DRAGON_BOAT = Festival(
    "端午节", "Dragon Boat Festival", "端午节，放假1天（农历端午当日）", (("农历端午当日", _lunar_day(5, 5)),)
)
LABOUR_DAY_ONE = Festival("劳动节", "Labour Day", "劳动节，放假1天（5月1日）", (("5月1日", _solar(5, 1)),))
"""劳动节 of the 2008 and 2014 editions (one day; the 2025 edition gives two)."""
MID_AUTUMN = Festival(
    "中秋节", "Mid-autumn Festival", "中秋节，放假1天（农历中秋当日）", (("农历中秋当日", _lunar_day(8, 15)),)
)
NATIONAL_DAY = Festival(
    "国庆节",
    "National Day",
    "国庆节，放假3天（10月1日、2日、3日）",
    (("10月1日", _solar(10, 1)), ("10月2日", _solar(10, 2)), ("10月3日", _solar(10, 3))),
)
_FIRST_THREE = (("农历正月初一", _lunar_day(1, 1)), ("农历正月初二", _lunar_day(1, 2)))

EDITIONS: tuple[Edition, ...] = (
    Edition(
        "国务院令第270号",
        date(1999, 9, 18),
        date(1999, 9, 18),
        2000,
        (
            NEW_YEAR,
            Festival(
                "春节",
                "Spring Festival",
                "春节，放假3天（农历正月初一、初二、初三）",
                (*_FIRST_THREE, ("农历正月初三", _lunar_day(1, 3))),
            ),
            Festival(
                "劳动节",
                "Labour Day",
                "劳动节，放假3天（5月1日、2日、3日）",
                (("5月1日", _solar(5, 1)), ("5月2日", _solar(5, 2)), ("5月3日", _solar(5, 3))),
            ),
            NATIONAL_DAY,
        ),
    ),
    Edition(
        "国务院令第513号",
        date(2007, 12, 14),
        date(2008, 1, 1),
        2008,
        (
            NEW_YEAR,
            Festival(
                "春节",
                "Spring Festival",
                "春节，放假3天（农历除夕、正月初一、初二）",
                (("农历除夕", _eve), *_FIRST_THREE),
            ),
            TOMB_SWEEPING,
            LABOUR_DAY_ONE,
            DRAGON_BOAT,
            MID_AUTUMN,
            NATIONAL_DAY,
        ),
    ),
    Edition(
        "国务院令第644号",
        date(2013, 12, 11),
        date(2014, 1, 1),
        2014,
        (
            NEW_YEAR,
            Festival(
                "春节",
                "Spring Festival",
                "春节，放假3天（农历正月初一、初二、初三）",
                (*_FIRST_THREE, ("农历正月初三", _lunar_day(1, 3))),
            ),
            TOMB_SWEEPING,
            LABOUR_DAY_ONE,
            DRAGON_BOAT,
            MID_AUTUMN,
            NATIONAL_DAY,
        ),
    ),
    Edition(
        "国务院令第774号",
        date(2024, 11, 10),
        date(2025, 1, 1),
        2025,
        (
            NEW_YEAR,
            Festival(
                "春节",
                "Spring Festival",
                "春节，放假4天（农历除夕、正月初一至初三）",
                (("农历除夕", _eve), *_FIRST_THREE, ("农历正月初三", _lunar_day(1, 3))),
            ),
            TOMB_SWEEPING,
            Festival(
                "劳动节",
                "Labour Day",
                "劳动节，放假2天（5月1日、2日）",
                (("5月1日", _solar(5, 1)), ("5月2日", _solar(5, 2))),
            ),
            DRAGON_BOAT,
            MID_AUTUMN,
            NATIONAL_DAY,
        ),
    ),
)
"""The editions since 1999, oldest first; each governs the years from its ``first_year`` to the next one's."""


def estimable(year: int) -> bool:
    """Whether the estimate can give ``year`` (:data:`ESTIMATE_YEARS`)."""
    return ESTIMATE_YEARS[0] <= year <= ESTIMATE_YEARS[1]


def edition_for(year: int) -> Edition:
    """The edition in force for the whole of ``year``; ValueError outside :data:`ESTIMATE_YEARS`."""
    if not estimable(year):
        raise ValueError(
            f"no statutory estimate for {year}: the estimate covers {ESTIMATE_YEARS[0]}–{ESTIMATE_YEARS[1]}"
        )
    return next(e for e in reversed(EDITIONS) if e.first_year <= year)


def statutory_days(year: int) -> tuple[StatutoryDay, ...]:
    """The days 第二条 of the edition in force makes holidays in ``year``, by date (a day two holidays share,
    as 中秋节 on 1 October 2020, appears once per holiday)."""
    edition = edition_for(year)
    return tuple(sorted((d for f in edition.festivals for d in f.on(year)), key=lambda d: d.date))


@dataclass(frozen=True, slots=True)
class Compensation:
    """A compensatory day off (补假, 第六条) for a holiday day that fell on a weekend or on another holiday."""

    date: date
    for_day: StatutoryDay
    shared_with: str | None = None
    """The holiday that already had the day, when that (not a weekend) is why it is made up."""

    @property
    def reason_zh(self) -> str:
        """E.g. 5月1日适逢周六 / 10月1日与中秋节同日."""
        day = self.for_day.date
        if self.shared_with is not None:
            return f"{day.month}月{day.day}日与{self.shared_with}同日"
        return f"{day.month}月{day.day}日适逢{'周六' if day.weekday() == 5 else '周日'}"


def compensation_days(year: int) -> tuple[Compensation, ...]:
    """第六条: for each holiday day on a Saturday or Sunday — or on a day another holiday already has (中秋节 on
    国庆节, 1 October 2020: the notices gave the day back, 8 days off in 2009 and 2020) — the first working day after
    its holiday that is not itself a holiday or another compensatory day."""
    days = statutory_days(year)
    rest = {d.date for d in days}
    out: list[Compensation] = []
    by_festival: dict[str, list[StatutoryDay]] = {}
    for day in days:
        by_festival.setdefault(day.name_zh, []).append(day)
    taken: dict[date, str] = {}
    for own in by_festival.values():  # in the order of their first day
        after = own[-1].date
        for day in own:
            shared = taken.setdefault(day.date, day.name_zh)
            if day.date.weekday() < 5 and shared == day.name_zh:
                continue
            after += _DAY
            while after.weekday() >= 5 or after in rest:
                after += _DAY
            rest.add(after)
            out.append(Compensation(after, day, None if shared == day.name_zh else shared))
    return tuple(sorted(out, key=lambda c: c.date))


@cache
def estimate_specials(year: int) -> dict[date, Special]:
    """The estimated rest days of ``year`` beyond the weekends, as calendar entries (D12 ``statutory_estimate``)."""
    source = f"statutory estimate {edition_for(year).citation}"
    names: dict[date, list[StatutoryDay]] = {}
    for day in statutory_days(year):
        names.setdefault(day.date, []).append(day)
    out = {
        d: Special(
            DayKind.PUBLIC_HOLIDAY,
            "、".join(s.name_zh for s in same),
            ", ".join(s.name_en for s in same),
            False,
            source,
        )
        for d, same in names.items()
    }
    for comp in compensation_days(year):
        name_zh, name_en = comp.for_day.name_zh, comp.for_day.name_en
        out[comp.date] = Special(
            DayKind.PUBLIC_HOLIDAY, f"{name_zh}补假", f"{name_en} (compensatory day off)", False, source
        )
    return out
