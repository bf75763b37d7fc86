"""Shared helpers of the docs tests: where the project is, the built site, skip-or-fail when tools are missing.

The docs tests skip when the ``docs`` extra is not installed, unless ``TINGHU_REQUIRE_BROWSER`` is set (CI sets
it when it runs them): then a missing tool is a failure, never a silent pass.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "docs" / "hooks"
DOCS_TOOLS = ("mkdocs", "material", "mkdocstrings_handlers.python", "jieba")


def hooks_module(name: str) -> Any:
    """A module of the site generator (``docs/hooks/sitegen``), imported as the build imports it."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    return importlib.import_module(name)


def required() -> bool:
    """True when missing tools must fail the tests instead of skipping them."""
    return bool(os.environ.get("TINGHU_REQUIRE_BROWSER"))


def skip_or_fail(reason: str) -> None:
    if required():
        pytest.fail(f"{reason} (TINGHU_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    output: str
    seconds: float

    def page(self, path: str) -> str:
        """The HTML of the page generated from ``path`` (docs-relative, e.g. ``articles/art11.md``)."""
        stem = path.removesuffix(".md")
        target = self.root / ("index.html" if stem == "index" else f"{stem}/index.html")
        return target.read_text(encoding="utf-8")


def build_site(out: Path) -> BuiltSite:
    """``mkdocs build --strict`` into ``out`` (skips, or fails under ``TINGHU_REQUIRE_BROWSER``, without mkdocs)."""
    missing = [m for m in DOCS_TOOLS if not _installed(m)]
    if missing:
        skip_or_fail(
            f"the docs extra is not installed (missing {', '.join(missing)}): pip install -e '.[docs]'"
        )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    seconds = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    return BuiltSite(out, output, seconds)
