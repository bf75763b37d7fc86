"""The corpus results between builds: a case is run again only when it, or the library, has changed.

Running the 400-odd cases is most of the generator's time; measuring the calendar's accuracy, highlighting the
rule modules' source and reading the rules' dependencies most of the rest (:func:`library_only`). Each case's result (:class:`sitegen.data.CaseRun`) is
kept on disk under a key made of the case file's bytes; the folder is named after a digest of everything a result
depends on besides the case — the library's source and data (``tinghu_policy/``), the regulation's text
(``articles/``), this generator's code and the Python version — so editing one case re-runs that case only, and
editing a rule re-runs them all. ``TINGHU_SITE_CACHE=off`` turns the cache off; ``TINGHU_SITE_CACHE=/a/folder``
moves it (default: a folder in the system's temporary directory).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[3]
_INPUTS = ("tinghu_policy", "articles", "docs/hooks/sitegen")
_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".ics"}

T = TypeVar("T")


@functools.cache
def library_digest() -> str:
    """A digest of every input a case's result depends on other than the case file itself."""
    digest = hashlib.sha256(sys.version.encode())
    for folder in _INPUTS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in _SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _folder() -> Path | None:
    setting = os.environ.get("TINGHU_SITE_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    checkout = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"tinghu-site-cache-{checkout}"


def library_only(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, a result that depends on the library alone (the calendar's accuracy, the highlighted source,
    the rules' dependencies), from the cache while the library is unchanged."""
    base = _folder()
    if base is None:
        return compute()
    here = base / library_digest()[:24]
    here.mkdir(parents=True, exist_ok=True)
    stored = here / f"library-{name}.pickle"
    if stored.is_file():
        try:
            found: T = pickle.loads(stored.read_bytes())
            return found
        except Exception:  # a damaged entry: compute it again
            stored.unlink(missing_ok=True)
    result = compute()
    partial = stored.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(stored)
    return result


def cached_runs(case_files: Iterable[Any], run: Callable[[Any], T]) -> list[T]:
    """``run(case_file)`` for every case file, from the cache where the case and the library are unchanged."""
    base = _folder()
    if base is None:
        return [run(case_file) for case_file in case_files]
    library = library_digest()[:24]
    here = base / library
    here.mkdir(parents=True, exist_ok=True)
    for stale in base.iterdir():  # results of an older library are never read again
        if stale.name != library and stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
    # (library_only results live in the same folder, so they go with it)
    out = []
    for case_file in case_files:
        key = hashlib.sha256(case_file.id.encode() + b"\0" + Path(case_file.path).read_bytes()).hexdigest()
        stored = here / f"{key}.pickle"
        if stored.is_file():
            try:
                out.append(pickle.loads(stored.read_bytes()))
                continue
            except Exception:  # a damaged or foreign entry: run the case again
                stored.unlink(missing_ok=True)
        result = run(case_file)
        partial = stored.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(stored)
        out.append(result)
    return out
