"""The implementations a corpus can be run against: this library in-process, or any command speaking the protocol."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
from pathlib import Path
from typing import Protocol

from tinghu_policy import __version__
from tinghu_policy.conformance.protocol import CaseInput, ProtocolError, parse_output
from tinghu_policy.corpus import ActualFinding, actual_findings
from tinghu_policy.engine import evaluate
from tinghu_policy.errors import TinghuPolicyError

STDERR_LIMIT = 4000


class ImplementationError(TinghuPolicyError):
    """An implementation that crashed, timed out or answered outside the protocol; the case is errored."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


class Implementation(Protocol):
    """Something that turns a case into findings."""

    @property
    def name(self) -> str: ...

    def findings(self, case: CaseInput) -> list[ActualFinding]:
        """The implementation's findings for ``case``; :class:`ImplementationError` when it cannot answer."""
        ...


class LibraryImplementation:
    """This library, called in-process."""

    @property
    def name(self) -> str:
        return f"tinghu-policy {__version__} (in-process)"

    def findings(self, case: CaseInput) -> list[ActualFinding]:
        try:
            report = evaluate(case.project, as_of=case.as_of, interpretation=case.interpretation)
        except TinghuPolicyError as exc:
            raise ImplementationError(f"{type(exc).__name__}: {exc}") from exc
        return actual_findings(report)


class ExternalImplementation:
    """A command that reads one case as JSON on stdin and writes its findings as JSON on stdout.

    Each case runs in a new process (in its own process group, killed whole on a timeout). A non-zero exit, a
    timeout, or output that breaks the protocol errors the case, with the command's stderr shown.
    """

    def __init__(self, command: str, *, timeout: float = 30.0, cwd: Path | None = None) -> None:
        try:
            self.argv = shlex.split(command)
        except ValueError as exc:
            raise TinghuPolicyError(f"--implementation {command!r}: {exc}") from None
        if not self.argv:
            raise TinghuPolicyError("--implementation: the command is empty")
        if timeout <= 0:
            raise TinghuPolicyError(f"the timeout must be positive, got {timeout}")
        self.command = command
        self.timeout = timeout
        self.cwd = cwd

    @property
    def name(self) -> str:
        return self.command

    def findings(self, case: CaseInput) -> list[ActualFinding]:
        try:
            process = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self.cwd,
                start_new_session=True,
            )
        except OSError as exc:
            raise ImplementationError(f"cannot start {self.argv[0]!r}: {exc.strerror or exc}") from None
        try:
            out, err = process.communicate(case.to_json().encode("utf-8"), timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            _, err = process.communicate()
            raise ImplementationError(f"timed out after {self.timeout:g} s", _tail(err)) from None
        stderr = _tail(err)
        if process.returncode != 0:
            raise ImplementationError(f"exited with status {process.returncode}", stderr)
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImplementationError(f"stdout is not UTF-8: {exc}", stderr) from None
        try:
            return parse_output(text)
        except ProtocolError as exc:
            raise ImplementationError(str(exc), stderr) from None


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _tail(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text if len(text) <= STDERR_LIMIT else "…" + text[-STDERR_LIMIT:]
