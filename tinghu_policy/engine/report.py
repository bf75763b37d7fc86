"""A project's report: every finding as of a date, the open obligations, and JSON with a format version."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_serializer, model_validator
from pydantic_core import to_json as _encode

from tinghu_policy.engine.context import Labelled, Outcome
from tinghu_policy.engine.explain import explain, status_zh, subject_names
from tinghu_policy.engine.findings import (
    Check,
    CheckRole,
    Finding,
    Relation,
    Status,
    Value,
    _citations,
    without_computed,
)
from tinghu_policy.engine.lazy import lazy_fields, ready
from tinghu_policy.engine.provenance import Provenance
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.interpretation import Interpretation

FORMAT_VERSION: Literal["2.0"] = "2.0"


class LaterFact(BaseModel):
    """A dated fact after ``as_of`` (a warning: no rule read it)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    fact: str = Field(description="The fact's path in the project, e.g. acceptance.passed.")
    day: date
    name_zh: str = Field(description="The fact's Chinese name.")


class Report(BaseModel):
    """Everything the rules found about one project as of one date."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    format_version: Literal["2.0"] = FORMAT_VERSION
    project: str = Field(description="The project's id.")
    as_of: date
    interpretation: Interpretation
    findings: tuple[Finding, ...]
    provenance: Provenance = Field(
        description="The library version, the edition of the regulation and the calendar data the answer used: "
        "with the project, as_of and the interpretation, everything needed to re-run it and get the same bytes."
    )
    facts_after_as_of: tuple[LaterFact, ...] = Field(
        (),
        description="Dated facts after as_of: not yet happened on that date, so no rule read them. Listed so that "
        "a mistyped year (2052 for 2025) is seen, not silently taken as a future event.",
    )

    @model_validator(mode="before")
    @classmethod
    def _read_back(cls, data: Any) -> Any:
        """A report's own JSON reads back: its computed fields are dropped, everything else validated."""
        return without_computed(cls, data)

    @model_serializer(mode="wrap")
    def _rendered(self, handler):  # type: ignore[no-untyped-def]  # (a return type would change the JSON Schema)
        """Serialised with its findings made (a report of :func:`~tinghu_policy.evaluate` makes them when first
        read: :mod:`tinghu_policy.engine.lazy`)."""
        ready(self)
        return handler(self)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def provisional(self) -> bool:
        """True when any finding was computed beyond the official calendar data on estimated rest days (D12)."""
        return any(f.provisional for f in self.findings)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def calendar_years_estimated(self) -> tuple[int, ...]:
        """Years beyond the official data on whose estimated rest days some finding rests (D12 statutory_estimate or
        provisional): those findings are provisional until the years are published."""
        return tuple(sorted({y for f in self.findings for y in f.estimated_years}))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def calendar_years_missing(self) -> tuple[int, ...]:
        """Years whose official working-day arrangement some finding needed and did not have (D12): supply them
        as calendar overlays to decide those findings."""
        return tuple(
            sorted(
                {
                    int(m.split(":", 1)[1])
                    for f in self.findings
                    for m in f.missing
                    if m.startswith("calendar:")
                }
            )
        )

    def finding(self, rule: str, subject: str | None = None) -> Finding:
        """The finding of ``rule`` (for ``subject`` when the rule finds several times)."""
        for f in self.findings:
            if f.rule == rule and (subject is None or f.subject == subject):
                return f
        raise TinghuPolicyError(f"no finding of rule {rule!r}" + (f" for {subject!r}" if subject else ""))

    def open_obligations(self) -> tuple[Finding, ...]:
        """Duties not yet done (overdue or pending), by due date; undated ones last."""
        return tuple(
            sorted(
                (f for f in self.findings if f.status.is_open),
                key=lambda f: (f.due is None, f.due or date.max, f.rule, f.subject or ""),
            )
        )

    def overdue(self) -> tuple[Finding, ...]:
        """Duties whose due date has passed without them being done."""
        return tuple(f for f in self.open_obligations() if f.status is Status.OVERDUE)

    def next_deadline(self) -> Finding | None:
        """The pending duty due soonest, if any."""
        return next((f for f in self.open_obligations() if f.status is Status.PENDING and f.due), None)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON (the contract of ``tinghu-policy evaluate --format json``): exactly
        ``model_dump_json(indent=indent)``, made from plain data (:func:`report_data`) by pydantic-core's encoder,
        several times faster than serialising the models."""
        return _encode(report_data(self), indent=indent).decode()


def report_data(report: Report) -> dict[str, Any]:
    """The report as the plain data its JSON encodes (``model_dump(mode="json")`` before encoding: dates, enums
    and amounts left to the encoder), each finding's checks and notes read from its verdict when not yet rendered."""
    return {
        "format_version": report.format_version,
        "project": report.project,
        "as_of": report.as_of,
        "interpretation": report.interpretation.model_dump(mode="json"),
        "findings": [finding_data(f) for f in report.findings],
        "provenance": report.provenance.model_dump(mode="json"),
        "facts_after_as_of": [
            {"fact": later.fact, "day": later.day, "name_zh": later.name_zh}
            for later in report.facts_after_as_of
        ],
        "provisional": report.provisional,
        "calendar_years_estimated": report.calendar_years_estimated,
        "calendar_years_missing": report.calendar_years_missing,
    }


def _comparison_data(
    label: Labelled,
    relation: Relation,
    required: Value | None,
    actual: Value | None,
    ok: bool | None,
    role: CheckRole,
    provision: str,
) -> dict[str, Any]:
    """A :class:`~tinghu_policy.engine.Comparison` as the data of the :class:`Check` it is shown as."""
    return {
        "provision": provision,
        "fact": label.fact,
        "label_zh": label.zh,
        "label_en": label.en,
        "relation": relation._value_,
        "required": required,
        "actual": actual,
        "ok": ok,
        "role": role._value_,
    }


def _check_data(fields: dict[str, Any]) -> dict[str, Any]:
    """A :class:`Check`'s fields as data, in its order."""
    return {name: fields[name] for name in _CHECK_FIELDS}


_CHECK_FIELDS = tuple(Check.model_fields)


def finding_data(finding: Finding) -> dict[str, Any]:
    """A finding as the plain data its JSON encodes, its fields then its computed fields, in their order."""
    f = finding.__dict__
    checks = f["checks"]
    if isinstance(checks, Outcome):  # not rendered yet: the verdict's comparisons and note
        note_zh, note_en = checks.texts()
        rows = [_comparison_data(*c) for c in checks.checks]
    else:
        note_zh, note_en = f["note_zh"], f["note_en"]
        rows = [_check_data(c.__dict__) for c in checks]
    provision, subject, status, due, owed_by = (
        f["provision"],
        f["subject"],
        f["status"],
        f["due"],
        f["owed_by"],
    )
    citation_zh, citation_en = _citations(provision)
    explanation_zh, explanation_en = explain(finding)
    return {
        "rule": f["rule"],
        "provision": provision,
        "subject": subject,
        "status": status._value_,  # the encoder would read each enum's value through a Python property
        "due": due,
        "owed_by": None if owed_by is None else owed_by._value_,
        "to": [party._value_ for party in f["to"]],
        "checks": rows,
        "missing": f["missing"],
        "note_zh": note_zh,
        "note_en": note_en,
        "provisional": f["provisional"],
        "estimated_years": f["estimated_years"],
        "decisions": f["decisions"],
        "citation_zh": citation_zh,
        "citation_en": citation_en,
        "status_zh": status_zh(status, due),
        "subject_zh": None if subject is None else subject_names(subject)[0],
        "explanation_zh": explanation_zh,
        "explanation_en": explanation_en,
    }


lazy_fields(Report, "findings", "facts_after_as_of")
