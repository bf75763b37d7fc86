"""The API reference: one page per public module group, rendered by mkdocstrings from the docstrings."""

from __future__ import annotations

import importlib
import pkgutil

import tinghu_policy
from sitegen.markup import text

PACKAGE = "tinghu_policy"


def _public(name: str) -> bool:
    return not any(part.startswith("_") for part in name.split("."))


def groups() -> list[tuple[str, list[str]]]:
    """``(top-level module, [its submodules])`` for every public module of the package, in name order."""
    out: list[tuple[str, list[str]]] = []
    for info in sorted(pkgutil.iter_modules(tinghu_policy.__path__), key=lambda i: i.name):
        name = f"{PACKAGE}.{info.name}"
        if not _public(info.name):
            continue
        subs: list[str] = []
        if info.ispkg:
            module = importlib.import_module(name)
            subs = sorted(
                s.name
                for s in pkgutil.walk_packages(module.__path__, prefix=name + ".")
                if _public(s.name.removeprefix(PACKAGE + "."))
            )
        out.append((name, subs))
    return out


def page_path(module: str) -> str:
    return f"reference/{module.removeprefix(PACKAGE + '.')}.md"


FRONT = "---\nsearch:\n  exclude: true\n---\n\n"
"""The API reference is for developers and is large: it stays out of the search index, which serves the readers of
the regulation (and would otherwise be several times larger)."""


def pages() -> dict[str, str]:
    out = {"reference/index.md": _index()}
    for name, subs in groups():
        body = [FRONT + f"# {text(name)}"]
        if subs:
            body.append(f"::: {name}\n    options:\n      members: false\n      show_root_heading: false")
            body += [f"::: {sub}\n    options:\n      heading_level: 2" for sub in subs]
        else:
            body.append(f"::: {name}\n    options:\n      show_root_heading: false")
        out[page_path(name)] = "\n\n".join(body) + "\n"
    return out


def _index() -> str:
    rows = "\n".join(
        f"- [{text(name)}]({page_path(name).removeprefix('reference/')})"
        + (f" — {len(subs)} 个子模块 submodules" if subs else "")
        for name, subs in groups()
    )
    return (
        FRONT + "# API 参考 <small>API reference</small>\n\n"
        "由各模块的文档字符串在构建时生成。<small>Generated at build time from the docstrings.</small>\n\n"
        f"::: {PACKAGE}\n    options:\n      members: false\n      show_root_heading: false\n\n" + rows + "\n"
    )


def nav() -> list[dict[str, str] | str]:
    return [
        "reference/index.md",
        *({name.removeprefix(PACKAGE + "."): page_path(name)} for name, _ in groups()),
    ]
