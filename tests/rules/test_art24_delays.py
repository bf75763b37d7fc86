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


@pytest.mark.parametrize("interp", [Interpretation(), Interpretation(timely_within_working_days=5)])
def test_the_late_start_report_has_no_clock(interp: Interpretation) -> None:
    """ "适时" qualifies the bureaus' adjustment, not the unit's report (D11): no due date, configured or not."""
    # limit Tue 2026-02-10; over from Wed 02-11
    facts: dict[str, Any] = {"preliminary_design_approved": "2025-08-10"}
    reported = run(date(2026, 3, 2), interpretation=interp, not_started_reported="2026-02-26", **facts)
    finding = reported.finding("art24.not_started_report")
    assert (finding.status, finding.due) == (Status.HOLDS, None)
    assert "“适时”修饰三部门的调整" in finding.note_zh
    assert not {"D2", "D12"} & set(finding.decisions)  # no working-day clock is ever computed
    waiting = run(date(2027, 3, 2), interpretation=interp, **facts).finding("art24.not_started_report")
    assert (waiting.status, waiting.due) == (Status.PENDING, None)
    early = run(date(2026, 3, 2), interpretation=interp, not_started_reported="2026-02-10", **facts)
    shown = early.finding("art24.not_started_report")
    assert shown.status is Status.PENDING
    assert [(c.role, c.ok) for c in shown.checks[1:]] == [(CheckRole.CONTEXT, False)]


# --- the approved schedule: a date, a duration from works start, or as adjusted ----------------------------------


def test_a_duration_runs_from_the_start_of_works() -> None:
    # works Fri 2024-08-30 + 18 months → 2026-02-28 (no 30 February: month end, D3); + 6 months → 2026-08-28
    facts: dict[str, Any] = {"works_started": "2024-08-30", "approved_duration_months": 18}
    holds = run(date(2026, 8, 28), **facts).finding("art24.schedule")
    assert holds.status is Status.HOLDS
    assert "批复工期18个月" in holds.note_zh
    assert "2026-02-28" in holds.note_zh
    fails = run(date(2026, 8, 29), **facts)
    assert fails.finding("art24.schedule").status is Status.FAILS
    report = fails.finding("art24.overdue_report")
    assert report.status is Status.PENDING
    assert (report.checks[0].fact, report.checks[0].actual) == (
        "implementation.works_started",
        date(2024, 8, 30),
    )


def test_a_duration_without_works_start_runs_nothing() -> None:
    finding = run(date(2026, 8, 29), approved_duration_months=18).finding("art24.schedule")
    assert finding.status is Status.NOT_APPLICABLE
    assert "尚未开工" in finding.note_zh


def test_an_approved_completion_date_comes_before_a_duration() -> None:
    facts: dict[str, Any] = {
        "works_started": "2024-08-30",
        "approved_duration_months": 18,
        "approved_completion": "2025-08-30",
    }
    assert (
        run(date(2026, 3, 2), **facts).finding("art24.schedule").status is Status.FAILS
    )  # 2025-08-30 + 6 months


ADJUSTED: dict[str, Any] = {
    "requested": "2025-05-06",
    "amount": "0.00",
    "total_after": "1000000.00",
    "goals_unchanged": True,
    "ground": "business_need",
    "within_approved_plan": True,
    "approved_completion_after": "2025-12-31",
}
PASSED = {"day": "2025-05-20", "outcome": "approved"}


@pytest.mark.parametrize(
    ("adjustment", "status"),
    [
        # carried out after both reviews passed it: the schedule ends 2025-12-31, + 6 months 2026-06-30 → holds
        (
            {"reviewed_by_data_bureau": PASSED, "reviewed_by_finance": PASSED, "adjusted": "2025-05-26"},
            Status.HOLDS,
        ),
        # approved anew instead (para. 2): the same
        ({"reapproved": "2025-05-22", "adjusted": "2025-05-26"}, Status.HOLDS),
        # only requested, or reviewed but not carried out, or carried out after a refusal: the approval's date stands
        ({}, Status.FAILS),
        ({"reviewed_by_data_bureau": PASSED, "reviewed_by_finance": PASSED}, Status.FAILS),
        (
            {
                "reviewed_by_data_bureau": PASSED,
                "reviewed_by_finance": {"day": "2025-05-20", "outcome": "rejected"},
                "adjusted": "2025-05-26",
            },
            Status.FAILS,
        ),
    ],
)
def test_a_schedule_adjusted_under_ground_three_counts_once_carried_out_and_passed(
    adjustment: dict[str, Any], status: Status
) -> None:
    # approved completion 2025-06-30 → + 6 months 2025-12-30; as_of 2026-03-02, not completed
    report = run(date(2026, 3, 2), approved_completion="2025-06-30", adjustments=[{**ADJUSTED, **adjustment}])
    finding = report.finding("art24.schedule")
    assert finding.status is status
    if status is Status.HOLDS:
        assert "调整" in finding.note_zh
        assert "2025-12-31" in finding.note_zh


def test_the_latest_adjusted_schedule_carried_out_counts() -> None:
    passed = {"reviewed_by_data_bureau": PASSED, "reviewed_by_finance": PASSED}
    first = {**ADJUSTED, **passed, "adjusted": "2025-05-26", "approved_completion_after": "2025-09-30"}
    second = {
        **ADJUSTED,
        "reviewed_by_data_bureau": {"day": "2025-06-05", "outcome": "approved"},
        "reviewed_by_finance": {"day": "2025-06-05", "outcome": "approved"},
        "requested": "2025-06-02",
        "adjusted": "2025-06-10",
        "approved_completion_after": "2025-12-31",
    }
    report = run(date(2026, 4, 15), approved_completion="2025-06-30", adjustments=[first, second])
    assert report.finding("art24.schedule").status is Status.HOLDS  # 2025-12-31 + 6 months = 2026-06-30
    reordered = run(date(2026, 4, 15), approved_completion="2025-06-30", adjustments=[second, first])
    assert reordered.finding("art24.schedule").status is Status.HOLDS  # latest by the day carried out


# --- a delay within the 6 months is named ----------------------------------------------------------------------------


def test_a_project_late_but_not_seriously_holds_and_says_how_late() -> None:
    """Before this change a project five months late showed 符合 without a word on the delay."""
    report = run(date(2026, 1, 31), approved_completion="2025-08-31")
    finding = report.finding("art24.schedule")
    assert finding.status is Status.HOLDS
    assert "已超出批复工期153天" in finding.note_zh  # 2025-08-31 → 2026-01-31
    completed = run(date(2026, 3, 1), approved_completion="2025-08-31", completed="2025-10-10")
    done = completed.finding("art24.schedule")
    assert done.status is Status.HOLDS
    assert "超出批复工期40天" in done.note_zh
    assert [c.role for c in done.checks] == [CheckRole.REQUIREMENT, CheckRole.CONTEXT]
    on_time = run(date(2026, 3, 1), approved_completion="2025-08-31", completed="2025-08-31")
    assert "超出" not in on_time.finding("art24.schedule").note_zh


# --- the orders that follow: rectification by its deadline, no works while suspended ------------------------------


@pytest.mark.parametrize(
    ("as_of", "completed", "status"),
    [
        (date(2025, 11, 30), None, Status.PENDING),
        (date(2025, 11, 30), "2025-11-30", Status.MET),  # on the deadline
        (date(2025, 12, 1), None, Status.OVERDUE),  # the day after it
        (date(2025, 12, 5), "2025-12-01", Status.LATE),
    ],
)
def test_a_rectification_is_due_on_the_deadline_the_bureau_set(
    as_of: date, completed: str | None, status: Status
) -> None:
    # Sun 2025-11-30: a date the bureau fixed, not rolled over to Monday
    order = {"ordered": "2025-10-15", "deadline": "2025-11-30", "completed": completed}
    finding = run(as_of, rectification=order).finding("art24.rectification")
    assert (finding.status, finding.due) == (status, date(2025, 11, 30))
    assert finding.checks[0].fact == "implementation.rectification.ordered"


def test_no_rectification_ordered_is_not_applicable() -> None:
    assert run(date(2025, 12, 1)).finding("art24.rectification").status is Status.NOT_APPLICABLE
    later = run(date(2025, 10, 14), rectification={"ordered": "2025-10-15", "deadline": "2025-11-30"})
    assert later.finding("art24.rectification").status is Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("continued", "status"),
    [(False, Status.HOLDS), (True, Status.FAILS), (None, Status.UNDETERMINED)],
)
def test_works_do_not_go_on_while_suspended(continued: bool | None, status: Status) -> None:
    order = {"ordered": "2025-09-01", "works_continued": continued}
    finding = run(date(2025, 12, 1), suspension=order).finding("art24.suspension")
    assert finding.status is status
    assert "尚未恢复" in finding.note_zh
    lifted = run(date(2025, 12, 1), suspension={**order, "lifted": "2025-11-03"}).finding("art24.suspension")
    assert "2025-11-03恢复实施" in lifted.note_zh


@pytest.mark.parametrize(
    ("effective", "status"), [(date(2025, 9, 1), Status.FAILS), (date(2025, 9, 2), Status.NOT_APPLICABLE)]
)
def test_d13_orders_are_judged_from_the_day_they_were_made(effective: date, status: Status) -> None:
    interp = Interpretation(effective_date=effective)
    suspended = run(
        date(2025, 12, 1),
        interpretation=interp,
        suspension={"ordered": "2025-09-01", "works_continued": True},
    )
    assert suspended.finding("art24.suspension").status is status
    ordered = {"ordered": "2025-09-01", "deadline": "2025-10-31"}
    rectified = run(date(2025, 12, 1), interpretation=interp, rectification=ordered)
    assert rectified.finding("art24.rectification").status is (
        Status.OVERDUE if status is Status.FAILS else Status.NOT_APPLICABLE
    )
