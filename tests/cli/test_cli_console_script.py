"""End to end through the installed console script, as a user of a fresh install runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "tinghu-policy"
ENV = os.environ | {"COLUMNS": "160", "NO_COLOR": "1"}


def test_evaluate_sample_prints_the_findings_and_the_timeline() -> None:
    done = subprocess.run(
        [SCRIPT, "evaluate", "--sample"], capture_output=True, text=True, env=ENV, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "审查结论 Findings" in done.stdout
    assert "时间线 Timeline（2026-03-16）" in done.stdout
    assert "下一期限 Next deadline: 2026-12-01" in done.stdout


def test_batch_from_standard_tools(tmp_path: Path) -> None:
    sample = subprocess.run(
        [SCRIPT, "evaluate", "--sample", "--format", "json"],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    assert json.loads(sample.stdout)["project"] == "TH-2024-017"
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    done = subprocess.run([SCRIPT, "batch", str(path)], capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 1
    line = json.loads(done.stdout)
    assert line["ok"] is False
    assert line["error"].startswith(f"{path}, line 1, field name")
    assert "0 projects evaluated, 1 failed" in done.stderr


def test_an_endless_pipe_is_refused_at_the_limit() -> None:
    """``yes | tinghu-policy evaluate -`` grew to 8 GB: now 2,000,001 bytes are read, then one message."""
    feeder = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run(
            [SCRIPT, "evaluate", "-"],
            stdin=feeder.stdout,
            capture_output=True,
            text=True,
            env=ENV,
            timeout=120,
            check=False,
        )
    finally:
        feeder.kill()
        feeder.wait()
    assert done.returncode == 2
    assert done.stderr == "error: <stdin>: larger than 2,000,000 bytes, the limit for one document\n"
