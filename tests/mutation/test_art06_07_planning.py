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
