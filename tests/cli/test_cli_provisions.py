"""``tinghu-policy show`` works for every provision id; ``tinghu-policy provisions`` lists every article with status."""

from __future__ import annotations

import json

import pytest

from tinghu_policy.provisions import registry
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
