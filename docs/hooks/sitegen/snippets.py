"""Generated blocks the hand-written pages embed with a marker ``<!-- tinghu:NAME -->``."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date

import yaml

from sitegen import data
from sitegen.labels import ENCODING, encoding_badge
from sitegen.markup import code, fence, table, text


def stats() -> str:
    """The home page's figures: articles, provisions by status, rules, tables, cases."""
    from tinghu_policy.engine import tables

    counts = Counter(data.status(u.id).status for a in data.articles() for u in data.units(a.id))
    rows = [
        ("条 <small>articles</small>", str(len(data.articles()))),
        *((f"款、项：{encoding_badge(s)}", str(counts[s])) for s in ENCODING if counts[s]),
        ("规则 <small>rules</small>", str(len(data.rules()))),
        ("数据表 <small>tables</small>", str(len(tables()))),
        ("工作案例 <small>worked cases</small>", str(len(data.cases()))),
        ("解释决定 <small>decisions</small>", str(len(data.decisions()))),
    ]
    return table(["", "数量 <small>count</small>"], rows)


def calendar_coverage() -> str:
    """The years of official working-day data, and the built-in corrections with their notices."""
    from tinghu_policy.periods import CORRECTIONS, WorkCalendar

    first, last = WorkCalendar.default().covered
    rows = [
        (
            code(c.date.isoformat()),
            f"{text(c.kind.value)}（{text(c.name_zh)}）",
            f"《{text(c.source.title)}》" + (f"（{text(c.source.number)}）" if c.source.number else ""),
            text(c.reason),
        )
        for c in CORRECTIONS
    ]
    return f"内置数据覆盖 <small>built-in data covers</small> **{first}–{last}** 年。\n\n" + table(
        [
            "日期 <small>date</small>",
            "更正为 <small>corrected to</small>",
            "依据 <small>notice</small>",
            "理由 <small>reason</small>",
        ],
        rows,
    )


def calendar_examples() -> str:
    """Deadlines computed by the library now, each with its own explanation (never copied by hand)."""
    from tinghu_policy.periods import Days, Months, Period, WorkingDays, deadline

    examples: tuple[tuple[date, Period], ...] = (
        (date(2025, 9, 27), WorkingDays(5)),
        (date(2026, 2, 13), WorkingDays(3)),
        (date(2025, 8, 31), Months(6)),
        (date(2025, 9, 30), Days(1)),
        (date(2025, 3, 31), Months(12)),
    )
    rows = []
    for start, period in examples:
        result = deadline(start, period)
        rows.append(
            (
                code(start.isoformat()) + f" <small>{start.strftime('%a')}</small>",
                f"{text(period.label_zh)} <small>{text(period.label_en)}</small>",
                code(result.due.isoformat()) + f" <small>{result.due.strftime('%a')}</small>",
                text(result.explanation_zh),
            )
        )
    return table(
        [
            "起算事件 <small>event</small>",
            "期间 <small>period</small>",
            "最后一日 <small>last day</small>",
            "计算说明 <small>explanation</small>",
        ],
        rows,
    )


def calendar_estimate() -> str:
    """The statutory estimate of the first year beyond the data: each holiday day of the law and each 补假."""
    from tinghu_policy.periods import WorkCalendar
    from tinghu_policy.periods.statutory import compensation_days, edition_for, statutory_days

    year = WorkCalendar.default().covered[1] + 1
    edition = edition_for(year)
    rows = [
        (
            code(d.date.isoformat()) + f" <small>{d.date.strftime('%a')}</small>",
            text(d.name_zh),
            text(d.wording_zh),
        )
        for d in statutory_days(year)
    ]
    rows += [
        (
            code(c.date.isoformat()) + f" <small>{c.date.strftime('%a')}</small>",
            text(f"{c.for_day.name_zh}补假"),
            text(f"{c.reason_zh}，依第六条在其后第一个工作日补假"),
        )
        for c in compensation_days(year)
    ]
    rows.sort(key=lambda row: row[0])
    return (
        f"{year}年按{text(edition.citation)}估算的休息日（周末之外）。"
        f"<small>{year}: the rest days the estimate adds to the weekends.</small>\n\n"
        + table(
            [
                "日期 <small>date</small>",
                "节日 <small>holiday</small>",
                "依据 <small>the law's words</small>",
            ],
            rows,
        )
    )


def calendar_accuracy() -> str:
    """The estimate measured against the published arrangements, year by year (computed at build time; kept
    between builds while the library is unchanged)."""
    from sitegen.cache import library_only

    return library_only("calendar-accuracy", _calendar_accuracy)


def _calendar_accuracy() -> str:
    from tinghu_policy.periods.accuracy import (
        SUMMARY_HEADERS,
        YEAR_HEADERS,
        measure_all,
        summary_rows,
        worst_lines,
        year_rows,
    )

    def headers(pairs: tuple[tuple[str, str], ...]) -> list[str]:
        return [f"{text(zh)} <small>{text(en)}</small>" for zh, en in pairs]

    results = measure_all()
    out = [table(headers(SUMMARY_HEADERS), [[text(cell) for cell in row] for row in summary_rows(results)])]
    for result in results:
        skipped = f"另有 {result.skipped} 个期限需要尚未公布的年份，未计入。" if result.skipped else ""
        *by_family, total = year_rows(result)
        rows = [
            [f"{text(row[0])} <small>{text(family.name_en)}</small>", *(text(c) for c in row[1:])]
            for row, family in zip(by_family, result.families, strict=True)
        ]
        rows.append([f"**{text(total[0])}** <small>all</small>", *(text(c) for c in total[1:])])
        worst = "\n".join(f"- {text(line)}" for line in worst_lines(result))
        out.append(
            f"### {result.year} <small>{text(result.edition.citation)}</small>\n\n"
            f"{result.year}年视为未公布，自该年每一日起算。{skipped}"
            f"<small>{result.year} pretended unpublished; every deadline starting in it.</small>\n\n"
            + table(headers(YEAR_HEADERS), rows)
            + (
                f"\n\n估算误差最大的期限 <small>the estimate's worst cases</small>：\n\n{worst}"
                if worst
                else ""
            )
        )
    return "\n\n".join(out)


def calendar_overlays() -> str:
    """``examples/calendar-overlays/README.md``, its headings moved two levels down to sit in this page."""
    source = (data.ROOT / "examples" / "calendar-overlays" / "README.md").read_text(encoding="utf-8")
    out, in_fence = [], False
    for line in source.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        out.append("##" + line if not in_fence and re.match(r"#{1,4} ", line) else line)
    return "\n".join(out)


def _example_case() -> data.CaseInfo | None:
    """The first runnable case, preferring the exemplar article 11."""
    from tinghu_policy.corpus import discover

    for case_file in sorted(discover(), key=lambda c: (not c.id.startswith("art11/"), c.id)):
        try:
            case_file.case.run()
        except Exception:  # a case another engineer is still writing; try the next one
            continue
        return next(c for c in data.cases() if c.id == case_file.id)
    return None


def example_project() -> str:
    """A corpus case's project as the YAML ``tinghu-policy evaluate`` reads."""
    from tinghu_policy.corpus import discover

    info = _example_case()
    if info is None:
        return "（尚无可运行的案例 no runnable case yet）"
    case = next(c for c in discover() if c.id == info.id).case
    facts = case.project.model_dump(mode="json", exclude_defaults=True)
    body = yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    return (
        f"取自案例 <small>from the case</small> {code(info.path)}（{text(info.title)}），评估日 as of "
        f"{code(info.as_of.isoformat() if info.as_of else '')}：\n\n" + fence(body, "yaml")
    )


def example_report() -> str:
    """That case's report as JSON (``--format json``), with its first finding only."""
    from tinghu_policy.corpus import discover

    info = _example_case()
    if info is None:
        return "（尚无可运行的案例 no runnable case yet）"
    case = next(c for c in discover() if c.id == info.id).case
    report = json.loads(case.run().to_json())
    total = len(report["findings"])
    report["findings"] = report["findings"][:1]
    shown = json.dumps(report, ensure_ascii=False, indent=2)
    return (
        f"共 {total} 条结论，此处只列第一条。<small>{total} findings; the first is shown.</small>\n\n"
        + fence(shown, "json")
    )


EXPLAINED_RULE = "art11.department_review"
EXPLAINED_SUBJECT = "round 1: audit_bureau"
"""The finding the home page shows before and after format 2.0 (issue #14): the sample project's art. 11(1)(iii)
review opinion of 区审计局, one working day late — the README's example."""


def sample_explanation() -> tuple[date, str, str]:
    """The sample's ``as_of``, and the Chinese and English explanation of that finding as the library gives them
    for the built-in sample (``tinghu-policy evaluate --sample``: ``tinghu_policy/samples/whole_life_project.yaml``
    as of its ``as_of``)."""
    from tinghu_policy.corpus import Case
    from tinghu_policy.loading import read_document, validate
    from tinghu_policy.samples import SAMPLE_NAME, sample_text

    case = validate(Case, read_document(sample_text(), name=SAMPLE_NAME))
    found = [f for f in case.run().findings if f.rule == EXPLAINED_RULE and f.subject == EXPLAINED_SUBJECT]
    if len(found) != 1:
        raise LookupError(
            f"{SAMPLE_NAME} has {len(found)} findings of {EXPLAINED_RULE} for {EXPLAINED_SUBJECT!r}, not one: "
            "update the before-and-after of docs/index.md (sitegen/snippets.py)"
        )
    return case.as_of, found[0].explanation_zh, found[0].explanation_en


def explanation_after() -> str:
    """The 2.0 text of the home page's before-and-after (the 1.x text is a fixed quotation beside it)."""
    from tinghu_policy.samples import SAMPLE_NAME

    as_of, zh, en = sample_explanation()
    return (
        f'<blockquote class="th-after">\n<p>{text(zh)}</p>\n<p lang="en"><small>{text(en)}</small></p>\n'
        f"</blockquote>\n\n<small>构建时由本库对内置示例（{code('tinghu_policy/samples/' + SAMPLE_NAME)}，即 "
        f"{code('tinghu-policy evaluate --sample')}）生成，评估日 {as_of.isoformat()}。Generated at build time "
        "from the built-in sample.</small>"
    )


SNIPPETS: dict[str, Callable[[], str]] = {
    "stats": stats,
    "calendar-coverage": calendar_coverage,
    "calendar-examples": calendar_examples,
    "calendar-estimate": calendar_estimate,
    "calendar-accuracy": calendar_accuracy,
    "calendar-overlays": calendar_overlays,
    "example-project": example_project,
    "example-report": example_report,
    "explanation-after": explanation_after,
}
