"""``benchmarks/bench_portfolio.py`` runs and prints every figure, and its floors really run idle rules.

Not timings: these tests check what the benchmark measures, never how fast (speed is the benchmark's business).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from tinghu_policy import Project, evaluate
from tinghu_policy.engine import Status, catalogue
from tinghu_policy.samples import sample_text

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_portfolio  # noqa: E402  (a script folder, not a package)


def _sample() -> tuple[Project, date]:
    case = yaml.safe_load(sample_text())
    return Project.model_validate(case["project"]), case["as_of"]


def test_idle_rules_list_as_many_findings_as_asked_and_the_real_rules_come_back() -> None:
    project, as_of = _sample()
    real = evaluate(project, as_of=as_of)
    with bench_portfolio.with_idle_rules(5):
        idle = evaluate(project, as_of=as_of)
    assert Counter(f.status for f in idle.findings) == {
        Status.HOLDS: 5,
        Status.NOT_APPLICABLE: len(catalogue()) - 5,
    }
    assert [f.rule for f in idle.findings] == [r.id for r in catalogue()]
    assert evaluate(project, as_of=as_of) == real  # the patch is undone


def test_the_batch_floor_runs_the_idle_rules_in_its_worker_processes(tmp_path: Path) -> None:
    portfolio, output = tmp_path / "portfolio.jsonl", tmp_path / "findings.jsonl"
    broken = bench_portfolio.write_portfolio(portfolio, 60)
    command = [
        sys.executable,
        "-c",
        bench_portfolio.IDLE_BATCH,
        str(BENCHMARKS),
        "7",
        "batch",
        str(portfolio),
    ]
    bench_portfolio.run_batch([*command, "--as-of", "2026-06-30", "--jobs", "2", "--output", str(output)])
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    evaluated = [line for line in lines if line["ok"]]
    assert len(lines) == 60
    assert len(evaluated) == 60 - broken
    # the first 7 rules HOLDS, the others NOT_APPLICABLE; out of scope, only the scope rules among the 7 hold
    scope_rules = sum(rule.decides_scope for rule in catalogue()[:7])
    assert {f["status"] for line in evaluated for f in line["findings"]} == {"holds"}
    assert Counter(line["counts"]["holds"] for line in evaluated).keys() <= {7, scope_rules}
    assert all(sum(line["counts"].values()) == len(catalogue()) for line in evaluated)
    assert Counter(line["counts"]["holds"] for line in evaluated)[7] >= 50  # 2 % of projects are out of scope


def test_the_benchmark_prints_every_figure_on_a_small_portfolio() -> None:
    command = [sys.executable, str(BENCHMARKS / "bench_portfolio.py"), "--projects", "400", "--jobs", "2"]
    done = subprocess.run(
        [*command, "--runs", "20", "--import-runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    each = r"median\s+[\d.]+ µs wall,\s+[\d.]+ µs CPU; floor\s+[\d.]+ µs wall,\s+[\d.]+ µs CPU"
    for figure in (
        r"evaluate \(verdicts only\)\s+" + each,
        r"evaluate, every explanation rendered\s+" + each,
        r"run_rules \(the batch's path\)\s+" + each,
        r"evaluate \+ Report.to_json\(\)\s+" + each,
        r"load average [\d.]+ on \d+ cores",
        r"import tinghu_policy\s+median\s+[\d.]+ ms wall,\s+[\d.]+ ms CPU",
        r"from tinghu_policy import evaluate, Project\s+median\s+[\d.]+ ms wall,\s+[\d.]+ ms CPU",
        r"first evaluation \(rules, edition, calendar\)\s+median\s+[\d.]+ ms wall,\s+[\d.]+ ms CPU",
    ):
        assert re.search(figure, out), f"{figure!r} not in:\n{out}"
    broken = re.search(r"portfolio: 400 projects over 12 stages \((\d+) broken lines\)", out)
    real = re.search(r"batch --jobs 2: [\d.]+ s wall .* 400 lines, (\d+) reported invalid", out)
    floor = re.search(r"batch floor: .* [\d.]+ s wall, .* 400 lines, (\d+) reported invalid", out)
    assert broken, out
    assert real, out
    assert floor, out
    assert int(real[1]) == int(floor[1]) == int(broken[1])  # every broken line reported, the others evaluated
