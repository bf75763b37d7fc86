"""The source of the rule modules, one page each, every line anchored (``#L-123``): the links "源代码 source" of
the article and rule pages open the line a rule starts on. Highlighted here (Pygments, as the code blocks of the
other pages), so the anchors are in the page's HTML where the link check finds them."""

from __future__ import annotations

import importlib
import inspect

from pygments import highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexers import PythonLexer  # type: ignore[import-untyped]

from sitegen import data
from sitegen.labels import source_page
from sitegen.markup import ident, text
from tinghu_policy.engine import tables


def modules() -> list[str]:
    """Every module a rule or a table is defined in, and every rule module a rule relies on."""
    found = {r.module for r in data.rules()} | {t.module for t in tables()}
    for rule in data.rules():
        found |= {h.module for h in data.dependencies(rule.id).helpers}
    return sorted(found)


def pages() -> dict[str, str]:
    """The source pages (highlighting them takes a while: kept between builds while the library is unchanged)."""
    from sitegen.cache import library_only

    return library_only("source-pages", lambda: {source_page(module): render(module) for module in modules()})


def render(module: str) -> str:
    source = inspect.getsource(importlib.import_module(module))
    path = module.replace(".", "/") + ".py"
    listing = highlight(
        source,
        PythonLexer(),
        HtmlFormatter(
            linenos="inline", lineanchors="L", anchorlinenos=True, wrapcode=True, cssclass="highlight"
        ),
    )
    return (
        "---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n"
        f"# {text(path)} <small>源代码 source</small>\n\n"
        f"模块 <small>module</small> {ident(module)}，共 {len(source.splitlines())} 行。"
        "每一行可以链接（#L-行号）。<small>Every line has an anchor, #L-123.</small>\n\n"
        f'<div class="th-listing">\n{listing.strip()}\n</div>\n'
    )
