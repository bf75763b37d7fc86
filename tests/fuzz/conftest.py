"""Counts the inputs the fuzz tests try and prints the total at the end of the run."""

from __future__ import annotations

import pytest

from .strategies import TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TRIED:
        total = sum(TRIED.values())
        detail = ", ".join(f"{name} {n}" for name, n in sorted(TRIED.items()))
        terminalreporter.write_line(f"fuzz: {total} malformed inputs tried ({detail})")
