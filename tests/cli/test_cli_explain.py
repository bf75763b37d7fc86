"""``tinghu-policy explain RULE_ID``: provision text, docstring, party, decisions with default and alternatives."""

from __future__ import annotations

import pytest

from tinghu_policy.engine import catalogue
from tinghu_policy.interpretation import DECISIONS, CountingStart, Rollover
from tinghu_policy.provisions import provision

from .support import tinghu


def test_explain_shows_provision_text_party_decisions_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "explain", "art11.initial_opinion")
    assert ran.status == 0, ran.err
    text = " ".join(ran.out.split())
    dense = "".join(ran.out.split())  # the console wraps Chinese anywhere: compare without line breaks
    assert "第十一条第一款第（二）项" in text
    assert "Art. 11(1)(ii)" in text
    assert provision("art11.p1.i2").text in dense  # the official text
    assert "区数据局接收到项目单位申请后，进行预审，在5个工作日内给予初审意见" in dense  # the docstring
    assert "区数据局 District Data Bureau (data_bureau)" in text
    assert "D1 期间起算" in text
    assert "default: next_day" in text
    assert "alternative: next_working_day" in text
    assert "D2 工作日" in text
    assert "alternative: weekdays_without_makeup" in text
    assert "tinghu_policy.rules.art11_review_clock.initial_opinion" in text


@pytest.mark.parametrize("rule", catalogue(), ids=lambda r: r.id)
def test_every_rule_can_be_explained(rule: object, capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "explain", rule.id)  # type: ignore[attr-defined]
    assert ran.status == 0, ran.err
    assert provision(rule.provision).cite_zh in ran.out  # type: ignore[attr-defined]


def test_unknown_rule_exits_2_with_near_matches(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "explain", "art11.initial_opinon")
    assert ran.status == 2
    assert "unknown rule id 'art11.initial_opinon'; did you mean art11.initial_opinion" in ran.message


def test_decision_options_cover_enums_and_flags() -> None:
    rollover = DECISIONS["D4"].options()
    assert [(o.value, o.default) for o in rollover] == [
        (Rollover.REST_DAYS.value, True),
        (Rollover.HOLIDAYS_ONLY.value, False),
        (Rollover.NONE.value, False),
    ]
    assert [(o.value, o.default) for o in DECISIONS["D6"].options()] == [("false", True), ("true", False)]
    assert DECISIONS["D11"].options() == ()  # an open value: a number of working days


def test_option_meanings_are_read_from_the_source() -> None:
    meanings = {o.value: o.meaning for o in DECISIONS["D1"].options()}
    assert set(meanings) == {CountingStart.NEXT_DAY.value, CountingStart.NEXT_WORKING_DAY.value}
    assert meanings[CountingStart.NEXT_WORKING_DAY.value].startswith("D1b")
