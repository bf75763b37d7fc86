"""The steps of a deadline computation, each with its dates and a Chinese and an English sentence."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from tinghu_policy.periods.days import WEEKDAY_EN, WEEKDAY_ZH, DayInfo, DayKind
from tinghu_policy.periods.period import Days, Period, WorkingDays, YearEnd
from tinghu_policy.periods.statutory import edition_for

ART_201 = "民法典第二百零一条"
ART_202 = "民法典第二百零二条"
ART_203 = "民法典第二百零三条"
ART_203_2 = "民法典第二百零三条第二款"


class StepKind(StrEnum):
    """What a :class:`Step` did."""

    START = "start"
    """The start day is not counted (民法典 第二百零一条)."""
    DEEMED_START = "deemed_start"
    """D1 ``next_working_day``: an event on a non-working day is deemed to happen on the next working day."""
    COUNT = "count"
    """n working days or n calendar days counted."""
    CORRESPONDING_DAY = "corresponding_day"
    """The corresponding day of the final month or year (民法典 第二百零二条)."""
    MONTH_END_CLAMP = "month_end_clamp"
    """No corresponding day: the month end is the last day (民法典 第二百零二条, D3)."""
    ROLLOVER = "rollover"
    """The last day is a rest day: moved to the first day after the rest (民法典 第二百零三条, D4)."""
    NO_ROLLOVER = "no_rollover"
    """The last day is a weekend day but not rolled over (make-up working day, D4 option, a limit, D6)."""
    FIXED_DATE = "fixed_date"
    """每年年底前: 31 December, a fixed date (D6)."""
    END = "end"
    """The last day and its end at 24:00 Asia/Shanghai (民法典 第二百零三条第二款), or the limit day."""
    PROVISIONAL = "provisional"
    """Days beyond the calendar data were estimated: weekends only, or the statutory estimate (D12)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a computation."""

    kind: StepKind
    dates: tuple[date, ...]
    text_zh: str
    text_en: str


def start(day: date) -> Step:
    text_zh = f"开始的当日{day}不计入，自下一日开始计算（{ART_201}）"
    return Step(StepKind.START, (day,), text_zh, f"start day {day} not counted ({ART_201})")


def deemed_start(event: DayInfo, deemed: date) -> Step:
    return Step(
        StepKind.DEEMED_START,
        (event.date, deemed),
        f"{event.date}是{event.label_zh}，不是工作日，视为在下一个工作日{deemed}发生，该日不计入（D1）",
        f"{event.date} is {event.label_en}, not a working day: deemed to happen on the next working day "
        f"{deemed}, which is not counted (D1 next_working_day)",
    )


def count(period: Period, counted_after: date, last: date) -> Step:
    if isinstance(period, WorkingDays):
        skipped = (last - counted_after).days - period.n
        return Step(
            StepKind.COUNT,
            (counted_after, last),
            f"{counted_after}后第{period.n}个工作日为{last}（其间{skipped}个非工作日不计）",
            f"working day {period.n} after {counted_after} is {last} ({skipped} non-working days skipped)",
        )
    assert isinstance(period, Days)
    return Step(
        StepKind.COUNT,
        (counted_after, last),
        f"自{counted_after}次日起算{period.label_zh}，最后一日为{last}",
        f"{period.label_en} after {counted_after}: {last}",
    )


def corresponding(period: Period, last: date) -> Step:
    return Step(
        StepKind.CORRESPONDING_DAY,
        (last,),
        f"{period.label_zh}，到期月的对应日{last}为期间的最后一日（{ART_202}）",
        f"{period.label_en}: corresponding day {last} ({ART_202})",
    )


def month_end_clamp(missing: str, month_end: date) -> Step:
    return Step(
        StepKind.MONTH_END_CLAMP,
        (month_end,),
        f"到期月没有对应日{missing}，以月末日{month_end}为期间的最后一日（{ART_202}）",
        f"month-end clamp {missing} → {month_end} ({ART_202})",
    )


def rollover(last: DayInfo, rolled: date) -> Step:
    note_zh, note_en = "", ""
    if last.kind is DayKind.MAKEUP_WORKDAY:  # only under D2 weekdays_without_makeup
        note_zh, note_en = "（按D2不计为工作日）", " (not a working day under D2 weekdays_without_makeup)"
    return Step(
        StepKind.ROLLOVER,
        (last.date, rolled),
        f"{last.date}是{last.label_zh}{note_zh}，顺延至{rolled}（{ART_203}）",
        f"rolled over from {last.date} to {rolled} because {last.date} is {last.label_en}{note_en} "
        f"({ART_203})",
    )


def kept(last: DayInfo, why_zh: str, why_en: str) -> Step:
    """A weekend last day that is not rolled over: a make-up working day, or a rest day and why not."""
    if last.kind is DayKind.MAKEUP_WORKDAY:
        weekday_zh, weekday_en = WEEKDAY_ZH[last.date.weekday()], WEEKDAY_EN[last.date.weekday()]
        text_zh = f"{last.date}虽是{weekday_zh}，但为{last.label_zh}，不顺延（{ART_203}）"
        text_en = f"{last.date} is a {weekday_en} but {last.label_en}: no rollover ({ART_203})"
    else:
        text_zh = f"{last.date}是{last.label_zh}，{why_zh}"
        text_en = f"{last.date} is {last.label_en}; {why_en}"
    return Step(StepKind.NO_ROLLOVER, (last.date,), text_zh, text_en)


def not_rolled(last: date, why_zh: str, why_en: str) -> Step:
    """A last day that is not rolled over whatever it is (a limit, D4 none)."""
    return Step(StepKind.NO_ROLLOVER, (last,), f"{last}{why_zh}", f"{last}{why_en}")


def fixed_date(period: YearEnd, rolls: bool) -> Step:
    """每年年底前 (D6): a fixed day (期日), not a period (期间) counted from an event."""
    day = date(period.year, 12, 31)
    if rolls:
        zh = (
            f"每年年底前：{day}，是固定日期（期日），不是期间；按D6选项，如为休息日，参照{ART_203}第一款顺延至下一个"
            "工作日"
        )
        en = (
            f"每年年底前 before the year end: {day}, a fixed date (a day, not a period); under the D6 option a rest "
            "day is rolled over to the next working day, as Civil Code art. 203(1) does for a period's last day"
        )
    else:
        zh = (
            f"每年年底前：{day}，是固定日期（期日），不是自某一事实起算的期间：不适用{ART_201}、第二百零二条的起算和"
            "到期规则，也不按第二百零三条第一款顺延（D6）"
        )
        en = (
            f"每年年底前 before the year end: {day}, a fixed date (a day, not a period counted from an event): "
            "Civil Code art. 201 and 202 do not apply, nor does the rollover of art. 203(1) (D6)"
        )
    return Step(StepKind.FIXED_DATE, (day,), zh, en)


def fixed_date_end(last: date) -> Step:
    """The end of a fixed day (D6): the whole day, its end taken from 第二百零三条第二款 by analogy — that paragraph
    speaks of a period's last day, and a fixed day is not a period."""
    return Step(
        StepKind.END,
        (last,),
        f"截止日为{last}，当日提交即属年底前；期日不是期间，其截止时间参照{ART_203_2}为该日二十四时（北京时间）",
        f"due on {last}, a report that day is in time; a fixed day is not a period, so its end is taken from "
        "Civil Code art. 203(2) by analogy: 24:00 Asia/Shanghai",
    )


def end(last: date, limit: bool) -> Step:
    if limit:
        return Step(StepKind.END, (last,), f"期限届满之日为{last}", f"the period is complete on {last}")
    return Step(
        StepKind.END,
        (last,),
        f"期间的最后一日为{last}，截止时间为该日二十四时（北京时间）；有业务时间的，停止业务活动的时间为截止时间"
        f"（{ART_203_2}）",
        f"last day {last}, ending at 24:00 Asia/Shanghai, or when business closes where there are business hours "
        f"({ART_203_2})",
    )


def _years(years: list[int] | tuple[int, ...], sep: str) -> str:
    return sep.join(map(str, years))


_STATUS_STEPS = (StepKind.DEEMED_START, StepKind.COUNT, StepKind.ROLLOVER, StepKind.NO_ROLLOVER)


def estimated(step: Step, years: tuple[int, ...], statutory: bool) -> Step | None:
    """``step``, which read the status of days, saying so when some of them are in an estimated year; else None."""
    if step.kind not in _STATUS_STEPS or not step.dates or not years:
        return None
    first = step.dates[0] + timedelta(days=1) if step.kind is StepKind.COUNT else step.dates[0]
    touched = [y for y in years if first.year <= y <= step.dates[-1].year]
    if not touched:
        return None
    if statutory:
        zh = f"（{_years(touched, '、')}年按法定节假日估算，调休安排未知）"
        en = f" ({_years(touched, ', ')} estimated from the statutory holidays; bridging days unknown)"
    else:
        zh = f"（{_years(touched, '、')}年暂按周末计算）"
        en = f" ({_years(touched, ', ')} counted with weekends only)"
    return replace(step, text_zh=step.text_zh + zh, text_en=step.text_en + en)


def provisional(years: list[int], covered: tuple[int, int], statutory: bool) -> Step:
    """The closing step of a provisional result: which years were estimated, how, and what is unknown (D12)."""
    listed_zh, listed_en = _years(years, "、"), _years(years, ", ")
    data_zh = f"{listed_zh}年不在官方节假日安排数据内（数据覆盖{covered[0]}—{covered[1]}年）"
    data_en = f"{listed_en} beyond the official holiday data ({covered[0]}–{covered[1]})"
    if not statutory:
        return Step(
            StepKind.PROVISIONAL,
            (),
            f"{data_zh}，暂按周一至周五为工作日计算，法定节假日和调休安排均未计入，结果为临时结果（D12）",
            f"{data_en}: counted with Monday–Friday as working days, neither the statutory holidays nor the "
            f"bridging arrangement counted; result provisional (D12)",
        )
    editions: dict[str, list[int]] = {}
    for year in years:
        editions.setdefault(edition_for(year).citation, []).append(year)
    if len(editions) == 1:
        law_zh = next(iter(editions))
        law_en = edition_for(years[0]).citation_en
    else:
        law_zh = "、".join(f"{_years(ys, '、')}年施行的{c}" for c, ys in editions.items())
        law_en = "; ".join(
            f"{edition_for(ys[0]).citation_en} for {_years(ys, ', ')}" for ys in editions.values()
        )
    return Step(
        StepKind.PROVISIONAL,
        (),
        f"{data_zh}，其休息日按{law_zh}第二条规定的全体公民放假的节日、第六条规定的补假（节日适逢周六、周日或与"
        f"其他节日同日的，在其后第一个工作日补假）和周末估算；国务院办公厅的调休安排（调休放假、调休上班）事先无法确定，未予计入；"
        f"结果为临时结果，该年安排公布后应重新计算（D12）",
        f"{data_en}: rest days estimated as the weekends, the holidays of art. 2 of the {law_en} and the "
        f"compensatory day off of its art. 6 (a holiday on a Saturday or Sunday, or on another holiday, is made up "
        f"on the next working day); the State Council's bridging days and make-up working days cannot be known in advance and are not "
        f"included; result provisional, to be recomputed once that year's arrangement is published (D12)",
    )
