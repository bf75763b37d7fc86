"""``POST /v1/batch``: JSON lines in, JSON lines out, answered line by line as they arrive.

The body is read as it comes and each line is answered before the next is read, so memory stays bounded whatever
the size: one line (at most the body limit) and one answer at a time. A line is a project, or a request
``{project, as_of, interpretation, calendar_overlays}``; blank lines are skipped but counted. Every answer names
its line:

* ``{"line": 3, "ok": true, "project": ID, "as_of": DAY, "report": {...}}`` — the report (``view=report``, the
  default: exactly ``Report.to_json(indent=None)``), or ``"counts"`` and compact ``"findings"`` (``view=findings``);
* ``{"line": 4, "ok": false, "error": {problem}}`` — the line's problem (RFC 9457 members, with the fields that
  failed); the lines after it are answered all the same.

The query's ``as_of``, ``option`` and ``calendar_overlay`` apply to every line and win over a line's own, as
``tinghu-policy batch --as-of/--option`` do. A line longer than the body limit, or one that takes longer than the
time limit, is answered with its error; after ``max_batch_lines`` lines the answer ends with an error line.

This is a raw ASGI response: it reads the request body itself while it writes, so a client must read the answer
while it sends (curl does); the server never holds more than one line.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from tinghu_policy.engine import Status
from tinghu_policy.server.bodies import BODY, BodyError, read_line, to_request
from tinghu_policy.server.service import Library, ProblemError, Query, evaluate_request

View = Literal["report", "findings"]
Run = Callable[..., Awaitable[bytes]]
"""Runs a function in the evaluation pool under the time limit (:meth:`tinghu_policy.server.app.Runner.run`)."""


def answer_line(library: Library, number: int, raw: bytes, query: Query, view: View) -> bytes:
    """One line's answer (never raises for a bad line)."""
    try:
        request = to_request(read_line(raw, number))
        report = evaluate_request(library, request, query)
    except BodyError as exc:
        return error_line(number, exc.status, _KIND.get(exc.status, "invalid-input"), str(exc), exc.errors)
    except ProblemError as exc:
        return error_line(number, exc.status, exc.kind, f"{BODY}, line {number}: {exc}", exc.errors)
    head: dict[str, Any] = {
        "line": number,
        "ok": True,
        "project": report.project,
        "as_of": report.as_of.isoformat(),
    }
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    if view == "report":
        return f'{text},"report":{report.to_json(indent=None)}}}\n'.encode()
    counts: dict[str, int] = {}
    findings = []
    for f in report.findings:
        counts[f.status.value] = counts.get(f.status.value, 0) + 1
        if f.status is not Status.NOT_APPLICABLE:
            findings.append(
                {
                    "rule": f.rule,
                    "provision": f.provision,
                    "subject": f.subject,
                    "status": f.status.value,
                    "due": f.due.isoformat() if f.due else None,
                    "owed_by": f.owed_by.value if f.owed_by else None,
                    "missing": list(f.missing),
                }
            )
    tail = json.dumps({"counts": counts, "findings": findings}, ensure_ascii=False, separators=(",", ":"))
    return f"{text},{tail[1:]}\n".encode()


_KIND = {400: "unreadable-body", 413: "body-too-large", 415: "unsupported-media-type"}
_TITLES = {
    400: "The input cannot be read",
    404: "Not found",
    413: "Too large",
    422: "The input does not fit the contract",
    503: "Time limit exceeded",
}


def error_line(number: int, status: int, kind: str, detail: str, errors: Any = ()) -> bytes:
    problem = {
        "type": f"urn:tinghu-policy:problem:{kind}",
        "title": _TITLES.get(status, "The line cannot be evaluated"),
        "status": status,
        "detail": detail,
        "errors": [{"field": e.field, "line": e.line or number, "message": e.message} for e in errors],
    }
    line = {"line": number, "ok": False, "error": problem}
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class BatchStream(Response):
    """The ASGI response of ``POST /v1/batch`` (see the module docstring)."""

    def __init__(
        self, library: Library, query: Query, view: View, run: Run, headers: list[tuple[bytes, bytes]]
    ) -> None:
        super().__init__(media_type="application/x-ndjson")
        self.library = library
        self.query = query
        self.view = view
        self.run = run
        self.extra_headers = headers
        self.max_line = library.settings.max_body_bytes
        self.max_lines = library.settings.max_batch_lines

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/x-ndjson; charset=utf-8"), *self.extra_headers],
            }
        )
        number = 0  # lines seen, blank ones included
        answered = 0
        pending = bytearray()
        skipping = False  # inside a line longer than the limit: drop bytes up to its end
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk: bytes = message.get("body", b"")
            more = bool(message.get("more_body", False))
            start = 0
            while (end := chunk.find(b"\n", start)) >= 0:
                number += 1
                if not skipping:
                    pending += chunk[start:end]
                line, pending, skipping, start = bytes(pending), bytearray(), False, end + 1
                if not line.strip() and len(line) <= self.max_line:
                    continue
                if answered >= self.max_lines:
                    await self._finish(send, self._over(number))
                    return
                answered += 1
                out = (
                    self._too_long(number) if len(line) > self.max_line else await self._answer(number, line)
                )
                await send({"type": "http.response.body", "body": out, "more_body": True})
            if not skipping:
                pending += chunk[start:]
                if len(pending) > self.max_line:
                    pending = bytearray(b"x" * (self.max_line + 1))  # marks the line too long, bounded
                    skipping = True
        if pending.strip():
            number += 1
            if answered >= self.max_lines:
                out = self._over(number)
            elif len(pending) > self.max_line:
                out = self._too_long(number)
            else:
                out = await self._answer(number, bytes(pending))
            await send({"type": "http.response.body", "body": out, "more_body": True})
        await self._finish(send, b"")

    async def _answer(self, number: int, raw: bytes) -> bytes:
        try:
            return await self.run(answer_line, self.library, number, raw, self.query, self.view)
        except ProblemError as exc:  # the time limit
            return error_line(number, exc.status, exc.kind, f"{BODY}, line {number}: {exc}")

    def _too_long(self, number: int) -> bytes:
        return error_line(
            number, 413, "body-too-large", f"{BODY}, line {number}: larger than {self.max_line} bytes"
        )

    def _over(self, number: int) -> bytes:
        return error_line(
            number,
            413,
            "too-many-lines",
            f"{BODY}, line {number}: more than {self.max_lines} lines; the rest were not read (send them in "
            "another request)",
        )

    @staticmethod
    async def _finish(send: Send, last: bytes) -> None:
        await send({"type": "http.response.body", "body": last, "more_body": False})
