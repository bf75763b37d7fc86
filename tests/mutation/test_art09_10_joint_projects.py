"""Kills the surviving mutants of art09_10_joint_projects.py: what the notes and labels show when a list is empty."""

from __future__ import annotations

from .support import finding


def test_a_joint_project_without_participants_says_not_listed() -> None:
    found = finding(
        "art9.filed_by_lead_department",
        cross_department={"lead_department": "区数据局", "filed_by": "区数据局"},
    )
    assert found.status == "holds"
    assert "participants: not listed" in found.note_en
    listed = finding(
        "art9.filed_by_lead_department",
        cross_department={
            "lead_department": "区数据局",
            "filed_by": "区数据局",
            "participants": ["区财政局"],
        },
    )
    assert "participants: 区财政局" in listed.note_en


def test_an_integrated_system_without_funding_shows_the_money_as_not_given() -> None:
    found = finding(
        "art10.integrated_system_funding",
        funding=[],
        cross_level={"levels": ["provincial", "district"], "province_municipal_integrated": True},
    )
    assert "建设经费（未提供）" in found.explanation_zh
    assert "construction money (not given)" in found.explanation_en
