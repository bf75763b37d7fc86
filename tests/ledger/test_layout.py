"""The layout is read off the facts model: every field has exactly one cell, every header is Chinese and unique."""

from __future__ import annotations

import re
import types
import typing
from collections import Counter
from typing import Any

from pydantic import BaseModel

from tinghu_policy.facts import Project
from tinghu_policy.ledger.layout import Kind, Layout, enum_names, every_column, sheets, unused_headers

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _leaves(model: type[BaseModel], prefix: str) -> list[str]:
    """Every field of the model that holds a value (not a part), as ``review[].initial_opinion.issued``."""
    found = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = _unwrap(info.annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.extend(_leaves(annotation, f"{path}."))
            continue
        if typing.get_origin(annotation) is tuple:
            item = _unwrap(typing.get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                found.extend(_leaves(item, f"{path}[]."))
                continue
        found.append(path)
    return found


def _placed() -> list[str]:
    """Every field the ledger's columns fill, in the same notation."""
    placed = []
    for found in sheets():
        for column in found.columns:
            if column.key or column.kind is Kind.PRESENCE:
                continue
            if column.source is not None:
                placed.extend(["funding[].source", "funding[].amount"])
            elif found.layout is Layout.CHOICE:
                placed.extend(f"{'.'.join(path)}[].{'.'.join(column.path)}" for _, path in found.choices)
            elif found.layout is Layout.OPINIONS:
                placed.append("review[].department_opinions")
            elif found.layout is Layout.DATES:
                placed.append(".".join(found.target))
            elif found.layout is Layout.ITEMS:
                placed.append(f"{'.'.join(found.target)}[].{'.'.join(column.path)}")
            else:
                placed.append(".".join(column.path))
    return placed


def test_every_field_of_the_facts_model_has_exactly_one_place() -> None:
    placed = Counter(_placed())
    placed["funding[].source"] = placed["funding[].amount"] = 1  # one column per source fills both
    assert set(placed) == set(_leaves(Project, ""))
    assert [path for path, n in placed.items() if n > 1] == []


def test_headers_are_chinese_and_unique_in_their_sheet_and_sheet_names_are_valid() -> None:
    names = [s.name for s in sheets()]
    assert len(set(names)) == len(names)
    for found in sheets():
        assert len(found.name) <= 31
        assert not set(found.name) & set("[]:*?/\\")
        headers = [c.header for c in found.columns]
        assert len(set(headers)) == len(headers), found.name
        assert all(_CJK.search(h) for h in headers), headers
        assert found.columns[0].header == "项目编号"


def test_every_header_written_down_is_used() -> None:
    assert unused_headers() == set()


def test_names_in_a_drop_down_list_are_unique_and_map_back() -> None:
    for _, column in every_column():
        if column.enum is None:
            continue
        names = enum_names(column.enum)
        assert len(names) == len(list(column.enum))
        assert all("、" not in name for name in names) or column.kind is Kind.ENUM
