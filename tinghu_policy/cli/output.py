"""Writing a command's output file: atomically, never over an input, and with one readable error.

A file is written to a temporary file beside it and renamed over the target only when everything was written
(:func:`atomic_output`): an interrupted or failed run leaves the old file as it was, never half a file, and a
reader never sees one. A target that is a device or a pipe (``/dev/null``, ``/dev/stdout``) is written directly.
An output that is one of the command's inputs is refused before anything is read (:func:`refuse_inputs`): ``batch
X.jsonl -o X.jsonl`` used to truncate the portfolio to nothing. Every failure — a missing folder, a read-only
folder, a full disk — is an :class:`OutputError` naming the path (exit status 2), never a traceback.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from tinghu_policy.errors import TinghuPolicyError


class OutputError(TinghuPolicyError):
    """An output file that cannot be written (or would overwrite an input); the message names the path."""


def _cannot(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    if isinstance(exc, FileNotFoundError) and not path.parent.exists():
        reason += f" (the folder {path.parent} does not exist)"
    return OutputError(f"cannot write {path}: {reason}")


def refuse_inputs(output: Path | None, inputs: Iterable[str | os.PathLike[str] | None]) -> None:
    """Refuse an ``output`` that is one of ``inputs`` (the same file, by any name): writing it would destroy it."""
    if output is None:
        return
    for given in inputs:
        if given is None or os.fspath(given) == "-":
            continue
        try:
            same = os.path.samefile(output, given)
        except OSError:  # one of them does not exist (yet): not the same file
            continue
        if same:
            raise OutputError(
                f"cannot write {output}: it is the input {os.fspath(given)}; "
                "writing the output there would destroy the input — choose another file"
            )


class Output:
    """An output stream whose write errors are :class:`OutputError` naming the file."""

    def __init__(self, stream: IO[bytes], path: Path) -> None:
        self._stream = stream
        self.path = path

    def write(self, data: str | bytes) -> None:
        try:
            self._stream.write(data.encode("utf-8") if isinstance(data, str) else data)
        except OSError as exc:
            raise _cannot(self.path, exc) from None


@contextmanager
def atomic_output(path: Path) -> Iterator[Output]:
    """Write ``path`` through a temporary file renamed over it at the end (a device or pipe: directly)."""
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise _cannot(path, exc) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder")
    if existing is not None and not stat.S_ISREG(existing.st_mode):  # /dev/null, /dev/stdout, a pipe
        try:
            stream = open(path, "wb")  # noqa: SIM115  (closed below)
        except OSError as exc:
            raise _cannot(path, exc) from None
        with stream:
            yield Output(stream, path)
        return
    target = Path(os.path.realpath(path))  # a symbolic link: replace the file it points to, not the link
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666  # new files: 0o666 & ~umask
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield Output(stream, path)
            try:
                stream.flush()
                os.fsync(stream.fileno())
            except OSError as exc:
                raise _cannot(path, exc) from None
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise _cannot(path, exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` atomically (:func:`atomic_output`)."""
    with atomic_output(path) as out:
        out.write(data)
