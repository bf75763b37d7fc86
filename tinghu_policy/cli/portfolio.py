"""Evaluating a portfolio: read items (JSON lines or a folder of files), evaluate each, one JSON line per project.

Used by ``tinghu-policy batch`` in the main process (``--jobs 1``) or in worker processes. One bad item never
stops the others: its line says ``"ok": false`` with the error, naming the line (JSON lines) or the file.

Reading is bounded and nothing is lost without a word (:class:`Portfolio`):

* a JSON-lines file is read line by line, each line at most 2,000,000 bytes (read no further: a longer line, or an
  endless stream such as ``/dev/zero``, is an error line and the rest of the file is not read — said so); each line
  is strict UTF-8 and strict JSON (the library's one JSON parser: duplicate keys refused, numbers exact); a
  byte-order mark at the start of the file is ignored; blank lines are skipped;
* a folder is walked in path order: each ``.yaml``, ``.yml`` or ``.json`` file (case ignored) is read like
  ``tinghu-policy evaluate FILE`` reads it; an entry that cannot be read — an unreadable subfolder, a broken
  symbolic link, a pipe or a device with a project suffix — is an error line naming it; every other entry is
  *skipped* and listed with its reason (``Portfolio.skipped``), so the count of entries always adds up.

The output line (:class:`BatchLine`) is compact — the findings' rule, provision, subject, status, due date, party
and missing facts — so a portfolio of 100,000 projects stays a few hundred megabytes; ``--full`` adds each
project's whole :class:`~tinghu_policy.engine.Report` (checks, notes, explanations) under ``report``.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json

from tinghu_policy.cli.inputs import (
    EvaluationInput,
    build_calendar,
    build_interpretation,
    is_request,
    to_input,
)
from tinghu_policy.engine import Report, Status, evaluate, run_rules
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.loading import Document, read_document, validate
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkCalendar, to_legal_date
from tinghu_policy.yaml_input import MAX_BYTES, SUFFIXES, InputError, decode, load_json, read_file

FILE_SUFFIXES = tuple(SUFFIXES)
"""The files of a portfolio folder that are read (case ignored, sorted by path); others are skipped and listed."""
_BOM = b"\xef\xbb\xbf"


class BatchFinding(BaseModel):
    """One finding, compact: what a portfolio view needs (``tinghu-policy evaluate FILE`` gives the rest)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    provision: str
    subject: str | None
    status: Status
    due: date | None
    owed_by: Party | None
    missing: tuple[str, ...]


class BatchLine(BaseModel):
    """One output line of ``tinghu-policy batch``: a project's findings, or why it could not be evaluated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(
        description="Where the project came from: FILE.jsonl:LINE, or the file in the folder."
    )
    ok: bool = Field(description="False: the input was invalid or could not be evaluated (see error).")
    project: str | None = Field(description="The project's id (None when the input was invalid).")
    as_of: date | None
    error: str | None = Field(description="The validation or evaluation error, naming file, line and field.")
    counts: dict[Status, int] = Field(
        description="How many findings of each status (not-applicable included)."
    )
    findings: tuple[BatchFinding, ...] = Field(
        description="The findings, in the report's order; not-applicable ones only with --all."
    )
    report: Report | None = Field(description="The whole report, with --full; else None.")


_NOT_APPLICABLE = Status.NOT_APPLICABLE
_Found = tuple[str, str, str | None, Status, date | None, Party | None, tuple[str, ...]]
"""What a batch line keeps of a finding: rule, provision, subject, status, due, party owing it, missing facts."""


@dataclass(frozen=True, slots=True)
class Item:
    """One project to evaluate: its bytes and where it came from (or why it could not be read)."""

    source: str
    """Shown in output: ``FILE.jsonl:LINE`` or the file path."""
    data: bytes
    file: str
    line: int | None = None
    """The line in a JSON-lines file; None for a file of a folder (YAML or JSON, any layout)."""
    error: str | None = None
    """Why the entry could not be read (then ``data`` is empty): reported as its line's error."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What every item of a run shares (picklable: sent once to each worker process)."""

    today: date
    as_of: date | None = None
    options: Mapping[str, str | None] = field(default_factory=dict)
    interpretation_file: str | None = None
    overlays: tuple[str, ...] = ()
    include_not_applicable: bool = False
    full: bool = False


@dataclass(frozen=True, slots=True)
class Result:
    """What the main process needs of one item: the output line and the summary's facts."""

    line: str
    ok: bool
    source: str
    error: str | None = None
    owner: str | None = None
    overdue: tuple[tuple[Party | None, str], ...] = ()
    """(party owing it, provision id) of each overdue finding."""


def shown(path: Path) -> str:
    """A path as text a report can carry: bytes of a name that are not UTF-8 shown as ``\\xff`` escapes (a
    folder may hold any name; a JSON line or a terminal takes only text)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class Portfolio:
    """The items of a JSON-lines file or a folder, read lazily and bounded; ``skipped`` lists what was not read.

    A folder is listed once, when the portfolio is made (before any output is written): a file the run writes
    into the folder is never read back as a project.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.skipped: list[tuple[str, str]] = []
        """(entry, reason) of each folder entry that is not a project file."""
        self._entries: list[tuple[Path, str | None]] | None = None
        if path.is_dir():
            self._entries = self._walk(path)

    def items(self) -> Iterator[Item]:
        """Every item, in input order."""
        if self._entries is None:
            yield from self._lines()
            return
        for file, error in self._entries:
            if error is not None:
                yield Item(shown(file), b"", shown(file), error=error)
                continue
            try:
                data = read_file(file, shown(file))
            except InputError as exc:
                yield Item(shown(file), b"", shown(file), error=str(exc))
                continue
            yield Item(shown(file), data, shown(file))

    def count(self) -> int | None:
        """How many items :meth:`items` will give (for the progress bar); None for a stream (not read twice)."""
        if self._entries is not None:
            return len(self._entries)
        try:
            if not stat.S_ISREG(os.stat(self.path).st_mode):
                return None
        except OSError:
            return None
        return sum(1 for _ in self._lines(count_only=True))

    def _lines(self, count_only: bool = False) -> Iterator[Item]:
        name = shown(self.path)
        try:
            stream = open(self.path, "rb")  # noqa: SIM115  (closed below)
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
        with stream:
            number = 0
            while True:
                try:
                    raw = stream.readline(MAX_BYTES + 1)
                except OSError as exc:
                    yield Item(f"{name}:{number + 1}", b"", name, number + 1, f"{name}: cannot read: {exc}")
                    return
                if not raw:
                    return
                number += 1
                if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                    yield Item(
                        f"{name}:{number}",
                        b"",
                        name,
                        number,
                        f"{name}, line {number}: longer than {MAX_BYTES:,} bytes, the limit for one project; "
                        "the rest of the file was not read",
                    )
                    return
                if number == 1:
                    raw = raw.removeprefix(_BOM)
                raw = raw.removesuffix(b"\n").removesuffix(b"\r")
                if raw.strip():
                    yield Item(f"{name}:{number}", b"" if count_only else raw, name, number)

    def _walk(self, root: Path) -> list[tuple[Path, str | None]]:
        """Every entry under ``root`` in path order: (a project file, None), (an entry, why it cannot be read);
        the rest go to :attr:`skipped`."""
        entries: list[tuple[Path, str | None]] = []
        folders = [root]
        while folders:
            folder = folders.pop()
            try:
                with os.scandir(folder) as listing:
                    children = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                entries.append(
                    (
                        folder,
                        f"{shown(folder)}: cannot list the folder ({reason}): the projects in it were not read",
                    )
                )
                continue
            below: list[Path] = []
            for child in children:
                path = Path(child.path)
                try:
                    if child.is_dir(follow_symlinks=False):
                        below.append(path)
                    elif child.is_symlink() and path.is_dir():
                        self.skipped.append((shown(path), "a symbolic link to a folder (not followed)"))
                    elif path.suffix.lower() in SUFFIXES:
                        entries.append((path, _unreadable(path)))
                    else:
                        self.skipped.append((shown(path), "not a .yaml, .yml or .json file"))
                except OSError as exc:
                    entries.append((path, f"{shown(path)}: cannot read: {exc.strerror or exc}"))
            folders.extend(below)
        return sorted(entries, key=lambda entry: entry[0].parts)


def _unreadable(path: Path) -> str | None:
    """Why a file with a project suffix cannot be read as one (None: a regular file)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return (
            f"{shown(path)}: cannot read: a broken symbolic link"
            if path.is_symlink()
            else f"{shown(path)}: not found"
        )
    except OSError as exc:
        return f"{shown(path)}: cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"{shown(path)}: not a regular file ({kind})"


def iter_items(path: Path) -> Iterator[Item]:
    """The items of a JSON-lines file or a folder (:class:`Portfolio`)."""
    return Portfolio(path).items()


def count_items(path: Path) -> int | None:
    """How many items :func:`iter_items` will give; None when ``path`` is a stream."""
    return Portfolio(path).count()


class Worker:
    """Evaluates items with one run's settings; builds the calendar and interpretation once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.calendar: WorkCalendar = build_calendar(settings.overlays)
        self._base = self._interpretation(Interpretation())
        self._interpretations: dict[Interpretation, Interpretation] = {}

    def _interpretation(self, own: Interpretation) -> Interpretation:
        s = self.settings
        return build_interpretation(own, file=s.interpretation_file, options=s.options)

    def parse(self, item: Item) -> EvaluationInput | Project:
        """The item's project (or request); :class:`InputError` naming the line or file."""
        if item.error is not None:
            raise InputError(item.error)
        if item.line is None:  # a file of a folder: read as `evaluate FILE` reads it
            return to_input(read_document(item.data, name=item.file))
        text = decode(item.data, item.file, first_line=item.line, start=False)  # line 1's BOM is gone already
        data, _ = load_json(text, item.file, first_line=item.line)
        document = Document(data, {(): item.line}, item.file)
        return validate(EvaluationInput, document) if is_request(data) else validate(Project, document)

    def inputs(self, parsed: EvaluationInput | Project) -> tuple[Project, date, Interpretation]:
        """The project, the day and the interpretation to evaluate it with (the run's settings first)."""
        s = self.settings
        if isinstance(parsed, Project):
            return parsed, s.as_of or s.today, self._base
        interpretation = self._base
        if parsed.interpretation.model_fields_set:
            own = parsed.interpretation
            interpretation = self._interpretations.get(own) or self._interpretations.setdefault(
                own, self._interpretation(own)
            )
        day = to_legal_date(s.as_of or parsed.as_of or s.today, interpretation)
        return parsed.project, day, interpretation

    def run(self, item: Item) -> Result:
        """The item's result; never raises for a bad item (the error goes into its line)."""
        try:
            project, day, interpretation = self.inputs(self.parse(item))
            if self.settings.full:
                report = evaluate(project, as_of=day, interpretation=interpretation, calendar=self.calendar)
                found = [
                    (f.rule, f.provision, f.subject, f.status, f.due, f.owed_by, f.missing)
                    for f in report.findings
                ]
            else:
                report = None
                found = [
                    (r.id, r.provision, o.subject, o.status, o.due, o.owed_by or r.owed_by, o.missing)
                    for r, o in run_rules(project, day, interpretation, self.calendar)
                ]
        except InputError as exc:
            return self.failed(item, str(exc))
        except TinghuPolicyError as exc:
            return self.failed(item, f"{item.source}: {exc}")
        except Exception as exc:  # a bug in a rule must not stop the portfolio; the line names it
            return self.failed(item, f"{item.source}: internal error {type(exc).__name__}: {exc}")
        return Result(
            self.line(item.source, project.id, day, found, report),
            True,
            item.source,
            owner=project.owner.name,
            overdue=tuple(
                (party, provision)
                for _, provision, _, status, _, party, _ in found
                if status is Status.OVERDUE
            ),
        )

    def run_all(self, items: Iterable[Item]) -> list[Result]:
        return [self.run(item) for item in items]

    def line(self, source: str, project: str, day: date, found: list[_Found], report: Report | None) -> str:
        """The :class:`BatchLine` of an evaluated project, as compact JSON (built directly: it is the hot path).

        Enums are written as their values, read here (``_value_``): pydantic-core's encoder, like ``json``, would
        read each through a Python property. The bytes are those of ``json.dumps(..., ensure_ascii=False,
        separators=(",", ":"))``, about twice as fast."""
        counts: dict[str, int] = {}
        findings = []
        everything = self.settings.include_not_applicable
        for rule_id, provision, subject, status, due, owed_by, missing in found:
            value = status._value_
            counts[value] = counts.get(value, 0) + 1
            if everything or status is not _NOT_APPLICABLE:
                findings.append(
                    {
                        "rule": rule_id,
                        "provision": provision,
                        "subject": subject,
                        "status": value,
                        "due": due,
                        "owed_by": None if owed_by is None else owed_by._value_,
                        "missing": missing,
                    }
                )
        head: dict[str, Any] = {
            "source": source,
            "ok": True,
            "project": project,
            "as_of": day,
            "error": None,
            "counts": counts,
            "findings": findings,
        }
        text = to_json(head).decode()
        full = report.to_json(indent=None) if report is not None else "null"
        return f'{text[:-1]},"report":{full}}}'

    @staticmethod
    def failed(item: Item, error: str) -> Result:
        line = {
            "source": item.source,
            "ok": False,
            "project": None,
            "as_of": None,
            "error": error,
            "counts": {},
            "findings": [],
            "report": None,
        }
        return Result(json.dumps(line, ensure_ascii=False, separators=(",", ":")), False, item.source, error)


_WORKER: Worker | None = None
"""The worker of this process (``--jobs N``: set by :func:`start_worker` in each worker process)."""


def start_worker(settings: Settings) -> None:
    """Pool initializer: build this process's worker once."""
    global _WORKER
    _WORKER = Worker(settings)


def run_chunk(items: list[Item]) -> list[Result]:
    """Pool task: evaluate a chunk of items in this worker process, in order."""
    assert _WORKER is not None, "start_worker was not called in this process"
    return _WORKER.run_all(items)
