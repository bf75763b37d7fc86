"""Mutation testing of the rules with cosmic-ray, driven by the corpus and the tests.

    .venv/bin/pip install -e '.[test,mutation]'
    .venv/bin/python tools/mutation/run.py                     # every module of tinghu_policy/rules/
    .venv/bin/python tools/mutation/run.py --workers 2 tinghu_policy/rules/art27_acceptance.py
    .venv/bin/python tools/mutation/run.py --report            # the score (each module's latest run), survivors
    .venv/bin/python tools/mutation/run.py --recheck --workers 2  # every survivor again, against today's tests

Each run adds a copy of the project to ``--workdir`` (default: <tmp>/tinghu-policy-mutation); a module run again
replaces that module's earlier result in the report, so after a rule changes only its module needs a new run.

cosmic-ray edits the module it mutates in place, so the run never touches the working tree: it copies the project
into ``--workdir`` (one copy per worker) and runs there with ``PYTHONPATH`` pointing at the copy, one session per
module. Each mutant is tested by ``tools/mutation/check.py``: every corpus case in-process (the findings, and the fact
paths their checks name as ``tests/conformance/test_fact_paths.py`` requires), then the module's unit tests with
pytest (``tests/rules/test_<module>.py`` and ``tests/mutation/test_<module>.py``). Corpus cases and tests that
already fail without any mutation are left out (and listed), so work in progress elsewhere cannot count a mutant as
killed.

Three kinds of mutant are skipped as equivalent by construction: those inside type annotations (with
``from __future__ import annotations`` nothing evaluates them); ``is`` → ``==`` / ``is not`` → ``!=`` where every
operand compared is None, True, False or an enum member (identity and equality agree); and ``x is E.M`` →
``x < E.M`` (or another order) where the order of E's values picks out exactly the same members (x is always a member
of E there). The score is killed / (killed + survived); mutants that time out or break import count as killed, as
cosmic-ray counts them.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("tinghu_policy", "tests", "corpus", "articles", "schemas", "examples", "tools", "pyproject.toml")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "modules", nargs="*", type=Path, help="modules to mutate (default: tinghu_policy/rules/*.py)"
    )
    parser.add_argument("--workers", type=int, default=1, help="parallel sessions, one project copy each")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "tinghu-policy-mutation"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        help="seconds per mutant's test run (default: 4 × the unmutated run, at least 60)",
    )
    parser.add_argument("--report", action="store_true", help="only summarise the sessions in --workdir")
    parser.add_argument(
        "--recheck",
        action="store_true",
        help="test each survivor of the sessions in --workdir again, its diff applied to a copy of today's tree",
    )
    args = parser.parse_args()
    if args.recheck:
        return recheck(args.workdir, args.workers, args.timeout)
    if not args.report:
        modules = [m.relative_to(ROOT) if m.is_absolute() else m for m in args.modules] or sorted(
            p.relative_to(ROOT)
            for p in (ROOT / "tinghu_policy" / "rules").glob("*.py")
            if p.name != "__init__.py"
        )
        run(modules, args.workdir, args.workers, args.timeout)
    return report(args.workdir)


def run(modules: list[Path], workdir: Path, workers: int, timeout: float | None) -> None:
    """Copy the project once per worker and run one cosmic-ray session per module, split among the workers."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    shares: list[list[Path]] = [[] for _ in range(max(1, min(workers, len(modules))))]
    for module in sorted(modules, key=lambda m: -(ROOT / m).stat().st_size):  # biggest first, balanced
        min(shares, key=lambda s: sum((ROOT / m).stat().st_size for m in s)).append(module)
    copies = [_copy(workdir / f"{stamp}-worker{n}") for n in range(len(shares))]
    failing_cases = _failing_cases(copies[0])
    for case_id in failing_cases:
        print(f"left out (fails without any mutation): corpus case {case_id}")

    def work(copy: Path, share: list[Path]) -> None:
        for module in share:
            _session(copy, module, failing_cases, timeout)

    with ThreadPoolExecutor(len(shares)) as pool:
        list(pool.map(work, copies, shares))


def _copy(target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def _env(copy: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}


def _failing_cases(copy: Path) -> list[str]:
    """The corpus cases that fail without any mutation (another engineer's work in progress)."""
    script = (
        "from tinghu_policy.corpus import actual_findings, compare, discover\n"
        "for f in discover():\n"
        "    try:\n"
        "        bad = compare(f.case.expected, actual_findings(f.case.run()))\n"
        "    except Exception:\n"
        "        bad = True\n"
        "    if bad:\n"
        "        print(f.id)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=copy, env=_env(copy), capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def _unit_tests(copy: Path, module: Path) -> list[str]:
    """``tests/rules/test_<module>.py`` (the unit tests mirror the rule modules' names) and
    ``tests/mutation/test_<module>.py`` (tests written to kill this module's surviving mutants), where they exist."""
    tests = (
        Path("tests") / "rules" / f"test_{module.stem}.py",
        Path("tests") / "mutation" / f"test_{module.stem}.py",
    )
    return [str(t) for t in tests if (copy / t).is_file()]


def _session(copy: Path, module: Path, failing_cases: list[str], timeout: float | None) -> None:
    """Mutate ``module``: its unit tests' unmutated failures are deselected; the timeout scales with the run."""
    tests = _unit_tests(copy, module)
    check = [sys.executable, "tools/mutation/check.py", *(w for c in failing_cases for w in ("--skip", c))]
    started = time.monotonic()
    baseline = subprocess.run(
        [*check, "-rfE", *tests], cwd=copy, env=_env(copy), capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    deselect = re.findall(r"^(?:FAILED|ERROR) (\S+)", baseline.stdout, flags=re.MULTILINE)
    for nodeid in deselect:
        print(f"{module}: deselected (fails without any mutation): {nodeid}")
    command = [*check, *tests, *(f"--deselect={nodeid}" for nodeid in deselect)]
    sessions = copy / "sessions"
    sessions.mkdir(exist_ok=True)
    config = sessions / f"{module.stem}.toml"
    database = sessions / f"{module.stem}.sqlite"
    config.write_text(
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(str(module))}\n"
        f"timeout = {timeout or max(60.0, 10 * seconds)}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(shlex.join(command))}\n\n"
        '[cosmic-ray.distributor]\nname = "local"\n',
        encoding="utf-8",
    )
    cosmic_ray = [sys.executable, "-m", "cosmic_ray.cli"]
    subprocess.run([*cosmic_ray, "init", str(config), str(database)], cwd=copy, env=_env(copy), check=True)
    skipped = _skip_equivalent(copy, database)
    print(f"{module}: unmutated run {seconds:.1f} s; {skipped} equivalent mutants skipped", flush=True)
    subprocess.run([*cosmic_ray, "exec", str(config), str(database)], cwd=copy, env=_env(copy), check=True)
    print(f"{module}: done", flush=True)


def _annotation_spans(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) as (line, column in characters) of every annotation: ``from __future__ import annotations``
    keeps them as strings that nothing evaluates, so a mutant there cannot be killed."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()

    def column(line: int, byte_offset: int) -> int:
        return len(lines[line - 1].encode("utf-8")[:byte_offset].decode("utf-8", "replace"))

    spans = []
    for node in ast.walk(ast.parse(source)):
        annotations: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            annotations += [a.annotation for a in every]
            annotations.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        for annotation in annotations:
            if (
                annotation is not None
                and annotation.end_lineno is not None
                and annotation.end_col_offset is not None
            ):
                start = (annotation.lineno, column(annotation.lineno, annotation.col_offset))
                end = (annotation.end_lineno, column(annotation.end_lineno, annotation.end_col_offset))
                spans.append((start, end))
    return spans


IDENTITY_TO_EQUALITY = {"core/ReplaceComparisonOperator_Is_Eq", "core/ReplaceComparisonOperator_IsNot_NotEq"}


def _singleton(node: ast.expr) -> bool:
    """None, True, False or an enum member (``Status.MET``): ``is`` and ``==`` agree on them."""
    if isinstance(node, ast.Constant):
        return node.value is None or isinstance(node.value, bool)
    return (
        isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id[:1].isupper()
    )


def _identity_lines(path: Path) -> set[int]:
    """Lines whose every ``is`` / ``is not`` compares with a singleton: ``is`` → ``==`` there is equivalent."""
    good: set[int] = set()
    bad: set[int] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare) and any(isinstance(op, ast.Is | ast.IsNot) for op in node.ops):
            lines = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            (good if all(_singleton(c) for c in node.comparators) else bad).update(lines)
    return good - bad


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "Eq": lambda a, b: a == b,
    "NotEq": lambda a, b: a != b,
    "Lt": lambda a, b: a < b,
    "LtE": lambda a, b: a <= b,
    "Gt": lambda a, b: a > b,
    "GtE": lambda a, b: a >= b,
}


def _enum_identity_lines(module: Path) -> dict[int, tuple[bool, type[Enum], Enum]]:
    """Lines with exactly one ``x is E.M`` / ``x is not E.M`` against an enum member: (negated, E, M)."""
    name = ".".join(module.with_suffix("").parts)
    namespace = vars(importlib.import_module(name))
    found: dict[int, list[tuple[bool, type[Enum], Enum]]] = {}
    for node in ast.walk(ast.parse((ROOT / module).read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Compare)
            and len(node.ops) == 1
            and isinstance(node.ops[0], ast.Is | ast.IsNot)
        ):
            continue
        right = node.comparators[0]
        if isinstance(right, ast.Attribute) and isinstance(right.value, ast.Name):
            kind = namespace.get(right.value.id)
            if isinstance(kind, type) and issubclass(kind, Enum) and right.attr in kind.__members__:
                entry = (isinstance(node.ops[0], ast.IsNot), kind, kind[right.attr])
                found.setdefault(node.lineno, []).append(entry)
    return {line: entries[0] for line, entries in found.items() if len(entries) == 1}


def _enum_order_equivalent(operator: str, entry: tuple[bool, type[Enum], Enum]) -> bool:
    """``x is E.M`` → ``x <= E.M`` (or another order) picks the same members of E: equivalent when x is a member."""
    match = re.fullmatch(r"core/ReplaceComparisonOperator_(Is|IsNot)_(\w+)", operator)
    if match is None or match[2] not in _ORDER:
        return False
    negated, kind, member = entry
    compare = _ORDER[match[2]]
    try:
        return all(((m is member) != negated) == compare(m, member) for m in kind)
    except TypeError:
        return False


def _skip_equivalent(copy: Path, session: Path) -> int:
    from cosmic_ray.work_db import WorkDB, use_db  # type: ignore[import-untyped]
    from cosmic_ray.work_item import WorkerOutcome, WorkResult  # type: ignore[import-untyped]

    spans: dict[Path, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    enums: dict[Path, dict[int, tuple[bool, type[Enum], Enum]]] = {}
    skipped = 0
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item in db.work_items:
            mutation = item.mutations[0]
            path = copy / mutation.module_path
            if path not in spans:
                spans[path] = _annotation_spans(path)
            position = tuple(mutation.start_pos)
            identity = mutation.operator_name in IDENTITY_TO_EQUALITY and position[0] in _identity_lines(path)
            if mutation.module_path not in enums:
                enums[mutation.module_path] = _enum_identity_lines(Path(mutation.module_path))
            entry = enums[mutation.module_path].get(position[0])
            ordered = entry is not None and _enum_order_equivalent(mutation.operator_name, entry)
            if identity or ordered or any(start <= position < end for start, end in spans[path]):
                db.set_result(item.job_id, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
                skipped += 1
    return skipped


def _stale(workdir: Path) -> set[str]:
    """The modules whose latest session tested other code than the working tree's (changed since; docstrings and
    comments aside)."""
    newest: dict[str, Path] = {}
    for session in sorted(workdir.glob("*worker*/sessions/*.sqlite"), key=lambda p: p.stat().st_mtime):
        newest[session.stem] = session
    stale = set()
    for stem, session in newest.items():
        tested = session.parent.parent / "tinghu_policy" / "rules" / f"{stem}.py"
        current = ROOT / "tinghu_policy" / "rules" / f"{stem}.py"
        if not current.is_file() or _code(tested) != _code(current):
            stale.add(f"tinghu_policy/rules/{stem}.py")
    return stale


def _code(path: Path) -> str:
    """The module's syntax tree without its docstrings: what a mutant can change."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _results(workdir: Path) -> list[tuple[Any, Any, Path]]:
    """(work item, result, session) of every mutant of each module's latest session."""
    from cosmic_ray.work_db import WorkDB, use_db

    found: list[tuple[Any, Any, Path]] = []
    newest: dict[str, Path] = {}
    for session in sorted(workdir.glob("*worker*/sessions/*.sqlite"), key=lambda p: p.stat().st_mtime):
        newest[session.stem] = session  # a module run again: its latest session counts
    for session in sorted(newest.values()):
        with use_db(str(session), WorkDB.Mode.open) as db:
            found += [(item, result, session) for item, result in db.completed_work_items]
            pending = db.num_work_items - db.num_results
            if pending:
                print(f"{session}: {pending} mutants not run yet")
    return found


def _outcome(result: Any) -> str:
    return str(result.test_outcome.value if result.test_outcome else result.worker_outcome.value)


def _rechecked(workdir: Path) -> dict[str, dict[str, str]]:
    """The verdicts of ``--recheck``, by session file and job id (empty before any recheck)."""
    path = workdir / RECHECKED
    verdicts: dict[str, dict[str, str]] = (
        json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    )
    return verdicts


RECHECKED = "recheck.json"
"""Where ``--recheck`` keeps its verdicts in ``workdir``; ``--report`` counts a survivor killed on recheck as
killed, and one whose line has changed since (``gone``) as no longer a mutant."""


def report(workdir: Path) -> int:
    """Print the score per module and overall; write every survivor with its diff to ``survivors.md``.

    A survivor that ``--recheck`` found killed by today's tests counts as killed (column ``rechecked``); one whose
    line has changed since (``gone``) is left out of the score."""
    found = _results(workdir)
    if not found:
        print(f"no results in {workdir}")
        return 1
    rechecked = _rechecked(workdir)
    per_module: dict[str, Counter[str]] = {}
    survivors = []
    for item, result, session in found:
        mutation = item.mutations[0]
        outcome = _outcome(result)
        again = rechecked.get(str(session), {}).get(item.job_id) if outcome == "survived" else None
        counts = per_module.setdefault(str(mutation.module_path), Counter())
        if again == "killed":
            counts["rechecked"] += 1
        elif again == "gone":
            counts["gone"] += 1
        else:
            counts[outcome] += 1
            if outcome == "survived":
                survivors.append((mutation, result.diff or ""))
    print(
        f"{'module':58} {'mutants':>8} {'killed':>7} {'rechecked':>9} {'survived':>9} {'gone':>5} "
        f"{'incompetent':>12} {'skipped':>8} {'score':>7}"
    )
    total: Counter[str] = Counter()
    stale = _stale(workdir)
    for module, counts in sorted(per_module.items()):
        total.update(counts)
        print(_row(module, counts) + ("  (changed since: run it again)" if module in stale else ""))
    print(_row("all", total))
    lines = ["# Surviving mutants", ""]
    for mutation, diff in sorted(survivors, key=lambda s: (str(s[0].module_path), s[0].start_pos)):
        where = f"{mutation.module_path}:{mutation.start_pos[0]}"
        lines += [
            f"## {where} {mutation.operator_name} #{mutation.occurrence}",
            "",
            "```diff",
            diff.strip(),
            "```",
            "",
        ]
    (workdir / "survivors.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(survivors)} survivors with diffs: {workdir / 'survivors.md'}")
    return 0


def recheck(workdir: Path, workers: int, timeout: float | None) -> int:
    """Test every survivor of the latest sessions again, against today's tests and corpus; then :func:`report`.

    Each survivor's recorded diff is applied (``patch``) to a copy of today's tree: a diff that no longer applies
    mutated a line that has changed since (``gone``). The verdicts — ``killed``, ``survived`` or ``gone`` — are
    printed and kept in ``recheck.json`` in ``workdir`` (a module run again afterwards has a new session, which
    they do not touch).
    """
    survivors = [
        (item, result, session)
        for item, result, session in _results(workdir)
        if _outcome(result) == "survived"
    ]
    if not survivors:
        print(f"no survivors in {workdir}")
        return 1
    stamp = time.strftime("%Y%m%d-%H%M%S")
    shares: list[list[tuple[Any, Any, Path]]] = [[] for _ in range(max(1, min(workers, len(survivors))))]
    for n, survivor in enumerate(survivors):
        shares[n % len(shares)].append(survivor)
    copies = [_copy(workdir / f"{stamp}-recheck{n}") for n in range(len(shares))]
    failing_cases = _failing_cases(copies[0])
    verdicts = _rechecked(workdir)

    def work(copy: Path, share: list[tuple[Any, Any, Path]]) -> None:
        check = [
            sys.executable,
            "tools/mutation/check.py",
            *(w for c in failing_cases for w in ("--skip", c)),
        ]
        for item, result, session in share:
            mutation = item.mutations[0]
            module = Path(str(mutation.module_path))
            patch = ["patch", "--quiet", "--force", "-p1", "--no-backup-if-mismatch", "-r", "-"]
            diff = (result.diff or "").rstrip("\n") + "\n"
            applied = subprocess.run(patch, input=diff, cwd=copy, capture_output=True, text=True, check=False)
            if applied.returncode != 0:
                verdict = "gone"
            else:
                try:
                    done = subprocess.run(
                        [*check, *_unit_tests(copy, module)],
                        cwd=copy,
                        env=_env(copy),
                        capture_output=True,
                        timeout=timeout or 600,
                        check=False,
                    )
                    verdict = "survived" if done.returncode == 0 else "killed"
                except subprocess.TimeoutExpired:
                    verdict = "killed"
            shutil.copy2(ROOT / module, copy / module)
            verdicts.setdefault(str(session), {})[item.job_id] = verdict
            print(
                f"{verdict:9} {module}:{mutation.start_pos[0]} {mutation.operator_name} #{mutation.occurrence}"
            )

    with ThreadPoolExecutor(len(shares)) as pool:
        list(pool.map(work, copies, shares))
    (workdir / RECHECKED).write_text(json.dumps(verdicts, indent=1, sort_keys=True), encoding="utf-8")
    return report(workdir)


def _row(module: str, counts: Counter[str]) -> str:
    killed = counts["killed"] + counts["incompetent"] + counts["rechecked"]
    scored = killed + counts["survived"]
    score = f"{100 * killed / scored:.1f}%" if scored else "—"
    return (
        f"{module:58} {sum(counts.values()):>8} {counts['killed']:>7} {counts['rechecked']:>9} "
        f"{counts['survived']:>9} {counts['gone']:>5} {counts['incompetent']:>12} {counts['skipped']:>8} {score:>7}"
    )


if __name__ == "__main__":
    sys.exit(main())
