"""``tinghu-policy batch``: one line per project in input order, broken lines reported, jobs, schema, summary."""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.pool
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from tinghu_policy.cli import batch
from tinghu_policy.cli.portfolio import BatchLine

from .support import report_validator, sample_project_json, tinghu


def portfolio(tmp_path: Path) -> tuple[Path, list[str]]:
    """A JSON-lines portfolio with good, blank, broken and request lines; returns it and its lines."""
    good = sample_project_json()
    early = json.loads(json.dumps(good))
    early["id"] = "TH-EARLY"
    for key in ("approval", "implementation", "acceptance", "operation", "om_plans"):
        early.pop(key, None)
    bad_level = json.loads(json.dumps(good))
    bad_level["id"] = "TH-BAD"
    bad_level["owner"]["level"] = "galactic"
    lines = [
        json.dumps(good, ensure_ascii=False),  # 1
        "",  # 2: blank, skipped
        "{not json",  # 3
        json.dumps(bad_level, ensure_ascii=False),  # 4
        json.dumps(
            {"project": early, "as_of": "2024-10-05"}, ensure_ascii=False
        ),  # 5: a request with its date
        json.dumps(good, ensure_ascii=False)[:-1],  # 6: cut short
        json.dumps({**good, "id": "TH-LAST"}, ensure_ascii=False),  # 7
    ]
    path = tmp_path / "portfolio.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, lines


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_broken_lines_are_reported_with_their_line_numbers_and_the_rest_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = portfolio(tmp_path)
    out = tmp_path / "out.jsonl"
    ran = tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "--output", str(out))
    assert ran.status == 1  # some failed
    results = read_lines(out)
    assert [r["source"] for r in results] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6, 7)]  # input order
    assert [r["ok"] for r in results] == [True, False, False, True, False, True]
    assert [r["project"] for r in results] == ["TH-2024-017", None, None, "TH-EARLY", None, "TH-LAST"]
    assert results[1]["error"].startswith(f"{path}, line 3: not valid JSON")
    assert results[2]["error"].startswith(f"{path}, line 4, field owner.level:")
    assert results[4]["error"].startswith(f"{path}, line 6")
    assert {r["as_of"] for r in results if r["ok"]} == {"2026-03-16"}  # --as-of wins over the line's as_of
    # the summary (on standard output when the lines go to a file) names the failures and the overdue provision
    summary = ran.out
    assert "3 projects evaluated, 3 failed" in summary
    assert "第二十七条第四款" in summary
    assert f"{path}, line 4, field owner.level" in " ".join(summary.split())


def test_each_line_is_a_batch_line_whose_findings_match_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = portfolio(tmp_path)
    out = tmp_path / "out.jsonl"
    tinghu(capsys, "batch", str(path), "--output", str(out), "--full", "--all", "--no-summary")
    schema = Draft202012Validator(BatchLine.model_json_schema(mode="serialization"))
    reports = report_validator()
    for line in read_lines(out):
        assert not list(schema.iter_errors(line)), line["source"]
        if not line["ok"]:
            assert line["report"] is None
            assert line["findings"] == []
            continue
        assert not list(reports.iter_errors(line["report"]))
        full = line["report"]["findings"]
        assert [(f["rule"], f["subject"], f["status"], f["due"]) for f in line["findings"]] == [
            (f["rule"], f["subject"], f["status"], f["due"]) for f in full
        ]
        assert sum(line["counts"].values()) == len(full)
        as_of_line = line["as_of"]
    assert as_of_line  # the request line kept its own as_of when --as-of is not given
    early = next(r for r in read_lines(out) if r["project"] == "TH-EARLY")
    assert early["as_of"] == "2024-10-05"


def test_compact_lines_are_the_full_reports_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --full the lines come from the rules' outcomes directly (no report is built): the same findings."""
    path, _ = portfolio(tmp_path)
    compact, full = tmp_path / "compact.jsonl", tmp_path / "full.jsonl"
    tinghu(capsys, "batch", str(path), "--all", "--no-summary", "--output", str(compact))
    tinghu(capsys, "batch", str(path), "--all", "--full", "--no-summary", "--output", str(full))
    with_reports = read_lines(full)
    assert any(line["report"] for line in with_reports)
    assert read_lines(compact) == [{**line, "report": None} for line in with_reports]


def test_not_applicable_findings_are_left_out_unless_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = portfolio(tmp_path)
    out = tmp_path / "out.jsonl"
    tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "--output", str(out), "--no-summary")
    first = read_lines(out)[0]
    assert first["counts"]["not_applicable"] > 0
    assert all(f["status"] != "not_applicable" for f in first["findings"])
    assert len(first["findings"]) == sum(first["counts"].values()) - first["counts"]["not_applicable"]
    assert first["report"] is None


def many(tmp_path: Path, n: int) -> Path:
    """A portfolio of ``n`` copies of the sample project, every 97th line invalid."""
    path = tmp_path / f"many{n}.jsonl"
    project = sample_project_json()
    rows = [json.dumps({**project, "id": f"P-{k:03d}"}) if k % 97 else '{"id": 1}' for k in range(n)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every worker pool the batch starts."""
    started: list[int] = []
    context = multiprocessing.get_context()

    class Recording:
        def Pool(self, processes: int, **options: Any) -> multiprocessing.pool.Pool:  # noqa: N802 (mirrors it)
            started.append(processes)
            return context.Pool(processes, **options)

    monkeypatch.setattr(multiprocessing, "get_context", Recording)
    return started


def test_jobs_give_the_same_lines_in_the_same_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pools: list[int]
) -> None:
    path = many(tmp_path, 450)  # more than two chunks
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        ran = tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "--jobs", jobs, "-o", str(out))
        assert ran.status == 1
        outputs.append(out.read_text("utf-8"))
    assert pools == [2]  # --jobs 1 runs here
    assert outputs[0] == outputs[1]
    sources = [json.loads(line)["source"] for line in outputs[0].splitlines()]
    assert sources == [f"{path}:{n}" for n in range(1, 451)]


@pytest.mark.parametrize(("cpus", "processes"), [(2, 2), (3, 3), (8, 3)])  # 3 chunks: never more processes
def test_jobs_default_to_the_usable_cpus(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    pools: list[int],
    monkeypatch: pytest.MonkeyPatch,
    cpus: int,
    processes: int,
) -> None:
    monkeypatch.setattr(batch, "usable_cpus", lambda: cpus)
    path, out = many(tmp_path, 2 * batch.CHUNK + 1), tmp_path / "out.jsonl"
    assert tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "-o", str(out)).status == 1
    assert pools == [processes]
    sources = [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
    assert sources == [f"{path}:{n}" for n in range(1, 2 * batch.CHUNK + 2)]


def test_one_chunk_runs_in_this_process_whatever_the_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pools: list[int]
) -> None:
    path, out = many(tmp_path, batch.CHUNK), tmp_path / "out.jsonl"
    assert tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "-j", "2", "-o", str(out)).status == 1
    assert pools == []
    assert len(out.read_text("utf-8").splitlines()) == batch.CHUNK


def test_the_usable_cpus_are_at_least_one_and_at_most_the_machines() -> None:
    assert 1 <= batch.usable_cpus() <= (os.cpu_count() or 1)


def test_a_folder_is_read_file_by_file_and_a_bad_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projects"
    (folder / "b").mkdir(parents=True)
    good = sample_project_json()
    (folder / "a.yaml").write_text(yaml.safe_dump(good, allow_unicode=True), encoding="utf-8")
    (folder / "b" / "c.json").write_text(json.dumps({**good, "id": "TH-C"}), encoding="utf-8")
    (folder / "b" / "d.yaml").write_text(
        "id: x\nname: y\nowner: {name: z, level: district, kind: nope}\n", "utf-8"
    )
    (folder / "notes.txt").write_text("not a project", encoding="utf-8")
    ran = tinghu(capsys, "batch", str(folder), "--as-of", "2026-03-16")
    assert ran.status == 1
    results = [json.loads(line) for line in ran.out.splitlines()]  # the summary went to standard error
    assert [Path(r["source"]).name for r in results] == ["a.yaml", "c.json", "d.yaml"]
    assert [r["ok"] for r in results] == [True, True, False]
    assert results[2]["error"].startswith(f"{folder / 'b' / 'd.yaml'}, line 3, field owner.kind")
    assert "2 projects evaluated, 1 failed" in " ".join(ran.err.split())


def test_all_good_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps(sample_project_json()) + "\n", encoding="utf-8")
    assert tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "--no-summary").status == 0


@pytest.mark.parametrize(
    "args",
    [
        ("--jobs", "0"),
        ("--option", "nope=1"),
        ("--as-of", "16/03/2026"),
        ("--calendar-overlay", "missing.yaml"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, str]
) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps(sample_project_json()) + "\n", encoding="utf-8")
    assert tinghu(capsys, "batch", str(path), *args).status == 2


def test_a_missing_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tinghu(capsys, "batch", str(tmp_path / "nothing.jsonl")).status == 2


# --- nothing lost without a word (issue #17) ----------------------------------------------------------------


def test_every_folder_entry_is_evaluated_or_reported_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Directory mode skipped an unreadable subfolder (exit 0), broken symbolic links, FIFOs and ``*.JSON`` without
    a word. Now: each is an ok=false line naming it, ``*.JSON`` is read, other files are listed as skipped."""
    folder = tmp_path / "projects"
    (folder / "locked").mkdir(parents=True)
    good = json.dumps(sample_project_json(), ensure_ascii=False)
    (folder / "UPPER.JSON").write_text(good, encoding="utf-8")
    (folder / "locked" / "hidden.json").write_text(good, encoding="utf-8")
    (folder / "broken.yaml").symlink_to(tmp_path / "gone.yaml")
    os.mkfifo(folder / "pipe.json")
    (folder / "README.md").write_text("notes", encoding="utf-8")
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # root reads a chmod 000 folder; refuse it as the system would anyone else
        if Path(path) == folder / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    ran = tinghu(capsys, "batch", str(folder), "--as-of", "2026-03-16")
    assert ran.status == 1
    lines = {Path(r["source"]).name: r for r in map(json.loads, ran.out.splitlines())}
    assert sorted(lines) == ["UPPER.JSON", "broken.yaml", "locked", "pipe.json"]
    assert lines["UPPER.JSON"]["ok"]
    assert "a broken symbolic link" in lines["broken.yaml"]["error"]
    assert "not a regular file (a pipe)" in lines["pipe.json"]["error"]
    assert "cannot list the folder (Permission denied)" in lines["locked"]["error"]
    summary = " ".join(ran.err.split())
    assert "1 projects evaluated, 3 failed, 2 other entries skipped" in summary
    assert f"{folder / 'README.md'}: not a .yaml, .yml or .json file" in summary
    assert f"{folder / 'elsewhere'}: a symbolic link to a folder (not followed)" in summary


def test_skipped_entries_are_listed_even_without_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()
    (folder / "p.yaml").write_text(
        yaml.safe_dump(sample_project_json(), allow_unicode=True), encoding="utf-8"
    )
    (folder / "p.yaml.bak").write_text("old", encoding="utf-8")
    ran = tinghu(capsys, "batch", str(folder), "--no-summary")
    assert ran.status == 0
    assert "1 entries skipped" in ran.err
    assert "p.yaml.bak: not a .yaml, .yml or .json file" in ran.message


@pytest.mark.parametrize("kind", ["empty file", "blank lines", "empty folder", "folder of notes"])
def test_an_empty_portfolio_says_so_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """An empty portfolio exited 0 without a word."""
    source = tmp_path / "portfolio"
    if kind == "empty file":
        source.write_bytes(b"")
    elif kind == "blank lines":
        source.write_bytes(b"\xef\xbb\xbf\n  \n\r\n")
    else:
        source.mkdir()
        if kind == "folder of notes":
            (source / "notes.txt").write_text("x", encoding="utf-8")
    ran = tinghu(capsys, "batch", str(source))
    assert ran.status == 1
    assert f"{source}: no projects found" in ran.message
    assert ran.out == ""


def test_a_line_that_is_not_utf8_or_names_a_key_twice_fails_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """batch decoded with errors="replace" (ok=true with U+FFFD) and took the last of duplicate keys (ok=true)."""
    good = json.dumps(sample_project_json(), ensure_ascii=False)
    path = tmp_path / "p.jsonl"
    path.write_bytes(
        good.encode()
        + b"\n"
        + good.replace("亭湖区", "亭湖\udcff", 1).encode("utf-8", "surrogateescape")
        + b"\n"
        + (good[:-1] + ', "id": "TH-OTHER"}').encode()
        + b"\n"
    )
    ran = tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "--no-summary")
    assert ran.status == 1
    first, second, third = (json.loads(line) for line in ran.out.splitlines())
    assert first["ok"]
    assert second["error"].startswith(f"{path}, line 2: not UTF-8")
    assert third["error"].startswith(f"{path}, line 3: not valid JSON: key 'id' appears twice")


def test_a_line_longer_than_the_limit_ends_the_reading_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tinghu_policy.cli import portfolio as module

    monkeypatch.setattr(module, "MAX_BYTES", 10_000)
    good = json.dumps(sample_project_json(), ensure_ascii=False)
    path = tmp_path / "p.jsonl"
    path.write_text(f"{good}\n{'x' * 20_000}\n{good}\n", encoding="utf-8")
    ran = tinghu(capsys, "batch", str(path), "--as-of", "2026-03-16", "--no-summary")
    assert ran.status == 1
    lines = [json.loads(line) for line in ran.out.splitlines()]
    assert [line["ok"] for line in lines] == [True, False]
    assert lines[1]["error"] == (
        f"{path}, line 2: longer than 10,000 bytes, the limit for one project; the rest of the file was not read"
    )


def test_the_help_states_the_limits(capsys: pytest.CaptureFixture[str]) -> None:
    ran = tinghu(capsys, "batch", "--help")
    assert "2,000,000 bytes" in ran.out
    assert "300 characters" in ran.out
    assert "2000-2100" in ran.out


def test_chunks_bound_the_bytes_in_flight() -> None:
    """A portfolio of long lines is sent to the workers a few MB at a time, not CHUNK lines of up to 2 MB each."""
    from tinghu_policy.cli.portfolio import Item

    items = [Item(f"p:{n}", b"x" * 1_500_000, "p", n) for n in range(7)]
    assert [len(c) for c in batch._chunks(items)] == [3, 3, 1]
    small = [Item(f"p:{n}", b"{}", "p", n) for n in range(batch.CHUNK + 1)]
    assert [len(c) for c in batch._chunks(small)] == [batch.CHUNK, 1]


def test_a_folder_entry_whose_name_is_not_utf8_is_named_with_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder may hold any name; a JSON line takes only text: the bytes that are not UTF-8 are shown as ``\\xff``
    escapes in the line's source and the project is evaluated (it crashed the batch before)."""
    folder = tmp_path / "projects"
    folder.mkdir()
    text = json.dumps(sample_project_json(), ensure_ascii=False)
    (folder / "good.json").write_text(text, encoding="utf-8")
    with open(os.fsencode(folder) + b"/odd\xff.json", "wb") as odd:
        odd.write(text.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    ran = tinghu(capsys, "batch", str(folder), "--as-of", "2026-03-16", "--jobs", "1", "--output", str(out))
    assert ran.status == 0, ran.err
    lines = read_lines(out)
    assert [(line["source"], line["ok"]) for line in lines] == [
        (f"{folder}/good.json", True),
        (f"{folder}/odd\\xff.json", True),
    ]
