"""``tinghu-policy serve``: the HTTP API and the workbench (needs the ``[server]`` extra).

Importing this module registers the command and imports nothing of the server: the CLI stays fast, and works
without the extra (the command then says what to install).
"""

from __future__ import annotations

import os
import signal

import click

from tinghu_policy.cli.app import app, errors
from tinghu_policy.server.settings import (
    DEFAULT_MAX_BATCH_LINES,
    DEFAULT_MAX_BODY,
    DEFAULT_TIME_LIMIT,
    ENV_PREFIX,
    SETTINGS_ENV,
    Settings,
    read_token,
)

GRACEFUL_SECONDS = 30
"""On SIGTERM, how long in-flight requests may take to finish before the server stops anyway."""


def _env(name: str) -> str:
    return f"{ENV_PREFIX}{name}"


@app.command(short_help="Serve the API and the workbench over HTTP (the [server] extra).")
@click.option(
    "--host", default="127.0.0.1", show_default=True, envvar=_env("HOST"), help="Address to listen on."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), envvar=_env("PORT"))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    envvar=_env("WORKERS"),
    help="Worker processes; evaluation is CPU-bound, so one per core.",
)
@click.option(
    "--token-file",
    metavar="FILE",
    envvar=_env("TOKEN_FILE"),
    help=f"A file whose first line is the bearer token [else ${_env('TOKEN')}]. Required to listen beyond "
    "loopback.",
)
@click.option(
    "--insecure-no-auth",
    is_flag=True,
    help="Listen beyond loopback without a token (only behind something that authenticates).",
)
@click.option(
    "--calendar-overlays",
    "overlays_dir",
    metavar="DIR",
    envvar=_env("CALENDAR_OVERLAYS"),
    help="A folder of calendar overlays (YAML/JSON), loaded at start-up; requests name them by file name "
    "without the suffix.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="URL",
    envvar=_env("CORS_ORIGINS"),
    help="Allow browser pages of this origin to call the API (repeatable; space-separated in the variable). "
    "Off by default.",
)
@click.option(
    "--max-body",
    default=DEFAULT_MAX_BODY,
    show_default=True,
    type=click.IntRange(1_000),
    envvar=_env("MAX_BODY"),
    help="Bytes of a request body (of each line for /v1/batch); larger ones are refused 413.",
)
@click.option(
    "--time-limit",
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    type=click.FloatRange(min=0.001),
    envvar=_env("TIME_LIMIT"),
    help="Seconds a request (a batch line) may take, queueing included; then 503.",
)
@click.option(
    "--max-batch-lines",
    default=DEFAULT_MAX_BATCH_LINES,
    show_default=True,
    type=click.IntRange(1),
    envvar=_env("MAX_BATCH_LINES"),
    help="Lines one /v1/batch request may hold.",
)
@click.option("--docs-url", metavar="URL", envvar=_env("DOCS_URL"), help="The published documentation site.")
@click.option("--no-access-log", is_flag=True, envvar=_env("NO_ACCESS_LOG"), help="No access log.")
def serve(
    host: str,
    port: int,
    workers: int,
    token_file: str | None,
    insecure_no_auth: bool,
    overlays_dir: str | None,
    cors_origins: tuple[str, ...],
    max_body: int,
    time_limit: float,
    max_batch_lines: int,
    docs_url: str | None,
    no_access_log: bool,
) -> int:
    """Serve the rules over HTTP: the API under /v1 (OpenAPI at /openapi.json) and the workbench at /.

    Listens on 127.0.0.1 unless --host says otherwise; any other address needs a bearer token
    (TINGHU_POLICY_TOKEN or --token-file) or an explicit --insecure-no-auth. Every flag has a TINGHU_POLICY_*
    variable (TINGHU_POLICY_PORT, …). SIGTERM stops accepting, finishes the requests in flight, then exits.
    """
    try:
        import uvicorn
    except ImportError:
        errors.print(
            "error: the server needs the [server] extra: pip install 'tinghu-policy[server]'", markup=False
        )
        return 2
    settings = Settings(
        host=host,
        port=port,
        workers=workers,
        token=read_token(token_file),
        insecure_no_auth=insecure_no_auth,
        overlays_dir=os.path.abspath(overlays_dir) if overlays_dir else None,
        cors_origins=tuple(o for value in cors_origins for o in value.split()),
        max_body_bytes=max_body,
        time_limit=time_limit,
        max_batch_lines=max_batch_lines,
        access_log=not no_access_log,
        docs_url=docs_url.rstrip("/") + "/" if docs_url else None,
    )
    settings.check()  # SettingsError: one line, exit status 2
    from tinghu_policy.server.service import load_overlays

    load_overlays(settings.overlays_dir)  # a bad overlay is a usage error here, not in every worker
    os.environ[SETTINGS_ENV] = settings.to_env()
    # uvicorn finishes the requests in flight on SIGTERM, then raises the signal again: exit 0 on it, as a
    # service stopped on purpose (systemd, Kubernetes) is expected to
    signal.signal(signal.SIGTERM, _stopped)
    uvicorn.run(
        "tinghu_policy.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config(),
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
        server_header=False,
        proxy_headers=False,
    )
    return 0


def _stopped(signum: int, frame: object) -> None:
    raise SystemExit(0)


def log_config() -> dict[str, object]:
    """uvicorn's own messages as usual; the access log as one JSON object per line on standard error."""
    plain = {"format": "%(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": plain, "default": {"format": "%(levelname)s: %(message)s"}},
        "handlers": {
            "access": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"},
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "tinghu_policy.server": {"handlers": ["default"], "level": "INFO", "propagate": False},
            "tinghu_policy.server.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }
