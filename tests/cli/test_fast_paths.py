"""The engine's fast paths (used on every evaluation) give exactly what the slow ones give."""

from __future__ import annotations

from datetime import date
from typing import Any

from tinghu_policy.engine import Check, CheckRole, Finding, Relation, Status
from tinghu_policy.engine.context import _explained
from tinghu_policy.engine.findings import built
from tinghu_policy.interpretation import DEFAULT_INTERPRETATION
from tinghu_policy.parties import Party
from tinghu_policy.periods import Months, WorkCalendar, WorkingDays, YearEnd, deadline, period_limit, year_end


def test_built_is_model_construct() -> None:
    check: dict[str, Any] = {
        "provision": "art27.p4",
        "fact": "acceptance.final_accounts_submitted",
        "label_zh": "编报竣工财务决算",
        "label_en": "final accounts submitted",
        "relation": Relation.ON_OR_BEFORE,
        "required": date(2026, 2, 28),
        "actual": None,
        "ok": None,
        "role": CheckRole.REQUIREMENT,
    }
    fast, slow = built(Check, dict(check)), Check.model_construct(**check)
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    finding: dict[str, Any] = {
        "rule": "art27.final_accounts",
        "provision": "art27.p4",
        "subject": None,
        "status": Status.OVERDUE,
        "due": date(2026, 2, 28),
        "owed_by": Party.PROJECT_UNIT,
        "to": (Party.FINANCE_BUREAU,),
        "checks": (fast,),
        "missing": (),
        "note_zh": "起算",
        "note_en": "from",
        "provisional": False,
        "estimated_years": (),
        "decisions": ("D1", "D7"),
    }
    assert (
        built(Finding, dict(finding)).model_dump_json()
        == Finding.model_construct(**finding).model_dump_json()
    )


def test_explained_deadlines_are_the_deadlines_and_their_explanations() -> None:
    calendar = WorkCalendar.default()
    for start, period in ((date(2024, 9, 27), WorkingDays(5)), (date(2025, 11, 28), Months(3))):
        limit = deadline(start, period, calendar=calendar)
        cached, zh, en = _explained(start, period, calendar, DEFAULT_INTERPRETATION)
        assert cached == limit
        assert (zh, en) == (limit.explanation_zh, limit.explanation_en)
        assert _explained(start, period, calendar, DEFAULT_INTERPRETATION)[0] is cached  # kept


def test_explained_limits_and_year_ends_are_the_uncached_ones() -> None:
    calendar = WorkCalendar.default()
    for start in (date(2025, 4, 4), date(2025, 3, 31), date(2025, 5, 31)):
        limit = period_limit(start, Months(6), calendar=calendar)
        cached, zh, en = _explained(start, Months(6), calendar, DEFAULT_INTERPRETATION, limit=True)
        assert cached == limit
        assert (zh, en) == (limit.explanation_zh, limit.explanation_en)
    # 2025-10-04 (National Day holiday) is the limit day itself; the deadline of the same period rolls to 10-09
    assert _explained(
        date(2025, 4, 4), Months(6), calendar, DEFAULT_INTERPRETATION, limit=True
    ).deadline.due == date(2025, 10, 4)
    assert _explained(date(2025, 4, 4), Months(6), calendar, DEFAULT_INTERPRETATION).deadline.due == date(
        2025, 10, 9
    )
    for year in (2023, 2025):
        end = year_end(year, calendar=calendar)
        cached, zh, en = _explained(date(year, 1, 1), YearEnd(year), calendar, DEFAULT_INTERPRETATION)
        assert cached == end
        assert (zh, en) == (end.explanation_zh, end.explanation_en)
