"""A 100,000-row sheet is read in bounded memory: measured, not timed.

``tinghu-policy ledger read`` runs in a subprocess under an address-space limit (``RLIMIT_AS``); its peak resident
memory (the kernel's high-water mark, ``VmHWM``) is compared between a 10,000-row and a 100,000-row 项目 sheet: ten times the
rows may not take more than a few megabytes more (the sheet is streamed, the rows go to a scan file on disk, the
projects are written as they are put together).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tinghu_policy.ledger.layout import sheet, sheets

LIMIT = 1 << 30
"""The address space the reader may use (1 GiB): well above what it needs, well below a workbook held whole."""
GROWTH = 40 * 1024
"""The most (in KiB) ten times the rows may add to the peak resident memory."""


def _ledger(path: Path, rows: int) -> None:
    """A ledger whose 项目 sheet has ``rows`` projects (written streamed, as a program would)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    projects = book.add_worksheet("项目")
    headers = [c.header for c in sheet("项目").columns]
    projects.write_row(0, 0, headers)
    for n in range(1, rows + 1):
        projects.write_row(n, 0, [f"P{n:06d}", f"项目{n}", f"单位{n % 97}", "区级", "党政机关", "软件开发"])
    for other in sheets()[1:]:  # the other sheets, empty but for their headers
        book.add_worksheet(other.name).write_row(0, 0, [c.header for c in other.columns])
    book.close()


_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from tinghu_policy.cli import app
from tinghu_policy.cli.app import run
status = run(app, sys.argv[2:])
with open("/proc/self/status", encoding="ascii") as proc, open(sys.argv[1], "w", encoding="ascii") as out:
    out.write(next(line.split()[1] for line in proc if line.startswith("VmHWM:")))
sys.exit(status)
"""


def _peak_kib(ledger: Path, output: Path) -> int:
    """Run ``ledger read`` in a subprocess under the address-space limit; its peak resident memory in KiB.

    The child reads its own high-water mark (``VmHWM``): ``ru_maxrss`` of a child starts at its parent's size
    when it was forked, so a large test process would be counted."""
    peak = output.with_suffix(".peak")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD.format(limit=LIMIT),
            str(peak),
            "ledger",
            "read",
            str(ledger),
            "-o",
            str(output),
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return int(peak.read_text(encoding="ascii"))


def test_a_100000_row_sheet_is_read_in_bounded_memory(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xlsx", tmp_path / "large.xlsx"
    _ledger(small, 10_000)
    _ledger(large, 100_000)
    small_peak = _peak_kib(small, tmp_path / "small.jsonl")
    large_peak = _peak_kib(large, tmp_path / "large.jsonl")
    with (tmp_path / "large.jsonl").open(encoding="utf-8") as lines:
        assert sum(1 for _ in lines) == 100_000  # every row read, none dropped
    assert large_peak - small_peak < GROWTH, (small_peak, large_peak)
    assert large_peak < 150 * 1024  # openpyxl holding that sheet whole takes over 300 MB
