"""The README's promises hold: its Python example runs, CI runs its test command, the corpus is the size it states."""

from __future__ import annotations

import re
import shlex
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from tinghu_policy import load_project
from tinghu_policy.corpus import Case, discover
from tinghu_policy.samples import sample_text
from tinghu_policy.yaml_input import parse

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs_as_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the snippet read ``project.json``, a file that did not exist (the only sample was a case)."""
    example = re.search(r"```python\n(.*?)```", README, re.S)
    assert example is not None
    monkeypatch.chdir(ROOT)
    exec(compile(example.group(1), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "第二十七条第四款" in printed  # the sample's overdue final accounts
    assert "TH-2024-017" in printed


def test_the_example_project_files_are_the_samples_project() -> None:
    sample = parse(Case, sample_text(), "sample").project
    assert load_project(ROOT / "examples" / "project.yaml") == sample
    assert load_project(ROOT / "examples" / "project.json") == sample


@pytest.mark.parametrize("command", re.findall(r"(?m)^tinghu-policy (evaluate examples/\S+ .*?)\s+#", README))
def test_the_readme_commands_on_the_example_files_run(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import tinghu_policy.cli  # noqa: F401  (registers every command)
    from tinghu_policy.cli.app import app, run

    args = shlex.split(command)
    args[1] = str(ROOT / args[1])
    assert run(app, args) == 0, capsys.readouterr().err
    assert "第二十七条第四款" in capsys.readouterr().out


def test_the_samples_header_points_to_a_readme_section_that_exists() -> None:
    """Before: it pointed to "Using the rules from other systems", a section the README does not have."""
    header = "".join(line for line in sample_text().splitlines(keepends=True) if line.startswith("#"))
    named = re.findall(r'README, section "([^"]+)"', header)
    assert named
    headings = re.findall(r"(?m)^#+ (.+)$", README)
    assert all(n in headings for n in named), (named, headings)
    for path in re.findall(r"examples/[\w./-]+\.(?:yaml|json)", header):
        assert (ROOT / path).is_file(), path


def test_the_input_limits_stated_are_the_codes() -> None:
    """The README states the limits a newcomer meets (document size, nesting, text length, years, amounts)."""
    from tinghu_policy.facts import Project
    from tinghu_policy.facts.base import Money
    from tinghu_policy.yaml_input import MAX_BYTES, MAX_DEPTH

    limits = README[README.index("### 输入限制 Input limits") :]
    limits = limits[: limits.index("\n## ")]
    assert f"{MAX_BYTES:,} bytes" in limits
    assert f"nested at most {MAX_DEPTH} levels" in limits
    assert f"{_max_length(Project, 'name')} characters (`Project.name`)" in limits
    years = _year_bounds()
    assert len(years) == 1, years
    ((low, high),) = years
    assert f"{low}–{high}" in limits
    money = [
        m
        for part in typing.get_args(Money)[1:]
        for m in (part.metadata if isinstance(part, FieldInfo) else [part])
    ]
    assert f"{next(m.max_digits for m in money if hasattr(m, 'max_digits'))} digits" in limits
    assert next(m.decimal_places for m in money if hasattr(m, "decimal_places")) == 2
    assert "at most two decimals" in limits


def _max_length(model: type[BaseModel], field: str) -> int:
    return int(next(m.max_length for m in model.model_fields[field].metadata if hasattr(m, "max_length")))


def _year_bounds() -> set[tuple[int, int]]:
    """The (ge, le) of every ``year`` field of the facts models."""
    import tinghu_policy.facts as facts

    found = set()
    for name in dir(facts):
        model = getattr(facts, name)
        if isinstance(model, type) and issubclass(model, BaseModel) and "year" in model.model_fields:
            metadata = model.model_fields["year"].metadata
            low = next(m.ge for m in metadata if hasattr(m, "ge"))
            high = next(m.le for m in metadata if hasattr(m, "le"))
            found.add((low, high))
    return found


def test_the_conformance_runner_is_as_the_readme_says() -> None:
    """The README's promises for ``conform`` hold in the code; tests/conformance/ checks the behaviour."""
    from tinghu_policy.conformance.implementations import MAX_STDERR_BYTES
    from tinghu_policy.conformance.protocol import MAX_OUTPUT_BYTES

    running = " ".join(README[README.index("**运行 Running**") :].split("\n- ")[0].split())
    assert f"more than {MAX_OUTPUT_BYTES:,} bytes on stdout or {MAX_STDERR_BYTES:,} on stderr" in running
    assert "exits 130" in running
    assert "killed by signal SIGSEGV (11: Segmentation fault)" in running
    assert "conformance: 309 passed, 2 failed, 3 errored (314 cases, 0.3 s)" in running


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", README)
    assert len(commands) == 3, "the README gives three set-up commands: the main job, the tests, the server"
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
