"""Reading request bodies: the same hardened parsers and the same messages as the command line.

A body is JSON or YAML (``Content-Type``; without a useful one, JSON when it starts with ``{``), read by
:func:`tinghu_policy.loading.read_document`, the one reader the command line uses too (schemas/README.md,
"Conventions"): strict UTF-8, duplicate keys and ``NaN`` refused, numbers exact, YAML without tags, anchors or
aliases, size and depth caps. A line of ``/v1/batch`` is read as ``tinghu-policy batch`` reads a JSON line. A body
that does not fit the model is described as the CLI describes a file —
``request body, line 7, field project.owner.level: Input should be …``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from tinghu_policy.corpus import ExpectedFinding
from tinghu_policy.facts import Project
from tinghu_policy.facts.base import LegalDate
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.loading import Document, read_document
from tinghu_policy.server.settings import MAX_OVERLAYS_PER_REQUEST
from tinghu_policy.yaml_input import Format, InputError, Location, decode, describe, load_json

BODY = "request body"
"""How messages name the body (the CLI names the file)."""

JSON_TYPES = frozenset({"application/json", "application/x-ndjson", "application/jsonl"})
YAML_TYPES = frozenset({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
SNIFFED_TYPES = frozenset({"", "text/plain", "application/octet-stream"})

OverlayName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]


class EvaluateRequest(BaseModel):
    """What ``POST /v1/evaluate`` reads: a project with the date and the reading to evaluate it on.

    A bare project (the project schema) is accepted too, with ``as_of`` in the query. A corpus case posts as it
    is: its ``title``, ``provisions`` and ``expected`` are read and not used. The query's ``as_of``, ``option``
    and ``calendar_overlay`` win over the body's, as the CLI's flags win over a file's.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    as_of: LegalDate | None = Field(None, description="The date to evaluate on (YYYY-MM-DD, Asia/Shanghai).")
    interpretation: Interpretation = Field(
        default_factory=Interpretation,
        description="Interpretation options that differ from the defaults (GET /v1/decisions lists them).",
    )
    calendar_overlays: tuple[OverlayName, ...] = Field(
        (),
        max_length=MAX_OVERLAYS_PER_REQUEST,
        description="Names of calendar overlays the server loaded at start-up (GET /v1/version lists them), "
        "applied in order. Never a file path.",
    )
    project: Project
    title: str | None = Field(None, max_length=1000, description="A corpus case's title (not used).")
    provisions: tuple[str, ...] = Field(
        (), max_length=200, description="A corpus case's provisions (not used)."
    )
    expected: tuple[ExpectedFinding, ...] = Field(
        (), max_length=2000, description="A corpus case's expected findings (not used)."
    )


class BodyError(InputError):
    """A body that cannot be read (400) or does not fit the model (422), with the fields that failed."""

    def __init__(self, message: str, status: int, errors: tuple[FieldError, ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.errors = errors


@dataclass(frozen=True, slots=True)
class FieldError:
    """One field that failed: its path (``project.owner.level``), line in the body (if known) and the message."""

    field: str
    line: int | None
    message: str


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def body_format(content_type: str | None) -> Format | None:
    """The parser a body's media type asks for; None: the shared reader's rule (JSON when it starts with ``{``)."""
    kind = media_type(content_type)
    if kind in SNIFFED_TYPES:
        return None
    if kind in JSON_TYPES or kind.endswith("+json"):
        return "json"
    if kind in YAML_TYPES:
        return "yaml"
    raise BodyError(
        f"{BODY}: media type {kind!r} is not accepted: send application/json or application/yaml", 415
    )


def read_body(body: bytes, content_type: str | None, *, max_bytes: int) -> Document:
    """The body parsed by :func:`tinghu_policy.loading.read_document`, the reader the CLI uses."""
    if len(body) > max_bytes:
        raise BodyError(f"{BODY}: larger than {max_bytes:,} bytes", 413)
    fmt = body_format(content_type)
    if not body.strip():
        raise BodyError(f"{BODY}: empty document", 400)
    try:
        return read_document(body, name=BODY, fmt=fmt)
    except InputError as exc:
        raise BodyError(str(exc), 413 if "larger than" in str(exc) else 400) from None


def read_line(raw: bytes, number: int) -> Document:
    """One line of a JSON-lines body, read as ``tinghu-policy batch`` reads one (messages name the line)."""
    try:
        text = decode(raw, BODY, first_line=number)
        data, _ = load_json(text, BODY, first_line=number)
    except InputError as exc:
        raise BodyError(str(exc), 400) from None
    return Document(data, {(): number}, BODY)


def read_request(body: bytes, content_type: str | None, *, max_bytes: int) -> EvaluateRequest:
    """``POST /v1/evaluate``'s body: a request, a corpus case or a bare project."""
    return to_request(read_body(body, content_type, max_bytes=max_bytes))


def to_request(document: Document) -> EvaluateRequest:
    """Validate a parsed document as a request (``project`` at the top) or a bare project; errors name the line
    and the field of each problem, as the CLI's do."""
    data = document.data
    wrapped = isinstance(data, Mapping) and "project" in data
    try:
        if wrapped:
            return EvaluateRequest.model_validate(data)
        return EvaluateRequest.model_construct(
            as_of=None,
            interpretation=Interpretation(),
            calendar_overlays=(),
            project=Project.model_validate(data),
            title=None,
            provisions=(),
            expected=(),
        )
    except ValidationError as exc:
        raise invalid(exc, document.lines, document.source, data=data) from None


def invalid(
    exc: ValidationError,
    lines: Mapping[Location, int],
    source: str,
    *,
    prefix: Location = (),
    data: Any = None,
) -> BodyError:
    """A 422 :class:`BodyError` with the CLI's message and one :class:`FieldError` per problem (field paths as in
    the document sent: ``project.owner.level`` in a request, ``owner.level`` in a bare project)."""
    from tinghu_policy.migration import hint

    message = describe(exc, source, lines, prefix)
    if data is not None:
        project = data.get("project") if isinstance(data, Mapping) and "project" in data else data
        message += hint(project)
    errors = []
    for error in exc.errors(include_url=False):
        loc = (*prefix, *error["loc"])
        errors.append(FieldError(_dotted(loc) or "(document)", _nearest(loc, lines), error["msg"]))
    return BodyError(message, 422, tuple(errors))


def _nearest(loc: Location, lines: Mapping[Location, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_day(value: str, what: str) -> date:
    """A ``YYYY-MM-DD`` date from the query (the CLI's rule and message)."""
    from tinghu_policy.cli.inputs import parse_day as cli_parse_day

    return cli_parse_day(value, what)
