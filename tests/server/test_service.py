"""The server as a service: safe defaults, the token, CORS, the time limit, workers and a graceful SIGTERM."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .support import (
    TOKEN,
    BatchSession,
    Server,
    need_server_extra,
    sample_request,
    sample_yaml,
    start_server,
)


def refused(*args: str, env: dict[str, str] | None = None) -> str:
    """Run ``serve`` with settings it must refuse: exit status 2 and one line, before it listens."""
    need_server_extra()
    from tinghu_policy.cli import app
    from tinghu_policy.cli.app import run

    with pytest.MonkeyPatch.context() as patch:
        for name in [k for k in os.environ if k.startswith("TINGHU_POLICY_")]:
            patch.delenv(name)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        errors = io.StringIO()
        patch.setattr(sys, "stderr", errors)
        code = run(app, ["serve", *args])
    assert code == 2, errors.getvalue()
    assert "Traceback" not in errors.getvalue()
    return errors.getvalue()


def test_listening_beyond_loopback_needs_a_token() -> None:
    message = refused("--host", "0.0.0.0", "--port", "1")
    assert "needs a token" in message
    assert "--insecure-no-auth" in message


def test_a_short_token_or_a_token_with_insecure_is_refused(tmp_path: Path) -> None:
    assert "shorter than" in refused("--port", "1", env={"TINGHU_POLICY_TOKEN": "short"})
    assert "not both" in refused("--insecure-no-auth", "--port", "1", env={"TINGHU_POLICY_TOKEN": TOKEN})
    empty = tmp_path / "token"
    empty.write_text("\n", encoding="utf-8")
    assert "empty" in refused("--token-file", str(empty), "--port", "1")
    assert "wildcard" not in refused("--cors-origin", "*", "--port", "1")


def test_a_bad_overlay_stops_the_start(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("year: 2027\nholidays: []\n", encoding="utf-8")
    assert "bad.yaml" in refused("--calendar-overlays", str(tmp_path), "--port", "1")


@pytest.fixture(scope="module")
def open_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """No token (loopback), CORS for one origin, and a time limit no evaluation of a large file can meet."""
    running = start_server(
        tmp_path_factory.mktemp("open"), "--cors-origin", "http://approvals.example", "--time-limit", "0.001"
    )
    try:
        yield running
    finally:
        running.stop()


def test_without_a_token_loopback_is_open(open_server: Server) -> None:
    reply = open_server.get("/healthz")
    assert reply.status == 200
    assert open_server.get("/openapi.json").status == 200


def test_cors_only_for_the_configured_origin(open_server: Server, server: Server) -> None:
    preflight = {
        "Origin": "http://approvals.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    allowed = open_server.request("OPTIONS", "/v1/evaluate", headers=preflight)
    assert allowed.headers.get("access-control-allow-origin") == "http://approvals.example"
    other = open_server.request(
        "OPTIONS", "/v1/evaluate", headers={**preflight, "Origin": "http://evil.example"}
    )
    assert "access-control-allow-origin" not in other.headers
    off = server.get("/healthz", headers={"Origin": "http://approvals.example"})
    assert "access-control-allow-origin" not in off.headers


def test_the_time_limit_answers_503_and_the_server_goes_on(open_server: Server) -> None:
    text = (
        sample_yaml() + ("# " + "x" * 200 + "\n") * 5000
    )  # a 1 MB file: parsing alone takes far longer than 1 ms
    reply = open_server.post("/v1/evaluate", text, "application/yaml")
    assert reply.status == 503, reply.text
    assert reply.media_type == "application/problem+json"
    assert reply.json()["type"].endswith(":time-limit")
    assert reply.headers["retry-after"]
    assert open_server.get("/healthz").status == 200


def test_a_token_file(tmp_path: Path) -> None:
    secret = tmp_path / "token"
    secret.write_text("file-token-0123456789abcdef\n", encoding="utf-8")
    running = start_server(tmp_path, "--token-file", str(secret))
    try:
        assert running.get("/v1/version", token="file-token-0123456789abcdef").status == 200
        assert running.get("/v1/version", token=False).status == 401
    finally:
        assert running.stop() == 0


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_two_workers_serve_and_stop_on_sigterm(tmp_path: Path) -> None:
    running = start_server(tmp_path, "--workers", "2", token=TOKEN)
    try:
        body = json.dumps(sample_request(), ensure_ascii=False)
        for _ in range(6):
            assert running.post("/v1/evaluate", body).status == 200
        workers = _children(running.process.pid)
        assert len(workers) >= 2
    finally:
        code = running.stop()
    assert code == 0, running.log_text()
    for _ in range(
        100
    ):  # the workers are joined before the server exits; give the kernel a moment to reap them
        alive = {pid for pid in workers if _running(pid)}
        if not alive:
            break
        time.sleep(0.1)
    assert not alive, f"workers outlived the server: {alive}"
    assert running.log_text().count("Started server process") >= 2


def test_sigterm_finishes_the_request_in_flight(tmp_path: Path) -> None:
    running = start_server(tmp_path, token=TOKEN)
    session = BatchSession(running, "?view=findings")
    try:
        line = json.dumps(sample_request(), ensure_ascii=False).encode("utf-8") + b"\n"
        session.send(line)
        assert session.read_line()["ok"]
        running.process.terminate()  # SIGTERM while the batch is still open
        for n in (2, 3):
            session.send(line)
            answer = session.read_line()
            assert answer["line"] == n
            assert answer["ok"]
        session.end()
        assert session.read_rest() == []
    finally:
        session.close()
    assert running.stop() == 0
    log = running.log_text()
    assert "Shutting down" in log
    assert "Finished server process" in log
    with pytest.raises(ConnectionRefusedError):  # nothing listens any more
        running.get("/healthz", timeout=5)
