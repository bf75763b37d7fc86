"""Writing a ledger: the template staff fill in, with the sample project as an example, or a portfolio exported.

The workbook (XlsxWriter, streamed: rows go to disk as they are written, so a portfolio of any size fits in
memory) has, before the sheets of facts (:func:`~tinghu_policy.ledger.layout.sheets`):

* 说明 — how to fill the ledger: what each sheet holds, what a blank cell means, how to read it back;
* 代码表 — every list of names the drop-downs offer, with its code (for programs).

Each sheet of facts has its header in Chinese with a note on every header cell (the field's path in the facts
model, what to write, what a blank means); a drop-down list for every enumeration and for 是/否; date cells
formatted and validated as dates, money as numbers with two decimals, years and counts as whole numbers, texts
limited to the model's length; the header row and the key columns frozen; a filter on the header row; columns
wide enough for their Chinese header and content.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.ledger.cells import blank_means, describe, write_cell
from tinghu_policy.ledger.layout import (
    INSTRUCTIONS,
    NAMES,
    NO,
    NONE,
    YES,
    Column,
    Kind,
    Layout,
    Sheet,
    enum_names,
    sheets,
)
from tinghu_policy.names import Named

LAST_ROW = 1_048_575
"""Excel's last row (0-based): validations and formats cover every row a ledger can have."""
MIN_DAY, MAX_DAY = date(2000, 1, 1), date(2100, 12, 31)
MAX_WIDTH = 60
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"


class LedgerWriteError(TinghuPolicyError):
    """A project the ledger cannot hold as it is (e.g. two amounts from one source of money)."""


_WIDTHS: dict[str, int] = {}
"""Display widths of the short texts met so far (names, citations, statuses repeat on every row)."""


def display_width(text: str) -> int:
    """Columns ``text`` takes in Excel: a Chinese (wide) character counts two."""
    found = _WIDTHS.get(text)
    if found is None:
        found = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
        if len(text) <= 64:
            if len(_WIDTHS) > 100_000:
                _WIDTHS.clear()
            _WIDTHS[text] = found
    return found


def width_of(value: object, at_least: int = 0, at_most: int = MAX_WIDTH) -> int:
    """The display width of a cell's value, or ``at_least`` when it cannot be wider (counted only when it may
    change the column's width), at most ``at_most``."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    text = str(value)
    if 2 * len(text) <= at_least:
        return at_least
    if len(text) >= at_most:
        return at_most
    return display_width(text)


_KIND_WIDTH = {Kind.DATE: 12, Kind.MONEY: 16, Kind.INT: 8, Kind.BOOL: 6, Kind.PRESENCE: 6}


# ------------------------------------------------------------------------------------------ project → rows


def _value(model: BaseModel | None, path: Sequence[str]) -> Any:
    current: Any = model
    for name in path:
        if current is None:
            return None
        current = getattr(current, name)
    return current


def _cells(columns: Sequence[Column], entry: BaseModel | None) -> list[object]:
    row: list[object] = []
    for column in columns:
        value = _value(entry, column.path)
        if column.kind is Kind.PRESENCE:
            row.append(YES if value is not None else None)
        else:
            row.append(write_cell(column, value))
    return row


def _funding(project: Project, column: Column) -> object:
    amounts = [f.amount for f in project.funding if f.source is column.source]
    if len(amounts) > 1:
        assert column.source is not None
        raise LedgerWriteError(
            f"{project.id}: funding lists {column.source.value} {len(amounts)} times; the ledger has one amount "
            f"per source (项目!{column.header}): add them up first"
        )
    return write_cell(column, amounts[0]) if amounts else None


def rows_of(project: Project) -> Iterator[tuple[Sheet, list[object]]]:
    """Every row ``project`` takes in the ledger, sheet by sheet (one row in each sheet of one row per project,
    one row per entry elsewhere)."""
    for found in sheets():
        keys = found.keys
        if found.layout is Layout.PROJECT:
            row: list[object] = []
            for column in found.columns:
                if column.key:
                    row.append(project.id)
                elif column.source is not None:
                    row.append(_funding(project, column))
                elif column.kind is Kind.PRESENCE:
                    row.append(YES if _value(project, column.path) is not None else None)
                else:
                    row.append(write_cell(column, _value(project, column.path)))
            yield found, row
        elif found.layout is Layout.ITEMS:
            entries: tuple[BaseModel, ...] = _value(project, found.target)
            for n, entry in enumerate(entries, 1):
                head: list[object] = [project.id] + ([n] if found.index else [])
                yield found, head + _cells(found.columns[len(keys) :], entry)
        elif found.layout is Layout.CHOICE:
            for label, path in found.choices:
                chosen: tuple[BaseModel, ...] = _value(project, path) or ()
                for n, entry in enumerate(chosen, 1):
                    head = [project.id, label] + ([n] if found.index else [])
                    yield found, head + _cells(found.columns[len(keys) :], entry)
        elif found.layout is Layout.OPINIONS:
            opinion = found.columns[-1]
            for n, round_ in enumerate(project.review, 1):
                for party, day in round_.department_opinions.items():
                    yield found, [project.id, n, party.name_zh, write_cell(opinion, day)]
        elif found.layout is Layout.DATES:
            for day in _value(project, found.target):
                yield found, [project.id, day]


# ----------------------------------------------------------------------------------------------- workbook


@dataclass(slots=True)
class _SheetOut:
    """A sheet being written: its worksheet, the next row, and each column's widest content."""

    sheet: Sheet
    worksheet: Any
    row: int = 1
    widths: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Written:
    """What :func:`write_ledger` wrote."""

    projects: int
    rows: dict[str, int]


def write_ledger(
    path: Path, projects: Iterable[Project], *, example: bool = False, streamed: bool = True
) -> Written:
    """Write a ledger of ``projects`` to ``path`` (``.xlsx``); ``example`` marks them as the template's example
    (said on the 说明 sheet). A project the ledger cannot hold raises :class:`LedgerWriteError` naming it.

    ``streamed`` (the default) writes each row to disk as it comes, texts inline, so any number of projects fits
    in memory; ``streamed=False`` keeps the workbook in memory and writes a table of shared texts, as Excel and
    WPS save a workbook (the benchmark uses it to read what staff would have)."""
    import xlsxwriter  # the [ledger] extra

    book = xlsxwriter.Workbook(str(path), {"constant_memory": streamed, "strings_to_formulas": False})
    book.set_properties(
        {"title": "政务信息化项目台账", "subject": "盐城市亭湖区政务信息化项目建设管理办法（试行）"}
    )
    formats = _Formats(book)
    instructions = book.add_worksheet(INSTRUCTIONS)
    names = book.add_worksheet(NAMES)
    sources = _write_names(names, formats)
    outs = {s.name: _SheetOut(s, book.add_worksheet(s.name)) for s in sheets()}
    for out in outs.values():
        _header(out, formats, sources)
    count = 0
    try:
        for project in projects:
            count += 1
            for found, row in rows_of(project):
                out = outs[found.name]
                _write_row(out, row, formats)
    finally:
        for out in outs.values():
            _finish(out, formats)
        _write_instructions(instructions, formats, example=example, count=count)
        book.close()
    return Written(count, {name: out.row - 1 for name, out in outs.items()})


class _Formats:
    def __init__(self, book: Any) -> None:
        self.header = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"}
        )
        self.key_header = book.add_format(
            {"bold": True, "bg_color": "#FCE4D6", "border": 1, "text_wrap": True, "valign": "vcenter"}
        )
        self.date = book.add_format({"num_format": DATE_FORMAT})
        self.money = book.add_format({"num_format": MONEY_FORMAT})
        self.text = book.add_format({"num_format": "@"})
        self.plain = book.add_format({})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})

    def of(self, column: Column) -> Any:
        if column.kind is Kind.DATE:
            return self.date
        if column.kind is Kind.MONEY:
            return self.money
        if column.kind in (Kind.TEXT, Kind.TEXT_LIST, Kind.ENUM_LIST, Kind.ENUM):
            return self.text  # typed as text: an id such as 2024017 keeps its digits, a name is not a number
        return self.plain


def _vocabularies() -> list[type[Named]]:
    seen: list[type[Named]] = []
    for found in sheets():
        for column in found.columns:
            if column.enum is not None and column.enum not in seen:
                seen.append(column.enum)
    return seen


def _vocabulary_title(enum: type[Named]) -> str:
    for found in sheets():
        for column in found.columns:
            if column.enum is enum:
                return column.header
    return enum.__name__


def _write_names(worksheet: Any, formats: _Formats) -> dict[type[Named], str]:
    """The lists of names on 代码表, two columns per vocabulary (名称, 代码); each list's range for validations."""
    from xlsxwriter.utility import xl_col_to_name

    sources: dict[type[Named], str] = {}
    for n, enum in enumerate(_vocabularies()):
        col = 3 * n
        worksheet.write(0, col, _vocabulary_title(enum), formats.header)
        worksheet.write(0, col + 1, f"代码 {enum.__name__}", formats.header)
        members = list(enum_names(enum).items())
        for row, (name, member) in enumerate(members, 1):
            worksheet.write_string(row, col, name)
            worksheet.write_string(row, col + 1, member.value)
        letter = xl_col_to_name(col)
        sources[enum] = f"={NAMES}!${letter}$2:${letter}${len(members) + 1}"
        worksheet.set_column(col, col, max(display_width(name) for name, _ in members) + 2)
        worksheet.set_column(col + 1, col + 1, max(len(m.value) for _, m in members) + 2)
    worksheet.freeze_panes(1, 0)
    return sources


def _header(out: _SheetOut, formats: _Formats, sources: dict[type[Named], str]) -> None:
    worksheet = out.worksheet
    columns = out.sheet.columns
    out.widths = [max(display_width(c.header) + 2, _KIND_WIDTH.get(c.kind, 10)) for c in columns]
    for col, column in enumerate(columns):
        worksheet.write_string(0, col, column.header, formats.key_header if column.key else formats.header)
        worksheet.write_comment(0, col, describe(column), {"x_scale": 2.2, "y_scale": 1.8})
        options = _validation(out.sheet, column, sources)
        if options is not None:
            worksheet.data_validation(1, col, LAST_ROW, col, options)
    worksheet.set_row(0, 32)
    worksheet.freeze_panes(1, len(out.sheet.keys) or 1)


def _message(text: str, limit: int = 250) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _validation(found: Sheet, column: Column, sources: dict[type[Named], str]) -> dict[str, Any] | None:
    """The data validation of a column: a drop-down, a date, a number, a length; None for free lists."""
    title = _message(column.header, 30)
    hint = _message(f"{blank_means(column)}")
    common: dict[str, Any] = {"input_title": title, "input_message": hint, "error_title": title}
    if column.key and found.layout is Layout.CHOICE and column.header == found.columns[1].header:
        labels = [label for label, _ in found.choices]
        return {
            **common,
            "validate": "list",
            "source": labels,
            "error_message": f"请从列表中选择：{'、'.join(labels)}",
        }
    if column.kind is Kind.DATE:
        return {
            **common,
            "validate": "date",
            "criteria": "between",
            "minimum": MIN_DAY,
            "maximum": MAX_DAY,
            "error_message": f"请填写{MIN_DAY.year}—{MAX_DAY.year}年间的日期，如 2025-03-01",
        }
    if column.kind is Kind.MONEY:
        return {
            **common,
            "validate": "decimal",
            "criteria": ">=",
            "value": 0,
            "error_message": "请填写金额（元，数字，最多两位小数，不为负）",
        }
    if column.kind is Kind.INT:
        low = column.minimum if column.minimum is not None else -2_147_483_647
        high = column.maximum if column.maximum is not None else 2_147_483_647
        return {
            **common,
            "validate": "integer",
            "criteria": "between",
            "minimum": low,
            "maximum": high,
            "error_message": f"请填写整数（{column.minimum if column.minimum is not None else ''}—"
            f"{column.maximum if column.maximum is not None else ''}）",
        }
    if column.kind in (Kind.BOOL, Kind.PRESENCE):
        return {**common, "validate": "list", "source": [YES, NO], "error_message": f"请选择“{YES}”或“{NO}”"}
    if column.kind is Kind.ENUM and column.enum is not None:
        return {
            **common,
            "validate": "list",
            "source": sources[column.enum],
            "error_message": _message(f"请从下拉列表中选择：{'、'.join(enum_names(column.enum))}"),
        }
    if column.kind is Kind.TEXT and column.max_length:
        return {
            **common,
            "validate": "length",
            "criteria": "<=",
            "value": column.max_length,
            "error_message": f"最多{column.max_length}个字",
        }
    if column.kind in (Kind.ENUM_LIST, Kind.TEXT_LIST):
        names = "、".join(enum_names(column.enum)) if column.enum is not None else ""
        hint = f"以顿号“、”分隔{('；可选：' + names) if names else ''}；{blank_means(column)}"
        return {**common, "validate": "any", "input_message": _message(hint)}
    return None


def _write_row(out: _SheetOut, row: list[object], formats: _Formats) -> None:
    worksheet = out.worksheet
    for col, value in enumerate(row):
        if value is None:
            continue
        column = out.sheet.columns[col]
        if isinstance(value, date):
            worksheet.write_datetime(out.row, col, value, formats.date)
        elif isinstance(value, float | int) and not isinstance(value, bool):
            worksheet.write_number(out.row, col, value, formats.money if column.kind is Kind.MONEY else None)
        else:
            worksheet.write_string(out.row, col, str(value))
        out.widths[col] = max(out.widths[col], width_of(value, out.widths[col] - 2) + 2)
    out.row += 1


def _finish(out: _SheetOut, formats: _Formats) -> None:
    worksheet = out.worksheet
    for col, column in enumerate(out.sheet.columns):
        worksheet.set_column(col, col, min(out.widths[col], MAX_WIDTH), formats.of(column))
    worksheet.autofilter(0, 0, max(out.row - 1, 1), len(out.sheet.columns) - 1)


def _write_instructions(worksheet: Any, formats: _Formats, *, example: bool, count: int) -> None:
    lines: list[tuple[str, Any]] = [
        ("政务信息化项目台账（《盐城市亭湖区政务信息化项目建设管理办法（试行）》）", formats.title),
        ("", None),
        ("怎样填写", formats.bold),
        (
            "· 每个工作表记一类事实；“项目”表每个项目一行，其他表以“项目编号”对应到项目，一个项目可跨多个表。",
            None,
        ),
        ("· 表头下方批注写明该列对应的字段、应填写的内容和空白的含义；有下拉列表的列请从列表中选择。", None),
        ("· 日期填日期（如 2025-03-01）；金额填数字（元，最多两位小数）；是否类填“是”或“否”。", None),
        (f"· 多个名称以顿号“、”分隔（如 区级、市级）；“{NONE}”表示一个也没有，与空白（不知道）不同。", None),
        (
            "· 空白的日期表示该行为尚未发生；其他空白表示不知道，需要它的规则结论为“无法判断”，并指明缺少的事实。",
            None,
        ),
        (
            "· 审核轮次、调整、公共数字资产、重大变更与安全隐患按1、2、3……编号，与结论中的“第2轮”“第2项调整”对应。",
            None,
        ),
        ("· 不要使用公式或合并单元格，不要增加列：读取时逐格报告，列名、公式、合并单元格都会被指出。", None),
        ("", None),
        ("读取与报告", formats.bold),
        (
            "tinghu-policy ledger read 台账.xlsx -o portfolio.jsonl        读取台账：逐格报告错误（工作表!单元格、字段、原因）",
            None,
        ),
        (
            "tinghu-policy ledger report 台账.xlsx --as-of 2026-03-31 -o 月报.xlsx   月度报告：已逾期、30日内到期、按单位、按条款、全部结论",
            None,
        ),
        ("", None),
        ("工作表", formats.bold),
    ]
    for found in sheets():
        lines.append((f"{found.name}：{found.about}", None))
    lines.append(("", None))
    if example:
        lines.append(
            (f"示例：各表中已填入{count}个示例项目（内置示例项目），可参照填写后删除。", formats.bold)
        )
    lines.append(("“代码表”列出下拉列表的全部名称及其代码，供程序对照；读取时不读取“说明”和“代码表”。", None))
    for row, (text, fmt) in enumerate(lines):
        if text:
            worksheet.write_string(row, 0, text, fmt)
    worksheet.set_column(0, 0, 120)


def sample_project() -> Project:
    """The built-in whole-life sample's project (the template's example)."""
    from tinghu_policy.cli.inputs import parse_input
    from tinghu_policy.samples import sample_text

    return parse_input(sample_text(), "sample.yaml").project


def write_template(path: Path, *, example: bool = True) -> Written:
    """The template: every sheet with its headers, notes and validations, and the sample project as an example
    (``example=False``: empty)."""
    return write_ledger(path, [sample_project()] if example else [], example=example)
