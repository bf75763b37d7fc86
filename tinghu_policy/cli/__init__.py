"""The ``tinghu-policy`` command line: one module per group of commands, registered on one Typer app."""

from __future__ import annotations

import sys

from tinghu_policy.cli import provisions as _provisions  # noqa: F401  (registers its commands)
from tinghu_policy.cli.app import app, run


def main() -> None:
    """Entry point of the ``tinghu-policy`` console script."""
    sys.exit(run(app))


__all__ = ["app", "main"]
