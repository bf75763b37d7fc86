"""One page per rule, in Chinese: what it encodes, the facts it reads (each field's Chinese name), the decisions it
applies, what it relies on, its cases; the docstring (English) beside it. And the list of every rule."""

from __future__ import annotations

from sitegen import data, readings, rst
from sitegen.articles import decisions_line
from sitegen.cases import case_table
from sitegen.labels import (
    article_page,
    citation,
    parties,
    party,
    provision_link,
    relative,
    rule_anchor,
    rule_link,
    rule_page,
    source_link,
    status_label,
)
from sitegen.markup import ident, table, text
from tinghu_policy.engine import Rule, tables
from tinghu_policy.names import fact_zh
from tinghu_policy.provisions import registry

RULE_BOOST = 1


def pages() -> dict[str, str]:
    out = {rule_page(rule.id): render(rule) for rule in data.rules()}
    out["rules.md"] = index()
    return out


def render(rule: Rule) -> str:
    here = rule_page(rule.id)
    article = rule.provision.split(".", 1)[0]
    unit = registry()[rule.provision]
    deps = data.dependencies(rule.id)
    line = data.source_line(rule.function)
    parts = [
        f"---\nsearch:\n  boost: {RULE_BOOST}\n---",
        f"# {text(rule.title_zh)}",
        '<div class="th-meta" markdown>\n\n'
        f'规则 <small>rule</small> {ident(rule.id)} · <span lang="en">{text(rule.title_en)}</span>'
        f" · [条文与代码 <small>text beside the code</small>]"
        f"({relative(article_page(article), here)}#{rule_anchor(rule.id)})"
        f" · 源代码 <small>source</small> {source_link(rule.module, line, here=here)}\n\n</div>",
        "## 编码的条款 <small>Provision</small> { #provision }",
        f"{provision_link(rule.provision, here=here)} <small>{text(unit.cite_en)}</small>",
        f'<p class="th-clause">{text(data.clause_text(unit))}</p>',
        table(
            ["", ""],
            [
                ("义务方 <small>owed by</small>", party(rule.owed_by)),
                ("报送 <small>to</small>", parties(rule.to)),
                ("解释决定 <small>decisions</small>", decisions_line(rule, here) or "—"),
                (
                    "适用范围 <small>scope</small>",
                    "本规则本身判断适用范围（对每个项目都运行） <small>decides the scope: runs for every project</small>"
                    if rule.decides_scope
                    else "先经适用范围判断（第二条、第三条、第三十八条、第三十九条）；范围之外的项目为“不适用” "
                    "<small>only for a project the scope rules bring in</small>",
                ),
            ],
        ),
        "## 读取的事实 <small>Facts it reads</small> { #facts }",
        _facts(rule),
        "## 依赖 <small>What it relies on</small> { #depends }",
        _dependencies(rule, deps, here),
        "## 工作案例 <small>Worked cases</small> { #cases }",
    ]
    found = data.cases_for_rule(rule.id)
    if found:
        outcomes = _outcomes(rule.id)
        parts.append(f"{len(found)} 个案例检验本规则：{outcomes}。")
        parts.append(case_table(found, here, rules={rule.id}, one_rule=True))
    else:
        parts.append("尚无工作案例检验本规则。<small>No worked case tests this rule yet.</small>")
    doc = rst.to_markdown(rule.function.__doc__ or "")
    reading = readings.of_rule(rule)
    if doc or reading:
        parts.append("## 说明 <small>Notes</small> { #notes }")
        parts.append(
            "解读：规则代码文档字符串的中文译述（本条规则如何理解条文、适用哪些解释决定）；其下可展开英文原文。"
            '<small lang="en">The reading: the rule\'s docstring in Chinese; the English docstring folds out under '
            "it.</small>"
            if reading
            else "规则代码的文档字符串：第一段为条文的中文转述，其余为英文说明。"
            '<small lang="en">The rule\'s docstring: its first paragraph paraphrases the clause in Chinese, the '
            "rest is in English.</small>"
        )
        parts.append(readings.beside(reading, doc))
    return "\n\n".join(parts) + "\n"


def _facts(rule: Rule) -> str:
    read = data.facts_read().get(rule.id, ())
    if not read:
        return "工作案例运行时本规则未检查任何事实。<small>No fact was checked while the cases ran.</small>"
    rows = [(text(_generic_zh(path)), ident(path, small=True)) for path in read]
    return (
        "本库运行全部工作案例时，本规则的结论所检查（或指出缺少）的事实。"
        '<small lang="en">The facts this rule\'s findings checked, or found missing, while the corpus ran.</small>'
        "\n\n" + table(["事实 <small>fact</small>", "字段 <small>field</small>"], rows)
    )


def _generic_zh(path: str) -> str:
    """The Chinese name of a field in any list position (``review[].received`` → 申报审核 › …)."""
    name = fact_zh(path.replace("[]", "[0]"))
    return name.replace("第1项", "")


def _dependencies(rule: Rule, deps: data.Dependencies, here: str) -> str:
    items = []
    for rule_id in deps.rules:
        other = data.rule_by_id(rule_id)
        if other is not None:
            items.append(
                f"- 相关规则 <small>rule it names</small>：{rule_link(rule_id, other.title_zh, here=here)}"
                f"（{text(citation(other.provision))}）"
            )
    for table_id in deps.tables:
        found = next(t for t in tables() if t.id == table_id)
        items.append(
            f"- 数据表 <small>table</small>：[{text(found.title_zh)} {ident(table_id, small=True)}]"
            f"({relative(article_page(found.provision.split('.', 1)[0]), here)}#{rule_anchor(table_id)})"
            f"（{text(citation(found.provision))}）"
        )
    for helper in deps.helpers:
        article = _module_article(helper.module)
        where = f"{text(citation(article))}的" if article else ""
        doc = rst.first_sentence(helper.doc) if helper.doc else ""
        items.append(
            f"- 沿用{where}判断 <small>applies the reading of</small> "
            f"{source_link(helper.module, helper.line, here=here, label=ident(helper.name))}"
            + (f'：<small lang="en">{text(doc)}</small>' if doc else "")
        )
    if not items:
        return "除适用范围外，本规则不依赖其他规则或数据表。<small>Besides the scope, it relies on no other rule.</small>"
    return "\n".join(items)


def _module_article(module: str) -> str | None:
    """``art27`` for ``tinghu_policy.rules.art27_acceptance`` (the first article a module's name gives)."""
    name = module.rsplit(".", 1)[-1]
    if not name.startswith("art"):
        return None
    digits = name[3:].split("_", 1)[0]
    article = f"art{int(digits)}" if digits.isdigit() else None
    return article if article and article in registry() else None


def _outcomes(rule_id: str) -> str:
    counts: dict[str, int] = {}
    for case in data.cases_for_rule(rule_id):
        for e in case.expected:
            if e.rule == rule_id:
                counts[e.status] = counts.get(e.status, 0) + 1
    return "、".join(f"{status_label(s, english=False)} ×{n}" for s, n in sorted(counts.items()))


def index() -> str:
    here = "rules.md"
    rows = [
        (
            rule_link(r.id, r.title_zh, here=here, with_id=False),
            ident(r.id, small=True),
            provision_link(r.provision, here=here),
            party(r.owed_by),
            str(len(data.cases_for_rule(r.id))),
        )
        for r in data.rules()
    ]
    return (
        "\n\n".join(
            [
                "# 规则一览 <small>Every rule</small>",
                f"{len(rows)} 条规则，按所编码条款的顺序排列。每条规则有自己的页面：读取的事实、解释决定、依赖和工作案例。"
                '<small lang="en">Every rule in the order of the provisions they encode; each has a page of '
                "its own.</small>",
                table(
                    [
                        "规则 <small>rule</small>",
                        "编号 <small>id</small>",
                        "条款 <small>provision</small>",
                        "义务方 <small>owed by</small>",
                        "案例 <small>cases</small>",
                    ],
                    rows,
                ),
            ]
        )
        + "\n"
    )
