"""The source of a working-day arrangement: a State Council (国务院办公厅) holiday notice."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict

from tinghu_policy.isodate import iso_date


def _iso_date(value: object) -> object:
    return iso_date(value) if isinstance(value, str) else value  # exactly YYYY-MM-DD, as everywhere


Day = Annotated[date, Strict(), BeforeValidator(_iso_date)]
"""A date or a "YYYY-MM-DD" string; never a number or a timestamp."""


class Notice(BaseModel):
    """A State Council notice fixing holidays and make-up working days (国务院办公厅关于…节假日安排的通知)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)

    title: str = Field(
        min_length=1, description="Title without 《》, e.g. 国务院办公厅关于2026年部分节假日安排的通知."
    )
    number: str | None = Field(
        None, min_length=1, description="Document number (发文字号) if known; never guessed."
    )
    issued: Day = Field(description="The date the notice is dated (成文日期).")
    url: str | None = Field(None, min_length=1, description="Where the text can be read.")

    @property
    def citation(self) -> str:
        """《title》 number (date), as cited in explanations."""
        number = f" {self.number}" if self.number else ""
        return f"《{self.title}》{number}（{self.issued.isoformat()}）"
