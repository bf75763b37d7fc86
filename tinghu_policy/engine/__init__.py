"""The rule engine: rules registered with their provisions, run on a project's facts as of a date."""

from tinghu_policy.engine.context import (
    Context,
    Explained,
    Label,
    Outcome,
    Outcomes,
)
from tinghu_policy.engine.evaluate import evaluate, run_rules
from tinghu_policy.engine.findings import Check, CheckRole, Finding, Relation, Status
from tinghu_policy.engine.provenance import Provenance
from tinghu_policy.engine.report import FORMAT_VERSION, LaterFact, Report
from tinghu_policy.engine.rule import (
    Rule,
    Scope,
    Table,
    catalogue,
    encoders_by_provision,
    rule,
    rule_by_id,
    rules_by_provision,
    scope_of,
    scope_test,
    table,
    tables,
)

__all__ = [
    "FORMAT_VERSION",
    "Check",
    "CheckRole",
    "Context",
    "Explained",
    "Finding",
    "Label",
    "LaterFact",
    "Outcome",
    "Outcomes",
    "Provenance",
    "Relation",
    "Report",
    "Rule",
    "Scope",
    "Status",
    "Table",
    "catalogue",
    "encoders_by_provision",
    "evaluate",
    "rule",
    "rule_by_id",
    "rules_by_provision",
    "run_rules",
    "scope_of",
    "scope_test",
    "table",
    "tables",
]
