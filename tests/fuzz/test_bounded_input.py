"""Endless and oversized input: every command and the API refuse it with one message, within 200 MB.

Each case runs the real command in its own process with its address space limited to :data:`LIMIT_MB`
(``RLIMIT_AS``): reading past the 2,000,000-byte limit would end in a ``MemoryError`` traceback, not the one-line
refusal the test expects. The process also reports its own peak resident memory, asserted below the same figure.
A timeout guards against a hang; nothing here measures time.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .strategies import count
from .test_cli import ALIAS_BOMB, one_readable_message

tried = count("endless input")

LIMIT_MB = 200
"""Address space of each process (and so the most memory it can use)."""

_RUNNER = f"""
import atexit, resource, sys
limit = {LIMIT_MB} * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
def _peak():  # VmHWM: this program's own peak (ru_maxrss starts at the size of the pytest process it was forked from)
    with open("/proc/self/status") as status:
        return next(line.split()[1] for line in status if line.startswith("VmHWM:"))
atexit.register(lambda: print(f"peak-rss-kb {{_peak()}}", file=sys.stderr))
"""


def run_limited(
    *args: str, stdin_from: list[str] | None = None, code: str | None = None
) -> tuple[int, str, int]:
    """Run ``tinghu-policy ARGS`` (or ``code``) limited to :data:`LIMIT_MB`; its exit status, its stderr without
    the memory line, and its peak resident memory in MB. ``stdin_from``: a command whose output is the input."""
    program = _RUNNER + (
        code or "sys.argv = ['tinghu-policy', *sys.argv[1:]]\nfrom tinghu_policy.cli import main\nmain()"
    )
    feeder = subprocess.Popen(stdin_from, stdout=subprocess.PIPE) if stdin_from else None
    try:
        done = subprocess.run(
            [sys.executable, "-c", program, *args],
            stdin=feeder.stdout if feeder else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        if feeder is not None:
            feeder.kill()
            feeder.wait()
    peak = re.search(r"^peak-rss-kb (\d+)$", done.stderr, re.M)
    assert peak is not None, done.stderr
    err = done.stderr.replace(peak.group(0) + "\n", "")
    return done.returncode, err, int(peak.group(1)) // 1024


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "project.yaml"
    path.write_text(
        "id: TH-1\nname: 测试项目\nowner: {name: 区数据局, level: district, kind: party_government}\n"
        "category: software_development\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def zero(tmp_path: Path) -> dict[str, Path]:
    """Names with each suffix for /dev/zero (a link), so that every parser meets it."""
    links = {}
    for suffix in (".yaml", ".json", ".jsonl"):
        link = tmp_path / f"zero{suffix}"
        link.symlink_to("/dev/zero")
        links[suffix] = link
    return links


def _refused(status: int, err: str, peak: int, source: str) -> None:
    assert status == 2, err
    one_readable_message(err, source)
    assert "2,000,000 bytes" in err or "not regular" in err, err
    assert peak < LIMIT_MB, f"peak resident memory {peak} MB"


needs_dev_zero = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


@needs_dev_zero
def test_evaluate_dev_zero(zero: dict[str, Path]) -> None:
    tried()
    _refused(*run_limited("evaluate", "/dev/zero"), "/dev/zero")
    _refused(*run_limited("evaluate", str(zero[".yaml"])), str(zero[".yaml"]))
    _refused(*run_limited("evaluate", str(zero[".json"])), str(zero[".json"]))


@pytest.mark.skipif(not os.path.exists("/usr/bin/yes") and not os.path.exists("/bin/yes"), reason="no yes(1)")
def test_an_endless_pipe_on_standard_input() -> None:
    tried()
    _refused(*run_limited("evaluate", "-", stdin_from=["yes"]), "<stdin>")
    _refused(*run_limited("migrate", "-", stdin_from=["yes"]), "<stdin>")


@needs_dev_zero
def test_interpretation_and_overlay_files_are_bounded(project_file: Path, zero: dict[str, Path]) -> None:
    tried()
    status, err, peak = run_limited("evaluate", str(project_file), "--interpretation", "/dev/zero")
    _refused(status, err, peak, "/dev/zero")
    status, err, peak = run_limited("evaluate", str(project_file), "--calendar-overlay", str(zero[".yaml"]))
    _refused(status, err, peak, str(zero[".yaml"]))
    status, err, peak = run_limited("batch", str(project_file), "--interpretation", str(zero[".json"]))
    _refused(status, err, peak, str(zero[".json"]))


@needs_dev_zero
def test_batch_dev_zero_is_one_error_line_and_the_reading_stops(
    tmp_path: Path, zero: dict[str, Path]
) -> None:
    tried()
    out = tmp_path / "out.jsonl"
    for source in ("/dev/zero", str(zero[".jsonl"])):
        status, err, peak = run_limited("batch", source, "--jobs", "1", "-o", str(out))
        assert status == 1, err  # the line failed (not a usage error): one line says why
        assert peak < LIMIT_MB, f"peak resident memory {peak} MB"
        [line] = out.read_text("utf-8").splitlines()
        assert '"ok":false' in line
        assert "longer than 2,000,000 bytes" in line
        assert "the rest of the file was not read" in line


@needs_dev_zero
def test_a_folder_entry_that_is_a_device_is_reported_not_read(tmp_path: Path) -> None:
    tried()
    folder = tmp_path / "portfolio"
    folder.mkdir()
    (folder / "zero.yaml").symlink_to("/dev/zero")
    out = tmp_path / "out.jsonl"
    status, err, peak = run_limited("batch", str(folder), "-o", str(out))
    assert status == 1, err
    assert peak < LIMIT_MB
    [line] = out.read_text("utf-8").splitlines()
    assert "not a regular file (a device)" in line


@needs_dev_zero
def test_the_api_reads_no_more_than_the_limit() -> None:
    tried()
    code = (
        "from pathlib import Path\n"
        "from tinghu_policy import InputError, load_project\n"
        "try:\n"
        "    load_project(Path('/dev/zero'))\n"
        "except InputError as exc:\n"
        "    print('error:', exc, file=sys.stderr)\n"
        "    sys.exit(2)\n"
    )
    _refused(*run_limited(code=code), "/dev/zero")


def test_an_alias_bomb_overlay_is_refused_within_the_limit(project_file: Path, tmp_path: Path) -> None:
    """The calendar-overlay loader used plain yaml.safe_load: 1.3 GB and growing at 60 s."""
    tried()
    overlay = tmp_path / "2027.yaml"
    overlay.write_text(ALIAS_BOMB, encoding="utf-8")
    status, err, peak = run_limited("evaluate", str(project_file), "--calendar-overlay", str(overlay))
    assert status == 2, err
    one_readable_message(err, str(overlay))
    assert "aliases" in err
    assert peak < LIMIT_MB


def test_the_biggest_accepted_file_stays_within_the_limit(tmp_path: Path) -> None:
    """Just under 2,000,000 bytes of YAML: parsed and refused (it is no project) within the memory limit."""
    tried()
    path = tmp_path / "big.yaml"
    path.write_text("name: " + "x" * 1_999_000 + "\n", encoding="utf-8")
    status, err, peak = run_limited("evaluate", str(path))
    assert status == 2, err
    one_readable_message(err, str(path))
    assert peak < LIMIT_MB
