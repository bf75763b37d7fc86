"""The site builds strictly, and every article has a page with its text, status, rules and worked cases."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tinghu_policy.corpus import discover
from tinghu_policy.engine import catalogue, rules_by_provision
from tinghu_policy.interpretation import DECISIONS
from tinghu_policy.provisions import Level, Provision, registry
from tinghu_policy.provisions.status import EncodingStatus, status_of

from .support import ROOT, BuiltSite

STATUS_ZH = {
    EncodingStatus.ENCODED: "已编码",
    EncodingStatus.NOT_COMPUTABLE: "不可计算",
    EncodingStatus.PENDING: "待编码",
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def units(article: Provision) -> list[Provision]:
    return [p for p in registry().descendants(article.id) if p.level in (Level.PARAGRAPH, Level.ITEM)]


def provision_blocks(page: str) -> dict[str, str]:
    """Each text-beside-code block of an article page, by the provision id it anchors."""
    blocks = {}
    for block in page.split('<div class="th-provision">')[1:]:
        anchor = re.search(r'<h3 id="([^"]+)"', block)
        assert anchor, block[:300]
        blocks[anchor.group(1)] = block
    return blocks


def within(provision_id: str, article_id: str) -> bool:
    return provision_id == article_id or provision_id.startswith(article_id + ".")


ARTICLES = registry().articles()
CASES = [(c.id, c.path, c.case) for c in discover()]


def test_build_is_strict_and_quiet(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.output
    assert (built_site.root / "search" / "search_index.json").is_file()


def test_generated_pages_stay_out_of_the_source_tree(built_site: BuiltSite) -> None:
    assert not (ROOT / "docs" / "articles").exists()
    assert not (ROOT / "docs" / "traceability.md").exists()
    assert not (built_site.root / "hooks").exists(), "the generator's code must not be published"


@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_article_page_shows_text_status_rules(built_site: BuiltSite, article: Provision) -> None:
    page = built_site.page(f"articles/{article.id}.md")
    assert text_of(page).count(article.cite_zh) >= 1
    blocks = provision_blocks(page)
    assert list(blocks) == [u.id for u in units(article)], "one block per paragraph and item, in order"
    encoders = rules_by_provision()
    for unit in units(article):
        block = text_of(blocks[unit.id])
        lead = unit.text.split("\n", 1)[0] if unit.level is Level.PARAGRAPH else unit.text
        assert lead in block, f"{unit.id}: official text missing"
        status = status_of(unit.id)
        assert status.status is not None, f"{unit.id} has no status"
        assert STATUS_ZH[status.status] in block
        if status.status is EncodingStatus.NOT_COMPUTABLE:
            assert status.reason in block
        if status.status is EncodingStatus.PENDING:
            assert "尚无规则编码本条款" in block
        for rule in encoders.get(unit.id, ()):
            assert rule.id in block
            assert rule.title_zh in block
            assert f"def {rule.function.__name__}(" in block, f"{rule.id}: source code missing"
            assert f'provision="{unit.id}"' in block


@pytest.mark.parametrize("article", ARTICLES, ids=[a.id for a in ARTICLES])
def test_article_page_shows_its_worked_cases(built_site: BuiltSite, article: Provision) -> None:
    """A case naming the article is shown in full (facts, dates); one only checking its rules is linked."""
    page = text_of(built_site.page(f"articles/{article.id}.md"))
    rules_here = {r.id for r in catalogue() if within(r.provision, article.id)}
    for case_id, _, case in CASES:
        if any(within(p, article.id) or within(article.id, p) for p in case.provisions):
            assert case.title in page, f"{case_id} missing from {article.id}"
            assert f"corpus/{case_id}.yaml" in page
            for expected in case.expected:
                assert expected.rule in page
                if expected.due is not None:
                    assert expected.due.isoformat() in page
        elif rules_here & {e.rule for e in case.expected}:
            assert case.title in page, f"{case_id} checks a rule of {article.id} but is not linked"


def test_hand_worked_comment_is_shown(built_site: BuiltSite) -> None:
    path = next(path for case_id, path, _ in CASES if case_id.startswith("art11/"))
    first_comment = next(
        line.lstrip("# ").strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("#") and line.lstrip("# ").strip()
    )
    assert first_comment in text_of(built_site.page("articles/art11.md"))


def test_errata_are_marked_where_they_were_made(built_site: BuiltSite) -> None:
    errata = registry().edition.errata
    for erratum in errata:
        if erratum.provision == "title":
            continue
        article = erratum.provision.split(".", 1)[0]
        block = text_of(provision_blocks(built_site.page(f"articles/{article}.md"))[erratum.provision])
        assert f"勘误 erratum {erratum.id}" in block
        assert erratum.corrected.replace(" ", "␠") in block
    errata_page = text_of(built_site.page("errata.md"))
    assert all(e.id in errata_page for e in errata)


def test_decisions_page_quotes_each_basis(built_site: BuiltSite) -> None:
    page = text_of(built_site.page("decisions.md"))
    for decision in DECISIONS.values():
        assert decision.basis in page
        assert f"Interpretation.{decision.field}" in page


def test_traceability_matrix_lists_every_unit(built_site: BuiltSite) -> None:
    page = text_of(built_site.page("traceability.md"))
    for article in ARTICLES:
        for unit in units(article):
            assert unit.id in page


def test_search_index_segments_chinese(built_site: BuiltSite) -> None:
    """jieba splits Chinese into words joined by U+200B, which the search separator includes."""
    index = json.loads((built_site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    assert separator.search("\u200b")
    art11 = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("articles/art11/"))
    assert "初审\u200b意见" in art11
    assert registry()["art11.p1.i2"].text[:20] in art11.replace("\u200b", "")


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
