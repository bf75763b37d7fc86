"""The workbench in Debian's Chromium (headless, driven by playwright-python; no browser is downloaded): load a
corpus case, run it, change the as-of date, run again and see the status change. Screenshots go to
``test-artifacts/``. Skipped only when Chromium or playwright is missing AND ``TINGHU_REQUIRE_SERVER`` is unset.
"""

from __future__ import annotations

import importlib
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tinghu_policy import evaluate
from tinghu_policy.corpus import discover

from .support import ARTIFACTS, TOKEN, Server, skip_or_fail

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
CASE = "art11/initial-opinion-labour-day-makeup-pending"
FINDING = 'tr[data-finding="art11.initial_opinion round 1"]'
CODES = re.compile(
    r"\b(data_bureau|project_unit|finance_bureau|not_applicable|undetermined|pending|overdue)\b"
)


def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


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


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1500, "height": 1100}, accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    opened.requested = []
    opened.on("request", lambda request: opened.requested.append(request.url))
    opened.goto(server.url + "/", wait_until="load")
    # the server has a token: the page asks for it once
    opened.locator("#token-box").wait_for(state="visible")
    opened.fill("#token", TOKEN)
    opened.click("#token-save")
    opened.locator('body[data-ready="true"]').wait_for(state="attached")
    try:
        yield opened
    finally:
        context.close()


def wait_for_value(page: Any, selector: str, value: str) -> None:
    """Wait until an input holds ``value`` (the page's CSP forbids evaluating strings, so no wait_for_function)."""
    for _ in range(300):
        if page.input_value(selector) == value:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{selector} never held {value!r}: {page.input_value(selector)!r}")


def status_of(page: Any) -> tuple[str, str]:
    badge = page.locator(f"#findings {FINDING} .wb-status")
    return str(badge.get_attribute("data-status")), str(badge.inner_text())


def test_load_a_case_change_the_date_and_see_the_status_change(page: Any, server: Server) -> None:
    page.select_option("#case", CASE)
    wait_for_value(page, "#as-of", "2026-05-11")
    assert "调休上班的周六" in page.locator("#case-title").inner_text()
    page.click("#run")
    page.locator(f"#findings {FINDING}").wait_for()
    assert status_of(page) == ("pending", "未到期")
    row = page.locator(f"#timeline {FINDING}").inner_text()
    assert "2026-05-12" in row
    assert "区数据局" in row
    assert "第十一条第一款第（二）项" in row
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "workbench-pending.png"), full_page=False)

    page.fill("#as-of", "2026-05-20")
    page.click("#run")
    page.locator(f'#findings {FINDING} .wb-status[data-status="overdue"]').wait_for()
    assert status_of(page) == ("overdue", "已逾期")
    assert "逾期8天" in page.locator(f"#timeline {FINDING}").inner_text()
    page.screenshot(path=str(ARTIFACTS / "workbench-overdue.png"), full_page=False)

    # a Chinese reader sees names, never codes
    for section in ("#summary", "#timeline", "#findings"):
        shown = page.locator(section).inner_text()
        assert not CODES.search(shown.replace("English", "")), (section, CODES.search(shown))

    # the report downloads exactly as the library writes it
    with page.expect_download() as download:
        page.click("#download-json")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    case = next(c for c in discover() if c.id == CASE).case
    assert (
        saved == evaluate(case.project, as_of=date(2026, 5, 20), interpretation=case.interpretation).to_json()
    )
    with page.expect_download() as calendar:
        page.click("#download-ics")
    assert Path(calendar.value.path()).read_bytes().startswith(b"BEGIN:VCALENDAR")

    # nothing was fetched from anywhere but this server
    assert all(url.startswith((server.url, "blob:")) for url in page.requested), page.requested


def test_a_provision_link_opens_its_text(page: Any) -> None:
    page.select_option("#case", CASE)
    wait_for_value(page, "#as-of", "2026-05-11")
    page.click("#run")
    page.locator(f"#findings {FINDING} a.wb-provision").click()
    dialog = page.locator("#provision-dialog")
    dialog.locator("h3").wait_for()
    text = dialog.inner_text()
    assert "第十一条第一款第（二）项" in text
    assert "初审意见" in text
    page.screenshot(path=str(ARTIFACTS / "workbench-provision.png"))
    page.click("#provision-close")


def test_an_invalid_project_shows_the_fields_that_failed(page: Any) -> None:
    page.fill(
        "#project",
        "id: X-1\nname: 测试\nowner: {name: 某局, level: county, kind: party_government}\n"
        "category: software_development\n",
    )
    page.fill("#as-of", "2026-05-11")
    page.click("#run")
    problem = page.locator("#problem")
    problem.wait_for(state="visible")
    text = problem.inner_text()
    assert "owner.level" in text
    assert "第3行" in text
    page.screenshot(path=str(ARTIFACTS / "workbench-problem.png"))


def test_options_are_named_in_chinese_with_their_basis(page: Any) -> None:
    page.click("#options-box summary")
    d5 = page.locator("#option-serious_overdue_boundary")
    labels = d5.locator("option").all_inner_texts()
    assert any("超过" in label and "默认" in label for label in labels), labels
    assert not any(CODES.search(label) or "_" in label for label in labels)
    page.select_option("#option-serious_overdue_boundary", "at_least")
    assert "1项非默认" in page.locator("#options-changed").inner_text()
