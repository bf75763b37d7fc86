"""The Chinese readings (解读) of the rule modules, shown before the English docstrings they render (issue #19).

One YAML file per rule module, ``docs/readings/<module stem>.yaml``: ``module`` is the module docstring's reasoning
in Chinese, ``rules`` maps each rule id of the module to its docstring's reasoning in Chinese. The files are read
here, by the site generator, at build time; nothing in the library reads ``docs/``. ``tests/docs/test_readings.py``
checks that every rule module has a file, every rule a reading, and every decision a rule declares is named in it.

A reading is plain Markdown: paragraphs (a line break inside one is joined, as a docstring's is) and ``-`` lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from sitegen.rst import join_lines
from tinghu_policy.engine import Rule

READINGS = Path(__file__).resolve().parents[2] / "readings"
"""``docs/readings/``: one file per rule module."""

PACKAGE = "tinghu_policy.rules."


@dataclass(frozen=True, slots=True)
class Reading:
    """A rule module's reading: the module's, and each rule's by id."""

    module: str
    rules: dict[str, str]


def path_of(module: str) -> Path:
    """``docs/readings/art25_surplus.yaml`` for ``tinghu_policy.rules.art25_surplus``."""
    return READINGS / f"{module.rsplit('.', 1)[-1]}.yaml"


@cache
def of_module(module: str) -> Reading | None:
    """The reading of a rule module, or None when it has no file (a module outside ``tinghu_policy.rules``)."""
    if not module.startswith(PACKAGE):
        return None
    path = path_of(module)
    if not path.is_file():
        return None
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: a reading is a mapping with 'module' and 'rules'")
    rules = loaded.get("rules") or {}
    if not isinstance(rules, dict):
        raise ValueError(f"{path}: 'rules' maps each rule id to its reading")
    return Reading(
        str(loaded.get("module") or "").strip(), {str(k): str(v).strip() for k, v in rules.items()}
    )


def of_rule(rule: Rule) -> str:
    """The Chinese reading of a rule's docstring, as Markdown ("" when there is none)."""
    found = of_module(rule.module)
    return to_markdown(found.rules.get(rule.id, "")) if found else ""


def module_markdown(module: str) -> str:
    """The Chinese reading of a module's docstring, as Markdown ("" when there is none)."""
    found = of_module(module)
    return to_markdown(found.module) if found else ""


def to_markdown(reading: str) -> str:
    """A reading as Markdown: each paragraph and each list item on one line (a browser shows a line break between
    two Chinese characters as a space), blocks separated by a blank line."""
    blocks: list[str] = []
    for block in reading.strip().split("\n\n"):
        items: list[list[str]] = []
        for line in block.splitlines():
            stripped = line.strip()
            if stripped.startswith(("- ", "* ")):
                items.append([stripped])
            elif items:
                items[-1].append(stripped)
            else:
                items.append([stripped])
        out = ""
        for item in (join_lines(item) for item in items if any(item)):
            listed = item.startswith(("- ", "* "))
            if out:  # a list after a paragraph, or a paragraph after a list, needs a blank line
                out += "\n" if listed and out.rsplit("\n", 1)[-1].startswith(("- ", "* ")) else "\n\n"
            out += item
        if out:
            blocks.append(out)
    return "\n\n".join(blocks)


def beside(reading: str, english: str) -> str:
    """The Chinese reading first, then the English docstring folded under it (either may be "")."""
    parts = []
    if reading:
        parts.append(f'<div class="th-doc" markdown>\n\n{reading}\n\n</div>')
    if english:
        if reading:
            parts.append(
                '<details class="note th-english" markdown>\n<summary>英文原文 '
                '<small lang="en">English (the docstring)</small></summary>\n\n'
                f'<div class="th-doc" markdown>\n\n{english}\n\n</div>\n\n</details>'
            )
        else:
            parts.append(f'<div class="th-doc" markdown>\n\n{english}\n\n</div>')
    return "\n\n".join(parts)
