"""Shared helpers of the docs tests: where the project is, the built site, skip-or-fail when tools are missing.

The docs tests skip when the ``docs`` extra is not installed, unless ``TINGHU_REQUIRE_BROWSER`` is set (CI sets
it when it runs them): then a missing tool is a failure, never a silent pass.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "docs" / "hooks"
DOCS_TOOLS = ("mkdocs", "material", "mkdocstrings_handlers.python", "jieba")
RAW_MARKUP = {
    "``literal``": re.compile(r"``[^`\n]+``"),
    ":role:`…`": re.compile(r":(?:class|func|mod|data|meth|attr|obj|exc|ref):`"),
    "a `::` block": re.compile(r"\S::\s*$", re.M),
}
"""reStructuredText a reader must never see on a page (code blocks excepted), by what it is."""


def hooks_module(name: str) -> Any:
    """A module of the site generator (``docs/hooks/sitegen``), imported as the build imports it."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    return importlib.import_module(name)


def required() -> bool:
    """True when missing tools must fail the tests instead of skipping them."""
    return bool(os.environ.get("TINGHU_REQUIRE_BROWSER"))


def skip_or_fail(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (TINGHU_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    output: str
    seconds: float

    def page(self, path: str) -> str:
        """The HTML of the page generated from ``path`` (docs-relative, e.g. ``articles/art11.md``)."""
        stem = path.removesuffix(".md")
        target = self.root / ("index.html" if stem == "index" else f"{stem}/index.html")
        return target.read_text(encoding="utf-8")


def build_site(out: Path) -> BuiltSite:
    """``mkdocs build --strict`` into ``out`` (skips, or fails under ``TINGHU_REQUIRE_BROWSER``, without mkdocs)."""
    missing = [m for m in DOCS_TOOLS if not _installed(m)]
    if missing:
        skip_or_fail(
            f"the docs extra is not installed (missing {', '.join(missing)}): pip install -e '.[docs]'"
        )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    seconds = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    return BuiltSite(out, output, seconds)


def site_pages(site: BuiltSite) -> list[str]:
    """Every page of the built site (but the 404 page), as its folder relative to the site ("." for the home
    page, ``articles/art11``, ``cases/lifecycle/…``)."""
    return sorted(
        p.parent.relative_to(site.root).as_posix()
        for p in site.root.rglob("index.html")
        if p.parent != site.root / "404"
    )


_LOADED_BY = {"script": "src", "img": "src", "iframe": "src", "frame": "src", "embed": "src", "source": "src"}
_LOADED_BY |= {"video": "src", "audio": "src", "track": "src", "input": "src", "object": "data"}
_LINK_LOADS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "prefetch", "manifest"}
_LOADING_TAG = re.compile(rf"<(?:link|{'|'.join(_LOADED_BY)})\b[^>]*>", re.I)
_SCRIPT_BODY = re.compile(r"(<script\b[^>]*>).*?</script>", re.S | re.I)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and _LINK_LOADS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        if tag in _LOADED_BY and _LOADED_BY[tag] in values:
            self.urls.append(values[_LOADED_BY[tag]])
        if tag == "video" and "poster" in values:
            self.urls.append(values["poster"])
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                self.urls.append(candidate.split()[0])


def css_urls(css: str) -> list[str]:
    """The URLs a stylesheet (or a ``style`` attribute) loads: ``url(…)`` and ``@import``."""
    return [a or b for a, b in _CSS_URL.findall(css)]


def loaded_urls(page: str) -> list[str]:
    """Every URL the HTML ``page`` makes a browser fetch as it opens (not the links a reader follows): scripts,
    stylesheets, icons, images, frames, media, and ``url(…)`` in styles. Only the tags that load something are
    parsed (a page of source is 1 MB)."""
    parser = _Loads()
    page = _SCRIPT_BODY.sub(r"\1</script>", page)
    for tag in _LOADING_TAG.findall(page):
        parser.feed(tag)
        parser.reset()  # a <script> tag alone would leave the parser reading script
    urls = parser.urls
    for css in _STYLE_ELEMENT.findall(page):
        urls += css_urls(css)
    for double, single in _STYLE_ATTRIBUTE.findall(page):
        urls += css_urls(double or single)
    return urls


def outside(url: str) -> bool:
    """True when ``url`` leaves the site (has a scheme other than ``data:``/``blob:``, or names a host)."""
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")
