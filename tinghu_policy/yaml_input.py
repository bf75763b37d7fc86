"""Reading YAML (and JSON) from people and other systems safely, keeping line numbers for error messages.

Safe by construction: PyYAML's safe loader (no python tags), no anchors or aliases (no alias bombs), a size
limit and a nesting limit. A validation error is reported with the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from tinghu_policy.errors import TinghuPolicyError

MAX_BYTES = 2_000_000
MAX_DEPTH = 40

_M = TypeVar("_M", bound=BaseModel)
Location = tuple[str | int, ...]


class InputError(TinghuPolicyError):
    """Input that cannot be read or does not fit the model; the message names the source, line and field."""


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing anchors and aliases."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark: Any = event.start_mark
            raise yaml.MarkedYAMLError(
                problem="anchors (&name) and aliases (*name) are not accepted", problem_mark=mark
            )
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> date:
        """A date-shaped scalar that is no date (``2025-13-01``) is an error at its line, not a bare ValueError."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.MarkedYAMLError(
                problem=f"{node.value!r} is not a date ({exc})", problem_mark=node.start_mark
            ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _lines(node: yaml.Node, path: Location, out: dict[Location, int], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise InputError(f"line {node.start_mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark.line)
            if (*path, name) in out:  # YAML would keep the last value silently
                raise InputError(
                    f"line {key.start_mark.line + 1}: key {name!r} appears twice "
                    f"(first on line {out[(*path, name)]})"
                )
            out[(*path, name)] = key.start_mark.line + 1
            _lines(value, (*path, name), out, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for n, value in enumerate(node.value):
            _lines(value, (*path, n), out, depth + 1)


def load_yaml(text: str, source: str) -> tuple[Any, dict[Location, int]]:
    """Parse YAML or JSON text; return the data and the line of every key and list entry."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(f"{source}: larger than {MAX_BYTES} bytes")
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        # a NUL or another control character, found before parsing starts
        line = text.count("\n", 0, exc.position) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise InputError(
            f"{source}, line {line}: not valid YAML: control character {char} (write it escaped)"
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(f"{source}: empty document")
        lines: dict[Location, int] = {}
        try:
            _lines(node, (), lines, 0)
        except InputError as exc:
            raise InputError(f"{source}, {exc}") from None
        return loader.construct_document(node), lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}, line {mark.line + 1}" if mark is not None else source
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{where}: not valid YAML: {problem}") from None
    except RecursionError:
        raise InputError(f"{source}: nested too deeply") from None
    finally:
        loader.dispose()


def describe(exc: ValidationError, source: str, lines: Mapping[Location, int], prefix: Location = ()) -> str:
    """One line per problem: ``source, line N, field a.b[0].c: message``."""
    out = []
    for error in exc.errors(include_url=False):
        loc = (*prefix, *error["loc"])
        line = _nearest_line(loc, lines)
        field = _dotted(loc) or "(document)"
        out.append(f"{source}{f', line {line}' if line else ''}, field {field}: {error['msg']}")
    return "\n".join(out)


def _nearest_line(loc: Location, lines: Mapping[Location, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _dotted(loc: Location) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse(model: type[_M], text: str, source: str) -> _M:
    """Parse and validate ``text`` as ``model``; :class:`InputError` names the file, line and field."""
    data, lines = load_yaml(text, source)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        from tinghu_policy.migration import hint

        project = data.get("project") if isinstance(data, dict) and "project" in data else data
        raise InputError(describe(exc, source, lines) + hint(project)) from None


def parse_file(model: type[_M], path: Path) -> _M:
    """:func:`parse` a file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    return parse(model, text, str(path))
