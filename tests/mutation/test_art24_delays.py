"""Kills the surviving mutants of art24_delays.py: the schedule note names the D5 reading in force."""

from __future__ import annotations

from datetime import date
from typing import Any

from .support import finding

LATE: dict[str, Any] = {
    "implementation": {"works_started": "2025-01-06", "approved_completion": "2025-08-31"},
    "acceptance": {"completed": "2026-02-28"},
}


def test_the_schedule_names_the_d5_reading_in_force() -> None:
    default = finding("art24.schedule", as_of=date(2026, 6, 30), **LATE)
    assert "'more than' excludes the limit day" in default.note_en
    assert "“超过”不包括本数" in default.note_zh
    at_least = finding(
        "art24.schedule",
        as_of=date(2026, 6, 30),
        interpretation={"serious_overdue_boundary": "at_least"},
        **LATE,
    )
    assert "'or more' includes the limit day" in at_least.note_en
    assert "“以上”包括本数" in at_least.note_zh
