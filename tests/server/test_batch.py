"""``POST /v1/batch``: JSON lines in, JSON lines out, streamed, one answer per line in input order."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tinghu_policy import evaluate
from tinghu_policy.cli.inputs import parse_input

from .conftest import MAX_BATCH_LINES, MAX_BODY
from .support import BatchSession, Server, batch, peak_rss_kib, sample_request, sample_yaml


def line(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"


def test_each_line_is_answered_in_order_and_a_bad_line_names_itself(server: Server) -> None:
    request = sample_request()
    body = b"".join(
        [
            line(request),  # 1
            b"{not json\n",  # 2
            b"\n",  # 3 blank: skipped, counted
            line({**request, "project": {**request["project"], "category": "quantum"}}),  # 4
            line(request["project"]),  # 5: bare project, as_of from the query
            b"\xff\xfe\n",  # 6
            line({**request, "as_of": "2025-01-01"}),  # 7 (no newline at the end below)
        ]
    ).rstrip(b"\n")
    status, answers = batch(server, body, "?as_of=2025-06-01")
    assert status == 200
    assert [a["line"] for a in answers] == [1, 2, 4, 5, 6, 7]
    assert [a["ok"] for a in answers] == [True, False, False, True, False, True]
    assert answers[1]["error"]["status"] == 400
    assert "request body, line 2: not valid JSON" in answers[1]["error"]["detail"]
    invalid = answers[2]["error"]
    assert invalid["status"] == 422
    assert invalid["errors"][0]["field"] == "project.category"
    assert invalid["errors"][0]["line"] == 4
    assert invalid["detail"].startswith("request body, line 4, field project.category")
    assert "not UTF-8" in answers[4]["error"]["detail"]
    assert {a["as_of"] for a in answers if a["ok"]} == {"2025-06-01"}  # the query wins, as batch --as-of


def test_a_line_report_is_the_librarys(server: Server) -> None:
    status, (answer,) = batch(server, line(sample_request()))
    assert status == 200
    parsed = parse_input(sample_yaml(), "sample")
    assert parsed.as_of is not None
    report = evaluate(parsed.project, as_of=parsed.as_of)
    assert json.dumps(answer["report"], ensure_ascii=False, separators=(",", ":")) == report.to_json(
        indent=None
    )
    assert answer["project"] == report.project
    assert answer["as_of"] == str(report.as_of)


def test_findings_view_is_compact(server: Server) -> None:
    status, (answer,) = batch(server, line(sample_request()), "?view=findings")
    assert status == 200
    assert "report" not in answer
    assert sum(answer["counts"].values()) > len(answer["findings"]) > 0
    assert set(answer["findings"][0]) == {
        "rule",
        "provision",
        "subject",
        "status",
        "due",
        "owed_by",
        "missing",
    }


def test_answers_stream_while_the_body_is_still_coming(server: Server) -> None:
    session = BatchSession(server)
    try:
        for n in range(1, 4):
            session.send(line(sample_request()))
            answer = session.read_line()  # answered before the next line is sent
            assert answer["line"] == n
            assert answer["ok"]
        session.end()
        assert session.read_rest() == []
    finally:
        session.close()


def test_too_many_lines_end_with_an_error_line(server: Server) -> None:
    body = line(sample_request()["project"]) * (MAX_BATCH_LINES + 5)
    status, answers = batch(server, body, "?as_of=2025-06-01&view=findings")
    assert status == 200
    assert len(answers) == MAX_BATCH_LINES + 1
    assert all(a["ok"] for a in answers[:-1])
    assert answers[-1]["line"] == MAX_BATCH_LINES + 1
    assert answers[-1]["error"]["type"].endswith(":too-many-lines")


def test_a_line_over_the_limit_is_answered_and_the_rest_go_on_in_bounded_memory(server: Server) -> None:
    before = peak_rss_kib(server.process.pid)
    huge = b'{"x": "' + b"y" * (30 * MAX_BODY) + b'"}\n'  # 9 MB, thirty times the limit
    status, answers = batch(server, huge + line(sample_request()), "?view=findings")
    assert status == 200
    assert [a["line"] for a in answers] == [1, 2]
    assert answers[0]["error"]["status"] == 413
    assert answers[1]["ok"]
    grown = peak_rss_kib(server.process.pid) - before
    assert grown < 4 * MAX_BODY // 1024 + 20_000, f"peak memory grew {grown} KiB for a 9 MB line"


def test_a_bad_query_is_the_requests_error(server: Server) -> None:
    for query, field in (("?as_of=2025-02-30", "query.as_of"), ("?option=D5=maybe", "query.option")):
        reply = server.post(f"/v1/batch{query}", line(sample_request()), "application/x-ndjson")
        assert reply.status == 422, reply.text
        assert reply.media_type == "application/problem+json"
        assert reply.json()["errors"][0]["field"] == field
    reply = server.post("/v1/batch?calendar_overlay=nope", line(sample_request()), "application/x-ndjson")
    assert reply.status == 422
    assert server.post("/v1/batch?view=all", b"", "application/x-ndjson").status == 422
    assert server.post("/v1/batch", line(sample_request()), "application/xml").status == 415
    assert server.post("/v1/batch", line(sample_request()), "application/x-ndjson", token=False).status == 401


def test_a_date_in_a_line_is_strict(server: Server) -> None:
    request = {**sample_request(), "as_of": "2025-02-30"}
    status, (answer,) = batch(server, line(request))
    assert status == 200
    assert not answer["ok"]
    assert answer["error"]["errors"][0]["field"] == "as_of"
    assert date(2025, 2, 28)  # the day that does exist
