"""The site builds strictly; every article has a page with its text, status, rules and a table of its cases; every
case and every rule has a page of its own; the reader meets Chinese first, and no raw markup."""

from __future__ import annotations

import html
import inspect
import json
import re
import shutil
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tinghu_policy.corpus import Case, discover
from tinghu_policy.engine import catalogue, rules_by_provision
from tinghu_policy.interpretation import DECISIONS, Interpretation
from tinghu_policy.loading import read_document, validate
from tinghu_policy.names import OPTION_ZH, fact_zh, subject_name
from tinghu_policy.provisions import Level, Provision, registry
from tinghu_policy.provisions.status import EncodingStatus, status_of
from tinghu_policy.samples import SAMPLE_NAME, sample_text

from .support import (
    RAW_MARKUP,
    ROOT,
    BuiltSite,
    css_urls,
    hooks_module,
    loaded_urls,
    outside,
    site_pages,
)

STATUS_ZH = {
    EncodingStatus.ENCODED: "已编码",
    EncodingStatus.NOT_COMPUTABLE: "不可计算",
    EncodingStatus.PENDING: "待编码",
}
HAN = "\u4e00-\u9fff"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "".join(parser.parts)


def units(article: Provision) -> list[Provision]:
    return [p for p in registry().descendants(article.id) if p.level in (Level.PARAGRAPH, Level.ITEM)]


def provision_blocks(page: str) -> dict[str, str]:
    """Each text-beside-code block of an article page (with the case table under it), by its provision id; the
    marks linking the clause's open wording to its decisions (D1 D2) left out, so the text reads as written."""
    blocks = {}
    page = re.sub(r'<sup class="th-open-refs">.*?</sup>', "", page)
    for block in page.split('<div class="th-provision">')[1:]:
        anchor = re.search(r'<h3 id="([^"]+)"', block)
        assert anchor, block[:300]
        blocks[anchor.group(1)] = block.split('<h2 id="decisions"', 1)[0]
    return blocks


def within(provision_id: str, article_id: str) -> bool:
    return provision_id == article_id or provision_id.startswith(article_id + ".")


def article_content(page: str) -> str:
    """The page's own content (the theme's navigation, header and footer left out)."""
    found = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
    assert found, "no <article> in the page"
    return found.group(1)


def all_pages(site: BuiltSite) -> list[Path]:
    return sorted(
        p for p in site.root.rglob("*.html") if p.name == "index.html" and p.parent != site.root / "404"
    )


ARTICLES = registry().articles()
CASES = [(c.id, c.path, c.case) for c in discover()]
RULES = catalogue()


# ——— the build ————————————————————————————————————————————————————————————————————————————————————————————————————


def test_build_is_strict_and_quiet(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.output
    assert (built_site.root / "search" / "search_index.json").is_file()


def test_generated_pages_stay_out_of_the_source_tree(built_site: BuiltSite) -> None:
    assert not (ROOT / "docs" / "articles").exists()
    assert not (ROOT / "docs" / "traceability.md").exists()
    assert not (ROOT / "docs" / "cases").exists()
    assert not (built_site.root / "hooks").exists(), "the generator's code must not be published"


# ——— article pages ——————————————————————————————————————————————————————————————————————————————————————————————


@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_article_page_shows_text_status_rules(built_site: BuiltSite, article: Provision) -> None:
    gists = hooks_module("sitegen.gists").GIST_ZH
    page = built_site.page(f"articles/{article.id}.md")
    heading = text_of(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1))  # type: ignore[union-attr]
    assert article.cite_zh in heading, "the title: the citation"
    assert gists[article.id] in heading, "the title: the Chinese gist"
    blocks = provision_blocks(page)
    assert list(blocks) == [u.id for u in units(article)], "one block per paragraph and item, in order"
    encoders = rules_by_provision()
    for unit in units(article):
        block_html = blocks[unit.id]
        block = text_of(block_html)
        lead = unit.text.split("\n", 1)[0] if unit.level is Level.PARAGRAPH else unit.text
        assert lead in block, f"{unit.id}: official text missing"
        status = status_of(unit.id)
        assert status.status is not None, f"{unit.id} has no status"
        assert STATUS_ZH[status.status] in block
        if status.reason:  # not computable, or encoded in part: the reason in Chinese, the English beside it
            assert status.reason_zh in block, unit.id
            assert status.reason in block, unit.id
        if status.status is EncodingStatus.PENDING:
            assert "尚无规则编码本条款" in block
        for rule in encoders.get(unit.id, ()):
            assert rule.id in block
            assert rule.title_zh in block
            source = re.search(r'<section class="th-source">(.*?)</section>', block_html, re.S)
            assert source, f"{rule.id}: no source"
            assert f"def {rule.function.__name__}(" in block, f"{rule.id}: source code missing"
            assert f'provision="{unit.id}"' in block
            code = text_of(
                "".join(re.findall(r'<section class="th-source">(.*?)</section>', block_html, re.S))
            )
            notes = [
                line.strip()
                for line in (inspect.getdoc(rule.function) or "").splitlines()[1:]
                if len(line) > 40
            ]
            for line in notes[:3]:
                assert line not in code, f"{rule.id}: the docstring is shown twice (as text and in the code)"


@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_article_page_lists_its_cases_as_a_table(built_site: BuiltSite, article: Provision) -> None:
    """Every case that names a provision of the article, or tests one of its rules, is a row of a case table
    linking to the case's own page; no case is written out on the article page."""
    page = built_site.page(f"articles/{article.id}.md")
    unit_ids = {u.id for u in units(article)}
    rules_here = {r.id for r in RULES if r.provision in unit_ids}
    tables = "".join(re.findall(r'<section class="th-case-table">(.*?)</section>', page, re.S))
    for case_id, _, case in CASES:
        if set(case.provisions) & unit_ids or rules_here & {e.rule for e in case.expected}:
            assert f'href="../../cases/{case_id}/"' in tables, (
                f"{case_id} missing from {article.id}'s case tables"
            )
    assert "th-working" not in page, "case write-ups belong on the case pages"
    assert "th-worked" not in page, "case write-ups belong on the case pages"


def test_clause_text_marks_where_a_decision_reads_it(built_site: BuiltSite) -> None:
    wording = hooks_module("sitegen.wording")
    clauses = {u.id: hooks_module("sitegen.data").clause_text(u) for a in ARTICLES for u in units(a)}
    assert wording.unmatched(clauses) == [], (
        "a phrase of OPEN_WORDING is in none of its decision's provisions"
    )
    assert set(wording.OPEN_WORDING) | wording.NO_WORDING == set(DECISIONS), "every decision marks its words"
    page = built_site.page("articles/art11.md")
    block = page.split('<h3 id="art11.p1.i2"', 1)[1]
    marked = re.search(
        r'<span class="th-open"[^>]*>5个工作日内</span><sup class="th-open-refs">(.*?)</sup>', block
    )
    assert marked, "“5个工作日内” is not marked"
    assert 'href="#decision-D1"' in marked.group(1)
    assert 'href="#decision-D2"' in marked.group(1)


def test_errata_are_marked_where_they_were_made(built_site: BuiltSite) -> None:
    labels = hooks_module("sitegen.labels")
    errata = registry().edition.errata
    for erratum in errata:
        if erratum.provision == "title":
            continue
        article = erratum.provision.split(".", 1)[0]
        block = text_of(provision_blocks(built_site.page(f"articles/{article}.md"))[erratum.provision])
        assert f"勘误 erratum {erratum.id}" in block
        assert erratum.corrected.replace(" ", labels.SPACE_MARK) in block
    errata_page = text_of(built_site.page("errata.md"))
    assert all(e.id in errata_page for e in errata)


def test_whitespace_marks_render_with_the_installed_fonts(built_site: BuiltSite) -> None:
    """U+2420 "␠" is in none of Debian's fonts (a missing-glyph box); the mark used is in DejaVu."""
    labels = hooks_module("sitegen.labels")
    for page in all_pages(built_site):
        assert "␠" not in page.read_text(encoding="utf-8"), page
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        pytest.skip("fontconfig's fc-list is not installed")
    for mark in (labels.SPACE_MARK, labels.BREAK_MARK):
        fonts = subprocess.run(
            [fc_list, f":charset={ord(mark):x}", "family"], capture_output=True, text=True, check=False
        ).stdout
        assert fonts.strip(), f"no installed font has {mark!r}"


# ——— cases ——————————————————————————————————————————————————————————————————————————————————————————————————————


@cache
def _reports() -> dict[str, object]:
    return {case_id: case.run() for case_id, _, case in CASES}


@pytest.mark.parametrize(("case_id", "path", "case"), CASES, ids=[c[0] for c in CASES])
def test_every_case_has_a_page_of_its_own(
    built_site: BuiltSite, case_id: str, path: Path, case: object
) -> None:
    """Title, file, findings with their Chinese rule titles and due dates, the working in Chinese (the library's
    审查意见 of each expected finding) beside the author's English notes, the facts with Chinese names."""
    page = built_site.page(f"cases/{case_id}.md")
    shown = text_of(page)
    assert case.title in shown  # type: ignore[attr-defined]
    assert f"corpus/{case_id}.yaml" in shown
    report = _reports()[case_id]
    for expected in case.expected:  # type: ignore[attr-defined]
        rule = next(r for r in RULES if r.id == expected.rule)
        assert rule.title_zh in shown
        assert expected.status.name_zh in shown
        if expected.due is not None:
            assert expected.due.isoformat() in shown
        if expected.subject is not None:
            assert subject_name(expected.subject)[0] in shown, "subjects by name (第1轮：区委办), not by code"
        finding = next(
            f
            for f in report.findings  # type: ignore[attr-defined]
            if f.rule == expected.rule and f.subject == expected.subject
        )
        assert html.unescape(finding.explanation_zh) in html.unescape(shown), f"{expected.rule}: no 审查意见"
    comment = next(
        (
            line.lstrip("# ").strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        ),
        "",
    )
    if comment:
        assert comment in shown, "the hand-worked comment"


def test_case_facts_are_named_in_chinese(built_site: BuiltSite) -> None:
    data = hooks_module("sitegen.data")
    checked = 0
    for case_id, _, case in CASES[::7]:
        shown = text_of(built_site.page(f"cases/{case_id}.md"))
        for fact in data.flatten(case.project):
            assert fact_zh(fact.path) in shown, f"{case_id}: {fact.path} without its Chinese name"
            assert fact.value_zh in shown, f"{case_id}: {fact.path}'s value without its Chinese name"
            checked += 1
    assert checked > 100
    page = text_of(built_site.page("cases/art27/acceptance-aug31-clamp-day-after-late.md"))
    assert "区级 district" in page, "a code beside its Chinese name"
    assert "党政机关 party_government" in page, "a code beside its Chinese name"


def test_whole_life_cases_are_indexed_once(built_site: BuiltSite) -> None:
    """A whole-life case is found on its own page only: the case tables are not indexed."""
    index = json.loads((built_site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    whole_life = [(case_id, case.title) for case_id, _, case in CASES if case_id.startswith("lifecycle/")]
    assert whole_life
    for case_id, title in whole_life:
        found = {
            d["location"].split("#", 1)[0]
            for d in index["docs"]
            if title in d["title"].replace("\u200b", "") + d["text"].replace("\u200b", "")
        }
        assert found == {f"cases/{case_id}/"}, f"{case_id} indexed on {sorted(found)}"


# ——— rules ——————————————————————————————————————————————————————————————————————————————————————————————————————


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_a_page_in_chinese(built_site: BuiltSite, rule: object) -> None:
    """The rule's Chinese title, the provision by citation, its decisions with their Chinese titles, the facts it
    reads by their Chinese names, its cases, and a link to the line of its source."""
    page = built_site.page(f"rules/{rule.id}.md")  # type: ignore[attr-defined]
    shown = text_of(page)
    assert rule.title_zh in shown  # type: ignore[attr-defined]
    assert registry()[rule.provision].cite_zh in shown  # type: ignore[attr-defined]
    for decision in rule.decisions:  # type: ignore[attr-defined]
        assert f"{decision} {DECISIONS[decision].title_zh}" in shown
    facts = hooks_module("sitegen.data").facts_read().get(rule.id, ())  # type: ignore[attr-defined]
    for path in facts:
        assert path in shown
    cases = [case_id for case_id, _, case in CASES if rule.id in {e.rule for e in case.expected}]  # type: ignore[attr-defined]
    for case_id in cases:
        assert f'href="../../cases/{case_id}/"' in page
    line = hooks_module("sitegen.data").source_line(rule.function)  # type: ignore[attr-defined]
    module = rule.function.__module__  # type: ignore[attr-defined]
    assert f'href="../../source/{module}/#L-{line}"' in page
    source = built_site.page(f"source/{module}.md")
    anchored = re.search(rf'<a id="L-{line}" name="L-{line}"></a>(.*?)\n', source)
    assert anchored, f"no line anchor L-{line} in source/{module}"
    assert rule.function.__name__ in text_of(anchored.group(1)), "the link opens the def line"  # type: ignore[attr-defined]


def test_rules_with_facts_show_their_chinese_names(built_site: BuiltSite) -> None:
    page = text_of(built_site.page("rules/art27.acceptance.md"))
    assert fact_zh("acceptance.passed") in page


# ——— the home page —————————————————————————————————————————————————————————————————————————————————————————————————


def test_home_page_shows_one_explanation_before_and_after(built_site: BuiltSite) -> None:
    """Issue #14: the sample's art. 11(1)(iii) finding for 区审计局 as 1.x printed it (a fixed quotation) and as
    the library explains it today (generated at build time, so it cannot drift)."""
    case = validate(Case, read_document(sample_text(), name=SAMPLE_NAME))
    finding = next(
        f
        for f in case.run().findings
        if f.rule == "art11.department_review" and f.subject == "round 1: audit_bureau"
    )
    page = built_site.page("index.md")
    after = re.search(
        r'<blockquote class="th-after">\s*<p>(.*?)</p>\s*<p lang="en"><small>(.*?)</small>', page, re.S
    )
    assert after, "no 2.0 text on the home page"
    assert text_of(after.group(1)) == finding.explanation_zh
    assert text_of(after.group(2)) == finding.explanation_en
    before = re.search(r'<blockquote class="th-before">\s*<p>(.*?)</p>', page, re.S)
    assert before, "no 1.x text on the home page"
    old = text_of(before.group(1))
    assert old.startswith("第十一条第一款第（三）项【逾期完成】")
    assert finding.due is not None
    for day in (finding.due.isoformat(), "2024-11-01"):  # the same finding: its due date and the late opinion
        assert day in old
        assert day in finding.explanation_zh
    changes = text_of(page.split('<blockquote class="th-after">', 1)[1])
    for new in (
        "第1轮：区审计局",
        "起算：2024-10-28 材料同步至相关部门",
        "有业务时间的，停止业务活动的时间为截止时间",
    ):
        assert new in changes.split("改动", 1)[1], f"the list of changes names {new}"
        assert new in finding.explanation_zh, f"the list of changes says 2.0 writes {new}"
        assert new not in old
    for gone in ("round 1: audit_bureau", "应不晚于/不超过"):
        assert gone in old
        assert gone not in finding.explanation_zh


# ——— overview pages ——————————————————————————————————————————————————————————————————————————————————————————————


def test_decisions_page_quotes_each_basis_and_names_every_value(built_site: BuiltSite) -> None:
    page = built_site.page("decisions.md")
    shown = text_of(page)
    last = max(DECISIONS, key=lambda d: int(d[1:]))
    assert f"D1–{last}" in shown
    assert "D1–D16" not in shown
    for decision in DECISIONS.values():
        assert decision.basis in shown
        assert f"Interpretation.{decision.field}" in shown
        for option in decision.options():
            assert OPTION_ZH[decision.field][option.value] in shown, f"{decision.id}={option.value}"


def test_decisions_page_lists_the_cases_of_each_alternative(built_site: BuiltSite) -> None:
    page = built_site.page("decisions.md")
    checked = 0
    defaults = Interpretation()
    for case_id, _, case in CASES:
        for field in case.interpretation.model_fields_set:
            decision = next((d for d in DECISIONS.values() if d.field == field), None)
            if decision is None or getattr(case.interpretation, field) == getattr(defaults, field):
                continue
            section = page.split(f'<h2 id="{decision.id}"', 1)[1].split("<h2 ", 1)[0]
            assert f'href="../cases/{case_id}/"' in section, f"{case_id} chooses {field} but is not listed"
            checked += 1
    assert checked > 10


def test_traceability_matrix_lists_every_unit_with_chinese_outcomes(built_site: BuiltSite) -> None:
    page = text_of(built_site.page("traceability.md"))
    for article in ARTICLES:
        for unit in units(article):
            assert unit.id in page
            assert unit.cite_zh in page
    assert "不符合 ×" in page
    assert "fails×" not in page


def test_deadlines_are_drawn_without_loading_anything(built_site: BuiltSite) -> None:
    page = built_site.page("deadlines.md")
    assert 'class="th-flow"' in page
    assert "mermaid" not in page


def test_footer_is_chinese(built_site: BuiltSite) -> None:
    page = built_site.page("index.md")
    assert "Made with" not in page
    assert "条文以正式印发文本为准" in text_of(page)


# ——— clean: no raw markup, no stale text ————————————————————————————————————————————————————————————————————————


def test_no_raw_markup_on_any_page(built_site: BuiltSite) -> None:
    """Docstrings are rendered (Markdown), never shown as reStructuredText; code blocks excepted."""
    problems = []
    for path in all_pages(built_site):
        content = article_content(path.read_text(encoding="utf-8"))
        prose = re.sub(r"<pre.*?</pre>|<code.*?</code>", "", content, flags=re.S)
        shown = html.unescape(re.sub(r"<[^>]+>", "", prose))
        for name, pattern in RAW_MARKUP.items():
            found = pattern.search(shown)
            if found:
                where = shown[max(0, found.start() - 60) : found.end() + 10]
                problems.append(f"{path.relative_to(built_site.root)}: {name}: …{where}…")
    assert not problems, "\n".join(problems[:20])


def test_no_hard_line_break_mid_sentence(built_site: BuiltSite) -> None:
    """A docstring's paragraph is one line (a browser shows a break between Chinese characters as a space), and a
    Chinese paraphrase ends with "。", not a half-width "."."""
    problems = []
    for path in all_pages(built_site):
        content = article_content(path.read_text(encoding="utf-8"))
        content = re.sub(r"<pre.*?</pre>", "", content, flags=re.S)
        for paragraph in re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", content, re.S):
            body = paragraph[1]
            if re.search(rf"[{HAN}，。；：、]\n\s*[{HAN}]", body):
                problems.append(f"{path.relative_to(built_site.root)}: a line break inside: {body[:80]!r}")
        for doc in re.findall(r'<div class="th-doc">(.*?)</div>', content, re.S):
            for body in re.findall(r"<p>(.*?)</p>", re.sub(r"<pre.*?</pre>", "", doc, flags=re.S), re.S):
                if "\n" in body:
                    problems.append(
                        f"{path.relative_to(built_site.root)}: a docstring line break: {body[:80]!r}"
                    )
                if re.search(rf"[{HAN}]\.(?:\s|<|$)", body):
                    problems.append(f"{path.relative_to(built_site.root)}: a half-width '.': {body[:80]!r}")
    assert not problems, "\n".join(problems[:20])


def test_nothing_is_loaded_from_outside_the_site(built_site: BuiltSite) -> None:
    """Every file a page makes the browser fetch (script, stylesheet, icon, image, frame, inline-style ``url()``)
    is a file of the site, and every stylesheet's ``url()`` too; every page has its title. The browser test then
    opens every kind of page with every request that leaves the site blocked."""
    problems = []
    pages = site_pages(built_site)
    for folder in pages:
        page = (built_site.root / folder / "index.html").read_text(encoding="utf-8")
        for url in loaded_urls(page):
            if outside(url):
                problems.append(f"{folder}: loads {url}")
            elif not url.startswith(("data:", "blob:")):
                target = (built_site.root / folder / urlsplit(url).path).resolve()
                if not (target / "index.html" if target.is_dir() else target).is_file():
                    problems.append(f"{folder}: loads {url}, which is not in the site")
        if "mermaid" in article_content(page):
            problems.append(f"{folder}: mermaid")
        if not re.search(r"<h1\b", article_content(page)):
            problems.append(f"{folder}: no title")
    for stylesheet in built_site.root.rglob("*.css"):
        problems += [
            f"{stylesheet}: loads {u}" for u in css_urls(stylesheet.read_text("utf-8")) if outside(u)
        ]
    assert len(pages) > 500
    assert not problems, "\n".join(problems[:20])


def test_search_worker_segments_chinese_queries(built_site: BuiltSite) -> None:
    (worker,) = (built_site.root / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    source = worker.read_text(encoding="utf-8")
    assert "function tinghuSegment(" in source
    assert "tinghuSegment(" in source.split("function tinghuSegment(")[1], "the worker calls it"
    assert "terms:tinghuTerms(" in source


def test_search_index_segments_chinese_and_stays_small(built_site: BuiltSite) -> None:
    """jieba splits Chinese into words joined by U+200B (in the separator); the API reference, the source pages
    and the case tables are not indexed, and the index is UTF-8: small enough for a quick first search."""
    path = built_site.root / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    assert separator.search("\u200b")
    art11 = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("articles/art11/"))
    assert "初审\u200b意见" in art11
    assert registry()["art11.p1.i2"].text[:20] in art11.replace("\u200b", "")
    locations = {d["location"].split("/", 1)[0] for d in index["docs"]}
    assert not locations & {"reference", "source"}
    assert "初审" in path.read_text(encoding="utf-8"), "written as UTF-8, not as \\u escapes"
    assert path.stat().st_size < 3_000_000, (
        f"{path.stat().st_size} bytes: the first search waits for all of it"
    )


def test_api_reference_is_generated(built_site: BuiltSite) -> None:
    page = text_of(built_site.page("reference/engine.md"))
    assert "tinghu_policy.engine.rule" in page
    assert "Register" in page  # a docstring of the rule decorator module


def test_docs_source_has_no_hand_copied_article_text() -> None:
    """The article text lives in articles/ only: no hand-written page repeats a paragraph of it."""
    pages = [p.read_text(encoding="utf-8") for p in Path(ROOT / "docs").rglob("*.md")]
    for unit in registry().leaves():
        if len(unit.text) > 30:
            assert not any(unit.text in page for page in pages), f"{unit.id} copied into docs/"
