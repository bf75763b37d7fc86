"""Every provision a rule encodes is exercised by the corpus both holding (met/holds) and failing (late/overdue/
fails); the matrix counts a case through the rules its expected findings name and through its provisions list."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinghu_policy.conformance import LoadedCase, coverage_gaps, coverage_matrix, load_corpus
from tinghu_policy.corpus import Case
from tinghu_policy.engine import catalogue, rule_by_id

MATRIX = coverage_matrix(load_corpus())
ENCODED = sorted({r.provision for r in catalogue()})


@pytest.mark.parametrize("provision", ENCODED)
def test_every_encoded_provision_has_a_holding_and_a_failing_case(provision: str) -> None:
    row = next(r for r in MATRIX if r.provision == provision)
    assert not row.gaps, f"{provision} (rules {', '.join(row.rules)}): {'; '.join(row.gaps)}"


def _case(provisions: list[str], expected: list[dict[str, object]]) -> LoadedCase:
    case = Case.model_validate(
        {
            "title": "测试",
            "provisions": provisions,
            "as_of": "2025-10-20",
            "project": {
                "id": "T-1",
                "name": "测试项目",
                "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
                "category": "software_development",
            },
            "expected": expected,
        }
    )
    return LoadedCase(f"synthetic/{len(expected)}-{provisions[0]}", Path("synthetic.yaml"), case)


def test_a_case_counts_through_its_expected_rules_and_its_provisions_list() -> None:
    rule = rule_by_id("art11.initial_opinion")
    holding = _case(["art11.p1.i1"], [{"rule": rule.id, "status": "met"}])
    failing = _case(
        ["art11.p1.i2"], [{"rule": rule.id, "status": "late"}, {"rule": rule.id, "status": "pending"}]
    )
    matrix = {row.provision: row for row in coverage_matrix([holding, failing])}
    row = matrix[rule.provision]
    assert row.holding == [holding.id]
    assert row.failing == [failing.id]
    assert row.statuses[rule.id] == {"met", "late", "pending"}
    assert matrix["art11.p1.i1"].other == [holding.id]
    assert coverage_gaps([row]) == {}


def test_a_provision_seen_only_pending_has_both_gaps() -> None:
    rule = rule_by_id("art11.joint_evaluation")
    pending = _case([rule.provision], [{"rule": rule.id, "status": "pending"}])
    row = next(r for r in coverage_matrix([pending]) if r.provision == rule.provision)
    assert row.other == [pending.id]
    assert coverage_gaps([row]) == {
        rule.provision: ("no holding case (met/holds)", "no failing case (late/overdue/fails, or a notice)")
    }
