"""Art. 6 para. 2 (a unit plan is a basis only after review) and art. 7 para. 2 (APPs connect upward, no duplicates)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, evaluate, rule_by_id
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence, TownshipUnits
from tinghu_policy.parties import Party
from tinghu_policy.rules.art06_07_planning import below_district

BASE: dict[str, Any] = {
    "id": "TH-T-06",
    "name": "测试项目",
    "owner": {"name": "区农业农村局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "100000.00"}],
}
RECEIVED = date(2025, 11, 3)
AS_OF = date(2025, 12, 31)
PLAN = "art6.implementation_plan_reviewed"


def run(as_of: date = AS_OF, interpretation: Interpretation | None = None, **facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=as_of, interpretation=interpretation)


def approved(day: date | str) -> dict[str, Any]:
    """A review of the unit plan that passed it (format 2.0: the day and the conclusion)."""
    return {"day": day, "outcome": "approved"}


def with_plan(reviewed: date | None, *received: date, **more: Any) -> Report:
    planning = {
        "implementation_plan_as_basis": True,
        "implementation_plan_reviewed": None if reviewed is None else approved(reviewed),
    }
    return run(planning=planning, review=[{"received": r} for r in received or (RECEIVED,)], **more)


# --- art. 6 para. 2 -------------------------------------------------------------------------------------------


@settings(deadline=None)
@given(st.integers(min_value=-30, max_value=30))
def test_the_review_must_be_on_or_before_the_application_day(offset: int) -> None:
    """Boundary: reviewed the day of the application holds; a day later fails (art. 6 para. 2)."""
    finding = with_plan(RECEIVED + timedelta(days=offset)).finding(PLAN, "round 1")
    assert finding.status is (Status.HOLDS if offset <= 0 else Status.FAILS)


def test_a_plan_never_reviewed_fails_on_the_review_fact() -> None:
    finding = with_plan(None).finding(PLAN, "round 1")
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks] == ["planning.implementation_plan_reviewed"]
    assert finding.checks[0].actual is False


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [("approved", Status.HOLDS), ("rejected", Status.FAILS), (None, Status.UNDETERMINED)],
)
def test_only_a_review_that_passed_the_plan_counts(outcome: str | None, expected: Status) -> None:
    """ "经区数据局审核后": a rejecting review is no review; one whose conclusion is not stated is undetermined."""
    reviewed = {"day": RECEIVED - timedelta(days=7), "outcome": outcome}
    planning = {"implementation_plan_as_basis": True, "implementation_plan_reviewed": reviewed}
    finding = run(planning=planning, review=[{"received": RECEIVED}]).finding(PLAN, "round 1")
    assert finding.status is expected
    if expected is Status.UNDETERMINED:
        assert finding.missing == ("planning.implementation_plan_reviewed.outcome",)


def test_a_review_after_as_of_is_not_yet_known() -> None:
    reviewed = date(2025, 11, 5)
    assert with_plan(reviewed).finding(PLAN, "round 1").status is Status.FAILS  # 11-05 > 11-03 anyway
    finding = evaluate(
        {
            **BASE,
            "planning": {
                "implementation_plan_as_basis": True,
                "implementation_plan_reviewed": approved("2025-11-01"),
            },
            "review": [{"received": "2025-10-31"}],
        },
        as_of=date(2025, 10, 31),
    ).finding(PLAN, "round 1")
    assert finding.status is Status.FAILS  # on 10-31 the review of 11-01 has not happened


def test_each_round_is_judged_on_its_own_day() -> None:
    report = with_plan(date(2025, 11, 10), date(2025, 11, 3), date(2025, 11, 17))
    assert report.finding(PLAN, "round 1").status is Status.FAILS
    assert report.finding(PLAN, "round 2").status is Status.HOLDS


def test_not_applicable_without_a_unit_plan_or_before_applying() -> None:
    assert run(review=[{"received": RECEIVED}]).finding(PLAN).status is Status.NOT_APPLICABLE
    no_round = run(planning={"implementation_plan_as_basis": True}).finding(PLAN)
    assert no_round.status is Status.NOT_APPLICABLE
    assert no_round.note_zh == "尚未申报"
    future = run(
        as_of=date(2025, 11, 2),
        planning={"implementation_plan_as_basis": True},
        review=[{"received": RECEIVED}],
    ).finding(PLAN)
    assert future.status is Status.NOT_APPLICABLE


def test_an_application_before_the_effective_date_is_out_of_reach() -> None:
    report = with_plan(None, interpretation=Interpretation(effective_date=date(2025, 11, 4)))
    finding = report.finding(PLAN, "round 1")
    assert finding.status is Status.NOT_APPLICABLE
    assert "D13" in finding.note_zh


# --- art. 7 para. 2 -------------------------------------------------------------------------------------------

OUTCOME = {True: Status.HOLDS, False: Status.FAILS, None: Status.UNDETERMINED}


@pytest.mark.parametrize("connects", [True, False, None])
@pytest.mark.parametrize("duplicates", [True, False, None])
def test_app_rules(connects: bool | None, duplicates: bool | None) -> None:
    report = run(app={"connects_upward": connects, "duplicates_higher_level_app": duplicates})
    up = report.finding("art7.app_connects_upward")
    assert up.status is OUTCOME[connects]
    dup = report.finding("art7.app_not_duplicated")
    assert dup.status is OUTCOME[None if duplicates is None else not duplicates]
    if duplicates is None:
        assert dup.missing == ("app.duplicates_higher_level_app",)


def test_app_rules_are_not_applicable_without_an_app() -> None:
    report = run()
    for rule in ("art7.app_connects_upward", "art7.app_not_duplicated"):
        assert report.finding(rule).status is Status.NOT_APPLICABLE


@settings(deadline=None)
@given(st.integers(min_value=-30, max_value=30))
def test_d17_earlier_day_the_review_must_precede_the_application_day(offset: int) -> None:
    """Under ``earlier_day`` a review dated the day of the application no longer comes first."""
    report = with_plan(
        RECEIVED + timedelta(days=offset),
        interpretation=Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY),
    )
    assert report.finding(PLAN, "round 1").status is (Status.HOLDS if offset < 0 else Status.FAILS)


# --- art. 7 para. 2, first sentence: shared projects on the higher-level base platforms ----------------------------

SHARED = {"lead_department": "区市场监督管理局", "participants": ["区卫生健康委员会"]}


@pytest.mark.parametrize("uses", [True, False, None])
def test_a_shared_project_is_built_on_the_higher_level_platforms(uses: bool | None) -> None:
    finding = run(cross_department={**SHARED, "uses_higher_level_platforms": uses}).finding(
        "art7.shared_platforms"
    )
    assert finding.status is OUTCOME[uses]
    assert finding.owed_by is Party.LEAD_DEPARTMENT
    if uses is None:
        assert finding.missing == ("cross_department.uses_higher_level_platforms",)


def test_a_project_of_one_department_is_not_in_question() -> None:
    assert run().finding("art7.shared_platforms").status is Status.NOT_APPLICABLE


def test_the_shared_platforms_rule_judges_the_project_as_decided() -> None:
    """D13: approved before the effective date, the project's design is out of reach."""
    report = run(
        cross_department={**SHARED, "uses_higher_level_platforms": False},
        review=[{"received": "2025-06-02"}],
        approval={"approved": "2025-08-01"},
        interpretation=Interpretation(effective_date=date(2025, 9, 1)),
    )
    assert report.finding("art7.shared_platforms").status is Status.NOT_APPLICABLE


# --- art. 7 para. 2, "区级及以下": the APP rule beyond the scope test -----------------------------------------------

DUPLICATE = {"connects_upward": False, "duplicates_higher_level_app": True}


def owned_by(level: str, interpretation: Interpretation | None = None, **facts: Any) -> Report:
    owner = {"name": "测试单位", "level": level, "kind": "party_government"}
    return evaluate(
        {**BASE, "owner": owner, "app": DUPLICATE, **facts}, as_of=AS_OF, interpretation=interpretation
    )


@given(
    level=st.sampled_from(["subdistrict", "township"]),
    reading=st.sampled_from(list(TownshipUnits)),
    duplicates=st.sampled_from([True, False, None]),
)
def test_an_app_below_the_district_is_judged_whatever_art2_says(
    level: str, reading: TownshipUnits, duplicates: bool | None
) -> None:
    """区级及以下: for a 街道 or 乡镇 owner the sentence runs under every D18 reading, in scope or not."""
    report = owned_by(
        level,
        Interpretation(township_units=reading),
        app={"duplicates_higher_level_app": duplicates},
    )
    finding = report.finding("art7.app_not_duplicated")
    assert finding.status is OUTCOME[None if duplicates is None else not duplicates]
    assert "区级及以下" in finding.note_zh


def test_the_upward_connection_stays_within_the_scope_test() -> None:
    """区级规划建设的政务APP: a 乡镇 APP outside art. 2 (D18 default) is not asked to connect upward."""
    report = owned_by("township")
    assert report.finding("art2.government_it_project").status is Status.NOTICE
    assert report.finding("art7.app_connects_upward").status is Status.NOT_APPLICABLE
    assert report.finding("art7.app_not_duplicated").status is Status.FAILS


@pytest.mark.parametrize("level", ["municipal", "provincial", "national"])
def test_an_app_above_the_district_is_outside(level: str) -> None:
    """Only the levels below the district pass the gate: a municipal owner's APP is not the district's to judge."""
    assert owned_by(level).finding("art7.app_not_duplicated").status is Status.NOT_APPLICABLE


def test_a_district_app_has_no_note_about_lower_levels() -> None:
    finding = run(app=DUPLICATE).finding("art7.app_not_duplicated")
    assert (finding.status, finding.note_zh) == (Status.FAILS, "")


def test_below_district_is_the_rules_gate() -> None:
    assert rule_by_id("art7.app_not_duplicated").beyond_scope is below_district
    assert rule_by_id("art7.app_connects_upward").beyond_scope is None
