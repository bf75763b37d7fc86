"""The worked cases: one page each (facts, expected findings, the working in Chinese beside the author's English
notes), and the compact table every other page lists them in."""

from __future__ import annotations

from collections.abc import Iterable

from sitegen import data
from sitegen.labels import (
    article_page,
    case_link,
    case_page,
    citation,
    provision_link,
    relative,
    rule_link,
    status_label,
)
from sitegen.markup import attr, ident, pre, table, text
from tinghu_policy.interpretation import DECISIONS
from tinghu_policy.provisions import registry

CASE_BOOST = 0.2
"""Search: a case page ranks below the articles it exercises (an article page is boosted 8)."""

AGREES = {True: "✔ 一致", False: "✘ 不一致", None: "—"}


def _title(rule_id: str) -> str:
    rule = data.rule_by_id(rule_id)
    return rule.title_zh if rule is not None else rule_id


def _line(html: str, full: str = "") -> str:
    """One line of a multi-line table cell: the lines of the cells of a row stay level with each other."""
    tip = f' title="{attr(full)}"' if full else ""
    return f'<span class="th-line"{tip}>{html}</span>'


HEADERS = [
    "案例 <small>case</small>",
    "检验的规则 <small>rule tested</small>",
    "预期结果 <small>expected</small>",
    "期限 <small>due</small>",
]


def case_table(
    found: Iterable[data.CaseInfo],
    here: str,
    *,
    rules: set[str] | None = None,
    shown: int | None = None,
    one_rule: bool = False,
) -> str:
    """Cases as a table: the case (a link to its page), the rules it tests (only ``rules``, when given), the
    expected status and the due date of each. With ``shown``, a longer list shows that many rows and folds the
    rest under a "show all" line; with ``one_rule`` (a rule's own page) the second column names the subject
    (第1轮：区委办) instead of the rule. Left out of the search index: each case is found on its own page."""
    headers = [HEADERS[0], "对象 <small>subject</small>", *HEADERS[2:]] if one_rule else HEADERS
    rows = [_row(case, here, rules, one_rule=one_rule) for case in found]
    body = table(headers, rows)
    if shown is not None and len(rows) > shown + 2:
        body = (
            table(headers, rows[:shown])
            + f'\n\n<details class="th-more" markdown>\n<summary>显示其余 {len(rows) - shown} 个案例 '
            f'<small lang="en">show the other {len(rows) - shown} cases</small></summary>\n\n'
            + table(headers, rows[shown:])
            + "\n\n</details>"
        )
    return '<section class="th-case-table" data-search-exclude="true" markdown>\n\n' + body + "\n\n</section>"


def _row(
    case: data.CaseInfo, here: str, rules: set[str] | None, *, one_rule: bool = False
) -> tuple[str, str, str, str]:
    title = case_link(case.id, case.title, here=here)
    if case.whole_life:
        title += ' <span class="th-tag">全生命周期 <small lang="en">whole life</small></span>'
    if case.error:
        return (title, _line("案例无法读取 <small>cannot be read</small>"), "—", "—")
    expected = [e for e in case.expected if rules is None or e.rule in rules]
    if not expected:
        return (title, _line("引用本款项，检验其他规则 <small>cites it</small>"), "—", "—")
    named = []
    for e in expected:
        if one_rule:
            named.append(_line(text(e.subject_zh or "—"), e.subject_zh or ""))
            continue
        name = _title(e.rule) + (f"（{e.subject_zh}）" if e.subject_zh else "")
        named.append(_line(text(name), name))
    return (
        title,
        "".join(named),
        "".join(_line(status_label(e.status, english=False)) for e in expected),
        "".join(_line(date_code(e.due) if e.due else "—") for e in expected),
    )


def date_code(day: str) -> str:
    """A date as code that never breaks (``2026-02-28``)."""
    return f'<code class="th-date">{text(day)}</code>'


def pages() -> dict[str, str]:
    return {case_page(case.id): render(case) for case in data.cases()}


def render(case: data.CaseInfo) -> str:
    here = case_page(case.id)
    home = next((a for a in (data.article_of(p) for p in case.provisions) if a), None)
    parts = [
        f"---\nsearch:\n  boost: {CASE_BOOST}\n---",
        f"# {text(case.title or case.id)}",
        _meta(case, home, here),
    ]
    if case.error:
        parts.append(f'!!! failure "案例无法读取 The case cannot be read"\n\n    {text(case.error)}')
        return "\n\n".join(parts) + "\n"
    parts.append("## 预期结论 <small>Expected findings</small> { #findings }")
    parts.append(
        table(
            [
                "规则 <small>rule</small>",
                "对象 <small>subject</small>",
                "预期结果 <small>expected</small>",
                "期限 <small>due</small>",
                "本库 <small>this library</small>",
            ],
            [
                (
                    rule_link(e.rule, _title(e.rule), here=here)
                    if data.rule_by_id(e.rule)
                    else ident(e.rule),
                    text(e.subject_zh) + f" {ident(e.subject, small=True)}" if e.subject else "—",
                    status_label(e.status),
                    date_code(e.due) if e.due else ("无期限 <small>none</small>" if e.checks_due else "—"),
                    AGREES[e.agrees],
                )
                for e in case.expected
            ],
        )
    )
    if case.run_error:
        parts.append(
            f'!!! failure "本库运行出错 The library failed on this case"\n\n    {text(case.run_error)}'
        )
    if case.overrides:
        parts.append("## 解释选项 <small>Interpretation options</small> { #options }")
        parts.append(
            "本案例写明了以下解释选项，其余均为默认。<small>The case sets these options; the others keep "
            "their defaults.</small>\n\n"
            + "\n".join(
                f"- [{text(o.decision)} {text(DECISIONS[o.decision].title_zh)}]"
                f"({relative('decisions.md', here)}#{o.decision})：{text(o.value_zh)} "
                f"{ident(f'{o.field}: {o.value}', small=True)}"
                + ("（即默认取值 <small>the default, stated</small>）" if o.is_default else "")
                if o.decision
                else f"- {ident(o.field)}：{text(o.value_zh)}"
                for o in case.overrides
            )
        )
    parts.append("## 计算过程 <small>Working</small> { #working }")
    parts.append(
        '<section class="th-case-working" data-search-exclude="true" markdown>\n'
        '<div class="th-working-zh" markdown>\n\n'
        '<p class="th-label">审查意见 <small lang="en">the library\'s working, from the facts below</small></p>\n\n'
        + "\n\n".join(_working(e) for e in case.expected)
        + '\n\n</div>\n<div class="th-working-en" markdown>\n\n'
        '<p class="th-label">手算过程（案例作者的英文注释）<small lang="en">worked by hand, from the case '
        "file</small></p>\n\n"
        + (pre(case.comment, "th-worked") if case.comment else "（案例文件没有注释 no comment）")
        + "\n\n</div>\n</section>"
    )
    parts.append("## 事实 <small>Facts</small> { #facts }")
    parts.append(
        '<section class="th-case-facts" data-search-exclude="true" markdown>\n\n'
        + table(
            ["事实 <small>fact</small>", "值 <small>value</small>", "字段 <small>field</small>"],
            [
                (
                    text(f.name_zh),
                    text(f.value_zh) + (f" {ident(f.value_code, small=True)}" if f.value_code else ""),
                    ident(f.path, small=True),
                )
                for f in case.facts
            ],
        )
        + "\n\n</section>"
    )
    return "\n\n".join(parts) + "\n"


def _meta(case: data.CaseInfo, home: str | None, here: str) -> str:
    where = []
    if case.whole_life:
        where.append(
            f'<span class="th-tag">全生命周期案例 <small lang="en">whole-life case</small></span>'
            f"（[全部工作案例 <small>all cases</small>]({relative('corpus.md', here)}#lifecycle)）"
        )
    elif home is not None:
        where.append(f"[{text(citation(home))}]({relative(article_page(home), here)}) 的工作案例")
    meta = [*where]
    if case.as_of is not None:
        meta.append(f"评估日 <small>as of</small>：{date_code(case.as_of.isoformat())}")
    meta.append(f"文件 <small>file</small>：{ident(case.path)}")
    agree = [e.agrees for e in case.expected]
    if agree and all(a is True for a in agree):
        meta.append("本库结果 <small>this library</small>：✔ 全部一致")
    elif any(a is False for a in agree):
        meta.append("本库结果 <small>this library</small>：✘ 有不一致")
    cited = "、".join(provision_link(p, here=here) if p in registry() else ident(p) for p in case.provisions)
    return (
        '<div class="th-meta" markdown>\n\n'
        + " · ".join(meta)
        + (f"<br>条款 <small>provisions</small>：{cited}" if cited else "")
        + "\n\n</div>"
    )


def _working(e: data.Expectation) -> str:
    head = text(_title(e.rule)) + (f"（{text(e.subject_zh)}）" if e.subject_zh else "")
    body = text(e.explanation_zh) if e.explanation_zh else "（本库未给出此项结论 no such finding）"
    return f'<p class="th-working"><strong>{head}</strong>　{status_label(e.status, english=False)}<br>{body}</p>'
