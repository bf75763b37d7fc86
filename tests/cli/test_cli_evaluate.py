"""``tinghu-policy evaluate``: the sample, the table and timeline, JSON against the schema, iCalendar, overrides."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
import yaml

from tinghu_policy import evaluate
from tinghu_policy.cli.ics import event_uid
from tinghu_policy.cli.inputs import EvaluationInput, parse_input, today_in_shanghai
from tinghu_policy.corpus import actual_findings, compare
from tinghu_policy.engine import Status
from tinghu_policy.interpretation import FinalAccountsCap, OverBoundary
from tinghu_policy.samples import SAMPLE_NAME, sample_text

from .support import ROOT, SAMPLE_AS_OF, report_validator, sample_case, sample_project_json, tinghu


def sample() -> EvaluationInput:
    return parse_input(sample_text(), SAMPLE_NAME)


def write(path: Path, data: object) -> str:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


# --- the sample ---------------------------------------------------------------------------------------------


def test_sample_gives_its_hand_worked_findings() -> None:
    """The due dates worked by hand in the sample's comment block (art. 11, 23, 27, 30)."""
    case = sample()
    assert case.as_of == SAMPLE_AS_OF
    assert case.expected
    report = evaluate(case.project, as_of=SAMPLE_AS_OF, interpretation=case.interpretation)
    assert compare(case.expected, actual_findings(report)) == []


def test_sample_timeline_has_the_overdue_final_accounts_and_the_pending_self_evaluation() -> None:
    case = sample()
    report = evaluate(case.project, as_of=SAMPLE_AS_OF)
    assert [(f.rule, f.status, f.due) for f in report.overdue()] == [
        ("art27.final_accounts", Status.OVERDUE, date(2026, 2, 28))
    ]
    upcoming = report.next_deadline()
    assert upcoming is not None
    assert (upcoming.rule, upcoming.due) == (
        "art30.self_evaluation",
        date(2026, 12, 1),
    )
    assert report.finding("art11.department_review", "round 1: audit_bureau").status is Status.LATE


def test_evaluate_sample_prints_findings_and_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample")
    assert ran.status == 0, ran.err
    out = ran.out
    for text in (
        "TH-2024-017",
        "Findings",
        "第十一条第一款第（三）项",
        "逾期完成",
        "Timeline",
        "已逾期 Overdue: 1",
    ):
        assert text in out
    timeline = out[out.index("Timeline") :]
    # open obligations by due date: the overdue final accounts first, then the self-evaluation
    assert timeline.index("2026-02-28") < timeline.index("2026-12-01")
    assert "第二十七条第四款" in timeline
    assert "第三十条" in timeline
    assert "Next deadline: 2026-12-01" in out
    assert "not-applicable findings hidden" in out


def test_table_all_lists_the_not_applicable_findings(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample", "--all")
    assert ran.status == 0
    assert "not_applicable" in ran.out
    assert "hidden" not in ran.out


# --- JSON -----------------------------------------------------------------------------------------------------


def test_json_is_the_report_and_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample", "--format", "json")
    assert ran.status == 0, ran.err
    document = json.loads(ran.out)
    errors = sorted(report_validator().iter_errors(document), key=str)
    assert not errors, errors[:3]
    case = sample()
    api = evaluate(case.project, as_of=SAMPLE_AS_OF, interpretation=case.interpretation)
    assert ran.out == api.to_json() + "\n"  # the CLI writes exactly the Python API's JSON
    assert document["as_of"] == "2026-03-16"
    assert document["project"] == "TH-2024-017"


def test_a_case_file_is_read_with_its_as_of_and_interpretation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = sample_case() | {
        "as_of": "2026-01-20",
        "interpretation": {"final_accounts_cap": "total_at_most_6_months"},
    }
    ran = tinghu(capsys, "evaluate", write(tmp_path / "case.yaml", case), "--format", "json")
    report = json.loads(ran.out)
    assert report["as_of"] == "2026-01-20"
    assert report["interpretation"]["final_accounts_cap"] == FinalAccountsCap.TOTAL_AT_MOST_6_MONTHS.value
    final = next(f for f in report["findings"] if f["rule"] == "art27.final_accounts")
    assert (final["status"], final["due"]) == ("pending", "2026-02-28")


def test_as_of_overrides_the_case_and_defaults_to_today_in_shanghai(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = tinghu(capsys, "evaluate", "--sample", "--as-of", "2025-01-06", "--format", "json")
    assert json.loads(ran.out)["as_of"] == "2025-01-06"
    bare = write(tmp_path / "project.yaml", sample_project_json())
    ran = tinghu(capsys, "evaluate", bare, "--format", "json")
    assert ran.status == 0, ran.err
    assert json.loads(ran.out)["as_of"] in {
        str(today_in_shanghai()),
        str(today_in_shanghai() - timedelta(days=1)),
    }


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(sample_project_json())))
    ran = tinghu(capsys, "evaluate", "-", "--as-of", "2026-03-16", "--format", "json")
    assert ran.status == 0, ran.err
    assert json.loads(ran.out)["project"] == "TH-2024-017"


# --- iCalendar ------------------------------------------------------------------------------------------------


def test_ics_lists_the_open_deadlines_as_all_day_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deadlines.ics"
    ran = tinghu(capsys, "evaluate", "--sample", "--format", "ics", "--output", str(out))
    assert ran.status == 0, ran.err
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = {str(e["X-TINGHU-RULE"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"art27.final_accounts", "art30.self_evaluation"}
    final, self_evaluation = events["art27.final_accounts"], events["art30.self_evaluation"]
    assert final.decoded("DTSTART") == date(2026, 2, 28)  # a date: an all-day event
    assert final.decoded("DTEND") == date(2026, 3, 1)
    assert self_evaluation.decoded("DTSTART") == date(2026, 12, 1)
    assert "第二十七条第四款" in str(final["SUMMARY"])
    assert "项目单位" in str(final["SUMMARY"])
    assert "art27.final_accounts" in str(final["DESCRIPTION"])
    assert "24:00 Asia/Shanghai" in str(final["DESCRIPTION"])
    assert str(final["UID"]) == event_uid("TH-2024-017", "art27.final_accounts", None)


def test_ics_uids_are_stable_so_a_later_report_updates_the_same_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def uids(as_of: str) -> dict[str, str]:
        ran = tinghu(capsys, "evaluate", "--sample", "--as-of", as_of, "--format", "ics")
        assert ran.status == 0, ran.err
        calendar = icalendar.Calendar.from_ical(ran.out.encode("utf-8"))
        return {str(e["X-TINGHU-RULE"]): str(e["UID"]) for e in calendar.walk("VEVENT")}

    before, after = uids("2026-02-10"), uids("2026-03-16")  # final accounts pending, then overdue
    assert before["art27.final_accounts"] == after["art27.final_accounts"]
    assert len(set(after.values())) == len(after)
    assert event_uid("P", "art11.department_review", "round 1: audit_bureau") != event_uid(
        "P", "art11.department_review", "round 1: finance_bureau"
    )


# --- interpretation overrides, calendar overlays, errors ------------------------------------------------------


def test_option_overrides_a_decision_by_field_or_decision_id(capsys: pytest.CaptureFixture[str]) -> None:
    for option in ("serious_overdue_boundary=at_least", "D5=at_least"):
        ran = tinghu(capsys, "evaluate", "--sample", "--option", option, "--format", "json")
        assert ran.status == 0, ran.err
        assert (
            json.loads(ran.out)["interpretation"]["serious_overdue_boundary"] == OverBoundary.AT_LEAST.value
        )


def test_an_unknown_option_name_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample", "--option", "serious_overdue_boundry=at_least")
    assert ran.status == 2
    assert "serious_overdue_boundry" in ran.message
    assert "did you mean serious_overdue_boundary" in ran.message


def test_an_invalid_option_value_exits_2_naming_the_field(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample", "--option", "D5=sometimes")
    assert ran.status == 2
    assert "--option, field serious_overdue_boundary" in ran.message


def test_interpretation_file_errors_name_the_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "interp.yaml"
    path.write_text("month_end: clamp\nfinal_accounts_cap: forever\n", encoding="utf-8")
    ran = tinghu(capsys, "evaluate", "--sample", "--interpretation", str(path))
    assert ran.status == 2
    assert f"{path}, line 2, field final_accounts_cap" in ran.message
    path.write_text("final_accounts_cap: total_at_most_6_months\n", encoding="utf-8")
    ran = tinghu(capsys, "evaluate", "--sample", "--interpretation", str(path), "--format", "json")
    assert json.loads(ran.out)["interpretation"]["final_accounts_cap"] == "total_at_most_6_months"


def test_invalid_facts_exit_2_naming_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = sample_project_json()
    project["owner"]["level"] = "galactic"
    path = write(tmp_path / "bad.yaml", project)
    ran = tinghu(capsys, "evaluate", path)
    assert ran.status == 2
    line = next(
        n for n, text in enumerate(Path(path).read_text("utf-8").splitlines(), 1) if "galactic" in text
    )
    assert f"{path}, line {line}, field owner.level" in ran.message


def test_file_and_sample_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    both = tinghu(capsys, "evaluate", "--sample", "x.yaml")
    assert both.status == 2
    assert "not both" in both.err
    neither = tinghu(capsys, "evaluate")
    assert neither.status == 2
    assert "nothing to evaluate" in neither.err
    assert "not both" not in neither.err


def test_calendar_overlay_supplies_a_year_beyond_the_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Acceptance passed 2026-11-20: the final accounts fall due in 2027, which only an overlay decides (D12)."""
    project = sample_project_json()
    project["acceptance"] |= {"passed": "2026-11-20", "filing": {"filed": "2026-11-25"}}
    project["operation"] = {"started": "2026-11-23"}
    path = write(tmp_path / "late.yaml", project)
    ran = tinghu(capsys, "evaluate", path, "--as-of", "2026-12-01", "--format", "json")
    assert ran.status == 0, ran.err
    final = next(f for f in json.loads(ran.out)["findings"] if f["rule"] == "art27.final_accounts")
    # no guessed due date beyond the data (D12): pending, due no earlier than the corresponding day 2027-02-20
    assert (final["status"], final["due"]) == ("pending", None)
    assert "2027-02-20" in final["note_zh"]
    template = (ROOT / "tests/periods/fixtures/fictional-first-uncovered-year.yaml.tmpl").read_text("utf-8")
    overlay = tmp_path / "2027.yaml"
    overlay.write_text(template.replace("$year", "2027").replace("$previous", "2026"), encoding="utf-8")
    ran = tinghu(
        capsys,
        "evaluate",
        path,
        "--as-of",
        "2026-12-01",
        "--format",
        "json",
        "--calendar-overlay",
        str(overlay),
    )
    assert ran.status == 0, ran.err
    final = next(f for f in json.loads(ran.out)["findings"] if f["rule"] == "art27.final_accounts")
    # 3 months from Fri 2026-11-20 → Sat 2027-02-20, a rest day in the overlay's year → rolls to Mon 2027-02-22 (D4)
    assert (final["status"], final["due"]) == ("pending", "2027-02-22")
    assert (
        tinghu(capsys, "evaluate", "--sample", "--calendar-overlay", str(tmp_path / "missing.yaml")).status
        == 2
    )


def test_the_table_warns_of_a_fact_dated_after_as_of(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A mistyped year (2052 for 2025) is read as a future fact: the table says so instead of hiding it."""
    project = sample_project_json()
    project["acceptance"]["passed"] = "2052-11-28"
    source = tmp_path / "typo.json"
    source.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    ran = tinghu(capsys, "evaluate", str(source), "--as-of", str(SAMPLE_AS_OF))
    assert ran.status == 0, ran.err
    shown = " ".join(ran.out.split())
    assert "晚于评估日" in shown
    assert "2052-11-28" in shown


# --- input and output (issue #17) ---------------------------------------------------------------------------


def test_after_the_table_one_line_says_what_to_try_next(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--sample")
    last = ran.out.strip().splitlines()[-1]
    # the sample's worst finding: the overdue final accounts of art. 27(4)
    assert last == (
        "Next: tinghu-policy explain art27.final_accounts · tinghu-policy show art27.p4 · --format json for "
        "every check"
    )
    assert tinghu(capsys, "explain", "art27.final_accounts").status == 0
    assert tinghu(capsys, "show", "art27.p4").status == 0


def test_json_and_ics_output_carry_no_hint(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("json", "ics"):
        ran = tinghu(capsys, "evaluate", "--sample", "--format", fmt)
        assert "Next:" not in ran.out
        assert "Next:" not in ran.err


def test_a_table_to_a_file_is_written_whole_and_the_hint_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.txt"
    ran = tinghu(capsys, "evaluate", "--sample", "-o", str(out))
    assert ran.status == 0, ran.err
    assert ran.out == ""
    assert "Findings" in out.read_text("utf-8")
    assert f"wrote {out}" in ran.message
    assert "Next: tinghu-policy explain" in ran.message


def test_the_help_states_the_limits(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "evaluate", "--help")
    flat = " ".join(ran.out.split())
    for limit in (
        "2,000,000 bytes",
        "300 characters",
        "2000-2100",
        "YYYY-MM-DD",
        "true/false",
        ".json file is JSON",
    ):
        assert limit in flat, limit


def test_a_json_file_is_read_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate parsed .json as YAML: a trailing comma, a comment or an unquoted key passed."""
    text = json.dumps(sample_project_json(), ensure_ascii=False)
    for bad in (text[:-1] + ",}", "# comment\n" + text, text.replace('"id"', "id", 1)):
        path = tmp_path / "p.json"
        path.write_text(bad, encoding="utf-8")
        ran = tinghu(capsys, "evaluate", str(path), "--as-of", "2026-03-16")
        assert ran.status == 2
        assert ran.message.startswith(f"error: {path}, line ")
        assert "not valid JSON" in ran.message
    yaml_path = tmp_path / "p.yaml"
    yaml_path.write_text(text[:-1] + ",}", encoding="utf-8")  # YAML's flow mappings allow it
    assert tinghu(capsys, "evaluate", str(yaml_path), "--as-of", "2026-03-16").status == 0


def test_a_case_file_with_another_suffix_is_read_by_its_first_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "project.txt"
    path.write_text(json.dumps(sample_project_json()), encoding="utf-8")
    assert tinghu(capsys, "evaluate", str(path), "--as-of", "2026-03-16").status == 0
    path.write_text(yaml.safe_dump(sample_project_json()), encoding="utf-8")
    assert tinghu(capsys, "evaluate", str(path), "--as-of", "2026-03-16").status == 0


def test_an_estimated_due_date_is_marked_provisional_in_the_table_and_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With D12 statutory_estimate the final accounts fall due in 2027 on estimated rest days: the table names the
    year and how it was estimated, and the calendar event is TENTATIVE with the year."""
    project = sample_project_json()
    project["acceptance"] |= {"passed": "2026-11-20", "filing": {"filed": "2026-11-25"}}
    project["operation"] = {"started": "2026-11-23"}
    path = write(tmp_path / "late.yaml", project)
    args = ("evaluate", path, "--as-of", "2026-12-01", "--option", "D12=statutory_estimate")
    ran = tinghu(capsys, *args)
    assert ran.status == 0, ran.err
    shown = "".join(ran.out.split())
    assert "2027年官方节假日安排尚未公布，相关期限按法定节假日估算（D12）" in shown
    assert "2027-02-22（临时·2027年估算）" in shown or "2027-02-22临时·2027年估算" in shown
    ran = tinghu(capsys, *args, "--format", "ics")
    assert ran.status == 0, ran.err
    events = {str(e["x-tinghu-rule"]): e for e in icalendar.Calendar.from_ical(ran.out).walk("VEVENT")}
    final = events["art27.final_accounts"]
    assert (final.decoded("dtstart"), str(final["status"])) == (date(2027, 2, 22), "TENTATIVE")
    assert str(final["x-tinghu-estimated-years"]) == "2027"
    assert str(final["description"]).startswith("临时期限：依据2027年估算的节假日（D12）")
    report = json.loads(tinghu(capsys, *args, "--format", "json").out)
    provisional = {f["rule"] for f in report["findings"] if f["provisional"] and f["due"]}
    tentative = {rule for rule, e in events.items() if str(e.get("status")) == "TENTATIVE"}
    assert tentative == provisional
    assert report["calendar_years_estimated"] == [2027]
