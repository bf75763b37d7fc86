"""第二条 政务信息化项目的定义, 第三条 排除 — and the scope test that joins them with art. 38 and 39.

One implementation answers "is this project governed by the regulation, and why": :func:`assess` computes the
verdict of each scope provision (art. 2 definition, art. 3 exclusions, art. 38 state-owned enterprises, art. 39
social capital) from the project's facts; the rules of art. 2, 3, 38 and 39 report those verdicts, and the engine's
scope gate (:func:`governed`) combines them::

    governed = (art. 2  or  art. 38  or  art. 39)  and  not excluded by art. 3

each part three-valued (None: a fact is missing). A project found outside makes every other rule NOT_APPLICABLE
with the reason; an undetermined one is evaluated (the art. 2/3 findings name the missing fact).

Readings taken here (each stated where its code is):

- art. 2 "区级" (D18, default ``not_district_level``): only ``OwnerLevel.DISTRICT``; a 乡镇/街道 unit is not 区级
  (art. 2 says 区级, where art. 7 para. 2 writes "区级及以下" when it means more). Option ``district_level``: a
  乡镇/街道 unit counts as 区级. The same limb serves art. 38 and 39.
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

from tinghu_policy.engine import Check, CheckRole, Context, Outcome, Relation, Scope, Status, rule, scope_test
from tinghu_policy.engine.findings import built
from tinghu_policy.facts import Category, FundingSource, OwnerKind, OwnerLevel, Project
from tinghu_policy.interpretation import (
    Art3QualifierScope,
    Art3Substance,
    Interpretation,
    StateEnterpriseFunding,
    TownshipUnits,
)
from tinghu_policy.names import fact_zh

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

    check: Check
    fails_zh: str
    fails_en: str


def _limb(
    provision: str,
    fact: str,
    zh: str,
    en: str,
    actual: bool | None,
    *,
    required: bool = True,
    fails_zh: str,
    fails_en: str,
) -> Limb:
    ok = None if actual is None else actual == required
    check = built(
        Check,
        {
            "provision": provision,
            "fact": fact,
            "label_zh": zh,
            "label_en": en,
            "relation": Relation.EQUALS,
            "required": required,
            "actual": actual,
            "ok": ok,
            "role": CheckRole.REQUIREMENT,
        },
    )
    return Limb(check, fails_zh, fails_en)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one scope provision says about a project: ``holds`` True, False or None (a fact is missing)."""

    provision: str
    holds: bool | None
    checks: tuple[Check, ...] = ()
    note_zh: str = ""
    note_en: str = ""
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
            return Outcome(Status.NOT_APPLICABLE, note_zh=self.note_zh, note_en=self.note_en)
        if self.holds is False:
            checks = tuple(c.model_copy(update={"role": CheckRole.CONTEXT}) for c in self.checks)
            return Outcome(Status.NOTICE, checks=checks, note_zh=self.note_zh, note_en=self.note_en)
        status = Status.HOLDS if self.holds else Status.UNDETERMINED
        return Outcome(
            status, checks=self.checks, missing=self.missing, note_zh=self.note_zh, note_en=self.note_en
        )


def _verdict(provision: str, limbs: tuple[Limb, ...], holds_zh: str, holds_en: str) -> Verdict:
    """All ``limbs`` must hold; the note names the failing ones, or the missing facts."""
    holds = all_of(limb.check.ok for limb in limbs)
    checks = tuple(limb.check for limb in limbs)
    if holds is True:
        return Verdict(provision, True, checks, holds_zh, holds_en)
    if holds is False:
        failing = [limb for limb in limbs if limb.check.ok is False]
        return Verdict(
            provision,
            False,
            checks,
            "；".join(f.fails_zh for f in failing),
            "; ".join(f.fails_en for f in failing),
        )
    missing = [c.fact for c in checks if c.ok is None]
    return Verdict(
        provision,
        None,
        checks,
        f"缺少事实：{'、'.join(map(fact_zh, missing))}",
        f"missing facts: {', '.join(missing)}",
    )


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
    d18_zh = d18_en = ""
    if owner.level in (OwnerLevel.SUBDISTRICT, OwnerLevel.TOWNSHIP):
        d18_zh = f"（D18：{owner.level.name_zh}单位{'属' if counted else '不属'}区级）"
        d18_en = f" (D18: a {owner.level.name_en} unit is {'' if counted else 'not '}district-level)"
    return _limb(
        provision,
        "owner.level",
        f"项目单位（{owner.name}，{owner.level.name_zh}）为区级单位{d18_zh}",
        f"the owner ({owner.name}, {owner.level.name_en}) is a district-level unit{d18_en}",
        counted,
        fails_zh=f"项目单位{owner.name}为{owner.level.name_zh}单位，不是区级单位{d18_zh}",
        fails_en=f"the owner {owner.name} is a {owner.level.name_en} unit, not a district-level one{d18_en}",
    )


def _fiscal_funding(project: Project) -> Limb:
    """使用财政预算资金实施的: :attr:`Project.fiscal_funded` (the district's or the province's budget)."""
    sources_zh, sources_en = _sources(project)
    return _limb(
        "art2.p1",
        "funding",
        f"资金来源（{sources_zh}）含财政预算资金",
        f"the funding ({sources_en}) includes fiscal budget money",
        project.fiscal_funded,
        fails_zh=f"资金来源为{sources_zh}，未使用财政预算资金",
        fails_en=f"the funding is {sources_en}, no fiscal budget money",
    )


def _government_information_system(project: Project, provision: str = "art2.p1") -> Limb:
    """符合《政务信息系统定义和范围》（GB/T40692-2021）规定的数字基础设施、软件开发和数据治理等项目."""
    category = project.category
    return _limb(
        provision,
        "category",
        f"项目类别（{category.name_zh}）属于GB/T 40692-2021规定的政务信息系统",
        f"the category ({category.name_en}) is a government information system under GB/T 40692-2021",
        category is not Category.OTHER,
        fails_zh=f"项目类别为{category.name_zh}，不属于GB/T 40692-2021规定的数字基础设施、软件开发和数据治理等项目",
        fails_en=f"the category is {category.name_en}, not digital infrastructure, software development or data "
        "governance under GB/T 40692-2021",
    )


def _sources(project: Project) -> tuple[str, str]:
    sources = dict.fromkeys(f.source for f in project.funding)
    return (
        "、".join(s.name_zh for s in sources) or "未提供",
        ", ".join(s.name_en for s in sources) or "not given",
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
            "owner.kind",
            f"项目单位性质（{owner.kind.name_zh}）为党政机关、事业单位、团体组织或其他有关单位",
            f"the owner's kind ({owner.kind.name_en}) is a Party or government organ, public institution, mass "
            "organisation or other relevant unit",
            owner.kind in ART2_OWNER_KINDS,
            fails_zh=f"项目单位性质为{owner.kind.name_zh}，不是党政机关、事业单位、团体组织或其他有关单位",
            fails_en=f"the owner is a {owner.kind.name_en}, not a Party or government organ, public institution, "
            "mass organisation or other relevant unit",
        ),
        # 使用财政预算资金实施的
        _fiscal_funding(project),
        # 符合《政务信息系统定义和范围》（GB/T40692-2021）规定的数字基础设施、软件开发和数据治理等项目
        _government_information_system(project),
    )
    listed = project.category in GROUP_A | GROUP_B
    return _verdict(
        "art2.p1",
        limbs,
        f"区级{owner.kind.name_zh}使用财政预算资金实施的{project.category.name_zh}项目，属于第二条所称政务信息化项目"
        + ("（该类别是否不纳入管理由第三条判断）" if listed else ""),
        f"a district {owner.kind.name_en} project of {project.category.name_en} funded by the fiscal budget: "
        "a government IT project under art. 2"
        + (" (art. 3 decides whether this kind is excluded)" if listed else ""),
    )


# --- 第三条 ---------------------------------------------------------------------------------------------------


def _public_data(project: Project) -> Limb:
    """不产生公共数据资源的 — the exclusion's qualifier (a project producing public data stays in)."""
    name_zh, name_en = project.category.name_zh, project.category.name_en
    return _limb(
        "art3.p1",
        "produces_public_data",
        f"{name_zh}产生公共数据资源",
        f"the {name_en} produce public data resources",
        project.produces_public_data,
        fails_zh=f"{name_zh}不产生公共数据资源",
        fails_en=f"the {name_en} produce no public data resources",
    )


def _construction_standard(project: Project) -> Limb:
    """属于《建设工程分类标准》范畴的 — the second group's qualifier (a project outside the standard stays in)."""
    name_zh, name_en = project.category.name_zh, project.category.name_en
    return _limb(
        "art3.p1",
        "under_construction_standard",
        f"{name_zh}属于《建设工程分类标准》范畴",
        f"the {name_en} fall under the Construction Works Classification Standard",
        project.under_construction_standard,
        required=False,
        fails_zh=f"{name_zh}属于《建设工程分类标准》范畴",
        fails_en=f"the {name_en} fall under the Construction Works Classification Standard",
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
    name_zh, name_en = category.name_zh, category.name_en
    both = interpretation.art3_qualifier_scope is Art3QualifierScope.BOTH_GROUPS
    # 不产生公共数据资源的楼宇智能化工程、专业科研设备及配套系统、办公终端、通用软件
    if category in GROUP_A:
        limbs: tuple[Limb, ...] = (_public_data(project),)
        d8_zh, d8_en = "", ""
    # 以及属于《建设工程分类标准》范畴的电子设备、通信设备、通信线路、广播电影电视工程项目 (D8)
    elif category in GROUP_B:
        standard = _construction_standard(project)
        limbs = (standard, _public_data(project)) if both else (standard,)
        d8_zh = (
            "（D8：“不产生公共数据资源的”同时修饰第二组）"
            if both
            else "（D8：“不产生公共数据资源的”只修饰第一组）"
        )
        d8_en = (
            " (D8: 'producing no public data resources' qualifies the second group too)"
            if both
            else " (D8: 'producing no public data resources' qualifies the first group only)"
        )
    else:
        return Verdict(
            "art3.p1",
            True,
            (),
            f"项目类别（{name_zh}）不属于第三条所列的排除类别",
            f"the category ({name_en}) is not one art. 3 excludes",
        )
    checks = tuple(limb.check for limb in limbs)
    # excluded when every condition of the exclusion is met, i.e. not excluded when any check passes
    holds = any_of(c.ok for c in checks)
    if holds is False and _substance_prevails(project, interpretation):
        reason_zh, reason_en = "，".join(x.fails_zh for x in limbs), "; ".join(x.fails_en for x in limbs)
        return Verdict(
            "art3.p1",
            True,
            (*(c.model_copy(update={"role": CheckRole.CONTEXT}) for c in checks), _substance_check()),
            f"项目申报为{name_zh}（{reason_zh}），但经认定实质上属于政务信息化建设的项目，不属第三条所列类别，"
            f"不因第三条排除（D38）{d8_zh}",
            f"declared as {name_en} ({reason_en}), but found to be a government IT project in substance: it is not "
            f"of the kind art. 3 excludes (D38){d8_en}",
        )
    if holds is False:
        reason_zh, reason_en = "，".join(x.fails_zh for x in limbs), "; ".join(x.fails_en for x in limbs)
        return Verdict(
            "art3.p1",
            False,
            checks,
            f"依第三条不纳入区级政务信息化项目建设管理范畴：{reason_zh}{d8_zh}",
            f"excluded from district government IT project management by art. 3: {reason_en}{d8_en}",
        )
    if holds is None:
        missing = [c.fact for c in checks if c.ok is None]
        return Verdict(
            "art3.p1",
            None,
            checks,
            f"无法判断是否依第三条排除，缺少事实：{'、'.join(map(fact_zh, missing))}{d8_zh}",
            f"cannot tell whether art. 3 excludes the project; missing facts: {', '.join(missing)}{d8_en}",
        )
    return Verdict(
        "art3.p1",
        True,
        checks,
        f"{name_zh}不符合第三条的排除条件{d8_zh}",
        f"the {name_en} do not meet art. 3's exclusion{d8_en}",
    )


def _substance_prevails(project: Project, interpretation: Interpretation) -> bool:
    """D38 (default ``substance_prevails``): a project found to be government IT in substance is not of the kind
    art. 3 excludes, whatever category it was declared under; option ``category_governs``: the category decides."""
    return (
        project.substantively_government_it is True
        and interpretation.art3_substance is Art3Substance.SUBSTANCE_PREVAILS
    )


def _substance_check() -> Check:
    return built(
        Check,
        {
            "provision": "art3.p1",
            "fact": "substantively_government_it",
            "label_zh": "经认定实质上属于政务信息化建设的项目",
            "label_en": "found to be a government IT project in substance",
            "relation": Relation.EQUALS,
            "required": True,
            "actual": True,
            "ok": True,
            "role": CheckRole.REQUIREMENT,
        },
    )


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
        return Verdict(
            "art38.p1",
            None,
            (),
            f"项目单位不是国有企业（{project.owner.kind.name_zh}）",
            f"the owner is no state-owned enterprise ({project.owner.kind.name_en})",
            applies=False,
        )
    limbs = (_district_level(project, interpretation), _government_information_system(project))
    if interpretation.state_enterprise_funding is StateEnterpriseFunding.FISCAL_BUDGET_ONLY:
        return _verdict(
            "art38.p1",
            (*limbs, _fiscal_funding(project)),
            "国有企业使用财政预算资金建设的区级政务信息化项目，依第三十八条适用本办法相关条款（D29：仅限财政预算资金）",
            "a district government IT project built by a state-owned enterprise with fiscal budget money: art. 38 "
            "applies the regulation's relevant clauses (D29: fiscal budget money only)",
        )
    return _verdict(
        "art38.p1",
        limbs,
        "国有企业建设的区级政务信息化项目，依第三十八条适用本办法相关条款（不论资金来源）",
        "a district government IT project built by a state-owned enterprise: art. 38 applies the regulation's "
        "relevant clauses (whatever the money)",
    )


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
        return Verdict(
            "art39.p1",
            None,
            (),
            "项目未与社会资本合作建设",
            "the project is not built with social capital",
            applies=False,
        )
    return _verdict(
        "art39.p1",
        (_district_level(project, interpretation), _government_information_system(project)),
        "与社会资本合作建设的区级政务信息化项目，依第三十九条适用本办法",
        "a district government IT project built with social capital: art. 39 applies the regulation",
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
            cites = "、".join(_CITE[v.provision] for v in self.bases if v.holds)
            if [v.provision for v in self.bases if v.holds] == ["art39.p1"]:
                return Scope(
                    True,
                    "本项目仅依第三十九条（与社会资本合作建设）适用本办法，适用第三十九条所列事项；第三十九条未指向本条",
                    "governed by art. 39 alone (built with social capital): the duties art. 39 names apply, and "
                    "art. 39 does not name this provision",
                    only=ART39_PROVISIONS,
                )
            return Scope(True, f"适用本办法（{cites}）", f"governed by the regulation ({cites})")
        if governed is None:
            missing = sorted({m for v in (*self.bases, self.art3) for m in v.missing})
            return Scope(
                None,
                f"无法判断是否适用本办法，缺少事实：{'、'.join(map(fact_zh, missing))}",
                f"cannot tell whether the regulation governs the project; missing facts: {', '.join(missing)}",
            )
        if self.art3.holds is False:
            return Scope(
                False,
                f"不适用本办法：{self.art3.note_zh}",
                f"not governed: {self.art3.note_en}",
            )
        return Scope(
            False,
            "不适用本办法：" + "；".join(f"{_CITE[v.provision]}：{v.note_zh}" for v in self.bases),
            "not governed: " + "; ".join(f"{v.provision}: {v.note_en}" for v in self.bases),
        )


_CITE = {"art2.p1": "第二条", "art38.p1": "第三十八条", "art39.p1": "第三十九条"}


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
        rescuers = [v for v in (art38, art39) if v.applies and v.holds]
        if rescuers:
            cites = "、".join(_CITE[v.provision] for v in rescuers)
            art2 = replace(
                art2,
                note_zh=f"{art2.note_zh}；但依{cites}仍适用本办法",
                note_en=f"{art2.note_en}; the regulation still applies by {cites}",
            )
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
    """第二条: 区级各党政机关、事业单位和团体组织及各有关单位使用财政预算资金实施的，符合GB/T40692-2021规定的
    数字基础设施、软件开发和数据治理等项目. A NOTICE names each condition that keeps the project out (see
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
