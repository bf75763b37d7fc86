"""A report's JSON is the contract: it carries citations and explanations, and it reads back into the same report."""

from __future__ import annotations

import json
from datetime import date

from tinghu_policy import Report
from tinghu_policy.corpus import Case, discover
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


def test_to_json_is_exactly_what_pydantic_serialises() -> None:
    """``to_json()`` encodes plain data by hand (issue #20): a field added to a model and forgotten there shows here."""
    runs = [_sample_report, *(c.case.run for c in discover()[::10])]
    for run in runs:
        expected = run().model_dump_json(indent=2)
        assert run().to_json() == expected  # a fresh report: to_json reads the unrendered verdicts
        assert run().to_json(indent=None) == run().model_dump_json()
        again = Report.model_validate_json(expected)  # rendered findings and checks: the other path
        assert again.to_json() == again.model_dump_json(indent=2) == expected
