"""The documentation site, built once per test session into a temporary folder (``mkdocs build --strict``)."""

from __future__ import annotations

import pytest

from .support import BuiltSite, build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("site"))
