"""``run_rules`` (what the batch reads) gives exactly the verdicts ``evaluate`` turns into findings: their checks
(compact comparisons, shown as :class:`~tinghu_policy.engine.Check`) and notes (rendered when read) included."""

from __future__ import annotations

import pytest

from tinghu_policy.corpus import CaseFile, discover
from tinghu_policy.engine import run_rules
from tinghu_policy.periods import WorkCalendar

CASES = discover()


@pytest.mark.parametrize("case_file", CASES, ids=[c.id for c in CASES])
def test_run_rules_gives_the_findings_of_evaluate(case_file: CaseFile) -> None:
    case = case_file.case
    report = case.run()
    outcomes = list(run_rules(case.project, case.as_of, case.interpretation, WorkCalendar.default()))
    assert [
        (
            rule.id,
            rule.provision,
            o.subject,
            o.status,
            o.due,
            o.owed_by or rule.owed_by,
            tuple(c.shown() for c in o.checks),
            o.missing,
            o.note_zh,
            o.note_en,
            o.provisional,
        )
        for rule, o in outcomes
    ] == [
        (
            f.rule,
            f.provision,
            f.subject,
            f.status,
            f.due,
            f.owed_by,
            f.checks,
            f.missing,
            f.note_zh,
            f.note_en,
            f.provisional,
        )
        for f in report.findings
    ]
