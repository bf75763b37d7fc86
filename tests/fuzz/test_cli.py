"""``tinghu-policy evaluate FILE`` and ``tinghu-policy conform --corpus DIR`` on malformed files: exit status 2 and
one readable message naming the file and the line or field; never a traceback or a hang."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tinghu_policy.cli.app import app, run

from .strategies import CASE_SEEDS, FUZZ, Defect, count, defective

tried_evaluate = count("cli evaluate")
tried_conform = count("cli conform")
tried_yaml = count("yaml attacks")

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(9)
)
ATTACKS = {
    "alias bomb": ALIAS_BOMB,
    "anchor": "id: &i TH-1\nname: *i\n",
    "python object": "id: !!python/object/apply:os.system ['touch /tmp/tinghu-pwned']\n",
    "python name": "id: !!python/name:os.system\n",
    "python module": "id: !!python/module:os\n",
    "deep list": "id: " + "[" * 5000 + "]" * 5000 + "\n",
    "deep map": "".join("  " * n + f"k{n}:\n" for n in range(300)) + "  " * 300 + "v\n",
    "huge": "id: TH-1\nname: " + "x" * 2_100_000 + "\n",
    "many documents": "id: a\n---\nid: b\n",
    "duplicate key": "id: TH-1\nid: TH-2\nname: n\n",
    "NUL": "id: TH-1\x00\n",
    "control character": "id: TH-1\x07\n",
    "tab indentation": "owner:\n\tname: x\n",
    "not a mapping": "- id: TH-1\n",
    "a scalar": "just text\n",
    "empty": "",
    "only a comment": "# nothing here\n",
    "impossible date": "id: TH-1\nname: n\nreview:\n  - received: 2025-02-30\n",
    "unhashable key": "? [a, b]\n: c\n",
    "binary": "id: !!binary aGVsbG8=\n",
}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = run(app, list(args))
    return status, _text(out), _text(err)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


BEYOND_CALENDAR = re.compile(r"^error: (\S+: )?no official working-day arrangement for \d+ ")
"""A fact dated outside 2004–2026 is refused naming the year, not the fact (reported; see the xfail below)."""


def one_readable_message(err: str, source: str) -> None:
    flat = " ".join(err.split())
    assert err.startswith("error:"), err
    assert "Traceback" not in err, err
    assert 'File "' not in err, err
    named = " ".join(source.split()) in flat or Path(source).name in flat
    assert named or BEYOND_CALENDAR.match(flat), err


def evaluate_file(text: str | bytes, suffix: str = ".yaml") -> tuple[int, str, str, str]:
    with tempfile.NamedTemporaryFile("wb", suffix=suffix, delete=False) as handle:
        handle.write(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    try:
        status, out, err = cli("evaluate", handle.name, "--as-of", "2025-12-31", "--format", "json")
    finally:
        Path(handle.name).unlink()
    return status, out, err, handle.name


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_a_hostile_yaml_file_is_refused_with_one_message(name: str) -> None:
    tried_yaml()
    status, out, err, path = evaluate_file(ATTACKS[name])
    assert status == 2, (name, out, err)
    one_readable_message(err, path)
    assert not Path("/tmp/tinghu-pwned").exists()


def test_bytes_that_are_not_utf8_are_refused() -> None:
    tried_yaml()
    status, _, err, path = evaluate_file(b"id: \xff\xfe\x00TH\n")
    assert status == 2
    one_readable_message(err, path)


@FUZZ
@given(defective(), st.sampled_from(("yaml", "json")))
def test_a_malformed_project_file_exits_2_naming_the_field(case: tuple[Any, Defect], kind: str) -> None:
    tried_evaluate()
    data, defect = case
    text = (
        yaml.safe_dump(data, allow_unicode=True) if kind == "yaml" else json.dumps(data, ensure_ascii=False)
    )
    status, out, err, path = evaluate_file(text, f".{kind}")
    if status == 0:
        json.loads(out)  # still valid: a report
        return
    assert status == 2, (str(defect), out, err)
    one_readable_message(err, path)
    named = [str(p) for p in defect.path if isinstance(p, str)]
    flat = " ".join(err.split())
    assert "line " in err or "field" in err or any(n in err for n in named) or BEYOND_CALENDAR.match(flat), (
        str(defect),
        err,
    )


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_a_project_or_a_readable_error(text: str) -> None:
    tried_yaml()
    status, _, err, path = evaluate_file(text)
    assert status == 2 or status == 0
    if status == 2:
        one_readable_message(err, path)


@FUZZ
@given(defective(CASE_SEEDS))
def test_a_malformed_case_stops_conform_naming_its_file(case: tuple[Any, Defect]) -> None:
    tried_conform()
    data, defect = case
    with tempfile.TemporaryDirectory() as folder:
        bad = Path(folder) / "art11" / "bad-case.yaml"
        bad.parent.mkdir()
        bad.write_text("# fuzzed\n" + yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        status, out, err = cli("conform", "--corpus", folder)
    if status in (0, 1):  # still a valid case: run, and passed or failed with a diff
        assert "conformance:" in out
        return
    assert status == 2, (str(defect), out, err)
    one_readable_message(err, str(bad))


@pytest.mark.parametrize("name", ["alias bomb", "deep list", "huge", "python object"])
def test_the_real_command_refuses_hostile_files_quickly(name: str, tmp_path: Path) -> None:
    """The console script in its own process: exit 2, no traceback, no hang (timeout 60 s)."""
    tried_yaml()
    path = tmp_path / "project.yaml"
    path.write_text(ATTACKS[name], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "from tinghu_policy.cli import main; main()", "evaluate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    one_readable_message(done.stderr, str(path))


def test_a_fact_beyond_the_calendar_is_answered_undetermined_naming_the_year_and_the_fact() -> None:
    """D12: a clock started outside the calendar data is never guessed; the report says which year and fact."""
    project = {**CASE_SEEDS[0]["project"], "review": [{"received": "2001-03-05"}]}
    status, out, err, _ = evaluate_file(json.dumps(project), ".json")
    assert status == 0, err
    report = json.loads(out)
    assert report["calendar_years_missing"] == [2001]
    gap = next(f for f in report["findings"] if f["rule"] == "art11.initial_opinion")
    assert gap["status"] == "undetermined"
    assert gap["missing"] == ["calendar:2001"]
    assert "review[0].received" in gap["note_en"]
    assert "overlay" in gap["note_en"]
