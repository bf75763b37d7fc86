"""Art. 26: adjustments within the budget, goals unchanged, at most 10%, on a listed ground; otherwise para. 2."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import Adjustment
from tinghu_policy.interpretation import Interpretation, SameDayPrecedence
from tinghu_policy.rules.art26_adjustments import share_note

BASE: dict[str, Any] = {
    "id": "TH-T-26",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}
ROUTE = "art26.adjustment_route"
GROUND_RULES = {
    "law_or_policy": "art26.ground_law_or_policy",
    "technical_optimisation": "art26.ground_technical_optimisation",
    "business_need": "art26.ground_business_need",
}
OK = {
    "requested": "2025-06-16",
    "amount": "50000.00",
    "total_after": "1000000.00",
    "goals_unchanged": True,
    "ground": "technical_optimisation",
}


def run(
    *adjustments: dict[str, Any], budget: str | None = "1000000.00", as_of: date = date(2025, 9, 1)
) -> Report:
    facts = {
        **BASE,
        "approval": {"approved_budget": budget},
        "implementation": {"adjustments": list(adjustments)},
    }
    return evaluate(facts, as_of=as_of)


def reviewed(steps: dict[str, str]) -> dict[str, Any]:
    """``steps`` with each review date as a review that approved the adjustment."""
    return {
        name: {"day": value, "outcome": "approved"} if name.startswith("reviewed_by_") else value
        for name, value in steps.items()
    }


def route(amount: Decimal, budget: Decimal) -> Status:
    report = run({**OK, "amount": str(amount), "total_after": str(budget)}, budget=str(budget))
    return report.finding(ROUTE, "adjustment 1").status


def yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


# --- the 10% threshold (不超过 includes the limit) ---------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**13))
def test_exactly_ten_percent_passes_and_one_fen_more_fails(tenth_in_fen: int) -> None:
    budget = yuan(tenth_in_fen * 10)  # a budget whose 10% is a whole number of fen
    ten_percent = yuan(tenth_in_fen)
    assert route(ten_percent, budget) is Status.HOLDS
    assert route(ten_percent + Decimal("0.01"), budget) is Status.FAILS
    assert route(ten_percent - Decimal("0.01"), budget) is Status.HOLDS


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**14))
def test_largest_passing_amount_for_any_budget(budget_fen: int) -> None:
    largest = budget_fen // 10  # integer oracle: 10 × amount ≤ budget, in fen
    assert route(yuan(largest), yuan(budget_fen)) is Status.HOLDS
    assert route(yuan(largest + 1), yuan(budget_fen)) is Status.FAILS


@pytest.mark.parametrize(
    ("amount", "budget", "shown"),
    [
        ("100000.00", "1000000.00", "占概算总投资 1000000.00 元的10.00%，不超过10%（10%为 100000.00 元）"),
        ("100000.01", "1000000.00", "的约10.00%，超过10%（10%为 100000.00 元）"),
        ("99999.99", "1000000.00", "的约10.00%，不超过10%"),
        ("123456.79", "1234567.89", "的约10.00%，超过10%（10%为 123456.789 元）"),
        ("80000.00", "1000000.00", "的8.00%，不超过10%"),
    ],
)
def test_the_percentage_is_shown_to_two_decimals_without_lying(amount: str, budget: str, shown: str) -> None:
    note_zh, _ = share_note(Decimal(amount), Decimal(budget))
    assert shown in note_zh


def test_a_zero_budget_has_no_percentage() -> None:
    assert "无法计算比例" in share_note(Decimal("0.00"), Decimal("0.00"))[0]


# --- the other conditions and the grounds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "failed_fact"),
    [
        ({"total_after": "1000000.01"}, "total_after"),
        ({"goals_unchanged": False}, "goals_unchanged"),
        ({"amount": "100000.01"}, "amount"),
        ({"ground": None}, "ground"),
        ({"ground": "business_need", "within_approved_plan": False}, "within_approved_plan"),
    ],
)
def test_each_condition_closes_the_route(change: dict[str, Any], failed_fact: str) -> None:
    finding = run({**OK, **change}).finding(ROUTE, "adjustment 1")
    assert finding.status is Status.FAILS
    # D31 cumulative (default): the amount check names the list whose running total it shows
    fact = (
        "implementation.adjustments"
        if failed_fact == "amount"
        else f"implementation.adjustments[0].{failed_fact}"
    )
    assert [c.fact for c in finding.checks if c.ok is False] == [fact]


@pytest.mark.parametrize("ground", sorted(GROUND_RULES))
def test_only_the_claimed_ground_finds(ground: str) -> None:
    extra: dict[str, dict[str, Any]] = {
        "law_or_policy": {"basis": "省级工作部署"},
        "business_need": {"within_approved_plan": True},
    }
    report = run({**OK, "ground": ground, **extra.get(ground, {})})
    for name, rule in GROUND_RULES.items():
        expected = Status.HOLDS if name == ground else Status.NOT_APPLICABLE
        assert report.finding(rule, "adjustment 1").status is expected


def test_ground_one_without_a_basis_is_undetermined() -> None:
    report = run({**OK, "ground": "law_or_policy"})
    for rule in (ROUTE, GROUND_RULES["law_or_policy"]):
        finding = report.finding(rule, "adjustment 1")
        assert finding.status is Status.UNDETERMINED
        assert finding.missing == ("implementation.adjustments[0].basis",)


def test_missing_budget_leaves_every_finding_undetermined() -> None:
    report = run(OK, budget=None)
    for rule in (ROUTE, GROUND_RULES["technical_optimisation"], "art26.general_rules"):
        finding = report.finding(rule, "adjustment 1")
        assert finding.status is Status.UNDETERMINED
        assert finding.missing == ("approval.approved_budget",)


def test_no_adjustment_no_finding_per_subject() -> None:
    report = run({**OK, "requested": "2025-10-01"})
    assert [(f.subject, f.status) for f in report.findings if f.rule == ROUTE] == [
        (None, Status.NOT_APPLICABLE)
    ]


# --- the review (para. 1) and the general rules (para. 2) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "status"),
    [
        ({}, Status.PENDING),
        ({"reviewed_by_data_bureau": "2025-07-01"}, Status.PENDING),
        # both passed, not adjusted yet: the filing is a separate duty (art26.adjustment_filing)
        ({"reviewed_by_data_bureau": "2025-07-01", "reviewed_by_finance": "2025-07-03"}, Status.HOLDS),
        (
            {
                "reviewed_by_data_bureau": "2025-07-01",
                "reviewed_by_finance": "2025-07-03",
                "adjusted": "2025-07-03",
            },
            Status.HOLDS,
        ),
        ({"reviewed_by_data_bureau": "2025-07-01", "adjusted": "2025-07-02"}, Status.FAILS),
        (
            {
                "reviewed_by_data_bureau": "2025-07-01",
                "reviewed_by_finance": "2025-07-10",
                "adjusted": "2025-07-05",
            },
            Status.FAILS,
        ),
    ],
)
def test_review_before_adjusting(steps: dict[str, str], status: Status) -> None:
    assert run({**OK, **reviewed(steps)}).finding("art26.adjustment_review", "adjustment 1").status is status


def test_the_review_note_says_whether_the_adjustment_was_made() -> None:
    """Before this change the note said "审核通过后调整" for an adjustment never made."""
    steps = {"reviewed_by_data_bureau": "2025-07-01", "reviewed_by_finance": "2025-07-03"}
    waiting = run({**OK, **reviewed(steps)}).finding("art26.adjustment_review", "adjustment 1")
    assert "尚未实施调整" in waiting.note_zh
    made = run({**OK, **reviewed({**steps, "adjusted": "2025-07-04"})}).finding(
        "art26.adjustment_review", "adjustment 1"
    )
    assert "于2025-07-04调整" in made.note_zh


FILING = "art26.adjustment_filing"
PASSED = reviewed({"reviewed_by_data_bureau": "2025-07-01", "reviewed_by_finance": "2025-07-03"})


@pytest.mark.parametrize(
    ("steps", "as_of", "status", "due"),
    [
        ({}, date(2025, 9, 1), Status.NOT_APPLICABLE, None),  # not adjusted: nothing due yet
        ({"filed_with_development_reform": "2025-07-02"}, date(2025, 9, 1), Status.HOLDS, None),
        (
            {"adjusted": "2025-07-04", "filed_with_development_reform": "2025-07-02"},
            date(2025, 9, 1),
            Status.MET,
            date(2025, 7, 4),
        ),
        (
            {"adjusted": "2025-07-04", "filed_with_development_reform": "2025-07-04"},
            date(2025, 9, 1),
            Status.MET,
            date(2025, 7, 4),
        ),
        (
            {"adjusted": "2025-07-04", "filed_with_development_reform": "2025-07-05"},
            date(2025, 9, 1),
            Status.LATE,
            date(2025, 7, 4),
        ),
        ({"adjusted": "2025-07-04"}, date(2025, 7, 4), Status.PENDING, date(2025, 7, 4)),
        ({"adjusted": "2025-07-04"}, date(2025, 7, 5), Status.OVERDUE, date(2025, 7, 4)),
    ],
)
def test_the_filing_is_due_no_later_than_the_adjustment(
    steps: dict[str, str], as_of: date, status: Status, due: date | None
) -> None:
    """Before this change a filing 17 months late held, and one never made was pending forever."""
    finding = run({**OK, **PASSED, **steps}, as_of=as_of).finding(FILING, "adjustment 1")
    assert (finding.status, finding.due) == (status, due)


@pytest.mark.parametrize(
    "interpretation", [None, Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)]
)
def test_a_filing_on_the_day_of_the_adjustment_is_in_time_under_either_d17_reading(
    interpretation: Interpretation | None,
) -> None:
    same_day = {**OK, **PASSED, "adjusted": "2025-07-04", "filed_with_development_reform": "2025-07-04"}
    assert interpreted(same_day, interpretation).finding(FILING, "adjustment 1").status is Status.MET


def test_the_filing_applies_only_on_the_route() -> None:
    off = run({**OK, "goals_unchanged": False, "adjusted": "2025-07-04"}).finding(FILING, "adjustment 1")
    assert off.status is Status.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("finance", "status", "missing"),
    [
        ({"day": "2025-07-01", "outcome": "approved"}, Status.HOLDS, ()),
        ({"day": "2025-07-01", "outcome": "rejected"}, Status.FAILS, ()),
        (
            {"day": "2025-07-01"},
            Status.UNDETERMINED,
            ("implementation.adjustments[0].reviewed_by_finance.outcome",),
        ),
    ],
)
def test_only_a_review_that_approves_counts_as_reviewed(
    finance: dict[str, str], status: Status, missing: tuple[str, ...]
) -> None:
    steps = {
        "reviewed_by_data_bureau": {"day": "2025-07-01", "outcome": "approved"},
        "reviewed_by_finance": finance,
        "adjusted": "2025-07-03",
        "filed_with_development_reform": "2025-07-04",
    }
    finding = run({**OK, **steps}).finding("art26.adjustment_review", "adjustment 1")
    assert (finding.status, finding.missing) == (status, missing)


@pytest.mark.parametrize(
    ("steps", "status"),
    [
        ({}, Status.PENDING),
        ({"reapproved": "2025-08-01"}, Status.HOLDS),
        ({"reapproved": "2025-08-01", "adjusted": "2025-08-01"}, Status.HOLDS),
        ({"reapproved": "2025-08-02", "adjusted": "2025-08-01"}, Status.FAILS),
        ({"adjusted": "2025-08-01"}, Status.FAILS),
    ],
)
def test_off_the_route_a_new_approval_comes_first(steps: dict[str, str], status: Status) -> None:
    report = run({**OK, "goals_unchanged": False, **steps})
    assert report.finding("art26.general_rules", "adjustment 1").status is status
    assert report.finding("art26.adjustment_review", "adjustment 1").status is Status.NOT_APPLICABLE


def test_on_the_route_the_general_rules_do_not_apply() -> None:
    assert run(OK).finding("art26.general_rules", "adjustment 1").status is Status.NOT_APPLICABLE


def test_nothing_happens_before_the_request() -> None:
    with pytest.raises(ValidationError, match="reviewed_by_finance"):
        Adjustment.model_validate({**OK, **reviewed({"reviewed_by_finance": "2025-06-15"})})


# --- D17: a review or new approval on the day of the adjustment ------------------------------------------------

EARLIER_DAY = Interpretation(same_day_precedence=SameDayPrecedence.EARLIER_DAY)


def interpreted(adjustment: dict[str, Any], interpretation: Interpretation | None) -> Report:
    facts = {
        **BASE,
        "approval": {"approved_budget": "1000000.00"},
        "implementation": {"adjustments": [adjustment]},
    }
    return evaluate(facts, as_of=date(2025, 9, 1), interpretation=interpretation)


@pytest.mark.parametrize(("interpretation", "status"), [(None, Status.HOLDS), (EARLIER_DAY, Status.FAILS)])
def test_d17_reviews_on_the_day_of_the_adjustment(
    interpretation: Interpretation | None, status: Status
) -> None:
    same_day = {
        **OK,
        **reviewed(
            {
                "reviewed_by_data_bureau": "2025-07-01",
                "reviewed_by_finance": "2025-07-01",
                "adjusted": "2025-07-01",
                "filed_with_development_reform": "2025-07-03",
            }
        ),
    }
    assert (
        interpreted(same_day, interpretation).finding("art26.adjustment_review", "adjustment 1").status
        is status
    )


@pytest.mark.parametrize(("interpretation", "status"), [(None, Status.HOLDS), (EARLIER_DAY, Status.FAILS)])
def test_d17_a_new_approval_on_the_day_of_the_adjustment(
    interpretation: Interpretation | None, status: Status
) -> None:
    same_day = {**OK, "goals_unchanged": False, "reapproved": "2025-08-01", "adjusted": "2025-08-01"}
    assert (
        interpreted(same_day, interpretation).finding("art26.general_rules", "adjustment 1").status is status
    )


# --- D31: the running total (default), or each adjustment ----------------------------------------------------------

EACH = Interpretation(adjustment_limit_basis="each_adjustment")
CARRIED_OUT = reviewed(
    {"reviewed_by_data_bureau": "2025-08-01", "reviewed_by_finance": "2025-08-01", "adjusted": "2025-08-04"}
)


def several(*adjustments: dict[str, Any]) -> dict[str, Any]:
    return {
        **BASE,
        "approval": {"approved_budget": "1000000.00"},
        "implementation": {"adjustments": list(adjustments)},
    }


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=150_000_00), st.booleans(), st.booleans()),
        min_size=1,
        max_size=5,
    )
)
def test_the_ten_percent_limit_measures_the_running_total_or_each_adjustment(
    adjustments: list[tuple[int, bool, bool]],
) -> None:
    """Budget 1,000,000.00 (10% = 10,000,000 fen). By default (D31 cumulative) this adjustment's amount and those of
    the earlier ones carried out since the last re-approval; with ``each_adjustment`` its own. An oracle adding the
    amounts one at a time: a re-approval (which keeps the total at 1,000,000.00) restarts the count."""
    listed = []
    for n, (fen, carried_out, reapproved) in enumerate(adjustments):
        adjustment: dict[str, Any] = {**OK, "requested": f"2025-06-{10 + n:02d}", "amount": str(yuan(fen))}
        if carried_out:
            adjustment.update(CARRIED_OUT)
        if reapproved:
            adjustment["reapproved"] = "2025-08-02"
        listed.append(adjustment)
    facts = several(*listed)
    cumulative = evaluate(facts, as_of=date(2025, 9, 1))
    each = evaluate(facts, as_of=date(2025, 9, 1), interpretation=EACH)
    running = 0
    for n, (fen, carried_out, reapproved) in enumerate(adjustments):
        subject = f"adjustment {n + 1}"
        total_ok = running + fen <= 100_000_00
        assert each.finding(ROUTE, subject).status is (Status.HOLDS if fen <= 100_000_00 else Status.FAILS)
        assert cumulative.finding(ROUTE, subject).status is (Status.HOLDS if total_ok else Status.FAILS)
        off_route = Status.HOLDS if reapproved else Status.FAILS if carried_out else Status.PENDING
        assert cumulative.finding("art26.general_rules", subject).status is (
            Status.NOT_APPLICABLE if total_ok else off_route
        )
        running = 0 if reapproved else running + (fen if carried_out else 0)


def test_an_adjustment_only_requested_does_not_count_in_the_total() -> None:
    """Before this change every adjustment requested by as_of was added up, carried out or not."""
    first = {**OK, "amount": "60000.00"}
    second = {**OK, "requested": "2025-08-20", "amount": "40000.01"}
    report = evaluate(several(first, second), as_of=date(2025, 9, 1))
    assert report.finding(ROUTE, "adjustment 2").status is Status.HOLDS  # 40,000.01 alone
    carried = evaluate(several({**first, **CARRIED_OUT}, second), as_of=date(2025, 9, 1))
    assert carried.finding(ROUTE, "adjustment 2").status is Status.FAILS  # 100,000.01 in total
    not_yet = evaluate(
        several({**first, **CARRIED_OUT}, second), as_of=date(2025, 8, 20)
    )  # carried out 08-04
    assert not_yet.finding(ROUTE, "adjustment 2").status is Status.FAILS
    before = evaluate(
        several({**first, **CARRIED_OUT}, {**second, "requested": "2025-08-02"}), as_of=date(2025, 8, 3)
    )
    assert (
        before.finding(ROUTE, "adjustment 2").status is Status.HOLDS
    )  # the first not yet carried out on 08-03


def test_a_re_approval_restarts_the_count_and_sets_the_total() -> None:
    """Before this change the count ran on across a re-approval and the 10% was of the first approval."""
    anew = {
        **OK,
        "amount": "150000.00",
        "total_after": "1200000.00",
        "goals_unchanged": False,
        "reapproved": "2025-07-20",
        "adjusted": "2025-07-25",
    }
    later = {**OK, "requested": "2025-08-11", "amount": "120000.00", "total_after": "1200000.00"}
    report = evaluate(several(anew, later), as_of=date(2025, 9, 1))
    finding = report.finding(ROUTE, "adjustment 2")
    assert finding.status is Status.HOLDS  # 120,000.00 = 10% of 1,200,000.00, counted afresh
    assert "第1项调整重新报批" in finding.note_zh
    amount = next(c for c in finding.checks if c.fact == "implementation.adjustments")
    assert (amount.actual, amount.required) == (Decimal("120000.00"), Decimal("120000.00"))
    assert "自第1项调整重新报批后起算" in amount.label_zh
    over = evaluate(several(anew, {**later, "amount": "120000.01"}), as_of=date(2025, 9, 1))
    assert over.finding(ROUTE, "adjustment 2").status is Status.FAILS
    missing = evaluate(several({**anew, "total_after": None}, later), as_of=date(2025, 9, 1))
    found = missing.finding(ROUTE, "adjustment 2")
    assert (found.status, found.missing) == (
        Status.UNDETERMINED,
        ("implementation.adjustments[0].total_after",),
    )


def test_a_cumulative_check_names_the_adjustments_it_adds_up() -> None:
    steps = [
        {**OK, **CARRIED_OUT, "requested": f"2025-06-{day}", "amount": "30000.00"} for day in (10, 11, 12)
    ]
    report = evaluate(several(*steps), as_of=date(2025, 9, 1))
    for n, (total, earlier) in enumerate((("30000.00", 0), ("60000.00", 1), ("90000.00", 2)), 1):
        finding = report.finding(ROUTE, f"adjustment {n}")
        amount = next(c for c in finding.checks if c.fact == "implementation.adjustments")
        assert amount.actual == Decimal(total)
        assert f"本次及此前已实施的{earlier}次" in amount.label_zh
        assert f"this and {earlier} earlier carried out" in amount.label_en
        assert f"本次及此前已实施的{earlier}次调整累计资金调整数额（D31） {total} 元" in finding.note_zh


def test_the_total_in_force_is_the_latest_re_approval_by_date_not_by_place_in_the_list() -> None:
    """Adjustment 1 is approved anew on 2025-07-30 (total 1,200,000.00), after adjustment 2 on 2025-07-20 (total
    1,100,000.00): the approval in force when adjustment 3 is requested is the later one. Art. 26(1) 投资规模未超出
    概算批复 and 不超过概算总投资10% are measured against that approved total."""
    first = {
        **OK,
        "requested": "2025-06-10",
        "amount": "150000.00",
        "total_after": "1200000.00",
        "goals_unchanged": False,
        "reapproved": "2025-07-30",
    }
    second = {
        **OK,
        "requested": "2025-06-20",
        "amount": "100000.00",
        "total_after": "1100000.00",
        "goals_unchanged": False,
        "reapproved": "2025-07-20",
    }
    third = {**OK, "requested": "2025-08-11", "amount": "120000.00", "total_after": "1200000.00"}
    finding = evaluate(several(first, second, third), as_of=date(2025, 9, 1)).finding(ROUTE, "adjustment 3")
    assert finding.status is Status.HOLDS  # 1,200,000.00 within 1,200,000.00; 120,000.00 = its 10%
    total = next(c for c in finding.checks if c.fact == "implementation.adjustments[2].total_after")
    assert (total.required, total.actual, total.ok) == (Decimal("1200000.00"), Decimal("1200000.00"), True)
    amount = next(c for c in finding.checks if c.fact == "implementation.adjustments")
    assert (amount.required, amount.actual) == (Decimal("120000.00"), Decimal("120000.00"))
    assert "概算总投资按第1项调整重新报批的1200000.00元计" in finding.note_zh
