"""The Chinese readings (解读) of the rule modules, ``docs/readings/<module>.yaml``, kept in step with the code.

Fast: no site build. The files are read with the site generator's own reader (``sitegen/readings.py``). Every rule
module has a file; every rule of the catalogue has a non-empty reading, in its module's file, and no reading names
a rule that does not exist; every decision a rule declares, and every decision its English docstring names, is
named in its reading (the same for a module's docstring and its reading); a reader meets Chinese, not the
library's code names (a party's or an enum value's code, an English status) and no reStructuredText.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from tinghu_policy.engine import Rule, catalogue, tables
from tinghu_policy.engine.rule import NON_RETROACTIVITY

from .support import ROOT, hooks_module

READINGS = ROOT / "docs" / "readings"
RULES = catalogue()
MODULES = sorted({r.module for r in RULES} | {t.module for t in tables()})
"""Every module of ``tinghu_policy.rules`` that registers a rule or a table."""

DECISION = re.compile(r"(?<![A-Za-z0-9])D\d{1,2}(?!\d)")
RULE_ID = re.compile(r"\bart\d+\.[a-z][a-z0-9_]*")
PARENTHESES = re.compile(r"[（(][^（）()]*[）)]")
CODE_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\[\]]*")
"""Inside parentheses a code may follow the Chinese — （申报审核 › 退回申请，review[n].returned）, 默认（returned_by_notice）,
（开工建设日期，implementation.works_started）: the one place a code name may appear."""
CODE_NAMES = {
    "a snake_case code name (party, enum value, field, function)": re.compile(r"\b[a-z]+_[a-z0-9_]+\b"),
    "an UPPER_CASE enum member": re.compile(r"\b[A-Z]+_[A-Z0-9_]+\b"),
    "an English status": re.compile(r"\b(?:HOLDS|FAILS|PENDING|NOTICE|UNDETERMINED|OVERDUE|MET|LATE)\b"),
    "a class or module path (Party.X, facts.OmPlan)": re.compile(r"\b[A-Za-z]+\.[A-Z][A-Za-z_]+\b"),
}
RST = {
    "``literal``": re.compile(r"``"),
    ":role:`…`": re.compile(r":[a-z]+:`"),
    "a `::` block": re.compile(r"\S::\s*$", re.M),
}
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def reader() -> ModuleType:
    module: ModuleType = hooks_module("sitegen.readings")
    return module


@cache
def raw(module: str) -> dict[str, object]:
    """A reading file as YAML (the site's reader is checked to give the same)."""
    import yaml

    path = READINGS / f"{module.rsplit('.', 1)[-1]}.yaml"
    if not path.is_file():
        pytest.fail(
            f"{module}: no reading — write {path.relative_to(ROOT)} (its module docstring and each rule's)"
        )
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), f"{path.name}: a mapping with 'module' and 'rules'"
    return loaded


def rules_of(module: str) -> list[Rule]:
    return [r for r in RULES if r.module == module]


def declared(rule: Rule) -> tuple[str, ...]:
    """The decisions written in the rule's ``@rule(..., decisions=...)`` (the engine adds D13 to every rule that
    judges an act; a reading names it only where the rule lists it itself)."""
    source = Path(inspect.getfile(sys.modules[rule.module])).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "rule"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == rule.id
        ):
            for keyword in node.keywords:
                if keyword.arg == "decisions":
                    try:
                        value = ast.literal_eval(keyword.value)
                    except ValueError:
                        return rule.decisions
                    return tuple(value)
            return ()
    return tuple(d for d in rule.decisions if d != NON_RETROACTIVITY)


def named(text: str) -> set[str]:
    return set(DECISION.findall(text))


def problems_of(where: str, reading: str) -> list[str]:
    """What a reader must not meet in a reading: code names outside parentheses, reST, a reading not in Chinese."""
    found = []
    for name, pattern in RST.items():
        if pattern.search(reading):
            found.append(f"{where}: reStructuredText ({name})")
    for rule_id in RULE_ID.findall(reading):
        if rule_id.rstrip("._") not in {r.id for r in RULES}:
            found.append(f"{where}: names the rule {rule_id}, which does not exist")
    prose = PARENTHESES.sub(lambda m: CODE_TOKEN.sub("", m.group(0)), RULE_ID.sub("", reading))
    for name, pattern in CODE_NAMES.items():
        match = pattern.search(prose)
        if match:
            around = prose[max(0, match.start() - 20) : match.end() + 20].replace("\n", " ")
            found.append(f"{where}: {name} outside parentheses: …{around}…")
    if len(HAN.findall(prose)) < len(LATIN.findall(prose)):
        found.append(f"{where}: not in Chinese (more Latin letters than Chinese characters)")
    return found


@pytest.mark.parametrize("module", MODULES)
def test_every_rule_module_has_a_reading(module: str) -> None:
    """The file exists and opens with a comment naming the module it renders; its ``module`` reading is not
    empty; its rules are exactly the module's rules, each with a reading; the site's reader reads the same."""
    data = raw(module)
    path = READINGS / f"{module.rsplit('.', 1)[-1]}.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#"), f"{path.name}: the first line is a comment naming the module it renders"
    assert module.replace(".", "/") + ".py" in first, f"{path.name}: the first comment names another module"
    assert isinstance(data.get("module"), str), f"{path.name}: no module reading"
    assert str(data["module"]).strip(), f"{path.name}: the module reading is empty"
    written = data.get("rules") or {}
    assert isinstance(written, dict), f"{path.name}: 'rules' maps rule ids to readings"
    expected = {r.id for r in rules_of(module)}
    unknown = sorted(set(written) - expected)
    assert not unknown, (
        f"{path.name}: readings of rules that are not this module's (or do not exist): {unknown}"
    )
    missing = sorted(expected - set(written))
    assert not missing, f"{path.name}: no reading for {missing}"
    for rule_id, reading in written.items():
        assert isinstance(reading, str), f"{path.name}: {rule_id}'s reading is not text"
        assert reading.strip(), f"{path.name}: {rule_id}'s reading is empty"
    loaded = reader().of_module(module)
    assert loaded is not None
    assert loaded.module == str(data["module"]).strip()
    assert set(loaded.rules) == set(written)


def digest(doc: str) -> str:
    """The first 12 hex digits of the sha256 of a docstring as Python cleans it (``inspect.cleandoc``)."""
    return hashlib.sha256(inspect.cleandoc(doc).encode("utf-8")).hexdigest()[:12]


def english_digests(module: str) -> dict[str, str]:
    """What a module's readings render: the digest of its docstring (``module``) and of each rule's."""
    return {"module": digest(inspect.getdoc(sys.modules[module]) or "")} | {
        r.id: digest(r.function.__doc__ or "") for r in rules_of(module)
    }


@pytest.mark.parametrize("module", MODULES)
def test_a_reading_renders_the_docstring_as_it_is_now(module: str) -> None:
    """``translated_from`` records the digest of the English each reading renders: a docstring changed since fails
    here until its Chinese reading is brought up to date and the new digest (printed below) is copied in."""
    recorded = raw(module).get("translated_from") or {}
    assert isinstance(recorded, dict), (
        f"{module}: 'translated_from' maps 'module' and each rule id to a digest"
    )
    now = english_digests(module)
    stale = {key: value for key, value in now.items() if recorded.get(key) != value}
    assert not stale, (
        f"{module}: the English of {sorted(stale)} changed since its reading was written (or has no digest): "
        f"update the reading, then set translated_from to {stale}"
    )
    assert set(recorded) == set(now), (
        f"{module}: digests of what is not in the module: {set(recorded) - set(now)}"
    )


def test_no_reading_for_a_module_that_does_not_exist() -> None:
    stems = {m.rsplit(".", 1)[-1] for m in MODULES}
    strays = sorted(p.name for p in READINGS.glob("*.yaml") if p.stem not in stems)
    assert not strays, f"readings of no rule module: {strays}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_a_rule_reading_names_its_decisions(rule: Rule) -> None:
    """Every decision the rule declares, and every one its docstring names, is named (by id) in its reading."""
    written = raw(rule.module).get("rules") or {}
    assert isinstance(written, dict)
    reading = str(written.get(rule.id) or "")
    assert reading.strip(), f"{rule.id}: no reading"
    owed = set(declared(rule)) | named(rule.doc)
    missing = sorted(owed - named(reading), key=lambda d: int(d[1:]))
    assert not missing, f"{rule.id}: its reading does not name {missing} (declared or named by the docstring)"


@pytest.mark.parametrize("module", MODULES)
def test_a_module_reading_names_the_decisions_its_docstring_names(module: str) -> None:
    reading = str(raw(module).get("module") or "")
    doc = inspect.getdoc(sys.modules[module]) or ""
    missing = sorted(named(doc) - named(reading), key=lambda d: int(d[1:]))
    assert not missing, f"{module}: its reading does not name {missing}, which the module docstring names"


@pytest.mark.parametrize("module", MODULES)
def test_a_reading_shows_no_code_names_and_no_markup(module: str) -> None:
    data = raw(module)
    stem = module.rsplit(".", 1)[-1]
    found = problems_of(f"{stem}: module", str(data.get("module") or ""))
    written = data.get("rules") or {}
    assert isinstance(written, dict)
    for rule_id, reading in written.items():
        found += problems_of(f"{stem}: {rule_id}", str(reading))
    assert not found, "\n".join(found)


def test_the_checks_catch_what_they_are_for() -> None:
    """The code-name and markup checks find what they look for, and let a parenthesised field path through."""
    assert problems_of("x", "区数据局在5个工作日内给予初审意见（review[n].initial_opinion.issued）。") == []
    assert problems_of("x", "默认（returned_by_notice）：以区数据局实际退回申请为准。") == []
    assert problems_of("x", "自开工之日（开工建设日期，implementation.works_started）起算。") == []
    assert problems_of("x", "由 art11.application_return 判断是否符合规定的退回。") == []
    for bad in (
        "义务方为 data_bureau。",
        "结论为 NOT_APPLICABLE，不适用本规则。",
        "结论为 HOLDS，符合本条规定。",
        "见 ``planning.plans`` 字段。",
        "见 :func:`returned_on` 的说明。",
        "由 art11.no_such_rule 判断是否符合。",
        "The rule reads the clause as a whole.",
    ):
        assert problems_of("x", bad), bad
