"""Amplification: the documented list caps bound the work and the output, and the work grows linearly.

A 1.96 MB project with 4,000 review rounds took 24 s and 688 MB and wrote 129 MB of JSON. The caps
(schemas/README.md, "Conventions") refuse it at once, naming the list; the largest project they allow is about
95 KB and gives a few MB of report; the findings grow by the same amount with each round or incident added.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from tinghu_policy import InputError, Project, evaluate, load_project
from tinghu_policy.yaml_input import MAX_BYTES

from .largest import CAPS, largest_project, sample_project
from .strategies import count

tried = count("amplification")
AS_OF = date(2026, 3, 16)


def _one_more(data: dict[str, Any], path: str) -> tuple[dict[str, Any], tuple[str | int, ...]]:
    """``data`` with one entry added to the list at ``path`` (a copy of its last entry); the error's location."""
    out = copy.deepcopy(data)
    if path == "prohibitions.<each history>":
        history = out["prohibitions"]["systems_integrated"]
        last = date.fromisoformat(history[-1]["since"])
        history.append({"since": (last + timedelta(days=1)).isoformat(), "value": True})
        return out, ("prohibitions", "systems_integrated")
    if path == "review[].documents":
        out["review"][0]["documents"].append("request")
        return out, ("review", 0, "documents")
    *parents, name = path.split(".")
    holder = out
    for part in parents:
        holder = holder[part]
    holder[name].append(copy.deepcopy(holder[name][-1]))
    return out, (*parents, name)


def test_the_largest_project_is_valid_and_its_report_bounded() -> None:
    tried()
    data = largest_project()
    text = json.dumps(data, ensure_ascii=False)
    assert len(text.encode()) < MAX_BYTES / 10  # the caps, not the 2 MB limit, bound a project
    report = evaluate(load_project(text), as_of=AS_OF)
    assert len(report.findings) < 2_500
    assert len(report.to_json()) < 10_000_000


ONE_PER_KIND = ("approval.extra_approvals", "implementation.delay_reports")
"""Lists whose entries are one per kind (4 approvals, 2 triggers): a repeat is refused before the cap is reached."""


@pytest.mark.parametrize("path", sorted(set(CAPS) - set(ONE_PER_KIND)))
def test_one_entry_over_a_cap_is_refused_naming_the_list(path: str) -> None:
    tried()
    data, where = _one_more(largest_project(), path)
    with pytest.raises(ValidationError) as caught:
        Project.model_validate(data)
    errors = caught.value.errors()
    assert [e["loc"][: len(where)] for e in errors] == [where], errors
    assert errors[0]["type"] == "too_long"
    assert f"at most {CAPS[path]} items" in errors[0]["msg"]


@pytest.mark.parametrize("path", ONE_PER_KIND)
def test_a_list_of_one_entry_per_kind_refuses_a_repeat(path: str) -> None:
    tried()
    data, where = _one_more(largest_project(), path)
    with pytest.raises(ValidationError, match=str(where[-1])):
        Project.model_validate(data)


def test_the_reviewers_4000_rounds_are_refused_at_once_naming_review() -> None:
    """The issue's project (4,000 rounds in 1.96 MB; the sample's rounds are longer, so as many as fit in 2 MB):
    refused by validation, before any rule runs, the message naming review and its cap."""
    tried()
    data = sample_project()
    one_round = len(json.dumps(data["review"][0], ensure_ascii=False).encode()) + 2
    data["review"] = [data["review"][0]] * min(4000, 1_960_000 // one_round)
    text = json.dumps(data, ensure_ascii=False)
    assert 1_000_000 < len(text.encode()) < MAX_BYTES
    with pytest.raises(InputError, match=r"field review: Tuple should have at most 50 items"):
        load_project(text)


def _findings(**sizes: int) -> int:
    return len(evaluate(Project.model_validate(largest_project(**sizes)), as_of=AS_OF).findings)


@pytest.mark.parametrize("what", ["rounds", "incidents", "adjustments"])
def test_the_findings_grow_linearly(what: str) -> None:
    """Each round (incident, adjustment) adds the same number of findings: the work is linear in the input."""
    tried()
    at = [_findings(**{what: n}) for n in (10, 20, 40)]
    assert at[2] - at[1] == 2 * (at[1] - at[0]), at
