"""Kills the surviving mutants of art06_07_planning.py: a round after one before the effective date is judged."""

from __future__ import annotations

from datetime import date

from tinghu_policy import Interpretation, Project, evaluate

from .support import BASE


def test_a_round_after_one_before_the_effective_date_is_still_judged() -> None:
    project = Project.model_validate(
        {
            **BASE,
            "planning": {"implementation_plan_as_basis": True},
            "review": [{"received": "2025-03-03", "returned": "2025-03-20"}, {"received": "2025-05-06"}],
        }
    )
    report = evaluate(
        project, as_of=date(2025, 6, 30), interpretation=Interpretation(effective_date=date(2025, 4, 1))
    )
    found = [
        (f.subject, f.status.value) for f in report.findings if f.rule == "art6.implementation_plan_reviewed"
    ]
    assert found == [("round 1", "not_applicable"), ("round 2", "fails")]


# kills art06_07_planning.py:99 ReplaceAndWithOr #0
def test_a_plan_review_dated_after_as_of_is_not_yet_a_review() -> None:
    """经区数据局审核后: on ``as_of`` the plan's review (dated later) has not happened, so the application of round 1
    relied on a plan not yet reviewed — FAILS on that alone; the later review's day and conclusion are not facts on
    ``as_of`` and are not shown."""
    project = Project.model_validate(
        {
            **BASE,
            "planning": {
                "implementation_plan_as_basis": True,
                "implementation_plan_reviewed": {"day": "2025-07-15", "outcome": "approved"},
            },
            "review": [{"received": "2025-05-06"}],
        }
    )
    report = evaluate(project, as_of=date(2025, 6, 30), interpretation=Interpretation())
    found = report.finding("art6.implementation_plan_reviewed", "round 1")
    assert found.status == "fails"
    assert [(c.fact, c.required, c.actual, c.ok) for c in found.checks] == [
        ("planning.implementation_plan_reviewed", True, False, False)
    ]
