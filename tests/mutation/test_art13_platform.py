"""Kills the surviving mutants of art13_platform.py: an O&M plan after one not yet filed, or not filed at all, is
judged."""

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


# kills art13_platform.py:98 ReplaceContinueWithBreak #1
def test_an_om_plan_after_one_not_filed_is_still_judged() -> None:
    """The 2025 plan has no date and no fact that it was filed (NOT_APPLICABLE: not filed); the 2026 plan, submitted
    2025-10-09 but not on the platform, FAILS art. 13 (相关运维服务，均应在管理平台申报)."""
    project = Project.model_validate(
        {
            **BASE,
            "om_plans": [
                {"year": 2025},
                {"year": 2026, "submitted": "2025-10-09", "on_management_platform": False},
            ],
        }
    )
    report = evaluate(project, as_of=date(2026, 3, 1), interpretation=Interpretation())
    found = [(f.subject, f.status.value) for f in report.findings if f.rule == "art13.om_on_platform"]
    assert found == [("2025", "not_applicable"), ("2026", "fails")]
