"""Art. 5: the responsibility table covers items (一)–(七) exactly, in the text's words, and names every department
the rules make owe a duty or receive a filing."""

from __future__ import annotations

import dataclasses

import pytest

from tinghu_policy.corpus import discover
from tinghu_policy.engine import catalogue, encoders_by_provision, tables
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.parties import Party
from tinghu_policy.provisions import provision, registry
from tinghu_policy.provisions.status import EncodingStatus, status_of
from tinghu_policy.rules.art05_responsibilities import RESPONSIBILITIES, responsibility

ITEMS = [p.id for p in registry().descendants("art5.p1")]
ART5_TEXT = "".join(provision(i).text for i in ITEMS)
ART5_DEPARTMENTS = {p for p in Party if p.name_zh in ART5_TEXT}
"""The parties art. 5's own text names — found from the text, not from the table under test."""


def test_the_table_covers_items_one_to_seven_exactly() -> None:
    assert [f"art5.p1.i{n}" for n in range(1, 8)] == ITEMS
    assert [r.provision for r in RESPONSIBILITIES.values()] == ITEMS
    assert len(set(RESPONSIBILITIES)) == 7


def test_the_departments_art5_names_are_the_table_s() -> None:
    assert set(RESPONSIBILITIES) == ART5_DEPARTMENTS


@pytest.mark.parametrize("item", ITEMS)
def test_each_entry_is_its_item_s_department_and_words(item: str) -> None:
    entry = next(r for r in RESPONSIBILITIES.values() if r.provision == item)
    text = provision(item).text
    assert text.startswith(f"（{'一二三四五六七'[int(item[-1]) - 1]}）{entry.party.name_zh}负责")
    assert entry.duties
    for duty in entry.duties:
        assert duty.zh in text, duty.zh
        assert duty.en
        assert duty.en.isascii()


def test_each_item_is_encoded_by_its_table_entry() -> None:
    encoders = encoders_by_provision()
    for party, entry in RESPONSIBILITIES.items():
        assert encoders[entry.provision] == (f"art5.{party.value}",)
        assert status_of(entry.provision).status is EncodingStatus.ENCODED
        assert entry.encoding in tables()
        assert entry.encoding.module == "tinghu_policy.rules.art05_responsibilities"


def test_every_art5_department_a_rule_names_is_in_the_table() -> None:
    named = {p for r in catalogue() for p in (r.owed_by, *r.to) if p is not None}
    assert named & ART5_DEPARTMENTS, "the rules name art. 5 departments"
    for party in named & ART5_DEPARTMENTS:
        assert responsibility(party).party is party
    others = named - ART5_DEPARTMENTS
    assert others <= {Party.LEAD_DEPARTMENT, Party.JOINT_PANEL, Party.SECRECY_AUTHORITY, Party.SUPERVISORS}


def test_every_department_a_finding_makes_owe_is_in_the_table() -> None:
    """Outcomes may override the rule's party (e.g. each department of art. 11(1)(iii)): check the corpus's."""
    seen = set()
    for case_file in discover():
        for finding in case_file.case.run().findings:
            seen |= {p for p in (finding.owed_by, *finding.to) if p in ART5_DEPARTMENTS}
    assert Party.AUDIT_BUREAU in seen  # art. 11(1)(iii) overrides owed_by per department
    assert seen <= set(RESPONSIBILITIES)


def test_the_table_is_immutable() -> None:
    with pytest.raises(TypeError):
        RESPONSIBILITIES[Party.JOINT_PANEL] = RESPONSIBILITIES[Party.DATA_BUREAU]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        responsibility(Party.DATA_BUREAU).party = Party.AUDIT_BUREAU  # type: ignore[misc]
    assert isinstance(responsibility(Party.DATA_BUREAU).duties, tuple)


def test_a_party_art5_does_not_name_is_refused() -> None:
    with pytest.raises(TinghuPolicyError, match="joint_panel"):
        responsibility(Party.JOINT_PANEL)


def test_the_approving_department_is_the_data_bureau() -> None:
    assert any(d.zh == "项目审批" for d in responsibility(Party.DATA_BUREAU).duties)
    assert responsibility(Party.FINANCE_BUREAU).provision == "art5.p1.i4"
