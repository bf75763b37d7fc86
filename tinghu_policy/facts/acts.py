"""Acts with an outcome, assessments that may not be held, and states that change over time.

Three shapes the whole model shares (format 2.0), so that the facts can say what happened and not only when:

* :class:`Review` — a review act (审核、复核) on a date, with its conclusion: 通过 or 不通过. A review whose
  conclusion is not stated is a fact the rules name as missing; a rejecting review never satisfies "审核后".
* :class:`Assessment` — a test, assessment or inspection (等保测评, 密评, 档案验收): held (its result and date),
  **not held**, or **not required** (with the reason). Absent (``null``) means *not known*, which is different
  from not held: a rule says undetermined for the one and applies the text to the other.
* :class:`FlagSince` histories — a yes/no state with the day it began (``since``), e.g. 按要求迁移至区政务云 from
  2025-03-01. A rule reads the state on the day of the act it judges (:func:`value_at`); before the first dated
  entry the state is not known.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import Field, model_validator

from tinghu_policy.facts.base import Facts, LegalDate
from tinghu_policy.names import Named


class ReviewOutcome(Named):
    """The conclusion of a review (审核结论)."""

    APPROVED = "approved"
    """通过（同意）."""
    REJECTED = "rejected"
    """不通过（不同意）."""


class Review(Facts):
    """A review act: the day it was concluded and its conclusion (None: not stated)."""

    day: LegalDate = Field(description="审核（复核）日期 the day the review was concluded")
    outcome: ReviewOutcome | None = Field(
        None,
        description="审核结论 approved or rejected; None: not stated (a rule that needs it is undetermined)",
    )


class AssessmentResult(Named):
    """What became of a test, assessment or inspection."""

    PASSED = "passed"
    """合格."""
    FAILED = "failed"
    """不合格."""
    NOT_HELD = "not_held"
    """未进行 (it was not held)."""
    NOT_REQUIRED = "not_required"
    """无需进行 (the law does not require it for this system; the reason is given)."""


class Assessment(Facts):
    """A test, assessment or inspection: held (result and date), not held, or not required (with the reason).

    ``{result: passed, day: 2025-11-20}``; ``{day: 2025-11-20}`` (held, result not stated); ``{result: not_held}``;
    ``{result: not_required, reason: 等保第二级系统，无需密评}``.
    """

    result: AssessmentResult | None = Field(
        None, description="结果 passed, failed, not_held or not_required; None: held, result not stated"
    )
    day: LegalDate | None = Field(None, description="结论日期 the day of the conclusion (held only)")
    reason: str | None = Field(
        None,
        min_length=1,
        max_length=300,
        description="无需进行的理由 why it is not required (not_required only)",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Assessment:
        held = self.result in (None, AssessmentResult.PASSED, AssessmentResult.FAILED)
        if self.result is None and self.day is None:
            raise ValueError(
                "give result, day, or both: an empty assessment says nothing (leave it out instead)"
            )
        if not held and self.day is not None:
            raise ValueError(f"day: an assessment that is {self.result} has no date of conclusion")
        if (self.result is AssessmentResult.NOT_REQUIRED) != (self.reason is not None):
            raise ValueError("reason: give it exactly when the result is not_required")
        return self

    @property
    def passed(self) -> bool | None:
        """Held and passed: True; failed or not held: False; held with no result stated: None."""
        if self.result is None:
            return None
        return self.result is AssessmentResult.PASSED

    @property
    def required(self) -> bool:
        return self.result is not AssessmentResult.NOT_REQUIRED


class FlagSince(Facts):
    """A yes/no state from a day on (``since``); the first entry of a history may omit ``since`` (from the start)."""

    since: LegalDate | None = Field(None, description="自该日起 from this day (None: from the start)")
    value: bool = Field(description="是否 the state from that day")


History = tuple[FlagSince, ...]
"""A state over time, oldest first; an empty history: not known."""


def check_history(name: str, history: Sequence[FlagSince]) -> None:
    """Only the first entry may be undated; dated entries strictly increase."""
    for n, entry in enumerate(history):
        if entry.since is None and n > 0:
            raise ValueError(f"{name}[{n}].since: only the first entry may omit since")
    dated = [e.since for e in history if e.since is not None]
    for n in range(1, len(dated)):
        if dated[n] <= dated[n - 1]:
            raise ValueError(f"{name}: the entries must be in order of since, each on a later day")


def value_at(history: Sequence[FlagSince], day: date) -> bool | None:
    """The state on ``day``: the last entry begun on or before it; None before the first dated entry."""
    found: bool | None = None
    for entry in history:
        if entry.since is None or entry.since <= day:
            found = entry.value
        else:
            break
    return found
