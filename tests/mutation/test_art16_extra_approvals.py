"""Kills the surviving mutants of art16_extra_approvals.py: the notes name the D22 reading and warn about an
approval sought although none is needed."""

from __future__ import annotations

from datetime import date

from tinghu_policy import Finding, Interpretation, Project, evaluate
from tinghu_policy.engine import CheckRole

from .support import BASE, finding


def test_an_exception_under_d22_paired_says_so() -> None:
    paired = finding(
        "art16.extra_approvals",
        subject="site_selection",
        approval={"new_civil_works": True},
        interpretation={"extra_approval_exception": "paired"},
    )
    assert paired.status == "not_applicable"
    assert "(D22 paired)" in paired.note_en
    assert "（D22 按例外对应）" in paired.note_zh
    all_four = finding("art16.extra_approvals", subject="site_selection", approval={"new_civil_works": True})
    assert "D22" not in all_four.note_en


def test_an_approval_sought_without_an_exception_is_warned_about() -> None:
    sought = finding(
        "art16.extra_approvals",
        subject="energy_saving",
        approval={"extra_approvals": [{"kind": "energy_saving", "sought": "2026-01-15"}]},
        interpretation={"extra_approval_sought": "fails"},
    )
    assert sought.status == "fails"
    assert "an exception must be justified" in sought.note_en
    not_sought = finding(
        "art16.extra_approvals", subject="energy_saving", interpretation={"extra_approval_sought": "fails"}
    )
    assert "an exception must be justified" not in not_sought.note_en


def test_by_default_an_approval_sought_without_an_exception_is_a_notice() -> None:
    sought = finding(
        "art16.extra_approvals",
        subject="energy_saving",
        approval={"extra_approvals": [{"kind": "energy_saving", "sought": "2026-01-15"}]},
    )
    assert sought.status == "notice"
    assert "the project unit should state why it is needed" in sought.note_en
    assert "an exception must be justified" not in sought.note_en


def _before_the_effective_date(sought: str | None) -> list[Finding]:
    """D13 with the regulation in force from 2026-01-01: the energy assessment (2nd entry) sought on ``sought``, the
    environmental assessment (1st entry) sought in force; no new civil works, not high-energy."""
    project = Project.model_validate(
        {
            **BASE,
            "approval": {
                "extra_approvals": [
                    {"kind": "environmental_impact", "sought": "2026-02-01"},
                    {"kind": "energy_saving", "sought": sought},
                ]
            },
        }
    )
    report = evaluate(
        project, as_of=date(2026, 6, 30), interpretation=Interpretation(effective_date=date(2026, 1, 1))
    )
    return [f for f in report.findings if f.rule == "art16.extra_approvals"]


# kills art16_extra_approvals.py:44 NumberReplacer #0
# kills art16_extra_approvals.py:44 NumberReplacer #1
# kills art16_extra_approvals.py:102 ReplaceContinueWithBreak #1
def test_an_approval_sought_before_the_effective_date_is_out_of_reach_the_others_judged() -> None:
    """D13 (立法法 第一百零四条): an act before the effective date is NOT_APPLICABLE, its own date (the entry's
    ``sought``, index 1) compared with the effective date; the other three approvals are judged each on its own:
    two not sought (HOLDS: 原则上不再进行), the environmental assessment sought in force (D23 default: NOTICE)."""
    found = {f.subject: f for f in _before_the_effective_date("2025-12-01")}
    assert {s: f.status for s, f in found.items()} == {
        "energy_saving": "not_applicable",
        "site_selection": "holds",
        "land_pre_review": "holds",
        "environmental_impact": "notice",
    }
    (check,) = found["energy_saving"].checks
    assert check.fact == "approval.extra_approvals[1].sought"
    assert (check.actual, check.required, check.ok) == (date(2025, 12, 1), date(2026, 1, 1), False)


# kills art16_extra_approvals.py:44 NumberReplacer #0
# kills art16_extra_approvals.py:44 NumberReplacer #1
# kills art16_extra_approvals.py:102 ReplaceContinueWithBreak #1
def test_an_approval_sought_on_a_day_not_given_cannot_be_placed_against_the_effective_date() -> None:
    """D13: with an effective date stated, an act whose date is not given is UNDETERMINED, naming that date."""
    found = {f.subject: f for f in _before_the_effective_date(None)}
    assert found["energy_saving"].status == "undetermined"
    assert found["energy_saving"].missing == ("approval.extra_approvals[1].sought",)
    assert [found[s].status for s in ("site_selection", "land_pre_review", "environmental_impact")] == [
        "holds",
        "holds",
        "notice",
    ]


# kills art16_extra_approvals.py:107 ReplaceFalseWithTrue #0
def test_the_notice_shows_the_approval_sought_against_the_principle_that_it_is_not_done() -> None:
    """原则上不再进行: what the clause asks is that the approval is not sought (required false); it was (actual true),
    so the context check beside the D23 notice does not match it."""
    sought = finding(
        "art16.extra_approvals",
        subject="energy_saving",
        approval={"extra_approvals": [{"kind": "energy_saving", "sought": "2026-01-15"}]},
    )
    assert sought.status == "notice"
    (check,) = sought.checks
    assert check.fact == "approval.extra_approvals"
    assert check.role is CheckRole.CONTEXT
    assert (check.actual, check.required, check.ok) == (True, False, False)
