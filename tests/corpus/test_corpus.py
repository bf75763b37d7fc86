"""Every worked case of the corpus, as its own test: the library must produce the expected findings."""

from __future__ import annotations

import pytest

from tinghu_policy.corpus import CaseFile, actual_findings, compare, discover

CASES = discover()


@pytest.mark.parametrize("case_file", CASES, ids=[c.id for c in CASES])
def test_case(case_file: CaseFile) -> None:
    case = case_file.case
    mismatches = compare(case.expected, actual_findings(case.run()))
    assert not mismatches, f"{case_file.path}: {case.title}\n" + "\n".join(map(str, mismatches))
