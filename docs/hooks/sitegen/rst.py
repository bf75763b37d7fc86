"""Docstrings as a reader reads them: the reStructuredText the library writes, rendered as safe Markdown.

The docstrings are written for Sphinx and the source (``literal``, :role:`target`, ``::`` literal blocks, lines
broken at 110 columns). :func:`to_markdown` gives the site what they mean, never the markup:

- each paragraph joined into one line — no hard break mid-sentence, no space between Chinese characters;
- ````literal```` and `default role` become code, ``:func:`~a.b.name``` becomes ``name`` (``:class:`text <target>```
  its text), ``*emphasis*`` and ``**strong**`` stay what they are;
- a paragraph ending in ``::`` introduces the indented block after it as code, ``>>>`` blocks are code;
- ``-``/``*`` bullets become a list; a Chinese paraphrase's closing half-width "." becomes "。".

All other text is escaped (:func:`sitegen.markup.text`), so nothing a docstring says is read as Markdown or HTML.
Used by the article and rule pages and, through ``docs/hooks/griffe_rst.py``, by the API reference.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from sitegen.markup import code, fence, text

_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[-*•]|\d+[.)])\s+(?P<body>.*)$")
_WIDE = "\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u2018-\u201d"
_WIDE_END = re.compile(f"[{_WIDE}]$")
_WIDE_START = re.compile(f"^[{_WIDE}]")
_INLINE = re.compile(
    r"````(?P<literal4>[^`].*?)````"
    r"|``(?P<literal>(?:[^`]|`(?!`))+`?)``(?!`)"
    r"|:(?:[\w-]+:)?(?P<role>[\w-]+):`(?P<target>[^`]+)`"
    r"|`(?P<link>[^`<]+?)\s*<(?P<url>[^>`]+)>`_{1,2}"
    r"|`(?P<default>[^`]+)`(?!_)"
    r"|\*\*(?P<strong>[^*\s](?:[^*]*[^*\s])?)\*\*"
    r"|(?<![\w*])\*(?P<em>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])"
)
_HAN_PERIOD = re.compile(r"(?<=[\u4e00-\u9fff”）》」])\.(?=\s|$)")
"""A half-width full stop closing a Chinese sentence (a paraphrase of the clause: "…给予初审意见.")."""


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    """``p`` (a paragraph), ``ul``/``ol`` (a list: ``items``), ``code`` (``body``)."""
    body: str = ""
    items: tuple[str, ...] = ()
    language: str = ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one: a space between them, except between Chinese characters or after
    full-width punctuation (where a space would show)."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif (_WIDE_END.search(out) and _WIDE_START.search(line)) or out[-1] in "，。；：、（“":
            out += line
        else:
            out += " " + line
    return out


def blocks(doc: str) -> list[Block]:
    """A docstring's paragraphs, lists and code blocks, in order."""
    lines = inspect.cleandoc(doc).splitlines()
    out: list[Block] = []
    i, literal_after = 0, -1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        indent = _indent(line)
        if literal_after >= 0 and indent > literal_after:
            body: list[str] = []
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > literal_after):
                body.append(lines[i])
                i += 1
            out.append(Block("code", inspect.cleandoc("\n".join(body)), language=_language(body)))
            literal_after = -1
            continue
        literal_after = -1
        if line.lstrip().startswith(">>>"):
            body = []
            while i < len(lines) and lines[i].strip():
                body.append(lines[i])
                i += 1
            out.append(Block("code", inspect.cleandoc("\n".join(body)), language="pycon"))
            continue
        bullet = _BULLET.match(line)
        if bullet:
            ordered = bullet["mark"][0].isdigit()
            items: list[list[str]] = []
            while i < len(lines):
                current = lines[i]
                match = _BULLET.match(current)
                if match and _indent(current) == indent and match["mark"][0].isdigit() == ordered:
                    items.append([match["body"]])
                elif current.strip() and _indent(current) > indent and items:
                    items[-1].append(current)
                elif not current.strip() and i + 1 < len(lines):
                    after = _BULLET.match(lines[i + 1])
                    if not (after and _indent(lines[i + 1]) == indent) and not (
                        lines[i + 1].strip() and _indent(lines[i + 1]) > indent
                    ):
                        break
                else:
                    break
                i += 1
            out.append(Block("ol" if ordered else "ul", items=tuple(join_lines(item) for item in items)))
            continue
        paragraph: list[str] = []
        while i < len(lines) and lines[i].strip():
            if paragraph and _BULLET.match(lines[i]) and _indent(lines[i]) <= indent:
                break
            paragraph.append(lines[i])
            i += 1
        joined = join_lines(paragraph)
        if joined.endswith("::"):
            literal_after = indent
            joined = joined[:-2].rstrip()
            joined = joined + ":" if joined and not paragraph[-1].rstrip().endswith(" ::") else joined
        if joined:
            out.append(Block("p", joined))
    return out


def _language(lines: list[str]) -> str:
    sample = "\n".join(lines)
    if re.search(r"^\s*(def |class |@|from |import |\w+\s*=|\w+\(|>>>)", sample, re.M):
        return "python"
    if re.search(r"^\s*[\w-]+:\s", sample, re.M):
        return "yaml"
    return "text"


def _role(target: str) -> str:
    titled = re.fullmatch(r"(?P<title>.*?)\s*<(?P<target>[^>]+)>", target, re.S)
    if titled:
        return titled["title"]
    if target.startswith("~"):
        return target[1:].rsplit(".", 1)[-1]
    return target.lstrip(".!")


def inline(value: str) -> str:
    """A paragraph's inline markup as safe Markdown/HTML (code spans, emphasis), all else escaped."""
    out, position = [], 0
    for match in _INLINE.finditer(value):
        out.append(_plain(value[position : match.start()]))
        if match["literal4"] is not None:
            out.append(code(f"``{match['literal4']}``"))
        elif match["literal"] is not None:
            out.append(code(match["literal"]))
        elif match["role"] is not None:
            out.append(code(_role(match["target"])))
        elif match["link"] is not None:
            out.append(text(match["link"]))
        elif match["default"] is not None:
            out.append(code(match["default"]))
        elif match["strong"] is not None:
            out.append(f"<strong>{_plain(match['strong'])}</strong>")
        else:
            out.append(f"<em>{_plain(match['em'])}</em>")
        position = match.end()
    out.append(_plain(value[position:]))
    return "".join(out)


def _plain(value: str) -> str:
    return text(_HAN_PERIOD.sub("。", value))


def to_markdown(doc: str) -> str:
    """A docstring as Markdown: paragraphs, lists and fenced code, nothing of reStructuredText left."""
    parts = []
    for block in blocks(doc):
        if block.kind == "p":
            parts.append(inline(block.body))
        elif block.kind == "code":
            parts.append(fence(block.body, block.language))
        else:
            marker = "1." if block.kind == "ol" else "-"
            parts.append("\n".join(f"{marker} {inline(item)}" for item in block.items))
    return "\n\n".join(parts)


def first_sentence(doc: str) -> str:
    """The docstring's first paragraph as plain text (a rule's paraphrase of its clause), markup removed."""
    found = blocks(doc)
    if not found or found[0].kind != "p":
        return ""
    plain = re.sub(r"``([^`]+)``|:(?:[\w-]+:)?[\w-]+:`([^`]+)`", lambda m: m[1] or _role(m[2]), found[0].body)
    return _HAN_PERIOD.sub("。", plain)
