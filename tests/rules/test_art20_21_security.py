"""Art. 20, 21: security, cryptography, electronic records and secrecy, checked once works have started."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.interpretation import ImplementationStart, Interpretation

BASE: dict[str, Any] = {
    "id": "TH-T-20",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}
ALL_TRUE = {
    "security_management_system": True,
    "security_measures_synchronised": True,
    "periodic_security_testing": True,
    "cryptography_plan": True,
    "cryptography_synchronised": True,
    "electronic_records_synchronised": True,
    "secrecy_protection_plan": True,
}
RULE_OF = {
    "security_management_system": "art20.network_security",
    "security_measures_synchronised": "art20.network_security",
    "periodic_security_testing": "art20.network_security",
    "cryptography_plan": "art21.cryptography",
    "cryptography_synchronised": "art21.cryptography",
    "electronic_records_synchronised": "art21.electronic_records",
    "secrecy_protection_plan": "art21.secrecy_protection",
}


def run(
    security: dict[str, Any], *, works_started: str | None = "2025-04-07", classified: bool = True
) -> Report:
    implementation = {"works_started": works_started, "security": security}
    facts = {**BASE, "classified": classified, "implementation": implementation}
    return evaluate(facts, as_of=date(2025, 9, 30))


def test_all_measures_in_place_hold() -> None:
    report = run(ALL_TRUE)
    for rule in set(RULE_OF.values()):
        assert report.finding(rule).status is Status.HOLDS, rule


@pytest.mark.parametrize("fact", sorted(RULE_OF))
def test_each_measure_missing_fails_its_rule_only(fact: str) -> None:
    report = run({**ALL_TRUE, fact: False})
    finding = report.finding(RULE_OF[fact])
    assert finding.status is Status.FAILS
    assert [c.fact for c in finding.checks if c.ok is False] == [f"implementation.security.{fact}"]
    for rule in set(RULE_OF.values()) - {RULE_OF[fact]}:
        assert report.finding(rule).status is Status.HOLDS, rule


@pytest.mark.parametrize("fact", sorted(RULE_OF))
def test_an_unassessed_measure_is_undetermined_and_named(fact: str) -> None:
    security = {k: v for k, v in ALL_TRUE.items() if k != fact}
    finding = run(security).finding(RULE_OF[fact])
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == (f"implementation.security.{fact}",)


@pytest.mark.parametrize("works_started", [None, "2025-10-09"])
def test_nothing_applies_before_works_start(works_started: str | None) -> None:
    report = run(dict.fromkeys(ALL_TRUE, False), works_started=works_started)
    for rule in set(RULE_OF.values()):
        assert report.finding(rule).status is Status.NOT_APPLICABLE, rule


def test_secrecy_plan_only_for_classified_projects() -> None:
    report = run({**ALL_TRUE, "secrecy_protection_plan": False}, classified=False)
    assert report.finding("art21.secrecy_protection").status is Status.NOT_APPLICABLE
    assert (
        run({**ALL_TRUE, "secrecy_protection_plan": False}).finding("art21.secrecy_protection").status
        is Status.FAILS
    )


# --- D24: when each duty begins ----------------------------------------------------------------------------------

APPROVED_START = Interpretation(implementation_start=ImplementationStart.APPROVED)
WORKS_START = Interpretation(implementation_start=ImplementationStart.WORKS_STARTED)


@pytest.mark.parametrize(
    ("approved", "works_started", "by_duty", "works", "approval"),
    [
        # approved, works not started: by duty the plan is owed (and missing); under the others all or nothing
        ("2025-03-14", None, Status.FAILS, Status.NOT_APPLICABLE, Status.FAILS),
        # works without a recorded approval: the planning duty is not spared for want of an approval
        (None, "2025-04-07", Status.FAILS, Status.FAILS, Status.NOT_APPLICABLE),
        ("2025-03-14", "2025-04-07", Status.FAILS, Status.FAILS, Status.FAILS),
        (
            "2025-10-09",
            None,
            Status.NOT_APPLICABLE,
            Status.NOT_APPLICABLE,
            Status.NOT_APPLICABLE,
        ),  # after as_of
    ],
)
def test_d24_the_plan_is_owed_from_the_approval_by_default(
    approved: str | None, works_started: str | None, by_duty: Status, works: Status, approval: Status
) -> None:
    facts = {
        **BASE,
        "classified": True,
        "approval": {"approved": approved},
        "implementation": {
            "works_started": works_started,
            "security": {**ALL_TRUE, "cryptography_plan": False},
        },
    }
    for interpretation, expected in ((None, by_duty), (WORKS_START, works), (APPROVED_START, approval)):
        report = evaluate(facts, as_of=date(2025, 9, 30), interpretation=interpretation)
        assert report.finding("art21.cryptography").status is expected
        assert report.finding("art20.network_security").status in {Status.HOLDS, Status.NOT_APPLICABLE}


@pytest.mark.parametrize(
    ("security", "status", "shown"),
    [
        (
            {"cryptography_plan": True, "cryptography_synchronised": False},
            Status.HOLDS,
            ["cryptography_plan"],
        ),
        (
            {"cryptography_plan": False, "cryptography_synchronised": True},
            Status.FAILS,
            ["cryptography_plan"],
        ),
        ({"cryptography_synchronised": True}, Status.UNDETERMINED, ["cryptography_plan"]),
    ],
)
def test_d24_by_duty_between_approval_and_works_only_the_plan_is_judged(
    security: dict[str, bool], status: Status, shown: list[str]
) -> None:
    facts = {**BASE, "approval": {"approved": "2025-03-14"}, "implementation": {"security": security}}
    finding = evaluate(facts, as_of=date(2025, 9, 30)).finding("art21.cryptography")
    assert finding.status is status
    assert [c.fact.rsplit(".", 1)[-1] for c in finding.checks] == shown
    assert "同步建设、同步运行和定期评估尚不适用" in finding.note_zh
    others = evaluate(facts, as_of=date(2025, 9, 30))
    for rule in ("art20.network_security", "art21.electronic_records"):
        assert others.finding(rule).status is Status.NOT_APPLICABLE, rule


def test_d24_by_duty_the_plan_runs_from_the_approval_for_d13() -> None:
    """Approved before the effective date, works after it: the plan is out of reach, the building is judged."""
    facts = {
        **BASE,
        "approval": {"approved": "2025-03-14"},
        "implementation": {
            "works_started": "2025-04-07",
            "security": {**ALL_TRUE, "cryptography_plan": False, "cryptography_synchronised": False},
        },
    }
    interpretation = Interpretation(effective_date=date(2025, 4, 1))
    finding = evaluate(facts, as_of=date(2025, 9, 30), interpretation=interpretation).finding(
        "art21.cryptography"
    )
    assert finding.status is Status.FAILS
    assert [(c.fact, c.role.value, c.ok) for c in finding.checks] == [
        ("approval.approved", "context", False),
        ("implementation.security.cryptography_synchronised", "requirement", False),
    ]
    assert "D13" in finding.note_zh
    both_before = evaluate(
        facts, as_of=date(2025, 9, 30), interpretation=Interpretation(effective_date=date(2025, 5, 1))
    )
    assert both_before.finding("art21.cryptography").status is Status.NOT_APPLICABLE


def test_d24_by_duty_not_yet_approved_nor_started_says_why() -> None:
    finding = evaluate({**BASE, "implementation": {}}, as_of=date(2025, 9, 30)).finding("art21.cryptography")
    assert finding.status is Status.NOT_APPLICABLE
    assert "D24 规划类义务自批复起" in finding.note_zh


# --- D13: judged on the day implementation began -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("effective", "status"),
    [
        (date(2025, 4, 7), Status.FAILS),  # works started on the effective date: reached
        (date(2025, 4, 8), Status.NOT_APPLICABLE),  # works started the day before it took effect
    ],
)
def test_d13_an_implementation_begun_before_the_effective_date_is_out_of_reach(
    effective: date, status: Status
) -> None:
    facts = {
        **BASE,
        "classified": True,
        "implementation": {"works_started": "2025-04-07", "security": dict.fromkeys(ALL_TRUE, False)},
    }
    report = evaluate(facts, as_of=date(2025, 9, 30), interpretation=Interpretation(effective_date=effective))
    for rule in set(RULE_OF.values()):
        finding = report.finding(rule)
        assert finding.status is status, rule
        assert "D13" in finding.decisions
        if status is Status.NOT_APPLICABLE:
            assert [(c.fact, c.role.value) for c in finding.checks] == [
                ("implementation.works_started", "context")
            ]
