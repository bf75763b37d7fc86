"""Explanations a legal officer can sign: the provision, the party, the start, the due date, the facts, the
conclusion — in Chinese with names, never codes; dates compared with 不晚于, amounts with 不超过; a condition whose act
has not happened shown as such; 民法典 第二百零三条第二款 quoted whole.

The checks stay data; these tests read only the rendering (``Finding.explanation_zh`` / ``explanation_en``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tinghu_policy import Finding, Interpretation, Project, evaluate
from tinghu_policy.conformance import load_corpus
from tinghu_policy.engine import Report, Status
from tinghu_policy.names import VOCABULARIES

BASE: dict[str, Any] = {
    "id": "T-EXPLAIN",
    "name": "说明测试项目",
    "owner": {"name": "区数据局", "level": "district", "kind": "party_government"},
    "category": "software_development",
    "funding": [{"source": "fiscal_budget", "amount": "1000000.00"}],
}


def report(as_of: date, interpretation: Interpretation | None = None, **facts: Any) -> Report:
    return evaluate(Project.model_validate({**BASE, **facts}), as_of=as_of, interpretation=interpretation)


CODES = {code for names in VOCABULARIES.values() for code in names if "_" in code}
"""Codes a reader could mistake for words: the snake_case ones of every vocabulary."""
_PATHS = re.compile(r"（[\x21-\x7e]+）")


def _reader_text(finding: Finding) -> str:
    """The Chinese explanation without the fact paths printed beside their Chinese names for whoever supplies them."""
    return _PATHS.sub("", finding.explanation_zh)


CASES = load_corpus()


@pytest.mark.parametrize("loaded", CASES, ids=[c.id for c in CASES])
def test_no_code_reaches_a_chinese_reader(loaded: Any) -> None:
    for finding in loaded.case.run().findings:
        words = set(re.findall(r"[a-z]+(?:_[a-z]+)+", _reader_text(finding)))
        assert not words & CODES, f"{finding.rule} [{finding.subject}]: {sorted(words & CODES)}"


def test_a_subject_and_a_party_read_in_chinese() -> None:
    found = report(
        date(2025, 11, 30),
        review=[
            {
                "received": "2025-10-09",
                "sent_to_departments": "2025-10-20",
                "department_opinions": {"committee_office": "2025-10-21"},
            }
        ],
    ).finding("art11.department_review", "round 1: committee_office")
    assert found.subject_zh == "第1轮：区委办"
    assert "（第1轮：区委办）。义务方：区委办。" in found.explanation_zh
    assert "(round 1: General Office of the District Committee)" in found.explanation_en


def test_dates_are_not_later_than_and_amounts_not_more_than() -> None:
    overrun = report(
        date(2026, 3, 1),
        Interpretation(serious_overrun_percent=3),
        approval={"approved": "2025-01-10", "approved_budget": "1000000.00"},
        implementation={"actual_expenditure": "1100000.00"},
    ).finding("art37.cost_overrun")
    assert "应不超过1030000" in overrun.explanation_zh
    assert "at most 1030000" in overrun.explanation_en
    accepted = report(
        date(2026, 3, 1), acceptance={"completed": "2025-05-10", "passed": "2025-09-20"}
    ).finding("art27.acceptance")
    assert "竣工验收合格应不晚于2025-11-10，实为2025-09-20" in accepted.explanation_zh
    assert "不晚于/不超过" not in accepted.explanation_zh


def test_the_start_reads_as_a_start_and_the_due_day_ends_as_the_civil_code_says() -> None:
    accepted = report(date(2025, 9, 1), acceptance={"completed": "2025-05-10"}).finding("art27.acceptance")
    assert "起算：2025-05-10 项目建成。期限：2025-11-10" in accepted.explanation_zh
    assert "截至评估日已发生" not in accepted.explanation_zh
    assert "有业务时间的，停止业务活动的时间为截止时间" in accepted.explanation_zh
    assert accepted.explanation_zh.endswith("结论：未到期。")


def test_a_duty_without_a_period_is_pending_without_a_due_date() -> None:
    found = report(
        date(2025, 12, 1),
        implementation={
            "works_started": "2025-03-03",
            "incidents": [{"kind": "security_hazard", "occurred": "2025-06-10"}],
        },
    ).finding("art19.incident_filed", "incident 1")
    assert (found.status, found.due) == (Status.PENDING, None)
    assert found.status_zh == "待履行（无期限）"
    assert "未到期" not in found.explanation_zh
    assert found.explanation_zh.endswith("结论：待履行（无期限）。")


def test_a_condition_whose_act_has_not_happened_is_not_shown_as_failed() -> None:
    found = report(date(2025, 12, 1)).finding("art12.funds_and_works_need_approval", "works")
    assert found.status is Status.HOLDS
    assert "已履行审批程序：否" in found.explanation_zh
    assert "应为" not in found.explanation_zh
    assert "不得实施：条件不满足，该行为不得发生" in found.explanation_zh
    approved = report(
        date(2025, 12, 1),
        review=[{"received": "2025-01-06", "final_opinion": "2025-02-20"}],
        approval={"approved": "2025-03-03", "approved_by": "data_bureau"},
    ).finding("art12.funds_and_works_need_approval", "works")
    assert "已履行审批程序：是" in approved.explanation_zh
    assert "该行为尚未发生，不构成违反" in approved.explanation_zh


def test_a_code_in_a_check_reads_as_its_name() -> None:
    found = report(
        date(2025, 12, 1), approval={"approved": "2025-03-03", "approved_by": "development_reform"}
    ).finding("art14.approved_by_data_bureau")
    assert found.status is Status.FAILS
    assert "审批单位应为区数据局，实为区发改委" in found.explanation_zh


def test_the_second_limb_of_art24_reads_in_due_course_as_the_bureaus_adjustment() -> None:
    found = report(
        date(2026, 1, 10),
        implementation={"preliminary_design_approved": "2025-03-03"},
    ).finding("art24.not_started_report")
    assert "“适时”修饰三部门的调整" in found.explanation_zh
    assert "及时" not in found.explanation_zh


def test_a_fact_dated_after_as_of_is_listed_not_silently_dropped() -> None:
    typo = report(
        date(2026, 3, 16),
        acceptance={"completed": "2025-09-26", "passed": "2052-11-28"},
    )
    assert [(f.fact, f.day) for f in typo.facts_after_as_of] == [("acceptance.passed", date(2052, 11, 28))]
    assert typo.facts_after_as_of[0].name_zh == "竣工验收 › 竣工验收合格日期（验收结论日期）"
    assert '"facts_after_as_of"' in typo.to_json()
    # the mistyped pass is not read: the acceptance shows as still to come, and the list says why
    assert typo.finding("art27.acceptance").status is Status.PENDING
