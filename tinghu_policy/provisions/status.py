"""Encoding status of each provision: encoded (by which rules), not computable (why), or pending.

``encoded`` is never written by hand: it is read off the rules, each of which cites its provision. The other two
are declared in ``status.yaml``. A provision has exactly one status; :func:`status_problems` lists every breach.
A paragraph its rules cover only in part is listed under ``encoded_in_part`` with the part no rule encodes and why
it is not computable: it reads "encoded — in part: …", never plain "encoded".

Every reason is declared in Chinese and English (``zh``/``en``): a reader meets the Chinese first
(:attr:`ProvisionStatus.reason_zh`), the English beside it (:attr:`ProvisionStatus.reason`, unchanged for callers
that read it). A reason without Chinese is refused when ``status.yaml`` is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from tinghu_policy.provisions.registry import Level, Provision, registry
from tinghu_policy.yaml_input import decode, load_yaml, read_file


class EncodingStatus(StrEnum):
    ENCODED = "encoded"
    NOT_COMPUTABLE = "not_computable"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class ProvisionStatus:
    """A provision's status with the rules (and tables) that encode it, or the reason it is not computable."""

    provision: str
    status: EncodingStatus | None
    rules: tuple[str, ...] = ()
    reason: str = ""
    """Why it is not computable (or, encoded in part, which part is not), in English."""
    reason_zh: str = ""
    """The same in Chinese: what a reader sees first."""

    @property
    def reason_en(self) -> str:
        return self.reason


_HAN = re.compile(r"[\u4e00-\u9fff]")


class Reason(BaseModel):
    """A declared reason, in Chinese and in English."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str
    en: str

    @field_validator("zh")
    @classmethod
    def _chinese(cls, value: str) -> str:
        if not _HAN.search(value):
            raise ValueError(f"the Chinese reason (zh) has no Chinese: {value!r}")
        return value

    @field_validator("en")
    @classmethod
    def _english(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the English reason (en) is empty")
        return value


class _Declared(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    not_computable: dict[str, Reason]
    encoded_in_part: dict[str, Reason] = {}
    pending: tuple[str, ...]


@cache
def _declared() -> _Declared:
    path = Path(__file__).parent / "status.yaml"
    data, _ = load_yaml(decode(read_file(path), str(path)), str(path))
    return _Declared.model_validate(data)


def status_units() -> tuple[Provision, ...]:
    """The provisions that carry a status: every paragraph and item."""
    return tuple(p for p in registry() if p.level in (Level.PARAGRAPH, Level.ITEM))


def _encoders() -> dict[str, tuple[str, ...]]:
    from tinghu_policy.engine.rule import encoders_by_provision

    return encoders_by_provision()


def status_of(provision_id: str) -> ProvisionStatus:
    """The status of a paragraph or item (an article or chapter: see :func:`aggregate_status`)."""
    declared = _declared()
    rules = _encoders().get(provision_id, ())
    if rules:
        part = declared.encoded_in_part.get(provision_id)
        if part is None:
            return ProvisionStatus(provision_id, EncodingStatus.ENCODED, rules=rules)
        return ProvisionStatus(
            provision_id,
            EncodingStatus.ENCODED,
            rules=rules,
            reason=f"in part — not computable: {part.en}",
            reason_zh=f"部分编码，以下部分不可计算：{part.zh}",
        )
    if provision_id in declared.not_computable:
        reason = declared.not_computable[provision_id]
        return ProvisionStatus(
            provision_id, EncodingStatus.NOT_COMPUTABLE, reason=reason.en, reason_zh=reason.zh
        )
    if provision_id in declared.pending:
        return ProvisionStatus(provision_id, EncodingStatus.PENDING)
    return ProvisionStatus(provision_id, None)


def aggregate_status(provision_id: str) -> EncodingStatus | None:
    """An article's or chapter's status from its parts: pending if any part is, encoded if any part is."""
    reg = registry()
    if reg[provision_id].level in (Level.PARAGRAPH, Level.ITEM):
        return status_of(provision_id).status
    parts = [
        status_of(p.id).status
        for p in reg.descendants(provision_id)
        if p.level in (Level.PARAGRAPH, Level.ITEM)
    ]
    for status in (None, EncodingStatus.PENDING, EncodingStatus.ENCODED):
        if status in parts:
            return status
    return EncodingStatus.NOT_COMPUTABLE


def status_problems() -> list[str]:
    """Every provision with no status or two, and every declared id that is not a paragraph or item."""
    declared = _declared()
    units = {p.id for p in status_units()}
    encoders = _encoders()
    problems = [
        f"{pid}: declared in status.yaml but is not a paragraph or item"
        for pid in sorted((set(declared.not_computable) | set(declared.pending)) - units)
    ]
    for pid in sorted(units):
        statuses = [
            name
            for name, present in (
                ("encoded", pid in encoders),
                ("not_computable", pid in declared.not_computable),
                ("pending", pid in declared.pending),
            )
            if present
        ]
        if len(statuses) != 1:
            problems.append(f"{pid}: has {' and '.join(statuses) or 'no status'}")
    problems += [
        f"{pid}: cited by a rule but is not a paragraph or item" for pid in sorted(set(encoders) - units)
    ]
    problems += [
        f"{pid}: declared encoded in part but no rule encodes it"
        for pid in sorted(set(declared.encoded_in_part) - set(encoders))
    ]
    return problems
