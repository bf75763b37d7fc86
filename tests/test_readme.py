"""The README's promises hold: its Python example runs, CI runs its test command, the corpus is the size it states."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tinghu_policy.corpus import Case, discover
from tinghu_policy.samples import sample_text
from tinghu_policy.yaml_input import parse

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example = re.search(r"```python\n(.*?)```", README, re.S)
    assert example is not None
    project = parse(Case, sample_text(), "sample").project
    (tmp_path / "project.json").write_text(project.model_dump_json(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(example.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "第二十七条第四款" in printed  # the sample's overdue final accounts
    assert json.loads(project.model_dump_json())["id"] in printed


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", README)
    assert len(commands) == 2, "the README gives exactly two set-up commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_the_corpus_is_the_size_the_readme_states() -> None:
    cases = discover()
    whole_life = sum(1 for c in cases if c.id.startswith("lifecycle/"))
    zh = re.search(r"(\d+) 个手工推算的案例，含 (\d+) 个全生命周期案例", README)
    en = re.search(r"\((\d+) hand-worked cases, (\d+) of them whole-life\)", README)
    assert zh is not None
    assert en is not None
    stated = {(int(zh[1]), int(zh[2])), (int(en[1]), int(en[2]))}
    assert stated == {(len(cases), whole_life)}


def test_the_explanation_shown_after_the_change_is_the_one_the_library_gives() -> None:
    """The README's 2.0 example (parts between "…" elisions) is cut from the sample's finding, word for word."""
    shown = re.search(r"^\| 2\.0 \| (.*) \|$", README, re.M)
    assert shown is not None
    report = parse(Case, sample_text(), "sample").run()
    actual = report.finding("art11.department_review", "round 1: audit_bureau").explanation_zh
    parts = [p.strip("；") for p in shown.group(1).split("…") if p.strip("；")]
    assert len(parts) >= 2
    assert [p for p in parts if p not in actual] == []
