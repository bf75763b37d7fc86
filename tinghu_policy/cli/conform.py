"""``tinghu-policy conform``: run the corpus as a conformance suite against this library or another implementation."""

from __future__ import annotations

import contextlib
import json
import math
import threading
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from tinghu_policy.cli.app import app, console, errors
from tinghu_policy.cli.render import printable
from tinghu_policy.conformance import (
    CaseResult,
    ExternalImplementation,
    Implementation,
    LibraryImplementation,
    LoadedCase,
    SuiteResult,
    Verdict,
    coverage_gaps,
    coverage_matrix,
    load_corpus,
    run_suite,
    write_junit,
)
from tinghu_policy.conformance.protocol import CaseInput
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.provisions import registry

_STYLE = {Verdict.PASSED: "green", Verdict.FAILED: "red", Verdict.ERRORED: "magenta"}


@app.command("conform")
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The corpus folder (default: the corpus bundled with the library).",
)
@click.option(
    "--implementation",
    "command",
    metavar="'CMD ARGS'",
    help="Run this command once per case instead of the library: the case as JSON on stdin, "
    'the findings as JSON on stdout ({"findings": [{"rule","subject","status","due"}…]}).',
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    callback=lambda _ctx, _param, value: _finite(value),
    default=30.0,
    show_default=True,
    help="Seconds per case (a finite number, at least 0.1).",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1, max=64), default=1, show_default=True, help="Cases at a time."
)
@click.option(
    "--case", "select", multiple=True, metavar="TEXT", help="Only cases whose id contains TEXT (repeatable)."
)
@click.option(
    "--junit-xml",
    type=click.Path(path_type=Path),
    help="Also write the results as JUnit XML (the folder must exist).",
)
@click.option(
    "--coverage", "show_coverage", is_flag=True, help="Print the provision coverage matrix; run nothing."
)
@click.option(
    "--emit-json",
    type=click.Path(path_type=Path),
    help="Write every case as JSON (schemas/case.schema.json) into this folder; run nothing.",
)
@click.option("--verbose", "-v", is_flag=True, help="List every case, not only those that did not pass.")
def conform(
    corpus_dir: Path | None,
    command: str | None,
    timeout: float,
    jobs: int,
    select: tuple[str, ...],
    junit_xml: Path | None,
    show_coverage: bool,
    emit_json: Path | None,
    verbose: bool,
) -> int:
    """Run every corpus case and compare the findings with the expected ones.

    Exit status: 0 every case passed; 1 a case failed or errored; 2 the corpus or the options are invalid (an
    output path is checked before anything runs); 130 interrupted by Ctrl-C, every running implementation killed.

    \b
    tinghu-policy conform                                  # the bundled corpus against this library
    tinghu-policy conform --implementation 'node impl.js' -j 2 --junit-xml conformance.xml
    tinghu-policy conform --coverage                       # which cases exercise each provision
    tinghu-policy conform --emit-json out/                 # the corpus as JSON for other systems
    """
    if junit_xml is not None and not (emit_json or show_coverage):
        _check_file(junit_xml, "--junit-xml")
    cases = load_corpus(corpus_dir, select=select)
    if emit_json is not None:
        _check_folder(emit_json, "--emit-json")
        _emit(cases, emit_json)
        return 0
    if show_coverage:
        _print_coverage(cases)
        return 0
    implementation: Implementation = (
        LibraryImplementation() if command is None else ExternalImplementation(command, timeout=timeout)
    )
    suite = _run(cases, implementation, jobs)
    _print_results(suite, verbose)
    if junit_xml is not None:
        try:
            write_junit(suite, junit_xml)
        except OSError as exc:
            raise TinghuPolicyError(f"--junit-xml {junit_xml}: cannot write: {exc.strerror or exc}") from None
        console.print(f"JUnit XML: {printable(str(junit_xml))}", markup=False, soft_wrap=True)
    return 0 if suite.ok else 1


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds (give a finite number, at least 0.1)")
    return value


def _check_file(path: Path, option: str) -> None:
    """Refuse up front (one line, exit 2) an output file that cannot be written; create no folder."""
    where = printable(str(path))
    if path.is_dir():
        raise TinghuPolicyError(f"{option} {where}: is a folder, not a file")
    parent = path.parent
    if not parent.is_dir():
        raise TinghuPolicyError(f"{option} {where}: the folder {printable(str(parent))} does not exist")
    existed = path.exists()
    try:
        with path.open("ab"):
            pass
    except OSError as exc:
        raise TinghuPolicyError(f"{option} {where}: cannot write: {exc.strerror or exc}") from None
    if not existed:
        with contextlib.suppress(OSError):
            path.unlink()


def _check_folder(path: Path, option: str) -> None:
    """Refuse up front (one line, exit 2) an output folder that cannot be written: it may be new, its parent
    must exist (no folders are created on the way)."""
    where = printable(str(path))
    if path.exists() and not path.is_dir():
        raise TinghuPolicyError(f"{option} {where}: is a file, not a folder")
    if not path.exists() and not path.parent.is_dir():
        raise TinghuPolicyError(f"{option} {where}: the folder {printable(str(path.parent))} does not exist")
    try:
        path.mkdir(exist_ok=True)
        probe = path / ".tinghu-policy-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise TinghuPolicyError(f"{option} {where}: cannot write: {exc.strerror or exc}") from None


def _run(cases: list[LoadedCase], implementation: Implementation, jobs: int) -> SuiteResult:
    progress = Progress(
        TextColumn("conformance"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[failed]} not passed"),
        console=errors,
        transient=True,
        disable=not errors.is_terminal,
    )
    with progress:
        task = progress.add_task("cases", total=len(cases), failed=0)
        not_passed = 0
        lock = threading.Lock()

        def advance(result: CaseResult) -> None:  # called from the worker threads with --jobs
            nonlocal not_passed
            with lock:
                not_passed += result.verdict is not Verdict.PASSED
                progress.update(task, advance=1, failed=not_passed)

        return run_suite(cases, implementation, jobs=jobs, on_result=advance)


def _print_results(suite: SuiteResult, verbose: bool) -> None:
    console.print(f"implementation: {printable(suite.implementation)}", markup=False, soft_wrap=True)
    for result in suite.results:
        if result.verdict is Verdict.PASSED:
            if verbose:
                console.print(
                    Text.assemble(("passed", "green"), f"  {printable(result.case.id)}"), soft_wrap=True
                )
            continue
        _print_problem(result)
    table = Table(title="per provision", title_justify="left")
    table.add_column("provision", no_wrap=True)
    for column in ("cases", "passed", "failed", "errored"):
        table.add_column(column, justify="right", no_wrap=True)
    for provision, counts in _ordered(suite.by_provision()):
        total = sum(counts.values())
        table.add_row(
            printable(provision),
            str(total),
            Text(str(counts[Verdict.PASSED]), style="green"),
            Text(str(counts[Verdict.FAILED]), style="red" if counts[Verdict.FAILED] else ""),
            Text(str(counts[Verdict.ERRORED]), style="magenta" if counts[Verdict.ERRORED] else ""),
        )
    console.print(table)
    passed, failed, errored = (suite.count(v) for v in Verdict)
    console.print(
        f"conformance: {passed} passed, {failed} failed, {errored} errored "
        f"({len(suite.results)} case{'' if len(suite.results) == 1 else 's'}, {suite.seconds:.1f} s)",
        markup=False,
        soft_wrap=True,
    )


def _print_problem(result: CaseResult) -> None:
    """A case that did not pass: verdict, id and file, title, then each wrong field (one line each, never
    broken) or the error and the end of the implementation's stderr. Every text is shown with its control
    characters escaped (they come from case files and from the implementation)."""
    style = _STYLE[result.verdict]
    console.print(
        Text.assemble(
            (result.verdict.value.upper(), f"{style} bold"),
            f" {printable(result.case.id)}  ",
            (printable(str(result.case.path)), "dim"),
        ),
        soft_wrap=True,
    )
    console.print(f"  {printable(result.case.case.title)}", markup=False, soft_wrap=True)
    if result.verdict is Verdict.ERRORED:
        console.print(
            "  error: " + printable(result.error, lines=True).replace("\n", "\n    "),
            markup=False,
            soft_wrap=True,
        )
        if result.stderr:
            lines = printable(result.stderr, lines=True).splitlines()
            console.print(
                "  stderr:\n" + "\n".join("    " + line for line in lines), markup=False, soft_wrap=True
            )
        return
    for m in result.mismatches:
        console.print("  " + printable(str(m)), markup=False, soft_wrap=True)


def _ordered(by_provision: dict[str, Counter[Verdict]]) -> list[tuple[str, Counter[Verdict]]]:
    order = {p.id: n for n, p in enumerate(registry())}
    return sorted(by_provision.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _print_coverage(cases: list[LoadedCase]) -> None:
    matrix = coverage_matrix(cases)
    table = Table(
        title="provision coverage: cases that show each provision holding and failing", show_lines=True
    )
    for column in ("provision", "rule / table"):
        table.add_column(column, no_wrap=True)  # ids are never broken
    for column in ("statuses expected", "holding", "failing", "other"):
        table.add_column(column, overflow="fold")
    for row in matrix:
        encoders = [*row.rules, *row.tables] or ["[dim]not encoded[/]"]
        statuses = [
            ", ".join(sorted(s.value for s in row.statuses.get(rule, ()))) or "[red]none[/]"
            for rule in row.rules
        ]
        statuses += ["[dim]table: consulted by rules, no findings[/]"] * len(row.tables)
        table.add_row(
            row.provision,
            "\n".join(encoders),
            "\n".join(statuses),
            _count(len(row.holding), row.needs_cases),
            _count(len(row.failing), row.needs_cases),
            str(len(row.other)),
        )
    Console(file=console.file, width=max(console.width, 130), highlight=False).print(table)
    gaps = coverage_gaps(matrix)
    encoded = sum(1 for row in matrix if row.needs_cases)
    console.print(f"{encoded} rule-encoded provisions, {encoded - len(gaps)} with holding and failing cases")
    for provision, missing in gaps.items():
        console.print(f"[red]gap[/] {provision}: {'; '.join(missing)}")


def _count(n: int, required: bool) -> str:
    return f"[red]{n}[/]" if required and n == 0 else str(n)


def _emit(cases: list[LoadedCase], directory: Path) -> None:
    try:
        _write_cases(cases, directory)
    except OSError as exc:
        where = printable(str(exc.filename or directory))
        raise TinghuPolicyError(f"--emit-json {where}: cannot write: {exc.strerror or exc}") from None
    console.print(
        f"wrote {len(cases)} cases (and their protocol inputs, *.input.json) to {printable(str(directory))}",
        markup=False,
        soft_wrap=True,
    )


def _write_cases(cases: list[LoadedCase], directory: Path) -> None:
    for loaded in cases:
        case = loaded.case
        data = case.model_dump(mode="json", exclude_unset=True)
        data["interpretation"] = case.interpretation.model_dump(mode="json")
        data["project"] = case.project.model_dump(mode="json")
        path = directory / f"{loaded.id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        input_path = directory / f"{loaded.id}.input.json"
        input_path.write_text(CaseInput.of(loaded.id, case).to_json() + "\n", encoding="utf-8")
