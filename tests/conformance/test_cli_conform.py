"""``tinghu-policy conform``: exit status, readable diffs, JUnit XML, emitted JSON and errors in the corpus."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tinghu_policy.cli.app import app, run
from tinghu_policy.conformance import load_corpus

from .support import ROOT, implementation

CASES = load_corpus()
FIRST = CASES[0]


def conform(*args: str) -> int:
    return run(app, ["conform", *args])


def test_the_bundled_corpus_passes_on_this_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert conform("--junit-xml", str(tmp_path / "junit.xml")) == 0
    out = capsys.readouterr().out
    assert f"conformance: {len(CASES)} passed, 0 failed, 0 errored" in out
    root = ET.parse(tmp_path / "junit.xml").getroot()
    assert root.get("tests") == str(len(CASES))
    assert root.get("failures") == "0"
    assert root.get("errors") == "0"
    assert len(root.findall(".//testcase")) == len(CASES)


def test_the_wrong_implementation_fails_with_readable_diffs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_due = next(c for c in CASES if any(e.checks_due and e.due for e in c.case.expected))
    status = conform(
        "--implementation",
        implementation("off_by_one_impl.py"),
        "--case",
        with_due.id,
        "--junit-xml",
        str(tmp_path / "junit.xml"),
    )
    out = capsys.readouterr().out
    assert status == 1
    assert f"FAILED {with_due.id}" in out
    assert with_due.case.title in out
    want = next(e for e in with_due.case.expected if e.checks_due and e.due)
    assert str(want.due) in out
    assert "conformance: 0 passed, 1 failed, 0 errored (1 case, " in out
    failure = ET.parse(tmp_path / "junit.xml").getroot().find(".//failure")
    assert failure is not None
    assert f"due expected {want.due}" in (failure.text or "")


def test_a_crashing_implementation_shows_its_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert conform("--implementation", implementation("broken_impl.py", "crash"), "--case", FIRST.id) == 1
    out = capsys.readouterr().out
    assert f"ERRORED {FIRST.id}" in out
    assert "exited with status 3" in out
    assert "the rule engine exploded" in out


def test_coverage_prints_the_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    assert conform("--coverage") == 0
    out = capsys.readouterr().out
    assert "provision coverage" in out
    assert "rule-encoded provisions" in out


def test_emit_json_writes_every_case_and_its_protocol_input(tmp_path: Path) -> None:
    assert conform("--emit-json", str(tmp_path)) == 0
    for loaded in CASES:
        case = json.loads((tmp_path / f"{loaded.id}.json").read_text("utf-8"))
        assert case["as_of"] == loaded.case.as_of.isoformat()
        assert len(case["expected"]) == len(loaded.case.expected)
        given = json.loads((tmp_path / f"{loaded.id}.input.json").read_text("utf-8"))
        assert "expected" not in given
        assert given["id"] == loaded.id


def test_an_emitted_case_reads_back_as_the_same_case(tmp_path: Path) -> None:
    from tinghu_policy.corpus import Case

    assert conform("--emit-json", str(tmp_path)) == 0
    for loaded in CASES:
        again = Case.model_validate_json((tmp_path / f"{loaded.id}.json").read_text("utf-8"))
        assert again == loaded.case
        assert [e.checks_due for e in again.expected] == [e.checks_due for e in loaded.case.expected]


def _corpus_with(tmp_path: Path, name: str, text: str) -> Path:
    shutil.copy(FIRST.path, tmp_path / "good.yaml")
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: x\nprovisions: [art11.p1.i2]\nas_of: 2025-13-01\n",
            "line 3, field as_of: Value error, '2025-13-01' is not a date",
        ),
        ("title: x\nprovisions: [art11.p1.i2]\nas_of: 2025-02-30x\n", "line 3, field as_of"),
        ("title: [unclosed\n", "line 2: not valid YAML"),
        (
            "title: t\nprovisions: [art11.p1.i2]\nas_of: 2025-10-01\nproject: {}\nexpected: []\nextra: 1\n",
            "field extra",
        ),
    ],
)
def test_an_invalid_case_file_stops_the_run_naming_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    corpus = _corpus_with(tmp_path, "bad.yaml", text)
    assert conform("--corpus", str(corpus)) == 2
    err = capsys.readouterr().err
    assert "1 case file(s) are invalid" in err
    assert f"{corpus / 'bad.yaml'}" in err.replace("\n", "")
    assert message in err.replace("\n", "")
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["--corpus", "/nonexistent"], ["--case", "no-such-case"], ["--jobs", "0"]])
def test_unusable_options_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert conform(*args) == 2
    assert capsys.readouterr().err.strip()


def test_the_committed_corpus_is_the_bundled_one() -> None:
    assert {c.path.parent.parent.resolve() for c in CASES} == {(ROOT / "corpus").resolve()}


# --- issue #17: output paths, timeouts, the tally, control characters, Ctrl-C --------------------------------


def _python(code: str) -> str:
    return shlex.join([sys.executable, "-c", code])


@pytest.mark.parametrize(
    ("option", "target", "message"),
    [
        ("--junit-xml", "missing/dir/junit.xml", "the folder {tmp}/missing/dir does not exist"),
        ("--junit-xml", ".", "is a folder, not a file"),
        ("--junit-xml", "/proc/junit.xml", "cannot write"),
        ("--emit-json", "missing/dir/out", "the folder {tmp}/missing/dir does not exist"),
        ("--emit-json", "a-file", "is a file, not a folder"),
        ("--emit-json", "/proc/out", "cannot write"),
    ],
)
def test_an_unusable_output_path_is_one_line_naming_it_and_creates_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, target: str, message: str
) -> None:
    """Before: --junit-xml /nonexistent/dir/x silently created the folders; an unwritable path was a traceback
    after the whole run."""
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    path = target if target.startswith("/") else str(tmp_path / target)
    before = sorted(tmp_path.rglob("*"))
    assert conform("--case", FIRST.id, option, path) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"error: {option} {path}: ")
    assert message.format(tmp=tmp_path) in err
    assert sorted(tmp_path.rglob("*")) == before
    assert "Traceback" not in err


def test_junit_xml_is_checked_before_anything_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    command = _python(f"open({str(marker)!r}, 'w').close()")
    assert conform("--implementation", command, "--junit-xml", str(tmp_path / "no" / "x.xml")) == 2
    assert not marker.exists()
    capsys.readouterr()


def test_emit_json_makes_its_folder_inside_an_existing_one(tmp_path: Path) -> None:
    assert conform("--case", FIRST.id, "--emit-json", str(tmp_path / "out")) == 0
    assert (tmp_path / "out" / f"{FIRST.id}.json").is_file()
    assert not list((tmp_path / "out").glob(".tinghu-policy-*"))


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "infinity", "0"])
def test_a_timeout_that_is_not_a_finite_number_of_seconds_exits_2(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert conform("--implementation", "true", "--case", FIRST.id, "--timeout", value) == 2
    err = capsys.readouterr().err
    assert "--timeout" in err
    assert "Traceback" not in err


def test_the_tally_counts_errored_cases_apart(capsys: pytest.CaptureFixture[str]) -> None:
    """Before: '0 passed, 0 failed, 4 errored' and then 'conformance: 0 passed, 4 failed'."""
    chosen = CASES[:3]
    args = [a for c in chosen for a in ("--case", c.id)]
    assert conform("--implementation", _python("import sys; sys.exit(2)"), *args) == 1
    out = capsys.readouterr().out
    n = len({c.id for c in load_corpus(select=[c.id for c in chosen])})
    assert f"conformance: 0 passed, 0 failed, {n} errored ({n} cases, " in out
    assert out.count("conformance:") == 1
    assert f"{n} failed" not in out


def test_control_characters_in_names_and_stderr_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ESC and NUL in a case's name, its title and the implementation's stderr reached the terminal raw
    (the table turned red). Now each is shown as an escape, and the JUnit XML stays well-formed."""
    text = FIRST.path.read_text(encoding="utf-8")
    titled = re.sub(r"(?m)^title: .*$", 'title: "\\\\e[31mRED\\\\e[0m\\\\0 title"', text)
    (tmp_path / "a\x1b[31mb.yaml").write_text(titled, encoding="utf-8")
    command = _python(
        "import sys; sys.stdin.read(); sys.stderr.write('\\x1b[31mboom\\x00\\u202e'); sys.exit(1)"
    )
    junit = tmp_path / "junit.xml"
    assert conform("--corpus", str(tmp_path), "--implementation", command, "--junit-xml", str(junit)) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x00" not in out
    assert "\u202e" not in out
    assert "ERRORED a\\x1b[31mb" in out
    assert "\\x1b[31mRED\\x1b[0m\\x00 title" in out
    assert "\\x1b[31mboom\\x00\\u202e" in out
    ET.parse(junit)  # well-formed


def test_a_mismatch_is_one_unbroken_line_in_a_narrow_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with_due = next(c for c in CASES if any(e.checks_due and e.due for e in c.case.expected))
    assert conform("--implementation", implementation("off_by_one_impl.py"), "--case", with_due.id) == 1
    lines = capsys.readouterr().out.splitlines()
    want = next(e for e in with_due.case.expected if e.checks_due and e.due)
    assert any(line.strip().startswith(want.rule) and f"due expected {want.due}" in line for line in lines)


def _children(pid: int) -> list[int]:
    """The live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_kills_every_child_at_once_and_exits_130(jobs: int) -> None:
    """Before: with -j 1 the implementation (sleep 1000) was left running, orphaned; with -j 2 'aborted' was printed
    only after the timeouts. Now SIGINT kills every child's process group at once and the exit status is 130."""
    # Ctrl-C as a terminal delivers it, even when the suite itself runs in the background (a POSIX shell starts a
    # background job with SIGINT ignored, which a child inherits)
    interruptible = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    command = [sys.executable, "-c", interruptible + "from tinghu_policy.cli import main; main()", "conform"]
    sleeper = _python("import time; time.sleep(1000)")
    conform_process = subprocess.Popen(
        [*command, "--implementation", sleeper, "--jobs", str(jobs), "--timeout", "900"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while len(children := _children(conform_process.pid)) < jobs:
            assert time.monotonic() < deadline, "the implementations did not start"
            assert conform_process.poll() is None, conform_process.communicate()
            time.sleep(0.05)
        grandchildren = [g for c in children for g in _children(c)]
        interrupted = time.monotonic()
        conform_process.send_signal(signal.SIGINT)
        _, err = conform_process.communicate(timeout=60)
        assert time.monotonic() - interrupted < 30
    finally:
        if conform_process.poll() is None:
            conform_process.kill()
            conform_process.wait()
    assert conform_process.returncode == 130
    assert b"aborted" in err
    assert b"Traceback" not in err
    assert [pid for pid in (*children, *grandchildren) if _alive(pid)] == []
