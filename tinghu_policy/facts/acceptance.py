"""Acceptance and operation: the facts of art. 27–30.

Trigger dates (D16): 建成 = the completion date the project unit records (:attr:`Acceptance.completed`);
通过验收 = the date of the acceptance conclusion (:attr:`Acceptance.passed`); 投入运行 = the date operation starts
(:attr:`Operation.started`) for art. 30's self-evaluation (the system in real use, D10) — while art. 29's "方可投入运行",
which guards a classified system before it handles classified data, counts trial operation too
(:attr:`Operation.running_since`).

The 等保 test, the 密评 and the archive acceptance are :class:`~tinghu_policy.facts.acts.Assessment` facts: held
(result and date), not held, or not required (with the reason); absent means not known.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from tinghu_policy.facts.acts import Assessment
from tinghu_policy.facts.base import Dated, Facts, LegalDate, require_order


class AcceptanceFiling(Facts):
    """验收相关材料 (art. 27 para. 1) filed with 区发改委, 区数据局, 区财政局."""

    filed: LegalDate | None = Field(None, description="报送备案日期")
    summary: bool = Field(False, description="项目建设总结")
    financial_audit: bool = Field(False, description="财务审计报告")
    classified_protection_report: bool = Field(False, description="网络安全等级保护测评报告")
    cryptography_assessment_report: bool = Field(False, description="密码应用安全性评估报告")
    to_development_reform: bool = Field(False, description="报送区发改委")
    to_data_bureau: bool = Field(False, description="报送区数据局")
    to_finance: bool = Field(False, description="报送区财政局")


class FinalAccountsExtension(Facts):
    """区财政局 approval to extend the final accounts (art. 27 para. 4), and the unit's request for it."""

    requested: LegalDate | None = Field(None, description="项目单位报区财政局申请延长的日期 the request")
    approved: LegalDate = Field(description="区财政局批准日期")
    months: int = Field(ge=1, le=24, description="批准延长的月数")

    @model_validator(mode="after")
    def _requested_first(self) -> FinalAccountsExtension:
        require_order((("requested", self.requested), ("approved", self.approved)))
        return self


class Acceptance(Facts):
    """竣工验收 (art. 27, 28)."""

    completed: LegalDate | None = Field(None, description="项目建成日期（单位记录） completion, D16")
    classified_protection: Assessment | None = Field(
        None,
        description="网络安全等级保护测评 (等保): the latest test before applying for acceptance — result and date, "
        "not held, or not required (with the reason)",
    )
    cryptography_assessment: Assessment | None = Field(
        None,
        description="密码应用安全性评估 (密评): the latest assessment before applying — result and date, not held, "
        "or not required (with the reason)",
    )
    applied: LegalDate | None = Field(None, description="申请竣工验收日期")
    archive_acceptance: Assessment | None = Field(
        None, description="档案验收 (art. 28): result and date, or not held (it is never 'not required')"
    )
    passed: LegalDate | None = Field(
        None, description="竣工验收合格日期（验收结论日期） acceptance passed, D16"
    )
    failed: tuple[LegalDate, ...] = Field(
        default=(),
        max_length=20,
        description="竣工验收不合格的日期 each failed acceptance, oldest first (整改后重新验收: a later one may pass)",
    )
    delay_explanation: LegalDate | None = Field(None, description="向区数据局提出延期验收说明的日期")
    filing: AcceptanceFiling = Field(default_factory=AcceptanceFiling, description="验收相关材料备案")
    final_accounts_submitted: LegalDate | None = Field(None, description="向区财政局编报竣工财务决算日期")
    final_accounts_extension: FinalAccountsExtension | None = Field(
        None, description="区财政局批准延长竣工财务决算编报期限"
    )

    @model_validator(mode="after")
    def _causal_order(self) -> Acceptance:
        """Acceptance cannot come before completion; final accounts and their extension not before acceptance; a
        failed acceptance comes before the one that passed (整改后重新验收); art. 28 admits no exemption."""
        extension = self.final_accounts_extension
        completed: Dated = ("completed", self.completed)
        if self.archive_acceptance is not None and not self.archive_acceptance.required:
            raise ValueError(
                "archive_acceptance: not_required is not accepted — art. 28 para. 2 admits no acceptance without "
                "a passed archive acceptance (give not_held if none was held)"
            )
        if list(self.failed) != sorted(set(self.failed)):
            raise ValueError("failed: give each failed acceptance once, oldest first")
        for n, day in enumerate(self.failed):
            require_order((completed, (f"failed[{n}]", day), ("passed", self.passed)))
        require_order(
            (
                completed,
                ("passed", self.passed),
                ("final_accounts_submitted", self.final_accounts_submitted),
            ),
            (
                completed,
                ("passed", self.passed),
                ("final_accounts_extension.approved", extension.approved if extension else None),
            ),
            (completed, ("applied", self.applied)),
        )
        if self.passed is not None and self.passed in self.failed:
            raise ValueError(f"passed ({self.passed}) is also in failed: one acceptance has one conclusion")
        return self


class Operation(Facts):
    """运行 (art. 23, 29, 30): trial operation, then operation."""

    trial_started: LegalDate | None = Field(None, description="投入试运行日期 trial operation started")
    started: LegalDate | None = Field(None, description="投入运行日期 operation started, D16")
    secrecy_review_passed: LegalDate | None = Field(
        None, description="保密行政管理部门审查合格日期 (art. 29)"
    )
    operator_designated: bool | None = Field(
        None, description="指定专门机构或者人员负责运行使用管理 (art. 29); None: not stated"
    )
    self_evaluation_submitted: LegalDate | None = Field(
        None, description="自我评价报告报送区数据局日期 (art. 30)"
    )
    self_evaluation_copied_to_development_reform: bool | None = Field(
        None, description="自我评价报告抄送区发改委 (art. 30); None: not stated"
    )
    self_evaluation_copied_to_finance: bool | None = Field(
        None, description="自我评价报告抄送区财政局 (art. 30); None: not stated"
    )

    @property
    def running_since(self) -> date | None:
        """投入运行 read as the system running at all: the earlier of trial operation and operation (art. 29)."""
        days = [d for d in (self.trial_started, self.started) if d is not None]
        return min(days) if days else None
