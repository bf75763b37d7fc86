"""Template → filled → read → evaluate → report, with real files, each written workbook opened by a second library.

XlsxWriter writes; openpyxl (read-only) reads the ledger; python-calamine — which shares no code with either — opens
every workbook the tests write, so a file only this library could read would fail here.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tinghu_policy.corpus import discover
from tinghu_policy.engine import Status, evaluate
from tinghu_policy.facts import Project
from tinghu_policy.ledger.layout import INSTRUCTIONS, NAMES, Kind, enum_names, sheet, sheets
from tinghu_policy.ledger.template import display_width

from .support import (
    SAMPLE_AS_OF,
    calamine_sheets,
    column,
    editing,
    ledger_of,
    normalised,
    problems_of,
    read,
    sample,
    template,
    tinghu,
)


def test_the_template_has_every_sheet_its_headers_and_the_example_for_a_second_reader(tmp_path: Path) -> None:
    path = template(tmp_path)
    found = calamine_sheets(path)
    assert list(found) == [INSTRUCTIONS, NAMES, *(s.name for s in sheets())]
    for layout in sheets():
        assert found[layout.name][0] == [c.header for c in layout.columns], layout.name
    project = sample()
    first = found["项目"][1]
    assert first[:6] == [project.id, project.name, project.owner.name, "区级", "党政机关", "软件开发"]
    assert first[column("项目", "财政预算资金（元）") - 1] == 1_800_000
    assert first[column("项目", "审批（批复）日期") - 1] == date(2024, 12, 10)  # a date cell, not text
    opinions = list(found["部门意见"][1:])
    assert [row[2] for row in opinions] == ["区委办", "区委网信办", "区财政局", "区审计局"]
    names = found[NAMES]
    assert "单位层级" in names[0]
    assert "区级" in [row[0] for row in names[1:]]
    assert any("示例" in str(row[0]) for row in found[INSTRUCTIONS] if row)


def test_the_template_has_notes_drop_downs_date_and_money_formats_frozen_headers_and_filters(
    tmp_path: Path,
) -> None:
    import openpyxl

    book = openpyxl.load_workbook(template(tmp_path))
    rounds = book["审核轮次"]
    note = rounds.cell(1, column("审核轮次", "初审意见出具日期")).comment.text
    assert "review[].initial_opinion.issued" in note
    assert "日期" in note
    assert rounds.freeze_panes == "C2"  # the header row and the keys (项目编号, 轮次)
    assert rounds.auto_filter.ref.startswith("A1:")
    kinds: dict[str, list[str]] = {}
    for validation in rounds.data_validations.dataValidation:
        kinds.setdefault(validation.type, []).append(str(validation.sqref))
    assert "date" in kinds
    assert "list" in kinds
    assert "whole" in kinds
    project = book["项目"]
    validations = {str(v.sqref).split(":")[0]: v for v in project.data_validations.dataValidation}
    level = validations[f"{openpyxl.utils.get_column_letter(column('项目', '单位层级'))}2"]
    assert level.type == "list"
    assert level.formula1.startswith(f"{NAMES}!$")
    secret = validations[f"{openpyxl.utils.get_column_letter(column('项目', '涉密项目'))}2"]
    assert secret.formula1 == '"是,否"'
    money = validations[f"{openpyxl.utils.get_column_letter(column('项目', '财政预算资金（元）'))}2"]
    assert money.type == "decimal"
    assert money.operator == "greaterThanOrEqual"
    money_cell = project.cell(2, column("项目", "财政预算资金（元）"))
    assert money_cell.number_format == "#,##0.00"
    assert project.cell(2, column("项目", "审批（批复）日期")).number_format == "yyyy-mm-dd"
    width = project.column_dimensions["B"].width
    assert width >= display_width("亭湖区市场主体信用监管平台")  # the example's Chinese name fits


def test_the_template_reads_back_as_the_sample_project(tmp_path: Path) -> None:
    entries, problems, notes = read(template(tmp_path))
    assert problems == []
    assert notes == []
    assert entries["TH-2024-017"].project == sample()


def test_every_corpus_project_goes_through_a_ledger_unchanged(tmp_path: Path) -> None:
    projects = [case.case.project.model_copy(update={"id": f"C{n:04d}"}) for n, case in enumerate(discover())]
    path = ledger_of(tmp_path, projects)
    entries, problems, _ = read(path)
    assert problems == []
    assert [e for e in entries.values() if e.project is None] == []
    for project in projects:
        found = entries[project.id].project
        assert found is not None
        assert normalised(found) == normalised(project), project.id
    second = calamine_sheets(path)
    assert len(second["项目"]) == len(projects) + 1
    rounds = sum(len(p.review) for p in projects)
    assert len(second["审核轮次"]) == rounds + 1


def _fill_second_project(book: Any) -> None:
    """What staff would type for a new project: received 2026-03-02, no initial opinion yet (due 2026-03-09)."""
    project = book["项目"]
    row: list[object] = [None] * len(sheet("项目").columns)
    for header, value in {
        "项目编号": "TH-2026-003",
        "项目名称": "亭湖区智慧教育平台",
        "项目单位": "区教育局",
        "单位层级": "区级",
        "单位性质": "党政机关",
        "项目类别": "软件开发",
        "财政预算资金（元）": 2_600_000,
        "产生公共数据资源": "是",
        "在管理平台申报": "是",
    }.items():
        row[column("项目", header) - 1] = value
    project.append(row)
    plan = book["申报与规划"]
    plan_row: list[object] = [None] * len(sheet("申报与规划").columns)
    plan_row[0] = "TH-2026-003"
    plan_row[column("申报与规划", "列入规划的层级") - 1] = "区级、市级"
    plan_row[column("申报与规划", "申报要求（一）符合规定、需求合理") - 1] = "是"
    plan.append(plan_row)
    rounds = book["审核轮次"]
    round_row: list[object] = [None] * len(sheet("审核轮次").columns)
    round_row[:3] = ["TH-2026-003", 1, datetime(2026, 3, 2)]
    round_row[column("审核轮次", "申报材料") - 1] = "部门请示文件或报告、可行性研究报告"
    rounds.append(round_row)
    prohibitions = book["六个不得"]
    prohibitions.append(["TH-2026-003", "按要求及时迁移至区政务云", datetime(2025, 6, 1), "是"])


def test_a_filled_template_is_read_evaluated_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = tmp_path / "filled.xlsx"
    with editing(template(tmp_path), filled) as book:
        _fill_second_project(book)
    entries, problems, _ = read(filled)
    assert problems == []
    assert set(entries) == {"TH-2024-017", "TH-2026-003"}
    new = entries["TH-2026-003"].project
    assert new is not None, problems_of(entries["TH-2026-003"])
    assert new.review[0].received == date(2026, 3, 2)
    assert [p.value for p in new.planning.plans or ()] == ["district", "municipal"]
    assert new.prohibitions.migrated_to_cloud[0].value is True
    assert new.classified is False  # a blank yes/no with a default takes it
    assert new.under_construction_standard is None  # a blank one without: not known
    opinion = evaluate(new, as_of=SAMPLE_AS_OF).finding("art11.initial_opinion", "round 1")
    assert opinion.status is Status.OVERDUE

    report = tmp_path / "月报.xlsx"
    status, out, err = tinghu(
        capsys, "ledger", "report", str(filled), "--as-of", "2026-03-16", "-o", str(report)
    )
    assert status == 0, err
    assert "2 project(s) evaluated" in " ".join(out.split())
    found = calamine_sheets(report)
    assert list(found) == ["概况", "已逾期", "30日内到期", "按单位", "按条款", "全部结论"]
    overdue = found["已逾期"]
    assert overdue[0][:2] == ["逾期天数", "项目编号"]
    days = [row[0] for row in overdue[1:]]
    assert days == sorted(days, reverse=True)
    assert len(days) >= 2
    assert {row[1] for row in overdue[1:]} == {"TH-2024-017", "TH-2026-003"}
    by_id = {row[1]: row for row in overdue[1:]}
    assert by_id["TH-2026-003"][overdue[0].index("期限")] == date(2026, 3, 9)
    assert by_id["TH-2026-003"][overdue[0].index("条款")].startswith("第十一条第一款")
    assert by_id["TH-2026-003"][overdue[0].index("义务方")] == "区数据局"
    every = found["全部结论"]
    assert all(row[every[0].index("说明")] for row in every[1:])  # every finding with its explanation
    assert "不适用" not in {row[every[0].index("结论")] for row in every[1:]}
    units = {row[0]: row for row in found["按单位"][1:]}
    assert units["区教育局"][1:3] == [1, 1]
    assert "TH-2026-003" in units["区教育局"][6]
    provisions = [row[1] for row in found["按条款"][1:]]
    assert provisions.index("art2.p1") < provisions.index("art11.p1.i2") < provisions.index("art27.p4")

    import openpyxl

    book = openpyxl.load_workbook(report)
    sheet_overdue = book["已逾期"]
    assert sheet_overdue.freeze_panes == "A2"
    assert sheet_overdue.auto_filter.ref.startswith("A1:")
    assert sheet_overdue.cell(2, 2).fill.fgColor.rgb.endswith("F8CBAD")  # overdue rows highlighted
    all_sheet = book["全部结论"]
    status_col = every[0].index("结论") + 1
    for row in range(2, all_sheet.max_row + 1):
        highlighted = all_sheet.cell(row, 1).fill.fgColor.rgb.endswith("F8CBAD")
        assert highlighted == (all_sheet.cell(row, status_col).value == "已逾期")
    widths = all_sheet.column_dimensions
    assert widths["E"].width >= display_width("事项") + 2
    assert widths["K"].width >= 60  # the explanations


def test_the_report_as_csv_files_that_excel_opens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "月报"
    status, _, err = tinghu(
        capsys,
        "ledger",
        "report",
        str(template(tmp_path)),
        "--as-of",
        "2026-03-16",
        "-o",
        str(folder),
        "--format",
        "csv",
    )
    assert status == 0, err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.csv" for name in ("概况", "已逾期", "30日内到期", "按单位", "按条款", "全部结论")
    )
    raw = (folder / "已逾期.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    with (folder / "已逾期.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][0] == "逾期天数"
    assert rows[1][1] == "TH-2024-017"
    assert rows[1][rows[0].index("期限")] == "2026-02-28"


def test_a_portfolio_goes_out_to_a_ledger_and_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    portfolio = tmp_path / "portfolio.jsonl"
    projects = [sample(), sample().model_copy(update={"id": "TH-COPY", "classified": True})]
    portfolio.write_text("".join(p.model_dump_json() + "\n" for p in projects), encoding="utf-8")
    ledger = tmp_path / "out.xlsx"
    status, _, err = tinghu(capsys, "ledger", "template", str(ledger), "--from", str(portfolio))
    assert status == 0, err
    back = tmp_path / "back.jsonl"
    status, _, err = tinghu(capsys, "ledger", "read", str(ledger), "-o", str(back))
    assert status == 0, err
    lines = back.read_text(encoding="utf-8").splitlines()
    assert [Project.model_validate_json(line) for line in lines] == projects
    assert len(calamine_sheets(ledger)["项目"]) == 3


def test_every_kind_of_cell_is_written_as_what_it_is(tmp_path: Path) -> None:
    found = calamine_sheets(template(tmp_path))
    for layout in sheets():
        rows = found[layout.name]
        for row in rows[1:]:
            for value, col in zip(row, layout.columns, strict=False):
                if value in ("", None):
                    continue
                if col.kind is Kind.DATE:
                    assert isinstance(value, date), (layout.name, col.header, value)
                elif col.kind in (Kind.MONEY, Kind.INT):
                    assert isinstance(value, int | float), (layout.name, col.header, value)
                elif col.kind in (Kind.BOOL, Kind.PRESENCE):
                    assert value in ("是", "否")
                elif col.kind is Kind.ENUM and col.enum is not None and not col.key:
                    assert value in enum_names(col.enum)
