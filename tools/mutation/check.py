"""The test command of one mutant: the whole corpus in-process (fast, stops at the first wrong finding; every check a
finding shows must name the fact it read, as tests/conformance/test_fact_paths.py requires), then the mutated
module's unit tests with pytest.

    python tools/mutation/check.py [--skip CASE_ID]... [PYTEST_ARGS]...

Exit status 0 when everything passes (the mutant survives), 1 otherwise (killed). ``--skip`` leaves out a case that
already fails without any mutation (see run.py's baseline). The cases that expect a finding of the mutated module's
rules (the module named by its unit tests, ``tests/rules/test_<module>.py``) run first: the same cases, so the same
verdict, but a mutant is usually killed within the first few.
"""

from __future__ import annotations

import sys
from pathlib import PurePath


def _mutated_module(pytest_args: list[str]) -> str | None:
    """``tinghu_policy.rules.<module>`` for the unit tests ``tests/rules/test_<module>.py`` among the arguments."""
    for arg in pytest_args:
        path = PurePath(arg)
        if path.parent == PurePath("tests/rules") and path.stem.startswith("test_"):
            return f"tinghu_policy.rules.{path.stem.removeprefix('test_')}"
    return None


def corpus_passes(skip: set[str], module: str | None = None) -> bool:
    from tests.conformance.test_fact_paths import check_report
    from tinghu_policy.corpus import actual_findings, compare, discover
    from tinghu_policy.engine import catalogue

    own = {rule.id for rule in catalogue() if rule.module == module}
    cases = sorted(discover(), key=lambda f: not any(e.rule in own for e in f.case.expected))
    for case_file in cases:
        if case_file.id in skip:
            continue
        case = case_file.case
        report = case.run()
        if compare(case.expected, actual_findings(report)):
            print(f"killed by corpus case {case_file.id}")
            return False
        try:
            check_report(case.project, report)
        except AssertionError as exc:
            print(f"killed by the fact paths of corpus case {case_file.id}: {exc}")
            return False
    return True


def main(argv: list[str]) -> int:
    skip: set[str] = set()
    rest: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--skip":
            skip.add(next(words))
        else:
            rest.append(word)
    try:
        if not corpus_passes(skip, _mutated_module(rest)):
            return 1
    except Exception as exc:  # a mutant that breaks the library is killed, whatever it raises
        print(f"killed: {type(exc).__name__}: {exc}")
        return 1
    if not rest:
        return 0
    import pytest

    return 0 if pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *rest]) == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
