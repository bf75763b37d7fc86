"""The edition of the regulation in ``articles/``: its file format as typed models, loaded and checked.

The format is described for people in ``articles/README.md``; these models are its contract. Loading checks
what YAML cannot: ids follow the position of each paragraph and item, item markers follow their numbers, every
article sits in a known chapter, and every erratum names a provision that exists.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tinghu_policy.errors import EditionError
from tinghu_policy.provisions.citation import chinese_number
from tinghu_policy.yaml_input import InputError, decode, load_yaml, read_file


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Item(_Strict):
    """项: a numbered point （一）（二）… of a paragraph; its text keeps the marker."""

    id: str
    text: str


class Paragraph(_Strict):
    """款: one line of an article."""

    id: str
    text: str
    items: tuple[Item, ...] = ()


class Article(_Strict):
    """条: an article with its chapter and paragraphs."""

    id: str
    number: int = Field(ge=1)
    chapter: str
    summary_en: str = Field(description="An English gist for developers; not official text.")
    paragraphs: tuple[Paragraph, ...] = Field(min_length=1)


class Chapter(_Strict):
    """章."""

    id: str
    number: int = Field(ge=1)
    title: str
    title_en: str


class Source(_Strict):
    file: str
    sha256: str
    note: str


class BasisDocument(_Strict):
    title: str
    number: str


class Regulation(_Strict):
    """The regulation as a whole (``regulation.yaml``)."""

    id: str
    title: str
    subtitle: str
    title_en: str
    source: Source
    effective_date: date | None
    basis: tuple[BasisDocument, ...]
    chapters: tuple[Chapter, ...]


class Erratum(_Strict):
    """A difference between this edition and the source other than whitespace (``errata.yaml``)."""

    id: str
    provision: str
    kind: Literal["half_width_punctuation", "stray_word", "page_break_join"]
    original: str
    corrected: str
    occurrences: int = Field(1, ge=1)
    note: str | None = None


class Edition(_Strict):
    """Everything in ``articles/``: the regulation, its articles in order, and the errata."""

    root: Path
    regulation: Regulation
    articles: tuple[Article, ...]
    errata: tuple[Erratum, ...]

    def source_text(self) -> str:
        """The document as received (provenance)."""
        return (self.root / self.regulation.source.file).read_text(encoding="utf-8")


_ARTICLE_FILE = re.compile(r"^art(\d+)\.yaml$")
_M = TypeVar("_M", bound=BaseModel)


def _read_yaml(path: Path) -> object:
    """``path`` read by the library's one YAML reader (bounded, strict UTF-8, no aliases, tags or duplicate keys)."""
    try:
        data, _ = load_yaml(decode(read_file(path), str(path)), str(path))
    except InputError as exc:
        raise EditionError(str(exc)) from exc
    return data


def _parse(model: type[_M], path: Path, data: object) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise EditionError(f"{path}: {exc}") from exc


def load_edition(root: Path) -> Edition:
    """Read and check the edition in ``root`` (an ``articles/`` folder)."""
    regulation = _parse(Regulation, root / "regulation.yaml", _read_yaml(root / "regulation.yaml"))
    files = sorted((int(m.group(1)), p) for p in root.iterdir() if (m := _ARTICLE_FILE.match(p.name)))
    articles = tuple(_parse(Article, path, _read_yaml(path)) for _, path in files)
    raw_errata = _read_yaml(root / "errata.yaml")
    if not isinstance(raw_errata, list):
        raise EditionError(f"{root / 'errata.yaml'}: expected a list of errata")
    errata = tuple(_parse(Erratum, root / "errata.yaml", entry) for entry in raw_errata)
    edition = Edition(root=root, regulation=regulation, articles=articles, errata=errata)
    _check_structure(edition)
    return edition


def _check_structure(edition: Edition) -> None:
    chapters = {c.id: c for c in edition.regulation.chapters}
    for position, chapter in enumerate(edition.regulation.chapters, 1):
        if (chapter.id, chapter.number) != (f"ch{position}", position):
            raise EditionError(f"regulation.yaml: chapter {position} is {chapter.id} number {chapter.number}")
    ids: set[str] = {"title", *chapters}
    for position, article in enumerate(edition.articles, 1):
        where = f"art{article.number}.yaml"
        if (article.id, article.number) != (f"art{position}", position):
            raise EditionError(f"{where}: article {position} has id {article.id} and number {article.number}")
        if article.chapter not in chapters:
            raise EditionError(f"{where}: unknown chapter {article.chapter}")
        ids.add(article.id)
        for p_no, paragraph in enumerate(article.paragraphs, 1):
            if paragraph.id != f"{article.id}.p{p_no}":
                raise EditionError(f"{where}: paragraph {p_no} has id {paragraph.id}")
            ids.add(paragraph.id)
            for i_no, item in enumerate(paragraph.items, 1):
                if item.id != f"{paragraph.id}.i{i_no}":
                    raise EditionError(f"{where}: item {i_no} of {paragraph.id} has id {item.id}")
                if not item.text.startswith(f"（{chinese_number(i_no)}）"):
                    raise EditionError(
                        f"{where}: {item.id} does not start with its marker （{chinese_number(i_no)}）"
                    )
                ids.add(item.id)
    chapter_order = [chapters[a.chapter].number for a in edition.articles]
    if chapter_order != sorted(chapter_order):
        raise EditionError("articles are not in chapter order")
    for erratum in edition.errata:
        if erratum.provision not in ids:
            raise EditionError(f"errata.yaml: {erratum.id} names unknown provision {erratum.provision}")
