"""MkDocs hook: generates the article and overview pages from the library at every build (``mkdocs build|serve``).

The pages are never written into ``docs/``: they are added to the build as generated files, so they cannot go
stale or be committed by mistake. Generation runs in a fresh interpreter (``python -m sitegen``), so
``mkdocs serve`` picks up edited rules, articles and cases on each rebuild.

Navigation entries whose value is ``generated:<section>`` in ``mkdocs.yml`` are expanded here: ``articles``
(chapters and their articles), ``reference`` (the API reference), ``mutation-survivors`` (kept only if the
conformance engineer's ``docs/mutation-survivors.md`` exists). Hand-written pages embed generated blocks with a
marker ``<!-- tinghu:NAME -->`` (see ``sitegen/snippets.py``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.tinghu_site")

HOOKS = Path(__file__).resolve().parent
ROOT = HOOKS.parents[1]
MARKER = re.compile(r"<!--\s*tinghu:([\w-]+)\s*-->")
GENERATED = "generated:"

_site: dict[str, Any] = {}


def _generate() -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HOOKS), str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "sitegen"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        raise PluginError(f"generating the site from the library failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _expand(nav: Any, sections: dict[str, Any], docs_dir: Path) -> Any:
    """The nav with every ``generated:<section>`` value replaced (or dropped when there is nothing to show)."""
    if isinstance(nav, list):
        out = []
        for entry in nav:
            expanded = _expand(entry, sections, docs_dir)
            if expanded is not None:
                out.append(expanded)
        return out
    if isinstance(nav, dict):
        ((title, value),) = nav.items()
        if isinstance(value, str) and value.startswith(GENERATED):
            name = value.removeprefix(GENERATED)
            if name == "mutation-survivors":
                return (
                    {title: "mutation-survivors.md"}
                    if (docs_dir / "mutation-survivors.md").is_file()
                    else None
                )
            if name not in sections:
                raise PluginError(f"mkdocs.yml nav: unknown generated section {name!r}")
            return {title: sections[name]}
        return {title: _expand(value, sections, docs_dir)}
    return nav


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _site.clear()
    _site.update(_generate())
    config.nav = _expand(config.nav, _site["nav"], Path(config.docs_dir))
    for warning in _site["warnings"]:
        log.warning(warning)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in _site["pages"].items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning(f"docs/{path} is generated at build time; remove the hand-written copy")
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in _site["snippets"]:
            log.warning(f"{page.file.src_uri}: unknown generated block <!-- tinghu:{name} -->")
            return match.group(0)
        return str(_site["snippets"][name])

    return MARKER.sub(replace, markdown)
