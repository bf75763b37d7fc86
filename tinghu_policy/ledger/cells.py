"""What a cell holds, both ways: a cell's value → the facts model's input, and a fact → the cell's value.

Reading is strict where a guess could change a finding and plain where the meaning is certain:

* a **date** cell holds a date (a date-time's day is taken); text that is unmistakably a date with the year first
  (``2025-03-01``, ``2025/3/1``, ``2025.3.1``, ``2025年3月1日``) is read as that date; anything else — a number
  (a date cell formatted as a number), ``下周三``, ``2025-13-01`` — is an error naming the cell;
* a **yes/no** cell holds 是 or 否 (or Excel's TRUE/FALSE); ``Y``, ``1``, ``√`` are refused, never guessed;
* **money** is a number in 元 (at most two decimals, taken from the number as Excel shows it) or such a number
  written as text, thousands separators allowed (``1,800,000.00``); ``180万`` is refused;
* an **enumeration** holds the Chinese name from the drop-down list (the code, e.g. ``district``, is accepted too);
* a **formula** is refused (its cached result may be stale, or absent in a file a program wrote): paste the
  values; an error value (``#N/A``) is refused.

Each refusal is a :class:`CellError` whose reason is a Chinese sentence; the reader adds the sheet, the cell and
the field.
"""

from __future__ import annotations

import math
import re
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from tinghu_policy.ledger.layout import (
    LIST_SEPARATOR,
    NO,
    NONE,
    YES,
    Column,
    Kind,
    enum_names,
)
from tinghu_policy.names import Named


class CellError(ValueError):
    """A cell that cannot be read as its column's kind; ``reason`` is Chinese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_DATE_TEXT = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)
_MONEY_TEXT = re.compile(r"-?\d+(?:\.\d+)?")
_INT_TEXT = re.compile(r"-?\d+")
_LIST_SPLIT = re.compile(r"[、,，;；\s]+")
_TEXT_LIST_SPLIT = re.compile(r"[、;；\n]+")
EXAMPLE_DAY = "2025-03-01"


def _show(value: object) -> str:
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def blank(value: object) -> bool:
    """A cell that says nothing: empty, or only blanks."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_cell(column: Column, value: object, data_type: str = "") -> Any:
    """The model's input for a non-blank cell of ``column`` (``data_type`` is openpyxl's: ``f`` formula, ``e``
    error); :class:`CellError` when the cell cannot be read."""
    if data_type == "f":
        raise CellError(f"单元格是公式（{_show(value)}）：台账只读取填写的值，请复制后“选择性粘贴→数值”")
    if data_type == "e":
        raise CellError(f"单元格是错误值（{_show(value)}）")
    if isinstance(value, str):
        value = value.strip()
    kind = column.kind
    if kind is Kind.DATE:
        return _date(value).isoformat()
    if kind in (Kind.BOOL, Kind.PRESENCE):
        return _bool(value, column)
    if kind is Kind.MONEY:
        return _money(value)
    if kind is Kind.INT:
        return _int(value)
    if kind is Kind.ENUM:
        assert column.enum is not None
        return _enum(value, column.enum)
    if kind is Kind.ENUM_LIST:
        assert column.enum is not None
        text = _text(value)
        if text == NONE:
            return []
        return [_enum(part, column.enum) for part in _LIST_SPLIT.split(text) if part]
    if kind is Kind.TEXT_LIST:
        text = _text(value)
        if text == NONE:
            return []
        return [part.strip() for part in _TEXT_LIST_SPLIT.split(text) if part.strip()]
    return _text(value)


def _date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(f"应为日期（如 {EXAMPLE_DAY}），却是{_bool_name(value)}")
    if isinstance(value, int | float):
        raise CellError(
            f"应为日期（如 {EXAMPLE_DAY}），却是数字 {_show(value)}：请把单元格格式设为日期后重新填写"
        )
    if isinstance(value, str):
        for pattern in _DATE_TEXT:
            match = pattern.fullmatch(value)
            if match:
                year, month, day = (int(g) for g in match.groups())
                try:
                    return date(year, month, day)
                except ValueError:
                    raise CellError(f"“{_show(value)}”不是存在的日期") from None
        raise CellError(f"应为日期（如 {EXAMPLE_DAY}），却是文字“{_show(value)}”")
    raise CellError(f"应为日期（如 {EXAMPLE_DAY}），却是{_what(value)}")


def _bool_name(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def _bool(value: object, column: Column) -> bool:
    if isinstance(value, bool):
        return value
    if value == YES:
        return True
    if value == NO:
        return False
    return _refuse_bool(value, column)


def _refuse_bool(value: object, column: Column) -> bool:
    if column.kind is Kind.PRESENCE:
        meaning = "留空则看本组其他列是否填写"
    elif column.default is None:
        meaning = "留空表示不知道"
    else:
        meaning = f"留空即为默认的“{YES if column.default else NO}”"
    raise CellError(f"应填“{YES}”或“{NO}”（{meaning}），却是“{_show(value)}”")


def _money(value: object) -> str:
    if isinstance(value, bool):
        raise CellError(f"应为金额（元），却是{_bool_name(value)}")
    if isinstance(value, int):
        return _fen(Decimal(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"应为金额（元），却是 {value}")
        return _fen(Decimal(repr(value)))
    if isinstance(value, str):
        text = value.replace(",", "").replace("，", "").removesuffix("元").strip()
        if _MONEY_TEXT.fullmatch(text):
            return _fen(Decimal(text))
        raise CellError(f"应为金额（元，数字，如 1800000.00），却是文字“{_show(value)}”")
    raise CellError(f"应为金额（元），却是{_what(value)}")


_FEN = Decimal("0.01")


def _fen(amount: Decimal) -> str:
    """An amount to the fen (``1800000`` → ``1800000.00``), as the ledger shows it; more decimals are kept, for
    the model to refuse."""
    with suppress(InvalidOperation):  # too many digits to quantize: the model refuses it
        if amount == amount.quantize(_FEN, rounding=ROUND_DOWN):
            amount = amount.quantize(_FEN)
    return _plain(amount)


def _plain(amount: Decimal) -> str:
    """A decimal without an exponent (``1E+2`` → ``100``)."""
    try:
        return f"{amount:f}"
    except (InvalidOperation, ValueError):  # pragma: no cover - a finite Decimal always formats
        raise CellError(f"应为金额（元），却是 {amount}") from None


def _int(value: object) -> int:
    if isinstance(value, bool):
        raise CellError(f"应为整数，却是{_bool_name(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INT_TEXT.fullmatch(value):
        return int(value)
    raise CellError(f"应为整数，却是“{_show(value)}”")


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise CellError(f"应为文字，却是{_bool_name(value)}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        raise CellError(f"应为文字，却是日期 {_show(value)}")
    raise CellError(f"应为文字，却是{_what(value)}")


def _enum(value: object, enum: type[Named]) -> str:
    text = _text(value)
    names = enum_names(enum)
    if text in names:
        return names[text].value
    if text in {m.value for m in enum}:
        return text
    allowed = "、".join(names)
    raise CellError(f"“{_show(text)}”不是可选的名称；可选：{allowed}")


def _what(value: object) -> str:
    if isinstance(value, time):
        return f"时间 {value}"
    if isinstance(value, timedelta):
        return f"时长 {value}"
    return f"{type(value).__name__} {_show(value)}"


# ----------------------------------------------------------------------------------------------- writing

_EXACT_FLOAT_DIGITS = 15
"""Excel keeps 15 significant digits of a number: an amount with more is written as text (still exact)."""


def write_cell(column: Column, value: Any) -> object:
    """The cell's value for the model's ``value`` (a date, a number, 是/否, a name, names joined by 、);
    None for a value that is not given (the cell stays blank)."""
    if value is None:
        return None
    kind = column.kind
    if kind in (Kind.BOOL, Kind.PRESENCE):
        return YES if value else NO
    if kind is Kind.MONEY:
        amount = Decimal(value)
        as_float = float(amount)
        if len(amount.as_tuple().digits) <= _EXACT_FLOAT_DIGITS and Decimal(repr(as_float)) == amount:
            return as_float
        return _plain(amount)
    if kind is Kind.ENUM:
        return value.name_zh if isinstance(value, Named) else str(value)
    if kind in (Kind.ENUM_LIST, Kind.TEXT_LIST):
        items = [v.name_zh if isinstance(v, Named) else str(v) for v in value]
        if not items:
            return NONE if column.nullable_list else None
        return LIST_SEPARATOR.join(items)
    return value


# ------------------------------------------------------------------------------------------------- notes


def blank_means(column: Column) -> str:
    """What a blank cell of ``column`` means, in Chinese."""
    if column.key:
        return "必填"
    if column.kind is Kind.PRESENCE:
        return "是：项目属于此类（本组其他列可空白）；空白：本组其他列有填写即属于，否则不属于"
    if column.source is not None:
        return "空白：无此来源资金"
    if column.required:
        return "本组有任何一列填写时必填"
    if column.kind is Kind.DATE:
        return "空白：尚未发生"
    if column.kind is Kind.ENUM_LIST:
        return "空白：不知道；填“无”：一个也没有" if column.nullable_list else "空白或“无”：没有"
    if column.kind is Kind.TEXT_LIST:
        return "空白或“无”：没有"
    if column.kind is Kind.BOOL and column.default is not None:
        return f"空白即“{YES if column.default else NO}”（默认）"
    return "空白：不知道（需要它的规则结论为“无法判断”）"


def describe(column: Column) -> str:
    """The note on a column's header: the field, what to write, what a blank means."""
    from tinghu_policy.ledger.layout import KIND_ZH

    lines = [f"字段：{column.fact or column.header}"]
    if column.description:
        lines.append(column.description)
    what = KIND_ZH[column.kind]
    if column.enum is not None:
        names = "、".join(enum_names(column.enum))
        what = f"{what}：{names}" if column.kind is Kind.ENUM else f"{what}；可选：{names}"
    if column.max_length and column.kind is Kind.TEXT:
        what += f"，最多{column.max_length}字"
    if column.minimum is not None or column.maximum is not None:
        low = "" if column.minimum is None else str(column.minimum)
        high = "" if column.maximum is None else str(column.maximum)
        what += f"，{low}–{high}"
    lines.append(f"填写：{what}")
    lines.append(blank_means(column))
    return "\n".join(lines)
