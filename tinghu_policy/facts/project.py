"""The project: every fact the regulation talks about, in its own terms, in one frozen model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from pydantic import BaseModel, Field, model_validator

from tinghu_policy.facts.acceptance import Acceptance, Operation
from tinghu_policy.facts.application import App, Conditions, OmPlan, Planning, Prohibitions, ReviewRound
from tinghu_policy.facts.approval import Approval
from tinghu_policy.facts.base import Dated, Facts, LegalDate, require_order
from tinghu_policy.facts.implementation import Implementation
from tinghu_policy.facts.scope import Category, CrossDepartment, CrossLevel, Funding, Owner, SocialCapital


class Supervision(Facts):
    """监督 (art. 36, 37)."""

    materials_withheld: bool | None = Field(
        None,
        description="拒绝、隐匿、瞒报项目有关资料和情况 (art. 37): refused, hid or misreported materials",
    )
    materials_withheld_on: LegalDate | None = Field(
        None,
        description="拒绝、隐匿、瞒报之日 the day the materials were refused, hidden or misreported (art. 37)",
    )
    shared_on_platform: bool | None = Field(None, description="通过管理平台建立项目信息共享机制 (art. 36)")
    overrun_from_mismanagement_or_fraud: bool | None = Field(
        None,
        description="超概算系因管理不善、弄虚作假造成 (art. 37): the overrun's cause as the supervisors or an audit "
        "established it — true: mismanagement or fraud; false: another cause; None: not established",
    )


class Project(Facts):
    """A district government IT project (政务信息化项目) and its dated timeline.

    Everything but ``id``, ``name``, ``owner`` and ``category`` is optional: a project early in its life has few
    facts; rules that need a missing fact say which one. What an absent fact means (format 2.0):

    * a **date** not given: the act has not happened by ``as_of`` (a duty not done; an act not taken);
    * a **yes/no, a result, a conclusion or a list** not given: not known — a rule that needs it is undetermined
      and names it. To say what did not happen or is not required, say so: ``[]`` (listed in none),
      ``{result: not_held}``, ``{result: not_required, reason: …}``, ``outcome: rejected``.
    """

    id: str = Field(
        min_length=1, max_length=100, pattern=r"^[\w.\-/]+$", description="项目编号 the caller's id"
    )
    name: str = Field(min_length=1, max_length=300, description="项目名称")
    owner: Owner = Field(description="项目单位")
    funding: tuple[Funding, ...] = Field(default=(), max_length=20, description="资金来源 and amounts")
    category: Category = Field(description="项目类别 (GB/T 40692-2021; art. 3 exclusions)")
    produces_public_data: bool | None = Field(None, description="产生公共数据资源 (art. 3)")
    under_construction_standard: bool | None = Field(
        None, description="属于《建设工程分类标准》范畴 (art. 3 group B)"
    )
    new_project: bool = Field(True, description="新建项目 (not an existing system's continuation; art. 12)")
    substantively_government_it: bool | None = Field(
        None,
        description="实质上属于政务信息化建设的项目 found to be a government IT project in substance, whatever its "
        "stated category (art. 12, the sixth prohibition)",
    )
    classified: bool = Field(False, description="涉密项目")
    cross_department: CrossDepartment | None = Field(None, description="跨部门集约共享 (art. 9)")
    cross_level: CrossLevel | None = Field(None, description="跨层级协同实施 (art. 10)")
    app: App | None = Field(None, description="区级规划建设的政务 APP (art. 7)")
    social_capital: SocialCapital | None = Field(None, description="与社会资本合作建设 (art. 39)")
    planning: Planning = Field(default_factory=Planning, description="规划 (art. 6, 8)")
    conditions: Conditions = Field(default_factory=Conditions, description="申报要求 (art. 8)")
    prohibitions: Prohibitions = Field(default_factory=Prohibitions, description="六个不得 facts (art. 12)")
    on_management_platform: bool | None = Field(None, description="在管理平台申报 (art. 13)")
    review: tuple[ReviewRound, ...] = Field(
        default=(), max_length=50, description="申报审核 rounds, oldest first (art. 11)"
    )
    om_plans: tuple[OmPlan, ...] = Field(
        default=(), max_length=50, description="年度运维方案 (art. 11 para. 2)"
    )
    approval: Approval = Field(default_factory=Approval, description="审批 (art. 14–16)")
    implementation: Implementation = Field(default_factory=Implementation, description="实施 (art. 19–26)")
    acceptance: Acceptance = Field(default_factory=Acceptance, description="竣工验收 (art. 27, 28)")
    operation: Operation = Field(default_factory=Operation, description="运行 (art. 29, 30)")
    supervision: Supervision = Field(default_factory=Supervision, description="监督 (art. 36, 37)")

    @property
    def fiscal_funded(self) -> bool | None:
        """使用（由）财政预算资金: some source is fiscal (:attr:`FundingSource.is_fiscal`); None when no funding is
        given."""
        return any(f.source.is_fiscal for f in self.funding) if self.funding else None

    def dated_facts(self) -> Iterator[DatedFact]:
        """Every date in the facts, in field order, with its path and the field's description."""
        yield from _dated(self, "")

    def facts_after(self, day: date) -> tuple[DatedFact, ...]:
        """The dated facts after ``day``: not yet happened on that day, so no rule reads them — listed so that a
        mistyped year (2052 for 2025) is seen rather than silently taken as a future event."""
        return tuple(f for f in self.dated_facts() if f.day > day)

    @model_validator(mode="after")
    def _one_timeline(self) -> Project:
        """Review rounds follow one another, approval follows the application, completion follows the works; each
        year has at most one O&M plan and one performance report."""
        first_receipt: Dated = ("review[0].received", self.review[0].received if self.review else None)
        require_order(
            (first_receipt, ("approval.approved", self.approval.approved)),
            (
                ("implementation.works_started", self.implementation.works_started),
                ("acceptance.completed", self.acceptance.completed),
            ),
        )
        for n in range(1, len(self.review)):
            before, after = self.review[n - 1], self.review[n]
            if after.received < before.received:
                raise ValueError(
                    f"review[{n}].received ({after.received}) is before review[{n - 1}].received "
                    f"({before.received}): give the rounds oldest first"
                )
        for name, years in (
            ("om_plans", [plan.year for plan in self.om_plans]),
            ("implementation.performance_reports", [r.year for r in self.implementation.performance_reports]),
        ):
            repeated = sorted({y for y in years if years.count(y) > 1})
            if repeated:
                raise ValueError(f"{name}: more than one entry for year {', '.join(map(str, repeated))}")
        return self


class DatedFact(NamedTuple):
    """A date in the facts: its path (``review[0].received``), the field's description and the day."""

    path: str
    description: str
    day: date


def _dated(model: BaseModel, prefix: str) -> Iterator[DatedFact]:
    for name, info in type(model).model_fields.items():
        yield from _dates(getattr(model, name), f"{prefix}{name}", info.description or name)


def _dates(value: object, path: str, description: str) -> Iterator[DatedFact]:
    if isinstance(value, date):
        yield DatedFact(path, description, value)
    elif isinstance(value, BaseModel):
        yield from _dated(value, f"{path}.")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _dates(item, f"{path}[{i}]", description)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _dates(item, f"{path}.{getattr(key, 'value', key)}", description)
