"""The site in a real browser, as its readers use it: the clause beside its code (stacked on a phone), article
pages of a readable length, search that finds the article a Chinese query names and highlights it on the opened
page, and nothing fetched from outside the site.

Headless Debian Chromium (``/usr/bin/chromium``, ``apt-get install chromium``) driven by playwright-python; no
browser is downloaded. Skipped only when Chromium or the docs extra is missing AND ``TINGHU_REQUIRE_BROWSER`` is
not set. Screenshots and measurements (page heights, search timings) go to ``test-artifacts/``; no test asserts a
duration (the machine may be loaded).
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from tinghu_policy.engine import rules_by_provision
from tinghu_policy.provisions import registry

from .support import RAW_MARKUP, ROOT, BuiltSite, site_pages, skip_or_fail

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
WIDE = {"width": 1400, "height": 900}
"""The reader's screen: the issue's measurements are at 1400 px; a screen is 900 px tall."""
NARROW = {"width": 390, "height": 844}
MAX_SCREENS = 30
AT_ONCE = 4
"""Pages loading in the browser at the same time."""

SEARCHES = [
    ("第二十七条", "art27"),
    ("第十一条第一款", "art11"),
    ("验收", "art27"),
    ("概算", "art26"),
    ("调整", "art26"),
    ("决算", "art27"),
    ("工作日", "art11"),
    ("严重逾期", "art24"),
    ("结余资金", "art25"),
    ("初审意见", "art11"),
    ("六个不得", "art12"),
]
"""Queries a legal reader types, and the article that must be among the first three results."""


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
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="load")
    return page


def _box(locator: Any) -> dict[str, float]:
    box: dict[str, float] | None = locator.bounding_box()
    assert box is not None, "element is not rendered"
    return box


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


# ——— the text beside the code ——————————————————————————————————————————————————————————————————————————————————


def test_article_page_text_beside_code_with_cases(browser: Any, site_url: str) -> None:
    unit = registry()["art11.p1.i2"]
    rule = rules_by_provision()[unit.id][0]
    page = _open(browser, f"{site_url}/articles/art11/", WIDE)
    try:
        block = page.locator(".th-provision", has=page.locator(f'[id="{unit.id}"]'))
        text_column = block.locator(".th-text")
        code_column = block.locator(".th-code")
        clause = text_column.locator(".th-clause").evaluate(
            """clause => { const copy = clause.cloneNode(true);
                           copy.querySelectorAll('sup.th-open-refs').forEach(sup => sup.remove());
                           return copy.textContent }"""
        )
        assert clause == unit.text, "the official text, the decision marks aside"
        assert text_column.locator(".th-open").count() > 0
        code_text = code_column.inner_text()
        assert f"def {rule.function.__name__}(" in code_text
        assert rule.id in code_text
        # Wide screen: the code sits to the right of the clause, side by side.
        block.evaluate("element => element.scrollIntoView({block: 'start'})")
        text_box, code_box = _box(text_column), _box(code_column)
        assert code_box["x"] >= text_box["x"] + text_box["width"] - 1
        assert text_box["y"] < code_box["y"] + code_box["height"]
        assert code_box["y"] < text_box["y"] + text_box["height"]
        page.screenshot(path=str(_artifact("docs-art11-wide.png")))
        # Below the block, its cases as a table, each linking to the case's own page.
        cases = block.locator("xpath=following-sibling::div[1]")
        assert "th-unit-cases" in (cases.get_attribute("class") or "")
        cases.scroll_into_view_if_needed()
        first = cases.locator("td a").first
        assert first.is_visible()
        assert "/cases/" in (first.get_attribute("href") or "")
        # The text column is sticky beside its code, never over the case table below the block.
        cases.evaluate("element => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY)")
        table_box = _box(cases)
        assert _box(text_column)["y"] + _box(text_column)["height"] <= table_box["y"] + 1
        # No code block is clipped: a line wider than its column scrolls within it.
        clipped = page.evaluate(
            """() => Array.from(document.querySelectorAll('.th-code pre > code'))
                 .filter(c => c.scrollWidth > c.clientWidth + 1)
                 .filter(c => !['auto', 'scroll'].includes(getComputedStyle(c).overflowX)).length"""
        )
        assert clipped == 0
    finally:
        page.close()


def test_article_page_stacks_on_a_narrow_screen(browser: Any, site_url: str) -> None:
    page = _open(browser, f"{site_url}/articles/art11/", NARROW)
    try:
        block = page.locator(".th-provision", has=page.locator('[id="art11.p1.i2"]'))
        text_box, code_box = _box(block.locator(".th-text")), _box(block.locator(".th-code"))
        assert code_box["y"] >= text_box["y"] + text_box["height"] - 1, "code goes under the text"
        legend = page.locator(".th-legend").inner_text()
        assert "左栏" not in legend, "no columns on a phone: the legend says so"
        assert "右栏" not in legend, "no columns on a phone: the legend says so"
        assert "其下" in legend
        block.evaluate("element => element.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(_artifact("docs-art11-narrow.png")))
    finally:
        page.close()


def _open_each(context: Any, addresses: dict[str, str], read: Callable[[str, Any], None]) -> list[str]:
    """Open each address in ``context``, ``AT_ONCE`` pages loading at the same time, and ``read(name, page)``
    each page once it has loaded; the script errors of the pages, each with its page's name."""
    errors: list[str] = []

    def failed(name: str, error: Any) -> None:
        errors.append(f"{name}: {error}")

    names = list(addresses)
    for first in range(0, len(names), AT_ONCE):
        opened = []
        for name in names[first : first + AT_ONCE]:
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.on("pageerror", functools.partial(failed, name))
            page.goto(addresses[name], wait_until="commit")
            opened.append((name, page))
        for name, page in opened:
            page.wait_for_load_state("load")
            read(name, page)
            page.close()
    return errors


def test_article_pages_are_at_most_30_screens_tall(browser: Any, site_url: str) -> None:
    """Measured at 1400 × 900: the cases are a table (each written out on a page of its own)."""
    heights: dict[str, float] = {}

    def measure(article_id: str, page: Any) -> None:
        heights[article_id] = page.evaluate("document.documentElement.scrollHeight") / WIDE["height"]

    context = browser.new_context(viewport=WIDE)
    try:
        _open_each(context, {a.id: f"{site_url}/articles/{a.id}/" for a in registry().articles()}, measure)
    finally:
        context.close()
    assert len(heights) == len(registry().articles())
    _artifact("docs-article-heights.json").write_text(
        json.dumps({k: round(v, 1) for k, v in heights.items()}, indent=1), encoding="utf-8"
    )
    too_tall = {k: round(v, 1) for k, v in heights.items() if v > MAX_SCREENS}
    assert not too_tall, f"screens of 1400×900: {too_tall}"


# ——— search ——————————————————————————————————————————————————————————————————————————————————————————————————————


def _search(page: Any, query: str) -> list[str]:
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)
    search.press("End")
    page.locator(".md-search-result__item > a").first.wait_for(state="visible")
    hrefs: list[str] = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return hrefs


@pytest.mark.parametrize(("query", "article"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_the_article_and_highlights_it(
    browser: Any, site_url: str, query: str, article: str
) -> None:
    """The query is segmented as the index is (第十一条第一款 → 第十一条 第一款), the article is among the first
    three results, and the page its result opens highlights the query's words."""
    page = _open(browser, f"{site_url}/", WIDE)
    try:
        started = time.monotonic()
        hrefs = _search(page, query)
        seconds = time.monotonic() - started
        paths = [urlparse(h).path for h in hrefs]
        assert f"/articles/{article}/" in paths[:3], f"{query}: first results {paths[:5]}"
        page.screenshot(path=str(_artifact(f"docs-search-{article}-{len(query)}.png")))
        link = next(h for h in hrefs if urlparse(h).path == f"/articles/{article}/")
        words = unquote(urlparse(link).query).removeprefix("h=").split("+")
        assert words, f"{query}: the result link highlights nothing ({link})"
        assert all(words), f"{query}: the result link highlights nothing ({link})"
        assert "".join(words) in query or all(w in query for w in words)
        page.goto(link, wait_until="load")
        marks = page.locator("mark[data-md-highlight]")
        marks.first.wait_for(state="attached")
        assert marks.count() > 0, f"{query}: nothing highlighted on {link}"
        assert {m.strip() for m in marks.all_inner_texts()} & set(words)
        with _artifact("docs-search-timings.txt").open("a", encoding="utf-8") as out:
            out.write(f"{query}\t{seconds:.2f} s to the first results\t{paths[:3]}\n")
    finally:
        page.close()


# ——— offline ————————————————————————————————————————————————————————————————————————————————————————————————————


CONTENT_LOADS = re.compile(r"<(?:script|img|figure|svg|iframe|object|embed|video|audio|canvas)\b")
"""What makes a page's content more than text: it then opens in the browser whatever its kind."""


def _kind(folder: str) -> str:
    """A page's kind: the section of its address (``articles/``, ``rules/``, ``cases/``, ``source/``,
    ``reference/``), the whole-life cases apart; each page at the top level is a kind of its own."""
    parts = folder.split("/")
    if parts[:2] == ["cases", "lifecycle"]:
        return "cases/lifecycle/"
    return parts[0] + "/" if len(parts) > 1 else folder


def browser_sample(site: BuiltSite) -> list[str]:
    """The pages the browser opens: of every kind the first and the largest, and every page whose content loads
    a script, an image or a figure. The static test reads all of them for what they load."""
    by_kind: dict[str, list[tuple[int, str]]] = {}
    chosen: set[str] = set()
    for folder in site_pages(site):
        page = (site.root / folder / "index.html").read_text(encoding="utf-8")
        by_kind.setdefault(_kind(folder), []).append((len(page), folder))
        content = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
        if content and CONTENT_LOADS.search(content.group(1)):
            chosen.add(folder)
    for pages in by_kind.values():
        chosen |= {pages[0][1], max(pages)[1]}
    return sorted(chosen)


def _address(site_url: str, folder: str) -> str:
    return f"{site_url}/" if folder == "." else f"{site_url}/{folder}/"


SHOWN_TEXT = """article => { const copy = article.cloneNode(true);
                              copy.querySelectorAll('pre, code').forEach(node => node.remove());
                              document.body.appendChild(copy);
                              const shown = copy.innerText;
                              copy.remove();
                              return shown }"""
"""The text a reader sees in a page's content, code blocks left out."""


def test_every_kind_of_page_renders_with_every_outside_request_blocked(
    browser: Any, site_url: str, built_site: BuiltSite
) -> None:
    """Every kind of page (and every page whose content loads a script or a figure), opened with every request
    that leaves the site blocked: none is attempted, no file of the site is missing, each page shows its title,
    no script fails, and the text shown has no raw markup. Pages load four at a time."""
    sample = browser_sample(built_site)
    kinds = {_kind(folder) for folder in site_pages(built_site)}
    assert {_kind(folder) for folder in sample} == kinds
    assert "deadlines" in sample, "the deadlines figure"
    outside: list[str] = []
    missing: list[str] = []
    untitled: list[str] = []
    raw: list[str] = []
    context = browser.new_context(viewport=WIDE)
    local = re.compile(rf"^{re.escape(site_url)}/")

    def block(route: Any) -> None:
        outside.append(route.request.url)
        route.abort()

    def answered(response: Any) -> None:
        if response.status >= 400:
            missing.append(response.url)

    def read(folder: str, page: Any) -> None:
        if not page.locator("article h1").first.is_visible():
            untitled.append(folder)
        shown = page.locator("article").first.evaluate(SHOWN_TEXT)
        raw.extend(f"{folder}: {name}" for name, pattern in RAW_MARKUP.items() if pattern.search(shown))

    context.route(lambda url: not local.match(url) and not url.startswith(("data:", "blob:")), block)
    context.on("response", answered)
    try:
        errors = _open_each(context, {folder: _address(site_url, folder) for folder in sample}, read)
    finally:
        context.close()
    _artifact("docs-offline-pages.txt").write_text("\n".join(sample) + "\n", encoding="utf-8")
    assert not outside, f"requests to outside the site: {sorted(set(outside))[:10]}"
    assert not missing, f"files the site does not have: {sorted(set(missing))[:10]}"
    assert not untitled, f"pages without a visible title: {untitled[:10]}"
    assert not errors, errors[:5]
    assert not raw, raw[:10]
