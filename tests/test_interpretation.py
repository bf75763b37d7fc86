"""The interpretation decisions: every ``Interpretation`` field is a catalogued decision and every decision a field;
each decision cites provisions that exist, is read somewhere in the code, and is listed by exactly the rules that
apply it (the docs and ``tinghu-policy explain`` show a rule's decisions from that list)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tinghu_policy.engine import catalogue
from tinghu_policy.interpretation import DECISIONS, DEFAULT_INTERPRETATION, Decision, Interpretation
from tinghu_policy.provisions import registry

PACKAGE = Path(__file__).resolve().parents[1] / "tinghu_policy"
RULE_MODULES = {p.stem: p.read_text("utf-8") for p in (PACKAGE / "rules").glob("art*.py")}
HELPERS = (PACKAGE / "rules" / "__init__.py").read_text("utf-8")
ENGINE = "\n".join(
    p.read_text("utf-8") for folder in ("engine", "periods") for p in sorted((PACKAGE / folder).glob("*.py"))
)
IDS = list(DECISIONS)


def test_every_field_is_a_decision_and_every_decision_a_field() -> None:
    assert sorted(d.field for d in DECISIONS.values()) == sorted(Interpretation.model_fields)
    assert len({d.field for d in DECISIONS.values()}) == len(DECISIONS)


def test_decisions_are_numbered_d1_onwards_without_gaps() -> None:
    assert list(DECISIONS) == [f"D{n}" for n in range(1, len(DECISIONS) + 1)]
    assert all(key == d.id for key, d in DECISIONS.items())


@pytest.mark.parametrize("decision", DECISIONS.values(), ids=IDS)
def test_the_field_description_names_the_decision(decision: Decision) -> None:
    description = Interpretation.model_fields[decision.field].description or ""
    assert description.startswith(f"{decision.id} "), description
    assert re.search(r"[\u4e00-\u9fff]", description), "the description gives the Chinese term"


@pytest.mark.parametrize("decision", DECISIONS.values(), ids=IDS)
def test_each_decision_has_a_basis_and_existing_provisions(decision: Decision) -> None:
    assert decision.title_zh
    assert decision.title_en
    assert len(decision.basis) > 20
    assert decision.provisions
    assert [p for p in decision.provisions if p not in registry()] == []


@pytest.mark.parametrize("decision", DECISIONS.values(), ids=IDS)
def test_each_decision_is_applied_by_a_rule_within_its_provisions(decision: Decision) -> None:
    listing = [r for r in catalogue() if decision.id in r.decisions]
    assert decision.rules(), f"{decision.id} is listed by no rule"
    outside = sorted({r.provision for r in listing} - set(decision.provisions))
    assert outside == [], f"{decision.id}: its rules encode provisions it does not name"


@pytest.mark.parametrize("decision", DECISIONS.values(), ids=IDS)
def test_each_decision_is_read_by_the_code_and_listed_by_the_rules_that_read_it(decision: Decision) -> None:
    """A rule module that reads ``interpretation.<field>`` lists the decision on at least one of its rules, or holds
    the helper a listing rule's module imports (art. 38's verdict is computed in the scope module); the decisions
    the engine applies (counting, calendar, dates, the effective date) are read in engine/ or periods/."""
    reading = [name for name, source in RULE_MODULES.items() if f"interpretation.{decision.field}" in source]
    in_engine = re.search(rf"\.{decision.field}\b", ENGINE) is not None
    in_helpers = f"interpretation.{decision.field}" in HELPERS
    assert reading or in_engine or in_helpers, f"{decision.id} ({decision.field}) is read nowhere"
    listing = {r.module.rsplit(".", 1)[-1] for r in catalogue() if decision.id in r.decisions}
    imported = {m for m in RULE_MODULES for n in listing if f"rules.{m} import" in RULE_MODULES[n]}
    assert [m for m in reading if m not in listing | imported] == [], (
        f"{decision.id}: a module reads interpretation.{decision.field} but no rule applying it lists it"
    )


def test_every_decision_a_rule_lists_is_catalogued() -> None:
    assert sorted({(r.id, d) for r in catalogue() for d in r.decisions if d not in DECISIONS}) == []


def test_no_rule_module_leaves_a_decision_unnamed() -> None:
    assert [name for name, source in RULE_MODULES.items() if "DECISION NEEDED" in source] == []


def test_the_default_interpretation_is_every_field_at_its_default() -> None:
    assert Interpretation() == DEFAULT_INTERPRETATION
    assert DEFAULT_INTERPRETATION.model_fields_set == set()
