"""``benchmarks/bench_status_first.py`` measures faithful prototypes: its three forms of art. 14's order rule agree.

Not timings: the prototypes must give the library's statuses (and, for the status-first form, its checks) on every
project the benchmark times, or its ratios would compare different rules.
"""

from __future__ import annotations

import copy
import itertools
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from tinghu_policy import Project
from tinghu_policy.corpus import discover
from tinghu_policy.engine import Context, Status, rule_by_id
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.samples import sample_text

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_portfolio  # noqa: E402  (a script folder, not a package)
import bench_status_first  # noqa: E402

RULE = rule_by_id("art14.approval_order")


def test_the_three_forms_agree_on_every_corpus_case() -> None:
    calendar = WorkCalendar.default()
    statuses: Counter[Status] = Counter()
    for found in discover():
        case = found.case
        bench_status_first._agree(case.project, case.as_of, calendar, case.interpretation)
        context = Context(case.project, case.as_of, case.interpretation, calendar, RULE)
        statuses.update(o.status for o, _ in bench_status_first.status_first(context))
    # both outcomes of the order are compared, not only steps not yet taken
    assert statuses[Status.FAILS] > 0
    assert statuses[Status.HOLDS] > 0


@pytest.mark.parametrize("as_of", [date(2024, 7, 31), date(2025, 4, 30), date(2026, 6, 30)])
def test_the_three_forms_agree_on_generated_projects(as_of: date) -> None:
    calendar = WorkCalendar.default()
    for data in bench_portfolio.generate(300, seed=as_of.toordinal()):
        bench_status_first._agree(Project.model_validate(data), as_of, calendar)


def test_the_three_forms_agree_step_by_step_around_each_boundary() -> None:
    """The sample's approval steps moved a day either side of the steps they follow (the same day included),
    under each reading of D17 and D32: every pair of forms agrees on each."""
    case = yaml.safe_load(sample_text())
    calendar = WorkCalendar.default()
    readings = [
        Interpretation(),
        Interpretation(same_day_precedence="earlier_day"),
        Interpretation(project_code_after="expert_opinion"),
    ]
    statuses: Counter[Status] = Counter()
    days = {
        "final_opinion": ("2024-11-21", "2024-12-10", "2024-12-11"),
        "fiscal_review_report": ("2024-11-19", "2024-12-10", "2024-12-11"),
        "project_code_obtained": ("2024-11-20", "2024-11-21", "2024-11-26"),
        "documents_filed": ("2024-11-25", "2024-11-26", "2024-11-28"),
    }
    for final, fiscal, code, documents in itertools.product(*days.values()):
        data = copy.deepcopy(case["project"])
        data["review"][-1] |= {"final_opinion": final, "fiscal_review_report": fiscal}
        data["approval"] |= {"project_code_obtained": code, "documents_filed": documents}
        try:
            project = Project.model_validate(data)
        except ValidationError:
            continue  # an order the facts model refuses
        for interpretation in readings:
            bench_status_first._agree(project, case["as_of"], calendar, interpretation)
            context = Context(project, case["as_of"], interpretation, calendar, RULE)
            statuses.update(o.status for o, _ in bench_status_first.status_first(context))
    assert statuses[Status.FAILS] > 100
    assert statuses[Status.HOLDS] > 100


def test_the_script_prints_each_form() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_status_first.py"), "--projects", "30"],
        capture_output=True,
        text=True,
        check=True,
        cwd=BENCHMARKS,
        timeout=600,
    )
    for form in ("library", "status first", "inlined", "(context only)"):
        assert form in done.stdout
