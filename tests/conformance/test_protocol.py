"""The conformance protocol: the library and an external implementation agree; broken ones error readably."""

from __future__ import annotations

import contextlib
import json
import math
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from tinghu_policy.conformance import (
    CaseInput,
    ExternalImplementation,
    LibraryImplementation,
    ProtocolError,
    Verdict,
    load_corpus,
    parse_output,
    run_case,
    run_suite,
)
from tinghu_policy.conformance.implementations import (
    MAX_STDERR_BYTES,
    STDERR_LIMIT,
    ImplementationError,
    exit_reason,
)
from tinghu_policy.conformance.protocol import MAX_OUTPUT_BYTES
from tinghu_policy.corpus import ActualFinding
from tinghu_policy.errors import TinghuPolicyError

from .support import implementation

CASES = load_corpus()
SAMPLE = CASES[:: max(1, len(CASES) // 8)]
"""A spread of cases for the slower subprocess tests (the whole corpus runs through the protocol in CI)."""


def test_input_has_no_expected_findings_and_spells_out_every_default() -> None:
    loaded = CASES[0]
    data = json.loads(CaseInput.of(loaded.id, loaded.case).to_json())
    assert set(data) == {"format_version", "id", "title", "provisions", "as_of", "interpretation", "project"}
    assert data["id"] == loaded.id
    assert set(data["interpretation"]) == set(type(loaded.case.interpretation).model_fields)
    assert set(data["project"]) == set(type(loaded.case.project).model_fields)


def test_output_is_parsed_into_findings() -> None:
    text = json.dumps(
        {
            "findings": [
                {"rule": "art11.initial_opinion", "subject": "round 1", "status": "met", "due": "2025-10-10"},
                {"rule": "art11.om_plan", "status": "not_applicable"},
            ]
        }
    )
    found = parse_output(text)
    assert found[0] == ActualFinding("art11.initial_opinion", "round 1", "met", found[0].due)
    assert str(found[0].due) == "2025-10-10"
    assert found[1] == ActualFinding("art11.om_plan", None, "not_applicable", None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("{findings: []}", "not valid JSON"),
        ('{"findings": [{"rule": "r", "status": "met", "due": NaN}]}', "NaN is not a number JSON allows"),
        ('{"results": []}', "field findings: Field required"),
        ('{"findings": [], "extra": 1}', "field extra: Extra inputs are not permitted"),
        ('{"findings": [{"rule": "r", "status": "passed"}]}', "field findings[0].status"),
        ('{"findings": [{"rule": "r", "status": "met", "due": "10/10/2025"}]}', "field findings[0].due"),
        ('{"findings": [{"rule": "r", "status": "met", "due": 1760054400}]}', "field findings[0].due"),
        ('{"findings": [{"rule": "r", "status": "met", "due_date": "2025-10-10"}]}', "findings[0].due_date"),
        ('{"findings": [{"rule": "r", "status": "met"}, {"rule": "r", "status": "late"}]}', "reported twice"),
        ('{"findings": {"rule": "r"}}', "field findings"),
        ("[" * 100_000, "nested more than"),
    ],
)
def test_output_outside_the_protocol_is_refused_naming_the_field(text: str, message: str) -> None:
    with pytest.raises(ProtocolError, match="stdout") as caught:
        parse_output(text)
    assert message in str(caught.value)


def test_reference_implementation_agrees_with_the_library() -> None:
    external = ExternalImplementation(implementation("reference_impl.py"), timeout=60)
    library = LibraryImplementation()
    for loaded in SAMPLE:
        case_input = CaseInput.of(loaded.id, loaded.case)
        assert external.findings(case_input) == library.findings(case_input), loaded.id


def test_reference_implementation_passes_through_the_runner_with_two_jobs() -> None:
    suite = run_suite(SAMPLE, ExternalImplementation(implementation("reference_impl.py"), timeout=60), jobs=2)
    assert suite.ok, [
        (r.case.id, r.error, r.mismatches) for r in suite.results if r.verdict is not Verdict.PASSED
    ]
    assert [r.case.id for r in suite.results] == [c.id for c in SAMPLE]


def test_off_by_one_implementation_fails_with_a_diff_of_each_wrong_field() -> None:
    wrong = ExternalImplementation(implementation("off_by_one_impl.py"), timeout=60)
    checked = [c for c in CASES if any(e.checks_due and e.due is not None for e in c.case.expected)]
    assert checked, "the corpus has no case that checks a due date"
    for loaded in checked[:5]:
        result = run_case(loaded, wrong)
        assert result.verdict is Verdict.FAILED, loaded.id
        dues = [m for m in result.mismatches if m.field == "due"]
        assert dues
        for m in dues:
            assert date.fromisoformat(m.actual) == date.fromisoformat(m.expected) + timedelta(days=1)
            assert str(m).startswith(m.rule)
            assert "due expected" in str(m)


@pytest.mark.parametrize(
    ("mode", "message", "stderr"),
    [
        ("crash", "exited with status 3", "the rule engine exploded"),
        ("garbage", "stdout, line 1: not valid JSON", ""),
        ("shape", "field findings: Field required", ""),
        ("status", "field findings[0].status: Input should be 'met'", ""),
        ("twice", "reported twice", ""),
        ("silent", "stdout: empty", ""),
    ],
)
def test_a_broken_implementation_errors_the_case_readably(mode: str, message: str, stderr: str) -> None:
    result = run_case(CASES[0], ExternalImplementation(implementation("broken_impl.py", mode), timeout=60))
    assert result.verdict is Verdict.ERRORED
    assert message in result.error
    assert stderr in result.stderr


def test_a_hanging_implementation_times_out() -> None:
    result = run_case(CASES[0], ExternalImplementation(implementation("broken_impl.py", "hang"), timeout=1))
    assert result.verdict is Verdict.ERRORED
    assert result.error == "timed out after 1 s"
    assert result.seconds < 30


def test_a_command_that_does_not_exist_errors_the_case() -> None:
    result = run_case(CASES[0], ExternalImplementation("/nonexistent/impl --flag"))
    assert result.verdict is Verdict.ERRORED
    assert "cannot start '/nonexistent/impl'" in result.error


@pytest.mark.parametrize(("command", "message"), [("", "empty"), ("'unbalanced", "No closing quotation")])
def test_an_unusable_command_is_refused_up_front(command: str, message: str) -> None:
    with pytest.raises(TinghuPolicyError, match=message):
        ExternalImplementation(command)


# --- issue #17: output read as it comes, with caps; signals named; duplicate keys; Ctrl-C ----------------------


def _python(code: str) -> str:
    """An ``--implementation`` command running ``code`` with this interpreter."""
    return shlex.join([sys.executable, "-c", code])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"findings": [], "findings": []}', "key 'findings' appears twice (first on line 1)"),
        (
            '{"findings": [{"rule": "r", "status": "met", "status": "late"}]}',
            "key 'status' appears twice (first on line 1)",
        ),
    ],
)
def test_output_naming_a_key_twice_is_refused(text: str, message: str) -> None:
    """Before: ``{"findings": [], "findings": []}`` was read (the last value wins) and the case FAILED with a diff
    of findings "missing"; a key given twice has no one meaning, so the case is ERRORED."""
    with pytest.raises(ProtocolError, match="stdout") as caught:
        parse_output(text)
    assert message in str(caught.value)


def test_an_implementation_answering_with_a_duplicate_key_errors_the_case() -> None:
    command = _python('import sys; sys.stdin.read(); print(\'{"findings": [], "findings": []}\')')
    result = run_case(CASES[0], ExternalImplementation(command, timeout=60))
    assert result.verdict is Verdict.ERRORED
    assert "appears twice" in result.error
    assert not result.mismatches


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("import sys\nwhile True: sys.stdout.write('y' * 65536)", "stdout: larger than 20000000 bytes"),
        ("import sys\nwhile True: sys.stderr.write('e' * 65536)", "stderr: larger than 4000000 bytes"),
        (
            "import sys\nsys.stdin.read()\nsys.stdout.write(' ' * 30_000_000)\nsys.stdout.flush()",
            "stdout: larger than 20000000 bytes",
        ),
    ],
    ids=["endless-stdout", "endless-stderr", "30-MB-stdout"],
)
def test_endless_or_huge_output_is_stopped_at_the_cap(code: str, message: str) -> None:
    """Before: the whole stdout and stderr were buffered (``yes`` reached 6.6 GB in 10 s; endless stderr 11.3 GB;
    a 300 MB stdout was refused only after 1.2 GB). Now they are read as they come and the child is killed at
    the cap, well before the timeout."""
    started = time.monotonic()
    result = run_case(CASES[0], ExternalImplementation(_python(code), timeout=120))
    assert result.verdict is Verdict.ERRORED
    assert message in result.error
    assert "stopped at the limit" in result.error
    assert time.monotonic() - started < 60
    assert len(result.stderr) <= STDERR_LIMIT + 1


def test_the_caps_are_the_protocols_limits() -> None:
    assert MAX_OUTPUT_BYTES == 20_000_000
    assert MAX_STDERR_BYTES == 4_000_000


def test_stderr_is_read_while_stdout_is_answered() -> None:
    """Both pipes are drained together: an implementation writing much to stderr before its answer is not stuck
    on a full pipe; the report keeps the end of stderr only."""
    findings = '{"findings": []}'
    code = f"import sys\nsys.stdin.read()\nsys.stderr.write('x' * 1_000_000 + 'END')\nprint({findings!r})"
    answered = run_case(CASES[0], ExternalImplementation(_python(code), timeout=60))
    assert answered.verdict is Verdict.FAILED  # it answered: no finding, so the expected ones are missing
    crashed = run_case(CASES[0], ExternalImplementation(_python(code + "\nsys.exit(1)"), timeout=60))
    assert crashed.error == "exited with status 1"
    assert crashed.stderr.endswith("xEND")
    assert crashed.stderr.startswith("…")
    assert len(crashed.stderr) == STDERR_LIMIT + 1


def test_a_child_that_does_not_read_its_input_is_still_judged_on_its_exit() -> None:
    result = run_case(CASES[0], ExternalImplementation(_python("import sys; sys.exit(5)"), timeout=60))
    assert result.verdict is Verdict.ERRORED
    assert result.error == "exited with status 5"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "import os, signal, sys; sys.stdin.read(); os.kill(os.getpid(), signal.SIGSEGV)",
            "killed by signal SIGSEGV (11: Segmentation fault)",
        ),
        (
            "import os, signal, sys; sys.stdin.read(); os.kill(os.getpid(), signal.SIGKILL)",
            "killed by signal SIGKILL (9: Killed)",
        ),
    ],
)
def test_a_death_by_a_signal_is_named(code: str, message: str) -> None:
    """Before: 'exited with status -11'."""
    result = run_case(CASES[0], ExternalImplementation(_python(code), timeout=60))
    assert result.verdict is Verdict.ERRORED
    assert result.error == message


def test_a_shell_status_for_a_signal_is_explained() -> None:
    assert exit_reason(139) == (
        "exited with status 139, as a shell reports a command killed by signal SIGSEGV (11: Segmentation fault)"
    )
    assert exit_reason(3) == "exited with status 3"
    assert exit_reason(-6).startswith("killed by signal SIGABRT (6: ")
    assert exit_reason(-200) == "killed by signal 200"


@pytest.mark.parametrize("timeout", [math.nan, math.inf, -math.inf, 0.0, -1.0])
def test_a_timeout_that_is_not_a_positive_finite_number_is_refused(timeout: float) -> None:
    with pytest.raises(TinghuPolicyError, match="positive number of seconds"):
        ExternalImplementation("true", timeout=timeout)


def test_abort_kills_the_running_case_and_refuses_new_ones() -> None:
    """Ctrl-C (the runner calls ``abort()``): the running child dies at once, no new one starts."""
    external = ExternalImplementation(_python("import time; time.sleep(600)"), timeout=600)
    finished: list[float] = []

    def run() -> None:
        with contextlib.suppress(ImplementationError):
            external.findings(CaseInput.of(CASES[0].id, CASES[0].case))
        finished.append(time.monotonic())

    worker = threading.Thread(target=run)
    worker.start()
    while not external._running:
        time.sleep(0.01)
    (process,) = external._running
    started = time.monotonic()
    external.abort()
    worker.join(30)
    assert finished
    assert finished[0] - started < 10
    assert process.returncode is not None
    with pytest.raises(ImplementationError, match="aborted"):
        external.findings(CaseInput.of(CASES[0].id, CASES[0].case))


def test_an_interrupted_suite_aborts_the_implementation() -> None:
    """A KeyboardInterrupt in ``run_suite`` (here raised by the progress callback) reaches the implementation's
    ``abort()`` and is raised again once the workers have stopped, with one job and with several."""

    class Recording(LibraryImplementation):
        aborted = 0

        def abort(self) -> None:
            Recording.aborted += 1

    def interrupt(_result: object) -> None:
        raise KeyboardInterrupt

    for jobs in (1, 2):
        with pytest.raises(KeyboardInterrupt):
            run_suite(CASES[:4], Recording(), jobs=jobs, on_result=interrupt)
    assert Recording.aborted == 2


@pytest.fixture
def ctrl_c() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt during the test, as in a terminal — also when the suite runs in the
    background, where a POSIX shell starts it with SIGINT ignored."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("ctrl_c")
def test_a_ctrl_c_while_the_implementation_starts_is_raised_once_it_can_be_aborted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Ctrl-C that lands while the child is being started (``--jobs 1``: in the main thread) used to leave it
    unregistered — Ctrl-C then left it running, orphaned. It is now held until the child is registered, so the
    runner's ``abort()`` kills it."""
    external = ExternalImplementation(_python("import time; time.sleep(600)"), timeout=600)
    real_popen = subprocess.Popen

    def interrupted_popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process = real_popen(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # arrives before Popen returns to findings()
        return process

    monkeypatch.setattr(subprocess, "Popen", interrupted_popen)
    with pytest.raises(KeyboardInterrupt):
        external.findings(CaseInput.of(CASES[0].id, CASES[0].case))
    (process,) = external._running
    external.abort()
    assert process.wait(30) is not None


@pytest.mark.usefixtures("ctrl_c")
def test_a_ctrl_c_while_the_implementation_fails_to_start_is_not_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Ctrl-C held while the child starts is raised even when the start fails: the user's interruption comes
    before the case's error."""

    def interrupted_and_failing(*_args: Any, **_kwargs: Any) -> subprocess.Popen[bytes]:
        os.kill(os.getpid(), signal.SIGINT)
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(subprocess, "Popen", interrupted_and_failing)
    external = ExternalImplementation("no-such-implementation", timeout=5)
    with pytest.raises(KeyboardInterrupt):
        external.findings(CaseInput.of(CASES[0].id, CASES[0].case))


def test_abort_after_a_ctrl_c_that_left_the_lock_taken_does_not_hang() -> None:
    """A Ctrl-C just after the main thread took the implementation's lock (a ``with`` cannot exclude that) leaves it
    taken; ``abort()``, which the runner then calls in the same thread, used to wait for it forever. (Run in a
    thread of its own, so that a regression fails here instead of hanging the suite.)"""
    external = ExternalImplementation("true", timeout=5)
    done = threading.Event()

    def interrupted_then_aborted() -> None:
        external._lock.acquire()  # what the interrupted ``with`` leaves behind, in this thread
        external.abort()
        done.set()

    threading.Thread(target=interrupted_then_aborted, daemon=True).start()
    assert done.wait(30)


def _interrupt_thread_when(ready: Callable[[], bool]) -> threading.Thread:
    """A thread that, once ``ready()``, sends SIGINT to itself: the kernel may hand a Ctrl-C to any thread (the
    progress display's, a worker), and the main thread then learns of it only when it runs Python code."""

    def run() -> None:
        deadline = time.monotonic() + 30
        while not ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.mark.usefixtures("ctrl_c")
def test_a_ctrl_c_delivered_to_another_thread_stops_a_running_case_at_once() -> None:
    """``--jobs 1``: the case runs in the main thread, waiting for the child's output. A Ctrl-C delivered to
    another thread used to wait there until the case's timeout (the conform Ctrl-C test hung 1 run in 12 under
    load); the main thread now looks up every :data:`WAKE_SECONDS`, and the child is killed."""
    external = ExternalImplementation(_python("import time; time.sleep(600)"), timeout=20)
    _interrupt_thread_when(lambda: bool(external._running))
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        external.findings(CaseInput.of(CASES[0].id, CASES[0].case))
    assert time.monotonic() - started < 10
    assert not external._running


@pytest.mark.usefixtures("ctrl_c")
def test_a_ctrl_c_delivered_to_another_thread_interrupts_a_parallel_suite_at_once() -> None:
    """``--jobs 2``: the main thread waits for the workers' results; a Ctrl-C delivered to another thread used to
    wait there until a case ended. Now it is raised within :data:`WAKE_SECONDS` and the implementation aborted."""

    class Waiting(LibraryImplementation):
        def __init__(self) -> None:
            self.started = 0
            self.stopped = threading.Event()

        def findings(self, case: CaseInput) -> list[ActualFinding]:
            self.started += 1
            self.stopped.wait(20)
            return []

        def abort(self) -> None:
            self.stopped.set()

    implementation = Waiting()
    _interrupt_thread_when(lambda: implementation.started >= 2)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_suite(CASES[:4], implementation, jobs=2)
    assert time.monotonic() - started < 10
    assert implementation.stopped.is_set()
