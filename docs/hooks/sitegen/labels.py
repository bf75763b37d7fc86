"""Labels of statuses, parties and errata kinds (Chinese first, English beside it), and links between pages."""

from __future__ import annotations

from sitegen.markup import text
from tinghu_policy.parties import Party
from tinghu_policy.provisions.status import EncodingStatus

ENCODING = {
    EncodingStatus.ENCODED: ("已编码", "encoded"),
    EncodingStatus.NOT_COMPUTABLE: ("不可计算", "not computable"),
    EncodingStatus.PENDING: ("待编码", "pending"),
    None: ("无状态", "no status"),
}

ERRATUM_KIND = {
    "half_width_punctuation": ("半角标点改为全角", "half-width punctuation made full-width"),
    "stray_word": ("误入的外文词", "stray word"),
    "page_break_join": ("分页断句合并", "page-break join"),
}


def encoding_badge(status: EncodingStatus | None) -> str:
    zh, en = ENCODING[status]
    css = status.value if status is not None else "none"
    return f'<span class="th-badge th-{css}">{zh} <small>{en}</small></span>'


def party(value: Party | None) -> str:
    return "—" if value is None else f"{text(value.name_zh)} <small>{text(value.name_en)}</small>"


def parties(values: tuple[Party, ...]) -> str:
    return "、".join(party(p) for p in values) if values else "—"


def visible(value: str) -> str:
    """A string as text with its whitespace made visible (errata that differ only by spaces or line breaks)."""
    return text(value.replace(" ", "␠").replace("\n", "⏎\n"))


def article_page(article_id: str) -> str:
    """The Markdown path of an article's page."""
    return f"articles/{article_id}.md"


def provision_link(provision_id: str, label_html: str, *, here: str) -> str:
    """A Markdown link to a provision's anchor on its article page, relative to the page ``here``."""
    article = provision_id.split(".", 1)[0]
    target = relative(article_page(article), here)
    anchor = "" if provision_id == article else f"#{provision_id}"
    return f"[{label_html}]({target}{anchor})"


def relative(target: str, here: str) -> str:
    """The relative Markdown path from the page ``here`` to the page ``target`` (both docs-relative)."""
    depth = here.count("/")
    return "../" * depth + target


def rule_anchor(rule_id: str) -> str:
    return "rule-" + rule_id.replace(".", "-")


def case_anchor(case_id: str) -> str:
    return "case-" + case_id.replace("/", "-")
