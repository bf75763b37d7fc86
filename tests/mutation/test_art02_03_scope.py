"""Kills the surviving mutants of art02_03_scope.py: what the scope findings say (their explanations), not only
their status."""

from __future__ import annotations

from datetime import date
from typing import Any

from tinghu_policy import Interpretation, Project, evaluate

from .support import BASE, finding

TOWNSHIP = {"name": "南洋镇人民政府", "level": "township", "kind": "party_government"}
ENTERPRISE = {"name": "亭湖城投集团", "level": "district", "kind": "state_owned_enterprise"}


def test_d18_is_named_either_way_for_a_township_unit() -> None:
    counted = finding(
        "art2.government_it_project", owner=TOWNSHIP, interpretation={"township_units": "district_level"}
    )
    assert "a township unit is district-level" in counted.explanation_en
    assert "乡镇单位属区级" in counted.explanation_zh
    default = finding("art2.government_it_project", owner=TOWNSHIP)
    assert "a township unit is not district-level" in default.explanation_en
    assert "乡镇单位不属区级" in default.explanation_zh


def test_missing_funding_is_shown_as_not_given() -> None:
    found = finding("art2.government_it_project", funding=[])
    assert "the funding (not given) includes fiscal budget money" in found.explanation_en
    assert "资金来源（未提供）含财政预算资金" in found.explanation_zh


def test_art3_is_pointed_to_only_for_a_listed_kind() -> None:
    listed = finding("art2.government_it_project", category="office_terminal")
    assert "art. 3 decides whether this kind is excluded" in listed.explanation_en
    assert "该类别是否不纳入管理由第三条判断" in listed.explanation_zh
    group_b = finding(
        "art2.government_it_project", category="communication_line", under_construction_standard=False
    )
    assert "art. 3 decides whether this kind is excluded" in group_b.explanation_en
    plain = finding("art2.government_it_project")
    assert "art. 3 decides" not in plain.explanation_en


def test_d8_reading_is_named_for_the_second_group() -> None:
    project: dict[str, Any] = {
        "category": "communication_line",
        "under_construction_standard": True,
        "produces_public_data": True,
    }
    both = finding("art3.not_excluded", **project, interpretation={"art3_qualifier_scope": "both_groups"})
    assert "qualifies the second group too" in both.explanation_en
    assert "同时修饰第二组" in both.explanation_zh
    first_only = finding("art3.not_excluded", **project)
    assert "qualifies the first group only" in first_only.explanation_en
    assert "只修饰第一组" in first_only.explanation_zh


def test_art2_says_when_art38_still_brings_the_project_in() -> None:
    own_money = [{"source": "self_raised", "amount": "800000.00"}]
    rescued = finding(
        "art2.government_it_project",
        owner=ENTERPRISE,
        funding=own_money,
        interpretation={"state_enterprise_funding": "any_money"},
    )
    assert rescued.status == "notice"
    assert "the regulation still applies by" in rescued.explanation_en
    assert "仍适用本办法" in rescued.explanation_zh
    not_rescued = finding("art2.government_it_project", funding=own_money)
    assert "still applies" not in not_rescued.explanation_en
    municipal_enterprise = {**ENTERPRISE, "level": "municipal"}
    outside = finding("art2.government_it_project", owner=municipal_enterprise, funding=own_money)
    assert outside.status == "notice"
    assert "still applies" not in outside.explanation_en, "art. 38 reaches the enterprise but does not hold"
    governed = finding("art2.government_it_project")
    assert governed.status == "holds"
    assert "still applies" not in governed.explanation_en


def test_an_undetermined_scope_names_only_the_missing_facts() -> None:
    found = finding("art2.government_it_project", funding=[])
    assert found.status == "undetermined"
    assert "missing facts: funding" in found.explanation_en
    assert "owner.level" not in found.note_en


def test_the_same_project_under_another_interpretation_is_assessed_again() -> None:
    """The scope keeps its last answer for the same project *and* interpretation only."""
    project = Project.model_validate({**BASE, "owner": TOWNSHIP})
    day = date(2026, 6, 30)
    default = evaluate(project, as_of=day, interpretation=Interpretation())
    counted = evaluate(project, as_of=day, interpretation=Interpretation(township_units="district_level"))
    again = evaluate(project, as_of=day, interpretation=Interpretation())
    assert default.finding("art2.government_it_project").status == "notice"
    assert counted.finding("art2.government_it_project").status == "holds"
    assert again.finding("art2.government_it_project").status == "notice"


# Art. 3: 不产生公共数据资源的楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件以及属于《建设工程分类标准》
# 范畴的电子设备……工程项目，不纳入区级政务信息化项目建设管理范畴. D8 only asks whether "不产生公共数据资源的" also
# qualifies the second group; the first group is qualified under either reading, so a first-group verdict has no D8
# reading to name.
# kills art02_03_scope.py:307 core/ReplaceFalseWithTrue #9
def test_a_first_group_exclusion_names_no_d8_reading() -> None:
    terminal: dict[str, Any] = {"category": "office_terminal", "produces_public_data": False}
    excluded = finding("art3.not_excluded", **terminal)
    assert excluded.status == "notice"
    assert "excluded from district government IT project management by art. 3" in excluded.note_en
    assert "D8" not in excluded.note_en
    assert "D8" not in excluded.note_zh
    both = finding("art3.not_excluded", **terminal, interpretation={"art3_qualifier_scope": "both_groups"})
    assert both.status == "notice"
    assert "D8" not in both.note_en
    kept = finding("art3.not_excluded", category="office_terminal", produces_public_data=True)
    assert kept.status == "holds"
    assert "D8" not in kept.note_en
    substance = finding("art3.not_excluded", **terminal, substantively_government_it=True)
    assert substance.status == "holds"
    assert "D38" in substance.note_en
    assert "D8" not in substance.note_en


# D38 (default substance_prevails): a project declared as a first-group kind and producing no public data is not
# excluded when found to be government IT in substance; the finding shows that finding as a requirement met:
# required True (实质上属于政务信息化建设的项目), given True, holding.
# kills art02_03_scope.py:347 core/ReplaceTrueWithFalse #17
# kills art02_03_scope.py:347 core/ReplaceTrueWithFalse #19
def test_the_substance_finding_is_shown_as_a_requirement_met() -> None:
    found = finding(
        "art3.not_excluded",
        category="office_terminal",
        produces_public_data=False,
        substantively_government_it=True,
    )
    assert found.status == "holds"
    substance = [c for c in found.checks if c.fact == "substantively_government_it"]
    assert len(substance) == 1
    check = substance[0]
    assert check.role == "requirement"
    assert check.required is True
    assert check.actual is True
    assert check.ok is True
    governs = finding(
        "art3.not_excluded",
        category="office_terminal",
        produces_public_data=False,
        substantively_government_it=True,
        interpretation={"art3_substance": "category_governs"},
    )
    assert governs.status == "notice"
    assert all(c.fact != "substantively_government_it" for c in governs.checks)
