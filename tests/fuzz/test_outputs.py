"""Output files: an unwritable path is one line naming it (exit 2), never a traceback; the output is never the
input; a file is replaced whole or not at all."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tinghu_policy.cli import portfolio

from .largest import sample_project
from .strategies import count
from .test_cli import cli

tried = count("output paths")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "project.json"
    path.write_text(json.dumps(sample_project(), ensure_ascii=False), encoding="utf-8")
    return path


def unwritable(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Paths no run can write: a missing folder, a folder (not a file), and a read-only folder."""
    yield "missing folder", tmp_path / "no-such-folder" / "out.json"
    afile = tmp_path / "a-file.txt"
    afile.write_text("", encoding="utf-8")
    yield "under a file", afile / "out.json"
    folder = tmp_path / "a-folder.json"
    folder.mkdir(exist_ok=True)
    yield "a folder", folder
    if os.path.isdir("/sys"):  # sysfs: read-only, even for root
        yield "read-only file system", Path("/sys/tinghu-out.json")
    if os.geteuid() != 0:  # root writes into a read-only folder
        locked = tmp_path / "locked"
        locked.mkdir(exist_ok=True)
        locked.chmod(0o500)
        yield "read-only folder", locked / "out.json"


def one_line_naming(status: int, err: str, path: Path) -> None:
    """Exit status 2 and one error line naming ``path`` (``migrate`` may print its notes before it)."""
    assert status == 2, err
    assert "Traceback" not in err
    [error] = [line for line in err.splitlines() if line.startswith("error:")]
    assert str(path) in error, err


def test_evaluate_output(project: Path, tmp_path: Path) -> None:
    for _, path in unwritable(tmp_path):
        tried()
        for fmt in ("table", "json", "ics"):
            status, _, err = cli(
                "evaluate", str(project), "--as-of", "2026-03-16", "--format", fmt, "-o", str(path)
            )
            one_line_naming(status, err, path)


def test_batch_output(project: Path, tmp_path: Path) -> None:
    for _, path in unwritable(tmp_path):
        tried()
        status, _, err = cli("batch", str(project.parent), "-o", str(path))
        one_line_naming(status, err, path)


def test_migrate_output(project: Path, tmp_path: Path) -> None:
    for _, path in unwritable(tmp_path):
        tried()
        status, _, err = cli("migrate", str(project), "-o", str(path))
        one_line_naming(status, err, path)


def test_schema_write(tmp_path: Path) -> None:
    afile = tmp_path / "a-file.txt"
    afile.write_text("", encoding="utf-8")
    for path in (afile / "schemas", afile, Path("/proc/tinghu-schemas")):
        tried()
        status, _, err = cli("schema", "--write", str(path))
        one_line_naming(status, err, path)


def test_an_output_that_is_the_input_is_refused_and_the_input_kept(project: Path, tmp_path: Path) -> None:
    """``batch X.jsonl -o X.jsonl`` truncated the portfolio to 0 bytes and exited 0."""
    lines = tmp_path / "portfolio.jsonl"
    lines.write_text(project.read_text("utf-8") + "\n", encoding="utf-8")
    before = lines.read_bytes()
    link = tmp_path / "link.jsonl"
    link.symlink_to(lines)
    for source, output in ((lines, lines), (lines, link), (link, lines)):
        tried()
        status, _, err = cli("batch", str(source), "-o", str(output))
        one_line_naming(status, err, output)
        assert "is the input" in err
        assert lines.read_bytes() == before
    for args in (
        ("evaluate", str(project), "-o", str(project)),
        ("migrate", str(project), "-o", str(project)),
        ("evaluate", str(project), "--interpretation", str(lines), "-o", str(lines)),
    ):
        tried()
        kept = Path(args[-1]).read_bytes()
        status, _, err = cli(*args)
        one_line_naming(status, err, Path(args[-1]))
        assert Path(args[-1]).read_bytes() == kept


def test_a_failed_run_leaves_the_old_output_whole(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output is written to a temporary file and renamed at the end: a run that stops half-way leaves the
    previous output as it was, and no temporary file."""
    tried()
    out = tmp_path / "out" / "results.jsonl"
    out.parent.mkdir()
    out.write_text("previous results\n", encoding="utf-8")
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for n in range(3):
        (folder / f"p{n}.json").write_text(project.read_text("utf-8"), encoding="utf-8")
    seen = []

    def stop_at_the_second(self: portfolio.Worker, item: portfolio.Item) -> portfolio.Result:
        seen.append(item)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return original(self, item)

    original = portfolio.Worker.run
    monkeypatch.setattr(portfolio.Worker, "run", stop_at_the_second)
    status, _, _ = cli("batch", str(folder), "--jobs", "1", "-o", str(out))
    assert status != 0  # aborted
    assert out.read_text("utf-8") == "previous results\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["results.jsonl"]


def test_a_new_output_file_gets_the_usual_permissions(project: Path, tmp_path: Path) -> None:
    tried()
    out = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        status, _, err = cli("evaluate", str(project), "--format", "json", "-o", str(out))
    finally:
        os.umask(old)
    assert status == 0, err
    assert out.stat().st_mode & 0o777 == 0o644
    assert json.loads(out.read_text("utf-8"))["project"] == "TH-2024-017"


def test_a_device_output_is_written_directly(project: Path) -> None:
    tried()
    status, _, err = cli("evaluate", str(project), "--format", "json", "-o", os.devnull)
    assert status == 0, err
