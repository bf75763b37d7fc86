"""``tinghu-policy conform``: exit status, readable diffs, JUnit XML, emitted JSON and errors in the corpus."""

from __future__ import annotations

import json
import shutil
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
    assert f"conformance: {len(CASES)} passed, 0 failed" in out
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
    assert "conformance: 0 passed, 1 failed" in out
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
            "line 3: not valid YAML: '2025-13-01' is not a date",
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
