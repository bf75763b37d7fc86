"""The OpenAPI 3.1 document, assembled from the same pydantic models as the JSON Schemas in ``schemas/``.

The components are generated in one pass by pydantic (:func:`pydantic.json_schema.models_json_schema`) from
:class:`~tinghu_policy.facts.Project` (as read), :class:`~tinghu_policy.engine.Report` (as written), the request
model and the answers; FastAPI contributes the paths. ``tests/server/test_openapi.py`` checks that the document is
valid OpenAPI 3.1 and that its ``Project`` and ``Report`` are the committed ``project.schema.json`` and
``report.schema.json``, reference for reference.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, cast

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from tinghu_policy.engine import Report
from tinghu_policy.facts import Project
from tinghu_policy.server import answers
from tinghu_policy.server.bodies import EvaluateRequest

Mode = Literal["validation", "serialization"]
REF = "#/components/schemas/{model}"
INPUTS: tuple[type[BaseModel], ...] = (EvaluateRequest, Project)
OUTPUTS: tuple[type[BaseModel], ...] = (
    Report,
    answers.Problem,
    answers.Health,
    answers.ProvisionList,
    answers.ProvisionAnswer,
    answers.RuleList,
    answers.RuleAnswer,
    answers.DecisionList,
    answers.DeadlineAnswer,
    answers.VersionAnswer,
    answers.CaseList,
    answers.CaseAnswer,
    answers.NamesAnswer,
)
DESCRIPTION = """\
《盐城市亭湖区政务信息化项目建设管理办法（试行）》 as a service: every answer traceable to a provision, explained in
Chinese and English, reproducible.

* Every JSON answer carries `format_version` and `provenance` (library version, a digest of the edition of the
  regulation, the calendar data with its corrections and overlays); every response names them in `Tinghu-*` headers.
  A report with its request re-runs to the same bytes.
* Errors are `application/problem+json` (RFC 9457) with the fields that failed and the command line's messages.
* `/v1/…` needs `Authorization: Bearer TOKEN` when the server was started with a token.
"""


@cache
def components() -> tuple[dict[tuple[type[BaseModel], Mode], dict[str, Any]], dict[str, Any]]:
    """The reference of each model and every component schema."""
    pairs: list[tuple[type[BaseModel], Mode]] = [(m, "validation") for m in INPUTS]
    pairs += [(m, "serialization") for m in OUTPUTS]
    mapping, defs = models_json_schema(pairs, ref_template=REF)
    refs = cast(dict[tuple[type[BaseModel], Mode], dict[str, Any]], dict(mapping))
    return refs, cast(dict[str, Any], defs.get("$defs", {}))


def ref(model: type[BaseModel], mode: Mode = "serialization") -> dict[str, Any]:
    return dict(components()[0][(model, mode)])


def _problem_responses(*codes: int) -> dict[str, Any]:
    texts = {
        400: "The body cannot be read (not UTF-8, not JSON or YAML, a duplicate key…).",
        401: "A bearer token is required, or the one sent is wrong.",
        404: "No such provision, rule, schema or case.",
        406: "Neither JSON nor iCalendar is acceptable to the client.",
        413: "The body is larger than the server's limit.",
        415: "The body is neither JSON nor YAML.",
        422: "The input does not fit the contract: `errors` names each field (and its line).",
        503: "The time limit ran out (queueing included).",
    }
    return {
        str(code): {
            "description": texts[code],
            "content": {"application/problem+json": {"schema": ref(answers.Problem)}},
        }
        for code in codes
    }


def _query(name: str, description: str, schema: dict[str, Any], *, required: bool = False) -> dict[str, Any]:
    parameter: dict[str, Any] = {"name": name, "in": "query", "description": description, "schema": schema}
    if required:
        parameter["required"] = True
    if schema.get("type") == "array":
        parameter["explode"] = True
        parameter["style"] = "form"
    return parameter


_AS_OF = _query(
    "as_of",
    "The date to evaluate on (YYYY-MM-DD, Asia/Shanghai); wins over the body's.",
    {"type": "string", "format": "date"},
)
_OPTION = _query(
    "option",
    "An interpretation option, NAME=VALUE as the CLI's --option (D5=at_least or serious_overdue_boundary="
    "at_least); repeatable; wins over the body's. GET /v1/decisions lists them.",
    {"type": "array", "items": {"type": "string", "pattern": "^[^=]+=.*$"}},
)
_OVERLAY = _query(
    "calendar_overlay",
    "The name of a calendar overlay the server loaded at start-up (GET /v1/version lists them); repeatable, "
    "applied in order; wins over the body's list. Never a file path.",
    {"type": "array", "items": {"type": "string"}, "maxItems": 16},
)


def _ok(model: type[BaseModel], description: str = "The answer.") -> dict[str, Any]:
    return {"200": {"description": description, "content": {"application/json": {"schema": ref(model)}}}}


def _extra(name: str) -> dict[str, Any]:
    """The parts of each operation FastAPI cannot know (handlers read the query and the body themselves)."""
    body_schema = {"anyOf": [ref(EvaluateRequest, "validation"), ref(Project, "validation")]}
    if name == "evaluate":
        return {
            "parameters": [_AS_OF, _OPTION, _OVERLAY],
            "requestBody": {
                "required": True,
                "description": "A request {project, as_of, interpretation, calendar_overlays}, a corpus case, or a "
                "bare project; JSON or YAML (read by the CLI's hardened parsers).",
                "content": {
                    "application/json": {"schema": body_schema},
                    "application/yaml": {"schema": body_schema},
                },
            },
            "responses": {
                "200": {
                    "description": "The report: exactly Report.to_json() (Accept: application/json), or the open "
                    "deadlines as iCalendar (Accept: text/calendar).",
                    "content": {
                        "application/json": {"schema": ref(Report)},
                        "text/calendar": {"schema": {"type": "string"}},
                    },
                },
                **_problem_responses(400, 401, 406, 413, 415, 422, 503),
            },
        }
    if name == "batch":
        view = _query(
            "view",
            "report: each line carries the whole report; findings: counts and compact findings.",
            {"type": "string", "enum": ["report", "findings"], "default": "report"},
        )
        return {
            "parameters": [_AS_OF, _OPTION, _OVERLAY, view],
            "requestBody": {
                "required": True,
                "description": "JSON lines: each line a request or a bare project (x-line-schema). Read as it "
                "arrives; the client must read the answer while it sends.",
                "content": {
                    "application/x-ndjson": {"schema": {"type": "string", "x-line-schema": body_schema}}
                },
            },
            "responses": {
                "200": {
                    "description": "JSON lines, one per non-blank input line, in input order: {line, ok: true, "
                    "project, as_of, report} or {line, ok: false, error: problem}. Streamed.",
                    "content": {
                        "application/x-ndjson": {
                            "schema": {"type": "string", "x-line-report-schema": ref(Report)}
                        }
                    },
                },
                **_problem_responses(401, 415, 422),
            },
        }
    if name == "deadline":
        return {
            "parameters": [
                _query(
                    "start",
                    "The day of the event (YYYY-MM-DD).",
                    {"type": "string", "format": "date"},
                    required=True,
                ),
                _query(
                    "period",
                    "N wd (working days), d (days), m (months) or y (years): 5wd, 15d, 6m, 1y.",
                    {"type": "string", "pattern": "^[1-9][0-9]{0,3}(wd|d|m|y)$"},
                    required=True,
                ),
                _query(
                    "limit",
                    "true: the day the period is complete, never rolled over (the boundary of D5).",
                    {"type": "boolean", "default": False},
                ),
                _OPTION,
                _OVERLAY,
            ],
            "responses": {**_ok(answers.DeadlineAnswer), **_problem_responses(401, 422, 503)},
        }
    simple: dict[str, tuple[type[BaseModel], tuple[int, ...]]] = {
        "provisions": (answers.ProvisionList, (401,)),
        "provision": (answers.ProvisionAnswer, (401, 404)),
        "rules": (answers.RuleList, (401,)),
        "rule": (answers.RuleAnswer, (401, 404)),
        "decisions": (answers.DecisionList, (401,)),
        "version": (answers.VersionAnswer, (401,)),
        "cases": (answers.CaseList, (401,)),
        "case": (answers.CaseAnswer, (401, 404)),
        "names": (answers.NamesAnswer, (401,)),
        "health": (answers.Health, ()),
    }
    if name == "schema":
        return {
            "responses": {
                "200": {
                    "description": "The JSON Schema, byte for byte the committed schemas/NAME.schema.json.",
                    "content": {"application/schema+json": {"schema": {"type": "object"}}},
                },
                **_problem_responses(401, 404),
            }
        }
    model, codes = simple[name]
    return {"responses": {**_ok(model), **_problem_responses(*codes)}}


_SUMMARIES = {
    "evaluate": "Evaluate a project as of a date: the report, or its deadlines as iCalendar",
    "batch": "Evaluate JSON lines of projects, answered line by line",
    "deadline": "Legal time: the due date of a period, each step explained",
    "provisions": "Every provision with its encoding status",
    "provision": "A provision: text, citation, status, rules",
    "rules": "Every rule with its provision",
    "rule": "A rule as `tinghu-policy explain` shows it",
    "decisions": "The interpretation decisions, their options and defaults",
    "schema": "A JSON Schema of the contract",
    "version": "The library, the regulation, the calendar data, the overlays and limits",
    "cases": "The corpus of worked cases",
    "case": "A corpus case, as written",
    "names": "The Chinese and English names of every code",
}


def route_docs(name: str, model: type[BaseModel] | None = None, *, auth: bool = True) -> dict[str, Any]:
    """Keyword arguments for a route decorator: summary and the OpenAPI parts the handler cannot declare."""
    key = "health" if model is answers.Health else name
    extra = _extra(key)
    if auth:
        extra["security"] = [{"bearer": []}]
    return {
        "summary": _SUMMARIES.get(name, name),
        "openapi_extra": extra,
        "response_model": None,
    }


def install_openapi(app: FastAPI) -> None:
    """Replace FastAPI's generator: its paths, these components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version="3.1.0",
                summary=app.summary,
                description=DESCRIPTION,
                routes=app.routes,
            )
            for path in document.get("paths", {}).values():
                for operation in path.values():
                    _drop_fastapi_validation(operation)
            document["components"] = {
                "schemas": components()[1],
                "securitySchemes": {
                    "bearer": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": "TINGHU_POLICY_TOKEN or --token-file of `tinghu-policy serve`.",
                    }
                },
            }
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _drop_fastapi_validation(operation: dict[str, Any]) -> None:
    """FastAPI documents its own 422 for path parameters; this server answers problem+json instead."""
    responses = operation.get("responses", {})
    for code, response in list(responses.items()):
        content = response.get("content", {})
        schema = content.get("application/json", {}).get("schema", {})
        if "HTTPValidationError" in str(schema.get("$ref", "")):
            del content["application/json"]
            if not content:
                del responses[code]
        elif code == "200" and content.get("application/json", {}).get("schema") == {} and len(content) > 1:
            del content["application/json"]
