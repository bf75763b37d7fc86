"""Kills the surviving mutant of art05_responsibilities.py that makes a duty of the table writable: the table is
immutable (module docstring; ``tests/rules/test_art05_responsibilities.py::test_the_table_is_immutable`` checks the
entries and the mapping), down to each duty's words, which art. 31–35's table shares."""

from __future__ import annotations

import dataclasses

import pytest

from tinghu_policy.parties import Party
from tinghu_policy.rules.art05_responsibilities import responsibility


# kills art05_responsibilities.py:25 ReplaceTrueWithFalse #0
def test_a_duty_s_words_cannot_be_rewritten() -> None:
    duty = responsibility(Party.FINANCE_BUREAU).duties[2]
    with pytest.raises(dataclasses.FrozenInstanceError):
        duty.zh = "预算管理"  # type: ignore[misc]
    assert duty.zh == "政府采购监督管理"
