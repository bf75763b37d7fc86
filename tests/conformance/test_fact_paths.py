"""Every check a finding shows names a fact that exists in the project (``Label.fact``, e.g. ``review[0].revised``)
and shows that fact's value: an explanation that points at the wrong round or field is a wrong answer too. And the
findings' keys are stable: a rule that finds several times gives each finding its own subject.

Paths are dotted field names with ``[n]`` list indices (``-1``: the last); a dict of departments is entered by the
department's id (``department_opinions.finance_bureau``), a list of documents by the document's id
(``documents.request``: whether it was filed).
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

import pytest
from pydantic import BaseModel

from tinghu_policy.conformance import LoadedCase, load_corpus
from tinghu_policy.engine import Report
from tinghu_policy.facts import Project

CASES = load_corpus()
SEGMENT = re.compile(r"^(?P<name>[^\[\].]+)(?:\[(?P<index>-?\d+)\])?$")
UNKNOWN: Any = object()
"""The value of a path below a fact that is not given (the path is still checked against the model)."""


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _enum_values(annotation: Any) -> set[str] | None:
    kind = _unwrap(annotation)
    return {str(e.value) for e in kind} if isinstance(kind, type) and issubclass(kind, Enum) else None


def resolve(project: Project, path: str) -> Any:
    """The value at ``path`` (``UNKNOWN`` below a fact not given); AssertionError says why a path is wrong."""
    kind: Any = Project
    value: Any = project
    for part in path.split("."):
        match = SEGMENT.match(part)
        assert match, f"{path}: {part!r} is not a field name with an optional [index]"
        name, index = match["name"], match["index"]
        kind = _unwrap(kind)
        origin = typing.get_origin(kind)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            assert name in kind.model_fields, f"{path}: {kind.__name__} has no field {name!r}"
            kind = kind.model_fields[name].annotation
            value = getattr(value, name) if value not in (None, UNKNOWN) else UNKNOWN
        elif origin is dict:
            key_kind, kind = typing.get_args(kind)
            keys = _enum_values(key_kind)
            assert keys is None or name in keys, f"{path}: {name!r} is not one of {sorted(keys or ())}"
            entries = {getattr(k, "value", k): v for k, v in value.items()} if isinstance(value, dict) else {}
            value = entries.get(name, UNKNOWN)
        elif origin is tuple and index is None and name in (_enum_values(typing.get_args(kind)[0]) or ()):
            kind = bool
            value = (
                any(getattr(v, "value", v) == name for v in value) if isinstance(value, tuple) else UNKNOWN
            )
            continue
        else:
            pytest.fail(f"{path}: cannot take {name!r} of {kind}")
        if index is not None:
            kind = _unwrap(kind)
            assert typing.get_origin(kind) is tuple, f"{path}: {name} is not a list"
            kind = typing.get_args(kind)[0]
            if isinstance(value, tuple):
                assert -len(value) <= int(index) < len(value), f"{path}: {name} has {len(value)} entries"
                value = value[int(index)]
            else:
                value = UNKNOWN
    return value


def check_report(project: Project, report: Report) -> None:
    """Every check of every finding names a fact of ``project`` and shows its value, and a rule that finds several
    times gives each finding its own subject (the stable key ``(rule, subject)``); AssertionError if not."""
    subjects: dict[str, list[str | None]] = {}
    for finding in report.findings:
        subjects.setdefault(finding.rule, []).append(finding.subject)
    for rule, found in subjects.items():
        assert len(found) == len(set(found)), f"{rule}: a subject is reported twice: {found}"
        assert len(found) == 1 or None not in found, (
            f"{rule}: a finding without a subject among others: {found}"
        )
    for finding in report.findings:
        for check in finding.checks:
            value = resolve(project, check.fact)
            shown = check.actual
            if type(shown) in (date, bool) and type(value) is type(shown):
                assert value == shown, (
                    f"{finding.rule} [{finding.subject}]: {check.fact} is {value} in the project "
                    f"but the check shows {shown}"
                )


@pytest.mark.parametrize("loaded", CASES, ids=[c.id for c in CASES])
def test_every_check_names_an_existing_fact_and_every_key_is_unique(loaded: LoadedCase) -> None:
    check_report(loaded.case.project, loaded.case.run())


def test_a_wrong_path_is_caught() -> None:
    project = next(c.case.project for c in CASES if c.case.project.review)
    with pytest.raises(AssertionError, match="has no field 'recieved'"):
        resolve(project, "review[0].recieved")
    with pytest.raises(AssertionError, match="entries"):
        resolve(project, f"review[{len(project.review)}].received")
    with pytest.raises(AssertionError, match="is not one of"):
        resolve(project, "review[0].department_opinions.mayor")
