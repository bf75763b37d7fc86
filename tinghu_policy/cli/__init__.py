"""The ``tinghu-policy`` command line: one module per group of commands, registered on one Typer app."""

from __future__ import annotations

import sys

from tinghu_policy.cli import batch as _batch  # noqa: F401
from tinghu_policy.cli import calendar as _calendar  # noqa: F401  (tinghu-policy calendar)
from tinghu_policy.cli import conform as _conform  # noqa: F401
from tinghu_policy.cli import evaluate as _evaluate  # noqa: F401
from tinghu_policy.cli import explain as _explain  # noqa: F401
from tinghu_policy.cli import ledger as _ledger  # noqa: F401  (tinghu-policy ledger; the [ledger] extra)
from tinghu_policy.cli import migrate as _migrate  # noqa: F401
from tinghu_policy.cli import provisions as _provisions  # noqa: F401  (registers its commands)
from tinghu_policy.cli import rules as _rules  # noqa: F401
from tinghu_policy.cli import schema as _schema  # noqa: F401
from tinghu_policy.cli.app import app, run
from tinghu_policy.server import command as _serve  # noqa: F401  (tinghu-policy serve)


def main() -> None:
    """Entry point of the ``tinghu-policy`` console script."""
    sys.exit(run(app))


__all__ = ["app", "main"]
