"""``tinghu-policy ledger``: the staff ledger (台账) in Excel — the template, reading it, and the monthly report.

Importing this module registers the commands and imports no Excel library: the CLI stays fast and works without
the ``[ledger]`` extra (the commands then say what to install).
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import click

from tinghu_policy.cli.app import app, console, errors
from tinghu_policy.cli.inputs import parse_day, parse_options, today_in_shanghai
from tinghu_policy.cli.output import OutputError, atomic_output, refuse_inputs
from tinghu_policy.cli.portfolio import Settings, Worker
from tinghu_policy.facts import Project

EXTRA_MODULES = ("openpyxl", "xlsxwriter")
SHOWN = 200
"""Problems printed one per line; the rest are counted (all of them are in ``--problems FILE``)."""


def _need_extra() -> None:
    missing = [m for m in EXTRA_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise click.ClickException(
            f"the ledger needs the [ledger] extra (missing {', '.join(missing)}): pip install 'tinghu-policy[ledger]'"
        )


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, renamed over it when the block ends without an error."""
    try:
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder")
        if not path.parent.is_dir():
            raise OutputError(f"cannot write {path}: the folder {path.parent} does not exist")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)


@app.group(
    short_help="The staff ledger (台账) in Excel: template, read, monthly report (the [ledger] extra)."
)
def ledger() -> None:
    """The portfolio as a ledger (台账) in Excel: one sheet per kind of fact, headers in Chinese.

    \b
      tinghu-policy ledger template 台账.xlsx                      a template with an example project
      tinghu-policy ledger read 台账.xlsx -o portfolio.jsonl       the ledger → projects, every bad cell named
      tinghu-policy ledger report 台账.xlsx --as-of 2026-03-31 -o 月报.xlsx
    """


@ledger.command(short_help="Write the ledger template (or a portfolio as a ledger).")
@click.argument("output", metavar="LEDGER.xlsx", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--empty", is_flag=True, help="Leave out the example project (the built-in sample).")
@click.option(
    "--from",
    "source",
    metavar="FILE.jsonl|DIR",
    type=click.Path(exists=True, path_type=Path),
    help="Fill the ledger with a portfolio's projects (what `batch` reads) instead of the example.",
)
def template(output: Path, empty: bool, source: Path | None) -> int:
    """Write a ledger workbook: one sheet per kind of fact, the field path in each header's note, drop-down lists
    for names and 是/否, date and money cells validated, the sample project filled in as an example."""
    _need_extra()
    from tinghu_policy.ledger.template import write_ledger, write_template

    refuse_inputs(output, [source])
    with _replacing(output) as temporary:
        if source is None:
            written = write_template(temporary, example=not empty)
        else:
            written = write_ledger(temporary, _portfolio_projects(source))
    rows = ", ".join(f"{name} {n}" for name, n in written.rows.items() if n)
    console.print(
        f"{output}: {written.projects} project(s)" + (f" ({rows} rows)" if rows else ""), markup=False
    )
    return 0


def _portfolio_projects(source: Path) -> Iterator[Project]:
    from tinghu_policy.cli.portfolio import Portfolio

    worker = Worker(Settings(today=today_in_shanghai()))
    for item in Portfolio(source).items():
        parsed = worker.parse(item)  # an invalid project stops the export: a ledger is not written half
        yield parsed if isinstance(parsed, Project) else parsed.project


@ledger.command(short_help="Read a ledger: projects as JSON lines, every bad cell named.")
@click.argument(
    "workbook", metavar="LEDGER.xlsx", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the projects here, one JSON line each (what `batch` reads) [default: standard output].",
)
@click.option(
    "--problems",
    "problems_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every problem to this CSV file (project, sheet, cell, field, fact, reason; UTF-8 with BOM).",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(1, 64), help="Processes that scan the sheets [default: the CPUs]."
)
def read(workbook: Path, output: Path | None, problems_file: Path | None, jobs: int | None) -> int:
    """Read a ledger into projects, validated by the facts model like every other input.

    Each project of 项目 is put together from its rows in every sheet. A cell that cannot be read, a fact the
    model refuses, a row whose project is not in 项目, a column the ledger does not have, a merged range or a
    formula: each is reported on standard error as sheet!cell, the field and the reason, in Chinese. A project
    with a problem is left out; the others are written. Exit status 0 when everything was read, 1 when something
    was not, 2 when the workbook cannot be read at all.
    """
    _need_extra()
    from tinghu_policy.ledger.problems import Problem
    from tinghu_policy.ledger.reader import LedgerReader, default_jobs
    from tinghu_policy.ledger.report import ProblemsCsv

    refuse_inputs(output, [workbook])
    refuse_inputs(problems_file, [workbook])
    good = bad = others = shown = 0

    def report(problem: Problem, table: ProblemsCsv | None) -> None:
        nonlocal shown
        shown += 1
        if shown <= SHOWN:
            errors.print(str(problem), markup=False, soft_wrap=True)
        if table is not None:
            table.add(problem)

    with ExitStack() as stack:
        reader = stack.enter_context(LedgerReader(workbook, jobs=jobs or default_jobs()))
        reader.scan()
        write = stack.enter_context(atomic_output(output)).write if output is not None else sys.stdout.write
        table = stack.enter_context(ProblemsCsv.open(problems_file)) if problems_file is not None else None
        for entry in reader.entries():
            if entry.project is None:
                bad += 1
                for problem in entry.problems:
                    report(problem, table)
                continue
            good += 1
            write(entry.project.model_dump_json(exclude_unset=True) + "\n")
        for problem in [*reader.problems, *reader.orphans()]:
            others += 1
            report(problem, table)
        notes = list(reader.notes)
    if shown > SHOWN:
        errors.print(f"… and {shown - SHOWN} more problems", markup=False)
    for note in notes:
        errors.print(note, markup=False)
    errors.print(
        f"{workbook}: {good} project(s) read, {bad} left out for problems, {others} other problem(s) "
        f"（读入{good}个项目，{bad}个项目有问题未读入，其他问题{others}个）",
        markup=False,
    )
    return 1 if bad or others or not good else 0


@ledger.command(
    short_help="The monthly report: overdue, due in 30 days, per unit, per provision, every finding."
)
@click.argument(
    "source", metavar="PORTFOLIO.jsonl|DIR|LEDGER.xlsx", type=click.Path(exists=True, path_type=Path)
)
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="The report's day [default: each line's as_of for a portfolio, else today in Asia/Shanghai].",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The report: an .xlsx file, or with --format csv a folder (made if missing) of one CSV file per table.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv"]),
    default="xlsx",
    show_default=True,
    help="xlsx: one workbook; csv: UTF-8 files with a byte-order mark (Excel opens them).",
)
@click.option("--all", "include_not_applicable", is_flag=True, help="Also list the not-applicable findings.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), help="Worker processes [default: the CPUs].")
@click.option(
    "--option",
    "options",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override an interpretation option (repeatable).",
)
@click.option(
    "--interpretation",
    "interpretation_file",
    metavar="FILE",
    help="A YAML/JSON mapping of interpretation options.",
)
@click.option(
    "--calendar-overlay",
    "overlays",
    multiple=True,
    metavar="FILE",
    help="A year's holiday arrangement (repeatable).",
)
def report(
    source: Path,
    as_of: str | None,
    output: Path,
    fmt: str,
    include_not_applicable: bool,
    jobs: int | None,
    options: tuple[str, ...],
    interpretation_file: str | None,
    overlays: tuple[str, ...],
) -> int:
    """The report staff send each month, from a portfolio (JSON lines or a folder, as `batch` reads) or straight
    from a ledger workbook.

    \b
    Sheets (or CSV files): 概况, 已逾期 (by days overdue), 30日内到期, 按单位, 按条款, 全部结论 (every finding
    with its explanation), and 未能评估 when some project could not be read — each with the provision's
    citation, who owes the duty and the due date; header rows frozen, filters on, overdue rows highlighted.
    Exit status 0 when every project was evaluated, 1 when some could not be (they are listed), 2 for a usage
    error or an input that cannot be read at all.
    """
    _need_extra()
    from tinghu_policy.ledger.reader import LedgerReader, default_jobs
    from tinghu_policy.ledger.report import ledger_results, portfolio_results, write_report

    refuse_inputs(output, [source if not source.is_dir() else None, interpretation_file, *overlays])
    settings = Settings(
        today=today_in_shanghai(),
        as_of=parse_day(as_of, "--as-of") if as_of else None,
        options=parse_options(options),
        interpretation_file=interpretation_file,
        overlays=overlays,
    )
    Worker(settings)  # a bad option, interpretation file or overlay is a usage error, before anything runs
    day = settings.as_of or settings.today
    workers = jobs or default_jobs()
    is_ledger = source.is_file() and source.suffix.lower() in (".xlsx", ".xlsm")
    if fmt == "xlsx":
        if output.suffix.lower() != ".xlsx":
            raise click.UsageError(f"-o {output}: an .xlsx file (or use --format csv with a folder)")
        target_context = _replacing(output)
    else:
        target_context = _folder(output)
    with target_context as target:
        if is_ledger:
            with LedgerReader(source, jobs=workers) as reader:
                reader.scan()
                outcome = write_report(
                    ledger_results(reader, settings, include_not_applicable, workers),
                    target,
                    as_of=day,
                    fmt=fmt,
                    source=str(source),
                    problems=lambda: [*reader.problems, *reader.orphans()],
                    notes=lambda: reader.notes,
                )
        else:
            outcome = write_report(
                portfolio_results(source, settings, include_not_applicable, workers),
                target,
                as_of=day,
                fmt=fmt,
                source=str(source),
            )
    console.print(
        f"{output}: {outcome.projects} project(s) evaluated on {day}, {outcome.failed} could not be"
        + (f", {outcome.problems} other problem(s)" if outcome.problems else "")
        + "; "
        f"{outcome.overdue} overdue, {outcome.soon} due within 30 days, {outcome.findings} findings",
        markup=False,
    )
    return 1 if outcome.failed or outcome.problems or outcome.projects == 0 else 0


@contextmanager
def _folder(path: Path) -> Iterator[Path]:
    if path.exists() and not path.is_dir():
        raise OutputError(f"cannot write {path}: --format csv writes a folder, and this is a file")
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: the folder {path.parent} does not exist")
    yield path
