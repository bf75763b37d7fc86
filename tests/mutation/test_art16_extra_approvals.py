"""Kills the surviving mutants of art16_extra_approvals.py: the notes name the D22 reading and warn about an
approval sought although none is needed."""

from __future__ import annotations

from .support import finding


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
