"""tinghu-policy: 《盐城市亭湖区政务信息化项目建设管理办法（试行）》 as a traceable rule library.

>>> from tinghu_policy import evaluate, load_project
>>> project = load_project(Path("project.yaml"))              # doctest: +SKIP
>>> report = evaluate(project, as_of=date(2026, 3, 20))      # doctest: +SKIP
>>> report.open_obligations()                                 # doctest: +SKIP
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from tinghu_policy.errors import CalendarCoverageError, TinghuPolicyError, UnknownProvisionError

if TYPE_CHECKING:
    from tinghu_policy.engine.evaluate import evaluate
    from tinghu_policy.engine.findings import Finding, Status
    from tinghu_policy.engine.report import Report
    from tinghu_policy.facts import Project
    from tinghu_policy.interpretation import Interpretation
    from tinghu_policy.loading import load_project
    from tinghu_policy.parties import Party
    from tinghu_policy.periods import WorkCalendar
    from tinghu_policy.yaml_input import InputError

_LAZY = {
    "Finding": "tinghu_policy.engine",
    "Report": "tinghu_policy.engine",
    "Status": "tinghu_policy.engine",
    "evaluate": "tinghu_policy.engine",
    "Project": "tinghu_policy.facts",
    "Interpretation": "tinghu_policy.interpretation",
    "InputError": "tinghu_policy.yaml_input",
    "load_project": "tinghu_policy.loading",
    "Party": "tinghu_policy.parties",
    "WorkCalendar": "tinghu_policy.periods",
}
"""Names imported on first use (PEP 562): ``import tinghu_policy`` stays cheap for tools that need only a part
(the CLI's ``show``, ``tinghu_policy.periods``); ``from tinghu_policy import evaluate`` loads the engine."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tinghu_policy' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "CalendarCoverageError",
    "Finding",
    "InputError",
    "Interpretation",
    "Party",
    "Project",
    "Report",
    "Status",
    "TinghuPolicyError",
    "UnknownProvisionError",
    "WorkCalendar",
    "evaluate",
    "load_project",
]
__version__ = "0.1.0"
