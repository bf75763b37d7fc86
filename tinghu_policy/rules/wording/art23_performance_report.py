"""The words of :mod:`tinghu_policy.rules.art23_performance_report`: the yearly performance report."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text


def not_owed(completed: date | None, year: int) -> Text:
    return (
        f"项目已于{completed}建成，{year}年底时已不在实施期间；按D36选项，仅年底时仍在实施期间的年度须报送绩效评价报告",
        f"completed on {completed}: no longer in implementation at the end of {year}; under the D36 option only a "
        "year at whose end implementation went on owes a report",
    )


NONE_OWED = (
    "实施期间没有年底时仍在实施的年度，无须报送绩效评价报告（D36）",
    "no year of implementation ended with the project still in implementation: no report owed (D36)",
)
NOT_APPROVED = (
    "项目尚未批复，实施期间尚未开始（D24 以批复为实施起点）",
    "not yet approved: implementation has not begun (D24: it starts on approval)",
)
NOT_STARTED = ("项目尚未开工建设，实施期间尚未开始", "works have not started: implementation has not begun")


def year_began(year: int) -> Text:
    return f"{year}年度实施期间的开始", f"the start of implementation in {year}"


def year_ended(year: int) -> Text:
    return f"{year}年度实施期间的结束（年底）", f"the end of implementation in {year} (the year end)"


def submitted(year: int) -> Text:
    return f"{year}年度绩效评价报告提交", f"{year} report submitted"


def submitted_to_finance(year: int) -> Text:
    return f"{year}年度绩效评价报告提交区财政局", f"{year} performance report submitted to finance"


def not_submitted(year: int) -> Text:
    return f"{year}年度报告尚未提交", f"the {year} report is not submitted yet"


NOT_ON_PLATFORM = (
    "涉密项目不在管理平台报送（第十三条）",
    "a classified project is not filed on the platform (art. 13)",
)


def trial(started: date) -> Text:
    return f"系统已于 {started} 投入试运行", f"trial operation since {started}"


NO_TRIAL = ("报告时系统尚未投入试运行", "no trial operation when the report was made")
