"""The monthly report staff send: every project of a portfolio or a ledger evaluated on one day, in five tables.

=============== ===========================================================================================
sheet           rows
=============== ===========================================================================================
概况             the day, how many projects, how many findings of each kind, what could not be read
已逾期           every overdue duty, most days overdue first: the project, the provision, who owes it, the
                 due date, the days, the explanation
30日内到期       every pending duty due from the day to 30 days on, soonest first
按单位           per project unit: its projects, its overdue, due-soon, failed and undetermined findings,
                 the list of its projects and of its overdue duties
按条款           per provision, in the regulation's order: the findings of each status
全部结论         every finding (not-applicable ones with ``--all``) with its explanation, by project
未能评估         only when something could not be read: the project, the place (sheet!cell or file:line),
                 the field and the reason
=============== ===========================================================================================

The workbook (XlsxWriter, streamed) has its header rows frozen, a filter on each table, columns as wide as their
Chinese content, and overdue rows highlighted. ``--format csv`` writes the same tables as CSV files (UTF-8 with a
byte-order mark, so that Excel opens them) into a folder.

Evaluation runs in worker processes (``jobs``); the main process reads and writes. A project that cannot be read
or evaluated never stops the others: it is listed in 未能评估 with the reason.
"""

from __future__ import annotations

import csv
import multiprocessing
import multiprocessing.pool
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from tinghu_policy.cli.portfolio import Item, Portfolio, Settings, Worker
from tinghu_policy.engine import Status, evaluate
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.facts import Project
from tinghu_policy.ledger.problems import Problem
from tinghu_policy.ledger.reader import Assembled, LedgerReader, plain_errors
from tinghu_policy.ledger.template import MAX_WIDTH, display_width, width_of
from tinghu_policy.names import fact_zh
from tinghu_policy.parties import Party
from tinghu_policy.yaml_input import InputError

SOON_DAYS = 30
"""30日内到期: pending duties due from the report's day to this many days on."""
CHUNK = 50
"""Projects per task sent to a worker process."""
LIST_LIMIT = 200
"""At most this many projects or duties listed in one cell of 按单位 (the rest counted)."""
EXPLANATION_WIDTH = 100

OVERVIEW, OVERDUE, SOON, BY_UNIT, BY_PROVISION, ALL, FAILED = (
    "概况",
    "已逾期",
    "30日内到期",
    "按单位",
    "按条款",
    "全部结论",
    "未能评估",
)

_DUTY_HEAD = (
    "项目编号",
    "项目名称",
    "项目单位",
    "条款",
    "事项",
    "义务方",
    "报送对象",
    "期限",
    "结论",
    "说明",
)
HEADERS: dict[str, tuple[str, ...]] = {
    OVERVIEW: ("项目", "内容"),
    OVERDUE: ("逾期天数", *_DUTY_HEAD, "规则编号"),
    SOON: ("剩余天数", *_DUTY_HEAD, "规则编号"),
    BY_UNIT: ("项目单位", "项目数", "已逾期", "30日内到期", "不符合", "无法判断", "项目", "逾期事项"),
    BY_PROVISION: (
        "条款",
        "条款编号",
        "涉及项目",
        "已逾期",
        "30日内到期",
        "其他未到期",
        "逾期完成",
        "按期完成",
        "不符合",
        "符合",
        "提示",
        "无法判断",
        "不适用",
    ),
    ALL: (
        "项目编号",
        "项目名称",
        "项目单位",
        "条款",
        "事项",
        "结论",
        "期限",
        "义务方",
        "报送对象",
        "缺少的事实",
        "说明",
        "规则编号",
    ),
    FAILED: ("项目编号", "位置", "字段", "原因"),
}
_CAPS = {"说明": EXPLANATION_WIDTH, "项目": 80, "逾期事项": 80}


class ReportError(TinghuPolicyError):
    """The report cannot be made (an unreadable input, an output that cannot be written)."""


class FindingRow(NamedTuple):
    """One finding as the report shows it (a tuple: it comes back from a worker process cheaply)."""

    project: str
    name: str
    unit: str
    provision: str
    citation: str
    rule: str
    matter: str
    status: Status
    status_zh: str
    due: date | None
    owed_by: str
    to: str
    missing: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Evaluated:
    """A project's findings, or why it could not be evaluated."""

    project: str | None
    source: str
    rows: tuple[FindingRow, ...] = ()
    error: str | None = None
    """Why a portfolio line could not be evaluated (naming its file and line)."""
    errors: list[dict[str, Any]] | None = None
    """The model's errors of a ledger project, from a worker (traced to cells in the main process)."""
    problems: tuple[Problem, ...] = ()
    """A ledger project's problems, each naming its sheet and cell."""
    unit: str = ""
    name: str = ""

    @property
    def failed(self) -> bool:
        return self.error is not None or self.errors is not None or bool(self.problems)


# ------------------------------------------------------------------------------------------- evaluation


@cache
def _title(rule_id: str) -> str:
    from tinghu_policy.engine.rule import rule_by_id

    return rule_by_id(rule_id).title_zh


def _missing_zh(path: str) -> str:
    if path.startswith("calendar:"):
        return f"{path.split(':', 1)[1]}年节假日安排"
    return fact_zh(path)


def _party(party: Party | None, project: Project) -> str:
    if party is None:
        return ""
    if party is Party.PROJECT_UNIT:
        return f"{project.owner.name}（项目单位）"
    if party is Party.LEAD_DEPARTMENT and project.cross_department is not None:
        return f"{project.cross_department.lead_department}（牵头部门）"
    return party.name_zh


def finding_rows(
    project: Project, day: date, worker: Worker, interpretation: Any, everything: bool, source: str
) -> Evaluated:
    """Evaluate ``project`` on ``day`` and turn its findings into report rows."""
    report = evaluate(project, as_of=day, interpretation=interpretation, calendar=worker.calendar)
    rows = []
    for f in report.findings:
        if f.status is Status.NOT_APPLICABLE and not everything:
            continue
        matter = _title(f.rule) + (f"（{f.subject_zh}）" if f.subject_zh else "")
        rows.append(
            FindingRow(
                project.id,
                project.name,
                project.owner.name,
                f.provision,
                f.citation_zh,
                f.rule,
                matter,
                f.status,
                f.status_zh,
                f.due,
                _party(f.owed_by, project),
                "、".join(p.name_zh for p in f.to),
                "；".join(_missing_zh(m) for m in f.missing),
                f.explanation_zh,
            )
        )
    return Evaluated(project.id, source, tuple(rows), unit=project.owner.name, name=project.name)


_WORKER: tuple[Worker, bool] | None = None


def _start(settings: Settings, everything: bool) -> None:
    global _WORKER
    _WORKER = (Worker(settings), everything)


def _run_item(kind: str, payload: Any) -> Evaluated:
    """Evaluate one input: a portfolio item (``line``) or a ledger project's assembled input (``ledger``)."""
    assert _WORKER is not None
    worker, everything = _WORKER
    if kind == "ledger":
        source, data = payload
        if data is None:  # its cells have problems: the main process names them
            return Evaluated(None, source, errors=[])
        try:
            project = Project.model_validate(data)
        except ValidationError as exc:
            return Evaluated(None, source, errors=plain_errors(exc))
        try:
            found, day, interpretation = worker.inputs(project)
            return finding_rows(found, day, worker, interpretation, everything, source)
        except TinghuPolicyError as exc:
            return Evaluated(project.id, source, error=str(exc))
        except Exception as exc:  # a bug in a rule must not stop the report; the row names it
            return Evaluated(project.id, source, error=f"internal error {type(exc).__name__}: {exc}")
    item: Item = payload
    try:
        parsed = worker.parse(item)
        found, day, interpretation = worker.inputs(parsed)
        return finding_rows(found, day, worker, interpretation, everything, item.source)
    except InputError as exc:
        return Evaluated(None, item.source, error=str(exc))
    except TinghuPolicyError as exc:
        return Evaluated(None, item.source, error=f"{item.source}: {exc}")
    except Exception as exc:
        return Evaluated(
            None, item.source, error=f"{item.source}: internal error {type(exc).__name__}: {exc}"
        )


def _run_chunk(kind: str, payloads: list[Any]) -> list[Evaluated]:
    return [_run_item(kind, p) for p in payloads]


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def evaluated(
    kind: str, payloads: Iterable[Any], settings: Settings, everything: bool, jobs: int
) -> Iterator[Evaluated]:
    """Every payload evaluated, in input order, in ``jobs`` worker processes (1: here)."""
    if jobs <= 1:
        _start(settings, everything)
        for payload in payloads:
            yield _run_item(kind, payload)
        return
    window = 2 * jobs + 2
    context = multiprocessing.get_context()
    with context.Pool(jobs, initializer=_start, initargs=(settings, everything)) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[list[Evaluated]]] = deque()
        for chunk in _chunks(payloads):
            pending.append(pool.apply_async(_run_chunk, (kind, chunk)))
            while len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# ----------------------------------------------------------------------------------------------- tallies


@dataclass(slots=True)
class _Unit:
    projects: list[str] = field(default_factory=list)
    overdue: int = 0
    soon: int = 0
    fails: int = 0
    undetermined: int = 0
    duties: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Tally:
    """What the summary tables need, gathered while the findings stream by."""

    as_of: date
    projects: int = 0
    findings: int = 0
    statuses: dict[Status, int] = field(default_factory=dict)
    overdue: list[FindingRow] = field(default_factory=list)
    soon: list[FindingRow] = field(default_factory=list)
    units: dict[str, _Unit] = field(default_factory=dict)
    provisions: dict[str, list[int]] = field(default_factory=dict)
    citations: dict[str, str] = field(default_factory=dict)
    failed: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, result: Evaluated) -> None:
        self.projects += 1
        unit = self.units.setdefault(result.unit or "—", _Unit())
        unit.projects.append(f"{result.project} {result.name}")
        seen: set[str] = set()
        horizon = self.as_of + timedelta(days=SOON_DAYS)
        for row in result.rows:
            self.findings += 1
            self.statuses[row.status] = self.statuses.get(row.status, 0) + 1
            counts = self.provisions.setdefault(row.provision, [0] * 11)
            self.citations[row.provision] = row.citation
            if row.provision not in seen:
                seen.add(row.provision)
                counts[0] += 1
            status = row.status
            if status is Status.OVERDUE:
                self.overdue.append(row)
                unit.overdue += 1
                unit.duties.append(f"{row.project} {row.citation}（{row.due}）")
                counts[1] += 1
            elif status is Status.PENDING and row.due is not None and self.as_of <= row.due <= horizon:
                self.soon.append(row)
                unit.soon += 1
                counts[2] += 1
            else:
                counts[_COUNT_COLUMN[status]] += 1
            if status is Status.FAILS:
                unit.fails += 1
            elif status is Status.UNDETERMINED:
                unit.undetermined += 1


_COUNT_COLUMN = {
    Status.PENDING: 3,
    Status.LATE: 4,
    Status.MET: 5,
    Status.FAILS: 6,
    Status.HOLDS: 7,
    Status.NOTICE: 8,
    Status.UNDETERMINED: 9,
    Status.NOT_APPLICABLE: 10,
}


# ----------------------------------------------------------------------------------------------- writing


class _Sink:
    """Where tables go: an .xlsx workbook or a folder of CSV files."""

    def table(self, name: str, headers: tuple[str, ...]) -> _Table:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _Table:
    def row(self, values: list[object], *, overdue: bool = False) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once, after the last row."""


class _Xlsx(_Sink):
    def __init__(self, path: Path) -> None:
        import xlsxwriter  # the [ledger] extra

        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False})
        self.book.set_properties({"title": "政务信息化项目月度报告"})
        self.header = self.book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"}
        )
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.hot = self.book.add_format({"bg_color": "#F8CBAD"})
        self.hot_date = self.book.add_format({"bg_color": "#F8CBAD", "num_format": "yyyy-mm-dd"})

    def table(self, name: str, headers: tuple[str, ...]) -> _Table:
        return _XlsxTable(self, self.book.add_worksheet(name), headers)

    def close(self) -> None:
        self.book.close()


class _XlsxTable(_Table):
    def __init__(self, sink: _Xlsx, worksheet: Any, headers: tuple[str, ...]) -> None:
        self.sink = sink
        self.worksheet = worksheet
        self.headers = headers
        self.widths = [display_width(h) + 4 for h in headers]
        self.caps = [_CAPS.get(h, MAX_WIDTH) for h in headers]
        self.next = 1
        for col, header in enumerate(headers):
            worksheet.write_string(0, col, header, sink.header)
        worksheet.freeze_panes(1, 0)

    def row(self, values: list[object], *, overdue: bool = False) -> None:
        worksheet, sink, r = self.worksheet, self.sink, self.next
        for col, value in enumerate(values):
            if value is None or value == "":
                if overdue:
                    worksheet.write_blank(r, col, None, sink.hot)
                continue
            if isinstance(value, date):
                worksheet.write_datetime(r, col, value, sink.hot_date if overdue else sink.date)
                width = 10
            elif isinstance(value, int):
                worksheet.write_number(r, col, value, sink.hot if overdue else None)
                width = len(str(value))
            else:
                text = str(value)
                worksheet.write_string(r, col, text, sink.hot if overdue else None)
                width = width_of(text, self.widths[col] - 2, self.caps[col])
            if width + 2 > self.widths[col]:
                self.widths[col] = width + 2
        self.next += 1

    def finish(self) -> None:
        for col, width in enumerate(self.widths):
            self.worksheet.set_column(col, col, min(width, self.caps[col]))
        last = max(self.next - 1, 1)
        self.worksheet.autofilter(0, 0, last, len(self.headers) - 1)


class _Csv(_Sink):
    def __init__(self, folder: Path) -> None:
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise ReportError(f"cannot write {folder}: {exc.strerror or exc}") from None
        if not folder.is_dir():
            raise ReportError(f"cannot write {folder}: it is not a folder")
        self.folder = folder
        self.files: list[Any] = []

    def table(self, name: str, headers: tuple[str, ...]) -> _Table:
        path = self.folder / f"{name}.csv"
        try:
            stream = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115  (closed in close())
        except OSError as exc:
            raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from None
        self.files.append(stream)
        return _CsvTable(stream, headers)

    def close(self) -> None:
        for stream in self.files:
            stream.close()


class _CsvTable(_Table):
    def __init__(self, stream: Any, headers: tuple[str, ...]) -> None:
        self.writer = csv.writer(stream)
        self.writer.writerow(headers)

    def row(self, values: list[object], *, overdue: bool = False) -> None:
        self.writer.writerow(
            ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in values]
        )


def _duty(row: FindingRow, lead: object) -> list[object]:
    return [
        lead,
        row.project,
        row.name,
        row.unit,
        row.citation,
        row.matter,
        row.owed_by,
        row.to,
        row.due,
        row.status_zh,
        row.explanation,
        row.rule,
    ]


def _all(row: FindingRow) -> list[object]:
    return [
        row.project,
        row.name,
        row.unit,
        row.citation,
        row.matter,
        row.status_zh,
        row.due,
        row.owed_by,
        row.to,
        row.missing,
        row.explanation,
        row.rule,
    ]


def _listed(items: list[str]) -> str:
    shown = "；".join(items[:LIST_LIMIT])
    return shown + (f"；……等共{len(items)}项" if len(items) > LIST_LIMIT else "")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :func:`write_report` did: projects evaluated, projects that failed, other problems listed (rows of no
    project, unknown columns), findings written, overdue and due within 30 days."""

    projects: int
    failed: int
    problems: int
    findings: int
    overdue: int
    soon: int


def write_report(
    results: Iterable[Evaluated],
    target: Path,
    *,
    as_of: date,
    fmt: str = "xlsx",
    source: str = "",
    problems: Callable[[], Iterable[Problem]] = tuple,
    notes: Callable[[], Iterable[str]] = tuple,
) -> Outcome:
    """Write the report of ``results`` (evaluated projects, in order) to ``target``: an ``.xlsx`` file, or with
    ``fmt="csv"`` a folder of CSV files. The projects that failed and ``problems()`` (asked for after the last
    result: a ledger's rows of no project, its unknown columns) go to 未能评估; ``notes()`` to 概况."""
    sink: _Sink = _Csv(target) if fmt == "csv" else _Xlsx(target)
    tally = Tally(as_of)
    failed: list[Problem] = []
    projects_failed = 0
    try:
        overview = sink.table(OVERVIEW, HEADERS[OVERVIEW])
        overdue = sink.table(OVERDUE, HEADERS[OVERDUE])
        soon = sink.table(SOON, HEADERS[SOON])
        units = sink.table(BY_UNIT, HEADERS[BY_UNIT])
        provisions = sink.table(BY_PROVISION, HEADERS[BY_PROVISION])
        every = sink.table(ALL, HEADERS[ALL])
        for result in results:
            if result.failed:
                projects_failed += 1
                failed.extend(
                    result.problems or [Problem(None, None, result.error or "", project=result.project)]
                )
                continue
            tally.add(result)
            for row in result.rows:
                every.row(_all(row), overdue=row.status is Status.OVERDUE)
        every.finish()
        for row in sorted(
            tally.overdue, key=lambda r: (-(as_of - r.due).days if r.due else 0, r.project, r.rule)
        ):
            overdue.row(_duty(row, (as_of - row.due).days if row.due else None), overdue=True)
        overdue.finish()
        for row in sorted(tally.soon, key=lambda r: (r.due or as_of, r.project, r.rule)):
            soon.row(_duty(row, (row.due - as_of).days if row.due else None))
        soon.finish()
        for name, unit in sorted(tally.units.items(), key=lambda kv: (-kv[1].overdue, -kv[1].soon, kv[0])):
            units.row(
                [
                    name,
                    len(unit.projects),
                    unit.overdue,
                    unit.soon,
                    unit.fails,
                    unit.undetermined,
                    _listed(unit.projects),
                    _listed(unit.duties),
                ],
                overdue=unit.overdue > 0,
            )
        units.finish()
        order = _provision_order()
        for provision_id in sorted(tally.provisions, key=lambda p: (order.get(p, len(order)), p)):
            counts = tally.provisions[provision_id]
            provisions.row([tally.citations[provision_id], provision_id, *counts], overdue=counts[1] > 0)
        provisions.finish()
        others = list(problems())
        everything_failed = [*failed, *others]
        _overview(overview, tally, source, projects_failed, len(everything_failed) - len(failed), notes())
        overview.finish()
        if everything_failed:
            table = sink.table(FAILED, HEADERS[FAILED])
            for problem in everything_failed:
                where = problem.where if problem.sheet else ""
                table.row([problem.project or "", where, problem.field, problem.reason])
            table.finish()
    finally:
        sink.close()
    return Outcome(
        tally.projects, projects_failed, len(others), tally.findings, len(tally.overdue), len(tally.soon)
    )


@cache
def _provision_order() -> dict[str, int]:
    from tinghu_policy.provisions import registry

    return {p.id: n for n, p in enumerate(registry())}


def _overview(
    table: _Table, tally: Tally, source: str, failed: int, others: int, notes: Iterable[str]
) -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        library = version("tinghu-policy")
    except PackageNotFoundError:  # pragma: no cover - a source tree that is not installed
        library = "未安装"
    rows: list[tuple[str, object]] = [
        ("评估日", tally.as_of),
        ("来源", source),
        ("已评估项目", tally.projects),
        ("未能评估的项目", failed),
        ("其他问题（见“未能评估”）", others),
        ("结论（不含不适用）" if Status.NOT_APPLICABLE not in tally.statuses else "结论", tally.findings),
    ]
    for status in Status:
        if status in tally.statuses:
            rows.append((f"　{status.name_zh}", tally.statuses[status]))
    rows.append((f"30日内到期（{tally.as_of}至{tally.as_of + timedelta(days=SOON_DAYS)}）", len(tally.soon)))
    rows.append(("程序版本", f"tinghu-policy {library}"))
    for note in notes:
        rows.append(("说明", note))
    rows.append(("说明", "已逾期事项以红色标出；期限为该日24时止；逾期天数、剩余天数按日历日计算。"))
    for name, value in rows:
        table.row([name, value])


def ledger_results(
    reader: LedgerReader, settings: Settings, everything: bool, jobs: int
) -> Iterator[Evaluated]:
    """A scanned ledger's projects evaluated in order; a project with problems comes back with them, each naming
    its sheet and cell (a project whose cells could not be read is not evaluated)."""
    waiting: dict[str, Assembled] = {}  # the projects in flight, to trace their errors to cells

    def payloads() -> Iterator[tuple[str, dict[str, Any] | None]]:
        for assembled in reader.assembled():
            key = str(assembled.row)
            waiting[key] = assembled
            yield key, None if assembled.problems else assembled.data

    for result in evaluated("ledger", payloads(), settings, everything, jobs):
        assembled = waiting.pop(result.source)
        if result.errors is not None:
            entry = reader.finish(assembled, result.errors)
            yield Evaluated(assembled.id, f"{assembled.row}", problems=entry.problems)
        else:
            yield result


def portfolio_results(path: Path, settings: Settings, everything: bool, jobs: int) -> Iterator[Evaluated]:
    """A JSON-lines portfolio (or a folder of project files) evaluated in order."""
    return evaluated("line", Portfolio(path).items(), settings, everything, jobs)


class ProblemsCsv:
    """Problems written as CSV rows (project, sheet, cell, field, fact, reason), UTF-8 with a byte-order mark, as
    they come (``with ProblemsCsv.open(path) as table: table.add(problem)``; the file appears whole at the end)."""

    HEAD = ("项目编号", "工作表", "单元格", "字段", "字段路径", "原因")

    def __init__(self, write: Callable[[str], object]) -> None:
        self._write = write
        self._lines = _CsvLines()
        self._csv = csv.writer(self._lines)
        self._write("\ufeff")
        self._row(self.HEAD)

    @classmethod
    @contextmanager
    def open(cls, path: Path) -> Iterator[ProblemsCsv]:
        from tinghu_policy.cli.output import atomic_output

        with atomic_output(path) as out:
            yield cls(out.write)

    def _row(self, values: Iterable[str]) -> None:
        self._csv.writerow(list(values))
        self._write(self._lines.take())

    def add(self, problem: Problem) -> None:
        self._row(
            (
                problem.project or "",
                problem.sheet or "",
                problem.cell or "",
                problem.header or "",
                problem.fact or "",
                problem.reason,
            )
        )


class _CsvLines:
    """A file-like object for :mod:`csv` that hands back what was written."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text
