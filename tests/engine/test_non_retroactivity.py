"""Non-retroactivity over the whole corpus (D13, 立法法 第一百零四条): no rule judges an act done before the
regulation's effective date, and an effective date before every act changes nothing.

Each corpus case is run again with an effective date stated:

* the day after its last dated fact known on ``as_of`` (so the regulation is in force on ``as_of``, but every act
  of the case predates it): no finding may be ``fails``, ``late`` or ``overdue`` — a rule that still finds a breach
  judges an act the regulation does not reach — and art. 40 reports the earlier facts as a notice;
* its first dated fact (every act on or after the effective date): every finding is what it was without an
  effective date, but art. 40's own, which now has a date to report.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tinghu_policy.conformance import LoadedCase, load_corpus
from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import AnnualReportReach

CASES = load_corpus()
BREACHES = frozenset({Status.FAILS, Status.LATE, Status.OVERDUE})


def _known_days(project: Project, as_of: date) -> list[date]:
    return [f.day for f in project.dated_facts() if f.day <= as_of]


AFTER = [c for c in CASES if _known_days(c.case.project, c.case.as_of)]
IN_FORCE = [c for c in AFTER if max(_known_days(c.case.project, c.case.as_of)) < c.case.as_of]
"""Cases with a day between their last known act and ``as_of``, on which the regulation can take effect."""


def test_most_cases_leave_a_day_for_the_effective_date() -> None:
    assert len(IN_FORCE) > 0.9 * len(AFTER)


@pytest.mark.parametrize("loaded", IN_FORCE, ids=[c.id for c in IN_FORCE])
def test_an_effective_date_after_every_act_leaves_no_breach(loaded: LoadedCase) -> None:
    """No act before the effective date is judged. The one duty that can still be breached arises from a state, not
    an act: art. 23's year-end report for a year of implementation under the regulation — by D39's default a year
    in implementation on or after the effective date, by its option a year begun on or after it; either way a
    year whose 31 December is on or after the effective date."""
    case = loaded.case
    effective = max(_known_days(case.project, case.as_of)) + timedelta(days=1)
    for reach in AnnualReportReach:
        interpretation = case.interpretation.model_copy(
            update={"effective_date": effective, "annual_report_reach": reach}
        )
        report = evaluate(case.project, as_of=case.as_of, interpretation=interpretation)
        breached = [f for f in report.findings if f.status in BREACHES]
        by_acts = [
            f"{f.rule} [{f.subject}]: {f.status.value}"
            for f in breached
            if f.rule != "art23.performance_report"
        ]
        assert by_acts == [], f"effective {effective}, D39 {reach}: acts before it are judged"
        years = [int(f.subject or 0) for f in breached if f.rule == "art23.performance_report"]
        assert all(date(year, 12, 31) >= effective for year in years), (effective, reach, years)
        assert report.finding("art40.effective_date").status is Status.NOTICE


@pytest.mark.parametrize("loaded", AFTER, ids=[c.id for c in AFTER])
def test_an_effective_date_before_every_act_changes_nothing(loaded: LoadedCase) -> None:
    case = loaded.case
    if case.interpretation.effective_date is not None:
        pytest.skip("the case states its own effective date")
    first = min(f.day for f in case.project.dated_facts())
    interpretation = case.interpretation.model_copy(update={"effective_date": min(first, case.as_of)})
    without = case.run()
    with_date = evaluate(case.project, as_of=case.as_of, interpretation=interpretation)

    def key(report: Report) -> list[tuple[str, str | None, str, date | None]]:
        return [
            (f.rule, f.subject, f.status.value, f.due)
            for f in report.findings
            if f.rule != "art40.effective_date"
        ]

    assert key(with_date) == key(without)
    assert with_date.finding("art40.effective_date").status is Status.HOLDS
