"""The facts a rule reads: pydantic models, frozen, unknown fields refused, named in the regulation's terms."""

from tinghu_policy.facts.acceptance import Acceptance, AcceptanceFiling, FinalAccountsExtension, Operation, Result
from tinghu_policy.facts.application import (
    App,
    Conditions,
    Document,
    OmPlan,
    PlanLevel,
    Planning,
    Prohibitions,
    ReviewRound,
)
from tinghu_policy.facts.approval import Approval, DataSharing, ExtraApproval
from tinghu_policy.facts.implementation import (
    Adjustment,
    AdjustmentGround,
    Implementation,
    Incident,
    IncidentKind,
    OverdueReport,
    PerformanceReport,
    Security,
)
from tinghu_policy.facts.project import Project, Supervision
from tinghu_policy.facts.scope import (
    Category,
    CrossDepartment,
    CrossLevel,
    Funding,
    FundingSource,
    Owner,
    OwnerKind,
    OwnerLevel,
    SocialCapital,
)

__all__ = [
    "Acceptance", "AcceptanceFiling", "Adjustment", "AdjustmentGround", "App", "Approval", "Category", "Conditions",
    "CrossDepartment", "CrossLevel", "DataSharing", "Document", "ExtraApproval", "FinalAccountsExtension", "Funding",
    "FundingSource", "Implementation", "Incident", "IncidentKind", "OmPlan", "Operation", "OverdueReport", "Owner",
    "OwnerKind", "OwnerLevel", "PerformanceReport", "PlanLevel", "Planning", "Project", "Prohibitions", "Result",
    "ReviewRound", "Security", "SocialCapital", "Supervision",
]
