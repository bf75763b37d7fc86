"""The guard in front of every route (plain ASGI, so streaming answers stream): the bearer token, the body limit,
the provenance and security headers, and one structured access-log line per request — never a body.

* ``/v1/…`` needs ``Authorization: Bearer TOKEN`` when the server has a token (compared in constant time);
  ``/``, ``/static/…``, ``/healthz`` and ``/openapi.json`` hold no data and are open.
* A body larger than the limit is refused 413 (by ``Content-Length`` before it is read, else as it arrives);
  ``/v1/batch`` is read line by line and limits each line instead.
* Every answer names the library, the edition of the regulation and the calendar data in ``Tinghu-*`` headers
  (JSON answers also carry their ``provenance``), and an ``X-Request-Id`` that the access log shows too.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tinghu_policy.engine import FORMAT_VERSION, Provenance
from tinghu_policy.server.bodies import FieldError
from tinghu_policy.server.service import ProblemError
from tinghu_policy.server.settings import Settings

access_log = logging.getLogger("tinghu_policy.server.access")


PROBLEM = "application/problem+json"
OPEN_PATHS = ("/healthz", "/openapi.json")
STREAMED_PATHS = ("/v1/batch",)
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_TITLES = {
    400: "The input cannot be read",
    401: "A bearer token is required",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Too large",
    415: "Unsupported media type",
    422: "The input does not fit the contract",
    500: "Internal error",
    503: "Time limit exceeded",
}
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ),
)


def provenance_headers(provenance: Provenance) -> tuple[tuple[bytes, bytes], ...]:
    """The provenance of the server's default calendar, as response headers (ASCII only)."""
    calendar = provenance.calendar
    text = f"{calendar.data}; years {calendar.years[0]}-{calendar.years[1]}; corrections {len(calendar.corrections)}"
    if calendar.overlays:
        text += "; overlays " + ", ".join(f"{o.year}={o.digest}" for o in calendar.overlays)
    return (
        (b"tinghu-library", provenance.library.encode("ascii", "replace")),
        (b"tinghu-regulation", provenance.regulation.encode("ascii")),
        (b"tinghu-calendar", text.encode("ascii", "replace")),
        (b"tinghu-format-version", FORMAT_VERSION.encode("ascii")),
    )


def problem_body(
    status: int, kind: str, detail: str, instance: str | None, errors: Iterable[FieldError] = ()
) -> bytes:
    problem = {
        "type": f"urn:tinghu-policy:problem:{kind}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": instance,
        "errors": [{"field": e.field, "line": e.line, "message": e.message} for e in errors],
    }
    return json.dumps(problem, ensure_ascii=False).encode("utf-8")


def problem_response(
    status: int, kind: str, detail: str, instance: str | None, errors: Iterable[FieldError] = ()
) -> Response:
    headers = {"WWW-Authenticate": 'Bearer realm="tinghu-policy"'} if status == 401 else None
    if status == 503:
        headers = {"Retry-After": "5"}
    return Response(
        problem_body(status, kind, detail, instance, errors),
        status_code=status,
        media_type=PROBLEM,
        headers=headers,
    )


class BodyTooLargeError(ProblemError):
    """Raised while the body arrives: the route's problem handler answers 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body: larger than {limit} bytes", 413, "body-too-large")


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings, headers: tuple[tuple[bytes, bytes], ...]) -> None:
        self.app = app
        self.settings = settings
        self.token = settings.token.encode("utf-8") if settings.token else None
        self.headers = (*headers, *SECURITY_HEADERS)
        self.limit = settings.max_body_bytes
        self.log = settings.access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_headers = dict(scope["headers"])
        given = request_headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        state = {"status": 0, "bytes": 0, "started": False}
        extra = (*self.headers, (b"x-request-id", request_id.encode("ascii")))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["started"] = True
                own = list(message.get("headers", ()))
                named = {name.lower() for name, _ in own}
                message = {**message, "headers": [*own, *(h for h in extra if h[0] not in named)]}
            elif message["type"] == "http.response.body":
                state["bytes"] = int(state["bytes"]) + len(message.get("body", b""))
            await send(message)

        path: str = scope["path"]
        try:
            refusal = self._refuse(path, request_headers)
            if refusal is not None:
                await refusal(scope, receive, send_with_headers)
            else:
                await self.app(scope, self._counted(path, receive), send_with_headers)
        except BodyTooLargeError:
            if state["started"]:
                raise
            await self._problem(413, "body-too-large", f"request body: larger than {self.limit} bytes", path)(
                scope, receive, send_with_headers
            )
        finally:
            if self.log:
                self._log(scope, request_headers, request_id, state, started)

    def _refuse(self, path: str, headers: dict[bytes, bytes]) -> Response | None:
        if self.token is not None and path.startswith("/v1/"):
            given = headers.get(b"authorization", b"")
            scheme, _, credential = given.partition(b" ")
            if scheme.lower() != b"bearer" or not hmac.compare_digest(credential.strip(), self.token):
                detail = "send Authorization: Bearer TOKEN (the token the server was started with)"
                if given:
                    detail = "the bearer token is not the server's"
                return self._problem(401, "unauthorized", detail, path)
        if path not in STREAMED_PATHS:
            length = headers.get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > self.limit):
                return self._problem(
                    413, "body-too-large", f"request body: larger than {self.limit} bytes", path
                )
        return None

    def _counted(self, path: str, receive: Receive) -> Receive:
        if path in STREAMED_PATHS:
            return receive
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLargeError(self.limit)
            return message

        return counted

    @staticmethod
    def _problem(status: int, kind: str, detail: str, path: str) -> Response:
        return problem_response(status, kind, detail, path)

    @staticmethod
    def _log(
        scope: Scope, headers: dict[bytes, bytes], request_id: str, state: dict[str, Any], started: float
    ) -> None:
        client = scope.get("client")
        record = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "request_id": request_id,
            "client": client[0] if client else None,
            "method": scope["method"],
            "path": scope["path"],
            "query": scope.get("query_string", b"").decode("latin-1"),
            "status": state["status"],
            "bytes": state["bytes"],
            "ms": round((time.perf_counter() - started) * 1000, 2),
            "user_agent": headers.get(b"user-agent", b"").decode("latin-1")[:200],
        }
        access_log.info(json.dumps(record, ensure_ascii=False))
