"""Reading a ledger: the workbook → projects, each validated by the facts model, every bad cell reported.

Reading goes in two passes, so that a workbook of any size is read in bounded memory:

1. **scan** — each sheet of facts is streamed row by row (openpyxl's read-only mode: the sheet is never held
   whole); each cell is read by its column (:mod:`tinghu_policy.ledger.cells`) and each row goes, with the
   problems of its cells, into a temporary SQLite file keyed by the project. Sheets are scanned in parallel
   worker processes (``jobs``), each into a file of its own.
2. **assemble** — for each row of 项目, in order, the project's rows of every sheet are fetched (an index on the
   project), put together into the model's input and validated by :class:`~tinghu_policy.facts.Project`
   (:meth:`LedgerReader.entries`), so every rule and check of the model applies. A model error is traced back to
   its cell through the layout: ``review[0].initial_opinion.issued`` → 审核轮次!E7.

Nothing is dropped without a word. A cell that cannot be read, a row in a sheet with no 项目编号 or with one that
is not in 项目, a column the ledger does not have, a cell under no header, a merged range, a formula, an entry
numbered twice or with a gap: each is a :class:`~tinghu_policy.ledger.problems.Problem` naming the sheet, the
cell, the field and the reason. A project with a problem is not read (its problems are listed); the others are.
A sheet the ledger does not know is listed as skipped; a hidden sheet of the ledger is read, and said so.
"""

from __future__ import annotations

import difflib
import json
import multiprocessing
import os
import re
import sqlite3
import tempfile
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import ValidationError

from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.ledger.cells import CellError, blank, read_cell
from tinghu_policy.ledger.layout import (
    INSTRUCTIONS,
    NAMES,
    PROJECT_ID,
    Column,
    Kind,
    Layout,
    Sheet,
    sheets,
)
from tinghu_policy.ledger.layout import (
    Path as FieldPath,
)
from tinghu_policy.ledger.problems import Problem, paths_in, reason_zh

PROJECTS = 0
"""The index of 项目 in :func:`sheets`."""
BATCH = 2_000
"""Rows written to the scan file per transaction."""
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?)"')
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")


class LedgerError(TinghuPolicyError):
    """The workbook cannot be read as a ledger at all (not an .xlsx file, no 项目 sheet)."""


# ------------------------------------------------------------------------------------------------ workbook


def _open(path: Path) -> Any:
    """The workbook in openpyxl's read-only mode (formulas kept as formulas, so that they can be refused)."""
    import openpyxl  # the [ledger] extra
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except FileNotFoundError:
        raise LedgerError(f"{path}: 文件不存在") from None
    except IsADirectoryError:
        raise LedgerError(f"{path}: 是文件夹，不是工作簿") from None
    except PermissionError:
        raise LedgerError(f"{path}: 无权读取") from None
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        OSError,
        EOFError,
    ) as exc:
        hint = "旧的 .xls 格式请在 Excel 中另存为 .xlsx" if str(path).lower().endswith(".xls") else ""
        raise LedgerError(
            f"{path}: 不能作为 Excel 工作簿（.xlsx）读取（{type(exc).__name__}: {exc}）"
            + (f"；{hint}" if hint else "")
        ) from None


def _letter(column: int) -> str:
    """The letter of a column (1 → A)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _merged(path: Path, member: str | None) -> list[str]:
    """The merged ranges of a sheet, read from its XML in chunks (openpyxl's read-only mode does not give them)."""
    if member is None:
        return []
    found: list[str] = []
    buffer = b""
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as source:
        while True:
            chunk = source.read(1 << 20)
            buffer += chunk
            limit = len(buffer) if not chunk else max(0, len(buffer) - 4096)  # a tag is shorter than 4096
            keep = limit
            for match in _MERGE.finditer(buffer):
                if match.end() > limit:
                    keep = min(keep, match.start())
                    break
                found.append(match.group(1).decode())
            if not chunk:
                return found
            buffer = buffer[keep:]


def _rows_of(ref: str) -> range:
    cells = [int(m.group(2)) for m in _CELL_REF.finditer(ref)]
    return range(min(cells), max(cells) + 1)


# ------------------------------------------------------------------------------------------------ the scan


@dataclass(slots=True)
class SheetScan:
    """What the scan learned of one sheet: where its columns are, and its problems."""

    name: str
    index: int
    letters: dict[int, str] = field(default_factory=dict)
    """Each column of the layout (its position in the sheet) → the worksheet's column letter."""
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ScanResult:
    sheets: list[SheetScan]
    skipped: list[tuple[str, str]]


class _Store:
    """The scan file: one row per ledger row (sheet, row, project, payload), written in batches."""

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path)
        self.connection.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8000; PRAGMA temp_store=FILE;"
            "CREATE TABLE IF NOT EXISTS rows (sheet INTEGER, row INTEGER, project TEXT, payload TEXT);"
        )
        self.pending: list[tuple[int, int, str | None, str]] = []

    def add(self, sheet: int, row: int, project: str | None, payload: object) -> None:
        self.pending.append(
            (sheet, row, project, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
        )
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            with self.connection:
                self.connection.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", self.pending)
            self.pending.clear()

    def close(self) -> None:
        self.flush()
        self.connection.close()


def _suggest(header: str, found: Sheet) -> str:
    close = difflib.get_close_matches(header, [c.header for c in found.columns], n=1, cutoff=0.5)
    return f"（是否为“{close[0]}”？）" if close else ""


def _scan_sheet(path: Path, worksheet: Any, found: Sheet, index: int, store: _Store) -> SheetScan:
    scan = SheetScan(found.name, index)
    if worksheet.sheet_state != "visible":
        scan.notes.append(f"工作表「{found.name}」是隐藏的，已照常读取")
    merged = _merged(path, getattr(worksheet, "_worksheet_path", None))
    merged_rows: dict[int, list[str]] = {}
    for ref in merged:
        for row in _rows_of(ref):
            merged_rows.setdefault(row, []).append(ref)
    worksheet.reset_dimensions()  # never trust the stored dimension: read every row there is
    rows = worksheet.iter_rows()
    header = next(rows, ())
    positions: dict[int, int] = {}
    unknown: dict[int, str] = {}
    for i, cell in enumerate(header):
        value = cell.value
        if blank(value):
            continue
        ref = f"{_letter(i + 1)}1"
        text = str(value).strip()
        try:
            at = found.columns.index(found.column(text))
        except KeyError:
            unknown[i] = text
            scan.problems.append(
                Problem(found.name, ref, f"台账没有“{text}”这一列{_suggest(text, found)}：此列未读取", text)
            )
            continue
        if at in scan.letters:
            unknown[i] = text
            scan.problems.append(
                Problem(found.name, ref, f"“{text}”列重复（另见{scan.letters[at]}1）：此列未读取", text)
            )
            continue
        positions[i] = at
        scan.letters[at] = _letter(i + 1)
    for ref in merged_rows.get(1, []):
        scan.problems.append(Problem(found.name, ref.split(":")[0], f"表头有合并单元格（{ref}）：请取消合并"))
    missing = [c.header for n, c in enumerate(found.columns) if (c.key or n == 0) and n not in scan.letters]
    if missing:
        for row in rows:  # what the sheet holds is not read: say how much
            if any(not blank(c.value) for c in row):
                scan.rows += 1
        if any(not blank(c.value) for c in header) or scan.rows:
            scan.problems.append(
                Problem(found.name, None, f"缺少“{'”“'.join(missing)}”列（表头应在第1行）：此表未读取")
            )
        else:
            scan.notes.append(f"工作表「{found.name}」为空")
        if scan.rows:
            scan.problems.append(Problem(found.name, None, f"此表有{scan.rows}行内容未读取"))
        return scan
    columns = found.columns
    for number, row in enumerate(rows, 2):
        values: list[list[Any]] = []
        problems: list[list[Any]] = []
        for i, cell in enumerate(row):
            value = cell.value
            if value is None or (value.__class__ is str and not value.strip()):
                continue
            position = positions.get(i)
            if position is None:
                name = unknown.get(i)
                reason = f"“{name}”不是台账的列：此单元格未读取" if name else "此列没有表头：此单元格未读取"
                problems.append([f"{_letter(i + 1)}{number}", name, None, reason])
                continue
            column = columns[position]
            try:
                values.append([position, read_cell(column, value, cell.data_type)])
            except CellError as exc:
                problems.append([f"{_letter(i + 1)}{number}", column.header, column.fact, exc.reason])
        if not values and not problems:
            continue
        scan.rows += 1
        for ref in merged_rows.get(number, []):
            problems.append(
                [
                    ref.split(":")[0],
                    None,
                    None,
                    f"合并单元格（{ref}）：台账不读取合并单元格，请取消合并并在每一格填写",
                ]
            )
        project = next((v for p, v in values if p == 0), None)
        if not isinstance(project, str) or not project.strip():
            project = None
            problems.append(
                [
                    f"A{number}" if 0 not in scan.letters else f"{scan.letters[0]}{number}",
                    PROJECT_ID,
                    None,
                    "此行有内容但没有项目编号：此行未读取",
                ]
            )
        store.add(index, number, project, [values, problems])
    return scan


def scan(path: Path, names: Sequence[str], database: str) -> ScanResult:
    """Scan the sheets ``names`` of the ledger at ``path`` into the SQLite file ``database``."""
    workbook = _open(path)
    store = _Store(database)
    result = ScanResult([], [])
    index = {s.name: n for n, s in enumerate(sheets())}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in names:
                found = sheets()[index[name]]
                result.sheets.append(_scan_sheet(path, workbook[name], found, index[name], store))
    finally:
        store.close()
        workbook.close()
    return result


def _scan_job(arguments: tuple[Path, list[str], str]) -> ScanResult:
    return scan(*arguments)


# ----------------------------------------------------------------------------------------------- assembly


@dataclass(slots=True)
class Places:
    """Where one project's facts are in the ledger: to trace a model error back to its cell."""

    project_row: int
    single: dict[int, int] = field(default_factory=dict)
    """Sheet index → the project's row in each sheet of one row per project."""
    funding: list[int] = field(default_factory=list)
    """The layout position in 项目 of each funding entry, in order."""
    entries: dict[tuple[FieldPath, int], tuple[int, int]] = field(default_factory=dict)
    """(a list's path, an entry's index) → (sheet index, row)."""
    opinions: dict[tuple[int, str], int] = field(default_factory=dict)
    """(review round index, party code) → row of 部门意见."""


@dataclass(slots=True)
class Assembled:
    """A project's input put together from its rows, or the problems that kept it from being put together."""

    id: str
    row: int
    data: dict[str, Any]
    places: Places
    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class Entry:
    """A project read from the ledger: the project, or its problems (then ``project`` is None)."""

    id: str
    row: int
    """Its row in 项目."""
    project: Project | None
    problems: tuple[Problem, ...] = ()


def _set(data: dict[str, Any], path: FieldPath, value: Any) -> None:
    for name in path[:-1]:
        data = data.setdefault(name, {})
    data[path[-1]] = value


def _get(data: dict[str, Any], path: FieldPath) -> Any:
    current: Any = data
    for name in path:
        if not isinstance(current, dict) or name not in current:
            return None
        current = current[name]
    return current


class _Locator:
    """Traces a model error's location (a pydantic ``loc``) back to a sheet, a cell and a header."""

    def __init__(self, scans: dict[int, SheetScan]) -> None:
        self.scans = scans
        self.single: dict[FieldPath, tuple[int, int]] = {}
        self.lists: dict[FieldPath, int] = {}
        for index, found in enumerate(sheets()):
            if found.layout is Layout.PROJECT:
                for position, column in enumerate(found.columns):
                    if not column.key and column.source is None:
                        self.single.setdefault(column.path, (index, position))
            elif found.layout in (Layout.ITEMS, Layout.DATES):
                self.lists[found.target] = index
            elif found.layout is Layout.CHOICE:
                for _, path in found.choices:
                    self.lists[path] = index
        self.opinions = next(n for n, s in enumerate(sheets()) if s.layout is Layout.OPINIONS)

    def cell(self, sheet_index: int, position: int | None, row: int) -> tuple[str, str, str | None]:
        """(sheet, cell or row, header) of a column in a row."""
        found = sheets()[sheet_index]
        if position is None:
            return found.name, str(row), None
        letter = self.scans[sheet_index].letters.get(position) if sheet_index in self.scans else None
        header = found.columns[position].header
        if letter is None:
            return found.name, str(row), f"{header}（此表没有这一列）"
        return found.name, f"{letter}{row}", header

    def locate(self, loc: Sequence[str | int], places: Places) -> tuple[str, str, str | None]:
        """(sheet, cell or row, header) for a location in the project's input."""
        names = tuple(str(p) for p in loc)
        if names[:1] == ("funding",) and len(loc) > 1 and isinstance(loc[1], int):
            position = places.funding[loc[1]] if loc[1] < len(places.funding) else None
            return self.cell(PROJECTS, position, places.project_row)
        if (
            names[:1] == ("review",)
            and len(loc) > 3
            and isinstance(loc[1], int)
            and names[2] == "department_opinions"
        ):
            row = places.opinions.get((loc[1], names[3]))
            if row is not None:
                return self.cell(self.opinions, len(sheets()[self.opinions].columns) - 1, row)
        for n in range(len(loc) - 1, 0, -1):  # the longest list whose entry holds the location
            head = names[:n]
            index = loc[n]
            if head in self.lists and isinstance(index, int):
                sheet_index = self.lists[head]
                where = places.entries.get((head, index))
                if where is None:
                    break
                found = sheets()[sheet_index]
                position = 1 if found.layout is Layout.DATES else _position(found, names[n + 1 :])
                return self.cell(sheet_index, position, where[1])
        for n in range(len(names), 0, -1):
            target = self.single.get(names[:n])
            if target is not None:
                sheet_index, position = target
                return self.cell(sheet_index, position, places.single.get(sheet_index, places.project_row))
        for path, (sheet_index, _) in self.single.items():  # a part of the model: the row of its sheet
            if names and path[: len(names)] == names and sheet_index in places.single:
                return self.cell(sheet_index, None, places.single[sheet_index])
        return self.cell(PROJECTS, None, places.project_row)


def _position(found: Sheet, rest: FieldPath) -> int | None:
    """The column of ``found`` at the longest prefix of ``rest`` (None: the row)."""
    for n in range(len(rest), 0, -1):
        for position, column in enumerate(found.columns):
            if not column.key and column.path == rest[:n]:
                return position
    return None


def _loc_of(path: str) -> list[str | int]:
    """``review[1].received`` → ``["review", 1, "received"]``."""
    loc: list[str | int] = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        loc.append(name)
        if index:
            loc.append(int(index.rstrip("]")))
    return loc


def _dotted(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def plain_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """A validation error's details as plain data (picklable, JSON-able)."""
    found = []
    for error in exc.errors(include_url=False):
        ctx = {
            k: v if isinstance(v, int | float | str) else str(v) for k, v in (error.get("ctx") or {}).items()
        }
        value = error.get("input")
        found.append(
            {
                "type": error["type"],
                "loc": list(error["loc"]),
                "msg": error["msg"],
                "ctx": ctx,
                "input": value if isinstance(value, str | int | float | bool) or value is None else None,
            }
        )
    return found


class LedgerReader:
    """A ledger being read: ``with LedgerReader(path) as reader: reader.scan(); for e in reader.entries(): …``."""

    def __init__(self, path: Path, *, jobs: int = 1) -> None:
        self.path = path
        self.jobs = max(1, jobs)
        self.problems: list[Problem] = []
        """Problems not of one project: unknown columns, sheets not read, rows of no project (after the scan)."""
        self.notes: list[str] = []
        """Things said so that nothing is silent: sheets skipped, hidden sheets read."""
        self.skipped: list[tuple[str, str]] = []
        self.scans: dict[int, SheetScan] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._db: sqlite3.Connection | None = None
        self._locator: _Locator | None = None

    def __enter__(self) -> LedgerReader:
        self._folder = tempfile.TemporaryDirectory(prefix="tinghu-ledger-")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    # -- pass 1

    def scan(self) -> None:
        """Read every sheet into the scan file (in ``jobs`` processes); collect the sheet-level problems."""
        assert self._folder is not None, "use LedgerReader as a context manager"
        workbook = _open(self.path)
        try:
            present = list(workbook.sheetnames)
            sizes = _sizes(self.path, workbook)
        finally:
            workbook.close()
        known = {s.name for s in sheets()}
        wanted: list[str] = []
        for name in present:
            if name in known:
                wanted.append(name)
            elif name not in (INSTRUCTIONS, NAMES):
                self.skipped.append((name, "不是台账的工作表，未读取"))
                self.notes.append(f"工作表「{name}」不是台账的工作表，未读取")
        if sheets()[PROJECTS].name not in wanted:
            raise LedgerError(
                f"{self.path}: 没有「{sheets()[PROJECTS].name}」工作表，不是台账"
                "（用 tinghu-policy ledger template 生成台账模板）"
            )
        groups = _groups(wanted, sizes, self.jobs)
        files = [os.path.join(self._folder.name, f"scan-{n}.sqlite") for n in range(len(groups))]
        jobs = [(self.path, group, file) for group, file in zip(groups, files, strict=True)]
        if len(jobs) > 1:
            context = multiprocessing.get_context()
            with context.Pool(len(jobs) - 1) as pool:
                pending = pool.map_async(_scan_job, jobs[1:])
                results = [scan(*jobs[0])]
                results.extend(pending.get())
        else:
            results = [scan(*jobs[0])] if jobs else []
        self._db = sqlite3.connect(files[0])
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;")
        for n, file in enumerate(files[1:], 1):
            with self._db:
                self._db.execute(f"ATTACH DATABASE ? AS part{n}", (file,))
            with self._db:
                self._db.execute(f"INSERT INTO main.rows SELECT * FROM part{n}.rows")
            self._db.execute(f"DETACH DATABASE part{n}")
        with self._db:
            self._db.execute("CREATE INDEX by_project ON rows (project, sheet, row)")
            self._db.execute("CREATE INDEX by_sheet ON rows (sheet, row)")
        for result in results:
            for found in result.sheets:
                self.scans[found.index] = found
        for index in sorted(self.scans):
            self.problems.extend(self.scans[index].problems)
            self.notes.extend(self.scans[index].notes)
        self._locator = _Locator(self.scans)

    # -- pass 2

    def assembled(self) -> Iterator[Assembled]:
        """Every project of 项目, in order, put together from its rows (not yet validated)."""
        db = self._db
        assert db is not None, "scan() first"
        repeated: dict[str, str] = dict(
            db.execute(
                "SELECT project, GROUP_CONCAT(row) FROM rows WHERE sheet = ? AND project IS NOT NULL "
                "GROUP BY project HAVING COUNT(*) > 1",
                (PROJECTS,),
            )
        )
        query = db.execute(
            "SELECT p.project, p.row, r.sheet, r.row, r.payload FROM rows AS p JOIN rows AS r "
            "ON r.project = p.project WHERE p.sheet = ? AND p.project IS NOT NULL ORDER BY p.row, r.sheet, r.row",
            (PROJECTS,),
        )
        current: tuple[str, int] | None = None
        group: list[tuple[int, int, str]] = []
        for project, project_row, sheet_index, row, payload in query:
            key = (project, project_row)
            if key != current:
                if current is not None:
                    yield self._assemble(current[0], current[1], group, repeated)
                current, group = key, []
            group.append((sheet_index, row, payload))
        if current is not None:
            yield self._assemble(current[0], current[1], group, repeated)

    def entries(self) -> Iterator[Entry]:
        """Every project of 项目, in order: validated, or with the problems that keep it out."""
        for assembled in self.assembled():
            yield self.finish(assembled)

    def finish(self, assembled: Assembled, errors: list[dict[str, Any]] | None = None) -> Entry:
        """Validate an assembled project (or take ``errors`` found by validating it elsewhere)."""
        if errors is None:
            try:
                project = Project.model_validate(assembled.data)
            except ValidationError as exc:
                errors = plain_errors(exc)
            else:
                if not assembled.problems:
                    return Entry(assembled.id, assembled.row, project)
                errors = []
        # the cells' own problems first; the model's, except on a cell already named (a bad cell left out is
        # "missing" to the model)
        named = {(p.sheet, p.cell) for p in assembled.problems}
        problems = list(assembled.problems)
        problems.extend(p for p in self.model_problems(assembled, errors) if (p.sheet, p.cell) not in named)
        return Entry(assembled.id, assembled.row, None, tuple(problems))

    def model_problems(self, assembled: Assembled, errors: list[dict[str, Any]]) -> list[Problem]:
        """The facts model's errors, each traced to its sheet and cell and said in Chinese."""
        locator = self._locator
        assert locator is not None
        problems: list[Problem] = []
        for error in errors:
            loc: list[str | int] = list(error["loc"])
            sheet, cell, header = locator.locate(loc, assembled.places)
            fact = _dotted(loc) or None

            def name(path: str, base: list[str | int] = loc) -> str | None:
                where_sheet, where_cell, where_header = locator.locate(
                    [*base, *_loc_of(path)], assembled.places
                )
                if where_header is None:
                    return None
                at = f"第{where_cell}行" if where_cell.isdigit() else where_cell
                return f"{where_sheet}!{at} {where_header}"

            if error["type"] == "value_error":
                for path in paths_in(
                    str(error["msg"]).removeprefix("Value error, ")
                ):  # the model names the facts: point at the first one
                    where = locator.locate([*loc, *_loc_of(path)], assembled.places)
                    if not where[1].isdigit():
                        sheet, cell, header = where
                        fact = _dotted([*loc, *_loc_of(path)])
                        break
            problems.append(Problem(sheet, cell, reason_zh(error, name), header, fact, assembled.id))
        return problems

    def orphans(self) -> Iterator[Problem]:
        """Rows that belong to no project of 项目 (no 项目编号, or one 项目 does not have), each with its problems."""
        db = self._db
        assert db is not None, "scan() first"
        rows = db.execute(
            "SELECT r.sheet, r.row, r.project, r.payload FROM rows AS r WHERE r.project IS NULL OR (r.sheet != ? "
            "AND NOT EXISTS (SELECT 1 FROM rows AS p WHERE p.sheet = ? AND p.project = r.project)) "
            "ORDER BY r.sheet, r.row",
            (PROJECTS, PROJECTS),
        )
        for sheet_index, row, project, payload in rows:
            name = sheets()[sheet_index].name
            _, problems = json.loads(payload)
            if project is None:
                for ref, header, fact, reason in problems:
                    yield Problem(name, ref, reason, header, fact)
                continue
            letter = self.scans[sheet_index].letters.get(0, "A")
            yield Problem(
                name,
                f"{letter}{row}",
                f"项目编号“{project}”不在「{sheets()[PROJECTS].name}」表中：此行未读取",
                PROJECT_ID,
                None,
                project,
            )

    def _assemble(
        self, project: str, project_row: int, rows: list[tuple[int, int, str]], repeated: dict[str, str]
    ) -> Assembled:
        places = Places(project_row)
        data: dict[str, Any] = {}
        problems: list[Problem] = []
        if project in repeated:
            others = "、".join(r for r in repeated[project].split(",") if r != str(project_row))
            problems.append(
                Problem(
                    sheets()[PROJECTS].name,
                    f"{self.scans[PROJECTS].letters.get(0, 'A')}{project_row}",
                    f"项目编号“{project}”在「{sheets()[PROJECTS].name}」表中重复（另见第{others}行）：一个项目一行",
                    PROJECT_ID,
                    "id",
                    project,
                )
            )
        by_sheet: dict[int, list[tuple[int, list[list[Any]]]]] = {}
        for sheet_index, row, payload in rows:
            if sheet_index == PROJECTS and row != project_row:
                continue  # another row of a repeated id: reported above
            values, cell_problems = json.loads(payload)
            name = sheets()[sheet_index].name
            for ref, header, fact, reason in cell_problems:
                problems.append(Problem(name, ref, reason, header, fact, project))
            by_sheet.setdefault(sheet_index, []).append((row, values))
        for sheet_index, found in enumerate(sheets()):
            got = by_sheet.get(sheet_index)
            if not got:
                continue
            if found.layout is Layout.PROJECT:
                self._single(found, sheet_index, got, data, places, problems, project)
            elif found.layout is Layout.ITEMS:
                self._items(found, sheet_index, got, data, places, problems, project)
            elif found.layout is Layout.CHOICE:
                self._choice(found, sheet_index, got, data, places, problems, project)
            elif found.layout is Layout.DATES:
                column = found.columns[1]
                days = sorted(v for row, values in got for p, v in values if p == 1)
                _set(data, found.target, days)
                for n, (row, _) in enumerate(sorted(got, key=lambda rv: _value_at(rv[1], 1) or "")):
                    places.entries[(found.target, n)] = (sheet_index, row)
                for row, values in got:
                    if _value_at(values, 1) is None:
                        problems.append(
                            self._problem(found, sheet_index, 1, row, "必填，未填写", project, column)
                        )
        opinions = by_sheet.get(next(n for n, s in enumerate(sheets()) if s.layout is Layout.OPINIONS))
        if opinions:
            self._opinions(opinions, data, places, problems, project)
        return Assembled(project, project_row, data, places, problems)

    def _problem(
        self,
        found: Sheet,
        sheet_index: int,
        position: int | None,
        row: int,
        reason: str,
        project: str,
        column: Column | None = None,
    ) -> Problem:
        assert self._locator is not None
        sheet, cell, header = self._locator.cell(sheet_index, position, row)
        return Problem(sheet, cell, reason, header, column.fact if column else None, project)

    def _single(
        self,
        found: Sheet,
        sheet_index: int,
        got: list[tuple[int, list[list[Any]]]],
        data: dict[str, Any],
        places: Places,
        problems: list[Problem],
        project: str,
    ) -> None:
        if len(got) > 1:
            rows = "、".join(str(row) for row, _ in got)
            for row, _ in got:
                problems.append(
                    self._problem(
                        found,
                        sheet_index,
                        None,
                        row,
                        f"项目“{project}”在此表有多行（第{rows}行）：一个项目一行",
                        project,
                    )
                )
            return
        row, values = got[0]
        places.single[sheet_index] = row
        presence: list[tuple[int, Column, Any]] = []
        for position, value in values:
            column = found.columns[position]
            if column.key:
                continue
            if column.source is not None:
                data.setdefault("funding", []).append({"source": column.source.value, "amount": value})
                places.funding.append(position)
            elif column.kind is Kind.PRESENCE:
                presence.append((position, column, value))
            else:
                _set(data, column.path, value)
        for position, column, value in presence:
            given = _get(data, column.path)
            if value is True:
                _set(data, column.path, given if isinstance(given, dict) else {})
            elif given:
                problems.append(
                    self._problem(
                        found,
                        sheet_index,
                        position,
                        row,
                        "填了“否”，但本组其他列有填写：请改为“是”或清空本组其他列",
                        project,
                        column,
                    )
                )

    def _items(
        self,
        found: Sheet,
        sheet_index: int,
        got: list[tuple[int, list[list[Any]]]],
        data: dict[str, Any],
        places: Places,
        problems: list[Problem],
        project: str,
    ) -> None:
        entries = self._entries(found, sheet_index, got, problems, project, len(found.keys))
        _set(data, found.target, [entry for _, entry in entries])
        for n, (row, _) in enumerate(entries):
            places.entries[(found.target, n)] = (sheet_index, row)

    def _entries(
        self,
        found: Sheet,
        sheet_index: int,
        got: list[tuple[int, list[list[Any]]]],
        problems: list[Problem],
        project: str,
        first_field: int,
    ) -> list[tuple[int, dict[str, Any]]]:
        """The entries of a list, ordered (by their number, by the sort field, or as the rows come)."""
        made: list[tuple[int, Any, dict[str, Any]]] = []
        index_position = next((n for n, c in enumerate(found.columns) if c.header == found.index), None)
        for row, values in got:
            entry: dict[str, Any] = {}
            number = None
            for position, value in values:
                if position == index_position:
                    number = value
                elif position >= first_field:
                    _set(entry, found.columns[position].path, value)
            made.append((row, number, entry))
        if index_position is not None:
            numbers: dict[int, list[int]] = {}
            for row, number, _ in made:
                if number is None:
                    problems.append(
                        self._problem(
                            found,
                            sheet_index,
                            index_position,
                            row,
                            f"必填，未填写（{found.index}1、2、3……）",
                            project,
                        )
                    )
                elif not isinstance(number, int) or number < 1:
                    problems.append(
                        self._problem(
                            found, sheet_index, index_position, row, f"{found.index}应为1、2、3……", project
                        )
                    )
                else:
                    numbers.setdefault(number, []).append(row)
            for number, rows in sorted(numbers.items()):
                if len(rows) > 1:
                    for row in rows:
                        problems.append(
                            self._problem(
                                found,
                                sheet_index,
                                index_position,
                                row,
                                f"{found.index}{number}重复（第{'、'.join(map(str, rows))}行）",
                                project,
                            )
                        )
            gaps = sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
            if gaps:
                for number, rows in sorted(numbers.items()):
                    if number > len(numbers):
                        problems.append(
                            self._problem(
                                found,
                                sheet_index,
                                index_position,
                                rows[0],
                                f"{found.index}{number}：应从1起连续编号，缺少{'、'.join(map(str, gaps))}",
                                project,
                            )
                        )
            made.sort(key=lambda m: (m[1] if isinstance(m[1], int) else 0, m[0]))
        elif found.sort is not None:
            made.sort(
                key=lambda m: (
                    _get(m[2], found.sort or ()) is not None,
                    _get(m[2], found.sort or ()) or "",
                    m[0],
                )
            )
        return [(row, entry) for row, _, entry in made]

    def _choice(
        self,
        found: Sheet,
        sheet_index: int,
        got: list[tuple[int, list[list[Any]]]],
        data: dict[str, Any],
        places: Places,
        problems: list[Problem],
        project: str,
    ) -> None:
        labels = dict(found.choices)
        chosen: dict[str, list[tuple[int, list[list[Any]]]]] = {}
        for row, values in got:
            label = _value_at(values, 1)
            if label not in labels:
                allowed = "、".join(labels)
                reason = "必填，未填写" if label is None else f"“{label}”不是可选的{found.columns[1].header}"
                problems.append(
                    self._problem(found, sheet_index, 1, row, f"{reason}；可选：{allowed}", project)
                )
                continue
            chosen.setdefault(label, []).append((row, values))
        for label, rows in chosen.items():
            target = labels[label]
            entries = self._entries(found, sheet_index, rows, problems, project, len(found.keys))
            _set(data, target, [entry for _, entry in entries])
            for n, (row, _) in enumerate(entries):
                places.entries[(target, n)] = (sheet_index, row)

    def _opinions(
        self,
        got: list[tuple[int, list[list[Any]]]],
        data: dict[str, Any],
        places: Places,
        problems: list[Problem],
        project: str,
    ) -> None:
        sheet_index = next(n for n, s in enumerate(sheets()) if s.layout is Layout.OPINIONS)
        found = sheets()[sheet_index]
        rounds = data.get("review") or []
        for row, values in got:
            number, party, day = _value_at(values, 1), _value_at(values, 2), _value_at(values, 3)
            if number is None or party is None:
                missing = found.columns[1 if number is None else 2]
                problems.append(
                    self._problem(
                        found, sheet_index, 1 if number is None else 2, row, "必填，未填写", project, missing
                    )
                )
                continue
            if not isinstance(number, int) or not 1 <= number <= len(rounds):
                reason = (
                    f"第{number}轮不在「审核轮次」表中（该项目共{len(rounds)}轮）"
                    if isinstance(number, int)
                    else f"{found.columns[1].header}应为1、2、3……"
                )
                problems.append(self._problem(found, sheet_index, 1, row, reason, project))
                continue
            opinions = rounds[number - 1].setdefault("department_opinions", {})
            if (number - 1, party) in places.opinions:
                earlier = places.opinions[(number - 1, party)]
                problems.append(
                    self._problem(
                        found, sheet_index, 2, row, f"同一轮同一部门只能有一行（另见第{earlier}行）", project
                    )
                )
                continue
            opinions[party] = day
            places.opinions[(number - 1, party)] = row


def _value_at(values: list[list[Any]], position: int) -> Any:
    for p, v in values:
        if p == position:
            return v
    return None


def _sizes(path: Path, workbook: Any) -> dict[str, int]:
    """Each sheet's uncompressed size (to share the scan out evenly)."""
    sizes: dict[str, int] = {}
    with suppress(OSError, zipfile.BadZipFile), zipfile.ZipFile(path) as archive:
        infos = {info.filename: info.file_size for info in archive.infolist()}
        for name in workbook.sheetnames:
            member = getattr(workbook[name], "_worksheet_path", None)
            sizes[name] = infos.get(str(member).lstrip("/"), 0) if member else 0
    return sizes


def _groups(names: list[str], sizes: dict[str, int], jobs: int) -> list[list[str]]:
    """``names`` shared out into at most ``jobs`` groups of about equal size (the largest sheets first);
    a small workbook is one group."""
    total = sum(sizes.get(n, 0) for n in names)
    count = max(1, min(jobs, len(names), total // 2_000_000 + 1))
    groups: list[list[str]] = [[] for _ in range(count)]
    loads = [0] * count
    for name in sorted(names, key=lambda n: -sizes.get(n, 0)):
        n = loads.index(min(loads))
        groups[n].append(name)
        loads[n] += sizes.get(name, 0)
    order = {name: n for n, name in enumerate(names)}
    return [sorted(g, key=order.__getitem__) for g in groups if g]


def default_jobs() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def read_ledger(path: Path, *, jobs: int = 1) -> tuple[list[Entry], list[Problem], list[str]]:
    """The whole ledger at once (for small ledgers and tests): entries, other problems, notes."""
    with LedgerReader(path, jobs=jobs) as reader:
        reader.scan()
        entries = list(reader.entries())
        problems = [*reader.problems, *reader.orphans()]
        return entries, problems, list(reader.notes)
