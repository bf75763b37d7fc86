"""The conformance protocol on malformed implementation output and malformed case input: a ProtocolError or
ValidationError naming the field, never another exception; an errored case, never a crash of the runner."""

from __future__ import annotations

import json
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy.conformance import (
    CaseInput,
    ExternalImplementation,
    ProtocolError,
    Verdict,
    load_corpus,
    parse_output,
    run_case,
)

from .strategies import FUZZ, Defect, count, defective, loc_names_defect

tried = count("protocol")
CASES = load_corpus()
INPUTS = tuple(json.loads(CaseInput.of(c.id, c.case).to_json()) for c in CASES)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
finding_like = st.fixed_dictionaries(
    {
        "rule": st.one_of(st.text(max_size=30), json_values),
        "status": st.one_of(st.text(max_size=12), json_values),
    },
    optional={
        "subject": st.one_of(st.none(), st.text(max_size=20), json_values),
        "due": st.one_of(st.none(), st.dates().map(str), st.text(max_size=12), json_values),
        "extra": json_values,
    },
)
outputs = st.one_of(
    json_values.map(json.dumps),
    st.lists(finding_like, max_size=5).map(lambda f: json.dumps({"findings": f})),
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")),
)


@FUZZ
@given(outputs)
def test_any_output_is_findings_or_a_protocol_error(text: str) -> None:
    tried()
    try:
        findings = parse_output(text)
    except ProtocolError as exc:
        findings, message = [], str(exc)
    else:
        message = ""
    assert not message or message.startswith("stdout"), message
    assert all(isinstance(f.rule, str) and f.rule for f in findings)


@FUZZ
@given(defective(INPUTS))
def test_a_malformed_case_input_is_refused_naming_the_field(case: tuple[Any, Defect]) -> None:
    tried()
    data, defect = case
    errors: list[Any] = []
    try:
        CaseInput.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
    named = str(defect.path[-1]) if defect.path else ""
    assert not errors or any(
        loc_names_defect(tuple(e["loc"]), defect) or (named and named in e["msg"]) for e in errors
    )


@settings(FUZZ, max_examples=max(5, FUZZ.max_examples // 10))
@given(outputs)
def test_an_implementation_printing_anything_errors_or_fails_the_case_readably(text: str) -> None:
    tried()
    with tempfile.NamedTemporaryFile("w", suffix=".out", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    script = f"import sys; sys.stdin.read(); sys.stdout.write(open({handle.name!r}, encoding='utf-8').read())"
    try:
        result = run_case(
            CASES[0], ExternalImplementation(shlex.join([sys.executable, "-c", script]), timeout=60)
        )
    finally:
        Path(handle.name).unlink()
    assert result.verdict in (Verdict.ERRORED, Verdict.FAILED, Verdict.PASSED)
    if result.verdict is Verdict.ERRORED:
        assert result.error.startswith("stdout"), result.error
    if result.verdict is Verdict.FAILED:
        assert all(str(m) for m in result.mismatches)


keys = st.text(min_size=1, max_size=8)
finite_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.dictionaries(keys, finite_json, min_size=1, max_size=4), st.data(), st.booleans())
def test_an_object_naming_a_key_twice_is_refused_wherever_it_is(
    members: dict[str, Any], data: st.DataObject, in_a_finding: bool
) -> None:
    """A key given twice has no one meaning (JSON parsers keep the first, the last, or refuse): the output is
    refused, never read with one of its values."""
    tried()
    key = data.draw(st.sampled_from(sorted(members)))
    pairs = [*(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in members.items()), f"{json.dumps(key)}: null"]
    body = "{" + ", ".join(data.draw(st.permutations(pairs))) + "}"
    text = f'{{"findings": [{body}]}}' if in_a_finding else f'{{"findings": [], "x": {body}}}'
    with pytest.raises(ProtocolError, match="appears twice") as caught:
        parse_output(text)
    assert f"key {key!r} appears twice" in str(caught.value)


def test_the_whole_suite_runs_without_a_hypothesis_deadline() -> None:
    """tests/conftest.py: a loaded CI box never fails a correct submission on a slow example; under CI the examples
    are the same on every run."""
    default = settings.default
    assert default is not None
    assert default.deadline is None
    assert settings(max_examples=5).deadline is None  # a test's own settings inherit it
    assert FUZZ.deadline is None
    ci = settings.get_profile("tinghu-ci")
    assert ci.deadline is None
    assert ci.derandomize
    assert HealthCheck.too_slow in settings.get_profile("tinghu").suppress_health_check
