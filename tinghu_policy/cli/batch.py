"""``tinghu-policy batch``: a portfolio of projects → one JSON line per project, and a summary of what is overdue."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import chain, islice
from pathlib import Path
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from tinghu_policy.cli.app import app, console, errors
from tinghu_policy.cli.inputs import parse_day, parse_options, today_in_shanghai
from tinghu_policy.cli.output import atomic_output, refuse_inputs
from tinghu_policy.cli.portfolio import (
    Item,
    Portfolio,
    Result,
    Settings,
    Worker,
    run_chunk,
    start_worker,
)
from tinghu_policy.parties import Party

CHUNK = 200
"""Items per task sent to a worker process (large enough to amortise the hand-over, small enough to balance)."""
CHUNK_BYTES = 4_000_000
"""Input bytes per chunk, at most (a chunk closes at :data:`CHUNK` items or this many bytes, whichever comes
first)."""
MAX_JOBS = 64
"""The most worker processes ``--jobs`` (or its default, the usable CPUs) starts."""
TOP = 20
"""Rows shown per summary table."""

_K = TypeVar("_K")


@app.command(short_help="A portfolio → one JSON line per project, and a summary of what is overdue.")
@click.argument("source", metavar="FILE.jsonl|DIR", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Evaluate every project on this date [default: each line's as_of, else today in Asia/Shanghai].",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, MAX_JOBS),
    help=f"Worker processes, at most one per {CHUNK} projects (a smaller portfolio runs in this process); the output "
    "keeps the input order [default: the CPUs this process may use].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the JSON lines here (the summary then goes to standard output) [default: standard output, summary to standard error].",
)
@click.option(
    "--option",
    "options",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override an interpretation option for every project (repeatable).",
)
@click.option(
    "--interpretation",
    "interpretation_file",
    metavar="FILE",
    help="A YAML/JSON mapping of interpretation options for every project.",
)
@click.option(
    "--calendar-overlay",
    "overlays",
    multiple=True,
    metavar="FILE",
    help="A year's State Council holiday arrangement (repeatable).",
)
@click.option(
    "--all",
    "include_not_applicable",
    is_flag=True,
    help="Also list the not-applicable findings in each line.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Add each project's whole report (checks, notes, explanations) under 'report'.",
)
@click.option("--no-summary", is_flag=True, help="Do not print the summary tables.")
def batch(
    source: Path,
    as_of: str | None,
    jobs: int | None,
    output: Path | None,
    options: tuple[str, ...],
    interpretation_file: str | None,
    overlays: tuple[str, ...],
    include_not_applicable: bool,
    full: bool,
    no_summary: bool,
) -> int:
    """Evaluate a portfolio: FILE.jsonl (one project, or {project, as_of, interpretation}, per line) or DIR
    (its *.yaml, *.yml and *.json files, case ignored, by path).

    Writes one JSON line per project, in input order: {source, ok, project, as_of, error, counts, findings,
    report}. A project whose facts are invalid, or an entry that cannot be read (an unreadable folder, a broken
    link, a pipe), gets ok=false and the error naming its line or file; the others still run. Other files in DIR
    are skipped and listed. Exit status 1 when some failed or there was no project, 2 for a usage error.

    \b
    Limits (schemas/README.md, "Conventions"):
      - one line (or file) holds at most 2,000,000 bytes of UTF-8: a longer line ends the reading, said so;
      - each line is strict JSON: duplicate keys, NaN and comments are refused;
      - dates are YYYY-MM-DD (--as-of too); a name is at most 300 characters, a budget or report year 2000-2100.
    -o FILE is written atomically (a temporary file renamed at the end) and may not be the input.
    """
    refuse_inputs(output, [source if not source.is_dir() else None, interpretation_file, *overlays])
    settings = Settings(
        today=today_in_shanghai(),
        as_of=parse_day(as_of, "--as-of") if as_of else None,
        options=parse_options(options),
        interpretation_file=interpretation_file,
        overlays=overlays,
        include_not_applicable=include_not_applicable,
        full=full,
    )
    worker = Worker(settings)  # here first: a bad option, interpretation file or overlay is a usage error
    portfolio = Portfolio(source)  # a folder is listed now, before the output is opened
    summary = Summary()
    with ExitStack() as stack:
        write: Callable[[str], object] = (
            stack.enter_context(atomic_output(output)).write if output is not None else sys.stdout.write
        )
        progress = stack.enter_context(_progress())
        task = progress.add_task("evaluating", total=portfolio.count() if not progress.disable else None)
        for result in _results(portfolio.items(), worker, settings, jobs or min(usable_cpus(), MAX_JOBS)):
            write(result.line + "\n")
            summary.add(result)
            progress.advance(task)
    summary.skipped = portfolio.skipped
    to = console if output is not None else errors
    if not no_summary:
        summary.print(to)
    elif summary.skipped:
        summary.print_skipped(errors)
    if summary.evaluated + len(summary.failed) == 0:
        errors.print(
            f"{source}: no projects found — "
            + (
                "the folder holds no .yaml, .yml or .json file"
                if source.is_dir()
                else "the file holds no line other than blank ones"
            ),
            markup=False,
        )
        return 1
    return 1 if summary.failed else 0


def _progress() -> Progress:
    """A progress bar on standard error, shown only when it is a terminal."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=errors,
        disable=not errors.is_terminal,
        transient=True,
    )


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    """At most :data:`CHUNK` items and about :data:`CHUNK_BYTES` of input per chunk: the chunks in flight bound
    the memory whatever the size of the lines (each at most 2,000,000 bytes)."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.data)
        if len(chunk) >= CHUNK or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _results(items: Iterable[Item], worker: Worker, settings: Settings, jobs: int) -> Iterator[Result]:
    """Every item's result in input order; with ``jobs`` > 1 and more than one chunk, chunks run in worker
    processes, never more than there are chunks (one chunk runs here, without starting any)."""
    chunks = _chunks(items)
    first = list(islice(chunks, jobs))
    if len(first) < 2:
        for chunk in chain(first, chunks):
            yield from worker.run_all(chunk)
        return
    workers = len(first)  # jobs, or fewer when the whole input is fewer chunks
    # chunks in flight: keeps every worker busy without reading the whole input ahead
    window = 2 * workers + 2
    with multiprocessing.get_context().Pool(workers, initializer=start_worker, initargs=(settings,)) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[list[Result]]] = deque()
        for chunk in chain(first, chunks):
            pending.append(pool.apply_async(run_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def usable_cpus() -> int:
    """The CPUs this process may run on: its CPU affinity where the system reports one, else the CPU count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Summary:
    """Counts for the summary tables: failures, and overdue findings by party, by owner and by provision."""

    def __init__(self) -> None:
        self.evaluated = 0
        self.failed: list[tuple[str, str]] = []
        self.overdue = 0
        self.by_party: dict[Party | None, list[int]] = {}
        self.by_owner: dict[str, list[int]] = {}
        self.by_provision: dict[str, list[int]] = {}
        self.skipped: list[tuple[str, str]] = []

    def add(self, result: Result) -> None:
        if not result.ok:
            self.failed.append((result.source, result.error or ""))
            return
        self.evaluated += 1
        if not result.overdue:
            return
        self.overdue += len(result.overdue)
        _count(self.by_owner, result.owner or "—", len(result.overdue))
        parties: dict[Party | None, int] = {}
        provisions: dict[str, int] = {}
        for party, provision_id in result.overdue:
            parties[party] = parties.get(party, 0) + 1
            provisions[provision_id] = provisions.get(provision_id, 0) + 1
        for party, n in parties.items():
            _count(self.by_party, party, n)
        for provision_id, n in provisions.items():
            _count(self.by_provision, provision_id, n)

    def print(self, to: Console) -> None:
        from tinghu_policy.provisions import provision

        projects = sum(n for n, _ in self.by_owner.values())
        skipped = f", {len(self.skipped)} other entries skipped" if self.skipped else ""
        to.print(
            f"[bold]{self.evaluated} projects evaluated, {len(self.failed)} failed{skipped}[/bold]; "
            f"{self.overdue} overdue obligations in {projects} projects"
        )
        if self.overdue:
            to.print(
                _table(
                    "逾期 Overdue by owing party",
                    ("义务方 Party",),
                    {(p.name_zh if p else "—",): v for p, v in self.by_party.items()},
                )
            )
            to.print(
                _table(
                    "逾期 Overdue by project owner (department)",
                    ("项目单位 Owner",),
                    {(o,): v for o, v in self.by_owner.items()},
                )
            )
            to.print(
                _table(
                    "逾期 Overdue by provision",
                    ("条款 Provision", "id"),
                    {(provision(p).cite_zh, p): v for p, v in self.by_provision.items()},
                )
            )
        if self.failed:
            to.print(
                f"[bold red]{len(self.failed)} input(s) could not be evaluated[/bold red] (lines with ok=false):"
            )
            for _source, error in self.failed[:TOP]:  # every error names its file and line
                to.print(f"  {error}", markup=False, soft_wrap=True)
            if len(self.failed) > TOP:
                to.print(f"  … and {len(self.failed) - TOP} more")
        self.print_skipped(to)

    def print_skipped(self, to: Console) -> None:
        """The folder entries that are not project files, each with the reason (none is skipped silently)."""
        if not self.skipped:
            return
        to.print(f"{len(self.skipped)} entries skipped (not read as projects):", markup=False)
        for entry, reason in self.skipped[:TOP]:
            to.print(f"  {entry}: {reason}", markup=False, soft_wrap=True)
        if len(self.skipped) > TOP:
            to.print(f"  … and {len(self.skipped) - TOP} more")


def _count(table: dict[_K, list[int]], key: _K, findings: int) -> None:
    row = table.setdefault(key, [0, 0])
    row[0] += 1
    row[1] += findings


def _table(title: str, columns: tuple[str, ...], rows: dict[tuple[str, ...], list[int]]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    table.add_column("项目 Projects", justify="right")
    table.add_column("逾期事项 Overdue", justify="right")
    ordered = sorted(rows.items(), key=lambda kv: (-kv[1][1], kv[0]))
    for key, (projects, findings) in ordered[:TOP]:
        table.add_row(*key, str(projects), str(findings))
    if len(ordered) > TOP:
        table.caption = f"top {TOP} of {len(ordered)}"
    return table
