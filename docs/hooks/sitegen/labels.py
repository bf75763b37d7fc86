"""Labels (Chinese first, English beside it) and the paths and links between the site's pages."""

from __future__ import annotations

from sitegen.markup import ident, text
from tinghu_policy.engine import Status
from tinghu_policy.parties import Party
from tinghu_policy.provisions import registry
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

SPACE_MARK = "␣"
"""How a space in an erratum is shown (U+2423, in the DejaVu fonts Debian installs; U+2420 "␠" is in none)."""
BREAK_MARK = "⏎"


def zh_en(zh: str, en: str) -> str:
    """Chinese, with the English beside it in small type."""
    return f'{text(zh)} <small lang="en">{text(en)}</small>' if en else text(zh)


def encoding_badge(status: EncodingStatus | None) -> str:
    zh, en = ENCODING[status]
    css = status.value if status is not None else "none"
    return f'<span class="th-badge th-{css}">{zh} <small lang="en">{en}</small></span>'


def status_label(status: str, *, english: bool = True) -> str:
    """A finding's status in Chinese (不符合), its code in small type beside it."""
    member = Status(status)
    css = f"th-st th-st-{member.value}"
    small = f' <small lang="en">{text(member.name_en)}</small>' if english else ""
    return f'<span class="{css}">{text(member.name_zh)}</span>{small}'


def party(value: Party | None) -> str:
    return "—" if value is None else zh_en(value.name_zh, value.name_en)


def parties(values: tuple[Party, ...]) -> str:
    return "、".join(party(p) for p in values) if values else "—"


def visible(value: str) -> str:
    """A string as text with its whitespace made visible (errata that differ only by spaces or line breaks)."""
    shown = text(value)
    shown = shown.replace(" ", f'<span class="th-ws" title="空格 space">{SPACE_MARK}</span>')
    return shown.replace("<br>", f'<span class="th-ws" title="换行 line break">{BREAK_MARK}</span><br>')


def citation(provision_id: str) -> str:
    """A provision as a reader cites it (第十一条第一款第（二）项), or the id when it is not in the edition."""
    return registry()[provision_id].cite_zh if provision_id in registry() else provision_id


# ——— paths ————————————————————————————————————————————————————————————————————————————————————————————————————————


def article_page(article_id: str) -> str:
    """The Markdown path of an article's page."""
    return f"articles/{article_id}.md"


def rule_page(rule_id: str) -> str:
    """The Markdown path of a rule's own page (``rules/art11.initial_opinion.md``)."""
    return f"rules/{rule_id}.md"


def case_page(case_id: str) -> str:
    """The Markdown path of a case's own page (``cases/art27/acceptance-late.md``)."""
    return f"cases/{case_id}.md"


def source_page(module: str) -> str:
    """The Markdown path of a module's source (``source/tinghu_policy.rules.art11_review_clock.md``)."""
    return f"source/{module}.md"


def source_anchor(line: int) -> str:
    """The anchor of a line of a source page (``sitegen/source.py``)."""
    return f"L-{line}"


def relative(target: str, here: str) -> str:
    """The relative Markdown path from the page ``here`` to the page ``target`` (both docs-relative)."""
    depth = here.count("/")
    return "../" * depth + target


def provision_link(provision_id: str, label_html: str | None = None, *, here: str) -> str:
    """A Markdown link to a provision's anchor on its article page, labelled with its citation by default."""
    article = provision_id.split(".", 1)[0]
    target = relative(article_page(article), here)
    anchor = "" if provision_id == article else f"#{provision_id}"
    return f"[{label_html or text(citation(provision_id))}]({target}{anchor})"


def rule_anchor(rule_id: str) -> str:
    return "rule-" + rule_id.replace(".", "-")


def rule_link(rule_id: str, title_zh: str, *, here: str, with_id: bool = True) -> str:
    """A link to a rule's page, labelled with its Chinese title (its id beside it)."""
    label = text(title_zh) + (f" {ident(rule_id, small=True)}" if with_id else "")
    return f"[{label}]({relative(rule_page(rule_id), here)})"


def case_link(case_id: str, title: str, *, here: str) -> str:
    return f"[{text(title or case_id)}]({relative(case_page(case_id), here)})"


def source_link(module: str, line: int, *, here: str, label: str | None = None) -> str:
    """A link to a line of a module's source page (``tinghu_policy/rules/art11_review_clock.py:123``)."""
    shown = label or ident(module.replace(".", "/") + f".py:{line}")
    return f"[{shown}]({relative(source_page(module), here)}#{source_anchor(line)})"


def decision_link(decision_id: str, title_zh: str, *, here: str) -> str:
    return f"[{text(decision_id)} {text(title_zh)}]({relative('decisions.md', here)}#{decision_id})"
