"""``tinghu-policy ledger template|read|report``: what each writes and says, exit statuses, refusals."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tinghu_policy.facts import Project

from .support import calamine_sheets, editing, sample, template, tinghu


def test_template_writes_the_example_or_an_empty_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = tinghu(capsys, "ledger", "template", str(tmp_path / "台账.xlsx"))
    assert status == 0
    assert "1 project(s)" in " ".join(out.split())
    status, out, _ = tinghu(capsys, "ledger", "template", str(tmp_path / "空.xlsx"), "--empty")
    assert status == 0
    assert "0 project(s)" in " ".join(out.split())
    assert [len(rows) for rows in calamine_sheets(tmp_path / "空.xlsx").values()][2:] == [1] * 17


def test_read_writes_json_lines_that_batch_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger, portfolio = template(tmp_path), tmp_path / "portfolio.jsonl"
    status, out, err = tinghu(capsys, "ledger", "read", str(ledger), "-o", str(portfolio))
    assert (status, out) == (0, "")
    assert "1 project(s) read" in " ".join(err.split())
    (line,) = portfolio.read_text(encoding="utf-8").splitlines()
    assert Project.model_validate_json(line) == sample()
    status, out, _ = tinghu(capsys, "batch", str(portfolio), "--as-of", "2026-03-16", "--no-summary")
    assert status == 0
    assert json.loads(out)["counts"]["overdue"] == 1
    status, out, _ = tinghu(capsys, "ledger", "read", str(ledger))  # standard output
    assert status == 0
    assert Project.model_validate_json(out) == sample()


def test_read_names_every_problem_and_writes_them_as_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = template(tmp_path)
    with editing(ledger) as book:
        book["审核轮次"]["E2"] = "下周三"
    problems = tmp_path / "问题.csv"
    status, out, err = tinghu(capsys, "ledger", "read", str(ledger), "--problems", str(problems))
    assert (status, out) == (1, "")
    said = " ".join(err.split())
    assert "审核轮次!E2 初审意见出具日期（review[].initial_opinion.issued）：应为日期" in said
    assert "0 project(s) read, 1 left out for problems" in said
    text = problems.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "审核轮次,E2,初审意见出具日期" in text.decode("utf-8-sig")


def test_report_from_a_portfolio_with_a_broken_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    portfolio = tmp_path / "portfolio.jsonl"
    portfolio.write_text(sample().model_dump_json() + "\n{not json\n", encoding="utf-8")
    report = tmp_path / "月报.xlsx"
    status, out, _ = tinghu(
        capsys, "ledger", "report", str(portfolio), "--as-of", "2026-03-16", "-o", str(report)
    )
    assert status == 1  # a line could not be evaluated: listed, the rest reported
    assert "1 project(s) evaluated" in " ".join(out.split())
    failed = calamine_sheets(report)["未能评估"]
    assert failed[0] == ["项目编号", "位置", "字段", "原因"]
    assert "portfolio.jsonl" in failed[1][3]


def test_report_from_a_ledger_with_a_bad_project_lists_its_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = template(tmp_path)
    with editing(ledger) as book:
        book["项目"]["K2"] = "Y"
    report = tmp_path / "月报.xlsx"
    status, _, _ = tinghu(capsys, "ledger", "report", str(ledger), "--as-of", "2026-03-16", "-o", str(report))
    assert status == 1
    failed = calamine_sheets(report)["未能评估"]
    assert failed[1][:3] == ["TH-2024-017", "项目!K2", "涉密项目（classified）"]


def test_report_options_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = template(tmp_path)
    status, _, err = tinghu(capsys, "ledger", "report", str(ledger), "-o", str(tmp_path / "r.csv"))
    assert status == 2
    assert ".xlsx" in err
    status, _, err = tinghu(capsys, "ledger", "report", str(ledger), "-o", str(ledger))
    assert status == 2
    assert "input" in err
    status, _, err = tinghu(
        capsys, "ledger", "report", str(ledger), "-o", str(tmp_path / "r.xlsx"), "--option", "nonsense=1"
    )
    assert status == 2
    status, _, err = tinghu(capsys, "ledger", "report", str(ledger), "-o", str(tmp_path / "no" / "r.xlsx"))
    assert status == 2
    assert "does not exist" in err
    status, _out, _ = tinghu(
        capsys,
        "ledger",
        "report",
        str(ledger),
        "--as-of",
        "2026-03-16",
        "-o",
        str(tmp_path / "r.xlsx"),
        "--all",
    )
    assert status == 0
    statuses = {row[5] for row in calamine_sheets(tmp_path / "r.xlsx")["全部结论"][1:]}
    assert "不适用" in statuses


def test_without_the_extra_the_commands_say_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "xlsxwriter" else real(name, *a)
    )
    status, _, err = tinghu(capsys, "ledger", "template", str(tmp_path / "t.xlsx"))
    assert status == 2
    assert "pip install 'tinghu-policy[ledger]'" in " ".join(err.split())
