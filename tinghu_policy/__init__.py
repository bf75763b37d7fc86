"""tinghu-policy: 《盐城市亭湖区政务信息化项目建设管理办法（试行）》 as a traceable rule library.

>>> from tinghu_policy import Project, evaluate
>>> report = evaluate(project, as_of=date(2026, 3, 20))      # doctest: +SKIP
>>> report.open_obligations()                                 # doctest: +SKIP
"""

from tinghu_policy.engine import Finding, Report, Status, evaluate
from tinghu_policy.errors import CalendarCoverageError, TinghuPolicyError, UnknownProvisionError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import Interpretation
from tinghu_policy.parties import Party
from tinghu_policy.periods import WorkCalendar

__all__ = [
    "CalendarCoverageError",
    "Finding",
    "Interpretation",
    "Party",
    "Project",
    "Report",
    "Status",
    "TinghuPolicyError",
    "UnknownProvisionError",
    "WorkCalendar",
    "evaluate",
]
__version__ = "0.1.0"
