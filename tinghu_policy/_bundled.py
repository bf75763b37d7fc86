"""Where the bundled data folders (``articles/``, ``corpus/``) are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

from tinghu_policy.errors import TinghuPolicyError

_PACKAGE = Path(__file__).resolve().parent


def bundled_path(name: str) -> Path:
    """The folder ``name`` shipped with the library: inside the wheel, else at the top of the source checkout."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise TinghuPolicyError(f"the bundled folder {name!r} is missing from this installation ({_PACKAGE})")
