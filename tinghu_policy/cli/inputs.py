"""Reading what the commands evaluate: a project or a corpus case, interpretation overrides, calendar overlays.

Every error is an :class:`~tinghu_policy.yaml_input.InputError` naming the file (or ``--option``), the line and
the field, so the CLI shows one readable message and exits with status 2.
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
from tinghu_policy.migration import hint
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.periods.legal_date import legal_zone
from tinghu_policy.yaml_input import InputError, Location, describe, load_yaml

STDIN = "-"


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


def read_text(path: str) -> tuple[str, str]:
    """The text of ``path`` (``-``: standard input) and the name to use in messages."""
    if path == STDIN:
        return sys.stdin.read(), "<stdin>"
    try:
        return Path(path).read_text(encoding="utf-8"), path
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None


def parse_input(text: str, source: str) -> EvaluationInput:
    """A project or a case from YAML or JSON text; errors name ``source``, the line and the field."""
    data, lines = load_yaml(text, source)
    request = is_request(data)
    try:
        if request:
            return EvaluationInput.model_validate(data)
        return EvaluationInput(project=Project.model_validate(data))
    except ValidationError as exc:
        raise InputError(
            describe(exc, source, lines) + hint(data.get("project") if request else data)
        ) from None


def today_in_shanghai() -> date:
    """Today's date in Asia/Shanghai (D14), the default ``as_of``."""
    return datetime.now(legal_zone()).date()


def parse_day(value: str, what: str) -> date:
    """A ``YYYY-MM-DD`` date given on the command line."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date (write YYYY-MM-DD)") from None


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
                f"(options: {', '.join(Interpretation.model_fields)}, or a decision id D1–D16)"
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
        text, source = read_text(file)
        overrides, lines = load_yaml(text, source)
        if not isinstance(overrides, Mapping):
            raise InputError(f"{source}: an interpretation file is a mapping of option: value")
        data |= overrides
        origin |= dict.fromkeys(map(str, overrides), source)
    for name, value in (options or {}).items():
        data[name] = value
        origin[name] = "--option"
    try:
        return Interpretation.model_validate(data)
    except ValidationError as exc:
        raise InputError(_describe_interpretation(exc, origin, lines)) from None


def _describe_interpretation(
    exc: ValidationError, origin: Mapping[str, str], lines: Mapping[Location, int]
) -> str:
    out = []
    for error in exc.errors(include_url=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        source = origin.get(field, "interpretation")
        line = lines.get((field,))
        where = f"{source}, line {line}" if line else source
        out.append(f"{where}, field {field or '(document)'}: {error['msg']}")
    return "\n".join(out)


def build_calendar(overlays: Iterable[str]) -> WorkCalendar:
    """The default calendar with each overlay added in order (``--calendar-overlay``)."""
    calendar = WorkCalendar.default()
    for path in overlays:
        calendar = calendar.with_overlay(path)
    return calendar
