"""Print the generated site as JSON (see the package docstring)."""

from __future__ import annotations

import json
import sys
from typing import Any

from sitegen import articles, cases, data, overview, reference, rules, source
from sitegen.gists import GIST_ZH
from sitegen.labels import article_page
from sitegen.snippets import SNIPPETS
from tinghu_policy.provisions import registry


def build() -> dict[str, Any]:
    data.trace_clocks()
    pages: dict[str, str] = {
        "regulation.md": overview.regulation(),
        "traceability.md": overview.traceability(),
        "decisions.md": overview.decisions(),
        "deadlines.md": overview.deadlines(),
        "errata.md": overview.errata(),
        "corpus.md": overview.corpus(),
    }
    article_nav: list[Any] = [{"条文总览 By chapter": "regulation.md"}]
    for chapter in registry().chapters():
        entries = []
        for article_id in chapter.children:
            article = registry()[article_id]
            pages[article_page(article.id)] = articles.render(article)
            entries.append({f"{article.cite_zh} {GIST_ZH[article.id]}": article_page(article.id)})
        article_nav.append({f"{chapter.cite_zh} {chapter.text}": entries})
    pages.update(rules.pages())
    pages.update(cases.pages())
    pages.update(source.pages())
    pages.update(reference.pages())
    warnings = [f"corpus case {c.path} cannot be read: {c.error}" for c in data.cases() if c.error]
    warnings += [
        f"corpus case {c.path}: the library failed: {c.run_error}" for c in data.cases() if c.run_error
    ]
    return {
        "pages": pages,
        "nav": {"articles": article_nav, "reference": reference.nav()},
        "snippets": {name: render() for name, render in SNIPPETS.items()},
        "warnings": warnings,
    }


if __name__ == "__main__":
    json.dump(build(), sys.stdout, ensure_ascii=False)
