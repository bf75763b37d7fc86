"""Griffe extension for the API reference: every docstring's reStructuredText rendered as Markdown.

mkdocstrings renders docstrings as Markdown; the library writes them in reStructuredText for Sphinx and the source
(````literal````, ``:func:`name```, ``::`` blocks, lines broken at 110 columns). This extension converts each
docstring once, as griffe creates its object, with the converter the article pages use (``sitegen/rst.py``), so
the reference shows no raw markup and no hard line break mid-sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import griffe

HOOKS = str(Path(__file__).resolve().parent)
if HOOKS not in sys.path:
    sys.path.insert(0, HOOKS)

from sitegen.rst import to_markdown  # noqa: E402  (the hooks folder is not a package on the path)


class ReStructuredTextToMarkdown(griffe.Extension):
    """Replace each docstring's text by its Markdown rendering (``sitegen.rst.to_markdown``), exactly once.

    ``on_instance`` sees every object as it is created, a module shadowed by a name its package imports
    (``tinghu_policy.engine.rule``, the module, and ``rule``, the function) included; ``on_package`` the
    top-level package, which no event shows as a member."""

    def __init__(self) -> None:
        super().__init__()
        self._converted: dict[int, Any] = {}  # id → the docstring, kept so that no id is reused

    def _convert(self, obj: Any) -> None:
        docstring = getattr(obj, "docstring", None)
        if docstring is None or not docstring.value or id(docstring) in self._converted:
            return
        docstring.value = to_markdown(docstring.value)
        self._converted[id(docstring)] = docstring

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        self._convert(obj)

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        self._convert(obj)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._convert(pkg)
