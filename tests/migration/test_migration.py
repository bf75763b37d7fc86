"""Format 1.x → 2.0: the converter keeps every fact, states every assumption it makes, never invents a conclusion;
the command writes a file that validates; a 1.x file given to the 2.0 reader is refused with a hint to convert it.

The fixture is the whole-life sample as it was in format 1.x (``whole_life_project_v1.yaml``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli.support import tinghu

from tinghu_policy.cli.inputs import EvaluationInput
from tinghu_policy.engine import Status, evaluate
from tinghu_policy.facts import Project
from tinghu_policy.migration import looks_like_v1, migrate_document, migrate_project

V1_SAMPLE = Path(__file__).with_name("whole_life_project_v1.yaml")


def v1_case() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(V1_SAMPLE.read_text(encoding="utf-8"))
    return data


def test_the_v1_sample_is_recognised_and_the_v2_one_is_not() -> None:
    assert looks_like_v1(v1_case()["project"])
    converted, _ = migrate_document(v1_case())
    assert not looks_like_v1(converted["project"])
    assert migrate_document(converted) == (converted, [])


def test_every_fact_is_carried_into_its_2_0_place() -> None:
    project, _ = migrate_project(v1_case()["project"])
    assert project["planning"] == {"plans": ["district"]}
    assert project["prohibitions"]["migrated_to_cloud"] == [{"value": True}]
    assert project["prohibitions"]["duplicate_construction"] == [{"value": False}]
    assert project["review"][0]["initial_opinion"] == {"issued": date(2024, 10, 10)}
    plan = project["om_plans"][0]
    assert plan["reviewed_by_data_bureau"] == {"day": date(2025, 10, 24)}
    assert (plan["budgeted"], "in_annual_budget" in plan) == (date(2025, 11, 5), False)
    assert project["operation"]["trial_started"] == date(2025, 8, 18)
    assert "trial_operation_started" not in project["implementation"]
    adjustment = project["implementation"]["adjustments"][0]
    assert adjustment["reviewed_by_finance"] == {"day": date(2025, 5, 23)}
    acceptance = project["acceptance"]
    assert acceptance["classified_protection"] == {"result": "passed"}
    assert acceptance["archive_acceptance"] == {"result": "passed", "day": date(2025, 11, 20)}
    Project.model_validate(project)


def test_no_conclusion_is_invented_and_every_assumption_is_noted() -> None:
    converted, notes = migrate_document(v1_case())
    assert all("outcome" not in review for review in _reviews(converted["project"]))
    assert any(n.startswith("project.om_plans[0].budgeted:") and "rechecked_by_finance" in n for n in notes)
    assert any(n.startswith("project.planning.plans:") for n in notes)
    assert sum(".outcome: not stated in 1.x" in n for n in notes) == 4
    # the rules then name the unstated conclusions instead of reading them as passes
    case = EvaluationInput.model_validate(converted)
    report = evaluate(case.project, as_of=date(2026, 3, 16))
    assert report.finding("art11.om_plan", "2026").status is Status.UNDETERMINED
    assert report.finding("art26.adjustment_review", "adjustment 1").status is Status.UNDETERMINED


def _reviews(project: dict[str, Any]) -> list[dict[str, Any]]:
    plans = project["om_plans"]
    adjustments = project["implementation"]["adjustments"]
    return [p[k] for p in plans for k in ("reviewed_by_data_bureau", "rechecked_by_finance")] + [
        a[k] for a in adjustments for k in ("reviewed_by_data_bureau", "reviewed_by_finance")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"acceptance": {"failed": "2025-07-01"}}, {"acceptance": {"failed": ["2025-07-01"]}}),
        (
            {"approval": {"extra_approvals_sought": ["energy_saving"]}},
            {"approval": {"extra_approvals": [{"kind": "energy_saving"}]}},
        ),
        (
            {"implementation": {"major_loss": True, "overdue_report": {"reported": "2025-06-09"}}},
            {
                "implementation": {
                    "major_loss": True,
                    "delay_reports": [{"trigger": "major_loss", "reported": "2025-06-09"}],
                }
            },
        ),
        (
            {"acceptance": {"cryptography_assessment_result": "failed"}},
            {"acceptance": {"cryptography_assessment": {"result": "failed"}}},
        ),
        ({"prohibitions": {"public_data_shared": None}}, {"prohibitions": {}}),
    ],
)
def test_each_changed_shape(old: dict[str, Any], new: dict[str, Any]) -> None:
    converted, _ = migrate_project(old)
    assert converted == new


def test_a_report_for_both_triggers_is_given_to_both_and_said(capsys: pytest.CaptureFixture[str]) -> None:
    old = {
        "implementation": {
            "approved_completion": "2025-03-14",
            "major_loss": True,
            "overdue_report": {"reported": "2025-10-01"},
        }
    }
    converted, notes = migrate_project(old)
    assert [r["trigger"] for r in converted["implementation"]["delay_reports"]] == [
        "serious_delay",
        "major_loss",
    ]
    assert any("keep only the trigger" in n for n in notes)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_the_command_writes_a_valid_2_0_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"converted{suffix}"
    ran = tinghu(capsys, "migrate", str(V1_SAMPLE), "-o", str(out))
    assert ran.status == 0, ran.err
    assert "note: project.om_plans[0].budgeted" in ran.err
    assert "converted to format 2.0" in ran.err
    text = out.read_text(encoding="utf-8")
    data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    assert not looks_like_v1(data["project"])
    again = tinghu(capsys, "evaluate", str(out), "--format", "json")
    assert again.status == 0, again.err
    assert json.loads(again.out)["format_version"] == "2.0"


def test_a_1x_file_given_to_evaluate_is_refused_with_the_way_to_convert_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ran = tinghu(capsys, "evaluate", str(V1_SAMPLE))
    assert ran.status == 2
    assert "classified_protection_result" in ran.message
    assert "format 1.x project: convert it with `tinghu-policy migrate FILE`" in ran.message


def test_a_2_0_file_is_left_as_it_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    converted, _ = migrate_document(v1_case())
    source = tmp_path / "v2.json"
    source.write_text(json.dumps(converted, default=str, ensure_ascii=False), encoding="utf-8")
    ran = tinghu(capsys, "migrate", str(source))
    assert ran.status == 0
    assert "already in format 2.0" in ran.message
    assert json.loads(ran.out) == json.loads(source.read_text(encoding="utf-8"))
