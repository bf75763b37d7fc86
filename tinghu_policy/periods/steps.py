"""The steps of a deadline computation, each with its dates and a Chinese and an English sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tinghu_policy.periods.days import WEEKDAY_EN, WEEKDAY_ZH, DayInfo, DayKind
from tinghu_policy.periods.period import Days, Period, WorkingDays, YearEnd

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
    """Days beyond the calendar data were read as weekends only (D12)."""


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
    day = date(period.year, 12, 31)
    if rolls:
        zh, en = (
            "，如为休息日顺延至下一个工作日（D6）",
            ", rolled over to the next working day if a rest day (D6)",
        )
    else:
        zh, en = "，是固定日期，不顺延（D6）", ", a fixed date, not rolled over (D6)"
    return Step(
        StepKind.FIXED_DATE, (day,), f"每年年底前：{day}{zh}", f"每年年底前 before the year end: {day}{en}"
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


def provisional(years: list[int]) -> Step:
    listed = "、".join(map(str, years))
    return Step(
        StepKind.PROVISIONAL,
        (),
        f"{listed}年不在官方节假日数据内，暂按周一至周五为工作日计算，结果为临时结果（D12）",
        f"{', '.join(map(str, years))} beyond the official calendar data: counted with Monday–Friday as "
        f"working days, result provisional (D12)",
    )
