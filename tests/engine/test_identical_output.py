"""Byte-identical output (issue #20): every report and batch line is what the tagged version ``pre-issue-20`` wrote.

The fixture ``fixtures/identical_output.json`` was written by this module from the commit tagged ``pre-issue-20``
(before the two-phase engine), and rewritten since for intended changes only: D39 (2026-12-07: every report's
interpretation names it, and art. 23's report for the year the regulation takes effect in changed in 119 of the
30,000 generated evaluations — nothing else did); D40 and D41 (2026-12-07: every report's interpretation names them
and art. 25's and art. 11's rules cite them; with both fields and citations set aside, every output of the 30,000
generated evaluations is what it was, and of the corpus only two cases changed — their rounds record a return and
no initial opinion, which D41's default finds failing (a notice before), with the opinion's note naming D41; the new
options are exercised by two more ``VARIANTS``). It holds digests, not the outputs:

* every corpus case: the sha256 of ``Report.to_json()`` (``tinghu-policy evaluate --format json``), of the
  iCalendar rendering, and of the batch's JSON lines for the case as a request line (compact, ``--all
  --full``);
* 10,000 projects of ``benchmarks/bench_portfolio.py``'s seeded generator, each evaluated three times (two of four
  as-of dates, one of them beyond the calendar data, and a third with an interpretation option other than the
  default), every tenth with dates written as aware timestamps (D14): per project, the first 16 hex digits of a
  sha256 over its ``to_json()`` reports, its batch lines (compact; and ``--all --full`` for the third) and what
  the summary reads of them.

A mismatch names the case or the project. To see the difference, run the tagged version beside this one (``git
worktree add /tmp/pre pre-issue-20``) and compare the outputs :func:`project_outputs` gives for that project.
Should the output change on purpose, rewrite the fixture with ``python tests/engine/test_identical_output.py
--write`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tinghu_policy.cli.portfolio import Item, Settings, Worker
from tinghu_policy.corpus import CaseFile, discover
from tinghu_policy.engine import Report, evaluate
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import Interpretation

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_portfolio  # noqa: E402  (a script folder, not a package)

FIXTURE = Path(__file__).with_name("fixtures") / "identical_output.json"
PROJECTS = 10_000
TODAY = date(2026, 6, 30)
"""The batch's "today" (no line relies on it: every request line gives its as_of)."""
AS_OF = (date(2024, 7, 31), date(2025, 4, 30), date(2026, 6, 30), date(2027, 2, 15))
"""The dates generated projects are evaluated on (2027 is beyond the calendar data: D12)."""
VARIANTS: tuple[dict[str, Any], ...] = (
    {"counting_start": "next_working_day"},
    {"working_day": "weekdays_without_makeup"},
    {"month_end": "raise"},
    {"last_day_rollover": "holidays_only"},
    {"last_day_rollover": "none"},
    {"serious_overdue_boundary": "at_least"},
    {"year_end_rollover": True},
    {"final_accounts_cap": "total_at_most_6_months"},
    {"art3_qualifier_scope": "both_groups"},
    {"joint_evaluation_clock_start": "department_review_complete"},
    {"self_evaluation_clock_start": "acceptance"},
    {"timely_within_working_days": 10},
    {"beyond_calendar_data": "provisional"},
    {"beyond_calendar_data": "statutory_estimate"},
    {"effective_date": "2024-06-01"},
    {"effective_date": "2025-01-01"},
    {"revision_expiry": "returned_on_expiry"},
    {"completion_trigger": "trial_operation_start"},
    {"serious_overrun_percent": "10"},
    {"same_day_precedence": "earlier_day"},
    {"township_units": "not_district_level"},
    {"township_units": "district_level"},
    {"classified_application": "application_only"},
    {"classified_application": "pre_review_only"},
    {"final_opinion_order": "after_expert_opinion"},
    {"om_funding_act": "requested"},
    {"extra_approval_exception": "paired"},
    {"extra_approval_sought": "fails"},
    {"implementation_start": "works_started"},
    {"implementation_start": "approved"},
    {"surplus_settlement": "acceptance_passed"},
    {"surplus_settlement": "completion"},
    {"classified_acceptance": "paras_1_to_4"},
    {"acceptance_filing_period": "no_period"},
    {"late_extension": "ignored"},
    {"late_extension": "counted"},
    {"state_enterprise_funding": "any_money"},
    {"adjustment_limit_basis": "each_adjustment"},
    {"project_code_after": "expert_opinion"},
    {"revision_window_start": "issue"},
    {"surplus_after_adjustment": "still_owed"},
    {"surplus_fiscal_share": "fiscal_spent_first"},
    {"surplus_fiscal_share": "other_spent_first"},
    {"performance_report_years": "in_implementation_at_year_end"},
    {"extension_counting": "after_original_period"},
    {"art3_substance": "category_governs"},
    {"fiscal_share_rounding": "half_up"},
    {"return_without_opinion": "opinion_owed"},
    {
        "timely_within_working_days": 5,
        "beyond_calendar_data": "statutory_estimate",
        "same_day_precedence": "earlier_day",
        "completion_trigger": "trial_operation_start",
        "serious_overdue_boundary": "at_least",
    },
)
"""Interpretations other than the default: each option value once, and a few together."""

_COMPACT = Settings(today=TODAY)
_FULL = Settings(today=TODAY, include_not_applicable=True, full=True)


def _digest(parts: Iterator[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part + b"\0")
    return digest.hexdigest()


def _stamped(day: str, n: int) -> str:
    """``day`` written as an aware timestamp whose Asia/Shanghai date is ``day`` (D14), in one of three forms."""
    d = date.fromisoformat(day)
    return (
        f"{d - timedelta(days=1)}T16:00:00Z",  # 00:00 in Shanghai
        f"{d}T23:59:59+08:00",
        f"{d - timedelta(days=1)}T11:30:00-05:00",  # 00:30 in Shanghai
    )[n % 3]


def _with_timestamps(project: dict[str, Any], n: int) -> dict[str, Any]:
    """The project with some dates as aware timestamps (the review's receipt, the approval, the pass)."""
    out: dict[str, Any] = json.loads(json.dumps(project))
    out["review"][0]["received"] = _stamped(out["review"][0]["received"], n)
    if "approval" in out:
        out["approval"]["approved"] = _stamped(out["approval"]["approved"], n + 1)
    passed = out.get("acceptance", {}).get("passed")
    if passed is not None:
        out["acceptance"]["passed"] = _stamped(passed, n + 2)
    return out


def generated() -> list[dict[str, Any]]:
    """The generated projects, every tenth with timestamps."""
    return [
        _with_timestamps(p, n) if n % 10 == 3 else p for n, p in enumerate(bench_portfolio.generate(PROJECTS))
    ]


def _line(request: dict[str, Any]) -> bytes:
    return json.dumps(request, ensure_ascii=False).encode("utf-8")


def _batch(worker: Worker, source: str, line: bytes) -> bytes:
    result = worker.run(Item(source, line, "portfolio.jsonl", 1))
    summary = repr((result.ok, result.source, result.error, result.owner, result.overdue))
    return result.line.encode("utf-8") + b"\0" + summary.encode("utf-8")


def project_outputs(n: int, project: dict[str, Any], workers: tuple[Worker, Worker]) -> Iterator[bytes]:
    """Everything written for generated project ``n``: its three evaluations' reports and batch lines."""
    compact, full = workers
    runs: tuple[tuple[date, dict[str, Any]], ...] = (
        (AS_OF[n % 4], {}),
        (AS_OF[(n + 1) % 4], {}),
        (AS_OF[(n + 2) % 4], VARIANTS[n % len(VARIANTS)]),
    )
    facts = Project.model_validate(project)
    for k, (as_of, options) in enumerate(runs):
        try:
            report = evaluate(facts, as_of=as_of, interpretation=Interpretation.model_validate(options))
        except TinghuPolicyError as exc:  # e.g. month_end=raise on a clamped month end
            yield f"{type(exc).__name__}: {exc}".encode()
        else:
            yield report.to_json().encode("utf-8")
        line = _line({"as_of": as_of.isoformat(), "interpretation": options, "project": project})
        yield _batch(compact, f"gen:{n}:{k}", line)
        if k == 2:
            yield _batch(full, f"gen:{n}:{k}", line)


def case_outputs(case_file: CaseFile, workers: tuple[Worker, Worker]) -> Iterator[bytes]:
    """Everything written for a corpus case: its JSON report, iCalendar and batch lines.

    (Not the table of ``evaluate --format table``: its layout is the command line's, which changes on its own; it
    shows the same fields as the JSON report.)
    """
    from tinghu_policy.cli.ics import report_to_ical

    case = case_file.case
    report: Report = case.run()
    yield report.to_json().encode("utf-8")
    yield report_to_ical(report, notify=None)
    line = _line(
        {
            "as_of": case.as_of.isoformat(),
            "interpretation": case.interpretation.model_dump(mode="json", exclude_unset=True),
            "project": case.project.model_dump(mode="json", exclude_unset=True),
        }
    )
    for worker in workers:
        yield _batch(worker, case_file.id, line)


def _workers() -> tuple[Worker, Worker]:
    return Worker(_COMPACT), Worker(_FULL)


def _portfolio_digest(projects: list[dict[str, Any]]) -> str:
    """The generated portfolio itself: a changed generator is not a changed engine."""
    return _digest(_line(p) for p in projects)


def _digests(chunk: tuple[int, list[dict[str, Any]]]) -> list[str]:
    """The digests of a chunk of generated projects, the first numbered ``chunk[0]`` (in a worker process)."""
    first, projects = chunk
    workers = _workers()
    return [_digest(project_outputs(first + n, p, workers))[:16] for n, p in enumerate(projects)]


def generated_digests(projects: list[dict[str, Any]]) -> list[str]:
    """Every generated project's digest, computed in two processes."""
    size = 500
    chunks = [(n, projects[n : n + size]) for n in range(0, len(projects), size)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        return [d for digests in pool.map(_digests, chunks) for d in digests]


def compute() -> dict[str, Any]:
    workers = _workers()
    projects = generated()
    return {
        "about": "sha256 digests of the outputs of tag pre-issue-20: tests/engine/test_identical_output.py",
        "portfolio": _portfolio_digest(projects),
        "corpus": {c.id: _digest(case_outputs(c, workers)) for c in discover()},
        "generated": generated_digests(projects),
    }


def _fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


CASES = discover()


@pytest.mark.parametrize("case_file", CASES, ids=[c.id for c in CASES])
def test_corpus_outputs_are_byte_identical(case_file: CaseFile) -> None:
    expected = _fixture()["corpus"]
    assert case_file.id in expected, f"{case_file.id}: a case added after pre-issue-20 (no digest)"
    assert _digest(case_outputs(case_file, _workers())) == expected[case_file.id]


def test_every_case_of_the_fixture_is_still_in_the_corpus() -> None:
    assert sorted(_fixture()["corpus"]) == sorted(c.id for c in CASES)


def test_generated_outputs_are_byte_identical() -> None:
    fixture = _fixture()
    projects = generated()
    assert _portfolio_digest(projects) == fixture["portfolio"], (
        "bench_portfolio.generate changed: the fixture describes other projects"
    )
    differ = [
        n
        for n, (digest, expected) in enumerate(
            zip(generated_digests(projects), fixture["generated"], strict=True)
        )
        if digest != expected
    ]
    assert not differ, f"{len(differ)} generated projects differ, first: {differ[:20]}"


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/engine/test_identical_output.py --write  (rewrites the fixture)")
    FIXTURE.parent.mkdir(exist_ok=True)
    FIXTURE.write_text(json.dumps(compute(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE} ({FIXTURE.stat().st_size:,} bytes)")
