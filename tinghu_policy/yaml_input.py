"""The library's one reader of text from people and other systems: bounded, one parser per format, exact.

Every document the library reads — a project, a corpus case, an interpretation file, a calendar overlay, a line of
a ``batch`` portfolio, ``Project.model_validate_json`` — goes through this module (the conventions are written up
in schemas/README.md, "Conventions"):

* **Bounded.** At most :data:`MAX_BYTES` bytes are read from a file or a stream (limit + 1, then refused), so
  ``/dev/zero`` or an endless pipe is an error, not a hang; nesting deeper than :data:`MAX_DEPTH` is refused.
* **UTF-8**, strictly: invalid bytes are an error naming the line. A byte-order mark at the very start is ignored
  (Windows editors write one; it carries nothing).
* **One parser per format**, chosen by the file's suffix (``.json`` → JSON; ``.yaml``/``.yml`` → YAML, case
  ignored); for standard input and other names, JSON when the first character other than blanks is ``{``, else
  YAML.
* **JSON** (:func:`load_json`): the standard library's parser with duplicate keys refused, ``NaN`` and
  ``Infinity`` refused, and every number with a fraction or exponent read exactly as a ``Decimal``.
* **YAML** (:func:`load_yaml`): PyYAML's safe constructor on a restricted resolver — no anchors or aliases (no
  alias bombs), no tags (``!!python/…``, ``!!binary``, even ``!!str``), no duplicate keys; ``true``/``false`` are the
  only booleans (YAML 1.1's ``yes``/``no``/``on``/``off`` stay text, which a yes/no field refuses naming it); a
  number is an integer or a ``Decimal`` read from its text; a date stays text (``2025-10-10``), read by the field's
  own type, which takes exactly ``YYYY-MM-DD``. libyaml scans the text when installed (about three times faster);
  the composer, with the checks above, is the same Python code either way.

Errors are :class:`InputError` naming the source, the line and (after validation, :func:`describe`) the field.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path, PurePath
from typing import IO, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver

from tinghu_policy.errors import TinghuPolicyError

MAX_BYTES = 2_000_000
"""The most bytes one document (a project, a case, an interpretation file, an overlay, one portfolio line) may
hold. The largest project the list caps allow is well under 1 MB of YAML."""
MAX_DEPTH = 40
"""The deepest nesting of mappings and lists accepted (a project needs 6)."""
BOM = "\ufeff"

Format = Literal["json", "yaml"]
SUFFIXES: Mapping[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}
"""How a file's suffix (case ignored) chooses the parser."""

_M = TypeVar("_M", bound=BaseModel)
Location = tuple[str | int, ...]


class InputError(TinghuPolicyError):
    """Input that cannot be read or does not fit the model; the message names the source, line and field."""


# --- reading bytes, bounded -------------------------------------------------------------------------------


def read_stream(stream: IO[bytes], source: str, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of ``stream``; :class:`InputError` if there are more (only ``limit + 1`` are read)."""
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"{source}: larger than {limit:,} bytes, the limit for one document")
    return data


def read_file(path: str | os.PathLike[str], source: str | None = None, limit: int = MAX_BYTES) -> bytes:
    """At most ``limit`` bytes of the file at ``path`` (a device or a pipe too: never more is read)."""
    name = source or os.fspath(path)
    try:
        with open(path, "rb") as stream:
            return read_stream(stream, name, limit)
    except IsADirectoryError:
        raise InputError(f"{name}: cannot read: it is a folder") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, source: str, first_line: int = 1, *, start: bool = True) -> str:
    """Strict UTF-8; invalid bytes are an error naming the line. A byte-order mark is dropped when ``data`` is
    the start of its file (``start``), and refused elsewhere (a line of a portfolio after the first)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise InputError(
            f"{source}, line {line}: not UTF-8 (byte 0x{data[exc.start]:02x} at byte {column} of the line); "
            "save the file as UTF-8"
        ) from None
    if not start and text.startswith(BOM):
        raise InputError(
            f"{source}, line {first_line}: a byte-order mark (U+FEFF) inside the file; only the start of a file "
            "may have one"
        )
    return text.removeprefix(BOM)


def check_text(text: str, source: str, limit: int = MAX_BYTES) -> str:
    """``text`` given as a string: within ``limit`` bytes of UTF-8, encodable (no lone surrogate), no BOM."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise InputError(
            f"{source}, line {line}: not valid Unicode (a lone surrogate U+{ord(text[exc.start]):04X})"
        ) from None
    if size > limit:
        raise InputError(f"{source}: larger than {limit:,} bytes, the limit for one document")
    return text.removeprefix(BOM)


def format_of(name: str | None, text: str) -> Format:
    """The parser for a document: by the suffix of ``name``; else JSON if it starts with ``{``, else YAML."""
    if name:
        found = SUFFIXES.get(PurePath(name).suffix.lower())
        if found is not None:
            return found
    return "json" if text.lstrip(" \t\r\n")[:1] == "{" else "yaml"


def load_document(
    text: str, source: str, fmt: Format, first_line: int = 1
) -> tuple[Any, Mapping[Location, int]]:
    """Parse ``text`` (already :func:`decode`-d or :func:`check_text`-ed) with the parser of ``fmt``."""
    if fmt == "json":
        return load_json(text, source, first_line)
    return load_yaml(text, source)


# --- JSON -------------------------------------------------------------------------------------------------


class _DuplicateKeyError(Exception):
    pass


class _ConstantError(Exception):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _DuplicateKeyError
    return data


def _constant(name: str) -> Any:
    raise _ConstantError(name)


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_float=Decimal, parse_constant=_constant)


def load_json(text: str, source: str, first_line: int = 1) -> tuple[Any, Mapping[Location, int]]:
    """Parse JSON text strictly: duplicate keys, ``NaN``/``Infinity`` and deep nesting refused; a number with a
    fraction or an exponent is an exact ``Decimal``. Returns the data and (computed on first use) the line of
    every key and list entry. ``first_line``: the line of the text in its file (a portfolio line)."""
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}, line {first_line + exc.lineno - 1}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except _DuplicateKeyError:
        scan = _JsonScan(text, first_line)
        where = f", line {scan.duplicate[1]}" if scan.duplicate else ""
        what = (
            f"key {scan.duplicate[0]!r} appears twice (first on line {scan.duplicate[2]})"
            if scan.duplicate
            else "a key appears twice in one object"
        )
        raise InputError(f"{source}{where}: not valid JSON: {what}") from None
    except _ConstantError as exc:
        scan = _JsonScan(text, first_line)
        where = f", line {scan.constant}" if scan.constant else ""
        raise InputError(
            f"{source}{where}: not valid JSON: {exc.args[0]} is not a number JSON allows"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{source}, line {first_line}: not valid JSON: {exc}") from None
    _check_depth(data, source)
    return data, _LazyLines(text, first_line)


def json_data_or_error(title: str, json_data: str | bytes | bytearray) -> Any:
    """The data of a JSON document for ``Model.model_validate_json``; a :class:`ValidationError` of type
    ``json_invalid`` (as pydantic's own parser gives) when it is not strict JSON."""
    try:
        if isinstance(json_data, str):
            text = check_text(json_data, "JSON input")
        else:
            text = decode(bytes(json_data), "JSON input")
        return load_json(text, "JSON input")[0]
    except InputError as exc:
        error = PydanticCustomError("json_invalid", "Invalid JSON: {error}", {"error": str(exc)})
        details: InitErrorDetails = {"type": error, "loc": (), "input": json_data}
        raise ValidationError.from_exception_data(title, [details]) from None


def _check_depth(data: Any, source: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` (level by level: no recursion, a few µs for a project)."""
    level = [data] if isinstance(data, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise InputError(f"{source}: nested more than {MAX_DEPTH} levels deep")
        below = []
        for value in level:
            for child in value.values() if type(value) is dict else value:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)


class _JsonScan:
    """Where things are in a JSON text (for messages only; the data always comes from the parser): the line of
    every key and list entry, the first duplicate key and the first ``NaN``/``Infinity``."""

    def __init__(self, text: str, first_line: int) -> None:
        newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[Location, int] = {}
        self.duplicate: tuple[str, int, int] | None = None
        self.constant: int | None = None
        # a frame: [is an object, its path, the current key or index, the keys seen (key → line), expecting a key]
        stack: list[list[Any]] = []
        for match in _TOKEN.finditer(text):
            token = match.group()
            line = first_line + bisect_left(newlines, match.start())
            first = token[0]
            top = stack[-1] if stack else None
            if first in "}]":
                if stack:
                    stack.pop()
                continue
            if first == ",":
                if top is not None:
                    if top[0]:
                        top[4] = True
                    else:
                        top[2] += 1
                continue
            if first == ":":
                if top is not None:
                    top[4] = False
                continue
            if top is not None and top[0] and top[4]:  # a key
                key = _string(token)
                if key in top[3] and self.duplicate is None:
                    self.duplicate = (key, line, top[3][key])
                top[3][key] = line
                top[2] = key
                self.lines[(*top[1], key)] = line
                continue
            path: Location = () if top is None else (*top[1], top[2])
            self.lines.setdefault(path, line)
            if token in ("NaN", "Infinity", "-Infinity") and self.constant is None:
                self.constant = line
            if first == "{":
                stack.append([True, path, None, {}, True])
            elif first == "[":
                stack.append([False, path, 0, {}, False])


def _string(token: str) -> str:
    try:
        value = json.loads(token)
    except ValueError:
        return token
    return value if isinstance(value, str) else token


class _LazyLines(Mapping[Location, int]):
    """The lines of a JSON text's keys and entries, found only when a message needs them."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text = text
        self._first_line = first_line
        self._lines: dict[Location, int] | None = None

    def _found(self) -> dict[Location, int]:
        if self._lines is None:
            self._lines = _JsonScan(self._text, self._first_line).lines
        return self._lines

    def __getitem__(self, key: Location) -> int:
        return self._found()[key]

    def __iter__(self) -> Iterator[Location]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


# --- YAML -------------------------------------------------------------------------------------------------


class _Resolver(BaseResolver):
    """What a plain scalar is: ``null``/``~``/empty, ``true``/``false``, a decimal integer, a decimal number;
    anything else (``yes``, ``on``, ``2025-10-10``, ``0x1F``, ``1_000``) is text."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])
_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), ["t", "f"])
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)


class _Constructor(SafeConstructor):
    """Integers and numbers read exactly from their text."""

    def construct_exact_int(self, node: yaml.ScalarNode) -> int:
        try:
            return int(node.value)
        except ValueError as exc:  # more than 4,300 digits
            raise ConstructorError(None, None, f"{node.value[:20]}…: {exc}", node.start_mark) from None

    def construct_exact_number(self, node: yaml.ScalarNode) -> Decimal:
        return Decimal(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_exact_int)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_exact_number)  # type: ignore[type-var]

try:  # libyaml's scanner and parser when installed; the composer below is the same either way
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)


class _Loader(Composer, _Parser, _Constructor, _Resolver):
    """The composer refusing anchors, aliases, tags and deep nesting as it meets them."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: Any = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ComposerError(
                None, None, "anchors (&name) and aliases (*name) are not accepted", event.start_mark
            )
        if getattr(event, "tag", None) is not None:
            raise ComposerError(
                None,
                None,
                f"tags ({event.tag.replace('tag:yaml.org,2002:', '!!')}) are not accepted: write the value plainly",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _lines(node: yaml.Node, path: Location, out: dict[Location, int]) -> None:
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
            _lines(value, (*path, name), out)
    elif isinstance(node, yaml.SequenceNode):
        for n, value in enumerate(node.value):
            _lines(value, (*path, n), out)


def load_yaml(text: str, source: str) -> tuple[Any, dict[Location, int]]:
    """Parse YAML text with the restricted loader; return the data and the line of every key and list entry."""
    text = check_text(text, source)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # the pure-Python reader checks the characters first
        raise InputError(_reader_error(exc, text, source)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(f"{source}: empty document")
        lines: dict[Location, int] = {}
        try:
            _lines(node, (), lines)
        except InputError as exc:
            raise InputError(f"{source}, {exc}") from None
        return loader.construct_document(node), lines
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_error(exc, text, source)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}, line {mark.line + 1}" if mark is not None else source
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{where}: not valid YAML: {problem}") from None
    except RecursionError:
        raise InputError(f"{source}: nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()


def _reader_error(exc: yaml.reader.ReaderError, text: str, source: str) -> str:
    """A NUL or another control character: the line and the character."""
    line = text.count("\n", 0, exc.position) + 1
    char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return f"{source}, line {line}: not valid YAML: control character {char} (write it escaped)"


# --- validation messages ----------------------------------------------------------------------------------


def describe(exc: ValidationError, source: str, lines: Mapping[Location, int], prefix: Location = ()) -> str:
    """One line per problem: ``source, line N, field a.b[0].c: message``."""
    out = []
    for error in exc.errors(include_url=False):
        loc = (*prefix, *error["loc"])
        line = _nearest_line(loc, lines)
        field = _dotted(loc) or "(document)"
        out.append(f"{source}{f', line {line}' if line else ''}, field {field}: {message_of(error)}")
    return "\n".join(out)


def message_of(error: Any) -> str:
    """pydantic's message, said plainly where it would mislead: a boolean written another way."""
    if error["type"] == "bool_type" and error["input"] is not None:
        return f"{error['input']!r} is not a boolean: write true or false (yes/no/on/off are not booleans)"
    return str(error["msg"])


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


def parse(model: type[_M], text: str, source: str, fmt: Format | None = None) -> _M:
    """Parse and validate ``text`` as ``model`` (JSON or YAML: ``fmt``, else by :func:`format_of` ``source``);
    :class:`InputError` names the source, the line and the field."""
    text = check_text(text, source)
    data, lines = load_document(text, source, fmt or format_of(source, text))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        from tinghu_policy.migration import hint

        project = data.get("project") if isinstance(data, dict) and "project" in data else data
        raise InputError(describe(exc, source, lines) + hint(project)) from None


def parse_file(model: type[_M], path: Path) -> _M:
    """:func:`parse` a file (at most :data:`MAX_BYTES` read), its format chosen by its suffix."""
    return parse(model, decode(read_file(path), str(path)), str(path))
