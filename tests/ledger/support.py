"""Helpers of the ledger tests: a ledger to edit as staff would (openpyxl), and a second reader (python-calamine)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tinghu_policy.facts import Project
from tinghu_policy.ledger.layout import sheet
from tinghu_policy.ledger.reader import Entry, read_ledger
from tinghu_policy.ledger.template import sample_project, write_ledger, write_template

SAMPLE_AS_OF = date(2026, 3, 16)


def calamine_sheets(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook as python-calamine reads it (a second library, not the one that wrote it)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def column(name: str, header: str) -> int:
    """The 1-based column of ``header`` in the sheet ``name`` of a ledger this library wrote."""
    return [c.header for c in sheet(name).columns].index(header) + 1


@contextmanager
def editing(path: Path, out: Path | None = None) -> Iterator[Any]:
    """A ledger opened with openpyxl (as a spreadsheet program would), saved on leaving (to ``out`` if given)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    yield book
    book.save(out or path)


def template(tmp_path: Path, name: str = "台账.xlsx", *, example: bool = True) -> Path:
    path = tmp_path / name
    write_template(path, example=example)
    return path


def ledger_of(tmp_path: Path, projects: list[Project], name: str = "ledger.xlsx") -> Path:
    path = tmp_path / name
    write_ledger(path, projects)
    return path


def read(path: Path) -> tuple[dict[str, Entry], list[str], list[str]]:
    """Entries by project id, the other problems (as text) and the notes."""
    entries, problems, notes = read_ledger(path)
    return {e.id: e for e in entries}, [str(p) for p in problems], notes


def problems_of(entry: Entry) -> list[str]:
    return [str(p) for p in entry.problems]


def normalised(project: Project) -> dict[str, Any]:
    """A project's JSON with amounts to the fen: what a ledger holds (a number has no trailing zeros)."""
    data: dict[str, Any] = project.model_dump(mode="python")

    def walk(value: Any) -> Any:
        if isinstance(value, Decimal):
            return value.quantize(Decimal("0.01"))
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [walk(v) for v in value]
        return value

    result: dict[str, Any] = walk(data)
    return result


def sample() -> Project:
    return sample_project()


def tinghu(capsys: Any, *args: str) -> tuple[int, str, str]:
    """Run ``tinghu-policy ARGS`` in-process (as the console script does): exit status, stdout, stderr."""
    import tinghu_policy.cli  # noqa: F401  (registers every command)
    from tinghu_policy.cli.app import app, run

    status = run(app, list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err
