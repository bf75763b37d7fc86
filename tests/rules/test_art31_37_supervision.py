"""Art. 31–37: the supervisory powers table, information sharing, truthful materials and cost overruns."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import CheckRole, Finding, Status, evaluate, tables
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence
from tinghu_policy.parties import Party
from tinghu_policy.provisions import provision
from tinghu_policy.rules.art31_37_supervision import SUPERVISORY_POWERS, supervisory_power

BASE: dict[str, Any] = {
    "id": "TH-T-37",
    "name": "测试项目",
    "owner": {"name": "区交通运输局", "level": "district", "kind": "party_government"},
    "funding": [{"source": "fiscal_budget", "amount": "2000000.00"}],
    "category": "digital_infrastructure",
}
AS_OF = date(2025, 10, 20)
FEN = Decimal("0.01")


def find(rule: str, *, interpretation: Interpretation | None = None, **facts: Any) -> Finding:
    return evaluate({**BASE, **facts}, as_of=AS_OF, interpretation=interpretation).finding(rule)


# --- art. 31–35: the table -----------------------------------------------------------------------------------------


def test_each_article_31_to_35_is_one_table_entry() -> None:
    registered = {t.id: t.provision for t in tables() if t.module.endswith("art31_37_supervision")}
    assert registered == {
        "art31.data_bureau": "art31.p1",
        "art32.finance_bureau": "art32.p1",
        "art33.committee_office": "art33.p1",
        "art34.cyberspace_office": "art34.p1",
        "art35.audit_bureau": "art35.p1",
    }


@pytest.mark.parametrize("party", list(SUPERVISORY_POWERS))
def test_powers_quote_the_article_and_trace_to_article_5(party: Party) -> None:
    entry = supervisory_power(party)
    text = provision(entry.provision).text
    assert text.startswith(party.name_zh)
    for power in entry.powers:
        assert power.zh in text, power.zh
    assert entry.responsibility.party is party
    assert entry.responsibility.provision.startswith("art5.p1.i")


def test_a_party_without_supervisory_powers_is_an_error() -> None:
    with pytest.raises(TinghuPolicyError, match="joint_panel"):
        supervisory_power(Party.JOINT_PANEL)


# --- art. 36 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shared", "status"), [(True, Status.HOLDS), (False, Status.FAILS), (None, Status.UNDETERMINED)]
)
def test_information_sharing(shared: bool | None, status: Status) -> None:
    finding = find("art36.information_sharing", supervision={"shared_on_platform": shared})
    assert finding.status is status
    assert finding.owed_by is Party.SUPERVISORS
    assert "区审计局" in finding.note_zh


def test_information_sharing_does_not_reach_a_classified_project() -> None:
    finding = find("art36.information_sharing", classified=True, supervision={"shared_on_platform": False})
    assert finding.status is Status.NOT_APPLICABLE


# --- art. 37 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("withheld", "status"), [(False, Status.HOLDS), (True, Status.FAILS), (None, Status.UNDETERMINED)]
)
def test_materials_truthful(withheld: bool | None, status: Status) -> None:
    assert find("art37.materials_truthful", supervision={"materials_withheld": withheld}).status is status


def overrun(
    budget: str | Decimal | None,
    actual: str | Decimal | None,
    percent: str | Decimal | None = None,
    *,
    cause: bool | None = None,
    **facts: Any,
) -> Finding:
    implementation = {"actual_expenditure": actual, **facts.pop("implementation", {})}
    return find(
        "art37.cost_overrun",
        interpretation=Interpretation(serious_overrun_percent=percent),
        approval={"approved_budget": budget},
        implementation=implementation,
        supervision={"overrun_from_mismanagement_or_fraud": cause},
        **facts,
    )


budgets = st.integers(1, 10**12).map(lambda fen: Decimal(fen) * FEN)
percents = st.decimals(min_value=0, max_value=200, places=2)


@settings(max_examples=300, deadline=None)
@given(budget=budgets, percent=percents)
def test_serious_overrun_boundary_one_fen(budget: Decimal, percent: Decimal) -> None:
    """With the cause established: at the limit (the last whole fen not more than budget × (1 + percent)) → a notice,
    not serious; one fen more → fails (超过). Without the cause, one fen more is still only a notice."""
    limit = budget * (100 + percent) / 100
    at = limit.quantize(FEN, ROUND_FLOOR)
    expected_at = Status.NOTICE if at > budget else Status.HOLDS
    assert overrun(budget, at, percent, cause=True).status is expected_at
    assert overrun(budget, at + FEN, percent, cause=True).status is Status.FAILS
    assert overrun(budget, at + FEN, percent).status is Status.NOTICE


def test_exactly_at_the_percent_is_not_serious_and_one_fen_more_is() -> None:
    at = overrun("2000000.00", "2200000.00", "10", cause=True)
    assert at.status is Status.NOTICE
    assert "不属严重超概算" in at.note_zh
    serious = overrun("2000000.00", "2200000.01", "10", cause=True)
    assert serious.status is Status.FAILS
    assert "200000.01 元" in serious.note_zh
    assert "10.0000005%" in serious.note_zh
    assert "依纪依法追究责任" in serious.note_zh


@pytest.mark.parametrize(
    ("cause", "status", "missing"),
    [
        (True, Status.FAILS, ()),
        (None, Status.NOTICE, ("supervision.overrun_from_mismanagement_or_fraud",)),
        (False, Status.NOTICE, ()),
    ],
)
def test_a_serious_overrun_fails_only_with_the_cause_established(
    cause: bool | None, status: Status, missing: tuple[str, ...]
) -> None:
    """Point 21: 因管理不善、弄虚作假造成 is a condition of the ground; the overrun alone never fails."""
    finding = overrun("2000000.00", "2300000.00", "10", cause=cause)
    assert (finding.status, finding.missing) == (status, missing)
    if cause is False:
        assert "经认定非因管理不善、弄虚作假造成" in finding.note_zh


def test_without_a_configured_percent_an_overrun_is_a_notice_and_measured() -> None:
    finding = overrun("2000000.00", "2300000.00")
    assert finding.status is Status.NOTICE
    assert finding.missing == (
        "interpretation.serious_overrun_percent",
        "supervision.overrun_from_mismanagement_or_fraud",
    )
    assert "超概算 300000.00 元" in finding.note_zh
    assert "15.00%" in finding.note_zh
    assert all(c.role is CheckRole.CONTEXT for c in finding.checks)


def test_a_long_percent_is_rounded_and_marked() -> None:
    assert "约33.33%" in overrun("3.00", "4.00").note_zh


@pytest.mark.parametrize(
    ("budget", "actual", "status"),
    [
        ("2000000.00", "2000000.00", Status.HOLDS),
        ("2000000.00", "1500000.00", Status.HOLDS),
        ("2000000.00", None, Status.NOT_APPLICABLE),  # no figure and no final accounts: not yet
        (None, "2000000.00", Status.NOT_APPLICABLE),
        ("0.00", "0.01", Status.NOTICE),
    ],
)
def test_overrun_without_a_threshold(budget: str | None, actual: str | None, status: Status) -> None:
    assert overrun(budget, actual).status is status


def test_without_a_figure_after_the_final_accounts_the_overrun_is_undetermined() -> None:
    finding = overrun(
        "2000000.00", None, acceptance={"passed": "2025-05-10", "final_accounts_submitted": "2025-08-01"}
    )
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == ("implementation.actual_expenditure",)


def test_any_overrun_of_a_zero_budget_is_serious() -> None:
    finding = overrun("0.00", "0.01", "50", cause=True)
    assert finding.status is Status.FAILS
    assert "—" in finding.note_zh


# --- point 4: the latest approved 概算 ---------------------------------------------------------------------------

REAPPROVED = {
    "requested": "2025-05-06",
    "amount": "150000.00",
    "total_after": "1050000.00",
    "goals_unchanged": True,
    "reapproved": "2025-06-20",
}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2025, 6, 19), Status.FAILS),  # before the re-approval: 1,000,000 is the 概算, 5% over
        (date(2025, 6, 20), Status.HOLDS),  # from the re-approval: 1,050,000 is, within it
    ],
)
def test_the_overrun_is_measured_against_the_latest_approved_budget(as_of: date, status: Status) -> None:
    finding = evaluate(
        {
            **BASE,
            "approval": {"approved": "2025-03-10", "approved_budget": "1000000.00"},
            "implementation": {
                "actual_expenditure": "1050000.00",
                "expenditure_as_of": "2025-06-01",
                "adjustments": [REAPPROVED],
            },
            "supervision": {"overrun_from_mismanagement_or_fraud": True},
        },
        as_of=as_of,
        interpretation=Interpretation(serious_overrun_percent=Decimal("3")),
    ).finding("art37.cost_overrun")
    assert finding.status is status
    if status is Status.HOLDS:
        assert "重新报批获批后的概算 1050000.00 元为准" in finding.note_zh
        assert [c.fact for c in finding.checks] == [
            "implementation.adjustments[0].reapproved",
            "implementation.actual_expenditure",
        ]


def test_the_latest_of_several_reapprovals_counts_and_a_missing_total_is_undetermined() -> None:
    second = {
        **REAPPROVED,
        "requested": "2025-07-01",
        "total_after": "1100000.00",
        "reapproved": "2025-07-20",
    }
    facts: dict[str, Any] = {
        "approval": {"approved": "2025-03-10", "approved_budget": "1000000.00"},
        "implementation": {"actual_expenditure": "1080000.00", "adjustments": [REAPPROVED, second]},
    }
    assert find("art37.cost_overrun", **facts).status is Status.HOLDS
    no_total = {**second, "total_after": None}
    facts["implementation"] = {"actual_expenditure": "1080000.00", "adjustments": [REAPPROVED, no_total]}
    finding = find("art37.cost_overrun", **facts)
    assert (finding.status, finding.missing) == (
        Status.UNDETERMINED,
        ("implementation.adjustments[1].total_after",),
    )


# --- point 11: 未履行审核审批程序 -------------------------------------------------------------------------------------


def skipped(
    as_of: date = AS_OF, interpretation: Interpretation | None = None, **facts: Any
) -> dict[str, Finding]:
    report = evaluate({**BASE, **facts}, as_of=as_of, interpretation=interpretation)
    return {f.subject or "": f for f in report.findings if f.rule == "art37.skipped_approval"}


@pytest.mark.parametrize(
    ("approval", "status"),
    [
        ({"approved": "2025-04-01", "approved_by": "data_bureau"}, Status.HOLDS),  # the day of the works
        ({"approved": "2025-04-02", "approved_by": "data_bureau"}, Status.FAILS),  # the day after
        ({"approved": "2025-03-01", "approved_by": "development_reform"}, Status.FAILS),  # not by 区数据局
        ({"approved": "2025-03-01"}, Status.UNDETERMINED),  # the approver not stated
        ({}, Status.FAILS),  # never approved
    ],
)
def test_works_without_the_approval_procedure_are_a_ground_of_accountability(
    approval: dict[str, str], status: Status
) -> None:
    found = skipped(approval=approval, implementation={"works_started": "2025-04-01"})
    assert found["works"].status is status
    assert found["funds"].status is Status.NOT_APPLICABLE
    if status is Status.FAILS:
        assert "由监管部门决定" in found["works"].note_zh
        assert found["works"].to == (Party.SUPERVISORS,)


def test_d17_option_makes_a_same_day_approval_too_late() -> None:
    option = Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)
    found = skipped(
        interpretation=option,
        approval={"approved": "2025-04-01", "approved_by": "data_bureau"},
        implementation={"funds_arranged": "2025-04-01"},
    )
    assert found["funds"].status is Status.FAILS
    assert "D17" in found["funds"].decisions


@pytest.mark.parametrize(
    ("funds", "status"), [("2025-05-31", Status.NOT_APPLICABLE), ("2025-06-01", Status.FAILS)]
)
def test_d13_the_skipped_approval_is_judged_on_the_day_of_the_act(funds: str, status: Status) -> None:
    found = skipped(interpretation=EFFECTIVE, implementation={"funds_arranged": funds})
    assert found["funds"].status is status


# --- the expenditure's date, and D13 for art. 36 and 37 ------------------------------------------------------------

EFFECTIVE = Interpretation(effective_date=date(2025, 6, 1), serious_overrun_percent=Decimal("10"))


def dated_overrun(as_of_figure: str | None, *, approved: str = "2025-03-10") -> Finding:
    return find(
        "art37.cost_overrun",
        interpretation=EFFECTIVE,
        approval={"approved": approved, "approved_budget": "2000000.00"},
        implementation={"actual_expenditure": "2300000.00", "expenditure_as_of": as_of_figure},
        supervision={"overrun_from_mismanagement_or_fraud": True},
    )


def test_an_expenditure_figure_dated_after_as_of_is_not_yet_known() -> None:
    finding = find(
        "art37.cost_overrun",
        approval={"approved_budget": "2000000.00"},
        implementation={"actual_expenditure": "2300000.00", "expenditure_as_of": "2025-10-21"},
    )
    assert finding.status is Status.NOT_APPLICABLE  # point 21: not yet, rather than undetermined
    assert "尚无从判断" in finding.note_zh


@pytest.mark.parametrize(
    ("as_of_figure", "status"),
    [
        ("2025-05-31", Status.NOT_APPLICABLE),  # the day before the effective date
        ("2025-06-01", Status.FAILS),  # the effective date itself is reached
    ],
)
def test_d13_the_overrun_is_judged_on_the_day_its_figure_is_as_of(as_of_figure: str, status: Status) -> None:
    finding = dated_overrun(as_of_figure)  # approved before the effective date: the figure's own date decides
    assert finding.status is status
    assert "D13" in finding.decisions
    if status is Status.NOT_APPLICABLE:
        context = [(c.fact, c.actual, c.role.value) for c in finding.checks]
        assert context == [("implementation.expenditure_as_of", date(2025, 5, 31), "context")]


@pytest.mark.parametrize(
    ("approved", "status"), [("2025-05-31", Status.NOT_APPLICABLE), ("2025-06-01", Status.FAILS)]
)
def test_d13_an_undated_overrun_is_judged_with_the_approval(approved: str, status: Status) -> None:
    assert dated_overrun(None, approved=approved).status is status


@pytest.mark.parametrize(
    ("withheld_on", "status", "missing"),
    [
        ("2025-05-31", Status.NOT_APPLICABLE, ()),
        ("2025-06-01", Status.FAILS, ()),
        (None, Status.UNDETERMINED, ("supervision.materials_withheld_on",)),  # cannot be placed
    ],
)
def test_d13_materials_withheld_are_judged_on_their_day(
    withheld_on: str | None, status: Status, missing: tuple[str, ...]
) -> None:
    finding = find(
        "art37.materials_truthful",
        interpretation=EFFECTIVE,
        supervision={"materials_withheld": True, "materials_withheld_on": withheld_on},
    )
    assert (finding.status, finding.missing) == (status, missing)


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        ({"approval": {"approved": "2025-05-31"}}, Status.NOT_APPLICABLE),
        ({"approval": {"approved": "2025-06-01"}}, Status.FAILS),
        # not yet approved: judged with the latest application
        ({"review": [{"received": "2025-05-31"}]}, Status.NOT_APPLICABLE),
        ({"review": [{"received": "2025-06-01"}]}, Status.FAILS),
    ],
)
def test_d13_information_sharing_is_judged_with_the_project_as_decided(
    facts: dict[str, Any], status: Status
) -> None:
    finding = find(
        "art36.information_sharing",
        interpretation=EFFECTIVE,
        supervision={"shared_on_platform": False},
        **facts,
    )
    assert finding.status is status
