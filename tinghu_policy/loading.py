"""Reading a project from a file, bytes or text: the one reader the Python API and the command line share.

>>> from pathlib import Path
>>> from tinghu_policy import load_project, evaluate
>>> project = load_project(Path("project.yaml"))                # doctest: +SKIP
>>> project = load_project(b'{"id": "TH-1", ...}')              # doctest: +SKIP
>>> report = evaluate(project, as_of=date(2026, 3, 20))         # doctest: +SKIP

What is accepted is written up in schemas/README.md, "Conventions", and holds on every path (``tinghu-policy
evaluate``, ``batch``, ``migrate``, corpus cases, interpretation files, calendar overlays and this function):

* at most 2,000,000 bytes (:data:`~tinghu_policy.yaml_input.MAX_BYTES`), read no further;
* strict UTF-8, a byte-order mark at the start ignored;
* JSON for a ``.json`` file, YAML for ``.yaml``/``.yml``; bytes, text and other files: JSON when the first
  character other than blanks is ``{``, else YAML (or say which with ``fmt=``);
* duplicate keys refused (JSON and YAML), ``NaN``/``Infinity`` refused, numbers read exactly;
* YAML without anchors, aliases or tags; ``true``/``false`` the only booleans;
* dates exactly ``YYYY-MM-DD``; amounts a decimal string or a number read from its text (a Python ``float``
  given to the API is refused as inexact).

Every refusal is an :class:`~tinghu_policy.yaml_input.InputError` (a :class:`~tinghu_policy.TinghuPolicyError`)
whose message names the source, the line and the field; a validation failure keeps pydantic's
:class:`~pydantic.ValidationError` as its ``__cause__``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from tinghu_policy.yaml_input import (
    MAX_BYTES,
    Format,
    InputError,
    Location,
    check_text,
    decode,
    describe,
    format_of,
    load_document,
    read_file,
)

if TYPE_CHECKING:
    from tinghu_policy.facts import Project

_M = TypeVar("_M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document: its data, the line of every key and list entry, and the name messages use."""

    data: Any
    lines: Mapping[Location, int]
    source: str


def read_document(
    source: bytes | bytearray | str | os.PathLike[str], *, name: str | None = None, fmt: Format | None = None
) -> Document:
    """Read and parse ``source``: a path (``pathlib.Path``; its suffix picks the parser), ``bytes`` (the file's
    content) or ``str`` (the document's text — not a file name). ``name`` is what messages call it."""
    if isinstance(source, bytes | bytearray):
        label = name or "<bytes>"
        if len(source) > MAX_BYTES:
            raise InputError(f"{label}: larger than {MAX_BYTES:,} bytes, the limit for one document")
        text = decode(bytes(source), label)
    elif isinstance(source, str):
        label = name or "<text>"
        text = check_text(source, label)
    else:
        label = name or os.fspath(source)
        text = decode(read_file(source, label), label)
        if fmt is None:
            fmt = format_of(os.fspath(source), text)
    data, lines = load_document(text, label, fmt or format_of(name, text))
    return Document(data, lines, label)


def validate(model: type[_M], document: Document, prefix: Location = ()) -> _M:
    """``document``'s data as ``model``; :class:`InputError` naming the source, the line and every field."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        from tinghu_policy.migration import hint

        data = document.data
        project = data.get("project") if isinstance(data, Mapping) and "project" in data else data
        raise InputError(describe(exc, document.source, document.lines, prefix) + hint(project)) from exc


def load_project(
    source: bytes | bytearray | str | os.PathLike[str], *, name: str | None = None, fmt: Format | None = None
) -> Project:
    """A :class:`~tinghu_policy.facts.Project` from a file (a ``pathlib.Path``), its bytes, or its text.

    ``str`` is the document itself, not a file name: pass ``Path("project.yaml")`` to read a file. ``fmt``
    (``"json"`` or ``"yaml"``) overrides the choice by suffix or first character; ``name`` names the source in
    messages. Raises :class:`~tinghu_policy.yaml_input.InputError` for anything refused (module docstring).
    """
    from tinghu_policy.facts import Project

    return validate(Project, read_document(source, name=name, fmt=fmt))
