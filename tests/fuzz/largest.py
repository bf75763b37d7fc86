"""The largest project the facts models accept: every capped list at its cap (schemas/README.md, "Conventions").

Built from the whole-life sample: its review round, adjustment and so on repeated with the dates moved so that every
order the models check still holds. Used to show that the caps bound the work and the output (amplification).
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

from tinghu_policy.facts import Project
from tinghu_policy.samples import sample_text
from tinghu_policy.yaml_input import parse

CAPS = {
    "funding": 20,
    "review": 50,
    "review[].documents": 10,
    "om_plans": 50,
    "planning.plans": 10,
    "planning.key_work_tasks": 10,
    "prohibitions.<each history>": 100,
    "approval.extra_approvals": 10,
    "implementation.incidents": 100,
    "implementation.public_digital_assets": 100,
    "implementation.performance_reports": 50,
    "implementation.delay_reports": 10,
    "implementation.adjustments": 50,
    "acceptance.failed": 20,
    "cross_department.participants": 100,
    "cross_level.levels": 10,
    "social_capital.operation_incidents": 100,
}
"""The documented list caps (schemas/README.md, "Conventions"), by path."""


def sample_project() -> dict[str, Any]:
    """The whole-life sample's project as JSON-ready data."""
    from tinghu_policy.cli.inputs import EvaluationInput

    data: dict[str, Any] = json.loads(
        parse(EvaluationInput, sample_text(), "sample.yaml").project.model_dump_json(exclude_defaults=True)
    )
    return data


def _shift(value: Any, days: int) -> Any:
    """Every ``YYYY-MM-DD`` string in ``value`` moved by ``days``."""
    if isinstance(value, dict):
        return {k: _shift(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, days) for v in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        except ValueError:
            return value
    return value


def _history(n: int, first: date) -> list[dict[str, Any]]:
    return [{"since": (first + timedelta(days=i)).isoformat(), "value": i % 2 == 0} for i in range(n)]


def largest_project(rounds: int = 50, incidents: int = 100, adjustments: int = 50) -> dict[str, Any]:
    """The sample with every list at its cap (``rounds``, ``incidents``, ``adjustments`` may be set lower)."""
    p = sample_project()
    p["funding"] = [{"source": "fiscal_budget", "amount": "90000.00"}] * 20
    one_round = p["review"][0]
    one_round["documents"] = ["request", "feasibility_study", "cost_assessment"] * 3 + ["request"]
    # rounds three days apart, the last one the sample's own
    p["review"] = [_shift(one_round, -3 * (rounds - 1 - n)) for n in range(rounds)]
    p["planning"] = {"plans": ["district"] * 10, "key_work_tasks": ["district"] * 10}
    p["prohibitions"] = {
        name: _history(100, date(2019, 1, 1))
        for name in (
            "systems_integrated",
            "migrated_to_cloud",
            "public_data_shared",
            "duplicate_construction",
        )
    }
    plan = p["om_plans"][0]
    p["om_plans"] = [
        {**copy.deepcopy(plan), "year": year}
        if year == plan["year"]
        else {"year": year, "om_funding_requested": True}
        for year in range(2001, 2051)
    ]
    implementation = p["implementation"]
    implementation["incidents"] = [
        {
            "kind": "major_change" if n % 2 else "security_hazard",
            "occurred": (date(2025, 1, 7) + timedelta(days=n)).isoformat(),
            "filed_with_data_bureau": (date(2025, 1, 9) + timedelta(days=n)).isoformat(),
        }
        for n in range(incidents)
    ]
    implementation["public_digital_assets"] = [
        {"asset": f"公共数字资产{n}", "applied": (date(2025, 2, 3) + timedelta(days=n)).isoformat()}
        for n in range(100)
    ]
    report = implementation["performance_reports"][0]
    implementation["performance_reports"] = [
        report if year == report["year"] else {"year": year} for year in range(2001, 2051)
    ]
    implementation["delay_reports"] = [
        {"trigger": "serious_delay", "reported": "2025-11-03"},
        {"trigger": "major_loss", "reported": "2025-11-03"},
    ]
    adjustment = implementation["adjustments"][0]
    implementation["adjustments"] = [
        _shift(adjustment, -2 * (adjustments - 1 - n)) for n in range(adjustments)
    ]
    p["approval"]["extra_approvals"] = [
        {"kind": kind, "sought": "2024-12-12"}
        for kind in ("energy_saving", "site_selection", "land_pre_review", "environmental_impact")
    ]
    p["acceptance"]["failed"] = [(date(2025, 10, 1) + timedelta(days=n)).isoformat() for n in range(20)]
    p["cross_department"] = {"lead_department": "区数据局", "participants": [f"部门{n}" for n in range(100)]}
    p["cross_level"] = {"levels": ["district", "municipal"] * 5}
    p["social_capital"] = {
        "operation_incidents": [
            {"kind": "security_hazard", "occurred": (date(2025, 12, 2) + timedelta(days=n)).isoformat()}
            for n in range(100)
        ]
    }
    Project.model_validate(p)  # it is valid: the caps, not the checks, are what a larger one would meet
    return p
