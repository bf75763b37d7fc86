"""Evaluating a portfolio: read items (JSON lines or a folder of files), evaluate each, one JSON line per project.

Used by ``tinghu-policy batch`` in the main process (``--jobs 1``) or in worker processes. One bad item never
stops the others: its line says ``"ok": false`` with the error, naming the line (JSON lines) or the file.

The output line (:class:`BatchLine`) is compact — the findings' rule, provision, subject, status, due date, party
and missing facts — so a portfolio of 100,000 projects stays a few hundred megabytes; ``--full`` adds each
project's whole :class:`~tinghu_policy.engine.Report` (checks, notes, explanations) under ``report``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tinghu_policy.cli.inputs import (
    EvaluationInput,
    build_calendar,
    build_interpretation,
    is_request,
    parse_input,
)
from tinghu_policy.engine import Report, Status, evaluate, run_rules
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkCalendar, to_legal_date
from tinghu_policy.yaml_input import InputError, describe

FILE_SUFFIXES = (".yaml", ".yml", ".json")
"""The files of a portfolio folder that are read (sorted by path); others are ignored."""


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


_Found = tuple[str, str, str | None, Status, date | None, Party | None, tuple[str, ...]]
"""What a batch line keeps of a finding: rule, provision, subject, status, due, party owing it, missing facts."""


@dataclass(frozen=True, slots=True)
class Item:
    """One project to evaluate: its text and where it came from."""

    source: str
    """Shown in output: ``FILE.jsonl:LINE`` or the file path."""
    text: str
    file: str
    line: int | None = None
    """The line in a JSON-lines file; None for a file of a folder (YAML or JSON, any layout)."""


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


def iter_items(path: Path) -> Iterator[Item]:
    """The items of a JSON-lines file (blank lines skipped) or of a folder (its YAML/JSON files, by path)."""
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.suffix in FILE_SUFFIXES and p.is_file()):
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                text = f"\0cannot read: {exc}"  # reported as this item's error, the others still run
            yield Item(str(file), text, str(file))
        return
    name = str(path)
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, text in enumerate(lines, 1):
            if text.strip():
                yield Item(f"{name}:{number}", text, name, number)


def count_items(path: Path) -> int:
    """How many items :func:`iter_items` will give (for the progress bar)."""
    if path.is_dir():
        return sum(1 for p in path.rglob("*") if p.suffix in FILE_SUFFIXES and p.is_file())
    with path.open("rb") as data:
        return sum(1 for line in data if line.strip())


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
        if item.text.startswith("\0"):
            raise InputError(f"{item.file}: {item.text[1:]}")
        if item.line is None:
            return parse_input(item.text, item.file)
        try:
            if '"project"' not in item.text:  # cannot be a request: validate the JSON text directly
                return Project.model_validate_json(item.text)
            data = json.loads(item.text)
            return EvaluationInput.model_validate(data) if is_request(data) else Project.model_validate(data)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{item.file}, line {item.line}: not valid JSON: {exc.msg} (column {exc.colno})"
            ) from None
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            if first["type"] == "json_invalid":
                raise InputError(
                    f"{item.file}, line {item.line}: not valid JSON: {first['msg'].removeprefix('Invalid JSON: ')}"
                ) from None
            raise InputError(describe(exc, item.file, {(): item.line})) from None

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
        """The :class:`BatchLine` of an evaluated project, as compact JSON (built directly: it is the hot path)."""
        counts: dict[Status, int] = {}
        findings = []
        everything = self.settings.include_not_applicable
        for rule_id, provision, subject, status, due, owed_by, missing in found:
            counts[status] = counts.get(status, 0) + 1  # a StrEnum: json writes its value
            if everything or status is not Status.NOT_APPLICABLE:
                findings.append(
                    {
                        "rule": rule_id,
                        "provision": provision,
                        "subject": subject,
                        "status": status,
                        "due": due.isoformat() if due else None,
                        "owed_by": owed_by,
                        "missing": missing,
                    }
                )
        head: dict[str, Any] = {
            "source": source,
            "ok": True,
            "project": project,
            "as_of": day.isoformat(),
            "error": None,
            "counts": counts,
            "findings": findings,
        }
        text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
        full = report.model_dump_json() if report is not None else "null"
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
