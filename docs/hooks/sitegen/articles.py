"""One page per article: each paragraph and item beside the rules that encode it, its cases as a table, then the
interpretation decisions. Every case has a page of its own (``sitegen/cases.py``); the article lists it."""

from __future__ import annotations

from sitegen import data, readings, rst
from sitegen.cases import case_table
from sitegen.gists import GIST_ZH
from sitegen.labels import (
    ENCODING,
    ERRATUM_KIND,
    article_page,
    citation,
    encoding_badge,
    parties,
    party,
    relative,
    rule_anchor,
    rule_page,
    source_link,
    visible,
)
from sitegen.markup import fence, ident, table, text
from sitegen.wording import spans
from tinghu_policy.engine import Rule, Table
from tinghu_policy.interpretation import DECISIONS
from tinghu_policy.names import OPEN_VALUE_ZH, option_zh
from tinghu_policy.provisions import Erratum, Provision, registry
from tinghu_policy.provisions.status import EncodingStatus

CASES_SHOWN = 8
"""A provision's case table shows this many cases; a longer one folds the rest under "显示其余 N 个案例"."""

ARTICLE_BOOST = 8
"""Search: an article page outranks the pages that only mention it (a case page is boosted 0.2)."""


def title(article: Provision) -> str:
    """``第二十七条 竣工验收（建成后6个月内）与竣工财务决算``: the citation and the Chinese gist."""
    return f"{article.cite_zh} {GIST_ZH[article.id]}"


def render(article: Provision) -> str:
    here = article_page(article.id)
    chapter = registry()[article.chapter]
    parts = [
        f"---\nhide:\n  - toc\nsearch:\n  boost: {ARTICLE_BOOST}\n---",
        f"# {text(title(article))} <small>{text(article.cite_en)}</small>",
        '<div class="th-meta" markdown>\n\n'
        f"[{text(chapter.cite_zh)} {text(chapter.text)}]({relative('regulation.md', here)}#{chapter.id})"
        f" · {encoding_badge(data.article_status(article.id))}"
        f" · 摘要 <small>gist</small>：{text(GIST_ZH[article.id])}"
        f' <small lang="en">{text(data.summary_en(article.id))}</small>'
        " <small>（摘要非正式文本 not official text）</small>"
        f" · 命令行 <small>CLI</small>：{ident('tinghu-policy show ' + article.id)}\n\n</div>",
        '<p class="th-legend">'
        '<span class="th-wide">左栏为正式文本（每款、每项以其编号为锚点），右栏为编码它的规则及其源代码；</span>'
        '<span class="th-narrow">每款、每项先列正式文本（以其编号为锚点），其下为编码它的规则及其源代码；</span>'
        "条文中带下划线的词语是作出解释决定之处，点击可见该决定；每款项之下列出检验它的工作案例。"
        '<small lang="en">The official text of each paragraph and item, and the rules that encode it with '
        "their source; underlined words are where an interpretation decision reads the text; the worked cases "
        "that test the provision follow it.</small></p>",
    ]
    parts += [_provision(unit, here) for unit in data.units(article.id)]
    parts += [reading for reading in (_readings(article.id, here),) if reading]
    parts.append(_decisions(article.id, here))
    return "\n\n".join(parts) + "\n"


# ——— the text beside the code ——————————————————————————————————————————————————————————————————————————————————


def _provision(unit: Provision, here: str) -> str:
    status = data.status(unit.id)
    left = [
        f"### {text(unit.cite_zh)} <small>{text(unit.cite_en)}</small> {{ #{unit.id} }}",
        f'<p class="th-clause">{marked_text(unit)}</p>',
        f'<p class="th-status">{ident(unit.id)} {encoding_badge(status.status)}'
        + (
            f' <span class="th-reason">{text(status.reason_zh)}'
            f' <small lang="en">{text(status.reason_en)}</small></span>'
            if status.reason
            else ""
        )
        + "</p>",
    ]
    left += [_erratum(e) for e in registry().errata(unit.id)]
    right = [_rule(rule, here) for rule in data.rules_for(unit.id)]
    right += [_table(t, here) for t in data.tables_for(unit.id)]
    if not right:
        right.append(_no_rule(status.status, status.reason_zh, status.reason_en))
    found = data.cases_for_unit(unit.id)
    rule_ids = {r.id for r in data.rules_for(unit.id)}
    article_id = unit.id.split(".", 1)[0]
    article_rules = {r.id for r in data.rules() if data.within(r.provision, article_id)}
    below = ""
    if found:
        below = (
            '\n<div class="th-unit-cases" markdown>\n\n'
            f'<p class="th-label">检验本款项的工作案例 <small lang="en">worked cases</small>（{len(found)}）</p>\n\n'
            + case_table(found, here, rules=rule_ids or article_rules, shown=CASES_SHOWN)
            + "\n\n</div>"
        )
    return (
        '<div class="th-provision" markdown>\n<div class="th-text" markdown>\n\n'
        + "\n\n".join(left)
        + '\n\n</div>\n<div class="th-code" markdown>\n\n'
        + "\n\n".join(right)
        + "\n\n</div>\n</div>"
        + below
    )


def marked_text(unit: Provision) -> str:
    """The clause text with its open wording linked to the decisions that read it, and each correction that can
    be located without doubt marked where it was made."""
    clause = data.clause_text(unit)
    marks: list[tuple[int, int, str]] = []
    for erratum in registry().errata(unit.id):
        corrected = erratum.corrected
        if corrected.strip() and clause.count(corrected) == erratum.occurrences == 1:
            start = clause.find(corrected)
            marks.append((start, start + len(corrected), f"erratum:{erratum.id}"))
    taken = [(s, e) for s, e, _ in marks]
    for span in spans(unit.id, clause):
        if not any(span.start < e and s < span.end for s, e in taken):
            marks.append((span.start, span.end, "open:" + ",".join(span.decisions)))
    marks.sort()
    out, position = [], 0
    for start, end, kind in marks:
        out.append(text(clause[position:start]))
        words = text(clause[start:end])
        if kind.startswith("erratum:"):
            erratum_id = kind.split(":", 1)[1]
            out.append(f'<mark class="th-erratum" title="勘误 {erratum_id} erratum">{words}</mark>')
        else:
            ids = kind.split(":", 1)[1].split(",")
            names = "；".join(f"{d} {DECISIONS[d].title_zh}" for d in ids)
            refs = "".join(f'<a href="#decision-{d}">{d}</a>' for d in ids)
            out.append(
                f'<span class="th-open" title="解释决定 {text(names)}">{words}</span>'
                f'<sup class="th-open-refs">{refs}</sup>'
            )
        position = end
    out.append(text(clause[position:]))
    return "".join(out)


def _erratum(erratum: Erratum) -> str:
    zh, en = ERRATUM_KIND.get(erratum.kind, (erratum.kind, erratum.kind))
    times = f" ×{erratum.occurrences}" if erratum.occurrences > 1 else ""
    note = f"<br><small>{text(erratum.note)}</small>" if erratum.note else ""
    return (
        f'<p class="th-erratum-note">勘误 <small>erratum</small> <strong>{text(erratum.id)}</strong>'
        f"（{text(zh)} <small>{text(en)}</small>）：原文 <small>source</small> "
        f"<code>{visible(erratum.original)}</code> → 更正 <small>corrected</small> "
        f"<code>{visible(erratum.corrected)}</code>{times}{note}</p>"
    )


def decisions_line(rule: Rule, here: str) -> str:
    return "、".join(
        f"[{text(d)} {text(DECISIONS[d].title_zh)}]({relative('decisions.md', here)}#{d})"
        for d in rule.decisions
        if d in DECISIONS
    )


def _rule(rule: Rule, here: str) -> str:
    facts = [f"义务方 <small>owed by</small>：{party(rule.owed_by)}"]
    if rule.to:
        facts.append(f"报送 <small>to</small>：{parties(rule.to)}")
    decisions = decisions_line(rule, here)
    if decisions:
        facts.append(f"解释决定 <small>decisions</small>：{decisions}")
    if rule.decides_scope:
        facts.append("决定适用范围 <small>decides scope</small>")
    line = data.source_line(rule.function)
    links = (
        f"[规则详情 <small>rule page</small>]({relative(rule_page(rule.id), here)})"
        f" · 源代码 <small>source</small> {source_link(rule.module, line, here=here)}"
    )
    doc = readings.beside(readings.of_rule(rule), rst.to_markdown(rule.function.__doc__ or ""))
    code = "\n".join(
        fence(body, f'python linenums="{start}"') for body, start in data.rule_body(rule) if body.strip()
    )
    return "\n\n".join(
        part
        for part in (
            f"#### {text(rule.title_zh)} {ident(rule.id)} {{ #{rule_anchor(rule.id)} }}",
            f'<p class="th-rule-title" lang="en"><small>{text(rule.title_en)}</small></p>',
            '<p class="th-rule-facts" markdown>' + " · ".join(facts) + "</p>",
            f'<p class="th-rule-links" markdown>{links}</p>',
            doc,
            f'<section class="th-source" data-search-exclude="true" markdown>\n\n{code}\n\n</section>',
        )
        if part
    )


def _table(encoding: Table, here: str) -> str:
    statement = data.table_statement(encoding)
    return "\n\n".join(
        part
        for part in (
            f"#### {text(encoding.title_zh)} {ident(encoding.id)} <small>数据表 table</small> "
            f"{{ #{rule_anchor(encoding.id)} }}",
            f'<p class="th-rule-title" lang="en"><small>{text(encoding.title_en)}</small></p>',
            f'<p class="th-rule-links" markdown>模块 <small>module</small>：'
            f"{source_link(encoding.module, 1, here=here)} · [模块解读 <small>module notes</small>](#reading)</p>",
            f'<section class="th-source" data-search-exclude="true" markdown>\n\n{fence(statement)}\n\n</section>'
            if statement
            else "",
        )
        if part
    )


def _readings(article_id: str, here: str) -> str:
    """The reading of each rule module encoding the article — what its module docstring says of the readings
    taken, in Chinese (``docs/readings/``) — with the English module docstring folded under it."""
    modules: dict[str, None] = {}
    for unit in data.units(article_id):
        modules.update(dict.fromkeys(r.module for r in data.rules_for(unit.id)))
        modules.update(dict.fromkeys(t.module for t in data.tables_for(unit.id)))
    blocks = []
    for module in modules:
        shown = readings.beside(readings.module_markdown(module), rst.to_markdown(data.module_doc(module)))
        if shown:
            blocks.append(
                f'<p class="th-rule-links" markdown>模块 <small>module</small>：{source_link(module, 1, here=here)}'
                f"</p>\n\n{shown}"
            )
    if not blocks:
        return ""
    return "\n\n".join(
        [
            "## 解读 <small>Reading</small> { #reading }",
            "编码本条的规则模块对条文的理解：取哪种读法、哪些解释决定、哪些内容未编码；其下可展开英文原文。"
            '<small lang="en">How the rule modules encoding the article read it, in Chinese; the English module '
            "docstring folds out under it.</small>",
            *blocks,
        ]
    )


def _no_rule(status: EncodingStatus | None, reason_zh: str, reason_en: str) -> str:
    zh, en = ENCODING[status]
    if status is EncodingStatus.NOT_COMPUTABLE:
        body = f'不可计算 <small>not computable</small>：{text(reason_zh)} <small lang="en">{text(reason_en)}</small>'
    elif status is EncodingStatus.PENDING:
        body = "待编码：尚无规则编码本条款。<small>Pending: no rule encodes this provision yet.</small>"
    else:
        body = f"{zh} <small>{en}</small>"
    css = status.value if status is not None else "none"
    return f'<p class="th-norule th-{css}">{body}</p>'


# ——— decisions ——————————————————————————————————————————————————————————————————————————————————————————————————


def _decisions(article_id: str, here: str) -> str:
    infos = data.decisions_for_article(article_id)
    head = "## 适用的解释决定 <small>Interpretation decisions</small> { #decisions }"
    if not infos:
        return (
            head
            + "\n\n本条不涉及解释决定。<small>No interpretation decision applies to this article.</small>"
        )
    blocks = [
        head,
        "条文未写明、而计算必须作出的理解。默认取值即本项目的决定，可选取值供调用者改选。"
        '<small lang="en">Readings the text leaves open: the default is the decision taken; a caller may '
        "choose another value.</small>",
    ]
    for info in infos:
        d = info.decision
        applies = "、".join(
            f"[{text(citation(p))}](#{p})"
            for p in d.provisions
            if data.within(p, article_id) and p in registry()
        )
        rules_here = "、".join(
            f"[{text(r.title_zh)}](#{rule_anchor(r.id)})"
            for r in info.rules
            if data.within(r.provision, article_id)
        )
        where = " · ".join(
            part
            for part in (
                f"适用于本条 <small>provisions here</small>：{applies}" if applies else "",
                f"本条规则 <small>rules here</small>：{rules_here}" if rules_here else "",
                f"[全文及案例 <small>full entry and cases</small>]({relative('decisions.md', here)}#{d.id})",
            )
            if part
        )
        blocks.append(
            "\n\n".join(
                (
                    f"### {text(d.id)} {text(d.title_zh)} <small>{text(d.title_en)}</small> "
                    f"{{ #decision-{d.id} }}",
                    f'<p class="th-decision-where" markdown>{where}</p>',
                    f'<details class="th-basis"><summary>依据 <small>basis</small></summary>{text(d.basis)}</details>',
                    options_table(info),
                )
            )
        )
    return "\n\n".join(blocks)


def options_table(info: data.DecisionInfo) -> str:
    """The values of a decision: the Chinese name first, the English meaning beside it, the default marked."""
    d = info.decision
    if not info.options:
        enter = OPEN_VALUE_ZH.get(d.field, "")
        return (
            f"取值 <small>value</small>：{text(enter)} <small>open value</small> {ident(info.kind, small=True)}"
            f" · 默认 <small>default</small> {ident(info.default, small=True)}"
        )
    rows = [
        (
            "✔ 默认 <small>default</small>" if o.default else "可选 <small>option</small>",
            text(option_zh(d.field, o.value) or o.value)
            + (f'<br><small lang="en">{rst.inline(o.meaning)}</small>' if o.meaning else ""),
            ident(o.value, small=True),
        )
        for o in info.options
    ]
    return table(
        ["", "含义 <small>meaning</small>", "取值 <small>value</small>"],
        rows,
    )
