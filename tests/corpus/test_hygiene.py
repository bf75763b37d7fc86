"""Corpus hygiene: every case file validates, is named and placed by convention, cites provisions and rules that
exist, differs from every other case, and carries its hand-worked comment at the top (every expected due date
worked out there)."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from tinghu_policy.corpus import CaseFile, discover
from tinghu_policy.engine import catalogue
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.provisions import registry

FILES = discover()
IDS = [f.id for f in FILES]
RULES = {r.id: r.provision for r in catalogue()}
NAME = re.compile(r"^(?:art(?P<article>[1-9]\d*)|[a-z]+(?:-[a-z]+)*)/[a-z0-9]+(?:-[a-z0-9]+)*$")
"""``art<N>/<kebab-case-name>``, or a topic folder across articles (e.g. ``lifecycle/``)."""


def _valid(files: list[CaseFile]) -> list[CaseFile]:
    out = []
    for f in files:
        try:
            f.case  # noqa: B018  (loads and validates)
        except TinghuPolicyError:
            continue
        out.append(f)
    return out


VALID = _valid(FILES)


@pytest.mark.parametrize("case_file", FILES, ids=IDS)
def test_case_file_validates(case_file: CaseFile) -> None:
    """On failure the message names the file, the line and the field (tinghu_policy.yaml_input)."""
    try:
        case_file.case  # noqa: B018
    except TinghuPolicyError as exc:
        pytest.fail(str(exc), pytrace=False)


def test_case_ids_are_unique_and_follow_the_naming_convention() -> None:
    """``corpus/art<N>/<kebab-case-name>.yaml`` (or a topic folder); ids differing only in letter case would clash
    on some disks."""
    assert FILES, "the corpus is empty"
    folded: dict[str, list[str]] = defaultdict(list)
    for case_id in IDS:
        folded[case_id.casefold()].append(case_id)
    assert not {k: v for k, v in folded.items() if len(v) > 1}
    assert [i for i in IDS if not NAME.match(i)] == []


@pytest.mark.parametrize("case_file", VALID, ids=[f.id for f in VALID])
def test_case_cites_existing_provisions_and_rules_of_its_article(case_file: CaseFile) -> None:
    case = case_file.case
    unknown_provisions = [p for p in case.provisions if p not in registry()]
    assert not unknown_provisions, f"{case_file.path}: unknown provision ids {unknown_provisions}"
    unknown_rules = [e.rule for e in case.expected if e.rule not in RULES]
    assert not unknown_rules, f"{case_file.path}: unknown rule ids {unknown_rules}"
    match = NAME.match(case_file.id)
    assert match is not None
    if match["article"]:
        article = f"art{match['article']}"
        cited = {p.split(".")[0] for p in case.provisions} | {
            RULES[e.rule].split(".")[0] for e in case.expected
        }
        assert article in cited, f"{case_file.path}: in folder {article} but exercises only {sorted(cited)}"


def test_expected_findings_are_not_listed_twice() -> None:
    twice = []
    for f in VALID:
        keys = [(e.rule, e.subject) for e in f.case.expected]
        twice += [f"{f.id}: {key}" for key in set(keys) if keys.count(key) > 1]
    assert twice == []


def test_no_two_cases_are_identical() -> None:
    """Same facts, same as_of and same interpretation: one of the two adds nothing."""
    seen: dict[str, list[str]] = defaultdict(list)
    for f in VALID:
        case = f.case
        key = "|".join(
            (case.project.model_dump_json(), case.as_of.isoformat(), case.interpretation.model_dump_json())
        )
        seen[key].append(f.id)
    assert [ids for ids in seen.values() if len(ids) > 1] == []


def _top_comment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if line.startswith("#"):
            lines.append(line.lstrip("#").strip())
        elif line.strip():
            break
    return "\n".join(lines)


def _written_forms(day: date) -> tuple[str, ...]:
    return (
        day.isoformat(),
        day.strftime("%m-%d"),
        f"{day.month}-{day.day}",
        f"{day.month}月{day.day}日",
        day.strftime("%m/%d"),
        f"{day.month}/{day.day}",
    )


@pytest.mark.parametrize("case_file", VALID, ids=[f.id for f in VALID])
def test_case_opens_with_its_hand_worked_comment(case_file: CaseFile) -> None:
    """A comment block before the first key shows the work; every expected due date is worked out in it."""
    comment = _top_comment(case_file.path.read_text(encoding="utf-8"))
    assert len(comment) >= 20, f"{case_file.path}: no hand-worked comment at the top"
    unworked = sorted(
        {
            str(e.due)
            for e in case_file.case.expected
            if e.due is not None and not any(form in comment for form in _written_forms(e.due))
        }
    )
    assert not unworked, f"{case_file.path}: expected due dates not worked out in the top comment: {unworked}"
