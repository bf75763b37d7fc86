"""The language-neutral contract: JSON Schema files generated from the pydantic models.

``schemas/<name>.schema.json`` in the source tree (and ``tinghu_policy/_bundled/schemas`` in the wheel) are the
committed contract; this module generates them, ``tinghu-policy schema --write schemas/`` rewrites them and
``tinghu-policy schema --check schemas/`` (run by CI and by ``tests/conformance/test_schemas.py``) fails when they
are stale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from tinghu_policy.conformance.protocol import CaseInput, FindingsOutput
from tinghu_policy.corpus import Case
from tinghu_policy.engine import FORMAT_VERSION, Report
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project

SCHEMA_VERSION = FORMAT_VERSION
"""The version of the contract: the report's ``format_version`` (and the protocol's), bumped on a breaking change."""
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SUFFIX = ".schema.json"


@dataclass(frozen=True, slots=True)
class SchemaSpec:
    """A schema: the model it is generated from, and whether it describes input or output."""

    name: str
    model: type[BaseModel]
    mode: Literal["validation", "serialization"]
    title: str
    description: str


SPECS: tuple[SchemaSpec, ...] = (
    SchemaSpec(
        "project",
        Project,
        "validation",
        "tinghu-policy project",
        "A district government IT project's facts, as tinghu_policy.evaluate and `tinghu-policy evaluate` read them.",
    ),
    SchemaSpec(
        "case",
        Case,
        "validation",
        "tinghu-policy corpus case",
        "A worked case of the corpus: facts, a date, interpretation overrides and the findings they must give "
        "(an expected finding without `due` does not check the due date). "
        "`tinghu-policy conform --emit-json DIR` writes every case in this shape.",
    ),
    SchemaSpec(
        "case-input",
        CaseInput,
        "validation",
        "tinghu-policy conformance input",
        "What an implementation reads on stdin under the conformance protocol: one case without its expected "
        "findings, with the interpretation and the project spelled out in full.",
    ),
    SchemaSpec(
        "findings",
        FindingsOutput,
        "validation",
        "tinghu-policy conformance output",
        "What an implementation writes on stdout under the conformance protocol: its findings "
        "(rule, subject, status, due), each (rule, subject) pair at most once.",
    ),
    SchemaSpec(
        "report",
        Report,
        "serialization",
        "tinghu-policy report",
        "Everything the rules found about one project as of one date: Report.to_json() and "
        "`tinghu-policy evaluate --format json`.",
    ),
)


def names() -> tuple[str, ...]:
    return tuple(s.name for s in SPECS)


def spec(name: str) -> SchemaSpec:
    for s in SPECS:
        if s.name == name:
            return s
    raise TinghuPolicyError(f"unknown schema {name!r}; the schemas are {', '.join(names())}")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``name`` with its ``$id``, title and format version."""
    s = spec(name)
    generated = s.model.model_json_schema(mode=s.mode)
    generated.pop("title", None)
    generated.pop("description", None)
    return {
        "$schema": DIALECT,
        "$id": f"urn:tinghu-policy:schema:{name}:{SCHEMA_VERSION}",
        "title": s.title,
        "description": s.description,
        "x-format-version": SCHEMA_VERSION,
        **generated,
    }


def render(name: str) -> str:
    """The schema as the committed file holds it: indented JSON, UTF-8, a final newline."""
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def write(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names():
        path = directory / f"{name}{SUFFIX}"
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path) -> list[str]:
    """What differs between ``directory`` and the generated schemas: missing, out-of-date and unknown files."""
    problems = []
    for name in names():
        path = directory / f"{name}{SUFFIX}"
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != render(name):
            problems.append(f"{path}: out of date")
    known = {f"{n}{SUFFIX}" for n in names()}
    problems += [
        f"{p}: not a generated schema" for p in sorted(directory.glob(f"*{SUFFIX}")) if p.name not in known
    ]
    return problems
