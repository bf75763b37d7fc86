"""The committed JSON Schemas are current, valid, and describe what the library reads and writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tinghu_policy import schemas
from tinghu_policy.cli.app import app, run
from tinghu_policy.conformance import CaseInput, load_corpus
from tinghu_policy.conformance.protocol import findings_json
from tinghu_policy.corpus import actual_findings

from .support import ROOT

CASES = load_corpus()


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text("utf-8")))


def test_committed_schemas_are_current() -> None:
    """Regenerate with ``tinghu-policy schema --write schemas/`` when a model changes."""
    assert schemas.stale(ROOT / "schemas") == []


@pytest.mark.parametrize("name", schemas.names())
def test_schema_is_valid_json_schema_with_id_title_and_version(name: str) -> None:
    document = schemas.schema(name)
    Draft202012Validator.check_schema(document)
    assert document["$id"] == f"urn:tinghu-policy:schema:{name}:{schemas.SCHEMA_VERSION}"
    assert document["title"].startswith("tinghu-policy")
    assert document["x-format-version"] == schemas.SCHEMA_VERSION


def _case_json(case_id: str) -> dict[str, Any]:
    loaded = next(c for c in CASES if c.id == case_id)
    data = loaded.case.model_dump(mode="json", exclude_unset=True)
    data["project"] = loaded.case.project.model_dump(mode="json")
    return data


@pytest.mark.parametrize("loaded", CASES, ids=[c.id for c in CASES])
def test_every_case_its_input_its_report_and_its_findings_fit_the_schemas(loaded: Any) -> None:
    case_input = CaseInput.of(loaded.id, loaded.case)
    report = loaded.case.run()
    for name, document in (
        ("case", _case_json(loaded.id)),
        ("case-input", json.loads(case_input.to_json())),
        ("project", loaded.case.project.model_dump(mode="json")),
        ("report", json.loads(report.to_json())),
        ("findings", json.loads(findings_json(actual_findings(report)))),
    ):
        errors = [e.message for e in validator(name).iter_errors(document)]
        assert not errors, f"{loaded.id} does not fit {name}.schema.json: {errors}"


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("findings", {"findings": [{"rule": "art11.filing_set", "status": "passed"}]}),
        (
            "findings",
            {"findings": [{"rule": "art11.filing_set", "status": "holds", "due_date": "2025-01-01"}]},
        ),
        ("findings", {"results": []}),
        ("findings", {"findings": [{"rule": "", "status": "holds"}]}),
    ],
)
def test_the_output_schema_refuses_what_the_runner_refuses(name: str, document: dict[str, Any]) -> None:
    assert list(validator(name).iter_errors(document))


def test_a_case_with_an_unknown_field_does_not_fit() -> None:
    data = _case_json(CASES[0].id) | {"expectations": []}
    assert list(validator("case").iter_errors(data))


def test_cli_prints_each_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(app, ["schema", "findings"]) == 0
    assert capsys.readouterr().out == schemas.render("findings")


def test_cli_check_fails_on_a_stale_folder_and_write_makes_it_current(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "report.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "old.schema.json").write_text("{}\n", encoding="utf-8")
    assert run(app, ["schema", "--check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "report.schema.json: out of date" in err
    assert "project.schema.json: missing" in err
    assert "old.schema.json: not a generated schema" in err
    (tmp_path / "old.schema.json").unlink()
    assert run(app, ["schema", "--write", str(tmp_path)]) == 0
    assert run(app, ["schema", "--check", str(tmp_path)]) == 0


def test_cli_refuses_an_unknown_schema_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(app, ["schema", "nope"]) == 2
    assert "'nope' is not one of" in capsys.readouterr().err
