"""The words of :mod:`tinghu_policy.rules.art02_03_scope`: the scope verdicts of art. 2, 3, 38 and 39."""

from __future__ import annotations

from tinghu_policy.engine.notes import Note, Text, render
from tinghu_policy.facts import Category, Funding, OwnerKind, OwnerLevel
from tinghu_policy.names import fact_zh

CITE = {"art2.p1": "第二条", "art38.p1": "第三十八条", "art39.p1": "第三十九条"}


# --- notes of a verdict ---------------------------------------------------------------------------------------


def failing(fails: tuple[Note, ...]) -> Text:
    texts = [render(f) for f in fails]
    return "；".join(zh for zh, _ in texts), "; ".join(en for _, en in texts)


def missing_facts(missing: tuple[str, ...]) -> Text:
    return f"缺少事实：{'、'.join(map(fact_zh, missing))}", f"missing facts: {', '.join(missing)}"


# --- 第二条 ---------------------------------------------------------------------------------------------------


def _d18(level: OwnerLevel, counted: bool) -> Text:
    if level in (OwnerLevel.SUBDISTRICT, OwnerLevel.TOWNSHIP):
        return (
            f"（D18：{level.name_zh}单位{'属' if counted else '不属'}区级）",
            f" (D18: a {level.name_en} unit is {'' if counted else 'not '}district-level)",
        )
    return "", ""


def district_level(name: str, level: OwnerLevel, counted: bool) -> Text:
    d18_zh, d18_en = _d18(level, counted)
    return (
        f"项目单位（{name}，{level.name_zh}）为区级单位{d18_zh}",
        f"the owner ({name}, {level.name_en}) is a district-level unit{d18_en}",
    )


def not_district_level(name: str, level: OwnerLevel, counted: bool) -> Text:
    d18_zh, d18_en = _d18(level, counted)
    return (
        f"项目单位{name}为{level.name_zh}单位，不是区级单位{d18_zh}",
        f"the owner {name} is a {level.name_en} unit, not a district-level one{d18_en}",
    )


def _sources(funding: tuple[Funding, ...]) -> Text:
    sources = dict.fromkeys(f.source for f in funding)
    return (
        "、".join(s.name_zh for s in sources) or "未提供",
        ", ".join(s.name_en for s in sources) or "not given",
    )


def fiscal_funding(funding: tuple[Funding, ...]) -> Text:
    zh, en = _sources(funding)
    return f"资金来源（{zh}）含财政预算资金", f"the funding ({en}) includes fiscal budget money"


def no_fiscal_funding(funding: tuple[Funding, ...]) -> Text:
    zh, en = _sources(funding)
    return f"资金来源为{zh}，未使用财政预算资金", f"the funding is {en}, no fiscal budget money"


def information_system(category: Category) -> Text:
    return (
        f"项目类别（{category.name_zh}）属于GB/T 40692-2021规定的政务信息系统",
        f"the category ({category.name_en}) is a government information system under GB/T 40692-2021",
    )


def no_information_system(category: Category) -> Text:
    return (
        f"项目类别为{category.name_zh}，不属于GB/T 40692-2021规定的数字基础设施、软件开发和数据治理等项目",
        f"the category is {category.name_en}, not digital infrastructure, software development or data "
        "governance under GB/T 40692-2021",
    )


def owner_kind(kind: OwnerKind) -> Text:
    return (
        f"项目单位性质（{kind.name_zh}）为党政机关、事业单位、团体组织或其他有关单位",
        f"the owner's kind ({kind.name_en}) is a Party or government organ, public institution, mass "
        "organisation or other relevant unit",
    )


def wrong_owner_kind(kind: OwnerKind) -> Text:
    return (
        f"项目单位性质为{kind.name_zh}，不是党政机关、事业单位、团体组织或其他有关单位",
        f"the owner is a {kind.name_en}, not a Party or government organ, public institution, "
        "mass organisation or other relevant unit",
    )


def government_it_project(kind: OwnerKind, category: Category, listed: bool) -> Text:
    return (
        f"区级{kind.name_zh}使用财政预算资金实施的{category.name_zh}项目，属于第二条所称政务信息化项目"
        + ("（该类别是否不纳入管理由第三条判断）" if listed else ""),
        f"a district {kind.name_en} project of {category.name_en} funded by the fiscal budget: "
        "a government IT project under art. 2"
        + (" (art. 3 decides whether this kind is excluded)" if listed else ""),
    )


def rescued(note: Note, provisions: tuple[str, ...]) -> Text:
    zh, en = render(note)
    cites = "、".join(CITE[p] for p in provisions)
    return f"{zh}；但依{cites}仍适用本办法", f"{en}; the regulation still applies by {cites}"


# --- 第三条 ---------------------------------------------------------------------------------------------------


def public_data(category: Category) -> Text:
    return f"{category.name_zh}产生公共数据资源", f"the {category.name_en} produce public data resources"


def no_public_data(category: Category) -> Text:
    return f"{category.name_zh}不产生公共数据资源", f"the {category.name_en} produce no public data resources"


def construction_standard(category: Category) -> Text:
    return (
        f"{category.name_zh}属于《建设工程分类标准》范畴",
        f"the {category.name_en} fall under the Construction Works Classification Standard",
    )


def _d8(listed_b: bool, both: bool) -> Text:
    if not listed_b:
        return "", ""
    return (
        "（D8：“不产生公共数据资源的”同时修饰第二组）"
        if both
        else "（D8：“不产生公共数据资源的”只修饰第一组）",
        " (D8: 'producing no public data resources' qualifies the second group too)"
        if both
        else " (D8: 'producing no public data resources' qualifies the first group only)",
    )


def not_listed(category: Category) -> Text:
    return (
        f"项目类别（{category.name_zh}）不属于第三条所列的排除类别",
        f"the category ({category.name_en}) is not one art. 3 excludes",
    )


def _reasons(fails: tuple[Note, ...]) -> Text:
    texts = [render(f) for f in fails]
    return "，".join(zh for zh, _ in texts), "; ".join(en for _, en in texts)


def substance_prevails(category: Category, fails: tuple[Note, ...], group_b: bool, both: bool) -> Text:
    reason_zh, reason_en = _reasons(fails)
    d8_zh, d8_en = _d8(group_b, both)
    return (
        f"项目申报为{category.name_zh}（{reason_zh}），但经认定实质上属于政务信息化建设的项目，不属第三条所列类别，"
        f"不因第三条排除（D38）{d8_zh}",
        f"declared as {category.name_en} ({reason_en}), but found to be a government IT project in substance: it is not "
        f"of the kind art. 3 excludes (D38){d8_en}",
    )


def excluded(fails: tuple[Note, ...], group_b: bool, both: bool) -> Text:
    reason_zh, reason_en = _reasons(fails)
    d8_zh, d8_en = _d8(group_b, both)
    return (
        f"依第三条不纳入区级政务信息化项目建设管理范畴：{reason_zh}{d8_zh}",
        f"excluded from district government IT project management by art. 3: {reason_en}{d8_en}",
    )


def exclusion_undetermined(missing: tuple[str, ...], group_b: bool, both: bool) -> Text:
    d8_zh, d8_en = _d8(group_b, both)
    return (
        f"无法判断是否依第三条排除，缺少事实：{'、'.join(map(fact_zh, missing))}{d8_zh}",
        f"cannot tell whether art. 3 excludes the project; missing facts: {', '.join(missing)}{d8_en}",
    )


def not_excluded(category: Category, group_b: bool, both: bool) -> Text:
    d8_zh, d8_en = _d8(group_b, both)
    return (
        f"{category.name_zh}不符合第三条的排除条件{d8_zh}",
        f"the {category.name_en} do not meet art. 3's exclusion{d8_en}",
    )


SUBSTANCE = ("经认定实质上属于政务信息化建设的项目", "found to be a government IT project in substance")


# --- 第三十八条、第三十九条 ---------------------------------------------------------------------------------------


def no_state_enterprise(kind: OwnerKind) -> Text:
    return (
        f"项目单位不是国有企业（{kind.name_zh}）",
        f"the owner is no state-owned enterprise ({kind.name_en})",
    )


STATE_ENTERPRISE_FISCAL = (
    "国有企业使用财政预算资金建设的区级政务信息化项目，依第三十八条适用本办法相关条款（D29：仅限财政预算资金）",
    "a district government IT project built by a state-owned enterprise with fiscal budget money: art. 38 "
    "applies the regulation's relevant clauses (D29: fiscal budget money only)",
)
STATE_ENTERPRISE_ANY = (
    "国有企业建设的区级政务信息化项目，依第三十八条适用本办法相关条款（不论资金来源）",
    "a district government IT project built by a state-owned enterprise: art. 38 applies the regulation's "
    "relevant clauses (whatever the money)",
)
NO_SOCIAL_CAPITAL = ("项目未与社会资本合作建设", "the project is not built with social capital")
SOCIAL_CAPITAL = (
    "与社会资本合作建设的区级政务信息化项目，依第三十九条适用本办法",
    "a district government IT project built with social capital: art. 39 applies the regulation",
)


# --- the scope test ---------------------------------------------------------------------------------------------

ART39_ALONE = (
    "本项目仅依第三十九条（与社会资本合作建设）适用本办法，适用第三十九条所列事项；第三十九条未指向本条",
    "governed by art. 39 alone (built with social capital): the duties art. 39 names apply, and "
    "art. 39 does not name this provision",
)


def governed(provisions: tuple[str, ...]) -> Text:
    cites = "、".join(CITE[p] for p in provisions)
    return f"适用本办法（{cites}）", f"governed by the regulation ({cites})"


def scope_undetermined(missing: tuple[str, ...]) -> Text:
    return (
        f"无法判断是否适用本办法，缺少事实：{'、'.join(map(fact_zh, missing))}",
        f"cannot tell whether the regulation governs the project; missing facts: {', '.join(missing)}",
    )


def excluded_by_art3(note: Note) -> Text:
    zh, en = render(note)
    return f"不适用本办法：{zh}", f"not governed: {en}"


def not_governed(bases: tuple[tuple[str, Note], ...]) -> Text:
    texts = [(p, render(n)) for p, n in bases]
    return (
        "不适用本办法：" + "；".join(f"{CITE[p]}：{zh}" for p, (zh, _) in texts),
        "not governed: " + "; ".join(f"{p}: {en}" for p, (_, en) in texts),
    )
