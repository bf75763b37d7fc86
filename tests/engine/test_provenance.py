"""A report says where it comes from — the library, the edition of the regulation, the calendar data — and a stored
report re-run with the same inputs gives the same bytes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tinghu_policy import Report
from tinghu_policy._bundled import bundled_path
from tinghu_policy.corpus import Case
from tinghu_policy.engine import evaluate
from tinghu_policy.periods import WorkCalendar
from tinghu_policy.samples import sample_text
from tinghu_policy.yaml_input import parse

OVERLAY = Path(__file__).resolve().parents[2] / "examples" / "calendar-overlays"


def _sample() -> Case:
    return parse(Case, sample_text(), "sample")


def test_the_report_names_the_library_the_edition_and_the_calendar() -> None:
    found = _sample().run().provenance
    assert found.library.startswith("tinghu-policy ")
    assert found.regulation.startswith("sha256:")
    assert len(found.regulation) == len("sha256:") + 64
    assert found.calendar.data.startswith("chinesecalendar ")
    assert found.calendar.years[0] == 2004
    assert any(c.startswith("2005-12-31 ") for c in found.calendar.corrections)
    assert found.calendar.overlays == ()


def test_a_stored_report_re_run_gives_the_same_bytes_in_another_process(tmp_path: Path) -> None:
    stored = _sample().run().to_json()
    again = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tinghu_policy.corpus import Case; from tinghu_policy.samples import sample_text; "
            "from tinghu_policy.yaml_input import parse; "
            "print(parse(Case, sample_text(), 'sample').run().to_json(), end='')",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert again == stored
    assert Report.model_validate_json(stored).provenance == _sample().run().provenance


def test_an_overlay_is_named_with_its_notice_and_digest() -> None:
    overlays = sorted(OVERLAY.glob("*.yaml"))
    if not overlays:
        pytest.skip("no example overlay")
    calendar = WorkCalendar.default().with_overlay(overlays[0])
    case = _sample()
    report = evaluate(case.project, as_of=date(2026, 3, 16), calendar=calendar)
    (shown,) = report.provenance.calendar.overlays
    assert shown.year == calendar.overlays[0].year
    assert shown.notice == calendar.overlays[0].notice.citation
    assert shown.digest.startswith("sha256:")
    assert report.provenance.calendar.years[1] >= shown.year


def test_a_changed_clause_changes_the_edition_digest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tinghu_policy.engine import provenance as module

    before = module.regulation_digest()
    copy = tmp_path / "articles"
    shutil.copytree(bundled_path("articles"), copy)
    first = sorted(p for p in copy.rglob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# 改动\n", encoding="utf-8")
    monkeypatch.setattr(module, "bundled_path", lambda name: copy)
    module.regulation_digest.cache_clear()
    try:
        assert module.regulation_digest() != before
    finally:
        module.regulation_digest.cache_clear()
