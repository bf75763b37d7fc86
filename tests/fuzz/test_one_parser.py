"""One parser per format, the same answer on every path: ``evaluate``, ``batch`` (lines and folders), the API
(``load_project``, ``Project.model_validate_json``). Duplicate keys, invalid UTF-8, a BOM, the spelling of dates,
booleans and amounts are decided once (schemas/README.md, "Conventions") and hold everywhere."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tinghu_policy import InputError, Project, load_project
from tinghu_policy.yaml_input import MAX_DEPTH, load_json, load_yaml

from .largest import sample_project
from .strategies import FUZZ, count
from .test_cli import cli

tried = count("one parser")

BASE = sample_project()
AS_OF = "2026-03-16"


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def paths(tmp_path: Path, raw: bytes, suffix: str) -> dict[str, tuple[int, str]]:
    """``raw`` through every path: (0 accepted / non-zero refused, the message or error)."""
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))
    file = tmp_path / f"p{suffix}"
    file.write_bytes(raw)
    out: dict[str, tuple[int, str]] = {}
    status, _, err = cli(
        "evaluate", str(file), "--as-of", AS_OF, "--format", "json", "-o", str(tmp_path / "r.json")
    )
    out["evaluate"] = (status, err)
    folder = tmp_path / "folder"
    folder.mkdir(exist_ok=True)
    (folder / file.name).write_bytes(raw)
    out["batch folder"] = _batch(tmp_path, folder)
    if suffix == ".json":
        lines = tmp_path / "p.jsonl"
        lines.write_bytes(raw.replace(b"\n", b" ") + b"\n")
        out["batch line"] = _batch(tmp_path, lines)
        try:
            Project.model_validate_json(raw)
            out["model_validate_json"] = (0, "")
        except ValidationError as exc:
            out["model_validate_json"] = (1, str(exc))
    try:
        load_project(raw, name=file.name)
        out["load_project"] = (0, "")
    except InputError as exc:
        out["load_project"] = (1, str(exc))
    return out


def _batch(tmp_path: Path, source: Path) -> tuple[int, str]:
    out = tmp_path / "out.jsonl"
    status, _, err = cli("batch", str(source), "--as-of", AS_OF, "-o", str(out), "--no-summary")
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    return status, " ".join(line["error"] or "" for line in lines) + err


def all_refuse(results: dict[str, tuple[int, str]], *words: str) -> None:
    for path, (status, message) in results.items():
        assert status != 0, f"{path} accepted it"
        flat = " ".join(message.split())
        assert all(w in flat for w in words), f"{path}: {flat}"


def all_accept(results: dict[str, tuple[int, str]]) -> None:
    for path, (status, message) in results.items():
        assert status == 0, f"{path}: {message}"


# --- duplicate keys ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["top", "nested"])
def test_a_duplicate_key_is_refused_on_every_path(tmp_path: Path, where: str) -> None:
    """batch took the last of duplicate keys (ok=true), and so did Project.model_validate_json."""
    tried()
    if where == "top":
        text = _json(BASE)[:-1] + ', "id": "TH-OTHER"}'
    else:
        text = _json(BASE).replace('"level": "district"', '"level": "district", "level": "municipal"', 1)
    all_refuse(paths(tmp_path, text.encode(), ".json"), "appears twice")
    yaml_text = yaml.safe_dump(BASE, allow_unicode=True) + "id: TH-OTHER\n"
    all_refuse(paths(tmp_path, yaml_text.encode(), ".yaml"), "appears twice")


@FUZZ
@given(st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), min_size=1, max_size=5), st.data())
def test_any_duplicated_key_is_named_with_its_line(keys: dict[str, int], data: st.DataObject) -> None:
    tried()
    key = data.draw(st.sampled_from(sorted(keys)))
    body = ",\n".join(f"{json.dumps(k)}: {v}" for k, v in keys.items())
    text = "{\n" + body + f",\n{json.dumps(key)}: 0\n}}"
    with pytest.raises(InputError, match="appears twice") as caught:
        load_json(text, "x.json")
    assert f"line {len(keys) + 2}" in str(caught.value)
    assert repr(key) in str(caught.value)


# --- JSON is JSON -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("trailing comma", lambda t: t[:-1] + ",}"),
        ("comment", lambda t: "// a project\n" + t),
        ("unquoted key", lambda t: t.replace('"id"', "id", 1)),
        ("single quotes", lambda t: t.replace('"TH-2024-017"', "'TH-2024-017'", 1)),
        ("NaN", lambda t: t.replace('"1800000.00"', "NaN", 1)),
    ],
)
def test_a_json_file_is_json_on_every_path(tmp_path: Path, name: str, change: Any) -> None:
    """evaluate parsed .json as YAML: trailing commas, comments and unquoted keys passed there."""
    tried()
    all_refuse(paths(tmp_path, change(_json(BASE)).encode(), ".json"), "not valid JSON")


# --- encoding ---------------------------------------------------------------------------------------------


def test_invalid_utf8_is_refused_on_every_path_naming_the_line(tmp_path: Path) -> None:
    """batch decoded with errors="replace": invalid UTF-8 became U+FFFD and ok=true."""
    tried()
    raw = (
        _json(BASE).replace("亭湖区市场主体信用监管平台", "平台\udcff", 1).encode("utf-8", "surrogateescape")
    )
    results = paths(tmp_path, raw, ".json")
    all_refuse(results, "not UTF-8")
    yaml_raw = (
        yaml.safe_dump(BASE, allow_unicode=True)
        .replace("平台", "平台\udcff", 1)
        .encode("utf-8", "surrogateescape")
    )
    all_refuse(paths(tmp_path, yaml_raw, ".yaml"), "not UTF-8", "line ")


def test_a_bom_at_the_start_is_ignored_on_every_path(tmp_path: Path) -> None:
    """It was accepted by evaluate and refused by batch and the API; Windows editors write one."""
    tried()
    all_accept(paths(tmp_path, b"\xef\xbb\xbf" + _json(BASE).encode(), ".json"))
    all_accept(paths(tmp_path, b"\xef\xbb\xbf" + yaml.safe_dump(BASE, allow_unicode=True).encode(), ".yaml"))


def test_a_bom_inside_a_document_is_not_ignored(tmp_path: Path) -> None:
    tried()
    lines = tmp_path / "p.jsonl"
    lines.write_bytes(_json(BASE).encode() + b"\n\xef\xbb\xbf" + _json(BASE).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    status, _, _ = cli("batch", str(lines), "--as-of", AS_OF, "-o", str(out), "--no-summary")
    assert status == 1
    first, second = (json.loads(line) for line in out.read_text("utf-8").splitlines())
    assert first["ok"]
    assert not second["ok"]
    assert "line 2" in second["error"]


# --- dates, booleans, amounts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day", ["20250101", "2025W011", "2025-W01-1", "2025-1-1", "1735689600", "٢٠٢٥-٠١-٠١"]
)
def test_a_date_is_exactly_yyyy_mm_dd_in_files_and_options(tmp_path: Path, day: str) -> None:
    """--as-of 20250101 and --as-of 2025W011 (read as 2024-12-30) were accepted while files refused them."""
    tried()
    file = tmp_path / "p.json"
    file.write_text(_json(BASE), encoding="utf-8")
    for command in ("evaluate", "batch"):
        status, _, err = cli(command, str(file), "--as-of", day)
        assert status == 2, (command, err)
        assert "--as-of" in err
        assert "YYYY-MM-DD" in err
    case = {"as_of": day, "project": BASE}
    all_refuse(paths(tmp_path, _json(case).encode(), ".json"), "as_of")
    status, _, err = cli("evaluate", str(file), "--option", f"effective_date={day}")
    assert status == 2, err
    assert "effective_date" in err


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "True", "FALSE"])
def test_yaml_1_1_booleans_are_refused_naming_the_field(tmp_path: Path, word: str) -> None:
    """Strings "yes"/"true" became booleans."""
    tried()
    text = yaml.safe_dump(BASE, allow_unicode=True).replace(
        "produces_public_data: true", f"produces_public_data: {word}"
    )
    assert f"produces_public_data: {word}" in text
    all_refuse(paths(tmp_path, text.encode(), ".yaml"), "produces_public_data", "true or false")
    for value in (word, "true", 1):
        all_refuse(
            paths(tmp_path, _json({**BASE, "produces_public_data": value}).encode(), ".json"),
            "produces_public_data",
        )


def test_an_interpretation_flag_is_true_or_false(tmp_path: Path) -> None:
    tried()
    file = tmp_path / "p.json"
    file.write_text(_json(BASE), encoding="utf-8")
    assert (
        cli("evaluate", str(file), "--as-of", AS_OF, "--option", "D6=true", "-o", str(tmp_path / "o"))[0] == 0
    )
    status, _, err = cli("evaluate", str(file), "--as-of", AS_OF, "--option", "D6=yes")
    assert status == 2
    assert "year_end_rollover" in err
    assert "true or false" in err
    interpretation = tmp_path / "i.yaml"
    interpretation.write_text("year_end_rollover: on\n", encoding="utf-8")
    status, _, err = cli("evaluate", str(file), "--as-of", AS_OF, "--interpretation", str(interpretation))
    assert status == 2
    assert f"{interpretation}, line 1, field year_end_rollover" in " ".join(err.split())


def test_an_amount_in_a_file_is_read_exactly_from_its_text(tmp_path: Path) -> None:
    """A JSON or YAML number is read from its text (never through a binary float)."""
    tried()
    text = _json(BASE).replace('"1800000.00"', "1800000.10", 1)
    assert load_project(text.encode()).funding[0].amount == Decimal("1800000.10")
    assert load_project(text).funding[0].amount == Decimal("1800000.10")
    assert Project.model_validate_json(text).funding[0].amount == Decimal("1800000.10")
    yaml_text = yaml.safe_dump(BASE, allow_unicode=True).replace("'1800000.00'", "1800000.10")
    assert "amount: 1800000.10" in yaml_text
    assert load_project(yaml_text).funding[0].amount == Decimal("1800000.10")
    assert load_yaml("a: 0.1\nb: 1e2\nc: 7\n", "x")[0] == {"a": Decimal("0.1"), "b": Decimal("1E+2"), "c": 7}


@pytest.mark.parametrize("amount", [1800000.1, 0.1, 1.0])
def test_a_python_float_amount_is_refused_as_inexact(amount: float) -> None:
    """A float amount was accepted though the contract says a decimal string."""
    tried()
    with pytest.raises(ValidationError, match="not exact") as caught:
        Project.model_validate({**BASE, "funding": [{"source": "fiscal_budget", "amount": amount}]})
    assert caught.value.errors()[0]["loc"] == ("funding", 0, "amount")
    project = Project.model_validate(
        {**BASE, "funding": [{"source": "fiscal_budget", "amount": Decimal("0.1")}]}
    )
    assert project.funding[0].amount == Decimal("0.1")


# --- stdin ------------------------------------------------------------------------------------------------


def test_standard_input_is_json_when_it_starts_with_a_brace(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    tried()
    for text, ok in (
        ("\n  " + _json(BASE), True),
        ("\n  " + _json(BASE)[:-1] + ",}", False),  # JSON, so no trailing comma
        ("\n" + yaml.safe_dump(BASE), True),
    ):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        status, _, err = cli("evaluate", "-", "--as-of", AS_OF, "--format", "json")
        assert (status == 0) == ok, err
        if not ok:
            assert "<stdin>" in err
            assert "not valid JSON" in err


# --- nesting ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5000])
def test_deep_nesting_is_refused_by_both_parsers(depth: int) -> None:
    tried()
    with pytest.raises(InputError, match=r"nested|nesting"):
        load_json('{"a": ' + "[" * depth + "]" * depth + "}", "x.json")
    with pytest.raises(InputError, match=r"nested|nesting"):
        load_yaml("a: " + "[" * depth + "]" * depth + "\n", "x.yaml")


def test_a_lone_surrogate_in_text_is_refused() -> None:
    tried()
    with pytest.raises(InputError, match="surrogate"):
        load_project('{"id": "TH-\ud800"}')


def test_every_yes_no_field_of_the_facts_is_strict() -> None:
    """The facts models' ``bool`` fields are made strict when their class is created (facts/base.py): none is
    missed, whatever module adds it."""
    from tinghu_policy.facts.base import Facts

    def subclasses(cls: type[Facts]) -> list[type[Facts]]:
        return [cls, *(s for c in cls.__subclasses__() for s in subclasses(c))]

    def is_boolean(schema: dict[str, Any]) -> bool:
        return schema.get("type") == "boolean" or any(is_boolean(s) for s in schema.get("anyOf", ()))

    checked = 0
    for model in subclasses(Facts):
        properties = model.model_json_schema()["properties"] if model is not Facts else {}
        for name, schema in properties.items():
            if not is_boolean(schema):
                continue
            checked += 1
            validator = model.__pydantic_validator__
            for value in ("yes", "true", 1):
                with pytest.raises(ValidationError) as caught:
                    validator.validate_assignment(model.model_construct(), name, value)
                assert caught.value.errors()[0]["type"] == "bool_type", (model.__name__, name)
    assert checked > 50
