"""The HTTP API and the workbench: a FastAPI application on uvicorn (``tinghu-policy serve``).

:func:`create_app` builds the application from :class:`~tinghu_policy.server.settings.Settings`;
:func:`app_from_environment` is the factory uvicorn imports in each worker process. Handlers read the query and
the body themselves, so that errors carry the command line's messages (``application/problem+json``, RFC 9457),
and the OpenAPI 3.1 document is assembled from the very pydantic models the JSON Schemas are generated from
(:mod:`tinghu_policy.server.openapi`).

Evaluation is CPU-bound: it runs in a small thread pool per process, so that the event loop keeps answering
``/healthz`` while a request computes, and a request that has not finished within the time limit (queueing
included) is answered 503. Python cannot stop a running thread: such a computation runs on to its end, bounded by
the body and list limits, and its result is dropped. ``--workers N`` gives N processes for N cores.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib.resources import files
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from tinghu_policy.server import answers, service
from tinghu_policy.server.batch import BatchStream, View
from tinghu_policy.server.guard import Guard, problem_response, provenance_headers
from tinghu_policy.server.openapi import install_openapi, route_docs
from tinghu_policy.server.service import Library, ProblemError, Query
from tinghu_policy.server.settings import Settings

log = logging.getLogger("tinghu_policy.server")

EVALUATION_THREADS = 2
"""Threads per process that compute answers (the GIL makes more useless; two let a short request pass a long one)."""
JSON = "application/json"
STATIC = files("tinghu_policy.server").joinpath("static")
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}

_T = TypeVar("_T")


class Runner:
    """Runs a computation in the evaluation threads under the time limit."""

    def __init__(self, time_limit: float) -> None:
        self.time_limit = time_limit
        self.pool = concurrent.futures.ThreadPoolExecutor(
            EVALUATION_THREADS, thread_name_prefix="tinghu-eval"
        )

    async def run(self, function: Callable[..., _T], *args: Any) -> _T:
        future = self.pool.submit(function, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.time_limit)
        except TimeoutError:
            future.cancel()
            raise ProblemError(
                f"the request took longer than the server's time limit of {self.time_limit:g} s (queueing "
                "included); try again later, or send a smaller input",
                503,
                "time-limit",
            ) from None

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def load_assets() -> dict[str, tuple[bytes, str]]:
    """The workbench's files, read once at start-up (package data: nothing is fetched, nothing built)."""
    out = {}
    for entry in STATIC.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            out[entry.name] = (entry.read_bytes(), STATIC_TYPES[suffix])
    return out


def _json(model: BaseModel, headers: dict[str, str] | None = None) -> Response:
    return Response(model.model_dump_json(), media_type=JSON, headers=headers)


def _params(request: Request) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        out.setdefault(key, []).append(value)
    return out


def _accepts_calendar(request: Request) -> bool:
    """``Accept: text/calendar`` asks for the iCalendar file; JSON otherwise (406 for what neither gives)."""
    accept = request.headers.get("accept", "")
    kinds = [part.split(";", 1)[0].strip().lower() for part in accept.split(",") if part.strip()]
    if not kinds:
        return False
    if "text/calendar" in kinds:
        return True
    if any(k in ("application/json", "application/*", "*/*", "application/problem+json") for k in kinds):
        return False
    raise ProblemError(
        f"Accept: {accept}: the report is application/json, or text/calendar for its deadlines",
        406,
        "not-acceptable",
    )


def create_app(settings: Settings | None = None, *, library: Library | None = None) -> FastAPI:
    """The application: every route, the guard (token, limits, access log), the problem handlers."""
    settings = settings or Settings()
    library = library or Library(settings)
    runner = Runner(settings.time_limit)
    assets = load_assets()
    base_headers = provenance_headers(library.provenance())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        runner.close()

    app = FastAPI(
        title="tinghu-policy",
        summary="《盐城市亭湖区政务信息化项目建设管理办法（试行）》 as a service",
        version=library.provenance().library.split()[-1],
        docs_url=None,  # the Swagger and ReDoc pages load scripts from the internet
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.library = library
    app.state.settings = settings

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        return problem_response(exc.status, exc.kind, str(exc), request.url.path, exc.errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http")
        detail = {404: f"no such path: {request.url.path}", 405: f"{request.method} is not allowed here"}
        return problem_response(
            exc.status_code, kind, detail.get(exc.status_code, str(exc.detail)), request.url.path
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return problem_response(422, "invalid-input", str(exc), request.url.path)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return problem_response(
            500, "internal-error", "internal error: the server's log has the details", request.url.path
        )

    # --- the workbench ----------------------------------------------------------------------------------

    def asset(name: str) -> Response:
        found = assets.get(name)
        if found is None:
            raise StarletteHTTPException(404)
        content, media = found
        return Response(content, media_type=media, headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    async def workbench() -> Response:
        return asset("index.html")

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        return asset(name)

    @app.get("/healthz", tags=["service"], **route_docs("Liveness and readiness", answers.Health, auth=False))
    async def healthz() -> Response:
        return Response(b'{"status":"ok"}', media_type=JSON)

    # --- evaluation -------------------------------------------------------------------------------------

    @app.post("/v1/evaluate", tags=["evaluation"], **route_docs("evaluate"))
    async def evaluate(request: Request) -> Response:
        calendar_format = _accepts_calendar(request)
        query = Query.read(_params(request))
        body = await request.body()
        content, provenance = await runner.run(
            service.evaluate_body,
            library,
            body,
            request.headers.get("content-type"),
            query,
            calendar_format,
        )
        media = "text/calendar; charset=utf-8" if calendar_format else JSON
        headers = {k.decode(): v.decode() for k, v in provenance_headers(provenance)}
        return Response(content, media_type=media, headers=headers)

    @app.post("/v1/batch", tags=["evaluation"], **route_docs("batch"))
    async def batch(request: Request) -> BatchStream:
        params = _params(request)
        view = (params.get("view") or ["report"])[-1]
        if view not in ("report", "findings"):
            raise ProblemError("view: report or findings", 422, "invalid-input")
        kind = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        if kind not in ("", "application/x-ndjson", "application/jsonl", "application/json", "text/plain"):
            raise ProblemError(
                f"media type {kind!r} is not accepted: send JSON lines (application/x-ndjson)",
                415,
                "unsupported-media-type",
            )
        query = Query.read(params)
        # a bad query is the whole request's error, before any line is read
        await runner.run(service.check_query, library, query)
        typed_view: View = "report" if view == "report" else "findings"
        return BatchStream(library, query, typed_view, runner.run, [])

    @app.get("/v1/deadline", tags=["legal time"], **route_docs("deadline"))
    async def deadline(request: Request) -> Response:
        answer = await runner.run(service.deadline_answer, library, _params(request))
        return _json(answer)

    # --- the regulation ---------------------------------------------------------------------------------

    @lru_cache(maxsize=1024)
    def cached(kind: str, key: str = "") -> bytes:
        """Answers that never change while the process runs, serialised once."""
        makers: dict[str, Callable[[], BaseModel]] = {
            "provisions": lambda: service.provision_list(library),
            "provision": lambda: service.provision_answer(library, key),
            "rule": lambda: service.rule_answer(library, key),
            "decisions": lambda: service.decision_list(library),
            "version": lambda: service.version_answer(library),
            "cases": lambda: service.case_list(library),
            "case": lambda: service.case_answer(library, key),
            "rules": lambda: service.rule_list(library),
            "names": lambda: service.names_answer(library),
        }
        return makers[kind]().model_dump_json().encode("utf-8")

    async def answer(kind: str, key: str = "") -> Response:
        return Response(await runner.run(cached, kind, key), media_type=JSON)

    @app.get("/v1/provisions", tags=["regulation"], **route_docs("provisions"))
    async def provisions() -> Response:
        return await answer("provisions")

    @app.get("/v1/provisions/{provision_id}", tags=["regulation"], **route_docs("provision"))
    async def provision(provision_id: str) -> Response:
        return await answer("provision", provision_id)

    @app.get("/v1/rules", tags=["regulation"], **route_docs("rules"))
    async def rules() -> Response:
        return await answer("rules")

    @app.get("/v1/rules/{rule_id}", tags=["regulation"], **route_docs("rule"))
    async def rule(rule_id: str) -> Response:
        return await answer("rule", rule_id)

    @app.get("/v1/decisions", tags=["regulation"], **route_docs("decisions"))
    async def decisions() -> Response:
        return await answer("decisions")

    @app.get("/v1/schemas/{name}", tags=["contract"], **route_docs("schema"))
    async def schema(name: str) -> Response:
        from tinghu_policy import schemas

        if name.removesuffix(".schema.json") not in schemas.names():
            raise service.NotFoundError(
                f"unknown schema {name!r}; the schemas are {', '.join(schemas.names())}"
            )
        text = schemas.render(name.removesuffix(".schema.json"))
        return Response(text.encode("utf-8"), media_type="application/schema+json")

    @app.get("/v1/names", tags=["regulation"], **route_docs("names"))
    async def names() -> Response:
        return await answer("names")

    @app.get("/v1/version", tags=["service"], **route_docs("version"))
    async def version() -> Response:
        return await answer("version")

    @app.get("/v1/cases", tags=["corpus"], **route_docs("cases"))
    async def cases() -> Response:
        return await answer("cases")

    @app.get("/v1/cases/{case_id:path}", tags=["corpus"], **route_docs("case"))
    async def case(case_id: str) -> Response:
        return await answer("case", case_id)

    install_openapi(app)
    app.add_middleware(Guard, settings=settings, headers=base_headers)
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "Accept", "X-Request-Id"],
            expose_headers=["X-Request-Id", "Tinghu-Library", "Tinghu-Regulation", "Tinghu-Calendar"],
        )
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn calls in each worker process: settings from :data:`~.settings.SETTINGS_ENV`."""
    return create_app(Settings.from_env())
