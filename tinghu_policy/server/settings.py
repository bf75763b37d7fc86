"""The server's settings: flags of ``tinghu-policy serve`` or ``TINGHU_POLICY_*`` environment variables.

Safe by default: the server listens on 127.0.0.1. To listen on any other address it needs a bearer token (from
``TINGHU_POLICY_TOKEN`` or a file, ``--token-file``), unless ``--insecure-no-auth`` is given on the command line.
A token, once configured, is required on loopback too. CORS is off unless origins are named.
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tinghu_policy.errors import TinghuPolicyError

ENV_PREFIX = "TINGHU_POLICY_"
SETTINGS_ENV = "TINGHU_POLICY_SERVE_SETTINGS"
"""How the command hands its settings to the worker processes (uvicorn starts them from an import string)."""

MIN_TOKEN_LENGTH = 16
DEFAULT_MAX_BODY = 2_000_000
"""Bytes of a request body, as the CLI's input limit (:data:`tinghu_policy.yaml_input.MAX_BYTES`)."""
DEFAULT_TIME_LIMIT = 10.0
"""Seconds a request may compute (queueing included) before it is answered 503."""
DEFAULT_MAX_BATCH_LINES = 100_000
MAX_OVERLAYS_PER_REQUEST = 16


class SettingsError(TinghuPolicyError):
    """Settings that would make the server unsafe or cannot work (a usage error, exit status 2)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a server process needs; plain values, so that it passes to worker processes as JSON."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    token: str | None = field(default=None, repr=False)
    insecure_no_auth: bool = False
    overlays_dir: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY
    time_limit: float = DEFAULT_TIME_LIMIT
    max_batch_lines: int = DEFAULT_MAX_BATCH_LINES
    access_log: bool = True
    docs_url: str | None = None
    """Where the documentation site is published (``https://…/``): the workbench links each provision there;
    without it, the provision opens in the workbench itself."""

    def check(self) -> None:
        """Refuse unsafe or impossible settings (:class:`SettingsError` says what to do)."""
        if self.token is not None and len(self.token) < MIN_TOKEN_LENGTH:
            raise SettingsError(f"the token is shorter than {MIN_TOKEN_LENGTH} characters: use a random one")
        if self.token is None and not self.insecure_no_auth and not is_loopback(self.host):
            raise SettingsError(
                f"listening on {self.host} (not loopback) needs a token: set {ENV_PREFIX}TOKEN or --token-file, "
                "or give --insecure-no-auth to serve without one"
            )
        if self.token is not None and self.insecure_no_auth:
            raise SettingsError("give a token or --insecure-no-auth, not both")
        if not 1 <= self.workers <= 64:
            raise SettingsError(f"--workers {self.workers}: give 1 to 64")
        if self.max_body_bytes < 1_000 or self.time_limit <= 0 or self.max_batch_lines < 1:
            raise SettingsError("limits must be positive (body at least 1000 bytes)")
        for origin in self.cors_origins:
            if origin == "*" or not origin.startswith(("http://", "https://")):
                raise SettingsError(
                    f"CORS origin {origin!r}: name each origin, e.g. https://approvals.example"
                )
        if self.overlays_dir is not None and not Path(self.overlays_dir).is_dir():
            raise SettingsError(f"--calendar-overlays {self.overlays_dir}: not a folder")

    @property
    def auth(self) -> bool:
        return self.token is not None

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """The settings the command put in :data:`SETTINGS_ENV` (defaults when absent: tests, ``uvicorn`` run by
        hand)."""
        raw = (os.environ if environ is None else environ).get(SETTINGS_ENV)
        if not raw:
            return cls()
        data = json.loads(raw)
        data["cors_origins"] = tuple(data.get("cors_origins", ()))
        return cls(**data)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``: addresses only this machine reaches."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: str | None, environ: dict[str, str] | None = None) -> str | None:
    """The bearer token: the file's first line (``--token-file``), else ``TINGHU_POLICY_TOKEN``, else None."""
    env = os.environ if environ is None else environ
    path = token_file or env.get(f"{ENV_PREFIX}TOKEN_FILE")
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"--token-file {path}: cannot read: {exc}") from None
        token = text.strip().splitlines()[0].strip() if text.strip() else ""
        if not token:
            raise SettingsError(f"--token-file {path}: empty")
        return token
    token = env.get(f"{ENV_PREFIX}TOKEN", "").strip()
    return token or None
