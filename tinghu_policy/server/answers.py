"""The API's answers other than the report: pydantic models, so the OpenAPI document describes them exactly.

Every JSON answer carries ``format_version`` and ``provenance`` (the library, the edition of the regulation, the
calendar data: :class:`~tinghu_policy.engine.Provenance`); an answer computed under an interpretation (a deadline)
carries the interpretation in full, as a report does.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from tinghu_policy.engine import FORMAT_VERSION, Provenance
from tinghu_policy.interpretation import Interpretation


class _Answer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Answer(_Answer):
    """The head every JSON answer carries."""

    format_version: Literal["2.0"] = FORMAT_VERSION
    provenance: Provenance = Field(
        description="What the answer depends on: library, regulation, calendar data."
    )


class FieldProblem(_Answer):
    field: str = Field(
        description="The path of the field that failed, e.g. project.owner.level or query.as_of."
    )
    line: int | None = Field(None, description="The line of the body it is on, when known.")
    message: str


class Problem(_Answer):
    """An error (RFC 9457 ``application/problem+json``): never a stack trace."""

    type: str = Field(description="urn:tinghu-policy:problem:<kind>")
    title: str
    status: int
    detail: str = Field(description="The message the command line gives for the same input.")
    instance: str | None = Field(None, description="The request path.")
    errors: tuple[FieldProblem, ...] = Field((), description="Each field that failed.")


class Named(_Answer):
    code: str
    name_zh: str
    name_en: str


class ProvisionSummary(_Answer):
    id: str
    level: str = Field(description="chapter, article, paragraph or item")
    citation_zh: str
    citation_en: str
    status: str | None = Field(
        description="encoded, not_computable, pending (paragraphs and items; articles aggregate them)"
    )
    rules: tuple[str, ...] = ()
    reason: str = ""


class ProvisionList(Answer):
    provisions: tuple[ProvisionSummary, ...]


class RuleRef(_Answer):
    id: str
    title_zh: str
    title_en: str


class RuleSummary(RuleRef):
    provision: str
    citation_zh: str


class RuleList(Answer):
    rules: tuple[RuleSummary, ...]


class Erratum(_Answer):
    id: str
    kind: str
    original: str
    corrected: str


class ProvisionAnswer(Answer):
    id: str
    level: str
    chapter: str
    citation_zh: str
    citation_en: str
    text: str = Field(description="The official text (the edition in articles/, errata applied).")
    parent: str | None
    children: tuple[str, ...]
    status: str | None
    rules: tuple[RuleRef, ...] = Field(description="The rules that encode it.")
    reason: str = Field(description="Why it is not computable, or the part not encoded.")
    errata: tuple[Erratum, ...]


class OptionAnswer(_Answer):
    value: str = Field(description="As written in JSON or ?option=ID=VALUE.")
    name_zh: str = Field(description="What the value means, in Chinese.")
    meaning: str = Field(description="What it means (the library's documentation).")
    default: bool


class DecisionAnswer(_Answer):
    id: str
    field: str = Field(description="The Interpretation field that holds the choice.")
    title_zh: str
    title_en: str
    basis: str = Field(description="The legal basis, in Chinese.")
    description: str
    default: Any = Field(description="The default value, as JSON.")
    options: tuple[OptionAnswer, ...] = Field(description="The values it takes; empty for an open value.")
    open_value_zh: str | None = Field(
        None, description="For an open value (a number, a date): what to enter."
    )
    provisions: tuple[str, ...]
    rules: tuple[str, ...]


class DecisionList(Answer):
    decisions: tuple[DecisionAnswer, ...]


class SourceRef(_Answer):
    module: str
    function: str
    line: int


class RuleAnswer(Answer):
    """What ``tinghu-policy explain RULE`` shows."""

    id: str
    title_zh: str
    title_en: str
    provision: str
    citation_zh: str
    citation_en: str
    text: str = Field(description="The provision's official text.")
    doc: str = Field(description="What the rule does (its docstring).")
    owed_by: Named | None
    to: tuple[Named, ...]
    decides_scope: bool
    decisions: tuple[DecisionAnswer, ...]
    source: SourceRef


class PeriodAnswer(_Answer):
    code: str = Field(description="As given: 5wd, 10d, 6m, 1y.")
    kind: Literal["working_days", "days", "months", "years"]
    n: int
    label_zh: str
    label_en: str


class StepAnswer(_Answer):
    kind: str
    dates: tuple[date, ...]
    text_zh: str
    text_en: str


class DeadlineAnswer(Answer):
    """Legal time: the last day of a period and every step of its reckoning (民法典 第二百零一条至第二百零三条)."""

    start: date
    period: PeriodAnswer
    limit: bool = Field(
        description="True: the day the period is complete, never rolled over (D5's boundary)."
    )
    due: date
    ends_at: datetime = Field(description="24:00 of the due date, Asia/Shanghai.")
    provisional: bool = Field(
        description="Days beyond the official calendar data were read as weekends only (D12)."
    )
    steps: tuple[StepAnswer, ...]
    explanation_zh: str
    explanation_en: str
    interpretation: Interpretation


class OverlayAnswer(_Answer):
    name: str = Field(description="What a request names it by.")
    year: int
    notice: str
    digest: str


class Limits(_Answer):
    max_body_bytes: int
    time_limit_seconds: float
    max_batch_lines: int
    max_calendar_overlays: int


class VersionAnswer(Answer):
    library: str
    python: str
    schemas: tuple[str, ...]
    calendar_overlays: tuple[OverlayAnswer, ...] = Field(description="The overlays a request may name.")
    limits: Limits
    auth: bool = Field(description="Whether /v1 needs a bearer token.")
    docs_url: str | None = Field(description="Where the documentation site is, if configured.")


class CaseSummary(_Answer):
    id: str
    group_zh: str = Field(description="The folder's name: the article (第十一条) or 全生命周期.")
    title: str
    as_of: date
    provisions: tuple[str, ...]


class CaseList(Answer):
    cases: tuple[CaseSummary, ...]


class CaseAnswer(Answer):
    id: str
    title: str
    as_of: date
    provisions: tuple[str, ...]
    interpretation: dict[str, Any] = Field(description="The case's interpretation overrides.")
    text: str = Field(description="The case file as written, its hand-worked comment included.")


class NamesAnswer(Answer):
    """Every code a reader can meet, with its Chinese and English name (:mod:`tinghu_policy.names`)."""

    vocabularies: dict[str, dict[str, tuple[str, str]]]
    subjects: dict[str, tuple[str, str]]


class Health(_Answer):
    status: Literal["ok"] = "ok"
