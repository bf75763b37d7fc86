"""One page per article: each paragraph and item beside the rules that encode it, then decisions and cases."""

from __future__ import annotations

import inspect

from sitegen import data
from sitegen.labels import (
    ENCODING,
    ERRATUM_KIND,
    article_page,
    case_anchor,
    encoding_badge,
    parties,
    party,
    provision_link,
    relative,
    rule_anchor,
    visible,
)
from sitegen.markup import code, fence, pre, table, text
from tinghu_policy.engine import Rule, Table
from tinghu_policy.provisions import Erratum, Provision, registry
from tinghu_policy.provisions.status import EncodingStatus


def render(article: Provision) -> str:
    here = article_page(article.id)
    chapter = registry()[article.chapter]
    parts = [
        "---\nhide:\n  - toc\n---",
        f"# {text(article.cite_zh)} <small>{text(article.cite_en)}</small>",
        '<div class="th-meta" markdown>\n\n'
        f"[{text(chapter.cite_zh)} {text(chapter.text)}]({relative('regulation.md', here)}#{chapter.id})"
        f" · {encoding_badge(data.article_status(article.id))}"
        f' · <span lang="en">{text(data.summary_en(article.id))}</span>'
        " <small>(English gist, not official text / 英文摘要，非正式文本)</small>"
        f" · 命令行 CLI: {code('tinghu-policy show ' + article.id)}\n\n</div>",
        "## 条文与代码 <small>Text and code</small> { #text-and-code }",
        '<p class="th-legend">左栏为正式文本（每款、每项以其编号为锚点），右栏为对其编码的规则及其源代码。'
        "<small>Left: the official text, each paragraph and item anchored by its id. "
        "Right: the rules that encode it, with their source.</small></p>",
    ]
    parts += [_provision(unit, here) for unit in data.units(article.id)]
    parts.append(_decisions(article.id, here))
    parts.append(_cases(article.id, here))
    return "\n\n".join(parts) + "\n"


# ——— the text beside the code ——————————————————————————————————————————————————————————————————————————————————


def case_ref(case: data.CaseInfo, here: str) -> str:
    """A link to a case on the article page that shows it in full (its first provision's article)."""
    home = data.home_article(case)
    label = text(case.title or case.id)
    if home is None:
        return label
    return f"[{label}]({relative(article_page(home), here)}#{case_anchor(case.id)})"


def _provision(unit: Provision, here: str) -> str:
    status = data.status(unit.id)
    article_id = unit.id.split(".", 1)[0]
    encoded_by = {r.id for r in data.rules_for(unit.id)}
    left = [
        f"### {text(unit.cite_zh)} <small>{text(unit.cite_en)}</small> {{ #{unit.id} }}",
        f'<p class="th-clause">{_marked_text(unit)}</p>',
        f'<p class="th-status"><code>{text(unit.id)}</code> {encoding_badge(status.status)}'
        + (f" <span>{text(status.reason)}</span>" if status.reason else "")
        + "</p>",
    ]
    left += [_erratum(e) for e in registry().errata(unit.id)]
    right = [_rule(rule, here) for rule in data.rules_for(unit.id)]
    right += [_table(t) for t in data.tables_for(unit.id)]
    if not right:
        right.append(_no_rule(status.status, status.reason))
    here_ids = {c.id for c in data.cases_citing(article_id)}
    cited = [
        f"[{text(case.title or case.id)}](#{case_anchor(case.id)})"
        for case in data.cases()
        if case.id in here_ids and (unit.id in case.provisions or set(case.rules) & encoded_by)
    ]
    if cited:
        right.append('<p class="th-cases" markdown>案例 <small>cases</small>：' + "；".join(cited) + "</p>")
    elsewhere = [
        case_ref(case, here)
        for case in data.cases()
        if case.id not in here_ids and set(case.rules) & encoded_by
    ]
    if elsewhere:
        right.append(
            '<p class="th-cases-elsewhere" markdown>其他条文的案例也检验本款项的规则 '
            "<small>also checked by cases of other articles</small>：" + "；".join(elsewhere) + "</p>"
        )
    return (
        '<div class="th-provision" markdown>\n<div class="th-text" markdown>\n\n'
        + "\n\n".join(left)
        + '\n\n</div>\n<div class="th-code" markdown>\n\n'
        + "\n\n".join(right)
        + "\n\n</div>\n</div>"
    )


def _marked_text(unit: Provision) -> str:
    """The clause text; a correction that can be located without doubt is marked where it was made."""
    clause = data.clause_text(unit)
    marks: list[tuple[str, str]] = []
    for erratum in registry().errata(unit.id):
        corrected = erratum.corrected
        if corrected.strip() and clause.count(corrected) == erratum.occurrences:
            marks.append((corrected, erratum.id))
    out = text(clause)
    for corrected, erratum_id in marks:
        shown = text(corrected)
        if out.count(shown) == 1:
            out = out.replace(
                shown, f'<mark class="th-erratum" title="勘误 {erratum_id} erratum">{shown}</mark>'
            )
    return out


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


def _rule(rule: Rule, here: str) -> str:
    decisions = "、".join(f"[{text(d)}]({relative('decisions.md', here)}#{d})" for d in rule.decisions)
    facts = [
        f"义务方 <small>owed by</small>：{party(rule.owed_by)}",
        f"报送 <small>to</small>：{parties(rule.to)}",
    ]
    if decisions:
        facts.append(f"解释决定 <small>decisions</small>：{decisions}")
    facts.append(f"模块 <small>module</small>：{code(data.module_path(rule.module))}")
    if rule.decides_scope:
        facts.append("决定适用范围 <small>decides scope</small>")
    docstring = inspect.cleandoc(rule.function.__doc__ or "")
    doc = f'<blockquote class="th-doc">{text(docstring)}</blockquote>' if docstring else ""
    return "\n\n".join(
        part
        for part in (
            f"#### {code(rule.id)} {{ #{rule_anchor(rule.id)} }}",
            f'<p class="th-rule-title"><strong>{text(rule.title_zh)}</strong><br>'
            f"<small>{text(rule.title_en)}</small></p>",
            '<p class="th-rule-facts" markdown>' + " · ".join(facts) + "</p>",
            doc,
            fence(data.rule_source(rule)),
        )
        if part
    )


def _table(encoding: Table) -> str:
    statement = data.table_statement(encoding)
    module_doc = data.module_doc(encoding.module)
    return "\n\n".join(
        part
        for part in (
            f"#### {code(encoding.id)} <small>数据表 table</small> {{ #{rule_anchor(encoding.id)} }}",
            f'<p class="th-rule-title"><strong>{text(encoding.title_zh)}</strong><br>'
            f"<small>{text(encoding.title_en)}</small></p>",
            f'<p class="th-rule-facts">模块 <small>module</small>：{code(data.module_path(encoding.module))}</p>',
            f'<blockquote class="th-doc">{text(module_doc)}</blockquote>' if module_doc else "",
            fence(statement) if statement else "",
        )
        if part
    )


def _no_rule(status: EncodingStatus | None, reason: str) -> str:
    zh, en = ENCODING[status]
    if status is EncodingStatus.NOT_COMPUTABLE:
        body = f"不可计算 <small>not computable</small>：{text(reason)}"
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
    blocks = [head]
    for info in infos:
        d = info.decision
        applies = "、".join(
            provision_link(p, text(registry()[p].cite_zh), here=here)
            for p in d.provisions
            if data.within(p, article_id)
        )
        rules = "、".join(
            f"[{code(r.id)}](#{rule_anchor(r.id)})"
            for r in info.rules
            if data.within(r.provision, article_id)
        )
        rows = [
            (
                code(o.value),
                text(o.meaning),
                "✔ 默认 default" if o.default else "可选 option",
            )
            for o in info.options
        ]
        blocks.append(
            "\n\n".join(
                part
                for part in (
                    f"### {text(d.id)} {text(d.title_zh)} <small>{text(d.title_en)}</small> "
                    f"{{ #decision-{d.id} }}",
                    f'<blockquote class="th-basis">依据 <small>basis</small>：{text(d.basis)}</blockquote>',
                    f"选项 <small>option</small>：{code('Interpretation.' + d.field)}（{text(info.kind)}）"
                    f" · 默认 <small>default</small>：{code(info.default)}"
                    f" · [全文 <small>full entry</small>]({relative('decisions.md', here)}#{d.id})",
                    f"适用条款 <small>provisions</small>：{applies}" if applies else "",
                    f"本条规则 <small>rules here</small>：{rules}" if rules else "",
                    table(["取值 <small>value</small>", "含义 <small>meaning</small>", ""], rows)
                    if rows
                    else "",
                )
                if part
            )
        )
    return "\n\n".join(blocks)


# ——— worked cases ———————————————————————————————————————————————————————————————————————————————————————————————


def _cases(article_id: str, here: str) -> str:
    shown = data.cases_citing(article_id)
    others = data.cases_checking(article_id)
    head = "## 工作案例 <small>Worked cases</small> { #cases }"
    if not shown and not others:
        return head + "\n\n尚无工作案例。<small>No worked case yet.</small>"
    intro = (
        f"{len(shown)} 个案例以本条为检验对象（取自 <code>corpus/</code>）。每个案例列出事实、评估日和预期结果"
        "（含到期日）；手算过程取自案例文件开头的注释；“本库”一栏为本库对该案例的实际计算结果是否与预期一致。"
        "<small>The cases that name this article: the facts, the as-of date and the expected findings with "
        "their due dates; the hand-worked comment from the top of the case file; and whether this library's "
        "result agrees.</small>"
    )
    parts = [head, intro, *(render_case(case, here) for case in shown)]
    if others:
        parts.append(
            "### 其他条文的案例 <small>Cases of other articles that check these rules</small> { #cases-elsewhere }"
        )
        parts.append("\n".join(f"- {case_ref(case, here)}（{code(case.path)}）" for case in others))
    return "\n\n".join(parts)


def render_case(case: data.CaseInfo, here: str) -> str:
    """A worked case as tables: facts → expected findings with dates (also used by the corpus overview)."""
    parts = [f"### {text(case.title or case.id)} {{ #{case_anchor(case.id)} }}"]
    meta = [f"文件 <small>file</small>：{code(case.path)}"]
    if case.as_of is not None:
        meta.append(f"评估日 <small>as of</small>：{code(case.as_of.isoformat())}")
    if case.provisions:
        meta.append(
            "条款 <small>provisions</small>："
            + "、".join(
                provision_link(p, text(registry()[p].cite_zh), here=here) if p in registry() else code(p)
                for p in case.provisions
            )
        )
    parts.append('<p class="th-case-meta" markdown>' + " · ".join(meta) + "</p>")
    if case.error:
        parts.append(f'!!! failure "案例无法读取 The case cannot be read"\n\n    {text(case.error)}')
        return "\n\n".join(parts)
    if case.overrides:
        parts.append(
            "解释选项（非默认） <small>interpretation overrides</small>："
            + "、".join(f"{code(name)} = {code(value)}" for name, value in case.overrides)
        )
    if case.comment:
        parts.append('<p class="th-label">手算过程 <small>worked by hand</small></p>')
        parts.append(pre(case.comment, "th-worked"))
    parts.append('<p class="th-label">事实 <small>facts</small></p>')
    parts.append(
        table(
            ["事实 <small>fact</small>", "字段 <small>field</small>", "值 <small>value</small>"],
            [(text(f.label), code(f.path), text(f.value)) for f in case.facts],
        )
    )
    parts.append('<p class="th-label">预期结果 <small>expected findings</small></p>')
    parts.append(
        table(
            [
                "规则 <small>rule</small>",
                "对象 <small>subject</small>",
                "结果 <small>status</small>",
                "期限 <small>due</small>",
                "本库 <small>library</small>",
            ],
            [
                (
                    _rule_ref(e.rule, here),
                    text(e.subject) if e.subject else "—",
                    f"{text(e.status_zh)} <small>{text(e.status)}</small>",
                    code(e.due) if e.due else ("无 <small>none</small>" if e.checks_due else "—"),
                    {True: "✔ 一致", False: "✘ 不一致", None: "—"}[e.agrees],
                )
                for e in case.expected
            ],
        )
    )
    if case.run_error:
        parts.append(
            f'!!! failure "本库运行出错 The library failed on this case"\n\n    {text(case.run_error)}'
        )
    return "\n\n".join(parts)


def _rule_ref(rule_id: str, here: str) -> str:
    article = rule_id.split(".", 1)[0]
    if article in registry() and any(r.id == rule_id for r in data.rules()):
        return f"[{code(rule_id)}]({relative(article_page(article), here)}#{rule_anchor(rule_id)})"
    return code(rule_id)
