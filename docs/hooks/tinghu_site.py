"""MkDocs hook: generates the article and overview pages from the library at every build (``mkdocs build|serve``).

The pages are never written into ``docs/``: they are added to the build as generated files, so they cannot go
stale or be committed by mistake. Generation runs in a fresh interpreter (``python -m sitegen``), so
``mkdocs serve`` picks up edited rules, articles and cases on each rebuild; the corpus results are kept between
builds (``sitegen/cache.py``), so a rebuild after editing one case runs that case only; under ``mkdocs serve`` the
pages whose Markdown did not change are not converted, indexed or rendered again (``serve_cache.py``).

Navigation entries whose value is ``generated:<section>`` in ``mkdocs.yml`` are expanded here: ``articles``
(chapters and their articles), ``reference`` (the API reference), ``mutation-survivors`` (kept only if the
conformance engineer's ``docs/mutation-survivors.md`` exists). The pages of each rule, each case and each rule
module's source are generated too, reached from the pages that list them rather than from the navigation.
Hand-written pages embed generated blocks with a marker ``<!-- tinghu:NAME -->`` (see ``sitegen/snippets.py``).

Two things are done to the built site (``on_post_build``): the search worker gets the query segmentation the
index needs (``search_segment.js``, see there), and nothing is loaded from outside the site.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import serve_cache  # docs/hooks/serve_cache.py: on the path while MkDocs loads this hook
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.tinghu_site")

HOOKS = Path(__file__).resolve().parent
ROOT = HOOKS.parents[1]
MARKER = re.compile(r"<!--\s*tinghu:([\w-]+)\s*-->")
GENERATED = "generated:"
OFF_NAV = ("rules/", "cases/", "source/")
"""Generated pages reached from the pages that list them (the rule list, the case tables, the source links)."""

_site: dict[str, Any] = {}


def _generate() -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HOOKS), str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    started = time.monotonic()
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
    log.info(f"Generated {len(result['pages'])} pages from the library in {time.monotonic() - started:.1f} s")
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


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        serve_cache.enable()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    serve_cache.start_build(config)
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
        inclusion = InclusionLevel.NOT_IN_NAV if path.startswith(OFF_NAV) else InclusionLevel.UNDEFINED
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    serve_cache.set_files(files)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in _site["snippets"]:
            log.warning(f"{page.file.src_uri}: unknown generated block <!-- tinghu:{name} -->")
            return match.group(0)
        return str(_site["snippets"][name])

    if page.file.generated_by is None:  # a hand-written page: its lines are wrapped in the source
        markdown = join_wrapped_lines(markdown)
    return MARKER.sub(replace, markdown)


_WIDE = "\u2e80-\u9fff\uff00-\uffef\u3000-\u303f\u2018-\u201d"
_WIDE_END = re.compile(f"[{_WIDE}]$")
_WIDE_START = re.compile(f"^\\s*[{_WIDE}]")
_BLOCK_START = re.compile(r"^\s*(#|\||>|<|```|~~~|[-*+] |\d+[.)] |!!!|\?\?\?|:::|$)")


def join_wrapped_lines(markdown: str) -> str:
    """Hand-written Markdown with a Chinese sentence wrapped across source lines, joined: a browser shows the
    line break between two Chinese characters as a space."""
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            out.append(line)
            continue
        previous = out[-1] if out else ""
        if (
            not fenced
            and out
            and _WIDE_END.search(previous.rstrip())
            and _WIDE_START.match(line)
            and not _BLOCK_START.match(line)
            and not previous.lstrip().startswith(("#", "|", "<!--"))
            and not previous.endswith("  ")
        ):
            out[-1] = previous.rstrip() + line.strip()
            continue
        out.append(line)
    return "\n".join(out)


# ——— the built site ——————————————————————————————————————————————————————————————————————————————————————————————

_WORKER_PARENT = re.compile(
    r"\b([\w$]+)\.push\(([\w$]+)\(([\w$]+)\(\{\},([\w$]+)\),\{score:0,terms:\{\}\}\)\)"
)
_WORKER_CALL = re.compile(r"\[\.\.\.[\w$]+\(([\w$]+),this\.index\.invertedIndex\)\]\.join\(\"\* \"\)")


def patch_search_worker(site_dir: Path) -> Path:
    """Give mkdocs-material's search worker the query segmentation of ``search_segment.js``.

    The worker cuts a Chinese query with its own segmenter and joins the pieces with ``"* "``
    (``[...segment(value, this.index.invertedIndex)].join("* ")``); the query parser then adds another ``*`` to
    each piece, so all but the last had two and never counted as found (the result link's ``?h=`` lost them).
    That one expression becomes ``tinghuSegment(value, this.index.invertedIndex).join(" ")``.

    A page whose matches are all in its sections is listed first with no terms (``terms: {}``), so its link's
    ``?h=`` is empty and the opened page highlights nothing: it gets the terms its sections matched
    (``tinghuTerms``). Refuses, naming the file, when the worker is not the one patched here (a new version of
    mkdocs-material): the search tests would otherwise fail without saying why.
    """
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(
            f"expected one search worker in {site_dir}/assets/javascripts/workers, found {workers}"
        )
    worker = workers[0]
    source = worker.read_text(encoding="utf-8")
    if "function tinghuSegment(" in source:
        return worker
    patched, count = _WORKER_CALL.subn(r'tinghuSegment(\1,this.index.invertedIndex).join(" ")', source)
    patched, parents = _WORKER_PARENT.subn(r"\1.push(\2(\3({},\4),{score:0,terms:tinghuTerms(\1)}))", patched)
    if (count, parents) != (1, 1):
        raise PluginError(
            f"{worker.name}: mkdocs-material's search worker is not the one docs/hooks/tinghu_site.py patches "
            f"(query segmentation: {count} places, page entries: {parents}; expected 1 and 1): update "
            "patch_search_worker and search_segment.js"
        )
    segment = (HOOKS / "search_segment.js").read_text(encoding="utf-8")
    worker.write_text(segment + "\n" + patched, encoding="utf-8")
    return worker


def compact_search_index(site_dir: Path) -> Path:
    """The search index written as UTF-8 rather than ``\\uXXXX`` escapes: half the bytes for Chinese text, so the
    first search waits half as long (mkdocs-material writes it with ``ensure_ascii``)."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    patch_search_worker(site)
    compact_search_index(site)
    serve_cache.finish_build()
