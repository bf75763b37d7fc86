"""The site in a real browser: an article page shows the clause beside its code and its cases; search finds
an article by a Chinese phrase of the regulation.

Headless Debian Chromium (``/usr/bin/chromium``, ``apt-get install chromium``) driven by playwright-python; no
browser is downloaded. Skipped only when Chromium or the docs extra is missing AND ``TINGHU_REQUIRE_BROWSER`` is
not set. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import functools
import importlib
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tinghu_policy.corpus import discover
from tinghu_policy.engine import rules_by_provision
from tinghu_policy.provisions import registry

from .support import ROOT, BuiltSite, skip_or_fail

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
WIDE = {"width": 1600, "height": 1100}
NARROW = {"width": 412, "height": 900}


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """The built site served on localhost by the standard library, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        skip_or_fail("Chromium is not installed (apt-get install -y chromium)")
    try:
        sync_api: Any = importlib.import_module("playwright.sync_api")
    except ImportError:
        skip_or_fail("playwright is not installed (the docs extra)")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def _open(browser: Any, url: str, viewport: dict[str, int]) -> Any:
    page = browser.new_page(viewport=viewport)
    page.set_default_timeout(20_000)
    page.goto(url, wait_until="load")
    return page


def _box(locator: Any) -> dict[str, float]:
    box: dict[str, float] | None = locator.bounding_box()
    assert box is not None, "element is not rendered"
    return box


def test_article_page_text_beside_code_with_cases(browser: Any, site_url: str) -> None:
    unit = registry()["art11.p1.i2"]
    rule = rules_by_provision()[unit.id][0]
    case = next(c.case for c in discover() if unit.id in c.case.provisions)
    page = _open(browser, f"{site_url}/articles/art11/", WIDE)
    try:
        block = page.locator(".th-provision", has=page.locator(f'[id="{unit.id}"]'))
        text_column = block.locator(".th-text")
        code_column = block.locator(".th-code")
        assert unit.text in text_column.inner_text()
        code_text = code_column.inner_text()
        assert f"def {rule.function.__name__}(" in code_text
        assert rule.id in code_text
        # Wide screen: the code sits to the right of the clause, side by side.
        block.evaluate("element => element.scrollIntoView({block: 'start'})")
        text_box, code_box = _box(text_column), _box(code_column)
        assert code_box["x"] >= text_box["x"] + text_box["width"] - 1
        assert text_box["y"] < code_box["y"] + code_box["height"]
        assert code_box["y"] < text_box["y"] + text_box["height"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "docs-art11-wide.png"))
        case_heading = page.get_by_role("heading", name=case.title)
        case_heading.scroll_into_view_if_needed()
        assert case_heading.is_visible()
    finally:
        page.close()


def test_article_page_stacks_on_a_narrow_screen(browser: Any, site_url: str) -> None:
    page = _open(browser, f"{site_url}/articles/art11/", NARROW)
    try:
        block = page.locator(".th-provision", has=page.locator('[id="art11.p1.i2"]'))
        text_box, code_box = _box(block.locator(".th-text")), _box(block.locator(".th-code"))
        assert code_box["y"] >= text_box["y"] + text_box["height"] - 1, "code goes under the text"
        block.evaluate("element => element.scrollIntoView({block: 'start'})")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "docs-art11-narrow.png"))
    finally:
        page.close()


@pytest.mark.parametrize("phrase", ["初审意见", "六个不得"])
def test_search_finds_the_article_by_a_chinese_phrase(browser: Any, site_url: str, phrase: str) -> None:
    (article,) = (a for a in registry().articles() if phrase in a.text)
    page = _open(browser, f"{site_url}/", WIDE)
    try:
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially(phrase)
        first = page.locator(".md-search-result__item > a").first
        first.wait_for(state="visible")
        href = first.get_attribute("href") or ""
        assert f"/articles/{article.id}/" in href, f"first result for {phrase}: {href}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"docs-search-{article.id}.png"))
    finally:
        page.close()
