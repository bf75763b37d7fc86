"""Helpers of the conformance tests: the project's paths and the example implementations' commands."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMPLEMENTATIONS = ROOT / "tests" / "implementations"


def implementation(script: str, *args: str) -> str:
    """The ``--implementation`` command running ``tests/implementations/<script>`` with this interpreter."""
    return shlex.join([sys.executable, str(IMPLEMENTATIONS / script), *args])
