"""Reading what the commands evaluate: a project or a corpus case, interpretation overrides, calendar overlays.

Everything goes through the library's one reader (:mod:`tinghu_policy.loading`, :mod:`tinghu_policy.yaml_input`):
at most 2,000,000 bytes read from a file or standard input, strict UTF-8, JSON for ``.json``, YAML for
``.yaml``/``.yml``, and for standard input JSON when it starts with ``{``. Every error is an
:class:`~tinghu_policy.yaml_input.InputError` naming the file (or ``--option``), the line and the field, so the CLI
shows one readable message and exits with status 2.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tinghu_policy.corpus import ExpectedFinding
from tinghu_policy.facts import Project
from tinghu_policy.facts.base import LegalDate
from tinghu_policy.interpretation import DECISIONS, Interpretation
from tinghu_policy.isodate import iso_date
from tinghu_policy.loading import Document, read_document, validate
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.periods.legal_date import legal_zone
from tinghu_policy.yaml_input import MAX_BYTES, InputError, Location, decode, message_of, read_stream

STDIN = "-"
STDIN_NAME = "<stdin>"


class EvaluationInput(BaseModel):
    """A project to evaluate, with the date and the interpretation to use (a corpus case has this shape too).

    A file holding a bare :class:`~tinghu_policy.facts.Project` is read as ``{project: <the file>}``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str | None = Field(None, description="What the case shows (corpus cases).")
    provisions: tuple[str, ...] = Field((), description="The provision ids a corpus case exercises.")
    as_of: LegalDate | None = Field(None, description="The date to evaluate on; the command's --as-of wins.")
    interpretation: Interpretation = Field(default_factory=Interpretation)
    project: Project
    expected: tuple[ExpectedFinding, ...] = Field((), description="A corpus case's expected findings.")


def is_request(data: object) -> bool:
    """Whether parsed input is an evaluation request or case (it has ``project``) rather than a bare project."""
    return isinstance(data, Mapping) and "project" in data


def read_input(path: str) -> Document:
    """Read and parse ``path`` (``-``: standard input) with the one reader; at most 2,000,000 bytes are read."""
    if path == STDIN:
        binary = getattr(sys.stdin, "buffer", None)
        if binary is None:  # a text stream put in place of standard input (an embedding program, a test)
            return read_document(sys.stdin.read(MAX_BYTES + 1), name=STDIN_NAME)
        return read_document(decode(read_stream(binary, STDIN_NAME), STDIN_NAME), name=STDIN_NAME)
    return read_document(Path(path), name=path)


def to_input(document: Document) -> EvaluationInput:
    """A parsed project or case as an :class:`EvaluationInput`; errors name the source, the line and the field."""
    if is_request(document.data):
        return validate(EvaluationInput, document)
    return EvaluationInput(project=validate(Project, document))


def parse_input(text: str, source: str) -> EvaluationInput:
    """A project or a case from YAML or JSON text (the parser chosen by ``source``'s suffix, else by the text)."""
    return to_input(read_document(text, name=source))


def today_in_shanghai() -> date:
    """Today's date in Asia/Shanghai (D14), the default ``as_of``."""
    return datetime.now(legal_zone()).date()


def parse_day(value: str, what: str) -> date:
    """A date given on the command line: exactly ``YYYY-MM-DD`` (``20250101`` and ``2025W011`` are refused, as in
    files)."""
    try:
        return iso_date(value)
    except ValueError as exc:
        raise InputError(f"{what}: {exc}") from None


# --- interpretation overrides -----------------------------------------------------------------------------

_NULLS = frozenset({"", "none", "null"})


def option_names() -> dict[str, str]:
    """Every accepted ``--option`` name (field names and decision ids such as ``D5``) → the field name."""
    names = {name: name for name in Interpretation.model_fields}
    names |= {d.id.lower(): d.field for d in DECISIONS.values()}
    return names


def parse_options(pairs: Iterable[str]) -> dict[str, str | None]:
    """``NAME=VALUE`` pairs → field → raw value (``none``/``null`` → None); unknown names name near matches."""
    names = option_names()
    out: dict[str, str | None] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"--option {pair!r}: write NAME=VALUE, e.g. serious_overdue_boundary=at_least")
        field = names.get(name) or names.get(name.lower())
        if field is None:
            near = difflib.get_close_matches(name, list(Interpretation.model_fields), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise InputError(
                f"--option {name}: unknown interpretation option{hint} "
                f"(options: {', '.join(Interpretation.model_fields)}, or a decision id D1–D{len(DECISIONS)})"
            )
        value = value.strip()
        out[field] = None if value.lower() in _NULLS else value
    return out


def build_interpretation(
    base: Interpretation,
    *,
    file: str | None = None,
    options: Mapping[str, str | None] | None = None,
) -> Interpretation:
    """``base`` (as set by the case), then the fields of ``file``, then ``options``; errors name their origin."""
    data: dict[str, Any] = {name: getattr(base, name) for name in base.model_fields_set}
    origin: dict[str, str] = {}
    lines: dict[Location, int] = {}
    if file is not None:
        document = read_input(file)
        overrides, source = document.data, document.source
        if not isinstance(overrides, Mapping):
            raise InputError(f"{source}: an interpretation file is a mapping of option: value")
        lines = dict(document.lines)
        data |= overrides
        origin |= dict.fromkeys(map(str, overrides), source)
    for name, value in (options or {}).items():
        data[name] = _option_value(name, value)
        origin[name] = "--option"
    try:
        return Interpretation.model_validate(data)
    except ValidationError as exc:
        raise InputError(_describe_interpretation(exc, origin, lines)) from None


def _option_value(name: str, value: str | None) -> object:
    """An option's text as its field reads it: ``true``/``false`` for a yes/no option (nothing else)."""
    field = Interpretation.model_fields.get(name)
    if field is not None and field.annotation is bool and value in ("true", "false"):
        return value == "true"
    return value


def _describe_interpretation(
    exc: ValidationError, origin: Mapping[str, str], lines: Mapping[Location, int]
) -> str:
    out = []
    for error in exc.errors(include_url=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        source = origin.get(field, "interpretation")
        line = lines.get((field,))
        where = f"{source}, line {line}" if line else source
        out.append(f"{where}, field {field or '(document)'}: {message_of(error)}")
    return "\n".join(out)


def build_calendar(overlays: Iterable[str]) -> WorkCalendar:
    """The default calendar with each overlay added in order (``--calendar-overlay``)."""
    calendar = WorkCalendar.default()
    for path in overlays:
        calendar = calendar.with_overlay(path)
    return calendar
