"""Speed of the ledger: a 10,000-project ledger read, evaluated and reported, as staff would run it.

Run: ``.venv/bin/python benchmarks/bench_ledger.py [--projects N] [--jobs N] [--phases]`` (the ``[ledger]``
extra installed). Prints figures; not a test (no pass/fail). Target on the 2-core reference machine: a
10,000-project ledger read, evaluated and reported (``tinghu-policy ledger report LEDGER.xlsx -o REPORT.xlsx``)
in under a minute.

The ledger is written from the portfolio ``bench_portfolio.py`` generates (seeded: the same projects on every
run, spread over every stage of a project's life), with a table of shared texts as Excel and WPS save a workbook.
Each command runs as a subprocess, as staff run it; its wall time and the CPU time of it and its worker processes
are measured. ``--phases`` adds the CPU time of each step in one process: scanning the sheets, putting the
projects together and validating them, evaluating them (with every explanation) and writing the report — where
the time goes. The machine's load average is printed before and after: on a busy machine the wall times are not
the machine's.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_portfolio import AS_OF, generate

from tinghu_policy import Project

BIN = Path(sys.executable).parent


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def projects(n: int) -> list[Project]:
    """``n`` generated projects, validated (the generator's few invalid ones left out)."""
    found = []
    for data in generate(n):
        try:
            found.append(Project.model_validate(data))
        except ValueError:
            continue
    return found


def write(path: Path, portfolio: list[Project]) -> float:
    from tinghu_policy.ledger.template import write_ledger

    began = time.perf_counter()
    write_ledger(path, portfolio, streamed=False)
    return time.perf_counter() - began


def run(*args: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (with its workers) and exit status of ``tinghu-policy ARGS``."""
    cpu = _children_cpu()
    began = time.perf_counter()
    done = subprocess.run([str(BIN / "tinghu-policy"), *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr)
    return wall, _children_cpu() - cpu, done.returncode


def phases(ledger: Path, report: Path, as_of: date) -> dict[str, float]:
    """CPU seconds of each step, in this process (one job)."""
    from tinghu_policy.cli.portfolio import Settings
    from tinghu_policy.ledger.reader import LedgerReader
    from tinghu_policy.ledger.report import Evaluated, ledger_results, write_report

    spent: dict[str, float] = {}
    with LedgerReader(ledger, jobs=1) as reader:
        began = time.process_time()
        reader.scan()
        spent["scan the sheets"] = time.process_time() - began
        began = time.process_time()
        count = sum(1 for _ in reader.entries())
        spent[f"put together and validate {count} projects"] = time.process_time() - began
        began = time.process_time()
        settings = Settings(today=as_of, as_of=as_of)
        results: list[Evaluated] = list(ledger_results(reader, settings, False, 1))
        spent["evaluate (again put together and validated)"] = time.process_time() - began
        began = time.process_time()
        write_report(iter(results), report, as_of=as_of)
        spent["write the report"] = time.process_time() - began
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--phases", action="store_true", help="also the CPU time of each step, in one process"
    )
    options = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(prefix="bench-ledger-") as folder:
        root = Path(folder)
        ledger, report, portfolio = root / "ledger.xlsx", root / "report.xlsx", root / "portfolio.jsonl"
        generated = projects(options.projects)
        wrote = write(ledger, generated)
        print(
            f"ledger of {len(generated):,} projects written in {wrote:.1f} s "
            f"({ledger.stat().st_size / 1e6:.1f} MB, shared texts as Excel saves)"
        )
        as_of = AS_OF.isoformat()
        jobs = str(options.jobs)
        figures = [
            (
                "ledger read → JSON lines",
                run("ledger", "read", str(ledger), "-o", str(portfolio), "-j", jobs),
            ),
            (
                "ledger report LEDGER.xlsx → report.xlsx (read, evaluate, report)",
                run("ledger", "report", str(ledger), "--as-of", as_of, "-o", str(report), "-j", jobs),
            ),
            (
                "ledger report PORTFOLIO.jsonl → report.xlsx (evaluate, report)",
                run("ledger", "report", str(portfolio), "--as-of", as_of, "-o", str(report), "-j", jobs),
            ),
            (
                "ledger report LEDGER.xlsx --format csv (read, evaluate, report)",
                run(
                    "ledger",
                    "report",
                    str(ledger),
                    "--as-of",
                    as_of,
                    "-o",
                    str(root / "csv"),
                    "--format",
                    "csv",
                    "-j",
                    jobs,
                ),
            ),
        ]
        print(f"{'what':66} {'wall':>8} {'CPU':>8}  exit   (--jobs {jobs})")
        for what, (wall, cpu, status) in figures:
            print(f"{what:66} {wall:7.1f}s {cpu:7.1f}s  {status}")
        print(f"report.xlsx: {report.stat().st_size / 1e6:.1f} MB")
        if options.phases:
            print("CPU time of each step, in one process:")
            for what, seconds in phases(ledger, root / "phases.xlsx", AS_OF).items():
                print(f"  {what:64} {seconds:7.1f}s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
