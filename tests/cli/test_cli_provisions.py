"""``tinghu-policy show`` works for every provision id; ``tinghu-policy provisions`` lists every article with status."""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len

from tinghu_policy.cli.app import console
from tinghu_policy.cli.provisions import resolve_provision
from tinghu_policy.provisions import Level, Provision, registry
from tinghu_policy.provisions.status import aggregate_status

from .support import tinghu

IDS = [p.id for p in registry()]


@pytest.mark.parametrize("provision_id", IDS)
def test_show_every_provision(capsys: pytest.CaptureFixture[str], provision_id: str) -> None:
    ran = tinghu(capsys, "show", provision_id)
    assert ran.status == 0
    p = registry()[provision_id]
    assert p.cite_zh in ran.out
    assert p.text.splitlines()[0][:12] in ran.out.replace("\n", "")
    assert f"status: {aggregate_status(provision_id)}" in ran.out


def test_show_marks_the_errata(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "show", "art37.p1")
    assert "E13" in ran.out
    assert "资料 and 情况" in ran.out


def test_show_an_unknown_id_exits_2_with_near_matches(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "show", "art11.p1.i9")
    assert ran.status == 2
    assert "art11.p1.i4" in ran.message
    assert "Traceback" not in ran.err


def test_provisions_lists_all_40_articles_with_status(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "provisions", "--json")
    assert ran.status == 0
    records = [json.loads(line) for line in ran.out.splitlines() if line.strip()]
    articles = [r for r in records if "." not in r["id"]]
    assert [r["id"] for r in articles] == [f"art{n}" for n in range(1, 41)]
    assert all(
        r["status"] in {"encoded", "not_computable"} for r in records
    )  # nothing pending, nothing unclassified


def test_provisions_table_filters_by_status(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "provisions", "--status", "not_computable")
    assert ran.status == 0
    assert "art1.p1" in ran.out
    assert "art11.p1.i2" not in ran.out


# --- issue #17: a provision by its citation, in any case; wrapping; a compact list for narrow output ------------

CLOSING = "。，、；：？！）》」』】〕〉”’"


@pytest.mark.parametrize(
    ("given", "wanted"),
    [
        ("第十一条", "art11"),
        ("第十一条第一款第（二）项", "art11.p1.i2"),
        ("第十一条第一款第(二)项", "art11.p1.i2"),
        ("第11条第1款第(2)项", "art11.p1.i2"),
        ("第十一条第（二）项", "art11.p1.i2"),
        ("第十一条 第一款 第（二）项", "art11.p1.i2"),
        ("第十一条第二款", "art11.p2"),
        ("第八条第（二）项", "art8.p1.i2"),
        ("第四十条", "art40"),
        ("第三章", "ch3"),
        ("ART11.P1.I2", "art11.p1.i2"),
        ("Art11", "art11"),
        ("CH3", "ch3"),
        ("Art. 11(1)(ii)", "art11.p1.i2"),
        ("art. 8(ii)", "art8.p1.i2"),
        ("Article 26", "art26"),
    ],
)
def test_show_takes_the_citation_a_legal_reader_types(
    capsys: pytest.CaptureFixture[str], given: str, wanted: str
) -> None:
    """Before: ``show 第十一条`` and ``show ART11.P1.I2`` were unknown ids."""
    assert resolve_provision(given) == wanted
    ran = tinghu(capsys, "show", given)
    assert ran.status == 0, ran.err
    assert ran.out.startswith(registry()[wanted].cite_zh + "  ")


@pytest.mark.parametrize("p", list(registry()), ids=lambda p: p.id)
def test_every_citation_and_id_names_its_provision(p: Provision) -> None:
    """An article with one paragraph is cited as the article (第一条): the paragraph's citation names the article."""
    for given in (p.cite_zh, p.cite_en, p.id.upper()):
        found = resolve_provision(given)
        sole_paragraph = p.level is Level.PARAGRAPH and p.cite_zh == registry()[p.parent or ""].cite_zh
        assert found == p.id or (sole_paragraph and found == p.parent), given


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("第四十一条", "unknown provision id '第四十一条'"),
        ("第十一条第三款", "did you mean art11.p1"),
        ("第十一条第一款第（九）项", "art11.p1.i4"),
        ("art11.p1.i9", "art11.p1.i4"),
        ("第十一章", "unknown provision id '第十一章'"),
    ],
)
def test_an_unknown_citation_exits_2_naming_the_provisions_there_are(
    capsys: pytest.CaptureFixture[str], given: str, message: str
) -> None:
    ran = tinghu(capsys, "show", given)
    assert ran.status == 2
    assert message in ran.message
    assert "Traceback" not in ran.err


@pytest.mark.parametrize("provision_id", IDS)
def test_show_never_starts_a_line_with_closing_punctuation(
    capsys: pytest.CaptureFixture[str], provision_id: str
) -> None:
    """Before: ``show art26`` wrapped Chinese so that '。' started a line."""
    ran = tinghu(capsys, "show", provision_id)
    lines = ran.out.splitlines()
    assert [line for line in lines[1:] if line.strip() and line.strip()[0] in CLOSING] == []
    assert max(cell_len(line) for line in lines if " " in line.strip() or not line.isascii()) <= 80


def test_provisions_in_a_narrow_or_piped_console_keep_every_id_whole(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before: at 80 columns the table cut ids short with '…'."""
    ran = tinghu(capsys, "provisions")
    assert ran.status == 0
    firsts = [line.split()[0] for line in ran.out.splitlines() if line.strip()]
    for p in registry():
        if p.level is not Level.CHAPTER:
            assert p.id in firsts, p.id
    assert "┃" not in ran.out
    assert ran.out == tinghu(capsys, "provisions").out  # the same bytes on every run


def test_provisions_in_a_wide_console_is_a_table_with_whole_ids(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console, "_width", 160)
    ran = tinghu(capsys, "provisions", "--chapter", "第三章")
    assert "┃" in ran.out
    for p in registry().descendants("ch3"):
        assert p.id in ran.out
    rows = re.findall(r"(?m)^│ +(art[\w.]+) ", ran.out)
    assert rows == [p.id for p in registry().descendants("ch3")]
