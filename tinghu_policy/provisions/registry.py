"""The provision registry: every chapter, article, paragraph (款) and item (项) by its stable id.

>>> from tinghu_policy.provisions import provision
>>> provision("art11.p1.i2").cite_zh
'第十一条第一款第（二）项'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from tinghu_policy._bundled import bundled_path
from tinghu_policy.errors import UnknownProvisionError
from tinghu_policy.provisions.citation import chapter_en, chapter_zh, cite_en, cite_zh
from tinghu_policy.provisions.edition import Edition, Erratum, load_edition


class Level(StrEnum):
    """How deep a provision sits: 章 > 条 > 款 > 项."""

    CHAPTER = "chapter"
    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True, slots=True)
class Provision:
    """One citable unit of the regulation."""

    id: str
    level: Level
    chapter: str
    text: str
    """The official text (a chapter's title; an article's paragraphs joined by line breaks)."""
    cite_zh: str
    cite_en: str
    parent: str | None
    children: tuple[str, ...]
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None

    @property
    def is_leaf(self) -> bool:
        """A paragraph without items, or an item: the units rules encode."""
        return not self.children and self.level in (Level.PARAGRAPH, Level.ITEM)


class ProvisionRegistry:
    """Look-up, walk and citation of the provisions of one edition."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self._by_id: dict[str, Provision] = {}
        for chapter in edition.regulation.chapters:
            articles = tuple(a for a in edition.articles if a.chapter == chapter.id)
            self._add(
                Provision(
                    chapter.id,
                    Level.CHAPTER,
                    chapter.id,
                    chapter.title,
                    chapter_zh(chapter.number),
                    chapter_en(chapter.number),
                    None,
                    tuple(a.id for a in articles),
                )
            )
            for article in articles:
                count = len(article.paragraphs)
                self._add(
                    Provision(
                        article.id,
                        Level.ARTICLE,
                        chapter.id,
                        "\n".join(
                            _paragraph_text(p.text, tuple(i.text for i in p.items))
                            for p in article.paragraphs
                        ),
                        cite_zh(article.number),
                        cite_en(article.number),
                        chapter.id,
                        tuple(p.id for p in article.paragraphs),
                        article.number,
                    )
                )
                for p_no, paragraph in enumerate(article.paragraphs, 1):
                    self._add(
                        Provision(
                            paragraph.id,
                            Level.PARAGRAPH,
                            chapter.id,
                            _paragraph_text(paragraph.text, tuple(i.text for i in paragraph.items)),
                            cite_zh(article.number, p_no, paragraphs=count),
                            cite_en(article.number, p_no, paragraphs=count),
                            article.id,
                            tuple(i.id for i in paragraph.items),
                            article.number,
                            p_no,
                        )
                    )
                    for i_no, item in enumerate(paragraph.items, 1):
                        self._add(
                            Provision(
                                item.id,
                                Level.ITEM,
                                chapter.id,
                                item.text,
                                cite_zh(article.number, p_no, i_no, paragraphs=count),
                                cite_en(article.number, p_no, i_no, paragraphs=count),
                                paragraph.id,
                                (),
                                article.number,
                                p_no,
                                i_no,
                            )
                        )

    def _add(self, provision: Provision) -> None:
        self._by_id[provision.id] = provision

    def __getitem__(self, provision_id: str) -> Provision:
        try:
            return self._by_id[provision_id]
        except KeyError:
            raise UnknownProvisionError(provision_id, self.suggest(provision_id)) from None

    def __contains__(self, provision_id: object) -> bool:
        return provision_id in self._by_id

    def __iter__(self) -> Iterator[Provision]:
        """Every provision in document order (chapter, its articles, their paragraphs and items)."""
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def chapters(self) -> tuple[Provision, ...]:
        return tuple(p for p in self if p.level is Level.CHAPTER)

    def articles(self) -> tuple[Provision, ...]:
        return tuple(p for p in self if p.level is Level.ARTICLE)

    def leaves(self) -> tuple[Provision, ...]:
        """The paragraphs without items and the items: every unit a rule can encode."""
        return tuple(p for p in self if p.is_leaf)

    def children(self, provision_id: str) -> tuple[Provision, ...]:
        return tuple(self._by_id[c] for c in self[provision_id].children)

    def descendants(self, provision_id: str) -> Iterator[Provision]:
        """The provision's children, their children, … in document order (not the provision itself)."""
        for child in self.children(provision_id):
            yield child
            yield from self.descendants(child.id)

    def errata(self, provision_id: str) -> tuple[Erratum, ...]:
        """The corrections made in this provision's text (see ``articles/errata.yaml``)."""
        return tuple(e for e in self.edition.errata if e.provision == provision_id)

    def suggest(self, provision_id: str) -> list[str]:
        """Ids close to an unknown one, best first."""
        return difflib.get_close_matches(provision_id, list(self._by_id), n=3, cutoff=0.6)


def _paragraph_text(lead: str, items: tuple[str, ...]) -> str:
    return "\n".join((lead, *items))


@cache
def registry() -> ProvisionRegistry:
    """The registry of the bundled edition, loaded once on first use."""
    return ProvisionRegistry(load_edition(bundled_path("articles")))


def provision(provision_id: str) -> Provision:
    """The provision with this id; :class:`~tinghu_policy.errors.UnknownProvisionError` with near matches if none."""
    return registry()[provision_id]
