"""The conformance protocol: one case in as JSON on stdin, the implementation's findings out as JSON on stdout.

Input (``schemas/case-input.schema.json``): the case without its expected findings, so an implementation cannot
copy the answer — ``{"format_version": "2.0", "id", "title", "provisions", "as_of", "interpretation", "project"}``.
``interpretation`` and ``project`` are spelled out in full (every field, ``null`` where a fact is not given), so an
implementation needs no knowledge of this library's defaults. Dates are ``YYYY-MM-DD``; money is a decimal string
in 元 (``"1200000.00"``).

Output (``schemas/findings.schema.json``): ``{"findings": [{"rule", "subject", "status", "due"}, …]}`` — every
finding the implementation makes (the runner checks those the case expects and ignores the rest). ``subject`` and
``due`` may be ``null`` or left out; ``status`` is one of the :class:`~tinghu_policy.engine.Status` values. Each
``(rule, subject)`` pair appears at most once, and no object names a key twice (``{"findings": [], "findings":
[…]}`` has no one meaning). Unknown keys are refused, so a misspelt ``due_date`` is an error and not a silently
missing date. An output is at most :data:`MAX_OUTPUT_BYTES` bytes: the runner stops an implementation that writes
more.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tinghu_policy.corpus import ActualFinding, Case
from tinghu_policy.engine import FORMAT_VERSION, Status
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.facts.base import LegalDate
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.yaml_input import InputError, describe, load_json

PROTOCOL_VERSION: Literal["2.0"] = FORMAT_VERSION
"""The protocol's version: the contract's one version (the report's ``format_version``)."""
MAX_OUTPUT_BYTES = 20_000_000
"""The largest output (stdout) an implementation may give for one case."""


class ProtocolError(TinghuPolicyError):
    """An implementation's output that does not follow the protocol; the message names the field."""


class CaseInput(BaseModel):
    """What an implementation reads on stdin: one case without its expected findings."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format_version: Literal["2.0"] = Field(PROTOCOL_VERSION, description="The protocol version.")
    id: str = Field(min_length=1, description="The case's id: its path in the corpus without .yaml.")
    title: str = Field(min_length=1, description="What the case shows, in Chinese.")
    provisions: tuple[str, ...] = Field(min_length=1, description="The provision ids the case exercises.")
    as_of: LegalDate = Field(description="The date of the evaluation (facts after it are not yet known).")
    interpretation: Interpretation = Field(description="Every interpretation decision, spelled out.")
    project: Project = Field(description="The project's facts, every field spelled out.")

    @classmethod
    def of(cls, case_id: str, case: Case) -> CaseInput:
        return cls(
            id=case_id,
            title=case.title,
            provisions=case.provisions,
            as_of=case.as_of,
            interpretation=case.interpretation,
            project=case.project,
        )

    def to_json(self) -> str:
        """The JSON written to an implementation's stdin (every field, defaults included)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False)


class OutputFinding(BaseModel):
    """One finding as an implementation reports it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str = Field(min_length=1, description="The rule id, e.g. art11.initial_opinion.")
    subject: str | None = Field(
        None, description="What the finding is about when a rule finds several times."
    )
    status: Status
    due: LegalDate | None = Field(None, description="The last day (YYYY-MM-DD), where there is one.")


class FindingsOutput(BaseModel):
    """What an implementation writes on stdout."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format_version: Literal["2.0"] = Field(PROTOCOL_VERSION, description="The protocol version.")
    findings: tuple[OutputFinding, ...]

    @model_validator(mode="after")
    def _one_per_subject(self) -> FindingsOutput:
        seen: set[tuple[str, str | None]] = set()
        for finding in self.findings:
            key = (finding.rule, finding.subject)
            if key in seen:
                raise ValueError(f"rule {finding.rule!r} subject {finding.subject!r} is reported twice")
            seen.add(key)
        return self


def parse_output(text: str, source: str = "stdout") -> list[ActualFinding]:
    """The findings in an implementation's output; :class:`ProtocolError` says what is wrong and where."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_OUTPUT_BYTES:
        raise ProtocolError(f"{source}: larger than {MAX_OUTPUT_BYTES} bytes")
    if not text.strip():
        raise ProtocolError(f'{source}: empty (expected {{"findings": [...]}})')
    try:  # the library's one JSON parser: duplicate keys (RFC 8259 §4: no one meaning) and NaN refused
        data, _ = load_json(text, source)
    except InputError as exc:
        raise ProtocolError(f"{exc}; begins {_excerpt(text)}") from None
    try:
        output = FindingsOutput.model_validate(data)
    except ValidationError as exc:
        raise ProtocolError(describe(exc, source, {})) from None
    return [ActualFinding(f.rule, f.subject, f.status.value, f.due) for f in output.findings]


def findings_json(findings: list[ActualFinding]) -> str:
    """Findings in the output format (what :class:`~.implementations.LibraryImplementation` would print)."""
    items = [
        {
            "rule": f.rule,
            "subject": f.subject,
            "status": f.status,
            "due": f.due.isoformat() if f.due else None,
        }
        for f in findings
    ]
    return json.dumps({"format_version": PROTOCOL_VERSION, "findings": items}, ensure_ascii=False)


def _excerpt(text: str, limit: int = 120) -> str:
    flat = text.strip().replace("\n", "⏎")
    return repr(flat if len(flat) <= limit else flat[:limit] + "…")
