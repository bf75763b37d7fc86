"""Art. 24: serious overdue and late start (6 months, D5), and the reports they trigger (D11)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import CheckRole, Report, Status, evaluate
from tinghu_policy.interpretation import Interpretation, OverBoundary

BASE: dict[str, Any] = {
    "id": "TH-T-24",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
}
FISCAL = [{"source": "fiscal_budget", "amount": "1000000.00"}]
STRICT = Interpretation()
AT_LEAST = Interpretation(serious_overdue_boundary=OverBoundary.AT_LEAST)


def run(
    as_of: date,
    *,
    interpretation: Interpretation | None = None,
    funding: list[dict[str, str]] | None = None,
    completed: str | None = None,
    **implementation: Any,
) -> Report:
    facts = {
        **BASE,
        "funding": FISCAL if funding is None else funding,
        "implementation": implementation,
        "acceptance": {"completed": completed},
    }
    return evaluate(facts, as_of=as_of, interpretation=interpretation)


def six_months_on(start: date) -> date:
    """Oracle for 民法典 第二百零二条: the corresponding day six months on, or that month's last day."""
    month = start.month + 6
    year, month = start.year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


starts = st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 6, 29))


# --- the boundary day (D5), both limbs -----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(start=starts, shift=st.sampled_from([-1, 0, 1]))
def test_serious_overdue_boundary_under_both_readings(start: date, shift: int) -> None:
    limit = six_months_on(start)
    as_of = limit + timedelta(days=shift)
    for interp, over in ((STRICT, shift > 0), (AT_LEAST, shift >= 0)):
        report = run(as_of, interpretation=interp, approved_completion=start.isoformat())
        assert report.finding("art24.schedule").status is (Status.FAILS if over else Status.HOLDS)
        report_status = report.finding("art24.overdue_report").status
        assert (report_status is not Status.NOT_APPLICABLE) is over


@settings(max_examples=150, deadline=None)
@given(start=starts, shift=st.sampled_from([-1, 0, 1]))
def test_late_start_boundary_under_both_readings(start: date, shift: int) -> None:
    started = six_months_on(start) + timedelta(days=shift)
    for interp, late in ((STRICT, shift > 0), (AT_LEAST, shift >= 0)):
        report = run(
            date(2026, 12, 31),
            interpretation=interp,
            preliminary_design_approved=start.isoformat(),
            works_started=started.isoformat(),
        )
        assert report.finding("art24.start_of_works").status is (Status.FAILS if late else Status.HOLDS)


@pytest.mark.parametrize(
    ("start", "limit"),
    [
        (date(2025, 8, 31), date(2026, 2, 28)),  # month-end clamp
        (date(2023, 8, 31), date(2024, 2, 29)),  # leap year
        (date(2025, 4, 3), date(2025, 10, 3)),  # National Day holiday: not rolled
        (date(2025, 4, 2), date(2025, 10, 2)),
    ],
)
def test_limit_day_is_clamped_and_never_rolled(start: date, limit: date) -> None:
    assert run(limit, approved_completion=start.isoformat()).finding("art24.schedule").status is Status.HOLDS
    after = run(limit + timedelta(days=1), approved_completion=start.isoformat())
    assert after.finding("art24.schedule").status is Status.FAILS
    assert str(limit) in after.finding("art24.schedule").explanation_zh


def test_completion_before_the_first_day_over_ends_the_question() -> None:
    report = run(date(2026, 6, 30), approved_completion="2025-08-31", completed="2026-02-28")
    assert report.finding("art24.schedule").status is Status.HOLDS
    assert report.finding("art24.overdue_report").status is Status.NOT_APPLICABLE
    late = run(date(2026, 6, 30), approved_completion="2025-08-31", completed="2026-03-01")
    assert late.finding("art24.schedule").status is Status.FAILS
    assert late.finding("art24.overdue_report").status is Status.PENDING


def test_no_approved_completion_no_test() -> None:
    assert run(date(2026, 6, 30)).finding("art24.schedule").status is Status.NOT_APPLICABLE


# --- the report and its configured clock ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("interp", "due"),
    [
        # limit Mon 2025-09-15 (2025-03-15 + 6 months)
        # strictly_more: over from Tue 09-16 → 09-17, 09-18, 09-19, 09-22, 09-23 → due 09-23
        (Interpretation(timely_within_working_days=5), date(2025, 9, 23)),
        # at_least: over from Mon 09-15 → 09-16, 09-17, 09-18, 09-19, 09-22 → due 09-22
        (
            Interpretation(timely_within_working_days=5, serious_overdue_boundary=OverBoundary.AT_LEAST),
            date(2025, 9, 22),
        ),
    ],
)
def test_the_report_clock_starts_on_the_first_day_over(interp: Interpretation, due: date) -> None:
    report = run(date(2025, 9, 30), interpretation=interp, approved_completion="2025-03-15")
    finding = report.finding("art24.overdue_report")
    assert (finding.status, finding.due) == (Status.OVERDUE, due)


@pytest.mark.parametrize(
    ("rule", "fact"),
    [
        ("art24.overdue_report", "approved_completion"),
        ("art24.not_started_report", "preliminary_design_approved"),
    ],
)
@pytest.mark.parametrize("interp", [Interpretation(), Interpretation(timely_within_working_days=5)])
def test_a_report_clock_shows_the_fact_its_start_is_derived_from(
    rule: str, fact: str, interp: Interpretation
) -> None:
    # 2025-03-15 + 6 months → limit Mon 2025-09-15, over from Tue 09-16: the clock runs from a derived day, so the
    # start check shows the fact it is derived from, with that fact's own date; the note shows the derived day.
    facts: dict[str, Any] = {fact: "2025-03-15"}
    report = run(date(2025, 9, 30), interpretation=interp, **facts)
    finding = report.finding(rule)
    start = finding.checks[0]
    assert (start.fact, start.actual, start.ok) == (f"implementation.{fact}", date(2025, 3, 15), True)
    assert "2025-09-16" in finding.note_zh


def delay_report(reported: str, *, plan: bool = True, trigger: str = "serious_delay") -> list[dict[str, Any]]:
    return [{"trigger": trigger, "reported": reported, "remediation_plan": plan}]


def test_a_report_without_remediation_plan_does_not_count() -> None:
    facts: dict[str, Any] = {"approved_completion": "2025-03-15"}
    without = run(date(2025, 12, 1), delay_reports=delay_report("2025-09-20", plan=False), **facts)
    finding = without.finding("art24.overdue_report")
    assert finding.status is Status.PENDING
    assert "implementation.delay_reports[0].remediation_plan" in [
        c.fact for c in finding.checks if c.ok is False
    ]
    with_plan = run(date(2025, 12, 1), delay_reports=delay_report("2025-09-20"), **facts)
    assert with_plan.finding("art24.overdue_report").status is Status.HOLDS


def test_a_report_answers_only_its_own_trigger() -> None:
    facts: dict[str, Any] = {
        "approved_completion": "2025-03-15",
        "major_loss": True,
        "major_loss_on": "2025-09-01",
    }
    on_loss = run(date(2025, 12, 1), delay_reports=delay_report("2025-09-20", trigger="major_loss"), **facts)
    assert on_loss.finding("art24.major_loss_report").status is Status.HOLDS
    assert on_loss.finding("art24.overdue_report").status is Status.PENDING


def test_a_report_dated_before_its_trigger_does_not_count() -> None:
    # over the limit from 2025-09-16: a report of 09-10 was not about the serious delay
    report = run(
        date(2025, 12, 1), approved_completion="2025-03-15", delay_reports=delay_report("2025-09-10")
    )
    finding = report.finding("art24.overdue_report")
    assert finding.status is Status.PENDING
    early = [c for c in finding.checks if c.fact == "implementation.delay_reports[0].reported"]
    assert [(c.role, c.actual, c.ok) for c in early] == [(CheckRole.CONTEXT, date(2025, 9, 10), False)]


def test_major_loss_triggers_the_report() -> None:
    assert run(date(2025, 7, 1)).finding("art24.major_loss_report").status is Status.NOT_APPLICABLE
    loss = run(date(2025, 7, 1), major_loss=True, major_loss_on="2025-06-10")
    assert loss.finding("art24.major_loss_report").status is Status.PENDING
    not_yet = run(date(2025, 6, 9), major_loss=True, major_loss_on="2025-06-10")
    assert not_yet.finding("art24.major_loss_report").status is Status.NOT_APPLICABLE


def test_a_configured_clock_without_the_loss_date_is_undetermined() -> None:
    report = run(
        date(2025, 7, 1), interpretation=Interpretation(timely_within_working_days=5), major_loss=True
    )
    finding = report.finding("art24.major_loss_report")
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == ("implementation.major_loss_on",)


# --- the late start ----------------------------------------------------------------------------------------------


def test_late_start_only_for_fiscal_projects() -> None:
    facts: dict[str, Any] = {"preliminary_design_approved": "2025-03-15"}
    own = run(date(2025, 12, 1), funding=[{"source": "self_raised", "amount": "1.00"}], **facts)
    assert own.finding("art24.start_of_works").status is Status.NOT_APPLICABLE
    assert own.finding("art24.not_started_report").status is Status.NOT_APPLICABLE
    unknown = run(date(2025, 12, 1), funding=[], **facts)
    assert unknown.finding("art24.start_of_works").status is Status.UNDETERMINED
    assert unknown.finding("art24.start_of_works").missing == ("funding",)
    mixed = [{"source": "self_raised", "amount": "1.00"}, {"source": "fiscal_budget", "amount": "2.00"}]
    assert (
        run(date(2025, 12, 1), funding=mixed, **facts).finding("art24.start_of_works").status is Status.FAILS
    )


def test_late_start_report_clock() -> None:
    # limit Tue 2026-02-10; over from Wed 02-11; 5 working days: 02-12, 02-13, 02-14 (make-up), 02-24, 02-25
    interp = Interpretation(timely_within_working_days=5)
    report = run(
        date(2026, 3, 2),
        interpretation=interp,
        preliminary_design_approved="2025-08-10",
        not_started_reported="2026-02-26",
    )
    finding = report.finding("art24.not_started_report")
    assert (finding.status, finding.due) == (Status.LATE, date(2026, 2, 25))
    assert "“适时”按使用者配置的5个工作日计算" in finding.note_zh  # 报…适时调整: the second limb's own word
    assert "及时" not in finding.note_zh
