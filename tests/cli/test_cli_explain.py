"""``tinghu-policy explain RULE_ID``: provision text, docstring, party, decisions with default and alternatives."""

from __future__ import annotations

import pytest

from tinghu_policy.cli.explain import alternatives, member_docs
from tinghu_policy.engine import catalogue
from tinghu_policy.interpretation import CountingStart, Interpretation, Rollover
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


def test_alternatives_cover_enums_flags_and_optional_values() -> None:
    fields = Interpretation.model_fields
    assert alternatives(fields["last_day_rollover"].annotation, Rollover.REST_DAYS) == [
        Rollover.HOLIDAYS_ONLY,
        Rollover.NONE,
    ]
    assert alternatives(fields["year_end_rollover"].annotation, False) == [True]
    assert alternatives(fields["timezone"].annotation, "Asia/Shanghai") == []
    timely = alternatives(fields["timely_within_working_days"].annotation, None)
    assert timely == ["a value of type int"]


def test_member_docs_are_read_from_the_source() -> None:
    docs = member_docs(CountingStart)
    assert set(docs) == {"NEXT_DAY", "NEXT_WORKING_DAY"}
    assert docs["NEXT_WORKING_DAY"].startswith("D1b")
