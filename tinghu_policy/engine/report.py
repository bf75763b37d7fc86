"""A project's report: every finding as of a date, the open obligations, and JSON with a format version."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_serializer, model_validator

from tinghu_policy.engine.findings import Finding, Status, without_computed
from tinghu_policy.engine.lazy import lazy_fields, ready
from tinghu_policy.engine.provenance import Provenance
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.interpretation import Interpretation

FORMAT_VERSION: Literal["2.0"] = "2.0"


class LaterFact(BaseModel):
    """A dated fact after ``as_of`` (a warning: no rule read it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fact: str = Field(description="The fact's path in the project, e.g. acceptance.passed.")
    day: date
    name_zh: str = Field(description="The fact's Chinese name.")


class Report(BaseModel):
    """Everything the rules found about one project as of one date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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
        """The report as JSON (the contract of ``tinghu-policy evaluate --format json``)."""
        return self.model_dump_json(indent=indent)


lazy_fields(Report, "findings", "facts_after_as_of")
