"""Shared helpers of the server tests: the real server in a subprocess on loopback, and a plain HTTP client.

The tests talk HTTP over a socket to ``tinghu-policy serve`` as another system would (the standard library's
``http.client``: no framework test client). They skip when the ``[server]`` extra is not installed, unless
``TINGHU_REQUIRE_SERVER`` is set (CI sets it): then a missing extra is a failure, never a silent pass.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
TOKEN = "test-token-0123456789abcdef"
SERVER_MODULES = ("fastapi", "uvicorn")
START_SECONDS = 60.0


def required() -> bool:
    return bool(os.environ.get("TINGHU_REQUIRE_SERVER"))


def skip_or_fail(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (TINGHU_REQUIRE_SERVER is set)")
    pytest.skip(reason)


def need_server_extra() -> None:
    missing = [m for m in SERVER_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        skip_or_fail(
            f"the server extra is not installed (missing {', '.join(missing)}): pip install -e '.[server]'"
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from tinghu_policy.cli import main; main()", "serve", *args]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0]


@dataclass
class Server:
    """A running ``tinghu-policy serve`` on 127.0.0.1."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path
    token: str | None = None
    stopped: bool = field(default=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        *,
        token: str | bool | None = True,
        timeout: float = 60.0,
    ) -> Reply:
        sent = dict(headers or {})
        credential = self.token if token is True else token if isinstance(token, str) else None
        if credential:
            sent["Authorization"] = f"Bearer {credential}"
        data = body.encode("utf-8") if isinstance(body, str) else body
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.request("GET", path, **kwargs)

    def post(
        self, path: str, body: bytes | str, content_type: str = "application/json", **kwargs: Any
    ) -> Reply:
        headers = {"Content-Type": content_type, **kwargs.pop("headers", {})}
        return self.request("POST", path, body, headers, **kwargs)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 60.0) -> int:
        """SIGTERM, then wait: the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.stopped = True
        return code


def start_server(
    log_dir: Path, *args: str, token: str | None = None, env: dict[str, str] | None = None
) -> Server:
    """Start the server on a free loopback port and wait until ``/healthz`` answers."""
    need_server_extra()
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TINGHU_POLICY_")}
    environment["PYTHONIOENCODING"] = "utf-8"
    if token is not None:
        environment["TINGHU_POLICY_TOKEN"] = token
    environment.update(env or {})
    log = log_dir / f"server-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            serve_command("--port", str(port), *args),
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=environment,
            cwd=ROOT,
        )
    server = Server(process, port, log, token)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n{server.log_text()}")
        try:
            if server.get("/healthz", token=False, timeout=2).status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    server.stop()
    raise AssertionError(f"the server did not answer within {START_SECONDS} s:\n{server.log_text()}")


def sample_yaml() -> str:
    from tinghu_policy.samples import sample_text

    return sample_text()


def sample_request() -> dict[str, Any]:
    """The whole-life sample as a JSON request: project, as_of, interpretation."""
    from tinghu_policy.cli.inputs import parse_input

    parsed = parse_input(sample_yaml(), "sample")
    return {
        "as_of": str(parsed.as_of),
        "interpretation": parsed.interpretation.model_dump(mode="json", exclude_unset=True),
        "project": parsed.project.model_dump(mode="json", exclude_none=True),
    }


class BatchSession:
    """A ``POST /v1/batch`` whose body is sent in chunks while its answer is read, as a streaming client does."""

    def __init__(self, server: Server, query: str = "", *, token: str | None = None) -> None:
        self.sock = socket.create_connection(("127.0.0.1", server.port), timeout=60)
        credential = token or server.token
        auth = f"Authorization: Bearer {credential}\r\n" if credential else ""
        head = (
            f"POST /v1/batch{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}"
            "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        self.sock.sendall(head.encode("ascii"))
        self.response: http.client.HTTPResponse | None = None

    def send(self, data: bytes) -> None:
        if data:
            self.sock.sendall(b"%x\r\n" % len(data) + data + b"\r\n")

    def end(self) -> None:
        self.sock.sendall(b"0\r\n\r\n")

    def begin(self) -> http.client.HTTPResponse:
        if self.response is None:
            self.response = http.client.HTTPResponse(self.sock)
            self.response.begin()
        return self.response

    def read_line(self) -> dict[str, Any]:
        line = self.begin().readline()
        assert line.endswith(b"\n"), f"incomplete answer line: {line[:200]!r}"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def read_rest(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.begin().read().splitlines() if line.strip()]

    def close(self) -> None:
        self.sock.close()


def batch(server: Server, body: bytes, query: str = "") -> tuple[int, list[dict[str, Any]]]:
    """Send the whole body from a thread while reading the answer; the status and the answer lines."""
    import threading

    session = BatchSession(server, query)

    def send() -> None:
        for start in range(0, len(body), 65536):
            session.send(body[start : start + 65536])
        session.end()

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        status = session.begin().status
        lines = session.read_rest()
    finally:
        sender.join(timeout=60)
        session.close()
    return status, lines


def peak_rss_kib(pid: int) -> int:
    """The process's peak resident memory (VmHWM, Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc/PID/status")
