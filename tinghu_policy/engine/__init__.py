"""The rule engine: rules registered with their provisions, run on a project's facts as of a date."""

from tinghu_policy.engine.context import (
    Comparison,
    Context,
    Explained,
    Kept,
    Label,
    Labels,
    Outcome,
    Outcomes,
)
from tinghu_policy.engine.evaluate import evaluate, run_rules
from tinghu_policy.engine.findings import Check, CheckRole, Finding, Relation, Status
from tinghu_policy.engine.notes import Note, Text, render
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
    "Comparison",
    "Context",
    "Explained",
    "Finding",
    "Kept",
    "Label",
    "Labels",
    "LaterFact",
    "Note",
    "Outcome",
    "Outcomes",
    "Provenance",
    "Relation",
    "Report",
    "Rule",
    "Scope",
    "Status",
    "Table",
    "Text",
    "catalogue",
    "encoders_by_provision",
    "evaluate",
    "render",
    "rule",
    "rule_by_id",
    "rules_by_provision",
    "run_rules",
    "scope_of",
    "scope_test",
    "table",
    "tables",
]
