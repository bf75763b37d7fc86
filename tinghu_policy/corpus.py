"""The corpus of worked cases: ``corpus/<article>/<case>.yaml`` — facts, a date, the findings they must give.

A case file::

    # worked by hand: received Sat 2025-09-27; working days 09-28 (make-up), 09-29, 09-30, 10-09, 10-10 → due 10-10
    title: 周六收到申请，国庆中秋假期中的5个工作日
    provisions: [art11.p1.i2]
    as_of: 2025-10-20
    interpretation: {counting_start: next_day}   # optional overrides of the defaults
    project: {...}                                # a Project
    expected:
      - {rule: art11.initial_opinion, subject: round 1, status: met, due: 2025-10-10}

Only the listed findings are checked; a listed ``due`` (even ``null``) must match, an absent one is not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tinghu_policy._bundled import bundled_path
from tinghu_policy.engine import Report, Status, evaluate
from tinghu_policy.facts import Project
from tinghu_policy.facts.base import LegalDate
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.yaml_input import parse_file


class ExpectedFinding(BaseModel):
    """A finding a case must produce: rule, optional subject, status and (if given) due date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str = Field(min_length=1)
    subject: str | None = None
    status: Status
    due: LegalDate | None = None

    @property
    def checks_due(self) -> bool:
        return "due" in self.model_fields_set


class Case(BaseModel):
    """One worked case."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = Field(min_length=1, description="What the case shows, in Chinese.")
    provisions: tuple[str, ...] = Field(min_length=1, description="The provision ids the case exercises.")
    as_of: LegalDate
    interpretation: Interpretation = Field(default_factory=Interpretation)
    project: Project
    expected: tuple[ExpectedFinding, ...] = Field(min_length=1)

    def run(self) -> Report:
        """Evaluate the case's project with this library."""
        return evaluate(self.project, as_of=self.as_of, interpretation=self.interpretation)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One expected finding that the actual findings do not match."""

    rule: str
    subject: str | None
    field: str
    expected: str
    actual: str

    def __str__(self) -> str:
        who = self.rule + (f" [{self.subject}]" if self.subject else "")
        return f"{who}: {self.field} expected {self.expected}, got {self.actual}"


@dataclass(frozen=True, slots=True)
class ActualFinding:
    """The part of a finding a case compares (also what another implementation must output)."""

    rule: str
    subject: str | None
    status: str
    due: date | None


def compare(expected: tuple[ExpectedFinding, ...], actual: list[ActualFinding]) -> list[Mismatch]:
    """Every difference between what a case expects and what an implementation found."""
    index = {(a.rule, a.subject): a for a in actual}
    problems = []
    for want in expected:
        got = index.get((want.rule, want.subject))
        if got is None:
            subjects = sorted(str(a.subject) for a in actual if a.rule == want.rule)
            problems.append(
                Mismatch(
                    want.rule,
                    want.subject,
                    "finding",
                    "present",
                    f"absent (subjects found: {', '.join(subjects) or 'none'})",
                )
            )
            continue
        if got.status != want.status.value:
            problems.append(Mismatch(want.rule, want.subject, "status", want.status.value, got.status))
        if want.checks_due and got.due != want.due:
            problems.append(Mismatch(want.rule, want.subject, "due", str(want.due), str(got.due)))
    return problems


def actual_findings(report: Report) -> list[ActualFinding]:
    return [ActualFinding(f.rule, f.subject, f.status.value, f.due) for f in report.findings]


@dataclass(frozen=True)
class CaseFile:
    """A case file in a corpus folder; loaded on demand."""

    root: Path
    path: Path

    @property
    def id(self) -> str:
        """``art11/saturday-receipt``: the path inside the corpus, without ``.yaml``."""
        return self.path.relative_to(self.root).with_suffix("").as_posix()

    @cached_property
    def case(self) -> Case:
        return parse_file(Case, self.path)


def discover(root: Path | None = None) -> list[CaseFile]:
    """Every ``*.yaml`` case under ``root`` (default: the bundled corpus), sorted by id."""
    base = root or bundled_path("corpus")
    return sorted((CaseFile(base, p) for p in base.rglob("*.yaml")), key=lambda c: c.id)
