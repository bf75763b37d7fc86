"""第二十条、第二十一条 — network and data security, cryptography, electronic records and secrecy, built with the system.

The facts are the yes/no answers of ``implementation.security`` (None: not assessed → UNDETERMINED). The duties
are those of 项目实施 (chapter 5); when each begins is D24:

* ``by_duty`` (default): each duty from its own stage. The planning duty — 制定项目密码应用方案 (art. 21 para. 1) —
  arises with the approval (``approval.approved``; or with the start of works if that came first: a project
  built without a recorded approval is not spared the plan); the duties of building and running — 同步建设、同步使用
  /运行、定期检测评估, the management system they serve, electronic records, the secrecy facilities — from the start
  of works (``implementation.works_started``, 开工, the fact art. 23 and 24 read). A fact that records planning and
  building in one yes/no (``security_measures_synchronised``: 同步规划、同步建设、同步使用; ``cryptography_synchronised``;
  ``electronic_records_synchronised``; ``secrecy_protection_plan``, which also covers the secrecy facilities) is
  judged from the start of works, when all it records is due: a "no" before then could only mean "not yet built".
* ``works_started``: every duty from the start of works;
* ``approved``: every duty from the approval (art. 12 lets a project be "实施" once approved).

So an approved project whose works have not begun already owes its cryptography plan: a known
``cryptography_plan: false`` fails then (by default); everything else waits for the start of works.

Encoded whole: 保障信息系统安全稳定运行 states the aim the listed duties serve, not a further test; whether a measure
meets 网络安全法、数据安全法、密码法 and the standards is for the assessors (等保测评、密评, art. 27), and the rules
read the unit's recorded answers.

D13: a duty is judged from the day it arose (the approval for the plan, the start of works for the rest); a duty
that arose before the effective date is out of reach (its planning and building were done under the rules then in
force).
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.interpretation import ImplementationStart
from tinghu_policy.parties import Party
from tinghu_policy.rules.wording import art20_21_security as say

_S = "implementation.security"
_APPROVAL = Label("approval.approved", "项目批复（实施开始，D24）", "approval (implementation starts, D24)")
_WORKS = Label(
    "implementation.works_started", "开工建设（实施开始）", "start of works (implementation starts)"
)
_PLANNING_APPROVAL = Label(
    "approval.approved", "项目批复（规划类义务起算，D24）", "approval (planning duties begin, D24)"
)
_MANAGEMENT = Label(
    f"{_S}.security_management_system", "建立健全网络和数据安全管理制度", "security management system"
)
_MEASURES = Label(
    f"{_S}.security_measures_synchronised",
    "网络安全技术措施同步规划、同步建设、同步使用",
    "security measures planned, built and used with the system",
)
_TESTING = Label(
    f"{_S}.periodic_security_testing", "定期开展网络安全检测与风险评估", "periodic security testing"
)
_PLAN = Label(f"{_S}.cryptography_plan", "制定项目密码应用方案", "cryptography plan")
_SYSTEM = Label(
    f"{_S}.cryptography_synchronised",
    "密码保障系统同步规划、同步建设、同步运行并定期评估",
    "cryptography system planned, built, run with the system and assessed",
)
_RECORDS = Label(
    f"{_S}.electronic_records_synchronised",
    "电子文件管理同步规划、同步实施、同步应用",
    "electronic records planned, implemented and applied with the project",
)
_SECRECY = Label(
    f"{_S}.secrecy_protection_plan",
    "涉密项目安全保密防护管理方案及保密设施同步规划、建设、运行并评估",
    "secrecy protection plan; secrecy facilities planned, built, run and assessed",
)


def implementation_started(ctx: Context) -> date | None:
    """D24: the day the duties of building and running began, if known on ``as_of`` — the start of works (default
    ``by_duty`` and ``works_started``) or, with ``approved``, the approval. Art. 19 and 23 read it too."""
    if ctx.interpretation.implementation_start is ImplementationStart.APPROVED:
        return ctx.known(ctx.project.approval.approved)
    return ctx.known(ctx.project.implementation.works_started)


def _start(ctx: Context, *, planning: bool) -> tuple[date | None, Label]:
    """D24: the day a duty of planning (``planning``) or of building and running began, and the fact it is."""
    reading = ctx.interpretation.implementation_start
    approved = ctx.known(ctx.project.approval.approved)
    works = ctx.known(ctx.project.implementation.works_started)
    if reading is ImplementationStart.APPROVED:
        return approved, _APPROVAL
    first = approved is not None and (works is None or approved <= works)
    if planning and reading is ImplementationStart.BY_DUTY and first:
        return approved, _PLANNING_APPROVAL
    return works, _WORKS


def _not_started(ctx: Context, *, planning: bool = False) -> Outcome | None:
    """NOT_APPLICABLE before the duty's stage began (D24), or when it began before the effective date (D13)."""
    started, label = _start(ctx, planning=planning)
    if started is not None:
        return ctx.reaches(started, label)
    reading = ctx.interpretation.implementation_start
    if reading is ImplementationStart.APPROVED:
        return ctx.not_applicable(say.NOT_APPROVED)
    if planning and reading is ImplementationStart.BY_DUTY:
        return ctx.not_applicable(say.PLAN_NOT_OWED)
    return ctx.not_applicable(say.NOT_STARTED)


# 第二十条 ————————————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art20.network_security",
    provision="art20.p1",
    title_zh="建立健全网络和数据安全管理制度，同步规划、同步建设、同步使用网络安全技术措施，定期检测与风险评估",
    title_en="Security management system, security measures planned, built and used with the system, periodic testing",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D24",),
)
def network_security(ctx: Context) -> Outcome:
    """项目单位应…建立健全网络和数据安全管理制度，同步规划、同步建设、同步使用网络安全技术措施，定期开展网络安全检测与风险评估.

    D24: applies from the start of implementation — the start of works, or with ``approved`` the approval.
    """
    if (skip := _not_started(ctx)) is not None:
        return skip
    s = ctx.project.implementation.security
    return ctx.condition(
        ctx.expect(_MANAGEMENT, s.security_management_system),
        ctx.expect(_MEASURES, s.security_measures_synchronised),
        ctx.expect(_TESTING, s.periodic_security_testing),
    )


# 第二十一条第一款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art21.cryptography",
    provision="art21.p1",
    title_zh="制定项目密码应用方案，同步规划、同步建设、同步运行密码保障系统并定期评估",
    title_en="A cryptography plan; the cryptography system planned, built and run with the system and assessed",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D24",),
)
def cryptography(ctx: Context) -> Outcome:
    """项目单位应…制定项目密码应用方案，同步规划、同步建设、同步运行密码保障系统并定期进行评估.

    D24 ``by_duty`` (default): the plan is owed from the approval, the system built and run with the project from
    the start of works; so between the two only the plan is checked, the note saying why. With ``works_started``
    or ``approved`` both are owed from that one event. D13: each part judged from the day it arose.
    """
    skip_plan = _not_started(ctx, planning=True)
    skip_build = _not_started(ctx)
    if skip_plan is not None and skip_build is not None:
        return skip_build if _start(ctx, planning=False)[0] is not None else skip_plan
    s = ctx.project.implementation.security
    plan = ctx.expect(_PLAN, s.cryptography_plan)
    system = ctx.expect(_SYSTEM, s.cryptography_synchronised)
    if (
        skip_build is not None
    ):  # works not begun (begun before the effective date, the plan's start would be too)
        return ctx.condition(plan, note=(say.cryptography, None, True))
    if skip_plan is not None:  # the approval before the effective date (D13): the system alone is judged
        return ctx.condition(*skip_plan.checks, system, note=(say.cryptography, skip_plan.note, False))
    return ctx.condition(plan, system)


@rule(
    "art21.electronic_records",
    provision="art21.p1",
    title_zh="电子文件管理与项目建设同步规划、同步实施、同步应用",
    title_en="Electronic records management planned, implemented and applied with the project",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D24",),
)
def electronic_records(ctx: Context) -> Outcome:
    """应按照电子文件管理相关法规和标准规范要求，实现电子文件管理与项目建设同步规划、同步实施、同步应用.

    D24: applies from the start of implementation — the start of works, or with ``approved`` the approval.
    """
    if (skip := _not_started(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(_RECORDS, ctx.project.implementation.security.electronic_records_synchronised)
    )


# 第二十一条第二款 ————————————————————————————————————————————————————————————————————————————————————————————
@rule(
    "art21.secrecy_protection",
    provision="art21.p2",
    title_zh="涉密项目制定安全保密防护管理方案，保密设施、设备同步规划、同步建设、同步运行并评估",
    title_en="A classified project has a secrecy protection plan; secrecy facilities built and run with it",
    owed_by=Party.PROJECT_UNIT,
    decisions=("D24",),
)
def secrecy_protection(ctx: Context) -> Outcome:
    """涉密项目还应…制定涉密项目安全保密防护管理方案，同步规划、同步建设、同步运行保密设施、设备等，并进行评估.

    D24: applies from the start of implementation — the start of works, or with ``approved`` the approval.
    """
    if not ctx.project.classified:
        return ctx.not_applicable(say.NOT_CLASSIFIED)
    if (skip := _not_started(ctx)) is not None:
        return skip
    return ctx.condition(ctx.expect(_SECRECY, ctx.project.implementation.security.secrecy_protection_plan))
