"""The edition in articles/ is the source text, whitespace aside, except for the listed errata — and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy._bundled import bundled_path
from tinghu_policy.errors import EditionError
from tinghu_policy.provisions import Edition, load_edition
from tinghu_policy.provisions.citation import chapter_zh, cite_zh

ARTICLES = bundled_path("articles")


def _strip(text: str) -> str:
    return re.sub(r"\s+", "", text)


def reconstruct_source(edition: Edition) -> str:
    """Join every provision in document order with its errata undone."""
    units: list[tuple[str, str, str]] = [
        ("title", "", edition.regulation.title + edition.regulation.subtitle)
    ]
    for chapter in edition.regulation.chapters:
        units.append((chapter.id, "", chapter_zh(chapter.number) + chapter.title))
        for article in (a for a in edition.articles if a.chapter == chapter.id):
            for p_no, paragraph in enumerate(article.paragraphs, 1):
                heading = cite_zh(article.number) if p_no == 1 else ""
                units.append((paragraph.id, heading, paragraph.text))
                units += [(item.id, "", item.text) for item in paragraph.items]
    by_unit = {unit_id: text for unit_id, _, text in units}
    for erratum in edition.errata:
        text = by_unit[erratum.provision]
        found = text.count(erratum.corrected)
        assert found == erratum.occurrences, (
            f"{erratum.id}: {erratum.corrected!r} occurs {found} times in {erratum.provision}, "
            f"errata.yaml says {erratum.occurrences}"
        )
        by_unit[erratum.provision] = text.replace(erratum.corrected, erratum.original)
    return "".join(heading + by_unit[unit_id] for unit_id, heading, _ in units)


def test_edition_is_the_source_whitespace_aside() -> None:
    edition = load_edition(ARTICLES)
    assert _strip(reconstruct_source(edition)) == _strip(edition.source_text())


def test_source_is_the_document_received() -> None:
    import hashlib

    edition = load_edition(ARTICLES)
    digest = hashlib.sha256(edition.source_text().encode("utf-8")).hexdigest()
    assert digest == edition.regulation.source.sha256


def test_every_non_whitespace_difference_is_an_erratum() -> None:
    """Errata of punctuation and words change characters; joins change whitespace only."""
    edition = load_edition(ARTICLES)
    for erratum in edition.errata:
        same = _strip(erratum.original) == _strip(erratum.corrected)
        assert same is (erratum.kind == "page_break_join"), erratum.id


def test_the_known_defects_are_listed() -> None:
    edition = load_edition(ARTICLES)
    listed = {(e.provision, e.kind) for e in edition.errata}
    assert ("art37.p1", "stray_word") in listed
    assert {("art5.p1.i5", "half_width_punctuation"), ("art30.p1", "half_width_punctuation")} <= listed
    joins = [e.provision for e in edition.errata if e.kind == "page_break_join"]
    assert joins == ["art4.p1", "art12.p1", "art20.p1", "art24.p1", "art27.p1", "art37.p1", "art37.p1"]


def _text_lines(path: Path) -> list[tuple[int, int]]:
    """(line, column) of every CJK character inside a ``text:`` value of an article file."""
    spots = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.lstrip().startswith(("text:", "- id:")) and "text:" in line:
            start = line.index("text:") + len("text:")
            spots += [(n, c) for c in range(start, len(line)) if "\u4e00" <= line[c] <= "\u9fff"]
    return spots


@settings(max_examples=25, deadline=None)
@given(
    article=st.integers(1, 40),
    pick=st.integers(0, 10_000),
    replacement=st.sampled_from("的一是在不了有和人这"),
)
def test_changing_one_character_of_articles_fails(
    tmp_path_factory: pytest.TempPathFactory, article: int, pick: int, replacement: str
) -> None:
    root = tmp_path_factory.mktemp("articles")
    shutil.copytree(ARTICLES, root, dirs_exist_ok=True)
    path = root / f"art{article}.yaml"
    spots = _text_lines(path)
    line_no, column = spots[pick % len(spots)]
    lines = path.read_text(encoding="utf-8").splitlines()
    original = lines[line_no][column]
    changed = replacement if replacement != original else "乙"
    lines[line_no] = lines[line_no][:column] + changed + lines[line_no][column + 1 :]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        edition = load_edition(root)
        rebuilt = reconstruct_source(edition)
    except (EditionError, AssertionError):
        return  # the change broke an item marker or an erratum's count: caught
    assert _strip(rebuilt) != _strip(edition.source_text())
