"""The ledger tests need the ``[ledger]`` extra. Without it they skip, unless ``TINGHU_REQUIRE_LEDGER`` is set (CI
sets it): then a missing extra is a failure, never a silent pass. (The test modules import the Excel libraries
inside the tests, so that they can be collected without them.)"""

from __future__ import annotations

import importlib.util
import os

import pytest

LEDGER_MODULES = ("openpyxl", "xlsxwriter", "python_calamine")


@pytest.fixture(autouse=True)
def _ledger_extra() -> None:
    missing = [m for m in LEDGER_MODULES if importlib.util.find_spec(m) is None]
    if not missing:
        return
    reason = f"the ledger extra is not installed (missing {', '.join(missing)}): pip install -e '.[ledger]'"
    if os.environ.get("TINGHU_REQUIRE_LEDGER"):
        pytest.fail(f"{reason} (TINGHU_REQUIRE_LEDGER is set)")
    pytest.skip(reason)
