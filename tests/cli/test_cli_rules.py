"""``tinghu-policy rules``: every rule id with its provision, title and who owes it (issue #17: there was no way to
list the rule ids), filtered by a provision or its citation; JSON lines; ids never broken at any width."""

from __future__ import annotations

import json
import re

import pytest

from tinghu_policy.cli.app import console
from tinghu_policy.engine import catalogue
from tinghu_policy.provisions import provision

from .support import tinghu

RULES = catalogue()


def test_rules_lists_every_rule_with_its_provision_title_and_party(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ran = tinghu(capsys, "rules")
    assert ran.status == 0, ran.err
    lines = ran.out.splitlines()
    heads = [line for line in lines if line and not line.startswith(" ")]
    for rule in RULES:
        head = next((line for line in heads if line.split()[0] == rule.id), None)
        assert head is not None, rule.id
        assert provision(rule.provision).cite_zh in head
        assert f"({rule.provision})" in head
        assert (rule.owed_by.name_zh if rule.owed_by else "—") in head
    dense = "".join(ran.out.split())
    assert all("".join(r.title_zh.split()) in dense for r in RULES)
    assert f"{len(RULES)} rules" in ran.out
    assert "┃" not in ran.out
    assert ran.out == tinghu(capsys, "rules").out  # the same bytes on every run


@pytest.mark.parametrize("given", ["art11", "第十一条", "ART11", "Art. 11"])
def test_rules_of_one_article(capsys: pytest.CaptureFixture[str], given: str) -> None:
    ran = tinghu(capsys, "rules", given)
    assert ran.status == 0, ran.err
    ids = [line.split()[0] for line in ran.out.splitlines() if line.startswith("art")]
    assert ids == [r.id for r in RULES if r.provision.startswith("art11.")]


@pytest.mark.parametrize(
    ("given", "wanted"),
    [("art11.p1.i2", "art11.p1.i2"), ("第十一条第一款第（二）项", "art11.p1.i2"), ("ch7", None)],
)
def test_rules_of_a_paragraph_item_or_chapter(
    capsys: pytest.CaptureFixture[str], given: str, wanted: str | None
) -> None:
    ran = tinghu(capsys, "rules", given, "--json")
    assert ran.status == 0, ran.err
    records = [json.loads(line) for line in ran.out.splitlines()]
    assert records
    if wanted is not None:
        assert {r["provision"] for r in records} == {wanted}
    else:
        assert {r["provision"].split(".")[0] for r in records} <= {"art38", "art39", "art40"}


def test_rules_json_has_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "rules", "--json")
    records = [json.loads(line) for line in ran.out.splitlines()]
    assert [r["id"] for r in records] == [r.id for r in RULES]
    first = records[0]
    assert set(first) == {
        "id",
        "provision",
        "citation_zh",
        "citation_en",
        "title_zh",
        "title_en",
        "owed_by",
        "to",
        "decisions",
    }
    initial = next(r for r in records if r["id"] == "art11.initial_opinion")
    assert initial["owed_by"] == "data_bureau"
    assert initial["citation_zh"] == "第十一条第一款第（二）项"
    assert "D1" in initial["decisions"]


def test_rules_in_a_wide_console_is_a_table_with_whole_ids(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console, "_width", 160)
    ran = tinghu(capsys, "rules")
    assert "┃" in ran.out
    assert "…" not in ran.out
    assert re.findall(r"(?m)^│ (art\d+\.\w+) ", ran.out) == [r.id for r in RULES]


def test_rules_with_an_unknown_provision_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "rules", "第四十一条")
    assert ran.status == 2
    assert "unknown provision id '第四十一条'" in ran.message
