"""第八条 申报项目应符合下列要求 — the five conditions of an application, all required, one rule per item.

Each rule names the condition it tests, so a report lists exactly which conditions fail. Items (一), (三), (四)
and (五) are assessments recorded in ``Project.conditions`` (None: not assessed → UNDETERMINED naming the fact);
item (二) is read off ``planning.plans`` — a 政务信息化建设相关规划 of any of the four levels; a key work task
(``planning.key_work_tasks``) is not a plan and does not meet it (empty: listed in no plan → FAILS).

The conditions are those of an application (申报项目应符合下列要求): a project not yet filed (no review round
received by ``as_of``) is not yet in question. D13: a rule judges the latest application received, and one
received before the effective date is out of reach.
"""

from __future__ import annotations

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.parties import Party
from tinghu_policy.rules.project_acts import application, latest_application
from tinghu_policy.rules.wording import art08_conditions as say

_POLICY_CONFORMITY = Label(
    "conditions.policy_conformity",
    "符合有关文件规定及工作部署、需求合理、目标明确",
    "conforms to policy, needs and goals",
)
_SHARED_INFRASTRUCTURE = Label(
    "conditions.shared_infrastructure",
    "依托共享基础设施建设并符合标准规范",
    "built on shared infrastructure, to the standards",
)
_FEASIBILITY_SOUND = Label(
    "conditions.feasibility_sound",
    "建设内容、技术方案和投资估算合理可行",
    "content, technical plan and estimate sound",
)
_SECURITY_COMPLIANT = Label(
    "conditions.security_compliant",
    "符合网络安全、密码应用及安全可靠要求",
    "meets cybersecurity, cryptography and 安全可靠 requirements",
)


def _not_applied(ctx: Context) -> Outcome | None:
    """NOT_APPLICABLE before the application; out of reach when it predates the effective date (D13)."""
    if latest_application(ctx) is None:
        return ctx.not_applicable(say.NOT_APPLIED)
    return application(ctx)


def _assessed(ctx: Context, field: str, label: Label) -> Outcome:
    """An item assessed as a yes/no fact in ``conditions.<field>`` (``label``)."""
    if (skip := _not_applied(ctx)) is not None:
        return skip
    return ctx.condition(ctx.expect(label, getattr(ctx.project.conditions, field)))


# 第八条第（一）项 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art8.policy_conformity",
    provision="art8.p1.i1",
    title_zh="符合国家和省、市、区有关文件规定及工作部署，需求合理，目标明确",
    title_en="Conforms to national, provincial, municipal and district rules; sound needs and clear goals",
    owed_by=Party.PROJECT_UNIT,
)
def policy_conformity(ctx: Context) -> Outcome:
    """（一）符合国家和省、市、区有关文件规定及工作部署，需求合理，目标明确."""
    return _assessed(ctx, "policy_conformity", _POLICY_CONFORMITY)


# 第八条第（二）项 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art8.listed_in_plans",
    provision="art8.p1.i2",
    title_zh="列入国家、省、市、区级政务信息化建设相关规划",
    title_en="Listed in a national, provincial, municipal or district government-IT plan",
    owed_by=Party.PROJECT_UNIT,
)
def listed_in_plans(ctx: Context) -> Outcome:
    """（二）列入国家、省、市、区级政务信息化建设相关规划: a plan of any level; a key work task is not a plan.
    ``planning.plans`` not given: UNDETERMINED (silence is not "listed in none", which is ``[]``)."""
    if (skip := _not_applied(ctx)) is not None:
        return skip
    planning = ctx.project.planning
    plans = planning.plans
    check = ctx.expect(_PLANS, None if plans is None else bool(plans))
    if plans is None:
        return ctx.condition(check)
    return ctx.condition(check, note=(say.plans, plans, bool(planning.key_work_tasks)))


_PLANS = Label(
    "planning.plans", "列入国家、省、市、区级政务信息化建设相关规划", "listed in a government-IT plan"
)


# 第八条第（三）项 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art8.shared_infrastructure",
    provision="art8.p1.i3",
    title_zh="遵循统筹、整合、共享原则，依托电子政务网络、区政务云等基础设施建设，符合标准规范",
    title_en="Built on the shared e-government network, district cloud and common capabilities, to the standards",
    owed_by=Party.PROJECT_UNIT,
)
def shared_infrastructure(ctx: Context) -> Outcome:
    """（三）遵循统筹、整合、共享原则，依托电子政务网络、区政务云等基础设施、通用能力、数据资源应用场景等开展建设，
    符合国家、省、市相关标准规范."""
    return _assessed(ctx, "shared_infrastructure", _SHARED_INFRASTRUCTURE)


# 第八条第（四）项 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art8.feasibility_sound",
    provision="art8.p1.i4",
    title_zh="可行性研究报告中建设内容、技术方案和投资估算合理可行",
    title_en="The feasibility study's content, technical plan and cost estimate are sound",
    owed_by=Party.PROJECT_UNIT,
)
def feasibility_sound(ctx: Context) -> Outcome:
    """（四）项目可行性研究报告中建设内容、技术方案和投资估算合理可行."""
    return _assessed(ctx, "feasibility_sound", _FEASIBILITY_SOUND)


# 第八条第（五）项 ———————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art8.security_compliant",
    provision="art8.p1.i5",
    title_zh="符合网络安全和密码应用要求，符合国家安全可靠应用政策规定",
    title_en="Meets cybersecurity, cryptography and secure-and-reliable (安全可靠) requirements",
    owed_by=Party.PROJECT_UNIT,
)
def security_compliant(ctx: Context) -> Outcome:
    """（五）符合网络安全和密码应用要求，符合国家安全可靠应用政策规定."""
    return _assessed(ctx, "security_compliant", _SECURITY_COMPLIANT)
