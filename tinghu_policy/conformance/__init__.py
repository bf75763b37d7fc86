"""The corpus as a conformance suite: run it against this library or any implementation that speaks the protocol.

* :mod:`~tinghu_policy.conformance.protocol` — what an implementation reads (one case as JSON on stdin) and writes
  (its findings as JSON on stdout);
* :mod:`~tinghu_policy.conformance.implementations` — this library in-process, or an external command;
* :mod:`~tinghu_policy.conformance.runner` — run every case, compare, tally per case and per provision;
* :mod:`~tinghu_policy.conformance.coverage` — which cases exercise each provision, holding and failing;
* :mod:`~tinghu_policy.conformance.junit` — the results as JUnit XML for CI systems.
"""

from tinghu_policy.conformance.coverage import ProvisionCoverage, coverage_gaps, coverage_matrix
from tinghu_policy.conformance.implementations import (
    ExternalImplementation,
    Implementation,
    ImplementationError,
    LibraryImplementation,
)
from tinghu_policy.conformance.junit import write_junit
from tinghu_policy.conformance.protocol import (
    PROTOCOL_VERSION,
    CaseInput,
    FindingsOutput,
    OutputFinding,
    ProtocolError,
    parse_output,
)
from tinghu_policy.conformance.runner import (
    CaseResult,
    CorpusError,
    LoadedCase,
    SuiteResult,
    Verdict,
    load_corpus,
    run_case,
    run_suite,
)

__all__ = [
    "PROTOCOL_VERSION",
    "CaseInput",
    "CaseResult",
    "CorpusError",
    "ExternalImplementation",
    "FindingsOutput",
    "Implementation",
    "ImplementationError",
    "LibraryImplementation",
    "LoadedCase",
    "OutputFinding",
    "ProtocolError",
    "ProvisionCoverage",
    "SuiteResult",
    "Verdict",
    "coverage_gaps",
    "coverage_matrix",
    "load_corpus",
    "parse_output",
    "run_case",
    "run_suite",
    "write_junit",
]
