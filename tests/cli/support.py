"""Helpers of the CLI tests: run a command through ``run`` (as the console script does) and capture its output."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import tinghu_policy.cli  # noqa: F401  (registers every command)
from tinghu_policy.cli.app import app, run
from tinghu_policy.engine import Report
from tinghu_policy.samples import sample_text

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Ran:
    """A command's exit status and output."""

    status: int
    out: str
    err: str

    @property
    def message(self) -> str:
        """Standard error with the console's line wrapping undone (words joined by single spaces)."""
        return " ".join(self.err.split())


def tinghu(capsys: pytest.CaptureFixture[str], *args: str) -> Ran:
    """Run ``tinghu-policy ARGS`` in-process through :func:`tinghu_policy.cli.run`."""
    status = run(app, list(args))
    captured = capsys.readouterr()
    return Ran(status, captured.out, captured.err)


def sample_case() -> dict[str, Any]:
    """The whole-life sample, parsed as plain YAML."""
    data: dict[str, Any] = yaml.safe_load(sample_text())
    return data


def sample_project_json() -> dict[str, Any]:
    """The sample's project as JSON-ready data (dates as strings)."""
    data: dict[str, Any] = json.loads(json.dumps(sample_case()["project"], default=str))
    return data


SAMPLE_AS_OF = date(2026, 3, 16)


def report_validator() -> Draft202012Validator:
    """The committed report schema (``schemas/report.schema.json``), else the model's own serialisation schema."""
    committed = ROOT / "schemas" / "report.schema.json"
    if committed.is_file():
        return Draft202012Validator(json.loads(committed.read_text("utf-8")))
    return Draft202012Validator(Report.model_json_schema(mode="serialization"))
