"""A report's JSON is the contract: it carries citations and explanations, and it reads back into the same report."""

from __future__ import annotations

import json
from datetime import date

from tinghu_policy import Report
from tinghu_policy.corpus import Case
from tinghu_policy.samples import sample_text
from tinghu_policy.yaml_input import parse


def _sample_report() -> Report:
    return parse(Case, sample_text(), "sample").run()


def test_report_json_reads_back_into_an_equal_report() -> None:
    report = _sample_report()
    text = report.to_json()
    again = Report.model_validate_json(text)
    assert again == report
    assert again.to_json() == text


def test_report_json_carries_citations_and_explanations() -> None:
    report = _sample_report()
    data = json.loads(report.to_json())
    finding = next(f for f in data["findings"] if f["rule"] == "art11.initial_opinion")
    assert finding["citation_zh"] == "第十一条第一款第（二）项"
    assert finding["citation_en"] == "Art. 11(1)(ii)"
    assert "初审意见" in finding["explanation_zh"]
    assert "。。" not in finding["explanation_zh"]
    assert ".." not in finding["explanation_en"]
    assert data["format_version"] == "2.0"
    assert date.fromisoformat(data["as_of"]) == report.as_of
