"""The Python API on malformed projects: a ValidationError naming the field, or (if the input is still valid) a
report; never another exception, a hang or a wrong answer."""

from __future__ import annotations

import contextlib
import math
import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy import Project, TinghuPolicyError, evaluate
from tinghu_policy.facts.base import LegalDate

from .strategies import FUZZ, SEEDS, Defect, count, defective, loc_names_defect

tried = count("api")
AS_OF = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 12, 31))


def _names_the_field(exc: ValidationError, defect: Defect) -> bool:
    named = str(defect.path[-1]) if defect.path else ""
    return any(
        loc_names_defect(tuple(e["loc"]), defect) or (named and named in e["msg"]) for e in exc.errors()
    )


@FUZZ
@given(defective(), AS_OF)
def test_a_malformed_project_is_refused_naming_the_field_or_evaluated(
    case: tuple[Any, Defect], as_of: date
) -> None:
    tried()
    data, defect = case
    refused: ValidationError | None = None
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        refused = exc
    if refused is not None:
        assert _names_the_field(refused, defect), f"{defect}: the error does not name the field:\n{refused}"
        return
    try:
        report = evaluate(project, as_of=as_of)
    except TinghuPolicyError:
        return  # e.g. a date beyond the calendar data: refused with a message naming the year
    report.to_json()


@FUZZ
@given(defective(), AS_OF)
def test_evaluate_validates_a_mapping_itself(case: tuple[Any, Defect], as_of: date) -> None:
    tried()
    data, _ = case
    with contextlib.suppress(ValidationError, TinghuPolicyError):
        evaluate(data, as_of=as_of)


@FUZZ
@given(st.sampled_from(SEEDS), st.one_of(st.none(), st.integers(), st.text(max_size=12), st.datetimes()))
def test_an_as_of_that_is_no_legal_date_is_refused(data: Any, as_of: Any) -> None:
    tried()
    with pytest.raises((TinghuPolicyError, ValidationError, TypeError)):
        evaluate(data, as_of=as_of)  # naive datetimes, strings, numbers and None are not dates (D14)


@pytest.mark.parametrize("as_of", [date(1, 1, 1), date(1900, 1, 1), date(2100, 12, 31), date(9999, 12, 31)])
def test_an_absurd_as_of_is_answered_or_refused_with_the_year(as_of: date) -> None:
    tried()
    for data in SEEDS[:: max(1, len(SEEDS) // 20)]:
        message = ""
        try:
            evaluate(data, as_of=as_of)
        except TinghuPolicyError as exc:
            message = str(exc)
        assert not message or str(as_of.year) in message, message


BASE = next(s for s in SEEDS if s.get("funding"))


@pytest.mark.parametrize(
    "amount",
    [
        "-0.01",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "0.001",
        -1,
        math.nan,
        math.inf,
        "12,000.00",
        "",
        None,
        True,
    ],
)
def test_a_bad_amount_is_refused_naming_the_amount(amount: Any) -> None:
    tried()
    data = BASE | {"funding": [{"source": "fiscal_budget", "amount": amount}]}
    with pytest.raises(ValidationError) as caught:
        Project.model_validate(data)
    assert [e["loc"][:3] for e in caught.value.errors()] == [("funding", 0, "amount")]


def test_an_amount_at_the_fen_is_exact() -> None:
    tried()
    project = Project.model_validate(BASE | {"funding": [{"source": "fiscal_budget", "amount": "0.10"}]})
    assert project.funding[0].amount == Decimal("0.10")


def _round(**facts: Any) -> dict[str, Any]:
    """The base project with one review round holding ``facts``."""
    return {**BASE, "review": [{"documents": ["request"], **facts}]}


@pytest.mark.parametrize(
    ("data", "named"),
    [
        # an opinion before the application
        (_round(received="2025-10-10", initial_opinion={"issued": "2025-10-09"}), "initial_opinion.issued"),
        (
            _round(received="2025-10-10", initial_opinion={"issued": "2025-10-11"}, revised="2025-10-10"),
            "revised",
        ),
        (
            _round(
                received="2025-10-10",
                initial_opinion={"issued": "2025-10-11", "received_by_unit": "2025-10-10"},
            ),
            "initial_opinion.received_by_unit",
        ),
        (
            _round(received="2025-10-10", panel_received="2025-10-20", expert_opinion="2025-10-19"),
            "expert_opinion",
        ),
        (_round(received="2025-10-10", final_opinion="2025-10-01"), "final_opinion"),
        # rounds out of order
        (
            BASE | {"review": [{"received": "2025-10-10"}, {"received": "2025-10-01"}]},
            "review[1].received",
        ),
        # acceptance before completion, final accounts before acceptance
        (BASE | {"acceptance": {"completed": "2025-06-30", "passed": "2025-06-29"}}, "passed"),
        (BASE | {"acceptance": {"completed": "2025-06-30", "applied": "2025-06-01"}}, "applied"),
        (
            BASE
            | {
                "acceptance": {
                    "completed": "2025-06-30",
                    "passed": "2025-07-30",
                    "final_accounts_submitted": "2025-07-01",
                }
            },
            "final_accounts_submitted",
        ),
        (BASE | {"acceptance": {"passed": "2025-07-30", "failed": ["2025-07-30"]}}, "also in failed"),
        (BASE | {"acceptance": {"passed": "2025-07-30", "failed": ["2025-08-30"]}}, "failed[0]"),
        (BASE | {"acceptance": {"failed": ["2025-08-30", "2025-07-30"]}}, "oldest first"),
        # an incident filed before it happened
        (
            BASE
            | {
                "implementation": {
                    "incidents": [
                        {
                            "kind": "major_change",
                            "occurred": "2025-05-05",
                            "filed_with_data_bureau": "2025-05-04",
                        }
                    ]
                }
            },
            "filed_with_data_bureau",
        ),
    ],
)
def test_an_impossible_order_of_events_is_refused_naming_both_facts(data: dict[str, Any], named: str) -> None:
    tried()
    with pytest.raises(ValidationError) as caught:
        Project.model_validate(data)
    assert named in str(caught.value)


@FUZZ
@given(
    st.dates(min_value=date(2004, 1, 2), max_value=date(2026, 12, 31)),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(
        (
            "initial_opinion",
            "returned",
            "sent_to_departments",
            "panel_received",
            "fiscal_review_report",
            "final_opinion",
        )
    ),
)
def test_any_answer_dated_before_the_application_is_refused(received: date, days: int, field: str) -> None:
    tried()
    earlier = received - timedelta(days=days)
    value: Any = {"issued": earlier.isoformat()} if field == "initial_opinion" else earlier.isoformat()
    with pytest.raises(ValidationError, match=field):
        Project.model_validate(_round(received=received.isoformat(), **{field: value}))


@FUZZ
@given(
    st.dates(min_value=date(2004, 1, 2), max_value=date(2026, 12, 31)),
    st.integers(min_value=1, max_value=400),
)
def test_any_acceptance_before_completion_is_refused(completed: date, days: int) -> None:
    tried()
    passed = completed - timedelta(days=days)
    with pytest.raises(ValidationError, match="passed"):
        Project.model_validate(
            BASE | {"acceptance": {"completed": completed.isoformat(), "passed": passed.isoformat()}}
        )


@pytest.mark.parametrize(
    "value", ["2025-10-01T10:00:00", "2025-10-01 10:00", 20251001, 1759284000, "2025/10/01", "十月一日", 0.5]
)
def test_a_value_that_is_no_legal_date_is_refused_not_guessed(value: Any) -> None:
    tried()
    from pydantic import TypeAdapter

    with pytest.raises(ValidationError):
        TypeAdapter(LegalDate).validate_python(value)


CROSS_ORDERS = [
    pytest.param(
        _round(received="2025-10-10", revised="2025-10-01"), "revised", id="revised-before-received"
    ),
    pytest.param(
        _round(received="2025-10-10", expert_opinion="2025-10-01"),
        "expert_opinion",
        id="expert-opinion-first",
    ),
    pytest.param(
        _round(received="2025-10-10", revised_after_evaluation="2025-10-01"),
        "revised_after_evaluation",
        id="revised-after-evaluation-first",
    ),
    pytest.param(
        _round(received="2025-10-10", department_opinions={"finance_bureau": "2025-10-01"}),
        "department_opinions.finance_bureau",
        id="department-opinion-before-received",
    ),
    pytest.param(
        {**BASE, "acceptance": {"completed": "2025-10-10", "failed": ["2025-01-01"]}},
        "failed[0]",
        id="acceptance-failed-before-completion",
    ),
    pytest.param(
        {
            **BASE,
            "implementation": {"works_started": "2025-10-10"},
            "acceptance": {"completed": "2025-01-01"},
        },
        "acceptance.completed",
        id="completed-before-works-started",
    ),
    pytest.param(
        {**BASE, "review": [{"received": "2025-10-10"}], "approval": {"approved": "2025-01-01"}},
        "approval.approved",
        id="approved-before-application",
    ),
]


@pytest.mark.parametrize(("data", "named"), CROSS_ORDERS)
def test_an_impossible_order_across_facts_not_given_side_by_side_is_refused(
    data: dict[str, Any], named: str
) -> None:
    """Not only neighbouring facts: an answer before the application is refused even when the facts between are
    not given (found by this suite and fixed in the facts)."""
    tried()
    with pytest.raises(ValidationError, match=re.escape(named)):
        Project.model_validate(data)
