"""Planning and application: the facts of art. 6–13 — plans, the APP, the five conditions, the filing, the review.

Trigger dates (D16): each review date is the day the event happened as recorded by the party that did it
(收到 = the day 区数据局 received the materials, 出具 = the date on the opinion).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from tinghu_policy.facts.acts import History, Review, check_history, value_at
from tinghu_policy.facts.base import Dated, Facts, LegalDate, require_order
from tinghu_policy.names import Named
from tinghu_policy.parties import Party


class PlanLevel(Named):
    """A level whose 政务信息化建设相关规划, or whose 重点工作任务, can list the project."""

    NATIONAL = "national"
    """国家级."""
    PROVINCIAL = "provincial"
    """省级."""
    MUNICIPAL = "municipal"
    """市级."""
    DISTRICT = "district"
    """区级."""


class Planning(Facts):
    """规划 (art. 6, 8(ii), 12): where the project is listed and what its unit's plan went through.

    Plans and key work tasks are kept apart because the articles name different sets: art. 8(ii) asks for a
    national, provincial, municipal or district *plan* (规划); art. 12 bars an application unless the project is in a
    provincial, municipal or district plan *or key work task* (规划、重点工作任务) — a national plan alone does not
    lift art. 12's bar, and a key work task alone does not meet art. 8(ii).
    """

    plans: tuple[PlanLevel, ...] | None = Field(
        None,
        max_length=10,
        description="列入的政务信息化建设相关规划的层级 levels of the government-IT plans listing the project "
        "([]: listed in none; None: not known; art. 8(ii), 12)",
    )
    key_work_tasks: tuple[PlanLevel, ...] | None = Field(
        None,
        max_length=10,
        description="纳入的重点工作任务的层级 levels of the key work tasks listing the project ([]: in none; None: "
        "not known; art. 12)",
    )
    implementation_plan_as_basis: bool = Field(
        False, description="以本系统、本单位实施方案作为申报依据 (art. 6 para. 2)"
    )
    implementation_plan_reviewed: Review | None = Field(
        None,
        description="实施方案经区数据局审核 the data bureau's review of the unit's plan: date and conclusion",
    )


class App(Facts):
    """政务 APP (art. 7 para. 2)."""

    connects_upward: bool | None = Field(
        None, description="向上接入 connected to the provincial/municipal platform"
    )
    duplicates_higher_level_app: bool | None = Field(
        None, description="与省市功能相似 duplicates the functions of a provincial or municipal APP"
    )


class Conditions(Facts):
    """申报项目应符合下列要求 (art. 8): one field per item; None = not assessed."""

    policy_conformity: bool | None = Field(
        None, description="(一) 符合国家和省、市、区有关文件规定及工作部署，需求合理，目标明确"
    )
    shared_infrastructure: bool | None = Field(
        None, description="(三) 遵循统筹、整合、共享原则，依托基础设施、通用能力、数据资源，符合标准规范"
    )
    feasibility_sound: bool | None = Field(
        None, description="(四) 可行性研究报告中建设内容、技术方案和投资估算合理可行"
    )
    security_compliant: bool | None = Field(
        None, description="(五) 符合网络安全和密码应用要求，符合国家安全可靠应用政策规定"
    )


class Document(Named):
    """申报材料 (art. 11(1)(i))."""

    REQUEST = "request"
    """部门请示文件或报告."""
    FEASIBILITY_STUDY = "feasibility_study"
    """可行性研究报告."""
    COST_ASSESSMENT = "cost_assessment"
    """造价咨询评估报告."""


class Prohibitions(Facts):
    """The states behind the prohibitions of art. 12 (六个不得), each over time (empty: not known).

    A prohibition bars an act while its state holds, so a rule reads the state on the day of the act: the
    integration and the cloud migration on the day of each application, the data sharing on the day the O&M money
    is arranged, the duplication on the day of approval (:meth:`at`).
    """

    systems_integrated: History = Field(
        default=(), max_length=100, description="按要求推进政务信息系统整合 (art. 12)"
    )
    migrated_to_cloud: History = Field(
        default=(), max_length=100, description="按要求及时迁移至区政务云 (art. 12)"
    )
    public_data_shared: History = Field(
        default=(), max_length=100, description="按要求共享、更新公共数据 (art. 12)"
    )
    duplicate_construction: History = Field(
        default=(), max_length=100, description="未按要求开展集约共享建设造成重复浪费 (art. 12)"
    )

    @model_validator(mode="after")
    def _histories(self) -> Prohibitions:
        for name in (
            "systems_integrated",
            "migrated_to_cloud",
            "public_data_shared",
            "duplicate_construction",
        ):
            check_history(name, getattr(self, name))
        return self

    def at(self, name: str, day: date) -> bool | None:
        """The state ``name`` on ``day`` (None: not known on that day)."""
        history: History = getattr(self, name)
        return value_at(history, day)


class InitialOpinionOutcome(Named):
    """What the initial opinion of the pre-review (初审意见, art. 11(1)(ii)) asks of the unit."""

    REVISE = "revise"
    """要求完善修改申报材料 (the case the text describes: the unit revises within 15 working days)."""
    ACCEPT = "accept"
    """通过预审，无需修改 (passed unchanged: no revision is owed)."""
    REJECT = "reject"
    """不予通过，退回申请 (rejected: the round ends)."""


class InitialOpinion(Facts):
    """初审意见 (art. 11(1)(ii)): when it was issued, when the unit received it, and what it asks."""

    issued: LegalDate = Field(description="初审意见出具日期 the day the opinion was issued")
    received_by_unit: LegalDate | None = Field(
        None, description="项目单位收到初审意见的日期 the day the unit received it (送达)"
    )
    outcome: InitialOpinionOutcome | None = Field(
        None,
        description="初审意见的结论 revise, accept or reject; None: not stated, read as revise — item (ii) has the "
        "unit revise against every initial opinion (项目单位应…针对初审意见完善修改申报材料)",
    )


class ReviewRound(Facts):
    """One pass of the application through the review of art. 11(1)(ii)–(iv); a return (退回) ends a round (D15)."""

    received: LegalDate = Field(description="区数据局接收到项目单位申请 application received")
    documents: tuple[Document, ...] = Field(
        default=(), max_length=10, description="提供的申报材料 documents filed"
    )
    initial_opinion: InitialOpinion | None = Field(
        None, description="初审意见 initial opinion (art. 11(1)(ii))"
    )
    revised: LegalDate | None = Field(
        None, description="针对初审意见完善修改申报材料 revised materials submitted"
    )
    returned: LegalDate | None = Field(None, description="退回申请 application returned by 区数据局")
    sent_to_departments: LegalDate | None = Field(
        None, description="申请材料同步至相关部门 materials sent to the departments"
    )
    department_opinions: dict[Party, LegalDate | None] = Field(
        default_factory=dict,
        description="各部门出具审查意见的日期 each department's opinion (None: sent, no opinion yet)",
    )
    panel_received: LegalDate | None = Field(
        None, description="联合评审小组收到材料 panel received the materials"
    )
    panel_technical_experts: bool | None = Field(
        None, description="联合评审小组有技术专家 the panel includes technical experts (art. 11(1)(iv))"
    )
    panel_financial_experts: bool | None = Field(
        None, description="联合评审小组有财政专家 the panel includes financial experts (art. 11(1)(iv))"
    )
    expert_opinion: LegalDate | None = Field(None, description="出具专家评审意见 expert opinion issued")
    revised_after_evaluation: LegalDate | None = Field(
        None, description="根据专家评审意见完善申报材料 materials revised after the evaluation"
    )
    fiscal_review_report: LegalDate | None = Field(
        None, description="区财政局出具财评报告 fiscal review report"
    )
    final_opinion: LegalDate | None = Field(None, description="区数据局形成最终审核意见 final review opinion")

    @model_validator(mode="after")
    def _causal_order(self) -> ReviewRound:
        """An answer cannot come before what it answers; nothing in a round comes before its receipt."""
        opinions = tuple((f"department_opinions.{p.value}", d) for p, d in self.department_opinions.items())
        received: Dated = ("received", self.received)
        opinion = self.initial_opinion
        issued: Dated = ("initial_opinion.issued", opinion.issued if opinion else None)
        require_order(
            (received, issued, ("revised", self.revised)),
            (
                received,
                issued,
                ("initial_opinion.received_by_unit", opinion.received_by_unit if opinion else None),
            ),
            (received, ("returned", self.returned)),
            (received, ("sent_to_departments", self.sent_to_departments)),
            *((received, ("sent_to_departments", self.sent_to_departments), o) for o in opinions),
            (
                received,
                ("panel_received", self.panel_received),
                ("expert_opinion", self.expert_opinion),
                ("revised_after_evaluation", self.revised_after_evaluation),
            ),
            (received, ("fiscal_review_report", self.fiscal_review_report)),
            (received, ("final_opinion", self.final_opinion)),
        )
        return self


class OmPlan(Facts):
    """政务信息系统整体运维方案 (art. 11 para. 2) for one budget year."""

    year: int = Field(ge=2000, le=2100, description="预算年度")
    submitted: LegalDate | None = Field(None, description="报区数据局审核的日期 submitted to the data bureau")
    reviewed_by_data_bureau: Review | None = Field(None, description="区数据局审核 the data bureau's review")
    rechecked_by_finance: Review | None = Field(
        None, description="区财政局复核 the finance bureau's re-check"
    )
    budgeted: LegalDate | None = Field(
        None,
        description="列入年度预算的日期 the day the plan's money entered the annual budget (安排运维经费)",
    )
    om_funding_requested: bool = Field(
        False, description="申请安排运维经费 (art. 12: blocked if data not shared)"
    )
    on_management_platform: bool | None = Field(
        None, description="相关运维服务在管理平台申报 (art. 13); None = not known"
    )

    def filing(self) -> tuple[str, date] | None:
        """The fact that dates the plan's filing and its day: the submission, or — when that is not given — the
        first later step, which presupposes it (a review, a re-check, the budget entry); None when the plan has no
        date at all."""
        if self.submitted is not None:
            return "submitted", self.submitted
        steps = [
            (f"{name}.day", act.day)
            for name, act in (
                ("reviewed_by_data_bureau", self.reviewed_by_data_bureau),
                ("rechecked_by_finance", self.rechecked_by_finance),
            )
            if act is not None
        ]
        if self.budgeted is not None:
            steps.append(("budgeted", self.budgeted))
        return min(steps, key=lambda step: step[1]) if steps else None

    def filed_by(self, day: date) -> bool:
        """The plan was filed on or before ``day`` (:meth:`filing`); a plan with no date at all is taken as filed
        (it is listed among the project's plans for its year)."""
        filing = self.filing()
        return filing is None or filing[1] <= day
