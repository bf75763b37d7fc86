"""The overview pages: the regulation by chapter, traceability, decisions, deadlines, errata, the corpus."""

from __future__ import annotations

from collections import Counter, defaultdict

from sitegen import data, rst
from sitegen.articles import options_table, title
from sitegen.cases import case_table
from sitegen.gists import GIST_ZH
from sitegen.labels import (
    ENCODING,
    ERRATUM_KIND,
    article_page,
    case_link,
    citation,
    encoding_badge,
    parties,
    party,
    provision_link,
    relative,
    rule_link,
    status_label,
    visible,
    zh_en,
)
from sitegen.markup import ident, table, text
from tinghu_policy.names import option_zh
from tinghu_policy.provisions import registry
from tinghu_policy.provisions.status import EncodingStatus

# ——— the regulation by chapter ——————————————————————————————————————————————————————————————————————————————————


def regulation() -> str:
    here = "regulation.md"
    edition = registry().edition
    reg = edition.regulation
    counts = Counter(data.status(u.id).status for a in data.articles() for u in data.units(a.id))
    summary = "、".join(
        f"{ENCODING[s][0]} <small>{ENCODING[s][1]}</small> {counts[s]}"
        for s in (EncodingStatus.ENCODED, EncodingStatus.NOT_COMPUTABLE, EncodingStatus.PENDING, None)
        if counts[s]
    )
    parts = [
        "# 条文总览 <small>The regulation by chapter</small>",
        f'<p class="th-title">{text(reg.title)}{text(reg.subtitle)}</p>',
        f'<p lang="en"><small>{text(reg.title_en)}</small></p>',
        table(
            ["", ""],
            [
                (
                    "施行日期 <small>effective date</small>",
                    text(reg.effective_date or "文本未载明（见 D13）") + " <small>not stated</small>",
                ),
                (
                    "制定依据 <small>legal basis</small>（第一条）",
                    "<br>".join(f"《{text(b.title)}》（{text(b.number)}）" for b in reg.basis),
                ),
                ("条文 <small>articles</small>", str(len(data.articles()))),
                ("款、项编码状态 <small>status of paragraphs and items</small>", summary),
                (
                    "来源 <small>source</small>",
                    f"{ident('articles/' + reg.source.file)} SHA-256 {ident(reg.source.sha256, small=True)}",
                ),
            ],
        ),
    ]
    for chapter in registry().chapters():
        title_en = next(c.title_en for c in reg.chapters if c.id == chapter.id)
        parts.append(
            f"## {text(chapter.cite_zh)} {text(chapter.text)} <small>{text(title_en)}</small> {{ #{chapter.id} }}"
        )
        rows = []
        for article_id in chapter.children:
            article = registry()[article_id]
            rows.append(
                (
                    provision_link(article.id, here=here),
                    text(GIST_ZH[article.id])
                    + f'<br><small lang="en">{text(data.summary_en(article.id))}</small>',
                    encoding_badge(data.article_status(article.id)),
                    str(sum(len(data.rules_for(u.id)) for u in data.units(article.id))),
                    str(len(data.cases_for_article(article.id))),
                )
            )
        parts.append(
            table(
                [
                    "条 <small>article</small>",
                    "摘要 <small>gist (not official text)</small>",
                    "状态 <small>status</small>",
                    "规则 <small>rules</small>",
                    "案例 <small>cases</small>",
                ],
                rows,
            )
        )
    return "\n\n".join(parts) + "\n"


# ——— traceability ————————————————————————————————————————————————————————————————————————————————————————————————


def traceability() -> str:
    here = "traceability.md"
    rows = []
    encoders = {r.id: r.provision for r in data.rules()}
    for article in data.articles():
        for unit in data.units(article.id):
            st = data.status(unit.id)
            encoded_by = [rule_link(r.id, r.title_zh, here=here) for r in data.rules_for(unit.id)]
            encoded_by += [
                f"[{text(t.title_zh)} {ident(t.id, small=True)}]"
                f"({relative(article_page(article.id), here)}#rule-{t.id.replace('.', '-')})"
                for t in data.tables_for(unit.id)
            ]
            found = data.cases_for_unit(unit.id)
            outcomes = Counter(
                e.status for case in found for e in case.expected if encoders.get(e.rule) == unit.id
            )
            status_cell = encoding_badge(st.status)
            if st.reason:
                status_cell += (
                    f'<details class="th-why"><summary>理由 <small>why</small></summary>{text(st.reason_zh)}'
                    f'<br><small lang="en">{text(st.reason_en)}</small></details>'
                )
            cases_cell = "—"
            if found:
                cases_cell = (
                    f"[{len(found)} 个案例 <small>cases</small>]"
                    f"({relative(article_page(article.id), here)}#{unit.id})"
                )
            rows.append(
                (
                    provision_link(unit.id, here=here) + f"<br>{ident(unit.id, small=True)}",
                    status_cell,
                    "<br>".join(encoded_by) or "—",
                    cases_cell,
                    "<br>".join(f"{status_label(s, english=False)} ×{n}" for s, n in sorted(outcomes.items()))
                    or "—",
                )
            )
    counts = Counter(data.status(u.id).status for a in data.articles() for u in data.units(a.id))
    return (
        "\n\n".join(
            [
                "---\nhide:\n  - toc\n---",
                "# 追溯矩阵 <small>Traceability matrix</small>",
                "每一款、每一项：编码状态、编码它的规则（及数据表）、检验它的工作案例，以及这些案例对其规则预期的结果。"
                "案例数链接到条文页上该款项的案例表。<small>Every paragraph and item: its status, the rules (and "
                "tables) that encode it, the worked cases that exercise it and the outcomes those cases expect of "
                "its rules; the count links to the case table on the article page.</small>",
                table(
                    ["状态 <small>status</small>", "数量 <small>count</small>"],
                    [(encoding_badge(s), str(counts[s])) for s in ENCODING if counts[s]],
                ),
                '<section class="th-trace" data-search-exclude="true" markdown>\n\n'
                + table(
                    [
                        "条款 <small>provision</small>",
                        "状态 <small>status</small>",
                        "规则 <small>rules</small>",
                        "案例 <small>cases</small>",
                        "预期结果 <small>outcomes covered</small>",
                    ],
                    rows,
                )
                + "\n\n</section>",
            ]
        )
        + "\n"
    )


# ——— decisions ———————————————————————————————————————————————————————————————————————————————————————————————————


def decisions() -> str:
    here = "decisions.md"
    infos = data.decisions()
    first, last = infos[0].decision.id, infos[-1].decision.id
    parts = [
        f"# 解释决定 <small>Interpretation decisions {text(first)}–{text(last)}</small>",
        f"条文未明确、而计算必须作出的每一种理解（共 {len(infos)} 项），都是 {ident('Interpretation')} 的一个具名选项："
        "默认值即本项目的决定，调用者可改选其他取值；每个可选取值列出选用它的工作案例。"
        "<small>Every reading the text leaves open is a named field of <code>Interpretation</code>; its default "
        "is the decision, the alternatives can be chosen by a caller, e.g. "
        '<code>Interpretation(serious_overdue_boundary="at_least")</code> or a case file\'s '
        "<code>interpretation:</code> block. Each alternative lists the cases that choose it.</small>",
        table(
            [
                "决定 <small>decision</small>",
                "默认 <small>default</small>",
                "条款 <small>provisions</small>",
            ],
            [
                (
                    f"[{text(i.decision.id)} {text(i.decision.title_zh)}](#{i.decision.id})"
                    f'<br><small lang="en">{text(i.decision.title_en)}</small>',
                    text(option_zh(i.decision.field, i.default) or _open_default(i))
                    + f"<br>{ident(i.decision.field + ': ' + i.default, small=True)}",
                    _citations(i.decision.provisions),
                )
                for i in infos
            ],
        ),
    ]
    for info in infos:
        d = info.decision
        parts.append(f"## {text(d.id)} {text(d.title_zh)} <small>{text(d.title_en)}</small> {{ #{d.id} }}")
        parts.append(f'<blockquote class="th-basis">依据 <small>basis</small>：{text(d.basis)}</blockquote>')
        parts.append(
            f"选项 <small>field</small>：{ident('Interpretation.' + d.field)}（{text(info.kind)}）"
            f"<br><small>{rst.inline(info.description)}</small>"
        )
        parts.append(options_table(info))
        exercised = []
        for option in info.options:
            if option.default:
                continue
            found = data.cases_with_option(d.field, option.value)
            name = option_zh(d.field, option.value) or option.value
            listed = "、".join(case_link(c.id, c.title, here=here) for c in found)
            exercised.append(
                f"- {text(name)} {ident(option.value, small=True)}："
                + (
                    f"{len(found)} 个案例 <small>cases</small>：{listed}"
                    if found
                    else "尚无案例 <small>no case yet</small>"
                )
            )
        if not info.options:
            setting = [c for c in data.cases() if any(o.field == d.field for o in c.overrides)]
            if setting:
                exercised.append(
                    "- 设定取值的案例 <small>cases that set a value</small>："
                    + "、".join(
                        case_link(c.id, c.title, here=here)
                        + f"（{text(next(o.value for o in c.overrides if o.field == d.field))}）"
                        for c in setting
                    )
                )
        if exercised:
            parts.append(
                '<section class="th-option-cases" data-search-exclude="true" markdown>\n\n'
                "选用非默认取值的工作案例 <small>cases that choose another value</small>：\n\n"
                + "\n".join(exercised)
                + "\n\n</section>"
            )
        parts.append("适用条款 <small>provisions</small>：" + (_citations(d.provisions, link=True) or "—"))
        parts.append(
            "声明此决定的规则 <small>rules that apply it</small>："
            + ("、".join(rule_link(r.id, r.title_zh, here=here) for r in info.rules) or "—")
        )
    others = data.other_options()
    if others:
        parts.append("## 其他选项 <small>Other options</small> { #other-options }")
        parts.append(
            table(
                [
                    "选项 <small>field</small>",
                    "说明 <small>description</small>",
                    "默认 <small>default</small>",
                ],
                [(ident(name), text(desc), ident(default)) for name, desc, default in others],
            )
        )
    return "\n\n".join(parts) + "\n"


def _open_default(info: data.DecisionInfo) -> str:
    return "未设定（填写后生效）" if info.default == "null" else info.default


def _citations(provisions: tuple[str, ...], *, link: bool = False) -> str:
    here = "decisions.md"
    return "、".join(
        (provision_link(p, here=here) if link else text(citation(p))) if p in registry() else ident(p)
        for p in provisions
    )


# ——— deadlines ———————————————————————————————————————————————————————————————————————————————————————————————————


def deadlines() -> str:
    here = "deadlines.md"
    found = data.clocks()
    parts = [
        "# 期限一览 <small>Review clock and life-cycle deadlines</small>",
        "下表由规则源代码和工作案例的实际运行读出：每条计算期限的规则、其期间、起算事实与应完成的事实。"
        "图中每一行从起算事实出发，经过期间，到达应完成的事实；后一事实又起算下一个期限的，接在其后。"
        "<small>Read from the rules' code and the corpus as it ran: every rule that counts a period, the period, "
        "the fact that starts it and the fact due. In the figure each line runs from the starting fact through "
        "the period to the fact due; a fact that starts another period leads on to it.</small>",
    ]
    edges = [c for c in found if c.start_zh and c.done_zh and "D11" not in c.rule.decisions]
    if edges:
        parts.append(
            '<figure class="th-flow" markdown>\n'
            '<figcaption>期限流程图 <small lang="en">the deadlines as a flow</small></figcaption>\n\n'
            + _flow(edges, here)
            + "\n\n</figure>"
        )
    parts.append(
        table(
            [
                "规则 <small>rule</small>",
                "条款 <small>provision</small>",
                "期间 <small>period</small>",
                "起算 <small>starts at</small>",
                "应完成 <small>due</small>",
                "义务方 <small>owed by</small>",
                "报送 <small>to</small>",
                "解释决定 <small>decisions</small>",
            ],
            [
                (
                    rule_link(c.rule.id, c.rule.title_zh, here=here),
                    provision_link(c.rule.provision, here=here),
                    _period_cell(c),
                    text(c.start_zh or "—"),
                    text(c.done_zh or "—"),
                    party(c.rule.owed_by),
                    parties(c.rule.to),
                    "、".join(f"[{text(d)}]({relative('decisions.md', here)}#{d})" for d in c.rule.decisions)
                    or "—",
                )
                for c in found
            ],
        )
        if found
        else "尚无计算期限的规则。<small>No rule counts a period yet.</small>"
    )
    parts.append(
        "期间的计算方法（工作日、月的对应日、末日顺延）见[法定期间与日历](calendar.md)。"
        "<small>How the periods are counted: see the calendar page.</small>"
    )
    return "\n\n".join(parts) + "\n"


def _flow(edges: list[data.Clock], here: str) -> str:
    """The clocks as chains, drawn as nested lists and CSS (nothing to load): each starting fact, then the period
    and the rule on the arrow, then the fact due; a fact due that starts another clock continues the chain."""
    by_start: dict[str, list[data.Clock]] = defaultdict(list)
    for clock in edges:
        by_start[clock.start_zh or ""].append(clock)
    dones = {c.done_zh for c in edges}
    roots = [s for s in by_start if s not in dones] or list(by_start)
    lines: list[str] = []

    def walk(label: str, depth: int, seen: frozenset[str]) -> None:
        for clock in by_start.get(label, []) if label not in seen else []:
            done = clock.done_zh or ""
            lines.append(
                "    " * depth
                + f'- <span class="th-edge">{text(" / ".join(clock.periods))}</span> '
                + f'<span class="th-node">{text(done)}</span> '
                + f"<small>{rule_link(clock.rule.id, clock.rule.title_zh, here=here, with_id=False)}</small>"
            )
            walk(done, depth + 1, seen | {label})

    for root in roots:
        lines.append(f'- <span class="th-node th-root">{text(root)}</span>')
        walk(root, 1, frozenset())
    return "\n".join(lines)


def _period_cell(clock: data.Clock) -> str:
    periods = "、".join(zh_en(zh, en) for zh, en in zip(clock.periods, clock.periods_en, strict=True))
    if "D11" in clock.rule.decisions:
        return (
            "“及时”，无数字：仅在配置 [D11](decisions.md#D11) 时有期限；案例配置为 "
            f"{periods} <small>'timely': a due date only when D11 is configured</small>"
        )
    return periods


# ——— errata ——————————————————————————————————————————————————————————————————————————————————————————————————————


def errata() -> str:
    here = "errata.md"
    edition = registry().edition
    rows = [
        (
            text(e.id),
            provision_link(e.provision, here=here) if e.provision != "title" else "标题 <small>title</small>",
            zh_en(*ERRATUM_KIND.get(e.kind, (e.kind, ""))),
            f"<code>{visible(e.original)}</code>",
            f"<code>{visible(e.corrected)}</code>",
            str(e.occurrences),
            text(e.note or ""),
        )
        for e in edition.errata
    ]
    return (
        "\n\n".join(
            [
                "# 勘误 <small>Errata</small>",
                f"本版本文本与所收到的原文（{ident('articles/' + edition.regulation.source.file)}）之间除空白外的"
                f"全部差异，取自 {ident('articles/errata.yaml')}。"
                f'<span class="th-ws">␣</span> 表示空格，<span class="th-ws">⏎</span> 表示换行。'
                "<small>Every difference between this edition and the source other than whitespace; ␣ marks a "
                "space and ⏎ a line break. <code>tests/provisions/test_faithful_edition.py</code> undoes them all "
                "and must get the source back.</small>",
                table(
                    [
                        "编号 <small>id</small>",
                        "条款 <small>provision</small>",
                        "类型 <small>kind</small>",
                        "原文 <small>original</small>",
                        "更正 <small>corrected</small>",
                        "次数 <small>times</small>",
                        "说明 <small>note</small>",
                    ],
                    rows,
                ),
            ]
        )
        + "\n"
    )


# ——— the corpus ——————————————————————————————————————————————————————————————————————————————————————————————————


def corpus() -> str:
    here = "corpus.md"
    found = data.cases()
    groups: dict[str, list[data.CaseInfo]] = defaultdict(list)
    for case in found:
        groups[case.folder].append(case)
    order = sorted(groups, key=_folder_order)
    parts = [
        "# 工作案例总览 <small>The corpus of worked cases</small>",
        f"{len(found)} 个案例，按目录（条文）分组；每个案例有自己的页面：事实、预期结论、中文审查意见和作者的手算注释。"
        "全生命周期案例（一个项目贯穿多条）单列一组。条文页上每款、每项也列出检验它的案例。"
        '<small lang="en">Every case, by folder (article); each has a page of its own. The whole-life cases, one '
        "project through many articles, are a group of their own.</small>",
        table(
            ["目录 <small>folder</small>", "案例数 <small>cases</small>"],
            [(f"[{text(_folder_title(f))}](#{f})", str(len(groups[f]))) for f in order],
        ),
    ]
    for folder in order:
        parts.append(f"## {text(_folder_title(folder))} {{ #{folder} }}")
        if folder in registry():
            parts.append(f"[{text(title(registry()[folder]))}]({relative(article_page(folder), here)})")
        parts.append(case_table(groups[folder], here))
    return "\n\n".join(parts) + "\n"


def _folder_title(folder: str) -> str:
    if folder == "lifecycle":
        return "全生命周期案例 Whole-life cases"
    return citation(folder) if folder in registry() else folder


def _folder_order(folder: str) -> tuple[int, int]:
    digits = "".join(ch for ch in folder if ch.isdigit())
    return (1, 0) if folder == "lifecycle" else (0, int(digits) if digits else 0)
