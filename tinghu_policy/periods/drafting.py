"""The next year's notice in minutes: an overlay skeleton from the law, and the check of the completed file.

:func:`skeleton` writes a year's overlay (format: :mod:`~tinghu_policy.periods.overlay`) with the days the law
fixes already in place — the holidays of 《全国年节及纪念日放假办法》第二条 in the edition in force that year and the
compensatory days off of 第六条 — and a comment on every line the maintainer completes from the notice (the
holiday blocks as the notice words them, the 调休 days, the notice's title, number and date). It is not a valid
overlay until the notice's date is filled in: a skeleton is never mistaken for a notice.

:func:`check` reads a completed overlay against the law: errors for what a notice cannot say (a statutory holiday
outside every holiday block, one holiday split over two blocks; make-up working days that are not weekends are
refused when the file is read), warnings for what a notice rarely says and a typing slip often does (a holiday on a
weekend with no compensatory day, 调休 days off and make-up days that do not balance, more than six working days
in a row next to a holiday — 第七条 since 2025).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tinghu_policy.periods.days import WEEKDAY_ZH
from tinghu_policy.periods.overlay import CalendarOverlay, HolidayBlock
from tinghu_policy.periods.statutory import (
    Compensation,
    StatutoryDay,
    compensation_days,
    edition_for,
    statutory_days,
)

_DAY = timedelta(days=1)


def _md(day: date) -> str:
    """E.g. 2月6日（周六）."""
    return f"{day.month}月{day.day}日（{WEEKDAY_ZH[day.weekday()]}）"


@dataclass(frozen=True, slots=True)
class DraftBlock:
    """A holiday block as the law alone gives it: its statutory days and compensatory days off."""

    names_zh: tuple[str, ...]
    names_en: tuple[str, ...]
    days: tuple[StatutoryDay, ...]
    compensations: tuple[Compensation, ...]

    @property
    def first(self) -> date:
        return min(d.date for d in self.days)

    @property
    def last(self) -> date:
        return max([d.date for d in self.days] + [c.date for c in self.compensations])


def draft_blocks(year: int) -> tuple[DraftBlock, ...]:
    """The law's holiday blocks of ``year``: each holiday's days and 补假, two holidays joined when their days
    meet or only a weekend lies between them (as 中秋节、国庆节 in 2020 and 2025)."""
    days, comps = statutory_days(year), compensation_days(year)
    blocks: list[DraftBlock] = []
    for name in dict.fromkeys(d.name_zh for d in days):
        own = tuple(d for d in days if d.name_zh == name)
        block = DraftBlock(
            (name,), (own[0].name_en,), own, tuple(c for c in comps if c.for_day.name_zh == name)
        )
        if blocks and _meets(blocks[-1].last, block.first):
            prev = blocks.pop()
            block = DraftBlock(
                prev.names_zh + block.names_zh,
                prev.names_en + block.names_en,
                prev.days + block.days,
                prev.compensations + block.compensations,
            )
        blocks.append(block)
    return tuple(blocks)


def _meets(last: date, first: date) -> bool:
    """Whether a block ending on ``last`` and one starting on ``first`` overlap or only a weekend lies between."""
    day = last + _DAY
    while day < first:
        if day.weekday() < 5:
            return False
        day += _DAY
    return True


def skeleton(year: int) -> str:
    """The overlay skeleton of ``year`` as YAML text, with the statutory days filled in (module docstring)."""
    edition = edition_for(year)
    lines = [
        f"# {year}年节假日安排叠加文件（草稿）。由 tinghu-policy calendar overlay --year {year} 生成。",
        f"# 已按{edition.citation}填入法定节假日：第二条规定的全体公民放假的节日，",
        "# 以及第六条规定的补假（节日适逢周六、周日的，在工作日补假；此处取其后第一个工作日）。",
        "# 请对照《国务院办公厅关于" + f"{year}年部分节假日安排的通知》逐项补全：",
        "#   1. notice：通知标题、发文字号（不知道就留 null，不得猜测）、成文日期（issued，必填）；",
        "#   2. 每个节日的放假起止日期 first/last（通知“X月X日至X日放假调休，共X天”）；",
        "#   3. in_lieu：放假区间内调休放假的工作日；makeup_workdays：调休上班的周六、周日（通知“X月X日（周X）上班”）。",
        f"# 补全后运行 tinghu-policy calendar check {year}.yaml 检查，并按月核对。格式说明：examples/calendar-overlays/README.md",
        f"year: {year}",
        "notice:",
        f"  title: 国务院办公厅关于{year}年部分节假日安排的通知",
        "  number: null        # 发文字号，照通知填写，不得猜测",
        "  issued: null        # 成文日期（必填），例如 " + f"{year - 1}-11-04",
        "  url: null           # 可选：通知全文的网址",
        "",
        "holidays:",
    ]
    for block in draft_blocks(year):
        law = "；".join(_law_line(block, name) for name in block.names_zh)
        lines += [
            f"  # 法定：{law}",
            f"  - name_zh: {'、'.join(block.names_zh)}",
            f"    name_en: {', '.join(block.names_en)}",
            f"    first: {block.first.isoformat()}   # {_md(block.first)}：按通知的放假首日修改",
            f"    last: {block.last.isoformat()}    # {_md(block.last)}：按通知的放假末日修改",
            "    in_lieu: []        # 调休放假的工作日",
            "    makeup_workdays: []  # 调休上班的周六、周日",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def _law_day(day: StatutoryDay) -> str:
    """E.g. 5月1日（周六）, 农历除夕（2月5日，周五）."""
    if day.wording_zh.startswith("农历"):
        return f"{day.wording_zh}（{day.date.month}月{day.date.day}日，{WEEKDAY_ZH[day.date.weekday()]}）"
    return _md(day.date)


def _law_line(block: DraftBlock, name: str) -> str:
    days = [d for d in block.days if d.name_zh == name]
    text = f"{name}，{'、'.join(_law_day(d) for d in days)}"
    comps = [c for c in block.compensations if c.for_day.name_zh == name]
    if comps:
        why = "、".join(c.reason_zh for c in comps)
        text += f"；{why}，依第六条补假{'、'.join(_md(c.date) for c in comps)}"
    return text


# --- the check ----------------------------------------------------------------------------------------------


class Severity(StrEnum):
    """How a finding of :func:`check` weighs."""

    ERROR = "error"
    """The file contradicts the law: it cannot be the notice."""
    WARNING = "warning"
    """Unusual for a notice, usual for a typing slip: compare with the notice."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of :func:`check`, in Chinese and English."""

    severity: Severity
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Passed:
    """A rule the file meets, said as the maintainer reads it."""

    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What :func:`check` found."""

    overlay: CalendarOverlay
    passed: tuple[Passed, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors


def check(overlay: CalendarOverlay) -> CheckResult:
    """``overlay`` read against 《全国年节及纪念日放假办法》 of its year (module docstring)."""
    year = overlay.year
    edition = edition_for(year)
    passed: list[Passed] = []
    problems: list[Problem] = []
    block_of: dict[date, HolidayBlock] = {}
    for block in overlay.holidays:
        for day in block.rest_days():
            block_of[day] = block
    makeups = {d for b in overlay.holidays for d in b.makeup_workdays}

    # every statutory day is a rest day of a holiday block
    statutory = statutory_days(year)
    outside = [d for d in statutory if d.date not in block_of]
    for d in outside:
        problems.append(
            Problem(
                Severity.ERROR,
                f"法定节假日{d.date}（{d.name_zh}，{d.wording_zh}）不在任何放假区间内（{edition.citation}第二条）",
                f"statutory holiday {d.date} ({d.name_en}) is in no holiday block (art. 2 of the {edition.citation_en})",
            )
        )
    if not outside:
        passed.append(
            Passed(
                f"{len(statutory)}个法定节假日均在放假区间内（{edition.citation}第二条）",
                f"all {len(statutory)} statutory holiday days are in a holiday block",
            )
        )

    # one holiday, one block
    split = False
    for name in dict.fromkeys(d.name_zh for d in statutory):
        blocks = {id(block_of[d.date]) for d in statutory if d.name_zh == name and d.date in block_of}
        if len(blocks) > 1:
            split = True
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"{name}的法定节假日分在{len(blocks)}个放假区间：一个节日的假期应连续",
                    f"the statutory days of {name} are split over {len(blocks)} blocks: one holiday is one break",
                )
            )
    if not split:
        passed.append(
            Passed("每个节日的法定节假日在同一个连续的放假区间内", "each holiday's days form one block")
        )

    # make-up working days are weekend days (refused on reading otherwise; said here for the record)
    passed.append(
        Passed(
            f"调休上班日{len(makeups)}天，均为周六、周日，且不在放假区间内",
            f"{len(makeups)} make-up working days, all Saturdays or Sundays outside the blocks",
        )
    )

    ordered = sorted(overlay.holidays, key=lambda b: b.first)
    for before, after in itertools.pairwise(ordered):
        if before.last + _DAY == after.first:
            problems.append(
                Problem(
                    Severity.WARNING,
                    f"{before.name_zh}与{after.name_zh}的放假区间首尾相接：通知通常合为一个区间",
                    f"the blocks of {before.name_zh} and {after.name_zh} touch: a notice usually makes them one",
                )
            )

    comps = compensation_days(year)
    for block in overlay.holidays:
        problems += _block_warnings(overlay, block, statutory, comps, block_of, makeups)
    return CheckResult(overlay, tuple(passed), tuple(problems))


def _block_warnings(
    overlay: CalendarOverlay,
    block: HolidayBlock,
    statutory: tuple[StatutoryDay, ...],
    comps: tuple[Compensation, ...],
    block_of: dict[date, HolidayBlock],
    makeups: set[date],
) -> list[Problem]:
    out: list[Problem] = []
    own = [d for d in statutory if block_of.get(d.date) is block]
    weekday_rest = sum(1 for d in block.rest_days() if d.weekday() < 5)
    statutory_weekdays = len({d.date for d in own if d.date.weekday() < 5})
    owed = sum(1 for c in comps if block_of.get(c.for_day.date) is block)  # 第六条: weekends, shared days
    if own and weekday_rest < statutory_weekdays + owed:
        out.append(
            Problem(
                Severity.WARNING,
                f"{block.name_zh}：法定节假日中有{owed}天适逢周末或与其他节日同日，应在工作日补假；区间内的工作日"
                f"放假{weekday_rest}天，少于法定{statutory_weekdays}天加补假{owed}天（第六条）",
                f"{block.name_zh}: {owed} statutory days fall on a weekend or on another holiday and are owed a weekday; "
                f"the block has {weekday_rest} weekdays off, fewer than {statutory_weekdays} statutory plus {owed} "
                "compensatory (art. 6)",
            )
        )
    bridged = weekday_rest - statutory_weekdays - owed
    if own and bridged > 0 and bridged != len(block.makeup_workdays):
        out.append(
            Problem(
                Severity.WARNING,
                f"{block.name_zh}：调休放假{bridged}天（法定和补假之外的工作日），调休上班{len(block.makeup_workdays)}天，"
                "二者通常相等",
                f"{block.name_zh}: {bridged} bridging weekdays off but {len(block.makeup_workdays)} make-up working "
                "days; a notice usually balances them",
            )
        )
    if block.in_lieu and len(block.in_lieu) != max(bridged, 0):
        out.append(
            Problem(
                Severity.WARNING,
                f"{block.name_zh}：in_lieu列出{len(block.in_lieu)}天，而法定和补假之外放假的工作日为{max(bridged, 0)}天",
                f"{block.name_zh}: in_lieu lists {len(block.in_lieu)} days, but {max(bridged, 0)} weekdays off are "
                "neither statutory nor compensatory",
            )
        )
    if edition_for(overlay.year).first_year >= 2025 and own:  # 第七条, added by 国务院令第774号
        for side, run in (
            ("前", _run(block.first, -1, block_of, makeups)),
            ("后", _run(block.last, 1, block_of, makeups)),
        ):
            if run > 6:
                out.append(
                    Problem(
                        Severity.WARNING,
                        f"{block.name_zh}假期{side}连续工作{run}天，超过6天（第七条：除个别特殊情形外一般不超过6天）",
                        f"{block.name_zh}: {run} working days in a row {'before' if side == '前' else 'after'} the "
                        "break, more than 6 (art. 7)",
                    )
                )
    return out


def _run(edge: date, step: int, block_of: dict[date, HolidayBlock], makeups: set[date]) -> int:
    """The working days in a row from the day next to ``edge`` going ``step`` (−1: before, 1: after), inside
    the overlay's year."""
    day, run = edge + step * _DAY, 0
    while day.year == edge.year and day not in block_of and (day.weekday() < 5 or day in makeups):
        run += 1
        day += step * _DAY
    return run
