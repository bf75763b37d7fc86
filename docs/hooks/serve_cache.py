"""Under ``mkdocs serve``: a rebuild redoes only what changed, so editing a case shows in a few seconds.

A full build converts ~600 pages of Markdown (the API reference through mkdocstrings), indexes them for search
(jieba) and renders each through the theme. After one case is edited, the generator (``sitegen``, its corpus
results cached on disk) gives the same Markdown for all but a handful of pages. The serve process lives across
rebuilds, so this module keeps, in memory, the result of each of the three costly steps per page and reuses it
when its inputs are the same:

- the Markdown conversion (``Page.render``), keyed by the page's Markdown and front matter, the site's files, the
  configuration file and, for a page that renders the API reference (``:::``), the library's source; the anchors
  the conversion registered with ``autorefs`` are recorded and registered again on reuse;
- the search entries of a page (``SearchIndex.add_entry_from_context``), keyed by the page's HTML;
- the page written by the theme (``_build_page``), keyed by the page's HTML, title, front matter and the
  navigation; the search plugin still sees the page (``on_page_context``). The site folder is not emptied
  before a rebuild, so a page written by the last build with the same key is left as it is; the pages the
  rebuild no longer has (a case removed) are deleted after it.

``mkdocs build`` never uses it (the hook enables it on ``on_startup(command="serve")``): a build is a single pass
and renders everything. ``TINGHU_SERVE_CACHE=off`` turns it off under ``serve`` too.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as build_module
from mkdocs.structure.pages import Page
from mkdocs_autorefs import AutorefsPlugin

log = logging.getLogger("mkdocs.hooks.serve_cache")

ROOT = Path(__file__).resolve().parents[2]

_enabled = False
_patched = False
_build: dict[str, str] = {}
"""Keys computed once per build: the files, the navigation, the configuration, the library."""
_recording: list[tuple[str, str | None, str | None, bool]] | None = None
counts: Counter[str] = Counter()


@dataclass
class _Rendered:
    key: str
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    autorefs: list[tuple[str, str | None, str | None, bool]]


_RENDERED: dict[str, _Rendered] = {}
_SEARCH: dict[str, tuple[str, list[dict[str, Any]]]] = {}
_WRITTEN: dict[str, tuple[str, bytes, str]] = {}
"""Per page: its key, the bytes written and where."""
_built: dict[str, str] = {}
"""The pages of the build under way, and where each is written."""


def _digest(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def enable() -> None:
    """Patch the three steps (once per process) and turn the reuse on."""
    global _enabled
    if os.environ.get("TINGHU_SERVE_CACHE", "").lower() in ("off", "0", "no", "false"):
        return
    _patch()
    _enabled = True


def start_build(config: Any) -> None:
    """A new build: forget the per-build keys, count afresh."""
    _build.clear()
    _built.clear()
    counts.clear()
    config_file = Path(config.config_file_path or ROOT / "mkdocs.yml")
    _build["config"] = _digest(config_file.read_bytes() if config_file.is_file() else "")


def set_files(files: Any) -> None:
    _build["files"] = _digest(*sorted(f"{f.src_uri}>{f.url}" for f in files))


def finish_build() -> None:
    """Delete the pages the last build wrote and this one did not (the site folder is not emptied), and log what
    was reused."""
    written_now = set(_built.values())
    for src_uri in [s for s in _WRITTEN if s not in _built]:
        dest = _WRITTEN.pop(src_uri)[2]
        if dest not in written_now:
            Path(dest).unlink(missing_ok=True)
    if _enabled and counts:
        log.info(
            "Reused from the previous build: "
            + ", ".join(
                f"{name} {counts[name + ' reused']}/{counts[name]}" for name in ("render", "search", "page")
            )
        )


def _library() -> str:
    if "library" not in _build:
        parts = []
        for path in sorted((ROOT / "tinghu_policy").rglob("*.py")):
            stat = path.stat()
            parts.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
        _build["library"] = _digest(*parts)
    return _build["library"]


def _nav(nav: Any) -> str:
    if "nav" not in _build:
        seen: list[str] = []

        def walk(items: Any) -> None:
            for item in items:
                seen.append(f"{type(item).__name__}:{getattr(item, 'title', '')}:{getattr(item, 'url', '')}")
                walk(getattr(item, "children", None) or ())

        walk(nav.items)
        _build["nav"] = _digest(*seen)
    return _build["nav"]


def _toc(toc: Any) -> str:
    parts: list[str] = []

    def walk(items: Any) -> None:
        for item in items:
            parts.append(f"{item.id}:{item.title}:{item.level}")
            walk(item.children)

    walk(toc or ())
    return _digest(*parts)


# ——— the three steps ——————————————————————————————————————————————————————————————————————————————————————————————


def _patch() -> None:
    global _patched
    if _patched:
        return
    _patched = True
    original_render = Page.render
    original_register = AutorefsPlugin.register_anchor

    def render(self: Page, config: Any, files: Any) -> None:
        if not _enabled:
            return original_render(self, config, files)
        global _recording
        markdown = self.markdown or ""
        key = _digest(
            self.file.src_uri,
            markdown,
            repr(sorted(self.meta.items(), key=lambda kv: kv[0])),
            _build.get("config"),
            _build.get("files"),
            _library() if ":::" in markdown else "",
        )
        counts["render"] += 1
        found = _RENDERED.get(self.file.src_uri)
        if found is not None and found.key == key:
            counts["render reused"] += 1
            self.content = found.content
            self.toc = copy.deepcopy(found.toc)
            self._title_from_render = found.title
            self.present_anchor_ids = set(found.anchors) if found.anchors is not None else None
            if found.links is not None:
                links = {}
                for src_uri, anchors in found.links.items():
                    target = files.get_file_from_path(src_uri)
                    if target is not None:
                        links[target] = dict(anchors)
                self.links_to_anchors = links
            autorefs = config.plugins.get("autorefs")
            if autorefs is not None:
                for identifier, anchor, title, primary in found.autorefs:
                    original_register(autorefs, self, identifier, anchor, title=title, primary=primary)
            return None
        _recording = []
        try:
            original_render(self, config, files)
            recorded = _recording
        finally:
            _recording = None
        _RENDERED[self.file.src_uri] = _Rendered(
            key,
            self.content or "",
            copy.deepcopy(self.toc),
            self._title_from_render,
            set(self.present_anchor_ids) if self.present_anchor_ids is not None else None,
            {f.src_uri: dict(a) for f, a in self.links_to_anchors.items()}
            if self.links_to_anchors is not None
            else None,
            recorded,
        )
        return None

    Page.render = render  # type: ignore[method-assign]

    original_clean = mkdocs_utils.clean_directory

    def clean_directory(directory: str) -> None:
        if not _enabled:
            original_clean(directory)

    mkdocs_utils.clean_directory = clean_directory

    def register_anchor(
        self: AutorefsPlugin,
        page: Page,
        identifier: str,
        anchor: str | None = None,
        *,
        title: str | None = None,
        primary: bool = True,
    ) -> None:
        if _recording is not None:
            _recording.append((identifier, anchor, title, primary))
        original_register(self, page, identifier, anchor, title=title, primary=primary)

    AutorefsPlugin.register_anchor = register_anchor  # type: ignore[method-assign]

    from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]

    original_add = SearchIndex.add_entry_from_context

    def add_entry_from_context(self: Any, page: Page) -> None:
        if not _enabled:
            original_add(self, page)
            return
        key = _digest(page.url, page.content, repr(page.meta.get("search")), page.title, _toc(page.toc))
        counts["search"] += 1
        found = _SEARCH.get(page.url)
        if found is not None and found[0] == key:
            counts["search reused"] += 1
            self.entries.extend(copy.deepcopy(found[1]))
            return
        before = len(self.entries)
        original_add(self, page)
        _SEARCH[page.url] = (key, copy.deepcopy(self.entries[before:]))

    SearchIndex.add_entry_from_context = add_entry_from_context

    original_build_page = build_module._build_page

    def build_page(
        page: Page,
        config: Any,
        doc_files: Any,
        nav: Any,
        env: Any,
        dirty: bool = False,
        excluded: bool = False,
    ) -> None:
        if not _enabled:
            return original_build_page(page, config, doc_files, nav, env, dirty, excluded)
        key = _digest(
            page.file.src_uri,
            page.content,
            page.title,
            repr(sorted(page.meta.items(), key=lambda kv: kv[0])),
            _toc(page.toc),
            _nav(nav),
            _build.get("config"),
            excluded,
        )
        counts["page"] += 1
        _built[page.file.src_uri] = page.file.abs_dest_path
        found = _WRITTEN.get(page.file.src_uri)
        if found is not None and found[0] == key:
            counts["page reused"] += 1
            config._current_page = page
            try:
                context = build_module.get_context(nav, doc_files, config, page)
                config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            finally:
                config._current_page = None
            if found[2] != page.file.abs_dest_path or not Path(found[2]).is_file():
                mkdocs_utils.write_file(found[1], page.file.abs_dest_path)
                _WRITTEN[page.file.src_uri] = (key, found[1], page.file.abs_dest_path)
            return None
        original_build_page(page, config, doc_files, nav, env, dirty, excluded)
        written = Path(page.file.abs_dest_path)
        if written.is_file():
            _WRITTEN[page.file.src_uri] = (key, written.read_bytes(), page.file.abs_dest_path)
        return None

    build_module._build_page = build_page
