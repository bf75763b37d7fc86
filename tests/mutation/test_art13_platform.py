"""Kills the surviving mutants of art13_platform.py: an O&M plan after one not yet filed is judged."""

from __future__ import annotations

from datetime import date

from tinghu_policy import Interpretation, Project, evaluate

from .support import BASE


def test_an_om_plan_after_one_not_yet_filed_is_still_judged() -> None:
    project = Project.model_validate(
        {
            **BASE,
            "om_plans": [
                {"year": 2027, "submitted": "2026-10-09"},
                {"year": 2026, "submitted": "2025-10-09", "on_management_platform": True},
            ],
        }
    )
    report = evaluate(project, as_of=date(2026, 3, 1), interpretation=Interpretation())
    found = [(f.subject, f.status.value) for f in report.findings if f.rule == "art13.om_on_platform"]
    assert found == [("2027", "not_applicable"), ("2026", "holds")]
