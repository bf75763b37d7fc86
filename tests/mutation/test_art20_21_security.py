"""Kills the surviving mutants of art20_21_security.py: the not-yet-started note names the D24 reading in force."""

from __future__ import annotations

from .support import finding


def test_before_implementation_the_note_names_the_d24_reading() -> None:
    default = finding("art20.network_security")
    assert default.status == "not_applicable"
    assert "works have not started" in default.note_en
    approved = finding("art20.network_security", interpretation={"implementation_start": "approved"})
    assert approved.status == "not_applicable"
    assert "D24: implementation starts on approval" in approved.note_en
