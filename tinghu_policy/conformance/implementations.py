"""The implementations a corpus can be run against: this library in-process, or any command speaking the protocol."""

from __future__ import annotations

import contextlib
import math
import os
import selectors
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from tinghu_policy import __version__
from tinghu_policy.conformance.protocol import MAX_OUTPUT_BYTES, CaseInput, ProtocolError, parse_output
from tinghu_policy.corpus import ActualFinding, actual_findings
from tinghu_policy.engine import evaluate
from tinghu_policy.errors import TinghuPolicyError

STDERR_LIMIT = 4000
"""Characters of an implementation's stderr kept for the report (the last ones)."""
MAX_STDERR_BYTES = 4_000_000
"""Bytes of stderr an implementation may write for one case; beyond them it is stopped and the case errored."""
_CHUNK = 65536
WAKE_SECONDS = 0.25
"""The longest the main thread waits in one call while a case runs: a Ctrl-C that the kernel hands to another
thread (the progress display's) is raised in the main thread only once it returns to Python code."""


class ImplementationError(TinghuPolicyError):
    """An implementation that crashed, timed out or answered outside the protocol; the case is errored."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


class Implementation(Protocol):
    """Something that turns a case into findings.

    An implementation may also have an ``abort()`` method, which the runner calls on Ctrl-C (or any other
    interruption): it stops whatever is running at once, and every later call of ``findings`` is errored.
    """

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

    Each case runs in a new process, in its own process group (session). Its stdout and stderr are read as they
    come, never held whole: more than :data:`~tinghu_policy.conformance.protocol.MAX_OUTPUT_BYTES` on stdout or
    :data:`MAX_STDERR_BYTES` on stderr, or no exit within ``timeout`` seconds, kills the whole group and errors the
    case with the reason. So do a non-zero exit (a death by a signal is named: ``killed by signal SIGSEGV``) and output
    that breaks the protocol; the last :data:`STDERR_LIMIT` characters of stderr are shown. :meth:`abort` kills
    every running group at once (the runner calls it on Ctrl-C).
    """

    def __init__(self, command: str, *, timeout: float = 30.0, cwd: Path | None = None) -> None:
        try:
            self.argv = shlex.split(command)
        except ValueError as exc:
            raise TinghuPolicyError(f"--implementation {command!r}: {exc}") from None
        if not self.argv:
            raise TinghuPolicyError("--implementation: the command is empty")
        if not (math.isfinite(timeout) and timeout > 0):
            raise TinghuPolicyError(f"the timeout must be a positive number of seconds, got {timeout}")
        self.command = command
        self.timeout = timeout
        self.cwd = cwd
        # re-entrant: a Ctrl-C in the main thread just after it took the lock (``with`` cannot prevent that) must
        # not leave it held against the abort() the same thread then calls (--jobs 1)
        self._lock = threading.RLock()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._aborted = False

    @property
    def name(self) -> str:
        return self.command

    def abort(self) -> None:
        """Kill the process group of every case running now, and start no more."""
        with self._lock:
            self._aborted = True
            running = list(self._running)
        for process in running:
            _kill_group(process)

    def findings(self, case: CaseInput) -> list[ActualFinding]:
        payload = case.to_json().encode("utf-8")
        # abort() either sees this process or this call sees the abort; a Ctrl-C while the process starts is held
        # until it is registered, so that abort() kills it
        with _ctrl_c_deferred(), self._lock:
            if self._aborted:
                raise ImplementationError("aborted")
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
            self._running.add(process)
        try:
            out, err, problem = _exchange(process, payload, self.timeout)
        except BaseException:  # Ctrl-C while this case runs: no child outlives the run
            _kill_group(process)
            process.wait()
            raise
        finally:
            with self._lock:
                self._running.discard(process)
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        stderr = _tail(err)
        if self._aborted:
            raise ImplementationError("aborted", stderr)
        if problem is not None:
            raise ImplementationError(problem, stderr)
        if process.returncode != 0:
            raise ImplementationError(exit_reason(process.returncode), stderr)
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImplementationError(f"stdout is not UTF-8: {exc}", stderr) from None
        try:
            return parse_output(text)
        except ProtocolError as exc:
            raise ImplementationError(str(exc), stderr) from None


def exit_reason(returncode: int) -> str:
    """``exited with status 3``, or for a death by a signal ``killed by signal SIGSEGV (11: Segmentation fault)``.

    A shell reports a command killed by signal N as status 128 + N: such a status is explained too.
    """
    if returncode < 0:
        return f"killed by signal {_signal_name(-returncode)}"
    reason = f"exited with status {returncode}"
    if 128 < returncode < 128 + signal.NSIG and _is_signal(returncode - 128):
        reason += f", as a shell reports a command killed by signal {_signal_name(returncode - 128)}"
    return reason


def _is_signal(number: int) -> bool:
    try:
        signal.Signals(number)
    except ValueError:
        return False
    return True


def _signal_name(number: int) -> str:
    """``SIGSEGV (11: Segmentation fault)``; a number with no name is given as it is."""
    try:
        name = signal.Signals(number).name
    except ValueError:
        return str(number)
    description = signal.strsignal(number)
    return f"{name} ({number}: {description})" if description else f"{name} ({number})"


def _exchange(
    process: subprocess.Popen[bytes], payload: bytes, timeout: float
) -> tuple[bytes, bytes, str | None]:
    """Write ``payload`` to the process's stdin and read its stdout and stderr as they come, until both close and
    the process exits: ``(stdout, the end of stderr, the reason it was stopped or None)``. Stops (kills the group)
    at the first cap reached or at the timeout."""
    stdin, stdout, stderr = process.stdin, process.stdout, process.stderr
    if stdin is None or stdout is None or stderr is None:  # pragma: no cover - Popen is always given pipes
        raise ImplementationError("the implementation's pipes are not open")
    deadline = time.monotonic() + timeout
    out = bytearray()
    err = bytearray()
    err_total = 0
    sent = 0
    problem: str | None = None
    with selectors.DefaultSelector() as selector:
        os.set_blocking(stdin.fileno(), False)
        selector.register(stdin, selectors.EVENT_WRITE)
        selector.register(stdout, selectors.EVENT_READ)
        selector.register(stderr, selectors.EVENT_READ)
        while problem is None and selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                problem = f"timed out after {timeout:g} s"
                break
            for key, _ in selector.select(min(remaining, WAKE_SECONDS)):
                if key.fileobj is stdin:
                    try:
                        sent += os.write(key.fd, payload[sent : sent + _CHUNK])
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:  # it stopped reading: its answer (or exit status) tells why
                        sent = len(payload)
                    if sent >= len(payload):
                        selector.unregister(stdin)
                        with contextlib.suppress(OSError):
                            stdin.close()
                    continue
                chunk = os.read(key.fd, _CHUNK)
                if not chunk:
                    selector.unregister(key.fileobj)
                elif key.fileobj is stdout:
                    out += chunk
                    if len(out) > MAX_OUTPUT_BYTES:
                        problem = f"stdout: larger than {MAX_OUTPUT_BYTES} bytes (stopped at the limit)"
                        break
                else:
                    err_total += len(chunk)
                    err += chunk
                    del err[: max(0, len(err) - 4 * STDERR_LIMIT)]  # keep the end only
                    if err_total > MAX_STDERR_BYTES:
                        problem = f"stderr: larger than {MAX_STDERR_BYTES} bytes (stopped at the limit)"
                        break
    if problem is None:
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            problem = f"timed out after {timeout:g} s"
    if problem is not None:
        _kill_group(process)
        process.wait()
    return bytes(out), bytes(err), problem


@contextlib.contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """In the main thread, hold a Ctrl-C (SIGINT) that arrives inside the block and raise it on leaving; elsewhere
    (a worker thread, which never receives it) do nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:  # also when the block failed (the child could not start): the Ctrl-C comes first
            raise KeyboardInterrupt


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    if process.returncode is not None:  # reaped: its group id may belong to another process by now
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _tail(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text if len(text) <= STDERR_LIMIT else "…" + text[-STDERR_LIMIT:]
