"""Run a corpus against an implementation: one verdict per case (passed, failed with a diff, errored), tallied per
provision."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tinghu_policy.conformance.implementations import WAKE_SECONDS, Implementation, ImplementationError
from tinghu_policy.conformance.protocol import CaseInput
from tinghu_policy.corpus import Case, CaseFile, Mismatch, compare, discover
from tinghu_policy.engine import catalogue
from tinghu_policy.errors import TinghuPolicyError


class CorpusError(TinghuPolicyError):
    """A corpus that cannot be run: a missing folder, no cases, or case files that do not validate."""


class Verdict(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERRORED = "errored"


@dataclass(frozen=True, slots=True)
class LoadedCase:
    """A validated case and where it came from."""

    id: str
    path: Path
    case: Case

    @property
    def provisions(self) -> tuple[str, ...]:
        """The provisions the case exercises: its ``provisions`` list, then those of the rules it expects."""
        by_rule = {r.id: r.provision for r in catalogue()}
        named = [by_rule[e.rule] for e in self.case.expected if e.rule in by_rule]
        return tuple(dict.fromkeys((*self.case.provisions, *named)))


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The verdict on one case."""

    case: LoadedCase
    verdict: Verdict
    mismatches: tuple[Mismatch, ...] = ()
    error: str = ""
    stderr: str = ""
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SuiteResult:
    """Every case's verdict, in corpus order."""

    implementation: str
    results: tuple[CaseResult, ...]
    seconds: float

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.results if r.verdict is verdict)

    @property
    def ok(self) -> bool:
        return all(r.verdict is Verdict.PASSED for r in self.results)

    def by_provision(self) -> dict[str, Counter[Verdict]]:
        """Each provision's verdict counts over the cases that exercise it."""
        out: dict[str, Counter[Verdict]] = {}
        for result in self.results:
            for provision in result.case.provisions:
                out.setdefault(provision, Counter())[result.verdict] += 1
        return out


def load_corpus(root: Path | None = None, *, select: Sequence[str] = ()) -> list[LoadedCase]:
    """Every case under ``root`` (default: the bundled corpus), validated; ``select`` keeps ids containing one of
    the given texts. :class:`CorpusError` lists every case file that does not validate (file, line, field)."""
    if root is not None and not root.is_dir():
        raise CorpusError(f"{root}: not a folder")
    files: list[CaseFile] = [f for f in discover(root) if not select or any(text in f.id for text in select)]
    if not files:
        where = root or "the bundled corpus"
        raise CorpusError(
            f"{where}: no case files (*.yaml)" + (f" matching {', '.join(select)}" if select else "")
        )
    problems: list[str] = []
    loaded: list[LoadedCase] = []
    for f in files:
        try:
            loaded.append(LoadedCase(f.id, f.path, f.case))
        except TinghuPolicyError as exc:
            problems.append(str(exc))
    if problems:
        raise CorpusError(f"{len(problems)} case file(s) are invalid:\n" + "\n".join(problems))
    return loaded


def run_case(case: LoadedCase, implementation: Implementation) -> CaseResult:
    """One case's verdict: passed, failed (with every mismatch) or errored (with the reason)."""
    started = time.perf_counter()
    try:
        actual = implementation.findings(CaseInput.of(case.id, case.case))
    except ImplementationError as exc:
        return CaseResult(case, Verdict.ERRORED, error=str(exc), stderr=exc.stderr, seconds=_since(started))
    mismatches = tuple(compare(case.case.expected, actual))
    verdict = Verdict.FAILED if mismatches else Verdict.PASSED
    return CaseResult(case, verdict, mismatches=mismatches, seconds=_since(started))


def run_suite(
    cases: Sequence[LoadedCase],
    implementation: Implementation,
    *,
    jobs: int = 1,
    on_result: Callable[[CaseResult], None] | None = None,
) -> SuiteResult:
    """Run every case (``jobs`` at a time); ``on_result`` is called as each one finishes.

    An interruption (Ctrl-C: :class:`KeyboardInterrupt`) calls the implementation's ``abort()``, if it has one,
    which kills every case running at that moment, and is raised again once the workers have stopped.
    """
    if jobs < 1:
        raise TinghuPolicyError(f"--jobs must be at least 1, got {jobs}")
    started = time.perf_counter()

    def one(case: LoadedCase) -> CaseResult:
        result = run_case(case, implementation)
        if on_result is not None:
            on_result(result)
        return result

    if jobs == 1:
        try:
            results = [one(c) for c in cases]
        except BaseException:
            _abort(implementation)
            raise
    else:
        pool = ThreadPoolExecutor(max_workers=jobs)
        try:
            futures = [pool.submit(one, c) for c in cases]
            results = [_waited(f) for f in futures]
        except BaseException:  # Ctrl-C: start no more cases and kill the running ones at once, then wait
            pool.shutdown(wait=False, cancel_futures=True)
            _abort(implementation)
            raise
        finally:
            pool.shutdown(wait=True)
    return SuiteResult(implementation.name, tuple(results), _since(started))


def _waited(future: Future[CaseResult]) -> CaseResult:
    """The future's result, waited for in steps of :data:`WAKE_SECONDS`: a Ctrl-C the kernel hands to a worker or
    the progress display's thread is raised in the main thread at the next step, not when the case ends."""
    while True:
        try:
            return future.result(timeout=WAKE_SECONDS)
        except TimeoutError:
            continue


def _abort(implementation: Implementation) -> None:
    abort: Callable[[], None] | None = getattr(implementation, "abort", None)
    if abort is not None:
        abort()


def _since(started: float) -> float:
    return time.perf_counter() - started
