"""第二十条、第二十一条 — network and data security, cryptography, electronic records and secrecy, built with the system.

The facts are the yes/no answers of ``implementation.security`` (None: not assessed → UNDETERMINED). The duties
are those of 项目实施 (chapter 5), so the rules apply from the start of implementation. D24 (default
``works_started``): implementation starts with the start of works (``implementation.works_started``, 开工), the same
fact art. 23 and 24 read; before it there is nothing built or run yet to check (同步建设、同步使用) and the approval
alone does not start implementation. Option ``approved``: it starts with the approval (``approval.approved``).

D13: the duties are those of implementation; an implementation begun before the effective date is out of reach
(its planning and building were done under the rules then in force).
"""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Context, Label, Outcome, rule
from tinghu_policy.interpretation import ImplementationStart
from tinghu_policy.parties import Party

_S = "implementation.security"


def implementation_started(ctx: Context) -> date | None:
    """D24: the day 项目实施 began, if known on ``as_of`` — the start of works (default) or the approval."""
    if ctx.interpretation.implementation_start is ImplementationStart.APPROVED:
        return ctx.known(ctx.project.approval.approved)
    return ctx.known(ctx.project.implementation.works_started)


def _not_started(ctx: Context) -> Outcome | None:
    """NOT_APPLICABLE before implementation starts (D24), or when it started before the effective date (D13)."""
    started = implementation_started(ctx)
    if started is not None:
        if ctx.interpretation.implementation_start is ImplementationStart.APPROVED:
            label = Label(
                "approval.approved", "项目批复（实施开始，D24）", "approval (implementation starts, D24)"
            )
        else:
            label = Label(
                "implementation.works_started",
                "开工建设（实施开始）",
                "start of works (implementation starts)",
            )
        return ctx.reaches(started, label)
    if ctx.interpretation.implementation_start is ImplementationStart.APPROVED:
        return ctx.not_applicable(
            "项目尚未批复，实施阶段的安全要求尚不适用（D24 以批复为实施起点）",
            "not yet approved: the implementation duties do not apply yet (D24: implementation starts on approval)",
        )
    return ctx.not_applicable(
        "项目尚未开工建设，实施阶段的安全要求尚不适用",
        "works have not started: the implementation duties do not apply yet",
    )


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
        ctx.expect(
            Label(
                f"{_S}.security_management_system",
                "建立健全网络和数据安全管理制度",
                "security management system",
            ),
            s.security_management_system,
        ),
        ctx.expect(
            Label(
                f"{_S}.security_measures_synchronised",
                "网络安全技术措施同步规划、同步建设、同步使用",
                "security measures planned, built and used with the system",
            ),
            s.security_measures_synchronised,
        ),
        ctx.expect(
            Label(
                f"{_S}.periodic_security_testing",
                "定期开展网络安全检测与风险评估",
                "periodic security testing",
            ),
            s.periodic_security_testing,
        ),
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

    D24: applies from the start of implementation — the start of works, or with ``approved`` the approval.
    """
    if (skip := _not_started(ctx)) is not None:
        return skip
    s = ctx.project.implementation.security
    return ctx.condition(
        ctx.expect(
            Label(f"{_S}.cryptography_plan", "制定项目密码应用方案", "cryptography plan"), s.cryptography_plan
        ),
        ctx.expect(
            Label(
                f"{_S}.cryptography_synchronised",
                "密码保障系统同步规划、同步建设、同步运行并定期评估",
                "cryptography system planned, built, run with the system and assessed",
            ),
            s.cryptography_synchronised,
        ),
    )


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
        ctx.expect(
            Label(
                f"{_S}.electronic_records_synchronised",
                "电子文件管理同步规划、同步实施、同步应用",
                "electronic records planned, implemented and applied with the project",
            ),
            ctx.project.implementation.security.electronic_records_synchronised,
        )
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
        return ctx.not_applicable("非涉密项目", "not a classified project")
    if (skip := _not_started(ctx)) is not None:
        return skip
    return ctx.condition(
        ctx.expect(
            Label(
                f"{_S}.secrecy_protection_plan",
                "涉密项目安全保密防护管理方案及保密设施同步规划、建设、运行并评估",
                "secrecy protection plan; secrecy facilities planned, built, run and assessed",
            ),
            ctx.project.implementation.security.secrecy_protection_plan,
        )
    )
