"""Art. 38 (state-owned enterprises), art. 39 (social capital: scope, filing before works, contents, incidents in
operation) and art. 40 (the effective date, D13)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import CheckRole, Report, Status, evaluate
from tinghu_policy.facts import FundingSource, Project
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence, StateEnterpriseFunding

AS_OF = date(2025, 11, 20)
BASE: dict[str, Any] = {
    "id": "TH-T-38",
    "name": "测试项目",
    "owner": {"name": "区城市管理局", "level": "district", "kind": "party_government"},
    "category": "digital_infrastructure",
}
SOE = {"name": "亭湖城投", "level": "district", "kind": "state_owned_enterprise"}
MIXED = [{"source": "fiscal_budget", "amount": "10.00"}, {"source": "social_capital", "amount": "90.00"}]
COMPLETE = {
    "filed_plan": True,
    "filed_data_catalogue": True,
    "filed_funding_source": True,
    "filed_security_measures": True,
}
STARTED = date(2025, 11, 10)

ANY_MONEY = Interpretation(state_enterprise_funding=StateEnterpriseFunding.ANY_MONEY)


def run(as_of: date = AS_OF, interpretation: Interpretation | None = None, **facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=as_of, interpretation=interpretation)


# --- art. 38 --------------------------------------------------------------------------------------------------


@settings(deadline=None)
@given(st.lists(st.sampled_from(list(FundingSource)), min_size=1, max_size=4, unique=True))
def test_a_district_enterprise_is_governed_whatever_its_money(sources: list[FundingSource]) -> None:
    """D29 option any_money."""
    report = run(
        interpretation=ANY_MONEY,
        owner=SOE,
        funding=[{"source": s.value, "amount": "1.00"} for s in sources],
        review=[{"received": "2025-11-03"}],
    )
    assert report.finding("art38.state_owned_enterprise").status is Status.HOLDS
    assert report.finding("art11.filing_set", "round 1").status is Status.FAILS  # the gate is open


def test_an_enterprise_with_own_money_fails_art2_but_art38_brings_it_in() -> None:
    """D29 option any_money; art. 2 counts the enterprise among its units and names only the money."""
    finding = run(
        interpretation=ANY_MONEY, owner=SOE, funding=[{"source": "self_raised", "amount": "1.00"}]
    ).finding("art2.government_it_project")
    assert finding.status is Status.NOTICE
    assert {c.fact for c in finding.checks if c.ok is False} == {"funding"}
    assert "但依第三十八条仍适用本办法" in finding.note_zh


@pytest.mark.parametrize(
    ("facts", "failing"),
    [
        ({"owner": {**SOE, "level": "municipal"}}, "owner.level"),
        ({"owner": SOE, "category": "other"}, "category"),
    ],
)
def test_art38_notice_names_the_limb(facts: dict[str, Any], failing: str) -> None:
    report = run(review=[{"received": "2025-11-03"}], **facts)
    finding = report.finding("art38.state_owned_enterprise")
    assert finding.status is Status.NOTICE
    assert [c.fact for c in finding.checks if c.ok is False] == [failing]
    assert report.finding("art11.filing_set").status is Status.NOT_APPLICABLE


def test_art38_reaches_only_enterprises() -> None:
    assert run().finding("art38.state_owned_enterprise").status is Status.NOT_APPLICABLE


# --- art. 39: scope -------------------------------------------------------------------------------------------


def test_social_capital_alone_is_governed_by_art39() -> None:
    report = run(
        funding=[{"source": "social_capital", "amount": "5.00"}], implementation={"works_started": STARTED}
    )
    assert report.finding("art2.government_it_project").status is Status.NOTICE
    assert report.finding("art39.social_capital_project").status is Status.HOLDS
    assert report.finding("art39.filing_before_works").status is Status.OVERDUE


def test_social_capital_facts_alone_mark_a_social_capital_project() -> None:
    report = run(funding=[{"source": "fiscal_budget", "amount": "5.00"}], social_capital={})
    assert report.finding("art39.social_capital_project").status is Status.HOLDS
    assert report.finding("art39.filing_before_works").status is Status.PENDING


def test_art39_rules_are_not_applicable_without_social_capital() -> None:
    report = run(
        funding=[{"source": "fiscal_budget", "amount": "5.00"}], implementation={"works_started": STARTED}
    )
    for rule in (
        "art39.social_capital_project",
        "art39.filing_before_works",
        "art39.filing_contents",
        "art39.operation_incidents",
    ):
        assert report.finding(rule).status is Status.NOT_APPLICABLE, rule


# --- art. 39: the filing before works start -------------------------------------------------------------------


@settings(deadline=None)
@given(st.integers(min_value=-40, max_value=9))
def test_filing_on_the_start_day_is_on_time_the_day_after_is_late(offset: int) -> None:
    """Reading of 开工前: on or before the day works start (boundary pair: offset 0 met, offset 1 late)."""
    filed = STARTED + timedelta(days=offset)
    finding = run(
        funding=MIXED,
        social_capital={**COMPLETE, "filed_with_data_bureau": filed},
        implementation={"works_started": STARTED},
    ).finding("art39.filing_before_works")
    assert finding.due == STARTED
    assert finding.status is (Status.MET if offset <= 0 else Status.LATE)


@pytest.mark.parametrize(
    ("as_of", "expected"), [(STARTED, Status.PENDING), (STARTED + timedelta(days=1), Status.OVERDUE)]
)
def test_not_filed_after_the_start(as_of: date, expected: Status) -> None:
    finding = run(as_of, funding=MIXED, implementation={"works_started": STARTED}).finding(
        "art39.filing_before_works"
    )
    assert (finding.status, finding.due) == (expected, STARTED)


def test_before_works_start() -> None:
    filed = run(funding=MIXED, social_capital={"filed_with_data_bureau": "2025-11-03"}).finding(
        "art39.filing_before_works"
    )
    assert (filed.status, filed.due) == (Status.MET, None)
    waiting = run(funding=MIXED).finding("art39.filing_before_works")
    assert (waiting.status, waiting.due) == (Status.PENDING, None)
    future_start = run(date(2025, 11, 9), funding=MIXED, implementation={"works_started": STARTED}).finding(
        "art39.filing_before_works"
    )
    assert (future_start.status, future_start.due) == (Status.PENDING, None)


def test_works_started_before_the_effective_date_are_out_of_reach() -> None:
    interpretation = Interpretation(effective_date=STARTED + timedelta(days=1))
    finding = run(
        interpretation=interpretation, funding=MIXED, implementation={"works_started": STARTED}
    ).finding("art39.filing_before_works")
    assert finding.status is Status.NOT_APPLICABLE
    assert "D13" in finding.note_zh


# --- art. 39: the filing's contents ---------------------------------------------------------------------------


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_each_named_item_is_required(missing: str) -> None:
    filing = {**COMPLETE, missing: False, "filed_with_data_bureau": "2025-11-03"}
    finding = run(funding=MIXED, social_capital=filing).finding("art39.filing_contents")
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == [f"social_capital.{missing}"]


def test_a_complete_filing_holds_and_nothing_filed_is_not_judged() -> None:
    complete = run(funding=MIXED, social_capital={**COMPLETE, "filed_with_data_bureau": "2025-11-03"})
    assert complete.finding("art39.filing_contents").status is Status.HOLDS
    later = run(
        date(2025, 11, 2), funding=MIXED, social_capital={**COMPLETE, "filed_with_data_bureau": "2025-11-03"}
    )
    assert later.finding("art39.filing_contents").status is Status.NOT_APPLICABLE


# --- art. 39: incidents in operation --------------------------------------------------------------------------

INCIDENTS = [
    {"kind": "security_hazard", "occurred": "2025-09-30", "filed_with_data_bureau": "2025-10-14"},
    {"kind": "major_change", "occurred": "2025-10-13", "filed_with_data_bureau": "2025-10-21"},
    {"kind": "major_change", "occurred": "2025-11-17"},
]


def test_incidents_with_timely_configured() -> None:
    report = run(
        interpretation=Interpretation(timely_within_working_days=5),
        funding=MIXED,
        social_capital={"operation_incidents": INCIDENTS},
    )
    found = {f.subject: (f.status, f.due) for f in report.findings if f.rule == "art39.operation_incidents"}
    assert found == {
        "incident 1": (Status.MET, date(2025, 10, 14)),  # National Day, Sat 10-11 make-up
        "incident 2": (Status.LATE, date(2025, 10, 20)),
        "incident 3": (Status.PENDING, date(2025, 11, 24)),  # 11-18, 19, 20, 21, 24
    }
    assert report.finding("art19.incident_filed").status is Status.NOT_APPLICABLE


def test_incidents_without_timely_configured() -> None:
    report = run(funding=MIXED, social_capital={"operation_incidents": INCIDENTS})
    found = {f.subject: (f.status, f.due) for f in report.findings if f.rule == "art39.operation_incidents"}
    assert found == {
        "incident 1": (Status.HOLDS, None),
        "incident 2": (Status.HOLDS, None),
        "incident 3": (Status.PENDING, None),
    }


def test_no_incident_in_operation_yet() -> None:
    report = run(date(2025, 9, 29), funding=MIXED, social_capital={"operation_incidents": INCIDENTS})
    assert report.finding("art39.operation_incidents").status is Status.NOT_APPLICABLE


# --- art. 40 --------------------------------------------------------------------------------------------------

APPLIED: dict[str, Any] = {
    "review": [{"received": "2025-07-01", "initial_opinion": {"issued": "2025-07-04"}}],
    "implementation": {"works_started": "2025-09-01"},
}
APPLIED_FACTS = (  # every dated fact of APPLIED, oldest first
    ("review[0].received", date(2025, 7, 1)),
    ("review[0].initial_opinion.issued", date(2025, 7, 4)),
    ("implementation.works_started", date(2025, 9, 1)),
)


def test_no_effective_date_stated() -> None:
    finding = run(**APPLIED).finding("art40.effective_date")
    assert finding.status is Status.NOT_APPLICABLE
    assert "未载明" in finding.note_zh
    assert "no act is excluded" in finding.note_en


@settings(deadline=None)
@given(st.integers(min_value=-60, max_value=60))
def test_the_facts_before_the_effective_date_are_a_notice_never_a_failure(offset: int) -> None:
    """Boundary pair at the earliest fact (07-01): effective that day HOLDS, a day later a NOTICE listing it."""
    effective = date(2025, 7, 1) + timedelta(days=offset)
    finding = run(interpretation=Interpretation(effective_date=effective), **APPLIED).finding(
        "art40.effective_date"
    )
    earlier = [(path, day) for path, day in APPLIED_FACTS if day < effective]
    assert finding.status is (Status.NOTICE if earlier else Status.HOLDS)
    assert finding.status is (Status.HOLDS if offset <= 0 else Status.NOTICE)
    assert [(c.fact, c.actual) for c in finding.checks] == earlier
    assert all(c.role is CheckRole.CONTEXT and c.required == effective for c in finding.checks)


def test_the_notice_lists_each_earlier_fact() -> None:
    interpretation = Interpretation(effective_date=date(2025, 8, 1))
    finding = run(interpretation=interpretation, **APPLIED).finding("art40.effective_date")
    assert finding.status is Status.NOTICE
    # received 07-01 and opinion 07-04; works 09-01 is after
    assert [c.fact for c in finding.checks] == ["review[0].received", "review[0].initial_opinion.issued"]
    assert "2项事实早于施行日期" in finding.note_zh
    assert "2025-07-01" in finding.explanation_zh
    assert "2025-07-04" in finding.explanation_zh
    assert finding.status_zh == "提示"


def test_events_after_as_of_are_not_yet_events() -> None:
    interpretation = Interpretation(effective_date=date(2025, 7, 3))
    early = run(date(2025, 7, 3), interpretation=interpretation, **APPLIED).finding("art40.effective_date")
    assert [c.fact for c in early.checks] == ["review[0].received"]  # the opinion of 07-04 is not yet known
    before_in_force = run(date(2025, 6, 30), interpretation=interpretation, **APPLIED)
    assert before_in_force.finding("art40.effective_date").status is Status.NOT_APPLICABLE


def test_dated_facts_walks_nested_lists_and_maps() -> None:
    project = Project.model_validate(
        {
            **BASE,
            "review": [
                {
                    "received": "2025-07-01",
                    "sent_to_departments": "2025-07-10",
                    "department_opinions": {"finance_bureau": "2025-07-11", "audit_bureau": None},
                }
            ],
            "social_capital": {"operation_incidents": [{"kind": "major_change", "occurred": "2025-06-30"}]},
        }
    )
    paths = {path: day for path, _, day in project.dated_facts()}
    assert paths == {
        "review[0].received": date(2025, 7, 1),
        "review[0].sent_to_departments": date(2025, 7, 10),
        "review[0].department_opinions.finance_bureau": date(2025, 7, 11),
        "social_capital.operation_incidents[0].occurred": date(2025, 6, 30),
    }
    earliest = min(project.dated_facts(), key=lambda fact: fact.day)
    assert earliest.path == "social_capital.operation_incidents[0].occurred"
    assert [f.path for f in project.facts_after(date(2025, 7, 10))] == [
        "review[0].department_opinions.finance_bureau"
    ]


# --- D17 (开工前 strictly before the start day) and D29 (art. 38 with fiscal money only) ---------------------------

EARLIER_DAY = Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)


@settings(deadline=None)
@given(st.integers(min_value=-40, max_value=9))
def test_d17_earlier_day_makes_a_filing_on_the_start_day_late(offset: int) -> None:
    """Boundary pair under the option: the day before the start met, the start day itself late."""
    finding = run(
        interpretation=EARLIER_DAY,
        funding=MIXED,
        social_capital={**COMPLETE, "filed_with_data_bureau": STARTED + timedelta(days=offset)},
        implementation={"works_started": STARTED},
    ).finding("art39.filing_before_works")
    assert finding.due == STARTED - timedelta(days=1)
    assert finding.status is (Status.MET if offset < 0 else Status.LATE)


def test_d17_earlier_day_an_unfiled_project_is_overdue_on_the_start_day() -> None:
    finding = run(
        STARTED, interpretation=EARLIER_DAY, funding=MIXED, implementation={"works_started": STARTED}
    ).finding("art39.filing_before_works")
    assert (finding.status, finding.due) == (Status.OVERDUE, STARTED - timedelta(days=1))
    waiting = run(interpretation=EARLIER_DAY, funding=MIXED).finding("art39.filing_before_works")
    assert "前一日" in waiting.note_zh


FISCAL_ONLY = Interpretation(state_enterprise_funding=StateEnterpriseFunding.FISCAL_BUDGET_ONLY)


@settings(deadline=None)
@given(st.lists(st.sampled_from(list(FundingSource)), min_size=1, max_size=4, unique=True))
def test_d29_fiscal_budget_only_needs_budget_money(sources: list[FundingSource]) -> None:
    funding = [{"source": s.value, "amount": "10.00"} for s in sources]
    report = run(interpretation=FISCAL_ONLY, owner=SOE, funding=funding)
    fiscal = bool({FundingSource.FISCAL_BUDGET, FundingSource.PROVINCIAL_ALLOCATION} & set(sources))
    assert report.finding("art38.state_owned_enterprise").status is (
        Status.HOLDS if fiscal else Status.NOTICE
    )
    assert (
        run(interpretation=ANY_MONEY, owner=SOE, funding=funding)
        .finding("art38.state_owned_enterprise")
        .status
        is Status.HOLDS
    )
    default = run(owner=SOE, funding=funding)  # D29's default is fiscal_budget_only
    assert (
        default.finding("art38.state_owned_enterprise").status
        is report.finding("art38.state_owned_enterprise").status
    )
    if fiscal:
        assert default.finding("art2.government_it_project").status is Status.HOLDS  # one of art. 2's units


def test_d29_fiscal_budget_only_names_the_funding() -> None:
    finding = run(
        interpretation=FISCAL_ONLY, owner=SOE, funding=[{"source": "self_raised", "amount": "10.00"}]
    ).finding("art38.state_owned_enterprise")
    assert finding.status is Status.NOTICE
    assert [c.fact for c in finding.checks if c.ok is False] == ["funding"]
    assert "未使用财政预算资金" in finding.note_zh
