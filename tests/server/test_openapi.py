"""The OpenAPI document: valid OpenAPI 3.1, every route in it, and its Project and Report are the committed JSON
Schemas (generated from the same models, so they cannot drift)."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

from tinghu_policy.schemas import schema as generated_schema

from .support import ROOT, Server

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
ROUTES = {
    ("post", "/v1/evaluate"),
    ("post", "/v1/batch"),
    ("get", "/v1/deadline"),
    ("get", "/v1/provisions"),
    ("get", "/v1/provisions/{provision_id}"),
    ("get", "/v1/rules"),
    ("get", "/v1/rules/{rule_id}"),
    ("get", "/v1/decisions"),
    ("get", "/v1/names"),
    ("get", "/v1/schemas/{name}"),
    ("get", "/v1/version"),
    ("get", "/v1/cases"),
    ("get", "/v1/cases/{case_id}"),
    ("get", "/healthz"),
}


@pytest.fixture(scope="module")
def document(server: Server) -> dict[str, Any]:
    reply = server.get("/openapi.json", token=False)
    assert reply.status == 200
    data: dict[str, Any] = reply.json()
    return data


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def resolve(document: dict[str, Any], pointer: str) -> Any:
    assert pointer.startswith("#/"), pointer
    node: Any = document
    for part in pointer[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert re.fullmatch(r"3\.1\.\d+", document["openapi"])
    assert document["info"]["title"]
    assert document["info"]["version"]
    assert set(document) <= {
        "openapi",
        "info",
        "jsonSchemaDialect",
        "servers",
        "paths",
        "webhooks",
        "components",
        "security",
        "tags",
        "externalDocs",
    }
    for path, item in document["paths"].items():
        assert path.startswith("/")
        templated = set(re.findall(r"{([^}]+)}", path))
        for method, operation in item.items():
            assert method in METHODS, (path, method)
            assert operation["responses"], (path, method)
            for code, response in operation["responses"].items():
                assert re.fullmatch(r"[1-5](\d\d|XX)|default", code), (path, code)
                assert response["description"], (path, code)
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                assert parameter["in"] in {"query", "header", "path", "cookie"}
                assert "schema" in parameter or "content" in parameter
            in_path = {p["name"] for p in parameters if p["in"] == "path"}
            assert in_path == templated, (path, in_path)
            assert all(p["required"] for p in parameters if p["in"] == "path")
            names = [(p["name"], p["in"]) for p in parameters]
            assert len(names) == len(set(names)), (path, names)
    for name, schema in document["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)  # OpenAPI 3.1 schemas are JSON Schema 2020-12
        assert re.fullmatch(r"[A-Za-z0-9._-]+", name)
    for pointer in refs(document):
        resolve(document, pointer)  # every reference resolves


def test_every_route_is_documented(document: dict[str, Any]) -> None:
    documented = {(m, p) for p, item in document["paths"].items() for m in item}
    assert documented == ROUTES
    secured = {
        (m, p) for p, item in document["paths"].items() for m, op in item.items() if op.get("security")
    }
    assert secured == {r for r in ROUTES if r[1].startswith("/v1/")}


def dereference(node: Any, root: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every $ref replaced by its target (keywords beside a $ref kept; a reference back into itself
    stays a marker)."""
    if isinstance(node, dict):
        rest = {k: dereference(v, root, seen) for k, v in node.items() if k != "$ref"}
        if "$ref" not in node:
            return rest
        pointer = node["$ref"]
        if pointer in seen:
            return {"$ref": "(recursive)", **rest}
        target = dereference(resolve(root, pointer), root, (*seen, pointer))
        return {**target, **rest} if isinstance(target, dict) else target
    if isinstance(node, list):
        return [dereference(v, root, seen) for v in node]
    return node


def contract(name: str) -> Any:
    """The committed schema, dereferenced, without the head only a standalone file carries."""
    committed: dict[str, Any] = json.loads(
        (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    assert committed == generated_schema(name), (
        f"schemas/{name}.schema.json is stale: regenerate with tinghu-policy schema --write schemas/"
    )
    body = {
        k: v
        for k, v in committed.items()
        if k not in ("$schema", "$id", "title", "description", "x-format-version", "$defs")
    }
    return dereference(body, committed)


def without_titles(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: without_titles(v) for k, v in node.items() if k not in ("title", "description")}
    if isinstance(node, list):
        return [without_titles(v) for v in node]
    return node


def test_project_and_report_are_the_json_schemas(document: dict[str, Any]) -> None:
    evaluate = document["paths"]["/v1/evaluate"]["post"]
    report_ref = evaluate["responses"]["200"]["content"]["application/json"]["schema"]
    body = evaluate["requestBody"]["content"]["application/json"]["schema"]["anyOf"]
    request = resolve(document, body[0]["$ref"])
    project_ref = request["properties"]["project"]
    assert resolve(document, body[1]["$ref"]) == resolve(document, project_ref["$ref"])
    for name, ref in (("report", report_ref), ("project", project_ref)):
        ours = dereference(ref, document)
        theirs = contract(name)
        assert without_titles(ours) == without_titles(theirs), name
        assert ours.get("properties", {}).keys() == theirs.get("properties", {}).keys()
