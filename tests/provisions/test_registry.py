"""Look-up, walk and citation of provisions."""

from __future__ import annotations

import pytest

from tinghu_policy.errors import TinghuPolicyError, UnknownProvisionError
from tinghu_policy.provisions import Level, provision, registry
from tinghu_policy.provisions.citation import chinese_number, roman_lower


@pytest.mark.parametrize(
    ("provision_id", "zh", "en"),
    [
        ("art11.p1.i2", "第十一条第一款第（二）项", "Art. 11(1)(ii)"),
        ("art26.p1", "第二十六条第一款", "Art. 26(1)"),
        ("art27.p4", "第二十七条第四款", "Art. 27(4)"),
        ("ch3", "第三章", "Chapter 3"),
        ("art40", "第四十条", "Art. 40"),
        # a single-paragraph article is cited without 第一款
        ("art12.p1", "第十二条", "Art. 12"),
        ("art5.p1.i7", "第五条第（七）项", "Art. 5(vii)"),
    ],
)
def test_citations(provision_id: str, zh: str, en: str) -> None:
    p = provision(provision_id)
    assert (p.cite_zh, p.cite_en) == (zh, en)


@pytest.mark.parametrize(
    ("n", "zh"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (24, "二十四"), (40, "四十")]
)
def test_chinese_numbers(n: int, zh: str) -> None:
    assert chinese_number(n) == zh


@pytest.mark.parametrize(("n", "roman"), [(1, "i"), (4, "iv"), (5, "v"), (7, "vii"), (9, "ix"), (14, "xiv")])
def test_roman_numbers(n: int, roman: str) -> None:
    assert roman_lower(n) == roman


def test_shape_of_the_regulation() -> None:
    reg = registry()
    assert len(reg.chapters()) == 7
    assert [a.article for a in reg.articles()] == list(range(1, 41))
    assert [c.id for c in reg.children("ch3")] == ["art8", "art9", "art10", "art11", "art12", "art13"]
    assert [c.id for c in reg.children("art11.p1")] == [f"art11.p1.i{n}" for n in range(1, 5)]
    assert provision("art26.p1.i3").parent == "art26.p1"
    assert provision("art24.p1").chapter == "ch5"


def test_walk_reaches_every_provision_once() -> None:
    reg = registry()
    walked = [p.id for c in reg.chapters() for p in (c, *reg.descendants(c.id))]
    assert walked == [p.id for p in reg]
    assert len(set(walked)) == len(walked)


def test_item_text_keeps_its_marker_and_corrections() -> None:
    assert provision("art5.p1.i5").text.startswith("（五）区委网信办")
    assert "资料和情况" in provision("art37.p1").text
    assert [e.id for e in registry().errata("art27.p4")] == ["E08"]


def test_unknown_id_suggests_near_matches() -> None:
    with pytest.raises(UnknownProvisionError) as caught:
        provision("art11.p1.i9")
    assert "art11.p1.i4" in caught.value.suggestions
    assert isinstance(caught.value, TinghuPolicyError)
    assert "did you mean" in str(caught.value)


def test_levels() -> None:
    assert provision("ch1").level is Level.CHAPTER
    assert provision("art11.p2").is_leaf
    assert not provision("art11.p1").is_leaf
