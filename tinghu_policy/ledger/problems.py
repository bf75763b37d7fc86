"""A problem found in a ledger, and pydantic's errors said in Chinese.

Every problem names where it is — the sheet and the cell (``审核轮次!D7``), or the row when no one cell is to
blame — the field (its Chinese header and its path in the facts model) and the reason, in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tinghu_policy.names import fact_zh


@dataclass(frozen=True, slots=True)
class Problem:
    """A cell, row or sheet of the ledger that could not be read, or a fact the model refuses."""

    sheet: str | None
    cell: str | None
    """``D7``, or ``7`` (a row), or None (the sheet or the workbook)."""
    reason: str
    header: str | None = None
    fact: str | None = None
    project: str | None = None

    @property
    def where(self) -> str:
        if self.sheet is None:
            return "工作簿"
        if self.cell is None:
            return f"{self.sheet}"
        if self.cell.isdigit():
            return f"{self.sheet}!第{self.cell}行"
        return f"{self.sheet}!{self.cell}"

    @property
    def field(self) -> str:
        """The field as a reader names it: 初审意见出具日期（review[0].initial_opinion.issued）."""
        if self.header and self.fact:
            return f"{self.header}（{self.fact}）"
        return self.header or self.fact or ""

    def __str__(self) -> str:
        field = self.field
        return f"{self.where} {field}：{self.reason}" if field else f"{self.where}：{self.reason}"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "project": self.project,
            "sheet": self.sheet,
            "cell": self.cell,
            "field": self.header,
            "fact": self.fact,
            "reason": self.reason,
        }


_BEFORE = re.compile(
    r"(?P<later>[\w.\[\]\-]+) \((?P<then>\d{4}-\d{2}-\d{2})\) is before (?P<earlier>[\w.\[\]\-]+) "
    r"\((?P<first>\d{4}-\d{2}-\d{2})\)"
)
_DATED_PATH = re.compile(r"([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*) \(\d{4}-\d{2}-\d{2}\)")
_LEADING_PATH = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*):")


def paths_in(message: str) -> list[str]:
    """The field paths a model's message names: each one followed by its date (``review[1].received
    (2024-10-01)``), or the one the message starts with (``reason: give it …``)."""
    found = [m.group(1) for m in _DATED_PATH.finditer(message)]
    leading = _LEADING_PATH.match(message)
    return [leading.group(1), *found] if leading else found


def reason_zh(error: Any, name: Any = None) -> str:
    """A pydantic error (a dict of ``type``, ``msg``, ``ctx``, ``input``) as a Chinese reason; ``name(path)``
    names a field path relative to the error's place (its header), else :func:`tinghu_policy.names.fact_zh`."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    value = error.get("input")
    msg = str(error.get("msg", ""))
    if kind == "missing":
        return "必填，未填写"
    if kind == "string_too_long":
        return f"最多{ctx.get('max_length')}个字，现有{len(value) if isinstance(value, str) else '更多'}个字"
    if kind == "string_too_short":
        return "不能为空"
    if kind == "string_pattern_mismatch":
        return "只能由字母、数字、汉字和 . - _ / 组成，不含空格"
    if kind == "too_long":
        return f"最多{ctx.get('max_length')}项"
    if kind == "greater_than_equal":
        return f"不能小于{ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"不能大于{ctx.get('le')}"
    if kind == "greater_than":
        return f"应大于{ctx.get('gt')}"
    if kind == "decimal_max_places":
        return f"金额最多{ctx.get('decimal_places')}位小数（到分）"
    if kind in ("decimal_max_digits", "decimal_whole_digits"):
        return f"金额最多{ctx.get('max_digits', 16)}位数字"
    if kind == "extra_forbidden":
        return "台账没有这一项"
    if kind == "enum":
        return f"不是可选的值：{value}"
    if kind == "value_error":
        return _value_error(msg.removeprefix("Value error, "), name)
    return f"不符合要求（{msg}）"


def _name(path: str, name: Any) -> str:
    found = name(path) if name is not None else None
    return found or fact_zh(path)


_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"give the rounds oldest first"),
        "各轮应按收到申请的先后编号：后一轮的收到申请日期不能早于前一轮",
    ),
    (
        re.compile(r"more than one (?:entry|report) for year (?P<years>[\d, ]+)"),
        "同一年度只能有一行：{years}年重复",
    ),
    (re.compile(r"(?P<what>[\w, ]+) listed more than once"), "同一事项只能有一行：重复的有{what}"),
    (re.compile(r"more than one report for (?P<what>[\w, ]+)"), "同一报告事项只能有一行：重复的有{what}"),
    (re.compile(r"only the first entry may omit since"), "只有最早的一行可以不填“自该日起”"),
    (re.compile(r"must be in order of since"), "各行的“自该日起”不能相同"),
    (re.compile(r"give result, day, or both"), "结果和日期至少填写一项"),
    (re.compile(r"has no date of conclusion"), "未进行或无需进行的，不填日期"),
    (
        re.compile(r"give it exactly when the result is not_required"),
        "结果为“无需进行”时必须填写理由，其他结果不填理由",
    ),
    (
        re.compile(r"not_required is not accepted"),
        "档案验收不能“无需进行”（第二十八条第二款）；未进行的填“未进行”",
    ),
    (re.compile(r"give each failed acceptance once"), "每次不合格的日期只填一次"),
    (re.compile(r"is also in failed"), "同一天的验收不能既合格又不合格"),
)


def _value_error(message: str, name: Any) -> str:
    match = _BEFORE.search(message)
    if match:
        return (
            f"{_name(match['later'], name)}（{match['then']}）早于{_name(match['earlier'], name)}"
            f"（{match['first']}）：后发生的事不能早于先发生的事"
        )
    for pattern, text in _KNOWN:
        found = pattern.search(message)
        if found:
            return text.format(**{k: _codes_zh(v) for k, v in found.groupdict().items()})
    return f"不符合要求（{message}）"


def _codes_zh(text: str) -> str:
    from tinghu_policy.names import code_zh

    return "、".join(code_zh(part.strip()) for part in text.split(",") if part.strip())
