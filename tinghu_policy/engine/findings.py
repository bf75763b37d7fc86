"""What a rule finds: a status, a due date, who owes it, and the checks behind it, rendered in Chinese and English."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    computed_field,
    model_serializer,
    model_validator,
)

from tinghu_policy.engine.lazy import lazy_fields, ready
from tinghu_policy.names import Named, subject_name
from tinghu_policy.parties import Party


class Status(Named):
    """The answer a rule gives (names in :data:`tinghu_policy.names.VOCABULARIES`)."""

    MET = "met"
    """Done by the due date."""
    LATE = "late"
    """Done after the due date."""
    OVERDUE = "overdue"
    """Not done, and the due date has passed."""
    PENDING = "pending"
    """Not done, not yet due."""
    HOLDS = "holds"
    """A condition is satisfied, or a prohibition is respected."""
    FAILS = "fails"
    """A condition is not satisfied, or a prohibition is broken."""
    NOTICE = "notice"
    """Information a reader must see that is neither a breach nor a duty met (e.g. events before the effective
    date, art. 40)."""
    NOT_APPLICABLE = "not_applicable"
    """The provision does not reach this project (the note says why)."""
    UNDETERMINED = "undetermined"
    """A fact the rule needs is missing (``missing`` names it)."""

    @property
    def label_zh(self) -> str:
        return self.name_zh

    @property
    def is_open(self) -> bool:
        """An obligation still to be done: pending or overdue."""
        return self in (Status.PENDING, Status.OVERDUE)


class Relation(StrEnum):
    """How a fact must compare with what the provision requires."""

    ON_OR_BEFORE = "<="
    BEFORE = "<"
    ON_OR_AFTER = ">="
    AFTER = ">"
    EQUALS = "=="
    NOT_EQUALS = "!="

    @property
    def negation(self) -> Relation:
        """The relation that holds exactly when this one does not."""
        return _NEGATION[self]


_NEGATION = {
    Relation.ON_OR_BEFORE: Relation.AFTER,
    Relation.AFTER: Relation.ON_OR_BEFORE,
    Relation.BEFORE: Relation.ON_OR_AFTER,
    Relation.ON_OR_AFTER: Relation.BEFORE,
    Relation.EQUALS: Relation.NOT_EQUALS,
    Relation.NOT_EQUALS: Relation.EQUALS,
}


class CheckRole(StrEnum):
    """What a check is in its finding, which decides how it reads."""

    REQUIREMENT = "requirement"
    """What the provision requires of a fact: "应不晚于2026-02-28，实为未提供"."""
    START = "start"
    """The fact a period runs from (its date; happened by as_of): "起算：2025-11-28 竣工验收合格"."""
    CONTEXT = "context"
    """A fact shown for what it is, which decides nothing by itself: a condition whose act has not happened
    (art. 12), an act before the effective date (D13)."""


def without_computed(model: type[BaseModel], data: Any) -> Any:
    """Input with the model's computed fields (citations, explanations) removed, so its JSON reads back."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in model.model_computed_fields}
    return data


Value = date | bool | int | Decimal | str
"""A fact or requirement as a check shows it: a date, a flag, a count, an amount or a name."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EXACT_DECIMAL = re.compile(r"-?\d+\.\d+")


def _read_value(value: Any) -> Any:
    """A check's value as it reads back from JSON, where dates and exact amounts are strings."""
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
        if _EXACT_DECIMAL.fullmatch(value):
            return Decimal(value)
    return value


_ReadValue = Annotated[Value | None, BeforeValidator(_read_value)]
"""How a check's value reads back from JSON: an ISO date is a date, an exact decimal string an amount."""
"""A fact or requirement as it appears in a check (dates, flags, counts, money, names)."""


class Check(BaseModel):
    """One comparison behind a finding: the fact, what the provision requires, what the facts gave."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    provision: str = Field(description="The provision id that requires it.")
    fact: str = Field(description="Where the fact is in the project, e.g. review[0].initial_opinion.")
    label_zh: str
    label_en: str
    relation: Relation
    required: _ReadValue
    actual: _ReadValue = Field(description="None: the fact is not given.")
    ok: bool | None = Field(description="None: undetermined, the fact is missing.")
    role: CheckRole = Field(
        CheckRole.REQUIREMENT,
        description="requirement (what the provision asks), start (the fact a period runs from), or context (a "
        "fact shown for what it is, deciding nothing by itself).",
    )

    def render_zh(self) -> str:
        """The check as a clause of a Chinese explanation (:mod:`tinghu_policy.engine.explain`)."""
        return _explain.check_zh(self)

    def render_en(self) -> str:
        return _explain.check_en(self)


class Finding(BaseModel):
    """What one rule says about one project (or one subject of it: a review round, a year, a department)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    rule: str = Field(description="Stable rule id, e.g. art11.initial_opinion.")
    provision: str = Field(description="The provision id the rule encodes.")
    subject: str | None = Field(
        None, description="What the finding is about when a rule finds several times."
    )
    status: Status
    due: date | None = Field(None, description="The last day (ends 24:00 Asia/Shanghai), where there is one.")
    owed_by: Party | None = Field(None, description="The party that owes the duty (art. 5 table).")
    to: tuple[Party, ...] = Field((), description="The parties a filing or report goes to.")
    checks: tuple[Check, ...] = ()
    missing: tuple[str, ...] = Field((), description="Facts the rule needed and did not get.")
    note_zh: str = ""
    note_en: str = ""
    provisional: bool = Field(
        False,
        description="Computed beyond the official holiday data on estimated rest days (D12 statutory_estimate: "
        "weekends and statutory holidays; provisional: weekends only): recompute once the years are published.",
    )
    estimated_years: tuple[int, ...] = Field(
        (),
        description="With provisional: the years beyond the official data whose rest days were estimated (D12).",
    )
    decisions: tuple[str, ...] = Field(
        (), description="Interpretation decisions the rule applies (D1, D2, …)."
    )

    @model_validator(mode="before")
    @classmethod
    def _read_back(cls, data: Any) -> Any:
        return without_computed(cls, data)

    @model_serializer(mode="wrap")
    def _rendered(self, handler):  # type: ignore[no-untyped-def]  # (a return type would change the JSON Schema)
        """Serialised with its checks and notes rendered (a finding of :func:`~tinghu_policy.evaluate` renders
        them when first read: :mod:`tinghu_policy.engine.lazy`)."""
        ready(self)
        return handler(self)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def citation_zh(self) -> str:
        return _citations(self.provision)[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def citation_en(self) -> str:
        return _citations(self.provision)[1]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_zh(self) -> str:
        """The status as a reader reads it: a pending duty with no due date is 待履行（无期限）."""
        return status_names(self.status, self.due)[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def subject_zh(self) -> str | None:
        """The subject in Chinese (第1轮：区审计局), or None."""
        return None if self.subject is None else subject_name(self.subject)[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def explanation_zh(self) -> str:
        """The finding as a short 审查意见: provision, party, start, due date, facts, reasoning, conclusion."""
        return _explain.explain_zh(self)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def explanation_en(self) -> str:
        return _explain.explain_en(self)


lazy_fields(Finding, "checks", "note_zh", "note_en")


def status_names(status: Status, due: date | None) -> tuple[str, str]:
    """A status's Chinese and English names; PENDING with no due date is a duty without a period."""
    if status is Status.PENDING and due is None:
        return "待履行（无期限）", "pending (no due date)"
    return status.name_zh, status.name_en


@cache
def _citations(provision_id: str) -> tuple[str, str]:
    """The Chinese and English citations of a provision, looked up once per id (serialising a report asks often)."""
    from tinghu_policy.provisions import provision

    found = provision(provision_id)
    return found.cite_zh, found.cite_en


@cache
def _titles(rule_id: str) -> tuple[str, str]:
    """A rule's Chinese and English titles, looked up once per id."""
    from tinghu_policy.engine.rule import rule_by_id

    found = rule_by_id(rule_id)
    return found.title_zh, found.title_en


_M = TypeVar("_M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def built(model: type[_M], fields: dict[str, Any]) -> _M:
    """``model.model_construct(**fields)`` when ``fields`` gives every field, without its per-field Python loop.

    The engine builds a :class:`Check` per comparison and a :class:`Finding` per outcome from values it made
    itself, so nothing is validated (as with ``model_construct``); this sets the same four attributes
    ``model_construct`` sets and is several times faster — building models was the largest cost of an evaluation.
    Only for models without private attributes or ``model_post_init`` (``Check``, ``Finding``, ``Report``).
    """
    made = _new(model)
    _set(made, "__dict__", fields)
    _set(made, "__pydantic_fields_set__", set(fields))
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


# last: the explanations are rendered from the models above (imported here once, not on every read)
from tinghu_policy.engine import explain as _explain  # noqa: E402
