"""Citations of provisions as Chinese legal staff write them (第十一条第一款第（二）项) and in English (Art. 11(1)(ii)).

Convention (全国人大常委会法工委《立法技术规范（试行）（一）》 practice): an article with a single paragraph is cited
without 第一款 — 第十二条, 第五条第（五）项 — and its English form likewise omits ``(1)``.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_ROMAN = (
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 40 → 四十 (1 ≤ n ≤ 99)."""
    if not 1 <= n <= 99:
        raise ValueError(f"chinese_number supports 1–99, got {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def roman_lower(n: int) -> str:
    """1 → i, 4 → iv, 12 → xii (1 ≤ n ≤ 39)."""
    if not 1 <= n <= 39:
        raise ValueError(f"roman_lower supports 1–39, got {n}")
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def cite_zh(
    article: int, paragraph: int | None = None, item: int | None = None, *, paragraphs: int = 2
) -> str:
    """第十一条第一款第（二）项; ``paragraphs`` is how many the article has (1 drops 第一款)."""
    text = f"第{chinese_number(article)}条"
    if paragraph is not None and paragraphs > 1:
        text += f"第{chinese_number(paragraph)}款"
    if item is not None:
        text += f"第（{chinese_number(item)}）项"
    return text


def cite_en(
    article: int, paragraph: int | None = None, item: int | None = None, *, paragraphs: int = 2
) -> str:
    """Art. 11(1)(ii); ``paragraphs`` is how many the article has (1 drops ``(1)``)."""
    text = f"Art. {article}"
    if paragraph is not None and paragraphs > 1:
        text += f"({paragraph})"
    if item is not None:
        text += f"({roman_lower(item)})"
    return text


def chapter_zh(number: int) -> str:
    """第三章."""
    return f"第{chinese_number(number)}章"


def chapter_en(number: int) -> str:
    """Chapter 3."""
    return f"Chapter {number}"
