"""The overview pages: the regulation by chapter, traceability, decisions, deadlines, errata, the corpus."""

from __future__ import annotations

from collections import Counter

from sitegen import data
from sitegen.articles import case_ref
from sitegen.labels import (
    ENCODING,
    ERRATUM_KIND,
    article_page,
    encoding_badge,
    parties,
    party,
    provision_link,
    relative,
    rule_anchor,
    visible,
)
from sitegen.markup import code, table, text
from tinghu_policy.provisions import registry
from tinghu_policy.provisions.status import EncodingStatus


def _rule_link(rule_id: str, provision_id: str, here: str) -> str:
    article = provision_id.split(".", 1)[0]
    return f"[{code(rule_id)}]({relative(article_page(article), here)}#{rule_anchor(rule_id)})"


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
                    text(reg.effective_date or "文本未载明（见 D13） not stated"),
                ),
                (
                    "制定依据 <small>legal basis</small>（第一条）",
                    "<br>".join(f"《{text(b.title)}》（{text(b.number)}）" for b in reg.basis),
                ),
                ("条文 <small>articles</small>", str(len(data.articles()))),
                ("款、项编码状态 <small>status of paragraphs and items</small>", summary),
                (
                    "来源 <small>source</small>",
                    f"{code('articles/' + reg.source.file)} SHA-256 {code(reg.source.sha256)}",
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
                    provision_link(article.id, text(article.cite_zh), here=here),
                    text(data.gist(article, 40)),
                    f'<span lang="en">{text(data.summary_en(article.id))}</span>',
                    encoding_badge(data.article_status(article.id)),
                    str(sum(len(data.rules_for(u.id)) for u in data.units(article.id))),
                    str(len(data.cases_citing(article.id))),
                )
            )
        parts.append(
            table(
                [
                    "条 <small>article</small>",
                    "条文开头 <small>opening words</small>",
                    "摘要 <small>gist (not official)</small>",
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
    for article in data.articles():
        for unit in data.units(article.id):
            st = data.status(unit.id)
            encoded_by = [_rule_link(r.id, unit.id, here) for r in data.rules_for(unit.id)]
            encoded_by += [_rule_link(t.id, unit.id, here) for t in data.tables_for(unit.id)]
            cases = data.cases_for_unit(unit.id)
            outcomes = Counter(
                e.status
                for case in cases
                for e in case.expected
                if any(r.id == e.rule and r.provision == unit.id for r in data.rules())
            )
            rows.append(
                (
                    provision_link(unit.id, text(unit.cite_zh), here=here),
                    code(unit.id),
                    encoding_badge(st.status)
                    + (f"<br><small>{text(st.reason)}</small>" if st.reason else ""),
                    "<br>".join(encoded_by) or "—",
                    "<br>".join(case_ref(c, here) for c in cases) or "—",
                    "、".join(f"{code(s)}×{n}" for s, n in sorted(outcomes.items())) or "—",
                )
            )
    counts = Counter(data.status(u.id).status for a in data.articles() for u in data.units(a.id))
    return (
        "\n\n".join(
            [
                "# 追溯矩阵 <small>Traceability matrix</small>",
                "每一款、每一项：编码状态、编码它的规则（及数据表）、检验它的工作案例，以及这些案例覆盖到的结果。"
                "<small>Every paragraph and item: its status, the rules (and tables) that encode it, the worked "
                "cases that exercise it and the outcomes those cases expect of its rules.</small>",
                table(
                    ["状态 <small>status</small>", "数量 <small>count</small>"],
                    [(encoding_badge(s), str(counts[s])) for s in ENCODING if counts[s]],
                ),
                table(
                    [
                        "条款 <small>provision</small>",
                        "编号 <small>id</small>",
                        "状态 <small>status</small>",
                        "规则 <small>rules</small>",
                        "案例 <small>cases</small>",
                        "预期结果 <small>outcomes covered</small>",
                    ],
                    rows,
                ),
            ]
        )
        + "\n"
    )


# ——— decisions ———————————————————————————————————————————————————————————————————————————————————————————————————


def decisions() -> str:
    here = "decisions.md"
    parts = [
        "# 解释决定 <small>Interpretation decisions D1–D16</small>",
        "条文未明确、而计算必须作出的每一种理解，都是 `Interpretation` 的一个具名选项：默认值即本项目的决定，"
        "调用者可改选其他取值。<small>Every reading the text leaves open is a named field of "
        "<code>Interpretation</code>; its default is the decision, the alternatives can be chosen by a caller, "
        'e.g. <code>Interpretation(serious_overdue_boundary="at_least")</code> or a case file\'s '
        "<code>interpretation:</code> block.</small>",
        table(
            [
                "决定 <small>decision</small>",
                "选项 <small>field</small>",
                "默认 <small>default</small>",
                "条款 <small>provisions</small>",
            ],
            [
                (
                    f"[{text(i.decision.id)} {text(i.decision.title_zh)}](#{i.decision.id})",
                    code(i.decision.field),
                    code(i.default),
                    "、".join(code(p) for p in i.decision.provisions),
                )
                for i in data.decisions()
            ],
        ),
    ]
    for info in data.decisions():
        d = info.decision
        parts.append(f"## {text(d.id)} {text(d.title_zh)} <small>{text(d.title_en)}</small> {{ #{d.id} }}")
        parts.append(f'<blockquote class="th-basis">依据 <small>basis</small>：{text(d.basis)}</blockquote>')
        parts.append(
            f"选项 <small>field</small>：{code('Interpretation.' + d.field)}（{text(info.kind)}）· "
            f"默认 <small>default</small>：{code(info.default)}<br><small>{text(info.description)}</small>"
        )
        if info.options:
            parts.append(
                table(
                    ["取值 <small>value</small>", "含义 <small>meaning</small>", ""],
                    [
                        (code(o.value), text(o.meaning), "✔ 默认 default" if o.default else "可选 option")
                        for o in info.options
                    ],
                )
            )
        applies = [
            provision_link(p, text(registry()[p].cite_zh), here=here) if p in registry() else code(p)
            for p in d.provisions
        ]
        parts.append("适用条款 <small>provisions</small>：" + ("、".join(applies) or "—"))
        parts.append(
            "声明此决定的规则 <small>rules that apply it</small>："
            + ("、".join(_rule_link(r.id, r.provision, here) for r in info.rules) or "—")
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
                [(code(name), text(desc), code(default)) for name, desc, default in others],
            )
        )
    return "\n\n".join(parts) + "\n"


# ——— deadlines ———————————————————————————————————————————————————————————————————————————————————————————————————


def deadlines() -> str:
    here = "deadlines.md"
    found = data.clocks()
    parts = [
        "# 期限一览 <small>Review clock and life-cycle deadlines</small>",
        "下表由规则源代码读出：每条计算期限的规则、其期间、起算事实与完成事实。图中箭头从起算事实指向应完成的事实，"
        "箭头上为期间。<small>Read from the rules' code: every rule that counts a period, the period, the fact that "
        "starts it and the fact due. In the diagram an arrow runs from the starting fact to the fact due.</small>",
    ]
    edges = [c for c in found if c.start_zh and c.done_zh and "D11" not in c.rule.decisions]
    if edges:
        nodes: dict[str, str] = {}
        lines = ["flowchart LR"]
        for clock in edges:
            for label in (clock.start_zh, clock.done_zh):
                assert label is not None
                nodes.setdefault(label, f"n{len(nodes)}")
            lines.append(
                f'  {nodes[clock.start_zh or ""]}["{_mermaid(clock.start_zh or "")}"] -- '
                f'"{_mermaid(" / ".join(clock.periods))}<br>{_mermaid(clock.rule.id)}" --> '
                f'{nodes[clock.done_zh or ""]}["{_mermaid(clock.done_zh or "")}"]'
            )
        diagram = "```mermaid\n" + "\n".join(lines) + "\n```"
        parts.append(
            '???+ abstract "流程图 <small>diagram</small>（mermaid，需联网加载 needs the mermaid script online）"\n\n'
            + "\n".join("    " + line for line in diagram.splitlines())
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
                    _rule_link(c.rule.id, c.rule.provision, here)
                    + f"<br><small>{text(c.rule.title_zh)}</small>",
                    provision_link(c.rule.provision, text(registry()[c.rule.provision].cite_zh), here=here),
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


def _period_cell(clock: data.Clock) -> str:
    periods = "、".join(
        f"{text(zh)} <small>{text(en)}</small>"
        for zh, en in zip(clock.periods, clock.periods_en, strict=True)
    )
    if "D11" in clock.rule.decisions:
        return (
            "“及时”，无数字：仅在配置 [D11](decisions.md#D11) 时有期限 "
            f"<small>'timely': a due date only when D11 is configured; the cases configure</small> {periods}"
        )
    return periods


def _mermaid(value: str) -> str:
    return value.replace('"', "#quot;").replace("[", "#91;").replace("]", "#93;")


# ——— errata ——————————————————————————————————————————————————————————————————————————————————————————————————————


def errata() -> str:
    here = "errata.md"
    edition = registry().edition
    rows = [
        (
            text(e.id),
            provision_link(e.provision, text(registry()[e.provision].cite_zh), here=here)
            if e.provision != "title"
            else "标题 <small>title</small>",
            f"{text(ERRATUM_KIND.get(e.kind, (e.kind, ''))[0])}<br><small>{text(e.kind)}</small>",
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
                f"本版本文本与所收到的原文（{code('articles/' + edition.regulation.source.file)}）之间除空白外的全部差异，"
                f"取自 {code('articles/errata.yaml')}。␠ 表示空格，⏎ 表示换行。"
                "<small>Every difference between this edition and the source other than whitespace; ␠ marks a "
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
    by_article = Counter(c.id.split("/", 1)[0] for c in found)
    parts = [
        "# 工作案例总览 <small>The corpus of worked cases</small>",
        f"{len(found)} 个案例。每个案例也显示在它所检验条文的页面上。"
        "<small>Every case is also shown on the page of the article it exercises.</small>",
        table(
            ["目录 <small>folder</small>", "案例数 <small>cases</small>"],
            [
                (
                    provision_link(a, text(registry()[a].cite_zh), here=here) if a in registry() else code(a),
                    str(n),
                )
                for a, n in sorted(by_article.items(), key=lambda item: _article_number(item[0]))
            ],
        ),
        table(
            [
                "案例 <small>case</small>",
                "标题 <small>title</small>",
                "评估日 <small>as of</small>",
                "预期结果 <small>findings</small>",
            ],
            [
                (
                    code(c.id),
                    case_ref(c, here),
                    code(c.as_of.isoformat()) if c.as_of else "—",
                    str(len(c.expected)) if not c.error else "✘ " + text(c.error[:80]),
                )
                for c in found
            ],
        ),
    ]
    return "\n\n".join(parts) + "\n"


def _article_number(folder: str) -> int:
    digits = "".join(ch for ch in folder if ch.isdigit())
    return int(digits) if digits else 0
