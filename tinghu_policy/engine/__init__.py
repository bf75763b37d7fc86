"""The rule engine: rules registered with their provisions, run on a project's facts as of a date."""

from tinghu_policy.engine.context import Context, Explained, Label, Outcome, Outcomes
from tinghu_policy.engine.evaluate import evaluate, run_rules
from tinghu_policy.engine.findings import Check, Finding, Relation, Status
from tinghu_policy.engine.report import FORMAT_VERSION, Report
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
    "Context",
    "Explained",
    "Finding",
    "Label",
    "Outcome",
    "Outcomes",
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
