"""Every paragraph and item has exactly one encoding status, and the pending ones are listed."""

from __future__ import annotations

import pytest

from tinghu_policy.provisions import status as status_module
from tinghu_policy.provisions.status import EncodingStatus, status_of, status_problems, status_units


def test_every_provision_has_exactly_one_status() -> None:
    assert status_problems() == []


def test_pending_provisions_are_reported() -> None:
    pending = [p.id for p in status_units() if status_of(p.id).status is EncodingStatus.PENDING]
    print(f"{len(pending)} pending provision(s): {', '.join(pending) or 'none'}")
    assert all(status_of(pid).rules == () for pid in pending)


def test_not_computable_provisions_give_a_reason() -> None:
    for p in status_units():
        state = status_of(p.id)
        if state.status is EncodingStatus.NOT_COMPUTABLE:
            assert len(state.reason) > 20, p.id


def test_drift_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A provision dropped from status.yaml, or listed twice, is reported."""
    declared = status_module._declared()
    dropped = declared.model_copy(
        update={"not_computable": {k: v for k, v in declared.not_computable.items() if k != "art1.p1"}}
    )
    monkeypatch.setattr(status_module, "_declared", lambda: dropped)
    assert "art1.p1: has no status" in status_problems()
    doubled = declared.model_copy(update={"pending": (*declared.pending, "art1.p1")})
    monkeypatch.setattr(status_module, "_declared", lambda: doubled)
    assert "art1.p1: has not_computable and pending" in status_problems()


def test_a_provision_encoded_in_part_says_which_part_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph its rules cover only in part reads "in part" with the reason; one no rule encodes is refused."""
    partial = status_of("art15.p2")
    assert partial.status is EncodingStatus.ENCODED
    assert partial.reason.startswith("in part — not computable: the second sentence")
    declared = status_module._declared()
    wrong = declared.model_copy(
        update={"encoded_in_part": {**declared.encoded_in_part, "art1.p1": "nothing"}}
    )
    monkeypatch.setattr(status_module, "_declared", lambda: wrong)
    assert "art1.p1: declared encoded in part but no rule encodes it" in status_problems()
