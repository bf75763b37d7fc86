"""The words of :mod:`tinghu_policy.rules.art38_40_supplementary`: social capital, and the effective date."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text
from tinghu_policy.facts import IncidentKind

NO_SOCIAL_CAPITAL = ("项目未与社会资本合作建设", "the project is not built with social capital")


def filed_before_works(filed: date) -> Text:
    return f"已于{filed}备案，尚未开工", f"filed on {filed}; works not started"


def not_started(same_day: bool) -> Text:
    return (
        "尚未开工；应于开工前（最迟开工当日）备案"
        if same_day
        else "尚未开工；应于开工前（最迟开工前一日，D17）备案",
        "works not started; to be filed before works start (at the latest on the start day)"
        if same_day
        else "works not started; to be filed before works start (at the latest the day before, D17)",
    )


def same_day_counts(started: date) -> Text:
    return (
        f"开工日期 {started}，开工当日备案视为开工前",
        f"works started {started}; a filing on the start day counts as before it",
    )


def day_before(started: date) -> Text:
    return (
        f"开工日期 {started}，开工当日备案不视为开工前，最迟应于前一日备案（D17）",
        f"works started {started}; a filing on the start day is not before it: due the day before (D17)",
    )


NOT_FILED = ("尚未提交备案材料", "nothing filed yet")
NO_INCIDENT = ("运行中未发生重大变更或安全隐患", "no major change or security hazard in operation")


def in_operation(kind: IncidentKind) -> Text:
    return f"运行中出现{kind.name_zh}", f"{kind.name_en} in operation"


NO_EFFECTIVE_DATE = (
    "第四十条“本办法自印发之日起施行”未载明印发日期，使用者未提供施行日期（D13）：不以施行日期排除任何行为",
    "art. 40 states no date of issue and none was given (D13): no act is excluded by the effective date",
)


def none_before(effective: date, known: int) -> Text:
    return (
        f"本办法自{effective}起施行；截至评估日的{known}项日期事实均不早于施行日期（D13）",
        f"in force from {effective}; none of the {known} dated facts known on as_of precedes it (D13)",
    )


def facts_before(effective: date, before: int) -> Text:
    return (
        f"本办法自{effective}起施行；{before}项事实早于施行日期，法律不溯及既往（立法法第一百零四条），"
        "本办法不适用于这些行为，相关规则对其结论为不适用（D13）",
        f"in force from {effective}; {before} fact(s) precede it and, as law does not reach back "
        "(Legislation Law art. 104), are not judged: the rules concerned find them not applicable (D13)",
    )
