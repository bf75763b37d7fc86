"""What a rule finds: a status, a due date, who owes it, and the checks behind it, rendered in Chinese and English."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, computed_field, model_validator

from tinghu_policy.parties import Party


class Status(StrEnum):
    """The answer a rule gives."""

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
    NOT_APPLICABLE = "not_applicable"
    """The provision does not reach this project (the note says why)."""
    UNDETERMINED = "undetermined"
    """A fact the rule needs is missing (``missing`` names it)."""

    @property
    def label_zh(self) -> str:
        return _STATUS_ZH[self]

    @property
    def is_open(self) -> bool:
        """An obligation still to be done: pending or overdue."""
        return self in (Status.PENDING, Status.OVERDUE)


_STATUS_ZH = {
    Status.MET: "按期完成",
    Status.LATE: "逾期完成",
    Status.OVERDUE: "已逾期",
    Status.PENDING: "未到期",
    Status.HOLDS: "符合",
    Status.FAILS: "不符合",
    Status.NOT_APPLICABLE: "不适用",
    Status.UNDETERMINED: "无法判断",
}


class Relation(StrEnum):
    """How a fact must compare with what the provision requires."""

    ON_OR_BEFORE = "<="
    BEFORE = "<"
    ON_OR_AFTER = ">="
    AFTER = ">"
    EQUALS = "=="
    NOT_EQUALS = "!="

    @property
    def label_zh(self) -> str:
        return _RELATION_ZH[self]

    @property
    def label_en(self) -> str:
        return _RELATION_EN[self]


_RELATION_ZH = {
    Relation.ON_OR_BEFORE: "不晚于/不超过",
    Relation.BEFORE: "早于/少于",
    Relation.ON_OR_AFTER: "不早于/不少于",
    Relation.AFTER: "晚于/超过",
    Relation.EQUALS: "为",
    Relation.NOT_EQUALS: "不为",
}
_RELATION_EN = {
    Relation.ON_OR_BEFORE: "≤",
    Relation.BEFORE: "<",
    Relation.ON_OR_AFTER: "≥",
    Relation.AFTER: ">",
    Relation.EQUALS: "=",
    Relation.NOT_EQUALS: "≠",
}


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

    model_config = ConfigDict(frozen=True, extra="forbid")

    provision: str = Field(description="The provision id that requires it.")
    fact: str = Field(description="Where the fact is in the project, e.g. review[0].initial_opinion.")
    label_zh: str
    label_en: str
    relation: Relation
    required: _ReadValue
    actual: _ReadValue = Field(description="None: the fact is not given.")
    ok: bool | None = Field(description="None: undetermined, the fact is missing.")

    def render_zh(self) -> str:
        actual = "未提供" if self.actual is None else _show(self.actual, zh=True)
        return f"{self.label_zh}应{self.relation.label_zh}{_show(self.required, zh=True)}，实为{actual}"

    def render_en(self) -> str:
        actual = "not given" if self.actual is None else _show(self.actual, zh=False)
        return f"{self.label_en}: required {self.relation.label_en} {_show(self.required, zh=False)}, was {actual}"


def _show(value: Value | None, *, zh: bool) -> str:
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if value is None:
        return "—"
    return str(value)


class Finding(BaseModel):
    """What one rule says about one project (or one subject of it: a review round, a year, a department)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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
        False, description="Computed on a weekends-only calendar beyond the official data (D12)."
    )
    decisions: tuple[str, ...] = Field((), description="Interpretation decisions applied (D1–D16).")

    @model_validator(mode="before")
    @classmethod
    def _read_back(cls, data: Any) -> Any:
        return without_computed(cls, data)

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
    def explanation_zh(self) -> str:
        parts = [f"{self.citation_zh}【{self.status.label_zh}】{_titles(self.rule)[0]}"]
        if self.subject:
            parts[0] += f"（{self.subject}）"
        if self.owed_by is not None:
            parts.append(f"义务方：{self.owed_by.name_zh}")
        if self.due is not None:
            parts.append(f"期限：{self.due}（当日24时止）")
        parts += [c.render_zh() for c in self.checks]
        if self.missing:
            parts.append("缺少事实：" + "、".join(self.missing))
        if self.note_zh:
            parts.append(self.note_zh.rstrip("。；"))
        if self.provisional:
            parts.append("临时结果：超出官方节假日安排数据，仅按周末计算")
        return "；".join(parts) + "。"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def explanation_en(self) -> str:
        parts = [f"{self.citation_en} [{self.status.value}] {_titles(self.rule)[1]}"]
        if self.subject:
            parts[0] += f" ({self.subject})"
        if self.owed_by is not None:
            parts.append(f"owed by {self.owed_by.name_en}")
        if self.due is not None:
            parts.append(f"due {self.due} (ends 24:00)")
        parts += [c.render_en() for c in self.checks]
        if self.missing:
            parts.append("missing facts: " + ", ".join(self.missing))
        if self.note_en:
            parts.append(self.note_en.rstrip(".; "))
        if self.provisional:
            parts.append("provisional: beyond the official holiday data, weekends only")
        return "; ".join(parts) + "."


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
