"""``tinghu-policy explain RULE_ID``: provision text, docstring, party, decisions with default and alternatives."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tinghu_policy.cli.explain import plain_doc
from tinghu_policy.engine import catalogue
from tinghu_policy.interpretation import DECISIONS, CountingStart, Rollover
from tinghu_policy.names import OPTION_ZH
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
    assert OPTION_ZH["counting_start"]["next_day"] in dense  # each value with its Chinese name (names.py)
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


# --- issue #17: plain text, wrapped to the terminal; look-up by any case, by provision, with near ids -------------

CLOSING = "。，、；：？！）》」』】〕〉”’"


@pytest.mark.parametrize("rule", catalogue(), ids=lambda r: r.id)
def test_explain_prints_no_sphinx_markup_and_no_line_starting_with_closing_punctuation(
    rule: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ``:class:`~tinghu_policy.errors.CalendarCoverageError``` and '。' at the start of lines."""
    ran = tinghu(capsys, "explain", rule.id)  # type: ignore[attr-defined]
    assert ran.status == 0, ran.err
    assert not re.search(r":(?:class|func|meth|mod|data|attr|exc|obj|ref):`", ran.out)
    assert "``" not in ran.out
    lines = ran.out.splitlines()
    assert [line for line in lines[1:] if line.strip() and line.strip()[0] in CLOSING] == []
    assert all(line == line.rstrip() for line in lines)


def test_explain_reflows_the_docstring_to_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """Before: the docstring's 110-column source lines, each wrapped again at 80: a ragged right edge."""
    ran = tinghu(capsys, "explain", "art11.initial_opinion")
    section = ran.out.split("规则 Rule\n", 1)[1].split("\n\n义务方", 1)[0]
    for paragraph in section.split("\n\n"):
        lines = paragraph.splitlines()
        assert all(cell_len(line) <= 80 for line in lines)
        assert all(cell_len(line) >= 70 for line in lines[:-1]), lines  # every line but the last is full


def test_plain_doc_drops_roles_and_joins_lines() -> None:
    doc = """Raises :class:`~tinghu_policy.errors.CalendarCoverageError` (see :func:`deadline`, :meth:`x <a.b>`,
    ``code`` and :data:`.MAX`).
        区数据局接收到项目单位申请后，
        进行预审.

    - one item
      continued
    - another
    """
    assert plain_doc(doc) == [
        "Raises CalendarCoverageError (see deadline, x, code and MAX). 区数据局接收到项目单位申请后，进行预审.",
        "",
        "- one item continued",
        "- another",
    ]


@pytest.mark.parametrize(
    "given", ["ART11.INITIAL_OPINION", "Art11.Initial_Opinion", " art11.initial_opinion "]
)
def test_a_rule_id_in_any_case_is_found(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "explain", given)
    assert ran.status == 0, ran.err
    assert ran.out.startswith("art11.initial_opinion")


@pytest.mark.parametrize(
    ("given", "near"),
    [
        ("initial_opinon", "art11.initial_opinion"),
        ("art27.final_acounts", "art27.final_accounts"),
        ("department_review", "art11.department_review"),
    ],
)
def test_an_unknown_rule_names_the_closest_ones_and_the_rules_command(
    given: str, near: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = tinghu(capsys, "explain", given)
    assert ran.status == 2
    assert f"unknown rule id {given!r}; did you mean" in ran.message
    assert near in ran.message
    assert "tinghu-policy rules lists every rule" in ran.message


@pytest.mark.parametrize("given", ["art11.p1.i2", "第十一条第一款第（二）项"])
def test_a_provision_given_to_explain_names_its_rules(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "explain", given)
    assert ran.status == 2
    assert "is a provision, 第十一条第一款第（二）项 (art11.p1.i2), not a rule id" in ran.message
    assert "art11.initial_opinion" in ran.message
    assert "art11.revision" in ran.message
