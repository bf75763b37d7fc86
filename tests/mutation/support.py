"""Building projects for the tests that kill surviving mutants (tools/mutation/run.py, docs/mutation-survivors.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from tinghu_policy import Finding, Interpretation, Project, evaluate

BASE: dict[str, Any] = {
    "id": "TH-MUT-1",
    "name": "变异测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "produces_public_data": True,
    "funding": [{"source": "fiscal_budget", "amount": "500000.00"}],
}


def finding(
    rule: str, as_of: date = date(2026, 6, 30), subject: str | None = None, **changes: Any
) -> Finding:
    """The finding of ``rule`` for the base project with ``changes`` (``interpretation=`` sets options)."""
    options = changes.pop("interpretation", {})
    project = Project.model_validate({**BASE, **changes})
    report = evaluate(project, as_of=as_of, interpretation=Interpretation(**options))
    return report.finding(rule, subject)
