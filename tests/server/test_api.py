"""Every endpoint through a real HTTP client against the real server on loopback."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tinghu_policy import Interpretation, evaluate
from tinghu_policy.cli.inputs import parse_input
from tinghu_policy.engine import Report
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.schemas import names as schema_names

from .conftest import MAX_BODY
from .support import ROOT, Server, sample_request, sample_yaml

V1_GETS = (
    "/v1/provisions",
    "/v1/provisions/art11.p1.i2",
    "/v1/rules",
    "/v1/rules/art11.initial_opinion",
    "/v1/decisions",
    "/v1/names",
    "/v1/schemas/report",
    "/v1/version",
    "/v1/cases",
    "/v1/deadline?start=2025-09-27&period=5wd",
)


def library_report(text: str, *, as_of: date | None = None, calendar: WorkCalendar | None = None) -> str:
    parsed = parse_input(text, "sample")
    day = as_of or parsed.as_of
    assert day is not None
    return evaluate(
        parsed.project, as_of=day, interpretation=parsed.interpretation, calendar=calendar
    ).to_json()


# --- evaluate ------------------------------------------------------------------------------------------------


def test_a_report_from_the_api_is_the_librarys_byte_for_byte(server: Server) -> None:
    reply = server.post("/v1/evaluate", sample_yaml(), "application/yaml")
    assert reply.status == 200, reply.text
    assert reply.media_type == "application/json"
    assert reply.text == library_report(sample_yaml())


def test_a_json_request_gives_the_same_report_as_the_yaml_case(server: Server) -> None:
    reply = server.post("/v1/evaluate", json.dumps(sample_request(), ensure_ascii=False))
    assert reply.status == 200, reply.text
    assert reply.text == library_report(sample_yaml())


def test_a_bare_project_with_as_of_in_the_query(server: Server) -> None:
    project = sample_request()["project"]
    reply = server.post("/v1/evaluate?as_of=2025-06-01", json.dumps(project, ensure_ascii=False))
    assert reply.status == 200, reply.text
    report = Report.model_validate_json(reply.body)
    assert report.as_of == date(2025, 6, 1)
    assert reply.text == library_report(sample_yaml(), as_of=date(2025, 6, 1))


def test_query_wins_over_the_body_and_options_name_decisions(server: Server) -> None:
    reply = server.post(
        "/v1/evaluate?as_of=2026-01-05&option=D5=at_least&option=year_end_rollover=true",
        sample_yaml(),
        "application/yaml",
    )
    assert reply.status == 200, reply.text
    report = reply.json()
    assert report["as_of"] == "2026-01-05"
    assert report["interpretation"]["serious_overdue_boundary"] == "at_least"
    assert report["interpretation"]["year_end_rollover"] is True


def test_the_report_carries_its_provenance(server: Server) -> None:
    report = server.post("/v1/evaluate", sample_yaml(), "application/yaml").json()
    provenance = report["provenance"]
    assert provenance["library"].startswith("tinghu-policy ")
    assert provenance["regulation"].startswith("sha256:")
    assert provenance["calendar"]["data"].startswith("chinesecalendar ")
    assert report["format_version"] == "2.0"
    assert set(Interpretation.model_fields) <= set(report["interpretation"])


PROJECT_2027 = {
    "id": "TH-2027-001",
    "name": "测试用项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "review": [{"received": "2027-09-28", "documents": ["request", "feasibility_study", "cost_assessment"]}],
}


def test_an_overlay_by_name_decides_a_year_beyond_the_data(server: Server, overlays: Path) -> None:
    request: dict[str, Any] = {"as_of": "2027-12-31", "project": PROJECT_2027}
    without = server.post("/v1/evaluate", json.dumps(request, ensure_ascii=False)).json()
    assert 2027 in without["calendar_years_missing"]
    request["calendar_overlays"] = ["test-2027"]
    reply = server.post("/v1/evaluate", json.dumps(request, ensure_ascii=False))
    assert reply.status == 200, reply.text
    report = reply.json()
    assert report["calendar_years_missing"] == []
    opinion = next(f for f in report["findings"] if f["rule"] == "art11.initial_opinion")
    assert (
        opinion["due"] == "2027-10-11"
    )  # 09-29, 09-30, then 10-08 (1 after the holiday)… as the overlay says
    (overlay,) = report["provenance"]["calendar"]["overlays"]
    assert overlay["year"] == 2027
    assert overlay["digest"].startswith("sha256:")
    # the same bytes as the library with the same overlay file
    calendar = WorkCalendar.default().with_overlay(overlays / "test-2027.yaml")
    expected = evaluate(PROJECT_2027, as_of=date(2027, 12, 31), calendar=calendar).to_json()
    assert reply.text == expected
    # the query's list wins over the body's
    queried = server.post(
        "/v1/evaluate?calendar_overlay=cn-2026", json.dumps(request, ensure_ascii=False)
    ).json()
    assert [o["year"] for o in queried["provenance"]["calendar"]["overlays"]] == [2026]
    # an iCalendar file has no room for the provenance: its headers say which overlays it used
    ics = server.post(
        "/v1/evaluate", json.dumps(request, ensure_ascii=False), headers={"Accept": "text/calendar"}
    )
    assert f"overlays 2027={overlay['digest']}" in ics.headers["tinghu-calendar"]


def test_an_unknown_overlay_and_a_path_are_refused(server: Server) -> None:
    for name in ("nope", "../etc/passwd"):
        request = {**sample_request(), "calendar_overlays": [name]}
        reply = server.post("/v1/evaluate", json.dumps(request, ensure_ascii=False))
        assert reply.status == 422, reply.text
        assert reply.media_type == "application/problem+json"
        assert reply.json()["errors"][0]["field"].startswith("calendar_overlays")


def test_accept_text_calendar_gives_the_ics(server: Server) -> None:
    from tinghu_policy.cli.ics import report_to_ical

    reply = server.post(
        "/v1/evaluate", sample_yaml(), "application/yaml", headers={"Accept": "text/calendar"}
    )
    assert reply.status == 200, reply.text
    assert reply.media_type == "text/calendar"
    assert reply.body.startswith(b"BEGIN:VCALENDAR")
    parsed = parse_input(sample_yaml(), "sample")
    assert parsed.as_of is not None
    assert reply.body == report_to_ical(evaluate(parsed.project, as_of=parsed.as_of))
    refused = server.post("/v1/evaluate", sample_yaml(), "application/yaml", headers={"Accept": "image/png"})
    assert refused.status == 406
    assert refused.media_type == "application/problem+json"


# --- problems ------------------------------------------------------------------------------------------------


def problem(reply: Any, status: int) -> dict[str, Any]:
    assert reply.status == status, reply.text
    assert reply.media_type == "application/problem+json"
    body: dict[str, Any] = reply.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:tinghu-policy:problem:")
    assert body["title"]
    assert body["detail"]
    assert "Traceback" not in reply.text
    assert 'File "' not in reply.text
    return body


def test_an_invalid_project_names_each_field_and_line_as_the_cli_does(server: Server) -> None:
    text = sample_yaml().replace("level: district", "level: county", 1)
    assert text != sample_yaml()
    body = problem(server.post("/v1/evaluate", text, "application/yaml"), 422)
    (error,) = body["errors"]
    assert error["field"] == "project.owner.level"
    assert (
        error["line"]
        == text.splitlines().index(next(li for li in text.splitlines() if "level: county" in li)) + 1
    )
    from tinghu_policy.yaml_input import InputError

    with pytest.raises(InputError) as cli:
        parse_input(text, "request body")
    assert body["detail"] == str(cli.value)


def test_a_json_error_names_its_line(server: Server) -> None:
    request = sample_request()
    request["project"]["category"] = "quantum"
    text = json.dumps(request, ensure_ascii=False, indent=2)
    body = problem(server.post("/v1/evaluate", text), 422)
    (error,) = body["errors"]
    assert error["field"] == "project.category"
    assert text.splitlines()[error["line"] - 1].strip().startswith('"category"')


@pytest.mark.parametrize(
    ("body", "content_type", "status", "words"),
    [
        (b'{"project": {}, "project": {}}', "application/json", 400, "appears twice"),
        (b"\xff\xfe{}", "application/json", 400, "not UTF-8"),
        (b'{"as_of": NaN}', "application/json", 400, "NaN"),
        (b"{", "application/json", 400, "not valid JSON"),
        (b"a: &x 1\nb: *x\n", "application/yaml", 400, "aliases"),
        (b"!!python/object:os.system {}", "application/yaml", 400, "not valid YAML"),
        (b"[" * 100 + b"]" * 100, "application/json", 400, "nested"),
        (b"", "application/json", 400, "empty"),
        (b"<project/>", "application/xml", 415, "not accepted"),
    ],
)
def test_unreadable_bodies(server: Server, body: bytes, content_type: str, status: int, words: str) -> None:
    found = problem(server.post("/v1/evaluate", body, content_type), status)
    assert words in found["detail"]


def test_as_of_is_required_and_dates_are_strict(server: Server) -> None:
    project = json.dumps(sample_request()["project"], ensure_ascii=False)
    missing = problem(server.post("/v1/evaluate", project), 422)
    assert missing["errors"][0]["field"] == "as_of"
    for bad in ("20250101", "2025-13-01", "tomorrow"):
        found = problem(server.post(f"/v1/evaluate?as_of={bad}", project), 422)
        assert found["errors"][0]["field"] == "query.as_of"
        assert found["detail"].startswith(f"as_of: '{bad}' is not a date")


def test_an_unknown_option_suggests_the_near_ones(server: Server) -> None:
    found = problem(
        server.post("/v1/evaluate?option=serious_overdue_boundry=at_least", sample_yaml(), "text/yaml"), 422
    )
    assert "did you mean serious_overdue_boundary" in found["detail"]
    assert found["errors"][0]["field"] == "query.option"


def test_a_body_over_the_limit_is_413(server: Server) -> None:
    padding = "#" + "x" * 1000 + "\n"
    text = sample_yaml() + padding * (MAX_BODY // len(padding) + 1)
    found = problem(server.post("/v1/evaluate", text, "application/yaml"), 413)
    assert str(MAX_BODY) in found["detail"]


def test_a_chunked_body_over_the_limit_is_413(server: Server) -> None:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        chunks = (b"#" + b"x" * 9999 + b"\n" for _ in range(MAX_BODY // 10_000 + 2))
        connection.request(
            "POST",
            "/v1/evaluate",
            body=chunks,
            headers={"Content-Type": "application/yaml", "Authorization": f"Bearer {server.token}"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        assert response.status == 413
        assert response.getheader("content-type") == "application/problem+json"
        response.read()
    finally:
        connection.close()


def test_list_lengths_are_capped(server: Server) -> None:
    request = {**sample_request(), "calendar_overlays": ["cn-2026"] * 17}
    found = problem(server.post("/v1/evaluate", json.dumps(request, ensure_ascii=False)), 422)
    assert found["errors"][0]["field"] == "calendar_overlays"


def test_unknown_paths_and_methods_are_problems(server: Server) -> None:
    problem(server.get("/v1/nothing"), 404)
    problem(server.get("/v1/evaluate"), 405)
    problem(server.get("/v1/provisions/art99"), 404)
    problem(server.get("/v1/rules/art11.nothing"), 404)
    problem(server.get("/v1/schemas/nothing"), 404)
    problem(server.get("/v1/cases/art11/nothing"), 404)


# --- the token -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [p.split("?")[0] for p in V1_GETS])
def test_v1_needs_the_token(server: Server, path: str) -> None:
    missing = server.get(path, token=False)
    body = problem(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in body["detail"]
    problem(server.get(path, token="x" * 27), 401)
    problem(server.get(path, token=False, headers={"Authorization": f"Basic {server.token}"}), 401)


def test_evaluate_needs_the_token_before_it_reads_the_body(server: Server) -> None:
    problem(server.post("/v1/evaluate", sample_yaml(), "application/yaml", token=False), 401)


def test_open_paths_need_no_token(server: Server) -> None:
    assert server.get("/healthz", token=False).json() == {"status": "ok"}
    assert server.get("/openapi.json", token=False).status == 200
    page = server.get("/", token=False)
    assert page.status == 200
    assert page.media_type == "text/html"


# --- the other endpoints -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", V1_GETS)
def test_every_json_answer_has_provenance_and_headers(server: Server, path: str) -> None:
    reply = server.get(path)
    assert reply.status == 200, reply.text
    for header in (
        "tinghu-library",
        "tinghu-regulation",
        "tinghu-calendar",
        "tinghu-format-version",
        "x-request-id",
    ):
        assert reply.headers.get(header), header
    assert reply.headers["x-content-type-options"] == "nosniff"
    if path.startswith("/v1/schemas/"):
        return
    body = reply.json()
    assert body["format_version"] == "2.0"
    assert body["provenance"]["regulation"] == reply.headers["tinghu-regulation"]


def test_deadline_explains_each_step(server: Server) -> None:
    answer = server.get("/v1/deadline?start=2025-09-27&period=5wd").json()
    assert answer["due"] == "2025-10-10"
    assert answer["provisional"] is False
    assert next(s["kind"] for s in answer["steps"]) == "start"
    assert "民法典第二百零一条" in answer["explanation_zh"]
    assert answer["interpretation"]["counting_start"] == "next_day"
    assert answer["ends_at"] == "2025-10-11T00:00:00+08:00"
    months = server.get("/v1/deadline?start=2025-08-31&period=6m").json()
    assert months["due"] == "2026-02-28"
    years = server.get("/v1/deadline?start=2024-02-29&period=1y").json()
    assert years["period"]["kind"] == "years"
    option = server.get("/v1/deadline?start=2025-09-27&period=5wd&option=D1=next_working_day").json()
    assert option["interpretation"]["counting_start"] == "next_working_day"


def test_deadline_beyond_the_data_needs_an_overlay_or_is_provisional(server: Server) -> None:
    refused = problem(server.get("/v1/deadline?start=2027-09-28&period=5wd"), 422)
    assert "2027" in refused["detail"]
    overlaid = server.get("/v1/deadline?start=2027-09-28&period=5wd&calendar_overlay=test-2027").json()
    assert overlaid["due"] == "2027-10-11"
    assert overlaid["provisional"] is False
    assert overlaid["provenance"]["calendar"]["overlays"][0]["year"] == 2027
    provisional = server.get("/v1/deadline?start=2027-09-28&period=5wd&option=D12=provisional").json()
    assert provisional["provisional"] is True


@pytest.mark.parametrize(
    "query", ["start=2025-09-27", "period=5wd", "start=2025-09-27&period=5x", "start=x&period=5wd"]
)
def test_deadline_problems(server: Server, query: str) -> None:
    found = problem(server.get(f"/v1/deadline?{query}"), 422)
    assert found["errors"][0]["field"].startswith("query.")


def test_provisions_and_a_provision(server: Server) -> None:
    from tinghu_policy.provisions import registry

    listed = server.get("/v1/provisions").json()["provisions"]
    assert [p["id"] for p in listed] == [p.id for p in registry()]
    one = server.get("/v1/provisions/art11.p1.i2").json()
    assert one["citation_zh"] == "第十一条第一款第（二）项"
    assert one["text"] == registry()["art11.p1.i2"].text
    assert one["status"] == "encoded"
    assert "art11.initial_opinion" in [r["id"] for r in one["rules"]]


def test_a_rule_shows_what_explain_shows(server: Server) -> None:
    from tinghu_policy.engine import rule_by_id

    rule = rule_by_id("art11.initial_opinion")
    answer = server.get("/v1/rules/art11.initial_opinion").json()
    assert answer["title_zh"] == rule.title_zh
    assert answer["citation_zh"] == "第十一条第一款第（二）项"
    assert answer["owed_by"]["name_zh"] == "区数据局"
    assert [d["id"] for d in answer["decisions"]] == list(rule.decisions)
    assert answer["source"]["function"] == rule.function.__name__
    listed = server.get("/v1/rules").json()["rules"]
    assert "art11.initial_opinion" in [r["id"] for r in listed]


def test_decisions_list_every_decision_with_chinese_names(server: Server) -> None:
    from tinghu_policy.interpretation import DECISIONS

    decisions = server.get("/v1/decisions").json()["decisions"]
    assert [d["id"] for d in decisions] == list(DECISIONS)
    d5 = next(d for d in decisions if d["id"] == "D5")
    assert d5["default"] == "strictly_more"
    assert {o["value"] for o in d5["options"]} == {"strictly_more", "at_least"}
    assert all(o["name_zh"] != o["value"] for d in decisions for o in d["options"])


@pytest.mark.parametrize("name", schema_names())
def test_schemas_are_the_contract_byte_for_byte(server: Server, name: str) -> None:
    """What ``tinghu-policy schema NAME`` prints, which CI checks is the committed file (``schema --check``)."""
    from tinghu_policy.schemas import render

    reply = server.get(f"/v1/schemas/{name}")
    assert reply.status == 200
    assert reply.media_type == "application/schema+json"
    assert reply.text == render(name)
    assert server.get(f"/v1/schemas/{name}.schema.json").body == reply.body


def test_version_lists_overlays_and_limits(server: Server) -> None:
    answer = server.get("/v1/version").json()
    assert {o["name"] for o in answer["calendar_overlays"]} == {"cn-2026", "test-2027"}
    assert answer["limits"]["max_body_bytes"] == MAX_BODY
    assert answer["auth"] is True
    assert answer["library"] == answer["provenance"]["library"]


def test_cases_and_a_case_as_written(server: Server) -> None:
    from tinghu_policy.corpus import discover

    cases = server.get("/v1/cases").json()["cases"]
    assert {c["id"] for c in cases} <= {c.id for c in discover()}
    assert len(cases) > 100
    first = next(c for c in cases if c["id"].startswith("art11/"))
    assert first["group_zh"] == "第十一条"
    one = server.get(f"/v1/cases/{first['id']}").json()
    assert one["text"] == (ROOT / "corpus" / f"{first['id']}.yaml").read_text(encoding="utf-8")
    assert one["as_of"] == first["as_of"]


def test_the_access_log_has_one_json_line_per_request_and_no_body(server: Server) -> None:
    marker = "SECRET-PROJECT-NAME-7"
    text = sample_yaml().replace("name: ", f"name: {marker} ", 1)
    reply = server.post("/v1/evaluate", text, "application/yaml", headers={"X-Request-Id": "req-42"})
    assert reply.headers["x-request-id"] == "req-42"
    for _ in range(100):  # the line is written as the response ends: wait for it (at most 10 s)
        log = server.log_text()
        records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
        mine = [r for r in records if r["request_id"] == "req-42"]
        if mine:
            break
        time.sleep(0.1)
    assert marker not in log
    assert server.token is not None
    assert server.token not in log
    assert len(mine) == 1
    assert mine[0]["path"] == "/v1/evaluate"
    assert mine[0]["status"] == 200
    assert mine[0]["method"] == "POST"
