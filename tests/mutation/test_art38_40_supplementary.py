"""Kills the surviving mutants of art38_40_supplementary.py: art. 40's verdict on the edge of ``as_of``, its count
and description of the facts before the effective date, its independence from the scope, and art. 39's notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from .support import finding

EFFECTIVE = {"effective_date": "2025-06-01"}
ROUND = {
    "received": "2025-05-10",
    "documents": ["request", "feasibility_study", "cost_assessment"],
    "initial_opinion": {"issued": "2025-05-20"},
    "revised": "2025-05-25",
    "sent_to_departments": "2025-05-28",
}


def test_a_fact_dated_on_as_of_is_known_and_counted() -> None:
    """as_of = effective date 2025-06-01: the receipt of that day is known and counted (1 fact, not before the
    effective date); the sending of 06-03 is not yet known."""
    found = finding(
        "art40.effective_date",
        as_of=date(2025, 6, 1),
        interpretation=EFFECTIVE,
        review=[{"received": "2025-06-01", "documents": ["request"], "sent_to_departments": "2025-06-03"}],
    )
    assert found.status == "holds"
    assert "none of the 1 dated facts known on as_of precedes it" in found.note_en
    assert "截至评估日的1项日期事实均不早于施行日期" in found.note_zh


def test_the_only_fact_before_the_effective_date_is_listed_not_ignored() -> None:
    found = finding(
        "art40.effective_date",
        as_of=date(2025, 6, 10),
        interpretation=EFFECTIVE,
        review=[{"received": "2025-05-31", "documents": ["request"]}],
    )
    assert found.status == "notice"
    assert [(c.fact, c.actual, c.role) for c in found.checks] == [
        ("review[0].received", date(2025, 5, 31), "context")
    ]
    assert "1 fact(s) precede it" in found.note_en


def test_each_earlier_fact_is_described_by_its_field_oldest_first() -> None:
    found = finding("art40.effective_date", as_of=date(2025, 6, 10), interpretation=EFFECTIVE, review=[ROUND])
    assert [c.fact for c in found.checks] == [
        "review[0].received",
        "review[0].initial_opinion.issued",
        "review[0].revised",
        "review[0].sent_to_departments",
    ]
    assert "区数据局接收到项目单位申请：2025-05-10（早于2025-06-01）" in found.explanation_zh
    assert "review[0].received: 2025-05-10 (before 2025-06-01)" in found.explanation_en


def test_art40_judges_a_project_outside_the_scope_too() -> None:
    municipal = {"name": "盐城市数据局", "level": "municipal", "kind": "party_government"}
    found = finding(
        "art40.effective_date",
        as_of=date(2025, 7, 1),
        interpretation=EFFECTIVE,
        owner=municipal,
        review=[ROUND],
    )
    assert found.status == "notice"


def test_a_social_capital_filing_not_yet_due_says_by_when() -> None:
    capital: dict[str, Any] = {
        "social_capital": {"filed_plan": True},
        "funding": [{"source": "social_capital", "amount": "1.00"}],
    }
    same_day = finding("art39.filing_before_works", **capital)
    assert same_day.status == "pending"
    assert "at the latest on the start day" in same_day.note_en
    day_before = finding(
        "art39.filing_before_works", **capital, interpretation={"same_day_precedence": "earlier_day"}
    )
    assert "at the latest the day before, D17" in day_before.note_en


def test_a_fact_on_the_effective_date_is_not_counted_as_before_it() -> None:
    """Effective 2025-06-01, as_of 06-10: received 05-10, opinion 05-20, revision 05-25, sending 05-28 are before it
    (4); a department opinion dated 06-01 itself is not."""
    opinions = {"department_opinions": {"finance_bureau": "2025-06-01"}}
    found = finding(
        "art40.effective_date",
        as_of=date(2025, 6, 10),
        interpretation=EFFECTIVE,
        review=[{**ROUND, **opinions}],
    )
    assert "4 fact(s) precede it" in found.note_en
    assert "review[0].department_opinions.finance_bureau" not in [c.fact for c in found.checks]


# kills art38_40_supplementary.py:205 core/ReplaceComparisonOperator_LtE_NotEq #0
def test_the_count_is_of_facts_known_on_as_of_including_that_day() -> None:
    """Effective 2025-06-01, as_of 2025-06-10: the receipt of 06-05 and the initial opinion of 06-10 (as_of itself)
    are known — 2 facts, none before the effective date; the revision of 06-15 and the sending of 06-20 are not yet
    known and not counted."""
    found = finding(
        "art40.effective_date",
        as_of=date(2025, 6, 10),
        interpretation=EFFECTIVE,
        review=[
            {
                "received": "2025-06-05",
                "documents": ["request"],
                "initial_opinion": {"issued": "2025-06-10"},
                "revised": "2025-06-15",
                "sent_to_departments": "2025-06-20",
            }
        ],
    )
    assert found.status == "holds"
    assert "none of the 2 dated facts known on as_of precedes it" in found.note_en
    assert "截至评估日的2项日期事实均不早于施行日期" in found.note_zh
