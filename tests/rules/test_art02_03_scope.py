"""Art. 2 and 3 and the scope gate: which condition fails, D8 both ways, and one verdict shared by gate and rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinghu_policy.engine import Report, Status, catalogue, evaluate, scope_of
from tinghu_policy.facts import Category, FundingSource, OwnerKind, OwnerLevel, Project
from tinghu_policy.interpretation import Art3QualifierScope, Art3Substance, Interpretation, TownshipUnits
from tinghu_policy.rules.art02_03_scope import all_of, any_of, governed

AS_OF = date(2025, 11, 20)
BASE: dict[str, Any] = {
    "id": "TH-T-02",
    "name": "测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "100000.00"}],
    "review": [{"received": "2025-11-03", "documents": ["request"]}],
}
BOTH = Interpretation(art3_qualifier_scope=Art3QualifierScope.BOTH_GROUPS)
SCOPE_RULES = {
    "art2.government_it_project",
    "art3.not_excluded",
    "art38.state_owned_enterprise",
    "art39.social_capital_project",
    "art40.effective_date",
}


def run(interpretation: Interpretation | None = None, **facts: Any) -> Report:
    return evaluate({**BASE, **facts}, as_of=AS_OF, interpretation=interpretation)


def status(report: Report, rule: str) -> Status:
    return report.finding(rule).status


# --- art. 2 ---------------------------------------------------------------------------------------------------


def test_a_district_organ_with_budget_money_building_software_is_governed() -> None:
    report = run()
    assert status(report, "art2.government_it_project") is Status.HOLDS
    assert status(report, "art11.filing_set") is Status.FAILS  # the gate is open: art. 11 judges the filing


@pytest.mark.parametrize(
    ("facts", "fact", "phrase"),
    [
        (
            {"owner": {"name": "市大数据局", "level": "municipal", "kind": "party_government"}},
            "owner.level",
            "不是区级单位",
        ),
        (
            {"owner": {"name": "新兴街道", "level": "township", "kind": "party_government"}},
            "owner.level",
            "乡镇",
        ),
        ({"funding": [{"source": "self_raised", "amount": "1.00"}]}, "funding", "未使用财政预算资金"),
        ({"category": "other"}, "category", "不属于GB/T 40692-2021"),
    ],
)
def test_each_failing_limb_is_named_and_the_project_is_out(
    facts: dict[str, Any], fact: str, phrase: str
) -> None:
    report = run(**facts)
    finding = report.finding("art2.government_it_project")
    assert finding.status is Status.NOTICE
    assert [c.fact for c in finding.checks if c.ok is False] == [fact]
    assert phrase in finding.note_zh
    gated = report.finding("art11.initial_opinion")
    assert gated.status is Status.NOT_APPLICABLE
    assert phrase in gated.note_zh
    assert "不适用本办法" in gated.note_zh


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (["fiscal_budget"], Status.HOLDS),
        (["provincial_allocation"], Status.HOLDS),  # the province's budget money is 财政预算资金 too
        (["self_raised", "fiscal_budget"], Status.HOLDS),  # "使用财政预算资金": some budget money suffices
        (["self_raised"], Status.NOTICE),
        (["social_capital"], Status.NOTICE),  # art. 39, not art. 2, brings it in
        ([], Status.UNDETERMINED),
    ],
)
def test_the_money_limb(sources: list[str], expected: Status) -> None:
    funding = [{"source": s, "amount": "10.00"} for s in sources]
    finding = run(funding=funding).finding("art2.government_it_project")
    assert finding.status is expected
    assert finding.missing == (("funding",) if expected is Status.UNDETERMINED else ())


@pytest.mark.parametrize("category", sorted(set(Category) - {Category.OTHER}))
def test_every_kind_but_other_passes_the_category_limb(category: Category) -> None:
    """Art. 3's kinds count for art. 2 (art. 3 could not carve them out otherwise); art. 3 then decides."""
    finding = run(
        category=category.value, produces_public_data=True, under_construction_standard=False
    ).finding("art2.government_it_project")
    assert finding.status is Status.HOLDS


def test_missing_money_leaves_the_gate_open_and_says_so() -> None:
    project = Project.model_validate({**BASE, "funding": []})
    scope = scope_of(project, Interpretation())
    assert scope.governed is None
    assert "资金来源" in scope.note_zh  # the fact named in Chinese, no code name
    assert "funding" in scope.note_en
    assert run(funding=[]).finding("art11.filing_set", "round 1").status is Status.FAILS


# --- art. 3 ---------------------------------------------------------------------------------------------------

GROUP_A = ("building_intelligence", "research_equipment", "office_terminal", "general_software")
GROUP_B = ("electronic_equipment", "communication_equipment", "communication_line", "broadcast_film_tv")
H, F, U = Status.HOLDS, Status.NOTICE, Status.UNDETERMINED  # F: the scope verdict keeps the project out


@pytest.mark.parametrize("category", GROUP_A)
@pytest.mark.parametrize("d8", list(Art3QualifierScope))
@pytest.mark.parametrize(("public_data", "expected"), [(True, H), (False, F), (None, U)])
def test_group_a_is_excluded_only_without_public_data(
    category: str, d8: Art3QualifierScope, public_data: bool | None, expected: Status
) -> None:
    report = run(
        Interpretation(art3_qualifier_scope=d8),
        category=category,
        produces_public_data=public_data,
        under_construction_standard=True,
    )
    finding = report.finding("art3.not_excluded")
    assert finding.status is expected
    assert finding.missing == (("produces_public_data",) if expected is U else ())


# (under_construction_standard, produces_public_data) → (default D8, both_groups D8)
GROUP_B_TABLE = [
    (True, True, F, H),
    (True, False, F, F),
    (True, None, F, U),
    (False, True, H, H),
    (False, False, H, H),
    (False, None, H, H),
    (None, True, U, H),
    (None, False, U, U),
    (None, None, U, U),
]


@pytest.mark.parametrize("category", GROUP_B)
@pytest.mark.parametrize(("standard", "public_data", "default", "both"), GROUP_B_TABLE)
def test_group_b_under_both_readings_of_d8(
    category: str, standard: bool | None, public_data: bool | None, default: Status, both: Status
) -> None:
    facts: dict[str, Any] = {
        "category": category,
        "under_construction_standard": standard,
        "produces_public_data": public_data,
    }
    assert status(run(**facts), "art3.not_excluded") is default
    assert status(run(BOTH, **facts), "art3.not_excluded") is both


def test_a_missing_construction_standard_fact_is_named() -> None:
    finding = run(category="communication_line").finding("art3.not_excluded")
    assert finding.status is Status.UNDETERMINED
    assert finding.missing == ("under_construction_standard",)
    assert "属于《建设工程分类标准》范畴" in finding.note_zh
    assert "under_construction_standard" in finding.note_en
    assert "D8" in finding.note_zh


def test_an_unlisted_kind_is_not_excluded_whatever_the_facts() -> None:
    finding = run(produces_public_data=False, under_construction_standard=True).finding("art3.not_excluded")
    assert finding.status is Status.HOLDS
    assert finding.checks == ()


def test_an_excluded_project_makes_every_other_rule_not_applicable_with_the_reason() -> None:
    report = run(category="office_terminal", produces_public_data=False)
    assert status(report, "art3.not_excluded") is Status.NOTICE
    others = [f for f in report.findings if f.rule not in SCOPE_RULES]
    assert others
    for f in others:
        assert f.status is Status.NOT_APPLICABLE, f.rule
        assert "办公终端不产生公共数据资源" in f.note_zh
        assert "office terminals produce no public data" in f.note_en


@pytest.mark.parametrize("category", [*GROUP_A, *GROUP_B])
@pytest.mark.parametrize("substance", [True, False, None])
@pytest.mark.parametrize("d38", list(Art3Substance))
def test_d38_a_finding_of_substance_lifts_the_exclusion_by_default_only(
    category: str, substance: bool | None, d38: Art3Substance
) -> None:
    """Art. 3 excludes by category; art. 12 names "实质上属于政务信息化建设的项目". D38 default: a project found to be
    government IT in substance is not of an excluded kind; option category_governs: the category decides."""
    facts: dict[str, Any] = {
        "category": category,
        "produces_public_data": False,
        "under_construction_standard": True,
        "substantively_government_it": substance,
    }
    finding = run(Interpretation(art3_substance=d38), **facts).finding("art3.not_excluded")
    lifted = substance is True and d38 is Art3Substance.SUBSTANCE_PREVAILS
    assert finding.status is (Status.HOLDS if lifted else Status.NOTICE)
    assert ("D38" in finding.note_zh) is lifted
    if lifted:
        assert "实质上属于政务信息化建设的项目" in finding.note_zh
        assert "substantively_government_it" in {c.fact for c in finding.checks}


def test_d38_does_not_reach_a_project_art_2_keeps_out() -> None:
    """The finding of substance answers art. 3 only: a project with no fiscal money stays outside art. 2."""
    report = run(
        category="office_terminal",
        produces_public_data=False,
        substantively_government_it=True,
        funding=[{"source": "social_capital", "amount": "100000.00"}],
    )
    assert status(report, "art3.not_excluded") is Status.HOLDS
    assert status(report, "art2.government_it_project") is Status.NOTICE
    assert status(report, "art11.initial_opinion") is Status.NOT_APPLICABLE


def test_the_scope_deciding_rules_are_exactly_art_2_3_38_39_40() -> None:
    assert {r.id for r in catalogue() if r.decides_scope} == SCOPE_RULES


# --- one implementation: the gate agrees with the rules ---------------------------------------------------------


@st.composite
def projects(draw: st.DrawFn) -> dict[str, Any]:
    sources = draw(st.lists(st.sampled_from(list(FundingSource)), max_size=3, unique=True))
    facts: dict[str, Any] = {
        **BASE,
        "owner": {
            "name": "单位",
            "level": draw(st.sampled_from(list(OwnerLevel))).value,
            "kind": draw(st.sampled_from(list(OwnerKind))).value,
        },
        "category": draw(st.sampled_from(list(Category))).value,
        "funding": [{"source": s.value, "amount": "1.00"} for s in sources],
        "produces_public_data": draw(st.none() | st.booleans()),
        "under_construction_standard": draw(st.none() | st.booleans()),
    }
    if draw(st.booleans()):
        facts["social_capital"] = {}
    return facts


@settings(max_examples=300, deadline=None)
@given(projects(), st.sampled_from(list(Art3QualifierScope)))
def test_the_gate_is_the_rules_verdict(facts: dict[str, Any], d8: Art3QualifierScope) -> None:
    interpretation = Interpretation(art3_qualifier_scope=d8)
    report = evaluate(facts, as_of=AS_OF, interpretation=interpretation)
    to_bool = {Status.HOLDS: True, Status.NOTICE: False, Status.UNDETERMINED: None}
    bases = [to_bool[status(report, "art2.government_it_project")]]
    for rule in ("art38.state_owned_enterprise", "art39.social_capital_project"):
        if (s := status(report, rule)) is not Status.NOT_APPLICABLE:
            bases.append(to_bool[s])
    expected = all_of((any_of(bases), to_bool[status(report, "art3.not_excluded")]))
    verdict = governed(Project.model_validate(facts), interpretation)
    assert verdict.governed is expected
    assert scope_of(Project.model_validate(facts), interpretation) == verdict
    gated = report.finding("art11.filing_set")
    holding = {r for r in SCOPE_BASES if status(report, r) is Status.HOLDS}
    closed = expected is False or (expected is True and holding == {"art39.social_capital_project"})
    # art. 39 alone does not name art. 11
    assert (gated.status is Status.NOT_APPLICABLE and gated.subject is None) is closed


@pytest.mark.parametrize(
    ("values", "every", "some"),
    [((), True, False), ((True, None), None, True), ((False, None), False, None), ((True, True), True, True)],
)
def test_three_valued_logic(values: tuple[bool | None, ...], every: bool | None, some: bool | None) -> None:
    assert all_of(values) is every
    assert any_of(values) is some


# --- D18: township and sub-district units ----------------------------------------------------------------------

TOWNSHIP_LEVEL = Interpretation(township_units=TownshipUnits.DISTRICT_LEVEL)
SCOPE_BASES = ("art2.government_it_project", "art38.state_owned_enterprise", "art39.social_capital_project")


@pytest.mark.parametrize(
    ("kind", "funding", "rule"),
    [
        ("party_government", [{"source": "fiscal_budget", "amount": "10.00"}], "art2.government_it_project"),
        (
            "state_owned_enterprise",
            [{"source": "fiscal_budget", "amount": "10.00"}],
            "art38.state_owned_enterprise",
        ),
        (
            "public_institution",
            [{"source": "social_capital", "amount": "10.00"}],
            "art39.social_capital_project",
        ),
    ],
)
def test_d18_a_township_unit_is_district_level_only_under_the_option(
    kind: str, funding: list[dict[str, str]], rule: str
) -> None:
    facts: dict[str, Any] = {
        "owner": {"name": "新兴镇", "level": "township", "kind": kind},
        "funding": funding,
    }
    default = run(**facts)
    assert status(default, rule) is Status.NOTICE
    assert "D18" in default.finding(rule).note_zh
    assert status(default, "art11.initial_opinion") is Status.NOT_APPLICABLE  # the gate is closed
    option = run(TOWNSHIP_LEVEL, **facts)
    assert status(option, rule) is Status.HOLDS
    assert scope_of(Project.model_validate({**BASE, **facts}), TOWNSHIP_LEVEL).governed is True


@pytest.mark.parametrize("level", ["municipal", "provincial", "national"])
def test_d18_option_does_not_reach_higher_levels(level: str) -> None:
    report = run(TOWNSHIP_LEVEL, owner={"name": "市局", "level": level, "kind": "party_government"})
    assert status(report, "art2.government_it_project") is Status.NOTICE


@pytest.mark.parametrize(
    ("reading", "subdistrict", "township"),
    [
        (TownshipUnits.SUBDISTRICT_ONLY, Status.HOLDS, Status.NOTICE),
        (TownshipUnits.NOT_DISTRICT_LEVEL, Status.NOTICE, Status.NOTICE),
        (TownshipUnits.DISTRICT_LEVEL, Status.HOLDS, Status.HOLDS),
    ],
)
def test_d18_a_subdistrict_is_district_level_a_township_is_not_by_default(
    reading: TownshipUnits, subdistrict: Status, township: Status
) -> None:
    """D18 (default subdistrict_only): a 街道办事处 is the district government's 派出机关 and a district budget
    unit; a 乡镇 has its own budget level (预算法 第三条)."""
    interpretation = Interpretation(township_units=reading)
    for level, expected in (("subdistrict", subdistrict), ("township", township)):
        owner = {"name": "某单位", "level": level, "kind": "party_government"}
        assert status(run(interpretation, owner=owner), "art2.government_it_project") is expected, level
