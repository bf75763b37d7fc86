"""One server for most tests: a token, two calendar overlays, a small body limit and a small batch cap."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support import ROOT, TOKEN, Server, start_server

MAX_BODY = 300_000
MAX_BATCH_LINES = 40

OVERLAY_2027 = """\
# A made-up 2027 arrangement for the tests only (no such notice exists yet): it lets a request name an overlay
# that extends the calendar by a year.
year: 2027
notice:
  title: 测试用2027年节假日安排（虚构）
  issued: 2026-11-01
holidays:
  - name_zh: 元旦
    first: 2027-01-01
    last: 2027-01-03
  - name_zh: 国庆节
    first: 2027-10-01
    last: 2027-10-07
    makeup_workdays: [2027-09-26, 2027-10-09]
"""


@pytest.fixture(scope="session")
def overlays(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("overlays")
    shutil.copy(ROOT / "examples" / "calendar-overlays" / "2026.yaml", folder / "cn-2026.yaml")
    (folder / "test-2027.yaml").write_text(OVERLAY_2027, encoding="utf-8")
    (folder / "README.md").write_text("not an overlay: ignored\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, overlays: Path) -> Iterator[Server]:
    running = start_server(
        tmp_path_factory.mktemp("server"),
        "--calendar-overlays",
        str(overlays),
        "--max-body",
        str(MAX_BODY),
        "--max-batch-lines",
        str(MAX_BATCH_LINES),
        token=TOKEN,
    )
    try:
        yield running
    finally:
        running.stop()
