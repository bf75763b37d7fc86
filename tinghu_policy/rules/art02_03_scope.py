"""第二条 政务信息化项目的定义, 第三条 排除 — and the scope test that joins them with art. 38 and 39.

One implementation answers "is this project governed by the regulation, and why": :func:`assess` computes the
verdict of each scope provision (art. 2 definition, art. 3 exclusions, art. 38 state-owned enterprises, art. 39
social capital) from the project's facts; the rules of art. 2, 3, 38 and 39 report those verdicts, and the engine's
scope gate (:func:`governed`) combines them::

    governed = (art. 2  or  art. 38  or  art. 39)  and  not excluded by art. 3

each part three-valued (None: a fact is missing). A project found outside makes every other rule NOT_APPLICABLE
with the reason; an undetermined one is evaluated (the art. 2/3 findings name the missing fact).

Readings taken here (each stated where its code is):

- art. 2 "区级" (D18, default ``subdistrict_only``): a district unit and a 街道 unit (the district government's
  派出机关, a district budget unit) are 区级; a 乡镇 unit is not (预算法 第三条 gives 乡、民族乡、镇 a budget level
  of their own; art. 2 says 区级, where art. 7 para. 2 writes "区级及以下" when it means more). Options
  ``not_district_level``: only the district's own units; ``district_level``: both count. The same limb serves
  art. 38 and 39.
- art. 2 "财政预算资金": any budget money, the district's or the province's (art. 10's 省级安排 construction money
  is the province's budget money); 单位自筹 and 社会资本 are not.
- art. 2 "政务信息系统 (GB/T 40692-2021)": the three kinds, and also the kinds art. 3 lists (building intelligence,
  equipment, terminals, lines, general software are digital infrastructure or software in the standard's sense):
  art. 3 carves them out only "不产生公共数据资源的" (group A) or "属于《建设工程分类标准》范畴的" (group B), which
  would be void if art. 2 already left them out. Only ``Category.OTHER`` fails this limb.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from tinghu_policy.engine import (
    CheckRole,
    Comparison,
    Context,
    Label,
    Note,
    Outcome,
    Relation,
    Scope,
    Status,
    rule,
    scope_test,
)
from tinghu_policy.engine.context import Worded
from tinghu_policy.facts import Category, FundingSource, OwnerKind, OwnerLevel, Project
from tinghu_policy.interpretation import (
    Art3QualifierScope,
    Art3Substance,
    Interpretation,
    StateEnterpriseFunding,
    TownshipUnits,
)
from tinghu_policy.rules.wording import art02_03_scope as say

ART2_OWNER_KINDS = frozenset(
    {
        OwnerKind.PARTY_GOVERNMENT,
        OwnerKind.PUBLIC_INSTITUTION,
        OwnerKind.MASS_ORGANIZATION,
        OwnerKind.STATE_OWNED_ENTERPRISE,
        OwnerKind.OTHER_RELEVANT_UNIT,
    }
)
"""区级各党政机关、事业单位和团体组织及各有关单位: a state-owned enterprise that uses 财政预算资金 is one of the
"各有关单位" (art. 38 adds nothing to art. 2 under D29's default; under the option it also brings in its own money)."""

ART39_PROVISIONS = frozenset(
    {
        "art20.p1",
        "art21.p1",
        "art21.p2",
        "art23.p1",
        "art23.p2",
        "art27.p1",
        "art27.p2",
        "art27.p3",
        "art28.p2",
        "art29.p1",
        "art30.p1",
        "art39.p1",
    }
)
"""What art. 39 applies to a project brought in by art. 39 alone (social capital, no 财政预算资金): its own filing
before works and its incidents in operation; "网络和数据安全" (art. 20, 21(1)), "保密管理" (art. 21(2), 29), "绩效评价"
(art. 23, 30) and "竣工后，参照本办法要求进行验收并报送相关材料" (art. 27(1)–(3), 28(2)). "运维监管" is the supervisors'
(arts. 31–36, no duty of the unit). The rest of the regulation — the review and approval procedure, the budget
duties of arts. 24(2), 25, 27(4) — reaches a project through art. 2 (or 38), not art. 39."""

SOCIAL_CAPITAL_SOURCES = frozenset({FundingSource.SOCIAL_CAPITAL})

GROUP_A = frozenset(
    {
        Category.BUILDING_INTELLIGENCE,
        Category.RESEARCH_EQUIPMENT,
        Category.OFFICE_TERMINAL,
        Category.GENERAL_SOFTWARE,
    }
)
"""楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件 (art. 3, first group)."""

GROUP_B = frozenset(
    {
        Category.ELECTRONIC_EQUIPMENT,
        Category.COMMUNICATION_EQUIPMENT,
        Category.COMMUNICATION_LINE,
        Category.BROADCAST_FILM_TV,
    }
)
"""电子设备、通信设备、通信线路、广播电影电视工程项目 (art. 3, second group)."""


# --- three-valued logic ---------------------------------------------------------------------------------------


def all_of(values: Iterable[bool | None]) -> bool | None:
    """False if any is False, else None if any is None, else True."""
    values = tuple(values)
    if False in values:
        return False
    return None if None in values else True


def any_of(values: Iterable[bool | None]) -> bool | None:
    """True if any is True, else None if any is None, else False."""
    values = tuple(values)
    if True in values:
        return True
    return None if None in values else False


# --- verdicts -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Limb:
    """One condition of a scope provision: the check, and how to say it fails."""

    check: Comparison
    fails: Note


def _limb(
    provision: str,
    label: Label | Worded,
    actual: bool | None,
    *,
    required: bool = True,
    fails: Note,
) -> Limb:
    ok = None if actual is None else actual == required
    return Limb(
        Comparison(label, Relation.EQUALS, required, actual, ok, CheckRole.REQUIREMENT, provision), fails
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one scope provision says about a project: ``holds`` True, False or None (a fact is missing)."""

    provision: str
    holds: bool | None
    checks: tuple[Comparison, ...] = ()
    note: Note = ()
    applies: bool = True
    """False when the provision does not reach the project (art. 38 to a unit that is no state-owned enterprise)."""

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c.fact for c in self.checks if c.ok is None) if self.holds is None else ()

    def outcome(self) -> Outcome:
        """The finding: HOLDS, NOTICE (the project is outside; the note says which condition keeps it out),
        UNDETERMINED (naming the fact) or N/A.

        A scope verdict judges no act: a project outside the regulation breaches nothing, so it is told as a
        notice, its conditions shown as context ("…：否"), never as a failure.
        """
        if not self.applies:
            return Outcome(Status.NOT_APPLICABLE, note=self.note)
        if self.holds is False:
            checks = tuple(c.with_role(CheckRole.CONTEXT) for c in self.checks)
            return Outcome(Status.NOTICE, checks=checks, note=self.note)
        status = Status.HOLDS if self.holds else Status.UNDETERMINED
        return Outcome(status, checks=self.checks, missing=self.missing, note=self.note)


def _verdict(provision: str, limbs: tuple[Limb, ...], holds: Note) -> Verdict:
    """All ``limbs`` must hold; the note names the failing ones, or the missing facts."""
    verdict = all_of(limb.check.ok for limb in limbs)
    checks = tuple(limb.check for limb in limbs)
    if verdict is True:
        return Verdict(provision, True, checks, holds)
    if verdict is False:
        failing = tuple(limb.fails for limb in limbs if limb.check.ok is False)
        return Verdict(provision, False, checks, (say.failing, failing))
    missing = tuple(c.fact for c in checks if c.ok is None)
    return Verdict(provision, None, checks, (say.missing_facts, missing))


# --- 第二条 ---------------------------------------------------------------------------------------------------


def _district_level(project: Project, interpretation: Interpretation, provision: str = "art2.p1") -> Limb:
    """区级 (D18, default ``subdistrict_only``: a 街道 unit is 区级, a 乡镇 unit is not; options: neither, both)."""
    owner = project.owner
    reading = interpretation.township_units
    counted = {
        OwnerLevel.DISTRICT: True,
        OwnerLevel.SUBDISTRICT: reading is not TownshipUnits.NOT_DISTRICT_LEVEL,
        OwnerLevel.TOWNSHIP: reading is TownshipUnits.DISTRICT_LEVEL,
    }.get(owner.level, False)
    return _limb(
        provision,
        Worded("owner.level", (say.district_level, owner.name, owner.level, counted)),
        counted,
        fails=(say.not_district_level, owner.name, owner.level, counted),
    )


def _fiscal_funding(project: Project) -> Limb:
    """使用财政预算资金实施的: :attr:`Project.fiscal_funded` (the district's or the province's budget)."""
    return _limb(
        "art2.p1",
        Worded("funding", (say.fiscal_funding, project.funding)),
        project.fiscal_funded,
        fails=(say.no_fiscal_funding, project.funding),
    )


def _government_information_system(project: Project, provision: str = "art2.p1") -> Limb:
    """符合《政务信息系统定义和范围》（GB/T40692-2021）规定的数字基础设施、软件开发和数据治理等项目."""
    category = project.category
    return _limb(
        provision,
        Worded("category", (say.information_system, category)),
        category is not Category.OTHER,
        fails=(say.no_information_system, category),
    )


def definition(project: Project, interpretation: Interpretation) -> Verdict:
    """第二条: 本办法所称政务信息化项目，是指区级各党政机关、事业单位和团体组织及各有关单位使用财政预算资金实施的，
    符合《政务信息系统定义和范围》（GB/T40692-2021）规定的数字基础设施、软件开发和数据治理等项目.

    D18: whether a 乡镇/街道 unit is 区级."""
    owner = project.owner
    limbs = (
        # 区级 (D18)
        _district_level(project, interpretation),
        # 各党政机关、事业单位和团体组织及各有关单位
        _limb(
            "art2.p1",
            Worded("owner.kind", (say.owner_kind, owner.kind)),
            owner.kind in ART2_OWNER_KINDS,
            fails=(say.wrong_owner_kind, owner.kind),
        ),
        # 使用财政预算资金实施的
        _fiscal_funding(project),
        # 符合《政务信息系统定义和范围》（GB/T40692-2021）规定的数字基础设施、软件开发和数据治理等项目
        _government_information_system(project),
    )
    listed = project.category in GROUP_A | GROUP_B
    return _verdict("art2.p1", limbs, (say.government_it_project, owner.kind, project.category, listed))


# --- 第三条 ---------------------------------------------------------------------------------------------------


def _public_data(project: Project) -> Limb:
    """不产生公共数据资源的 — the exclusion's qualifier (a project producing public data stays in)."""
    return _limb(
        "art3.p1",
        Worded("produces_public_data", (say.public_data, project.category)),
        project.produces_public_data,
        fails=(say.no_public_data, project.category),
    )


def _construction_standard(project: Project) -> Limb:
    """属于《建设工程分类标准》范畴的 — the second group's qualifier (a project outside the standard stays in)."""
    standard = (say.construction_standard, project.category)
    return _limb(
        "art3.p1",
        Worded("under_construction_standard", standard),
        project.under_construction_standard,
        required=False,
        fails=standard,
    )


def exclusion(project: Project, interpretation: Interpretation) -> Verdict:
    """第三条: 不产生公共数据资源的楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件以及属于《建设工程
    分类标准》范畴的电子设备、通信设备、通信线路、广播电影电视工程项目，不纳入区级政务信息化项目建设管理范畴.

    ``holds`` is True when the project is NOT excluded. D8: "不产生公共数据资源的" qualifies the first group only
    (default) or both groups (``Art3QualifierScope.BOTH_GROUPS``). A second-group project is excluded only when
    ``under_construction_standard`` is given; when it is missing the verdict is undetermined and names it.
    D38 (default ``substance_prevails``): a project the category would exclude but found to be government IT in
    substance (``substantively_government_it``) is not excluded; option ``category_governs``: it is, and only
    art. 12's sixth prohibition reaches it (that rule's ``beyond_scope``).
    """
    category = project.category
    both = interpretation.art3_qualifier_scope is Art3QualifierScope.BOTH_GROUPS
    # 不产生公共数据资源的楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件
    if category in GROUP_A:
        limbs: tuple[Limb, ...] = (_public_data(project),)
        group_b = False
    # 以及属于《建设工程分类标准》范畴的电子设备、通信设备、通信线路、广播电影电视工程项目 (D8)
    elif category in GROUP_B:
        standard = _construction_standard(project)
        limbs = (standard, _public_data(project)) if both else (standard,)
        group_b = True
    else:
        return Verdict("art3.p1", True, (), (say.not_listed, category))
    checks = tuple(limb.check for limb in limbs)
    # excluded when every condition of the exclusion is met, i.e. not excluded when any check passes
    holds = any_of(c.ok for c in checks)
    fails = tuple(x.fails for x in limbs)
    if holds is False and _substance_prevails(project, interpretation):
        return Verdict(
            "art3.p1",
            True,
            (*(c.with_role(CheckRole.CONTEXT) for c in checks), _substance_check()),
            (say.substance_prevails, category, fails, group_b, both),
        )
    if holds is False:
        return Verdict("art3.p1", False, checks, (say.excluded, fails, group_b, both))
    if holds is None:
        missing = tuple(c.fact for c in checks if c.ok is None)
        return Verdict("art3.p1", None, checks, (say.exclusion_undetermined, missing, group_b, both))
    return Verdict("art3.p1", True, checks, (say.not_excluded, category, group_b, both))


def _substance_prevails(project: Project, interpretation: Interpretation) -> bool:
    """D38 (default ``substance_prevails``): a project found to be government IT in substance is not of the kind
    art. 3 excludes, whatever category it was declared under; option ``category_governs``: the category decides."""
    return (
        project.substantively_government_it is True
        and interpretation.art3_substance is Art3Substance.SUBSTANCE_PREVAILS
    )


_SUBSTANCE = Label("substantively_government_it", *say.SUBSTANCE)


def _substance_check() -> Comparison:
    return Comparison(_SUBSTANCE, Relation.EQUALS, True, True, True, CheckRole.REQUIREMENT, "art3.p1")


# --- 第三十八条、第三十九条 (their rules are in art38_40_supplementary) ---------------------------------------------------


def state_owned_enterprise(project: Project, interpretation: Interpretation) -> Verdict:
    """第三十八条: 国有企业建设的政务信息化项目，严格遵守国家法律法规及本办法相关条款.

    D29 (default ``fiscal_budget_only``): only with 财政预算资金 — "政务信息化项目" is art. 2's term, and the district
    approval procedure applied to an enterprise's own investment would conflict with 企业投资项目核准和备案管理条例 and
    行政许可法 第十四至十七条; art. 38 then confirms that an enterprise is one of art. 2's "各有关单位". Option
    ``any_money``: whatever its money (the reading that gives art. 38 work beyond art. 2). It stays a 政务信息化项目 of the district: 区级 (D18) and a 政务信息系统
    (art. 2's limbs), and art. 3 still excludes.
    """
    if project.owner.kind is not OwnerKind.STATE_OWNED_ENTERPRISE:
        return Verdict("art38.p1", None, (), (say.no_state_enterprise, project.owner.kind), applies=False)
    limbs = (_district_level(project, interpretation), _government_information_system(project))
    if interpretation.state_enterprise_funding is StateEnterpriseFunding.FISCAL_BUDGET_ONLY:
        return _verdict("art38.p1", (*limbs, _fiscal_funding(project)), say.STATE_ENTERPRISE_FISCAL)
    return _verdict("art38.p1", limbs, say.STATE_ENTERPRISE_ANY)


def has_social_capital(project: Project) -> bool:
    """与社会资本合作建设: social capital among the funding, or the art. 39 filing facts given."""
    return project.social_capital is not None or any(
        f.source in SOCIAL_CAPITAL_SOURCES for f in project.funding
    )


def social_capital(project: Project, interpretation: Interpretation) -> Verdict:
    """第三十九条: 对于与社会资本合作建设的政务信息化项目，项目单位应…向区数据局提交备案材料….

    A project built with social capital is governed (its filing, acceptance and changes follow the regulation),
    even when no 财政预算资金 is used; it stays a district (D18) 政务信息系统 project, and art. 3 still excludes.
    """
    if not has_social_capital(project):
        return Verdict("art39.p1", None, (), say.NO_SOCIAL_CAPITAL, applies=False)
    return _verdict(
        "art39.p1",
        (_district_level(project, interpretation), _government_information_system(project)),
        say.SOCIAL_CAPITAL,
    )


# --- the scope test ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Assessment:
    """Every scope provision's verdict on one project, and what they give together."""

    art2: Verdict
    art3: Verdict
    art38: Verdict
    art39: Verdict

    @property
    def bases(self) -> tuple[Verdict, ...]:
        """The provisions that can bring the project in: art. 2, and art. 38 and 39 where they reach it."""
        return (self.art2, *(v for v in (self.art38, self.art39) if v.applies))

    @property
    def governed(self) -> bool | None:
        return all_of((any_of(v.holds for v in self.bases), self.art3.holds))

    def scope(self) -> Scope:
        """The scope gate's verdict, with the reason every other rule shows when it is False; a project art. 39
        alone brings in is governed by the provisions art. 39 names (:data:`ART39_PROVISIONS`)."""
        governed = self.governed
        if governed is True:
            holding = tuple(v.provision for v in self.bases if v.holds)
            if holding == ("art39.p1",):
                return Scope(True, say.ART39_ALONE, only=ART39_PROVISIONS)
            return Scope(True, (say.governed, holding))
        if governed is None:
            missing = tuple(sorted({m for v in (*self.bases, self.art3) for m in v.missing}))
            return Scope(None, (say.scope_undetermined, missing))
        if self.art3.holds is False:
            return Scope(False, (say.excluded_by_art3, self.art3.note))
        return Scope(False, (say.not_governed, tuple((v.provision, v.note) for v in self.bases)))


def assess(project: Project, interpretation: Interpretation) -> Assessment:
    """The verdicts of art. 2, 3, 38 and 39 on ``project``; art. 2's note says when art. 38 or 39 bring it in.

    The scope gate and the four scope rules ask for the same project in one evaluation: the last answer is kept
    (both inputs are immutable, compared by identity).
    """
    global _last_assessment
    last = _last_assessment
    if last is not None and last[0] is project and last[1] is interpretation:
        return last[2]
    made = _assess(project, interpretation)
    _last_assessment = (project, interpretation, made)
    return made


_last_assessment: tuple[Project, Interpretation, Assessment] | None = None


def _assess(project: Project, interpretation: Interpretation) -> Assessment:
    art2 = definition(project, interpretation)
    art38 = state_owned_enterprise(project, interpretation)
    art39 = social_capital(project, interpretation)
    if art2.holds is not True:
        rescuers = tuple(v.provision for v in (art38, art39) if v.applies and v.holds)
        if rescuers:
            art2 = replace(art2, note=(say.rescued, art2.note, rescuers))
    return Assessment(art2, exclusion(project, interpretation), art38, art39)


@scope_test
def governed(project: Project, interpretation: Interpretation) -> Scope:
    """Whether the regulation governs ``project``: (art. 2 or 38 or 39) and not excluded by art. 3."""
    return assess(project, interpretation).scope()


# --- the rules ------------------------------------------------------------------------------------------------


@rule(
    "art2.government_it_project",
    provision="art2.p1",
    title_zh="区级单位使用财政预算资金实施的政务信息系统项目（政务信息化项目的定义）",
    title_en="A district unit's government information system project funded by the fiscal budget (definition)",
    decisions=("D18",),
    decides_scope=True,
)
def government_it_project(ctx: Context) -> Outcome:
    """第二条: 区级各党政机关、事业单位和团体组织及各有关单位使用财政预算资金实施的，符合《政务信息系统定义和范围》
    （GB/T40692-2021）规定的数字基础设施、软件开发和数据治理等项目. A NOTICE names each condition that keeps the project out (see
    :func:`definition`).

    D18 (default ``subdistrict_only``): a 街道 unit is 区级 (the district government's 派出机关, a district budget
    unit), a 乡镇 unit is not (预算法 第三条: its own budget level); options: neither, or both."""
    return assess(ctx.project, ctx.interpretation).art2.outcome()


@rule(
    "art3.not_excluded",
    provision="art3.p1",
    title_zh="不属于第三条不纳入区级政务信息化项目建设管理范畴的项目",
    title_en="Not excluded from district government IT project management by art. 3",
    decisions=("D8", "D38"),
    decides_scope=True,
)
def not_excluded(ctx: Context) -> Outcome:
    """第三条: 不产生公共数据资源的楼宇智能化工程…以及属于《建设工程分类标准》范畴的电子设备…不纳入区级政务信息化项目
    建设管理范畴. HOLDS: not excluded; NOTICE: excluded, naming why (see :func:`exclusion`, D8, D38)."""
    return assess(ctx.project, ctx.interpretation).art3.outcome()
