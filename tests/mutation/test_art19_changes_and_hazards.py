"""Kills the surviving mutants of art19_changes_and_hazards.py: a later incident outside implementation keeps its own
subject, and under D24 ``approved`` the note names the approval as the start of implementation."""

from __future__ import annotations

from datetime import date

from tinghu_policy import Interpretation, Project, evaluate

from .support import BASE, finding


# kills art19_changes_and_hazards.py:48 ReplaceBinaryOperator_Add_BitOr #0
# kills art19_changes_and_hazards.py:48 ReplaceBinaryOperator_Add_BitXor #0
def test_a_second_incident_after_completion_is_incident_2() -> None:
    """Each incident is its own finding, subject ``incident N`` by its place in the list from 1: the first, during
    implementation, is judged ("及时", D11: no due date by default, filed → HOLDS); the second, after completion
    (建成, D16), is in operation and not art. 19's (NOT_APPLICABLE)."""
    project = Project.model_validate(
        {
            **BASE,
            "approval": {"approved": "2025-03-03"},
            "implementation": {
                "works_started": "2025-04-01",
                "incidents": [
                    {
                        "kind": "major_change",
                        "occurred": "2025-05-06",
                        "filed_with_data_bureau": "2025-05-07",
                    },
                    {"kind": "security_hazard", "occurred": "2025-11-03"},
                ],
            },
            "acceptance": {"completed": "2025-10-31"},
        }
    )
    report = evaluate(project, as_of=date(2025, 12, 31), interpretation=Interpretation())
    found = [(f.subject, f.status.value) for f in report.findings if f.rule == "art19.incident_filed"]
    assert found == [("incident 1", "holds"), ("incident 2", "not_applicable")]


# kills art19_changes_and_hazards.py:50 ReplaceComparisonOperator_Is_Lt #0
def test_under_d24_approved_an_incident_before_the_approval_is_before_implementation_begun_by_it() -> None:
    """D24 ``approved``: implementation begins with the approval, so an incident before it is not "在实施过程中"; the
    note says it fell before the approval (not before the start of works, which this reading does not use)."""
    before = finding(
        "art19.incident_filed",
        as_of=date(2025, 12, 31),
        subject="incident 1",
        interpretation={"implementation_start": "approved"},
        approval={"approved": "2025-03-03"},
        implementation={
            "works_started": "2025-04-01",
            "incidents": [{"kind": "major_change", "occurred": "2025-02-10"}],
        },
    )
    assert before.status == "not_applicable"
    assert "before approval (implementation starts, D24) on 2025-03-03" in before.note_en
    assert "早于项目批复（实施开始，D24）（2025-03-03）" in before.note_zh
