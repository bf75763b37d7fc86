"""Speed of evaluation: one whole-life project, a portfolio of 100,000 projects in batch, and the import.

Run: ``.venv/bin/python benchmarks/bench_portfolio.py [--projects N] [--jobs N] [--runs N] [--import-runs N]``.
Prints figures; not a test (no pass/fail). Targets on the 2-core reference machine (issue #20): ``evaluate()`` of
the whole-life sample, verdicts only, ≤ 80 µs median, with every explanation rendered ≤ 300 µs; the 100,000-project
batch ≤ 10 s with ``--jobs 2`` (validation and JSON output included); ``from tinghu_policy import evaluate,
Project`` ≤ 120 ms.

Every one-project figure is a median of wall time and of CPU time per call (``time.process_time``, in groups of
calls): on a shared machine the CPU time is the steadier one; the load average is printed with them. The import
is timed in fresh interpreters with the bytecode compiled once beforehand (into a temporary
``PYTHONPYCACHEPREFIX``, whatever ``PYTHONDONTWRITEBYTECODE`` says), as for an installed package.

The portfolio is generated with a seeded ``random.Random`` (the same projects on every run), spread over every
stage of a project's life — filed, in review (each step), approved, under construction, adjusted, completed,
accepted, in operation, self-evaluated — with some steps late or missing, some projects outside the regulation's
scope (art. 2, 3), some classified, and one line in a thousand broken (invalid facts or not JSON), which the batch
reports and goes on. Every clock ends within the calendar data (2004–2026).

The floors run the same measurements with every rule returning one fixed outcome (:func:`with_idle_rules`): what
the engine, and the batch around it, cost whatever the rules compute. ``tests/benchmarks/`` runs this script on a
small portfolio and checks that it prints every figure and that the floors really run the idle rules.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from tinghu_policy import Project, evaluate
from tinghu_policy.engine import Outcome, Report, Rule, Status, catalogue, run_rules
from tinghu_policy.engine.rule import RuleFunction
from tinghu_policy.interpretation import DEFAULT_INTERPRETATION
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.samples import sample_text

AS_OF = date(2026, 6, 30)
STAGES = (
    "filed",
    "initial_opinion",
    "revised",
    "department_review",
    "evaluated",
    "approved",
    "building",
    "adjusted",
    "completed",
    "accepted",
    "operating",
    "self_evaluated",
)
OWNERS = (
    "区数据局",
    "区市场监督管理局",
    "区教育局",
    "区卫生健康委员会",
    "区住房和城乡建设局",
    "区民政局",
    "区人力资源和社会保障局",
    "区应急管理局",
    "区城市管理局",
    "区农业农村局",
)
DEPARTMENTS = ("committee_office", "cyberspace_office", "finance_bureau", "audit_bureau")
BIN = Path(sys.executable).parent
FIRST_EVALUATION = (
    "from tinghu_policy.samples import sample_text; from tinghu_policy.cli.inputs import parse_input; "
    "r = parse_input(sample_text(), 'sample'); from tinghu_policy import evaluate; evaluate(r.project, as_of=r.as_of)"
)


def generate(n: int, seed: int = 20240927) -> list[dict[str, Any]]:
    """``n`` projects as JSON-ready mappings, spread evenly over :data:`STAGES` (seeded)."""
    rng = random.Random(seed)
    return [_project(rng, number, number % len(STAGES)) for number in range(n)]


def _project(rng: random.Random, number: int, stage: int) -> dict[str, Any]:
    day = date(2024, 1, 2) + timedelta(days=rng.randrange(150))

    def later(lo: int, hi: int) -> str:
        nonlocal day
        day += timedelta(days=rng.randint(lo, hi))
        return day.isoformat()

    budget = rng.randrange(200_000, 5_000_000, 1000)
    category = rng.choices(
        ("software_development", "data_governance", "digital_infrastructure", "general_software", "other"),
        weights=(50, 25, 20, 3, 2),
    )[0]
    project: dict[str, Any] = {
        "id": f"GEN-{number:06d}",
        "name": f"亭湖区政务信息化项目{number}",
        "owner": {"name": rng.choice(OWNERS), "level": "district", "kind": "party_government"},
        "funding": [{"source": "fiscal_budget", "amount": f"{budget}.00"}],
        "category": category,
        "produces_public_data": rng.random() < 0.9,
        "classified": rng.random() < 0.02,
        "on_management_platform": rng.random() < 0.95,
        "planning": {"plans": ["district"] if rng.random() < 0.95 else []},
        "conditions": dict.fromkeys(
            ("policy_conformity", "shared_infrastructure", "feasibility_sound", "security_compliant"), True
        ),
        "prohibitions": {
            "systems_integrated": [{"value": True}],
            "migrated_to_cloud": [{"value": rng.random() < 0.97}],
            "public_data_shared": [{"value": True}],
            "duplicate_construction": [{"value": False}],
        },
    }
    review: dict[str, Any] = {
        "received": later(0, 0),
        "documents": ["request", "feasibility_study", "cost_assessment"][: 3 if rng.random() < 0.95 else 2],
    }
    project["review"] = [review]
    if stage >= 1:
        review["initial_opinion"] = {"issued": later(1, 9), "outcome": "revise"}
    if stage >= 2:
        review["revised"] = later(3, 25)
    if stage >= 3:
        review["sent_to_departments"] = later(1, 3)
        sent = day
        review["department_opinions"] = {
            d: (sent + timedelta(days=rng.randint(1, 6))).isoformat() for d in DEPARTMENTS
        }
        day = sent + timedelta(days=6)
    if stage >= 4:
        review["panel_received"] = later(1, 4)
        review["expert_opinion"] = later(2, 9)
        review["revised_after_evaluation"] = later(1, 5)
        review["fiscal_review_report"] = later(1, 6)
        review["final_opinion"] = later(1, 4)
    if stage < 5:
        return project
    project["approval"] = {
        "project_code_obtained": later(1, 5),
        "documents_filed": later(1, 3),
        "approved": (approved := later(3, 15)),
        "approved_by": "data_bureau",
        "approved_budget": f"{budget}.00",
        "data_sharing": {
            "in_feasibility_study": True,
            "in_preliminary_design": True,
            "data_catalogue": True,
            "restricted_sharing": False,
        },
    }
    day = date.fromisoformat(approved)
    implementation: dict[str, Any] = {
        "preliminary_design_approved": approved,
        "approved_completion": (day + timedelta(days=rng.randint(180, 300))).isoformat(),
        "funds_arranged": later(3, 20),
        "security": dict.fromkeys(
            (
                "security_measures_synchronised",
                "security_management_system",
                "periodic_security_testing",
                "cryptography_plan",
                "cryptography_synchronised",
                "electronic_records_synchronised",
            ),
            True,
        ),
    }
    project["implementation"] = implementation
    if stage < 6:
        return project
    implementation["works_started"] = later(10, 40)
    if stage >= 7:
        implementation["adjustments"] = [
            {
                "requested": later(30, 90),
                "amount": f"{budget * rng.choice((5, 8, 10, 12)) // 100}.00",
                "total_after": f"{budget}.00",
                "goals_unchanged": True,
                "ground": "technical_optimisation",
                "reviewed_by_data_bureau": {"day": later(3, 10), "outcome": "approved"},
                "reviewed_by_finance": {"day": later(1, 5), "outcome": "approved"},
                "filed_with_development_reform": later(1, 8),
            }
        ]
    if stage < 8:
        return project
    completed = later(60, 120)
    project["operation"] = {"trial_started": (date.fromisoformat(completed) - timedelta(days=30)).isoformat()}
    year = date.fromisoformat(implementation["works_started"]).year
    implementation["performance_reports"] = [
        {
            "year": y,
            "submitted_to_finance": f"{y}-12-{rng.randint(20, 31)}",
            "copied_to_data_bureau": True,
            "copied_to_development_reform": True,
            "filed_on_platform": True,
            "covers_progress_and_funds": True,
            "covers_trial_operation": True,
        }
        for y in range(year, date.fromisoformat(completed).year + 1)
        if rng.random() < 0.9
    ]
    acceptance: dict[str, Any] = {
        "completed": completed,
        "classified_protection": {"result": "passed"},
        "cryptography_assessment": {"result": "passed"},
    }
    project["acceptance"] = acceptance
    if stage < 9:
        return project
    acceptance |= {"applied": later(10, 60), "archive_acceptance": {"result": "passed", "day": later(1, 10)}}
    acceptance["passed"] = later(3, 40)
    acceptance["filing"] = {
        "filed": later(1, 20),
        **dict.fromkeys(
            (
                "summary",
                "financial_audit",
                "classified_protection_report",
                "cryptography_assessment_report",
                "to_development_reform",
                "to_data_bureau",
                "to_finance",
            ),
            True,
        ),
    }
    if stage < 10:
        return project
    operation: dict[str, Any] = project["operation"]
    operation |= {"started": later(1, 20), "operator_designated": True}
    if rng.random() < 0.7:
        acceptance["final_accounts_submitted"] = later(30, 100)
    if stage >= 11:
        operation["self_evaluation_submitted"] = later(60, 300)
    return project


def broken(rng: random.Random, project: dict[str, Any]) -> str:
    """A line the batch must report and skip: invalid facts, or not JSON at all."""
    if rng.random() < 0.5:
        return json.dumps({**project, "owner": {**project["owner"], "level": "galactic"}}, ensure_ascii=False)
    return json.dumps(project, ensure_ascii=False)[:-7]


def write_portfolio(path: Path, n: int, seed: int = 20240927) -> int:
    """Write ``n`` generated projects as JSON lines (one in a thousand broken); returns the broken count."""
    rng = random.Random(seed + 1)
    bad = 0
    with path.open("w", encoding="utf-8") as out:
        for project in generate(n, seed):
            if rng.random() < 0.001:
                bad += 1
                out.write(broken(rng, project) + "\n")
            else:
                out.write(json.dumps(project, ensure_ascii=False) + "\n")
    return bad


def _children_cpu() -> float:
    """User and system CPU seconds used so far by finished child processes (the batch and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def medians_us(call: Any, runs: int, group: int = 10) -> tuple[float, float]:
    """Median wall and CPU time of ``call()`` in microseconds over ``runs`` calls, timed in groups of ``group``
    calls (after a warm-up)."""
    for _ in range(min(runs, 50)):
        call()
    walls, cpus = [], []
    for _ in range(max(1, runs // group)):
        began, cpu = time.perf_counter(), time.process_time()
        for _ in range(group):
            call()
        walls.append((time.perf_counter() - began) / group)
        cpus.append((time.process_time() - cpu) / group)
    return statistics.median(walls) * 1e6, statistics.median(cpus) * 1e6


def median_us(call: Any, runs: int) -> float:
    """Median wall time of ``call()`` in microseconds (:func:`medians_us`)."""
    return medians_us(call, runs)[0]


def mean_us(projects: list[Project], call: Any) -> float:
    """Mean time of ``call(project)`` over ``projects`` in microseconds (after one warm-up pass)."""
    for project in projects:
        call(project)
    began = time.perf_counter()
    for project in projects:
        call(project)
    return (time.perf_counter() - began) / len(projects) * 1e6


def idle_rules(listed: int | None = None) -> tuple[Rule, ...]:
    """The catalogue with every rule reduced to returning one fixed outcome: HOLDS, or — when ``listed`` is given —
    HOLDS for the first ``listed`` rules and NOT_APPLICABLE for the rest (a batch line lists only the former)."""
    rules = catalogue()
    cut = len(rules) if listed is None else listed

    def returning(status: Status) -> RuleFunction:
        fixed = Outcome(status)
        return lambda ctx: fixed

    holds, not_applicable = returning(Status.HOLDS), returning(Status.NOT_APPLICABLE)
    return tuple(replace(rule, function=holds if n < cut else not_applicable) for n, rule in enumerate(rules))


def with_idle_rules(listed: int | None = None) -> AbstractContextManager[Any]:
    """A context in which the engine runs :func:`idle_rules` instead of the real ones."""
    idle = idle_rules(listed)
    # the module, not the function of the same name that the package exports
    engine = importlib.import_module("tinghu_policy.engine.evaluate")
    return mock.patch.object(engine, "catalogue", return_value=idle)


def explained(report: Report) -> None:
    """Read every explanation of ``report`` (each finding's Chinese and English 审查意见), as a reader would."""
    for finding in report.findings:
        finding.explanation_zh  # noqa: B018  (read: rendered when first read)
        finding.explanation_en  # noqa: B018


def one_project(project: Project, as_of: date, runs: int) -> dict[str, tuple[float, float]]:
    """Wall and CPU medians (µs) of the one-project figures: ``evaluate()`` (verdicts only: its findings are
    rendered when read), ``evaluate()`` with every explanation read, ``run_rules()`` (the batch's path), and
    ``evaluate()`` then ``Report.to_json()``."""
    interpretation, calendar = DEFAULT_INTERPRETATION, WorkCalendar.default()
    return {
        "verdicts": medians_us(lambda: evaluate(project, as_of=as_of), runs),
        "explained": medians_us(lambda: explained(evaluate(project, as_of=as_of)), runs // 2),
        "run_rules": medians_us(lambda: deque(run_rules(project, as_of, interpretation, calendar), 0), runs),
        "to_json": medians_us(lambda: evaluate(project, as_of=as_of).to_json(), runs // 4),
    }


def engine_floor_us(project: Project, as_of: date, runs: int) -> dict[str, tuple[float, float]]:
    """:func:`one_project` when every rule does nothing but return one fixed HOLDS outcome: what the engine
    itself costs — a rule call, an outcome, and for ``evaluate()`` a report whose findings are made when read —
    whatever the rules compute."""
    with with_idle_rules():
        return one_project(project, as_of, runs)


IDLE_BATCH = """
import sys
sys.path.insert(0, sys.argv.pop(1))
from bench_portfolio import with_idle_rules
from tinghu_policy.cli import main
with with_idle_rules(int(sys.argv.pop(1))):
    main()
"""
"""``python -c IDLE_BATCH BENCHMARKS_DIR LISTED batch ...``: the batch command with idle rules (the worker
processes are forked after the patch, so they run the idle rules too)."""


def written(output: Path) -> tuple[int, int, float]:
    """A batch output's lines, how many report an invalid project, and the findings listed per valid line."""
    lines = failed = listed = 0
    with output.open(encoding="utf-8") as text:
        for line in text:
            lines += 1
            failed += '"ok":false' in line
            listed += line.count('{"rule":')
    return lines, failed, listed / (lines - failed)


def run_batch(command: list[str]) -> tuple[float, float]:
    """Run a batch command; its wall time and the CPU time of it and its workers, in seconds."""
    began, cpu_before = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ | {"COLUMNS": "120"})
    elapsed, cpu = time.perf_counter() - began, _children_cpu() - cpu_before
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)
    return elapsed, cpu


def import_ms(statement: str, runs: int) -> tuple[float, float]:
    """Median wall and CPU time of ``statement`` in a fresh interpreter, in milliseconds, the bytecode compiled
    beforehand."""
    code = (
        "import time; t, c = time.perf_counter(), time.process_time(); "
        f"{statement}; print(time.perf_counter() - t, time.process_time() - c)"
    )
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache

        def timed() -> tuple[float, float]:
            done = subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
            )
            wall, cpu = done.stdout.split()
            return float(wall), float(cpu)

        timed()  # compiles and caches the bytecode
        samples = [timed() for _ in range(runs)]
    return statistics.median(w for w, _ in samples) * 1e3, statistics.median(c for _, c in samples) * 1e3


def _figure(name: str, wall_cpu: tuple[float, float], floor: tuple[float, float] | None = None) -> str:
    wall, cpu = wall_cpu
    text = f"  {name:<44} median {wall:8.1f} µs wall, {cpu:8.1f} µs CPU"
    if floor is not None:
        text += f"; floor {floor[0]:6.1f} µs wall, {floor[1]:6.1f} µs CPU"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=100_000, help="portfolio size (default 100,000)")
    parser.add_argument("--jobs", type=int, default=2, help="batch worker processes (default 2)")
    parser.add_argument(
        "--runs", type=int, default=2000, help="runs of the one-project timing (default 2000)"
    )
    parser.add_argument(
        "--import-runs", type=int, default=9, help="fresh interpreters per import timing (default 9)"
    )
    args = parser.parse_args()

    case = yaml.safe_load(sample_text())
    whole_life = Project.model_validate(case["project"])
    as_of = case["as_of"]
    report = evaluate(whole_life, as_of=as_of)
    print(
        f"whole-life sample project {whole_life.id}: {len(report.findings)} findings as of {as_of} "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    figures, floors = one_project(whole_life, as_of, args.runs), engine_floor_us(whole_life, as_of, args.runs)
    print(_figure("evaluate (verdicts only)", figures["verdicts"], floors["verdicts"]))
    print(_figure("evaluate, every explanation rendered", figures["explained"], floors["explained"]))
    print(_figure("run_rules (the batch's path)", figures["run_rules"], floors["run_rules"]))
    print(_figure("evaluate + Report.to_json()", figures["to_json"], floors["to_json"]))
    print(f"  (floor: every rule returns one fixed outcome, {len(catalogue())} findings)")
    interpretation, calendar = DEFAULT_INTERPRETATION, WorkCalendar.default()
    sample = [Project.model_validate(p) for p in generate(2000)]
    print(
        f"2,000 generated projects (all stages): evaluate mean {mean_us(sample, lambda p: evaluate(p, as_of=AS_OF)):6.1f} µs, "
        f"run_rules mean {mean_us(sample, lambda p: deque(run_rules(p, AS_OF, interpretation, calendar), 0)):6.1f} µs"
    )
    text = whole_life.model_dump_json()
    print(
        f"  Project.model_validate_json median {median_us(lambda: Project.model_validate_json(text), args.runs):8.1f} µs"
    )

    for name, statement in (
        ("import tinghu_policy", "import tinghu_policy"),
        ("from tinghu_policy import evaluate, Project", "from tinghu_policy import evaluate, Project"),
        ("  + first evaluation (rules, edition, calendar)", FIRST_EVALUATION),
    ):
        wall, cpu = import_ms(statement, args.import_runs)
        print(f"{name:<48} median {wall:7.1f} ms wall, {cpu:7.1f} ms CPU")

    with tempfile.TemporaryDirectory() as tmp:
        portfolio, output = Path(tmp) / "portfolio.jsonl", Path(tmp) / "findings.jsonl"
        began = time.perf_counter()
        bad = write_portfolio(portfolio, args.projects)
        size = portfolio.stat().st_size
        print(
            f"portfolio: {args.projects:,} projects over {len(STAGES)} stages ({bad} broken lines), "
            f"{size / 1e6:.0f} MB, generated in {time.perf_counter() - began:.1f} s (not counted)"
        )
        arguments = [
            "batch",
            str(portfolio),
            "--as-of",
            AS_OF.isoformat(),
            "--jobs",
            str(args.jobs),
            "--output",
            str(output),
            "--no-summary",
        ]
        elapsed, cpu = run_batch([str(BIN / "tinghu-policy"), *arguments])
        lines, failed, listed = written(output)
        print(
            f"batch --jobs {args.jobs}: {elapsed:.2f} s wall ({args.projects / elapsed:,.0f} projects/s); "
            f"{lines:,} lines, {failed} reported invalid, output {output.stat().st_size / 1e6:.0f} MB, "
            f"{listed:.1f} findings listed per line"
        )
        print(
            f"  CPU time of the batch and its workers: {cpu:.1f} s ({cpu / args.projects * 1e6:,.0f} µs per project; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        idle = [sys.executable, "-c", IDLE_BATCH, str(Path(__file__).parent), str(round(listed)), *arguments]
        elapsed, cpu = run_batch(idle)
        lines, failed, listed = written(output)
        print(
            f"batch floor: the same batch, every rule returning one fixed outcome: {elapsed:.2f} s wall, "
            f"CPU {cpu:.1f} s ({cpu / args.projects * 1e6:,.0f} µs per project); {lines:,} lines, "
            f"{failed} reported invalid, {listed:.1f} findings listed per line"
        )


if __name__ == "__main__":
    main()
