"""The conformance protocol: the library and an external implementation agree; broken ones error readably."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tinghu_policy.conformance import (
    CaseInput,
    ExternalImplementation,
    LibraryImplementation,
    ProtocolError,
    Verdict,
    load_corpus,
    parse_output,
    run_case,
    run_suite,
)
from tinghu_policy.corpus import ActualFinding
from tinghu_policy.errors import TinghuPolicyError

from .support import implementation

CASES = load_corpus()
SAMPLE = CASES[:: max(1, len(CASES) // 8)]
"""A spread of cases for the slower subprocess tests (the whole corpus runs through the protocol in CI)."""


def test_input_has_no_expected_findings_and_spells_out_every_default() -> None:
    loaded = CASES[0]
    data = json.loads(CaseInput.of(loaded.id, loaded.case).to_json())
    assert set(data) == {"format_version", "id", "title", "provisions", "as_of", "interpretation", "project"}
    assert data["id"] == loaded.id
    assert set(data["interpretation"]) == set(type(loaded.case.interpretation).model_fields)
    assert set(data["project"]) == set(type(loaded.case.project).model_fields)


def test_output_is_parsed_into_findings() -> None:
    text = json.dumps(
        {
            "findings": [
                {"rule": "art11.initial_opinion", "subject": "round 1", "status": "met", "due": "2025-10-10"},
                {"rule": "art11.om_plan", "status": "not_applicable"},
            ]
        }
    )
    found = parse_output(text)
    assert found[0] == ActualFinding("art11.initial_opinion", "round 1", "met", found[0].due)
    assert str(found[0].due) == "2025-10-10"
    assert found[1] == ActualFinding("art11.om_plan", None, "not_applicable", None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("{findings: []}", "not valid JSON"),
        ('{"findings": [{"rule": "r", "status": "met", "due": NaN}]}', "NaN is not JSON"),
        ('{"results": []}', "field findings: Field required"),
        ('{"findings": [], "extra": 1}', "field extra: Extra inputs are not permitted"),
        ('{"findings": [{"rule": "r", "status": "passed"}]}', "field findings[0].status"),
        ('{"findings": [{"rule": "r", "status": "met", "due": "10/10/2025"}]}', "field findings[0].due"),
        ('{"findings": [{"rule": "r", "status": "met", "due": 1760054400}]}', "field findings[0].due"),
        ('{"findings": [{"rule": "r", "status": "met", "due_date": "2025-10-10"}]}', "findings[0].due_date"),
        ('{"findings": [{"rule": "r", "status": "met"}, {"rule": "r", "status": "late"}]}', "reported twice"),
        ('{"findings": {"rule": "r"}}', "field findings"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_output_outside_the_protocol_is_refused_naming_the_field(text: str, message: str) -> None:
    with pytest.raises(ProtocolError, match="stdout") as caught:
        parse_output(text)
    assert message in str(caught.value)


def test_reference_implementation_agrees_with_the_library() -> None:
    external = ExternalImplementation(implementation("reference_impl.py"), timeout=60)
    library = LibraryImplementation()
    for loaded in SAMPLE:
        case_input = CaseInput.of(loaded.id, loaded.case)
        assert external.findings(case_input) == library.findings(case_input), loaded.id


def test_reference_implementation_passes_through_the_runner_with_two_jobs() -> None:
    suite = run_suite(SAMPLE, ExternalImplementation(implementation("reference_impl.py"), timeout=60), jobs=2)
    assert suite.ok, [
        (r.case.id, r.error, r.mismatches) for r in suite.results if r.verdict is not Verdict.PASSED
    ]
    assert [r.case.id for r in suite.results] == [c.id for c in SAMPLE]


def test_off_by_one_implementation_fails_with_a_diff_of_each_wrong_field() -> None:
    wrong = ExternalImplementation(implementation("off_by_one_impl.py"), timeout=60)
    checked = [c for c in CASES if any(e.checks_due and e.due is not None for e in c.case.expected)]
    assert checked, "the corpus has no case that checks a due date"
    for loaded in checked[:5]:
        result = run_case(loaded, wrong)
        assert result.verdict is Verdict.FAILED, loaded.id
        dues = [m for m in result.mismatches if m.field == "due"]
        assert dues
        for m in dues:
            assert date.fromisoformat(m.actual) == date.fromisoformat(m.expected) + timedelta(days=1)
            assert str(m).startswith(m.rule)
            assert "due expected" in str(m)


@pytest.mark.parametrize(
    ("mode", "message", "stderr"),
    [
        ("crash", "exited with status 3", "the rule engine exploded"),
        ("garbage", "stdout: not valid JSON", ""),
        ("shape", "field findings: Field required", ""),
        ("status", "field findings[0].status: Input should be 'met'", ""),
        ("twice", "reported twice", ""),
        ("silent", "stdout: empty", ""),
    ],
)
def test_a_broken_implementation_errors_the_case_readably(mode: str, message: str, stderr: str) -> None:
    result = run_case(CASES[0], ExternalImplementation(implementation("broken_impl.py", mode), timeout=60))
    assert result.verdict is Verdict.ERRORED
    assert message in result.error
    assert stderr in result.stderr


def test_a_hanging_implementation_times_out() -> None:
    result = run_case(CASES[0], ExternalImplementation(implementation("broken_impl.py", "hang"), timeout=1))
    assert result.verdict is Verdict.ERRORED
    assert result.error == "timed out after 1 s"
    assert result.seconds < 30


def test_a_command_that_does_not_exist_errors_the_case() -> None:
    result = run_case(CASES[0], ExternalImplementation("/nonexistent/impl --flag"))
    assert result.verdict is Verdict.ERRORED
    assert "cannot start '/nonexistent/impl'" in result.error


@pytest.mark.parametrize(("command", "message"), [("", "empty"), ("'unbalanced", "No closing quotation")])
def test_an_unusable_command_is_refused_up_front(command: str, message: str) -> None:
    with pytest.raises(TinghuPolicyError, match=message):
        ExternalImplementation(command)
