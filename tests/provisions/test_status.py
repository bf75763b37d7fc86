"""Every paragraph and item has exactly one encoding status, and the pending ones are listed."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from tinghu_policy.provisions import status as status_module
from tinghu_policy.provisions.status import EncodingStatus, status_of, status_problems, status_units

HAN = re.compile(r"[\u4e00-\u9fff]")


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


def test_every_reason_is_given_in_chinese_and_english() -> None:
    """A reader meets the Chinese first: every not-computable reason, and every part not computed, has both."""
    for p in status_units():
        state = status_of(p.id)
        if state.reason:
            assert HAN.search(state.reason_zh), f"{p.id}: no Chinese reason"
            assert state.reason_en == state.reason
        else:
            assert not state.reason_zh, p.id
    assert status_of("art11.p1.i4").reason_zh.startswith("部分编码，以下部分不可计算：联合评审小组的组织")


@pytest.mark.parametrize(
    "reason",
    [
        {"en": "no Chinese given"},
        {"zh": "only English here", "en": "only English here"},
        {"zh": "只有中文", "en": ""},
        "a bare string, as before",
    ],
)
def test_a_reason_without_chinese_is_refused(reason: object) -> None:
    """status.yaml with a reason lacking its Chinese (or its English) text does not load."""
    with pytest.raises(ValidationError):
        status_module._Declared.model_validate({"not_computable": {"art1.p1": reason}, "pending": []})


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
