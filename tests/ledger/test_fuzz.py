"""Bad ledgers: every bad cell is named (sheet!cell, field, reason in Chinese), a bad project never stops the others,
nothing in a row is dropped without a word, and a workbook that is no ledger is one readable error."""

from __future__ import annotations

import functools
import re
import tempfile
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tinghu_policy.ledger.cells import CellError, blank, read_cell
from tinghu_policy.ledger.layout import Kind, Layout, sheet, sheets
from tinghu_policy.ledger.reader import LedgerError, read_ledger
from tinghu_policy.ledger.template import write_ledger

from .support import column, editing, problems_of, read, sample, template, tinghu

ID = "TH-2024-017"


def _letter(n: int) -> str:
    import openpyxl

    return str(openpyxl.utils.get_column_letter(n))


def _cell(name: str, header: str, row: int = 2) -> str:
    return f"{_letter(column(name, header))}{row}"


def _second(book: Any, project_id: str = "TH-GOOD") -> None:
    """A second, good project (only its 项目 row)."""
    row: list[object] = [None] * len(sheet("项目").columns)
    row[:6] = [project_id, "另一个项目", "区教育局", "区级", "党政机关", "软件开发"]
    book["项目"].append(row)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return template(tmp_path)


def test_text_in_a_date_cell_is_named_and_the_other_project_is_still_read(ledger: Path) -> None:
    with editing(ledger) as book:
        book["审核轮次"][_cell("审核轮次", "初审意见出具日期")] = "下周三"
        _second(book)
    entries, problems, _ = read(ledger)
    assert problems == []
    assert entries["TH-GOOD"].project is not None
    assert entries[ID].project is None
    assert problems_of(entries[ID]) == [
        f"审核轮次!{_cell('审核轮次', '初审意见出具日期')} 初审意见出具日期（review[].initial_opinion.issued）："
        "应为日期（如 2025-03-01），却是文字“下周三”"
    ]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (45717, "应为日期（如 2025-03-01），却是数字 45717"),
        ("2025-02-30", "“2025-02-30”不是存在的日期"),
        ("=DATE(2025,3,1)", "单元格是公式（=DATE(2025,3,1)）"),
        ("#N/A", "单元格是错误值（#N/A）"),
        (True, "应为日期（如 2025-03-01），却是TRUE"),
        (time(9, 30), "应为日期（如 2025-03-01），却是时间 09:30:00"),
    ],
)
def test_what_is_not_a_date_in_a_date_cell(ledger: Path, value: object, reason: str) -> None:
    ref = _cell("审批", "取得项目代码日期")
    with editing(ledger) as book:
        cell = book["审批"][ref]
        cell.value = value
        if isinstance(value, int) and not isinstance(value, bool):
            cell.number_format = "General"  # a date column formatted as a number
    entries, _, _ = read(ledger)
    (problem,) = entries[ID].problems
    assert (problem.sheet, problem.cell, problem.header) == ("审批", ref, "取得项目代码日期")
    assert problem.reason.startswith(reason)


@pytest.mark.parametrize("text", ["2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", " 2025-03-01 "])
def test_a_date_written_as_text_year_first_is_read(ledger: Path, text: str) -> None:
    with editing(ledger) as book:
        book["审批"][_cell("审批", "取得项目代码日期")] = text
    entries, _, _ = read(ledger)
    project = entries[ID].project
    assert project is not None
    assert project.approval.project_code_obtained == date(2025, 3, 1)


@pytest.mark.parametrize(
    ("sheet_name", "header", "value", "reason"),
    [
        ("项目", "涉密项目", "Y", "应填“是”或“否”（留空即为默认的“否”），却是“Y”"),
        ("项目", "产生公共数据资源", 1, "应填“是”或“否”（留空表示不知道），却是“1”"),
        ("项目", "单位层级", "县级", "“县级”不是可选的名称；可选：区级、街道、乡镇、市级、省级、国家级"),
        ("项目", "财政预算资金（元）", "180万", "应为金额（元，数字，如 1800000.00），却是文字“180万”"),
        ("项目", "财政预算资金（元）", 12.345, "金额最多2位小数（到分）"),
        ("项目", "财政预算资金（元）", -5, "不能小于0"),
        ("项目", "项目名称", "长" * 301, "最多300个字，现有301个字"),
        ("项目", "项目编号", "TH 2024", "只能由字母、数字、汉字和 . - _ / 组成，不含空格"),
        ("运维方案", "预算年度", 1999, "不能小于2000"),
        ("运维方案", "预算年度", "二〇二六", "应为整数，却是“二〇二六”"),
        ("申报与规划", "列入规划的层级", "区级、县级", "“县级”不是可选的名称"),
    ],
)
def test_each_bad_cell_is_named_with_its_field_and_reason(
    ledger: Path, sheet_name: str, header: str, value: object, reason: str
) -> None:
    ref = _cell(sheet_name, header)
    with editing(ledger) as book:
        book[sheet_name][ref] = value
        _second(book)
    entries, _, _ = read(ledger)
    project_id = "TH 2024" if header == "项目编号" else ID
    bad = entries[project_id]
    assert bad.project is None
    named = [p for p in bad.problems if (p.sheet, p.cell) == (sheet_name, ref)]
    assert named, problems_of(bad)
    assert named[0].header == header
    assert named[0].reason.startswith(reason), named[0].reason
    assert entries["TH-GOOD"].project is not None


def test_facts_in_the_wrong_order_name_both_cells(ledger: Path) -> None:
    with editing(ledger) as book:
        book["验收"][_cell("验收", "申请竣工验收日期")] = datetime(
            2025, 1, 1
        )  # before 项目建成日期 2025-09-26
    entries, _, _ = read(ledger)
    (problem,) = entries[ID].problems
    assert (problem.sheet, problem.cell) == ("验收", _cell("验收", "申请竣工验收日期"))
    assert "早于" in problem.reason
    assert f"项目!{_cell('项目', '项目建成日期')}" in problem.reason


def test_a_required_cell_left_blank_in_a_row_is_named(ledger: Path) -> None:
    with editing(ledger) as book:
        book["调整"][_cell("调整", "提出调整日期")] = None
    entries, _, _ = read(ledger)
    (problem,) = entries[ID].problems
    assert (problem.sheet, problem.cell, problem.reason) == (
        "调整",
        _cell("调整", "提出调整日期"),
        "必填，未填写",
    )


def test_merged_cells_are_refused_where_they_are(ledger: Path) -> None:
    with editing(ledger) as book:
        rounds = book["部门意见"]
        rounds.merge_cells("A2:A5")  # the project id merged down over its four departments
    entries, problems, _ = read(ledger)
    assert any("合并单元格（A2:A5）" in p for p in problems_of(entries[ID]))
    orphans = [p for p in problems if "没有项目编号" in p]
    assert [p.split(" ")[0] for p in orphans] == ["部门意见!A3", "部门意见!A4", "部门意见!A5"]


def test_formulas_are_refused_even_with_a_cached_value(ledger: Path) -> None:
    with editing(ledger) as book:
        book["项目"][_cell("项目", "财政预算资金（元）")] = "=1000000*1.8"
    entries, _, _ = read(ledger)
    (problem,) = entries[ID].problems
    assert problem.reason.startswith("单元格是公式（=1000000*1.8）")


def test_hidden_sheets_are_read_and_said_so_an_unknown_sheet_is_skipped_and_said_so(ledger: Path) -> None:
    with editing(ledger) as book:
        book["验收"].sheet_state = "hidden"
        book.create_sheet("备忘")["A1"] = "给科长的备注"
        book["备忘"].sheet_state = "veryHidden"
    entries, problems, notes = read(ledger)
    assert entries[ID].project == sample()
    assert problems == []
    assert notes == ["工作表「备忘」不是台账的工作表，未读取", "工作表「验收」是隐藏的，已照常读取"]


def test_an_unknown_column_and_a_cell_under_no_header_are_errors(ledger: Path) -> None:
    width = len(sheet("实施").columns)
    with editing(ledger) as book:
        book["实施"].cell(1, width + 1, "备注")
        book["实施"].cell(2, width + 1, "已催办")
        book["实施"].cell(2, width + 3, "孤立的值")
    entries, problems, _ = read(ledger)
    assert problems == [f"实施!{_letter(width + 1)}1 备注：台账没有“备注”这一列：此列未读取"]
    assert problems_of(entries[ID]) == [
        f"实施!{_letter(width + 1)}2 备注：“备注”不是台账的列：此单元格未读取",
        f"实施!{_letter(width + 3)}2：此列没有表头：此单元格未读取",
    ]


def test_rows_of_no_project_and_repeated_ids_are_named(ledger: Path) -> None:
    with editing(ledger) as book:
        book["调整"].append([None, 2, datetime(2025, 6, 1), 1000, None, "是"])
        book["调整"].append(["TH-NONE", 1, datetime(2025, 6, 1), 1000, None, "是"])
        _second(book, "TH-TWICE")
        _second(book, "TH-TWICE")
    entries, problems, _ = read(ledger)
    assert problems == [
        "调整!A3 项目编号：此行有内容但没有项目编号：此行未读取",
        "调整!A4 项目编号：项目编号“TH-NONE”不在「项目」表中：此行未读取",
    ]
    assert entries[ID].project == sample()
    twice = list(problems_of(entries["TH-TWICE"]))
    assert twice
    assert "重复" in twice[0]


def test_entries_numbered_twice_or_with_a_gap_are_named(ledger: Path) -> None:
    with editing(ledger) as book:
        book["调整"].append([ID, 3, datetime(2025, 6, 1), 1000, None, "是"])
        book["审核轮次"].append([ID, 1, datetime(2025, 1, 2)])
    entries, _, _ = read(ledger)
    found = problems_of(entries[ID])
    assert "调整!B3 序号：序号3：应从1起连续编号，缺少2" in found
    assert any(p.startswith("审核轮次!B2 轮次：轮次1重复（第2、3行）") for p in found)


def test_a_department_opinion_of_a_round_that_is_not_there(ledger: Path) -> None:
    with editing(ledger) as book:
        book["部门意见"].append([ID, 2, "区审计局", datetime(2025, 1, 2)])
    entries, _, _ = read(ledger)
    assert problems_of(entries[ID]) == ["部门意见!B6 轮次：第2轮不在「审核轮次」表中（该项目共1轮）"]


def test_no_says_no_and_yes_says_it_is_one(ledger: Path) -> None:
    with editing(ledger) as book:
        plan = book["申报与规划"]
        plan[_cell("申报与规划", "是否为政务APP")] = "是"
        plan[_cell("申报与规划", "是否跨层级协同实施")] = "否"
        plan[_cell("申报与规划", "参与层级")] = "区级"
    entries, _, _ = read(ledger)
    (problem,) = entries[ID].problems
    assert problem.cell == _cell("申报与规划", "是否跨层级协同实施")
    with editing(ledger) as book:
        book["申报与规划"][_cell("申报与规划", "是否跨层级协同实施")] = None
    entries, _, _ = read(ledger)
    project = entries[ID].project
    assert project is not None
    assert project.app is not None
    assert project.app.connects_upward is None
    assert project.cross_level is not None
    assert [lv.value for lv in project.cross_level.levels] == ["district"]


def test_none_and_blank_differ_where_the_model_says_so(ledger: Path) -> None:
    with editing(ledger) as book:
        book["申报与规划"][_cell("申报与规划", "列入规划的层级")] = "无"
        book["申报与规划"][_cell("申报与规划", "纳入重点工作任务的层级")] = None
    entries, _, _ = read(ledger)
    project = entries[ID].project
    assert project is not None
    assert project.planning.plans == ()
    assert project.planning.key_work_tasks is None


@pytest.mark.parametrize("kind", ["no ledger sheet", "zero bytes", "not a zip", "old xls", "folder"])
def test_a_workbook_that_is_no_ledger_is_one_readable_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    import openpyxl

    path = tmp_path / ("old.xls" if kind == "old xls" else "book.xlsx")
    if kind == "no ledger sheet":
        openpyxl.Workbook().save(path)  # an empty workbook: one sheet, "Sheet"
    elif kind == "zero bytes":
        path.write_bytes(b"")
    elif kind == "not a zip":
        path.write_bytes(b"PK\x03\x04 not really")
    elif kind == "old xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    else:
        path.mkdir()
    with pytest.raises(LedgerError) as raised:
        read_ledger(path)
    assert str(path) in str(raised.value)
    status, _, err = tinghu(capsys, "ledger", "read", str(path))
    assert status == 2
    assert "Traceback" not in err
    assert str(path) in " ".join(err.split())


def test_a_ledger_with_headers_only_reads_no_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = template(tmp_path, example=False)
    entries, problems, notes = read(empty)
    assert entries == {}
    assert problems == []
    assert notes == []
    status, out, err = tinghu(capsys, "ledger", "read", str(empty))
    assert (status, out) == (1, "")
    assert "0 project(s) read" in " ".join(err.split())


def test_a_missing_sheet_or_key_column_is_named(ledger: Path) -> None:
    with editing(ledger) as book:
        del book["调整"]
        book["部门意见"]["C1"] = None  # the 部门 column's header gone
    entries, problems, _ = read(ledger)
    assert problems[0].startswith("部门意见：缺少“部门”列")
    assert "此表有4行内容未读取" in problems[1]
    project = entries[ID].project
    assert project is not None
    assert project.implementation.adjustments == ()


def test_a_wrong_dimension_in_the_file_hides_no_row(tmp_path: Path) -> None:
    """A program may write a <dimension> smaller than the sheet: every row is read all the same."""
    path = tmp_path / "ledger.xlsx"
    write_ledger(path, [sample(), sample().model_copy(update={"id": "TH-2"})])
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B1"', data, count=1)
            target.writestr(info, data)
    entries, _, _ = read(patched)
    assert set(entries) == {ID, "TH-2"}


# ------------------------------------------------------------------------------------ any value in any cell

_SINGLE_ROWS = [s.name for s in sheets() if s.layout in (Layout.PROJECT, Layout.ITEMS)]

_VALUES = st.one_of(
    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=12),  # what a cell can hold
    st.sampled_from(
        ["是", "否", "无", "区级", "软件开发", "通过", "合格", "2025-03-01", "=1+1", "#N/A", "1,000.50"]
    ),
    st.integers(min_value=-10, max_value=3_000_000),
    st.floats(min_value=-1e6, max_value=1e7, allow_nan=False),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.booleans(),
)


@functools.cache
def _template_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return template(Path(folder)).read_bytes()


@settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=(
        Phase.explicit,
        Phase.reuse,
        Phase.generate,
        Phase.target,
    ),  # no shrinking: each example reads a file
)
@given(
    name=st.sampled_from(_SINGLE_ROWS),
    position=st.integers(min_value=0, max_value=40),
    value=_VALUES,
)
def test_any_value_in_any_cell_is_either_named_or_kept(
    tmp_path_factory: pytest.TempPathFactory, name: str, position: int, value: object
) -> None:
    """Nothing is dropped without a word: the cell is named by a problem, or its project is refused with its
    problems named, or the value is in the project read (writing the project back gives a cell that reads the
    same)."""
    folder = tmp_path_factory.mktemp("fuzz")
    ledger = folder / "台账.xlsx"
    ledger.write_bytes(_template_bytes())
    layout = sheet(name)
    position = position % (len(layout.columns) + 2)  # now and then a column with no header
    ref = f"{_letter(position + 1)}2"
    if isinstance(value, str) and blank(value):
        return
    with editing(ledger) as book:
        book[name][ref] = value
        stored = book[name][ref].value
        kind = book[name][ref].data_type
    entries, _, _ = read(ledger)
    _, others, _ = read_ledger(ledger)
    named = {(p.sheet, p.cell) for p in others}
    for entry in entries.values():
        named |= {(p.sheet, p.cell) for p in entry.problems}
    if (name, ref) in named or any(
        s == name and c and c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "2" for s, c in named
    ):
        return  # the cell, or its row (e.g. a row of no project), is named
    assert position < len(layout.columns), (ref, value)
    column_ = layout.columns[position]
    refused = [e for e in entries.values() if e.project is None]
    if refused:  # refused whole, each problem named (e.g. the required cell the value now calls for)
        assert all(e.problems and all(p.sheet and p.cell for p in e.problems) for e in refused)
        return
    project = next(e.project for e in entries.values() if e.project is not None)
    assert project is not None
    again = folder / "again.xlsx"
    write_ledger(again, [project])
    import openpyxl

    book = openpyxl.load_workbook(again, read_only=True)
    rewritten = next(iter(book[name].iter_rows(min_row=2, max_row=2)))
    back = rewritten[position].value if position < len(rewritten) else None
    book.close()
    try:
        expected = read_cell(column_, stored, kind)
    except CellError:
        pytest.fail(f"{name}!{ref}: {stored!r} is not readable, yet no problem names it")
    if column_.key and name != "项目":
        return  # a key that still names the project: the row is placed, nothing to compare
    got = None if back is None else read_cell(column_, back)
    if column_.default is not None and got is None:
        got = column_.default
    if column_.kind is Kind.PRESENCE and got is None:
        got = False  # 否 with nothing else in the group: not one of these, written back blank
    if isinstance(expected, list) and got is None:
        got = [] if not column_.nullable_list else None
    assert got == expected, (name, ref, value, back)
