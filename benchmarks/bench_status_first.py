"""Issue #20's next step, measured before it is taken: art. 14's order rule in the status-first form.

``art14.approval_order`` is the costliest rule of the whole-life sample (three findings). This script times three
forms of it on the sample and on generated projects, and checks on every project that they agree:

* ``library`` — the registered rule: it builds each step's checks and decides the status from them
  (``ctx.condition``);
* ``status first`` — the same module's helpers, but the status is decided from the dates directly and the checks
  are left to a builder (``functools.partial``) run only when they are read: the form a rule module could keep
  while still reading like its clause; the script checks that the builder gives the library's checks;
* ``inlined`` — the status alone, written out by hand (the default interpretation, no effective date): what the
  issue's "hand-written status-only versions" measured, the floor of any rewrite.

Run: ``.venv/bin/python benchmarks/bench_status_first.py [--projects 2000]``. Prints µs per call (best of five
rounds, a fresh context per call, as the engine gives each rule) and the ratios; not a test (no threshold).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import Any

import yaml
from bench_portfolio import generate

from tinghu_policy import Project
from tinghu_policy.corpus import discover
from tinghu_policy.engine import Comparison, Context, Outcome, Relation, Status, rule_by_id
from tinghu_policy.engine.context import Worded
from tinghu_policy.interpretation import (
    DEFAULT_INTERPRETATION,
    ClassifiedApplication,
    Interpretation,
    ProjectCodeAfter,
)
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.rules import art14_approval_order as art14
from tinghu_policy.rules.wording import art14_approval_order as say
from tinghu_policy.samples import sample_text

PROVISION = "art14.p1"
Step = tuple[date | None, str, tuple[str, str]]
"""A step another must not precede: its day (None: not taken by ``as_of``), fact path and names."""
Verdict = tuple[Outcome, Callable[[], tuple[Comparison, ...]] | None]
"""An outcome whose checks are left to the builder beside it (None: it has none)."""

_STEPS = tuple(
    (subject, fact.removeprefix("approval."), fact, name, party)
    for subject, fact, name, party in art14._STEPS
)


def _order_checks(
    ctx: Context, before: tuple[Step, ...], day: date, name: tuple[str, str]
) -> tuple[Comparison, ...]:
    """The library's checks of a step taken on ``day``: one per step it must not precede (``art14._not_before``
    with the provision given, since the context's rule has changed by the time they are read)."""
    return tuple(
        ctx.expect(Worded(fact, (say.had_before, previous, name, day)), False, provision=PROVISION)
        if earlier is None
        else ctx.check(art14._BEFORE[fact, previous, name], ctx.before, day, earlier, provision=PROVISION)
        for earlier, fact, previous in before
    )


def status_first(ctx: Context) -> Iterable[Verdict]:
    """``art14.approval_order`` with the status decided first and the checks deferred."""
    interpretation, project = ctx.interpretation, ctx.project
    reading = interpretation.classified_application
    if project.classified and reading is ClassifiedApplication.WHOLE_FLOW:
        return [(ctx.not_applicable(say.NO_JOINT_EVALUATION), None)]
    from_code = project.classified and reading is ClassifiedApplication.APPLICATION_ONLY
    field, joint = (
        ("final_opinion", say.JOINT_FINAL)
        if interpretation.project_code_after is ProjectCodeAfter.FINAL_OPINION
        else ("expert_opinion", say.JOINT_EXPERT)
    )
    previous: Step | None = None if from_code else art14._evaluation_step(ctx, field, joint)
    precedes = ctx.before is Relation.ON_OR_BEFORE
    verdicts: list[Verdict] = []
    for subject, attribute, fact, name, party in _STEPS:
        day = ctx.known(getattr(project.approval, attribute))
        if day is None:
            verdicts.append((ctx.not_applicable((say.not_yet, name), subject=subject), None))
        elif (skip := ctx.reaches(day, art14._STEP_LABELS[fact], subject=subject)) is not None:
            verdicts.append((skip, None))
        elif previous is None:
            verdicts.append(
                (ctx.condition(subject=subject, owed_by=party, note=(say.first_step, name, day)), None)
            )
        else:
            before = (
                (previous, *art14._end_of_review(ctx))
                if subject == "approved" and not from_code
                else (previous,)
            )
            in_order = all(d is not None and (d <= day if precedes else d < day) for d, _, _ in before)
            outcome = Outcome(Status.HOLDS if in_order else Status.FAILS, subject=subject, owed_by=party)
            verdicts.append((outcome, partial(_order_checks, ctx, before, day, name)))
        previous = (day, fact, name)
    return verdicts


def inlined(ctx: Context) -> list[tuple[str, Status]]:
    """The three steps' statuses alone, written out (the default interpretation, no effective date)."""
    project, as_of = ctx.project, ctx.as_of
    rounds = project.review
    last = None
    for n, review in enumerate(rounds):
        if review.received is not None and review.received <= as_of:
            last = n
    final = rounds[last].final_opinion if last is not None else None
    fiscal = rounds[last].fiscal_review_report if last is not None else None
    final = final if final is not None and final <= as_of else None
    fiscal = fiscal if fiscal is not None and fiscal <= as_of else None
    previous, found = final, []
    for subject, attribute, _, _, _ in _STEPS:
        day = getattr(project.approval, attribute)
        if day is None or day > as_of:
            found.append((subject, Status.NOT_APPLICABLE))
            previous = None
            continue
        ok = previous is not None and previous <= day
        if subject == "approved":
            ok = ok and final is not None and final <= day and fiscal is not None and fiscal <= day
        found.append((subject, Status.HOLDS if ok else Status.FAILS))
        previous = day
    return found


def _library(ctx: Context) -> list[Outcome]:
    return list(rule_by_id("art14.approval_order").function(ctx))  # type: ignore[arg-type]


def _agree(
    project: Project,
    as_of: date,
    calendar: WorkCalendar,
    interpretation: Interpretation = DEFAULT_INTERPRETATION,
) -> None:
    """The three forms give the same statuses and subjects, and the deferred checks are the library's (the
    inlined form: under the default interpretation only, for a project not classified)."""

    def ctx() -> Context:
        return Context(project, as_of, interpretation, calendar, rule_by_id("art14.approval_order"))

    library = _library(ctx())
    first = list(status_first(ctx()))
    assert [(o.subject, o.status) for o in library] == [(o.subject, o.status) for o, _ in first], project.id
    assert [o.checks for o in library] == [build() if build else o.checks for o, build in first], project.id
    if interpretation == DEFAULT_INTERPRETATION and not project.classified:
        assert [(o.subject, o.status) for o in library] == inlined(ctx()), project.id


def per_call_us(
    form: Callable[[Context], Any], cases: list[tuple[Project, date]], calendar: WorkCalendar
) -> float:
    """Best of five rounds, µs per call over ``cases`` (a fresh context per call)."""
    rule = rule_by_id("art14.approval_order")
    contexts = [(project, as_of) for project, as_of in cases]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for project, as_of in contexts:
            form(Context(project, as_of, DEFAULT_INTERPRETATION, calendar, rule))
        best = min(best, (time.perf_counter() - start) / len(contexts))
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--projects", type=int, default=2000, help="generated projects (default 2,000)")
    args = parser.parse_args()
    calendar = WorkCalendar.default()
    case = yaml.safe_load(sample_text())
    sample = (Project.model_validate(case["project"]), case["as_of"])
    generated = [(Project.model_validate(data), date(2026, 6, 30)) for data in generate(args.projects)]
    plain = [(p, d) for p, d in generated if not p.classified]
    for project, as_of in [sample, *generated]:
        _agree(project, as_of, calendar)
    cases = [found.case for found in discover()]
    for case in cases:
        _agree(case.project, case.as_of, calendar, case.interpretation)
    print(
        f"art14.approval_order, three forms agreeing on the sample, {len(generated)} generated projects and "
        f"the {len(cases)} corpus cases "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    print(f"{'form':<14}{'sample, µs':>12}{'ratio':>8}{'generated, µs':>16}{'ratio':>8}")
    base = None
    for name, form in (("library", _library), ("status first", status_first), ("inlined", inlined)):
        one = per_call_us(form, [sample] * 2000, calendar)
        many = per_call_us(form, plain, calendar)
        base = base or (one, many)
        print(f"{name:<14}{one:>12.2f}{base[0] / one:>7.1f}×{many:>16.2f}{base[1] / many:>7.1f}×")
    empty = per_call_us(lambda ctx: None, [sample] * 2000, calendar)
    print(f"{'(context only)':<14}{empty:>12.2f}")


if __name__ == "__main__":
    main()
