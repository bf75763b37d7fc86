"""Kills the surviving mutants of art11_review_clock.py: the notes of the departmental step and the O&M plan, every
O&M plan after an inapplicable one, and the final opinion under D17's stricter reading."""

from __future__ import annotations

from datetime import date

from tinghu_policy import Interpretation, Project, evaluate

from .support import BASE, finding

ROUND = {"received": "2025-06-09", "documents": ["request", "feasibility_study", "cost_assessment"]}


def test_sending_without_a_revision_says_not_given() -> None:
    found = finding(
        "art11.departments_after_revision",
        subject="round 1",
        review=[
            {
                **ROUND,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "revise"},
                "sent_to_departments": "2025-06-19",
            }
        ],
    )
    assert found.status == "fails"
    assert "revised: not given" in found.note_en
    assert "完善申报材料：未提供" in found.note_zh
    revised = finding(
        "art11.departments_after_revision",
        subject="round 1",
        review=[
            {
                **ROUND,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "revise"},
                "revised": "2025-06-18",
                "sent_to_departments": "2025-06-19",
            }
        ],
    )
    assert "revised: 2025-06-18" in revised.note_en


def test_an_om_plan_after_one_not_yet_filed_is_still_judged() -> None:
    project = Project.model_validate(
        {
            **BASE,
            "om_plans": [
                {"year": 2027, "submitted": "2026-10-09"},
                {
                    "year": 2026,
                    "submitted": "2025-10-09",
                    "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": "approved"},
                    "rechecked_by_finance": {"day": "2025-11-05", "outcome": "approved"},
                    "budgeted": "2025-12-01",
                },
            ],
        }
    )
    report = evaluate(project, as_of=date(2026, 3, 1), interpretation=Interpretation())
    found = [(f.subject, f.status.value) for f in report.findings if f.rule == "art11.om_plan"]
    assert found == [("2027", "not_applicable"), ("2026", "holds")]


def test_an_om_plan_not_yet_budgeted_names_the_stage_reached() -> None:
    submitted = finding("art11.om_plan", subject="2026", om_plans=[{"year": 2026, "submitted": "2025-10-09"}])
    assert submitted.status == "not_applicable"
    assert "submitted on 2025-10-09, awaiting review" in submitted.note_en
    reviewed = finding(
        "art11.om_plan",
        subject="2026",
        om_plans=[
            {
                "year": 2026,
                "submitted": "2025-10-09",
                "reviewed_by_data_bureau": {"day": "2025-10-20", "outcome": "approved"},
            }
        ],
    )
    assert "reviewed by the data bureau on 2025-10-20, awaiting the finance re-check" in reviewed.note_en


def test_the_final_opinion_is_not_compared_with_itself_under_d17_earlier_day() -> None:
    """D17 ``earlier_day``: each later step must be dated at least a day after the one before; a final opinion a day
    after the fiscal report (and the revision) is in order."""
    found = finding(
        "art11.evaluation_sequence",
        subject="round 1",
        interpretation={"same_day_precedence": "earlier_day"},
        review=[
            {
                **ROUND,
                "initial_opinion": {"issued": "2025-06-11", "outcome": "revise"},
                "revised": "2025-06-18",
                "sent_to_departments": "2025-06-19",
                "department_opinions": {
                    "committee_office": "2025-06-20",
                    "cyberspace_office": "2025-06-20",
                    "finance_bureau": "2025-06-23",
                    "audit_bureau": "2025-06-23",
                },
                "panel_received": "2025-06-24",
                "expert_opinion": "2025-06-27",
                "revised_after_evaluation": "2025-07-02",
                "fiscal_review_report": "2025-07-07",
                "final_opinion": "2025-07-08",
            }
        ],
    )
    assert found.status == "holds", found.explanation_en


def test_a_budgeted_plan_never_reviewed_is_not_also_checked_for_the_review_order() -> None:
    found = finding(
        "art11.om_plan",
        subject="2026",
        om_plans=[{"year": 2026, "submitted": "2025-10-09", "budgeted": "2025-12-01"}],
    )
    assert found.status == "fails"
    assert [c.fact for c in found.checks] == [
        "om_plans[0].reviewed_by_data_bureau",
        "om_plans[0].rechecked_by_finance",
    ]
