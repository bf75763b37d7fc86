"""``tinghu-policy conform``: run the corpus as a conformance suite against this library or another implementation."""

from __future__ import annotations

import json
import threading
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tinghu_policy.cli.app import app, console, errors
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
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help="Seconds per case."
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1, max=64), default=1, show_default=True, help="Cases at a time."
)
@click.option(
    "--case", "select", multiple=True, metavar="TEXT", help="Only cases whose id contains TEXT (repeatable)."
)
@click.option(
    "--junit-xml",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the results as JUnit XML.",
)
@click.option(
    "--coverage", "show_coverage", is_flag=True, help="Print the provision coverage matrix; run nothing."
)
@click.option(
    "--emit-json",
    type=click.Path(file_okay=False, path_type=Path),
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

    Exit status: 0 every case passed; 1 a case failed or errored; 2 the corpus or the options are invalid.

    \b
    tinghu-policy conform                                  # the bundled corpus against this library
    tinghu-policy conform --implementation 'node impl.js' -j 2 --junit-xml conformance.xml
    tinghu-policy conform --coverage                       # which cases exercise each provision
    tinghu-policy conform --emit-json out/                 # the corpus as JSON for other systems
    """
    cases = load_corpus(corpus_dir, select=select)
    if emit_json is not None:
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
        write_junit(suite, junit_xml)
        console.print(f"JUnit XML: {junit_xml}", markup=False)
    return 0 if suite.ok else 1


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
    console.print(f"implementation: {suite.implementation}", markup=False)
    for result in suite.results:
        if result.verdict is Verdict.PASSED:
            if verbose:
                console.print(f"[green]passed[/]  {result.case.id}", highlight=False)
            continue
        _print_problem(result)
    table = Table(title="per provision", title_justify="left")
    for column in ("provision", "cases", "passed", "failed", "errored"):
        table.add_column(column, justify="left" if column == "provision" else "right")
    for provision, counts in _ordered(suite.by_provision()):
        total = sum(counts.values())
        table.add_row(
            provision,
            str(total),
            f"[green]{counts[Verdict.PASSED]}[/]",
            f"[red]{counts[Verdict.FAILED]}[/]" if counts[Verdict.FAILED] else "0",
            f"[magenta]{counts[Verdict.ERRORED]}[/]" if counts[Verdict.ERRORED] else "0",
        )
    console.print(table)
    passed, failed, errored = (suite.count(v) for v in Verdict)
    console.print(
        f"{len(suite.results)} cases in {suite.seconds:.1f} s: {passed} passed, {failed} failed, {errored} errored",
        markup=False,
    )
    console.print(f"conformance: {passed} passed, {failed + errored} failed", markup=False)


def _print_problem(result: CaseResult) -> None:
    style = _STYLE[result.verdict]
    console.print(
        f"[{style} bold]{result.verdict.value.upper()}[/] {result.case.id}  [dim]{result.case.path}[/]",
        highlight=False,
    )
    console.print(f"  {result.case.case.title}", markup=False)
    if result.verdict is Verdict.ERRORED:
        console.print(f"  error: {result.error}", markup=False)
        if result.stderr:
            console.print(
                "  stderr:\n" + "\n".join("    " + line for line in result.stderr.splitlines()), markup=False
            )
        return
    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    for column in ("  finding", "field", "expected", "actual"):
        table.add_column(column, overflow="fold")
    for m in result.mismatches:
        finding = m.rule + (f" [{m.subject}]" if m.subject else "")
        table.add_row("  " + finding, m.field, m.expected, m.actual)
    console.print(table, markup=False)


def _ordered(by_provision: dict[str, Counter[Verdict]]) -> list[tuple[str, Counter[Verdict]]]:
    order = {p.id: n for n, p in enumerate(registry())}
    return sorted(by_provision.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _print_coverage(cases: list[LoadedCase]) -> None:
    matrix = coverage_matrix(cases)
    table = Table(
        title="provision coverage: cases that show each provision holding and failing", show_lines=True
    )
    for column in ("provision", "rule / table", "statuses expected", "holding", "failing", "other"):
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
    console.print(
        f"wrote {len(cases)} cases (and their protocol inputs, *.input.json) to {directory}", markup=False
    )
