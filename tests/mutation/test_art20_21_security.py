"""Kills the surviving mutants of art20_21_security.py: the not-yet-started note names the D24 reading in force;
the cryptography plan out of reach (D13) from the earlier of approval and works, shown by the fact it arose on."""

from __future__ import annotations

from datetime import date

from .support import finding


def test_before_implementation_the_note_names_the_d24_reading() -> None:
    default = finding("art20.network_security")
    assert default.status == "not_applicable"
    assert "works have not started" in default.note_en
    approved = finding("art20.network_security", interpretation={"implementation_start": "approved"})
    assert approved.status == "not_applicable"
    assert "D24: implementation starts on approval" in approved.note_en


# D13 (立法法 第一百零四条) with D24 ``by_duty``: the cryptography plan (art. 21 para. 1, 制定项目密码应用方案) is owed
# from the approval, or from the start of works if that came first; the system from the start of works.


# kills art20_21_security.py:90 core/ReplaceComparisonOperator_LtE_NotEq #0
# kills art20_21_security.py:90 core/ReplaceComparisonOperator_LtE_IsNot #0
def test_a_plan_owed_from_works_begun_before_the_effective_date_is_out_of_reach() -> None:
    """Works began (2025-03-03) before the effective date (2025-06-01) and before the approval (2025-07-01): the plan
    was owed from the start of works, the earlier event, so it arose before the effective date — out of reach, and
    the system with it. It is not judged from the later approval."""
    found = finding(
        "art21.cryptography",
        interpretation={"effective_date": "2025-06-01"},
        approval={"approved": "2025-07-01"},
        implementation={"works_started": "2025-03-03", "security": {"cryptography_plan": False}},
    )
    assert found.status == "not_applicable"
    assert [(c.fact, c.actual) for c in found.checks] == [("implementation.works_started", date(2025, 3, 3))]


# kills art20_21_security.py:157 core/ReplaceFalseWithTrue #1 (the line is 152 at a469706:
#   ``return skip_build if _start(ctx, planning=False)[0] is not None else skip_plan``)
def test_a_plan_owed_from_an_approval_before_the_effective_date_is_out_of_reach() -> None:
    """Approved (2025-03-10) before the effective date (2025-06-01), works not begun: the plan arose on the approval
    and is out of reach (D13), the finding showing the approval against the effective date; the system is not owed
    yet."""
    found = finding(
        "art21.cryptography",
        interpretation={"effective_date": "2025-06-01"},
        approval={"approved": "2025-03-10"},
        implementation={"security": {"cryptography_plan": False}},
    )
    assert found.status == "not_applicable"
    assert [(c.fact, c.actual) for c in found.checks] == [("approval.approved", date(2025, 3, 10))]


# kills art20_21_security.py:104 core/ReplaceComparisonOperator_Is_GtE #4
def test_under_works_started_the_plan_waits_for_the_works_not_the_approval() -> None:
    """D24 ``works_started``: every duty, the plan included, begins with the start of works. Approved but not begun,
    the plan is not owed because works have not started — not because "planning duties begin on approval", which
    is the ``by_duty`` reading (there the approval would already have made the plan owed)."""
    found = finding(
        "art21.cryptography",
        interpretation={"implementation_start": "works_started"},
        approval={"approved": "2025-03-10"},
    )
    assert found.status == "not_applicable"
    assert "works have not started" in found.note_en
    assert "planning duties begin on approval" not in found.note_en


# kills art20_21_security.py:161 core/ReplaceFalseWithTrue #2 (mutation run 11)
def test_with_the_plan_out_of_reach_the_system_begun_after_the_effective_date_is_judged_and_owed() -> None:
    """Art. 21(1) + D13 + D24 ``by_duty``: approved (2025-03-10) before the effective date (2025-06-01), works begun
    after it (2025-07-01). The plan arose on the approval and is out of reach; the system, owed from the start of
    works, is judged — synchronised, so the finding holds — and the note must not say the system is not owed yet."""
    found = finding(
        "art21.cryptography",
        interpretation={"effective_date": "2025-06-01"},
        approval={"approved": "2025-03-10"},
        implementation={"works_started": "2025-07-01", "security": {"cryptography_synchronised": True}},
    )
    assert found.status == "holds"
    assert [c.fact for c in found.checks] == [
        "approval.approved",
        "implementation.security.cryptography_synchronised",
    ]
    assert "works have not started" not in found.note_en
    assert "项目尚未开工建设" not in found.note_zh
