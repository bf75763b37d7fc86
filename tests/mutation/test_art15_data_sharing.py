"""Kills the surviving mutants of art15_data_sharing.py: a project approved with no catalogue at all fails on the
catalogue alone, asking for no compilation date and saying no catalogue exists."""

from __future__ import annotations

from .support import finding


# kills art15_data_sharing.py:204 AddNot #10
# kills art15_data_sharing.py:204 ReplaceComparisonOperator_IsNot_Is #8
# kills art15_data_sharing.py:216 ReplaceAndWithOr #3
def test_approved_without_any_catalogue_fails_on_the_catalogue_alone() -> None:
    """数据资源目录是审批相关政务信息化项目的必备条件 (art. 15(2)): approved while no catalogue was compiled
    (``data_catalogue`` false, no date) FAILS — the catalogue was not there at approval. There is no catalogue whose
    date could be asked for, and the note does not say one exists with its date unknown."""
    failed = finding(
        "art15.catalogue_before_approval",
        approval={"approved": "2026-04-15", "data_sharing": {"data_catalogue": False}},
    )
    assert failed.status == "fails"
    assert failed.missing == ()
    assert [(c.fact, c.required, c.actual, c.ok) for c in failed.checks] == [
        ("approval.data_sharing.data_catalogue", True, False, False)
    ]
    assert failed.note_en == "approved on 2026-04-15"
    assert failed.note_zh == "审批日期：2026-04-15"
