"""Everything the site shows, read from the library at build time: provisions, rules, tables, decisions, cases.

Nothing here is copied by hand: the text comes from ``articles/`` (the provision registry), the rules from the
engine's catalogue, the decisions from :data:`tinghu_policy.interpretation.DECISIONS` and the ``Interpretation``
model, the cases from the corpus (``tinghu_policy.corpus.discover``).
"""

from __future__ import annotations

import ast
import enum
import inspect
import re
import textwrap
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from tinghu_policy.corpus import CaseFile, actual_findings, compare, discover
from tinghu_policy.engine import Rule, Table, catalogue, rules_by_provision, tables
from tinghu_policy.interpretation import DECISIONS, Decision, Interpretation, Option
from tinghu_policy.names import Named, code_name, fact_zh, option_value, option_zh, subject_name
from tinghu_policy.provisions import Level, Provision, registry
from tinghu_policy.provisions.status import EncodingStatus, ProvisionStatus, aggregate_status, status_of

ROOT = Path(__file__).resolve().parents[3]
"""The source checkout (``docs/hooks/sitegen/`` is three levels down)."""


# ——— provisions ————————————————————————————————————————————————————————————————————————————————————————————————


def articles() -> tuple[Provision, ...]:
    return registry().articles()


def units(article_id: str) -> tuple[Provision, ...]:
    """An article's paragraphs and items, in document order: the units that carry a status."""
    return tuple(p for p in registry().descendants(article_id) if p.level in (Level.PARAGRAPH, Level.ITEM))


def within(provision_id: str, ancestor_id: str) -> bool:
    """``provision_id`` is ``ancestor_id`` or one of its parts (``art11.p1.i2`` is within ``art11``)."""
    return provision_id == ancestor_id or provision_id.startswith(ancestor_id + ".")


def article_of(provision_id: str) -> str | None:
    """``art11`` for ``art11.p1.i2``; None for a chapter or the title."""
    head = provision_id.split(".", 1)[0]
    return head if head.startswith("art") and head in registry() else None


def status(provision_id: str) -> ProvisionStatus:
    return status_of(provision_id)


def article_status(article_id: str) -> EncodingStatus | None:
    return aggregate_status(article_id)


def summary_en(article_id: str) -> str:
    return next(a.summary_en for a in registry().edition.articles if a.id == article_id)


def gist(article: Provision, length: int = 14) -> str:
    """The first words of an article's text, for navigation (``项目申报流程主要包括``)."""
    first = article.text.split("\n", 1)[0]
    for stop in "。；：，":
        first = first.split(stop, 1)[0]
    return first if len(first) <= length else first[: length - 1] + "…"


# ——— rules and tables ——————————————————————————————————————————————————————————————————————————————————————————


def rules() -> tuple[Rule, ...]:
    return catalogue()


def rules_for(provision_id: str) -> tuple[Rule, ...]:
    return rules_by_provision().get(provision_id, ())


def tables_for(provision_id: str) -> tuple[Table, ...]:
    return tuple(t for t in tables() if t.provision == provision_id)


def rule_source(rule: Rule) -> str:
    """The rule's source with its ``@rule`` registration, as written in its module."""
    return textwrap.dedent(inspect.getsource(rule.function))


def module_path(module: str) -> str:
    """``tinghu_policy/rules/art11_review_clock.py`` for a module name."""
    return module.replace(".", "/") + ".py"


def rule_by_id(rule_id: str) -> Rule | None:
    return next((r for r in rules() if r.id == rule_id), None)


def source_line(function: Any) -> int:
    """The line of ``function``'s ``def`` (after its decorators) in its module."""
    return int(function.__code__.co_firstlineno) + _decorator_lines(function)


def _decorator_lines(function: Any) -> int:
    lines, _ = inspect.getsourcelines(function)
    for offset, line in enumerate(lines):
        if line.lstrip().startswith(("def ", "async def ")):
            return offset
    return 0


def rule_body(rule: Rule) -> tuple[tuple[str, int], ...]:
    """The rule's source without its docstring (shown once, as text, beside it): the registration and the
    ``def`` line, then the body, each with the line of its module it starts on (the numbering stays true)."""
    source = rule_source(rule)
    start = int(rule.function.__code__.co_firstlineno)
    tree = ast.parse(source)
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef))
    first = function.body[0]
    if not (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.end_lineno is not None
        and len(function.body) > 1
    ):
        return ((source, start),)
    lines = source.splitlines()
    head = "\n".join(lines[: first.lineno - 1])
    body = "\n".join(lines[first.end_lineno :])
    return ((head, start), (body, start + first.end_lineno))


@dataclass(frozen=True, slots=True)
class Helper:
    """A function or class of another rule module a rule relies on (it applies that module's reading)."""

    module: str
    name: str
    line: int
    doc: str


@dataclass(frozen=True, slots=True)
class Dependencies:
    helpers: tuple[Helper, ...]
    rules: tuple[str, ...]
    """Other rules the rule's text or code names (``art11.application_return``)."""
    tables: tuple[str, ...]
    """The data tables it consults (the responsibilities of art. 5, …)."""


_RULE_ID = re.compile(r"\bart\d+\.[a-z_]+\b")


def dependencies(rule_id: str) -> Dependencies:
    """What a rule relies on besides its own code, read off its source: helpers of other rule modules (followed
    through the helpers of its own module), rules it names, tables it consults."""
    return all_dependencies()[rule_id]


@cache
def all_dependencies() -> dict[str, Dependencies]:
    """:func:`dependencies` of every rule (kept between builds while the library is unchanged)."""
    from sitegen.cache import library_only

    return library_only("dependencies", lambda: {r.id: _dependencies(r.id) for r in rules()})


def _dependencies(rule_id: str) -> Dependencies:
    rule = rule_by_id(rule_id)
    assert rule is not None, rule_id
    known = {r.id for r in rules()}
    table_ids = {t.id for t in tables()}
    helpers: dict[tuple[str, str], Helper] = {}
    found_tables: dict[str, None] = {}
    seen: set[int] = set()

    def visit(function: Any) -> None:
        if id(function) in seen:
            return
        seen.add(id(function))
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        except (OSError, TypeError, SyntaxError):
            return
        namespace: dict[str, Any] = getattr(function, "__globals__", {})
        for node in ast.walk(tree):
            if not isinstance(node, ast.Name) or node.id not in namespace:
                continue
            value = namespace[node.id]
            _collect_tables(value, found_tables)
            module = getattr(value, "__module__", "")
            if not (inspect.isfunction(value) or inspect.isclass(value)):
                continue
            if not module.startswith("tinghu_policy.rules."):
                continue
            if module == rule.module:
                if inspect.isfunction(value) and value is not rule.function and not _is_rule(value):
                    visit(value)
                continue
            key = (module, node.id)
            if key not in helpers:
                doc = inspect.getdoc(value) or ""
                helpers[key] = Helper(module, node.id, _line_of(value), doc.split("\n\n", 1)[0])
                if inspect.isfunction(value):
                    visit_foreign(value)

    def visit_foreign(function: Any) -> None:
        """A helper of another module: only the tables it consults (its own helpers are its module's business)."""
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        except (OSError, TypeError, SyntaxError):
            return
        namespace = getattr(function, "__globals__", {})
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in namespace:
                _collect_tables(namespace[node.id], found_tables)

    visit(rule.function)
    text_of_rule = rule_source(rule)
    named = [m for m in dict.fromkeys(_RULE_ID.findall(text_of_rule)) if m in known and m != rule.id]
    return Dependencies(
        tuple(helpers.values()),
        tuple(named),
        tuple(t for t in found_tables if t in table_ids),
    )


def _is_rule(function: Any) -> bool:
    return any(r.function is function for r in rules())


def _line_of(value: Any) -> int:
    try:
        return int(inspect.getsourcelines(value)[1])
    except (OSError, TypeError):
        return 0


def _collect_tables(value: Any, out: dict[str, None]) -> None:
    if isinstance(value, Table):
        out[value.id] = None
        return
    encoding = getattr(value, "encoding", None)
    if isinstance(encoding, Table):
        out[encoding.id] = None
    if isinstance(value, dict):
        for item in value.values():
            inner = getattr(item, "encoding", None)
            if isinstance(inner, Table):
                out[inner.id] = None


@dataclass(frozen=True, slots=True)
class Clock:
    """A period a rule counts, with the facts that start and end it."""

    rule: Rule
    periods: tuple[str, ...]
    periods_en: tuple[str, ...]
    start_zh: str | None
    done_zh: str | None


_PERIOD_TYPES = ("WorkingDays", "Days", "Months", "Years", "YearEnd")
_TRACE_SINK: list[dict[str, list[tuple[str, str, str | None, str]]]] = []
"""Where the traced ``ctx.within`` / ``ctx.due_by`` calls go: the traces of the case being run (see
``trace_clocks``)."""


def _period_labels(period: Any) -> tuple[str, str]:
    if type(period).__name__ == "YearEnd":
        return "每年年底前", "before the end of each year"
    return str(period.label_zh), str(period.label_en)


def trace_clocks() -> None:
    """Record the clocks the rules really start: wrap ``Context.within`` and ``Context.due_by`` in this process.

    The generator runs in its own interpreter, so the wrapping ends with it. Run before the corpus is evaluated;
    each case's traces are kept with the case (``CaseRun.traces``), so a cached case keeps its clocks.
    """
    from tinghu_policy.engine import Context

    within, due_by = Context.within, Context.due_by

    def record(rule_id: str, trace: tuple[str, str, str | None, str]) -> None:
        if _TRACE_SINK:
            _TRACE_SINK[-1].setdefault(rule_id, []).append(trace)

    def traced_within(self: Context, start: Any, period: Any, done: Any, **kwargs: Any) -> Any:
        zh, en = _period_labels(period)
        record(self.rule.id, (zh, en, kwargs["start_label"].zh, kwargs["done_label"].zh))
        return within(self, start, period, done, **kwargs)

    def traced_due_by(self: Context, due: Any, done: Any, label: Any, **kwargs: Any) -> Any:
        record(self.rule.id, ("到期日", "a due date", None, label.zh))
        return due_by(self, due, done, label, **kwargs)

    Context.within = traced_within  # type: ignore[method-assign]
    Context.due_by = traced_due_by  # type: ignore[method-assign]


@cache
def traces() -> dict[str, list[tuple[str, str, str | None, str]]]:
    """Every clock each rule started while the corpus ran."""
    out: dict[str, list[tuple[str, str, str | None, str]]] = {}
    for run in case_runs():
        for rule_id, found in run.traces.items():
            out.setdefault(rule_id, []).extend(found)
    return out


@cache
def facts_read() -> dict[str, tuple[str, ...]]:
    """The facts (generic paths) each rule's findings checked or missed while the corpus ran, in order met."""
    out: dict[str, dict[str, None]] = {}
    for run in case_runs():
        for rule_id, paths in run.facts_read.items():
            out.setdefault(rule_id, {}).update(dict.fromkeys(paths))
    return {rule_id: tuple(paths) for rule_id, paths in out.items()}


def clocks() -> tuple[Clock, ...]:
    """Every rule that counts a period: as the corpus ran it (traced), else as its code reads (literal periods)."""
    traced = traces()
    found = []
    for rule in rules():
        rule_traces = traced.get(rule.id, [])
        periods = [(zh, en) for zh, en, _, _ in rule_traces if zh != "到期日"] or _periods(rule)
        if not rule_traces and not periods:
            continue
        if not periods:
            periods = [("到期日", "a due date")]
        common = Counter((start, done) for _, _, start, done in rule_traces).most_common(1)
        start, done = common[0][0] if common else _within_labels(rule)
        periods = list(dict.fromkeys(periods))
        found.append(Clock(rule, tuple(zh for zh, _ in periods), tuple(en for _, en in periods), start, done))
    return tuple(found)


def _function_tree(rule: Rule) -> ast.AST:
    return ast.parse(rule_source(rule))


def _periods(rule: Rule) -> list[tuple[str, str]]:
    from tinghu_policy import periods as periods_module

    out: list[tuple[str, str]] = []
    namespace: dict[str, Any] = getattr(rule.function, "__globals__", {})
    for node in ast.walk(_function_tree(rule)):
        value: Any = None
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in _PERIOD_TYPES[:4] and node.args and isinstance(node.args[0], ast.Constant):
                count = node.args[0].value
                if isinstance(count, int):
                    value = getattr(periods_module, name)(count)
            elif name in ("year_end", "YearEnd"):
                out.append(("每年年底前", "before the end of each year"))
        elif isinstance(node, ast.Name) and node.id in namespace:
            candidate = namespace[node.id]
            if type(candidate).__name__ in _PERIOD_TYPES[:4] and hasattr(candidate, "label_zh"):
                value = candidate
        if value is not None:
            out.append((str(value.label_zh), str(value.label_en)))
    return list(dict.fromkeys(out))


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def _within_labels(rule: Rule) -> tuple[str | None, str | None]:
    """The Chinese labels of the start and end facts of the first ``ctx.within`` call, where they are literal."""
    for node in ast.walk(_function_tree(rule)):
        if isinstance(node, ast.Call) and _call_name(node) == "within":
            labels = {kw.arg: _label_zh(kw.value) for kw in node.keywords}
            return labels.get("start_label"), labels.get("done_label")
    return None, None


def _label_zh(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call) and _call_name(node) == "Label" and len(node.args) >= 2:
        zh = node.args[1]
        if isinstance(zh, ast.Constant) and isinstance(zh.value, str):
            return zh.value
        if isinstance(zh, ast.JoinedStr):
            return "".join(
                part.value if isinstance(part, ast.Constant) and isinstance(part.value, str) else "…"
                for part in zh.values
            )
    return None


# ——— interpretation decisions ——————————————————————————————————————————————————————————————————————————————————


@dataclass(frozen=True, slots=True)
class DecisionInfo:
    decision: Decision
    description: str
    kind: str
    """The field's type as written in the model (an enum's name, ``bool``, ``int | None``, …)."""
    options: tuple[Option, ...]
    default: str
    rules: tuple[Rule, ...]


def decisions() -> tuple[DecisionInfo, ...]:
    return tuple(decision_info(d) for d in DECISIONS.values())


FIELD_DECISION: dict[str, str] = {d.field: d.id for d in DECISIONS.values()}
DEFAULT = Interpretation()
"""Interpretation field → the decision that names it."""


def other_options() -> tuple[tuple[str, str, str], ...]:
    """``Interpretation`` fields no decision of the catalogue names: (field, description, default)."""
    named = {d.field for d in DECISIONS.values()}
    return tuple(
        (name, info.description or "", show_value(info.default))
        for name, info in Interpretation.model_fields.items()
        if name not in named
    )


def decision_info(decision: Decision) -> DecisionInfo:
    info = Interpretation.model_fields[decision.field]
    annotation = info.annotation
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        kind = annotation.__name__
    elif annotation is bool:
        kind = "bool"
    else:
        kind = _annotation_text(annotation)
    return DecisionInfo(
        decision, info.description or "", kind, decision.options(), show_value(info.default), decision.rules()
    )


def _annotation_text(annotation: Any) -> str:
    """A field's type as a reader can take it in: ``date | null``, ``int | null``, ``'Asia/Shanghai'``."""
    import types
    import typing

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        shown = [_annotation_text(a) for a in args if a is not type(None)]
        return " | ".join([*shown, "null"] if type(None) in args else shown)
    if origin is typing.Annotated:
        return _annotation_text(args[0])
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


def decisions_for_article(article_id: str) -> tuple[DecisionInfo, ...]:
    """Decisions whose catalogue entry names a provision of the article, or that a rule of the article applies."""
    article_rules = [r for r in rules() if within(r.provision, article_id)]
    return tuple(
        info
        for info in decisions()
        if any(within(p, article_id) for p in info.decision.provisions)
        or any(info.decision.id in r.decisions for r in article_rules)
    )


def show_value(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


# ——— corpus ————————————————————————————————————————————————————————————————————————————————————————————————————


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact a case states: its path, the field's Chinese name, the value's Chinese name and its code."""

    path: str
    name_zh: str
    value_zh: str
    value_code: str = ""
    """The value as written in the case file, when it is a code the Chinese name stands for (``district``)."""


@dataclass(frozen=True, slots=True)
class Expectation:
    rule: str
    subject: str | None
    subject_zh: str | None
    status: str
    status_zh: str
    due: str | None
    checks_due: bool
    agrees: bool | None
    """The library's own result matches (None: the case could not be run)."""
    explanation_zh: str = ""
    """The library's 审查意见 of the finding (``Finding.explanation_zh``), the Chinese working of the case."""
    explanation_en: str = ""


@dataclass(frozen=True, slots=True)
class Override:
    """An interpretation option a case sets: the decision, the value and its Chinese name."""

    field: str
    value: str
    decision: str | None
    value_zh: str
    is_default: bool = False
    """Set in the case file to the default value (stated for emphasis, not a change)."""


@dataclass(frozen=True)
class CaseInfo:
    id: str
    path: str
    title: str = ""
    provisions: tuple[str, ...] = ()
    as_of: date | None = None
    comment: str = ""
    overrides: tuple[Override, ...] = ()
    facts: tuple[Fact, ...] = ()
    expected: tuple[Expectation, ...] = ()
    error: str | None = None
    run_error: str | None = None
    rules: tuple[str, ...] = field(default=())

    @property
    def folder(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def whole_life(self) -> bool:
        """A whole-life case (``corpus/lifecycle/``): one project followed through many articles."""
        return self.folder == "lifecycle"


@dataclass(frozen=True)
class CaseRun:
    """What running one case gives the site: the case, the facts each rule checked, the clocks it started."""

    info: CaseInfo
    facts_read: dict[str, tuple[str, ...]]
    traces: dict[str, tuple[tuple[str, str, str | None, str], ...]]


@cache
def case_runs() -> tuple[CaseRun, ...]:
    from sitegen import cache as run_cache

    return tuple(run_cache.cached_runs(discover(), _run_case))


def cases() -> tuple[CaseInfo, ...]:
    return tuple(run.info for run in case_runs())


@cache
def case_by_id() -> dict[str, CaseInfo]:
    return {c.id: c for c in cases()}


def cases_citing(provision_id: str) -> tuple[CaseInfo, ...]:
    """The cases whose ``provisions`` name ``provision_id``, a part of it, or the article it is in."""
    return tuple(
        case
        for case in cases()
        if any(within(p, provision_id) or within(provision_id, p) for p in case.provisions)
    )


def cases_for_unit(unit_id: str) -> tuple[CaseInfo, ...]:
    """The cases that name this paragraph or item itself, or check a rule encoding it."""
    encoded_by = {r.id for r in rules_for(unit_id)}
    return tuple(case for case in cases() if unit_id in case.provisions or encoded_by & set(case.rules))


def cases_for_rule(rule_id: str) -> tuple[CaseInfo, ...]:
    """The cases that expect a finding of the rule."""
    return tuple(case for case in cases() if rule_id in case.rules)


def cases_for_article(article_id: str) -> tuple[CaseInfo, ...]:
    """The cases that name the article (or a part of it) or check one of its rules."""
    rule_ids = {r.id for r in rules() if within(r.provision, article_id)}
    return tuple(
        case
        for case in cases()
        if any(within(p, article_id) for p in case.provisions) or rule_ids & set(case.rules)
    )


def cases_with_option(field_name: str, value: str) -> tuple[CaseInfo, ...]:
    """The cases that set the interpretation option ``field_name`` to ``value``."""
    return tuple(
        case for case in cases() if any(o.field == field_name and o.value == value for o in case.overrides)
    )


def leading_comment(path: Path) -> str:
    """The comment block at the top of a YAML file (the hand-worked dates), without the ``#`` marks."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        body = stripped[1:]
        lines.append(body[1:] if body.startswith(" ") else body)
    return "\n".join(lines).strip("\n")


_INDEX = re.compile(r"\[\d+\]")


def generic_path(path: str) -> str:
    """A fact's path without list positions (``review[].initial_opinion.issued``): the field, in any round."""
    return _INDEX.sub("[]", path)


def _run_case(case_file: CaseFile) -> CaseRun:
    path = _relative(case_file.path)
    comment = leading_comment(case_file.path)
    try:
        case = case_file.case
    except Exception as exc:  # a malformed case is shown as such, and the build warns
        return CaseRun(
            CaseInfo(case_file.id, path, comment=comment, error=f"{type(exc).__name__}: {exc}"), {}, {}
        )
    run_error = None
    traces: dict[str, list[tuple[str, str, str | None, str]]] = {}
    explained: dict[tuple[str, str | None], tuple[str, str]] = {}
    facts_read: dict[str, dict[str, None]] = {}
    _TRACE_SINK.append(traces)
    try:
        report = case.run()
        problems = compare(case.expected, actual_findings(report))
        wrong = {(m.rule, m.subject) for m in problems}
        for finding in report.findings:
            explained[(finding.rule, finding.subject)] = (finding.explanation_zh, finding.explanation_en)
            read = facts_read.setdefault(finding.rule, {})
            for check in finding.checks:
                read.setdefault(generic_path(check.fact))
            for missing in finding.missing:
                read.setdefault(generic_path(missing))
    except Exception:
        run_error = traceback.format_exc(limit=1)
        wrong = set()
    finally:
        _TRACE_SINK.pop()
    expected = tuple(
        Expectation(
            e.rule,
            e.subject,
            None if e.subject is None else subject_name(e.subject)[0],
            e.status.value,
            e.status.label_zh,
            None if e.due is None else e.due.isoformat(),
            e.checks_due,
            None if run_error else (e.rule, e.subject) not in wrong,
            *explained.get((e.rule, e.subject), ("", "")),
        )
        for e in case.expected
    )
    overrides = tuple(
        Override(
            name,
            option_value(getattr(case.interpretation, name)),
            FIELD_DECISION.get(name),
            option_zh(name, getattr(case.interpretation, name))
            or show_value(getattr(case.interpretation, name)),
            getattr(case.interpretation, name) == getattr(DEFAULT, name),
        )
        for name in Interpretation.model_fields
        if name in case.interpretation.model_fields_set
    )
    info = CaseInfo(
        case_file.id,
        path,
        case.title,
        case.provisions,
        case.as_of,
        comment,
        overrides,
        tuple(flatten(case.project)),
        expected,
        run_error=run_error,
        rules=tuple(dict.fromkeys(e.rule for e in case.expected)),
    )
    return CaseRun(
        info,
        {rule: tuple(paths) for rule, paths in facts_read.items()},
        {rule: tuple(found) for rule, found in traces.items()},
    )


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def flatten(model: BaseModel, prefix: str = "") -> Iterator[Fact]:
    """The facts a case states (the fields it set), as paths with the field's and the value's Chinese names."""
    fields = type(model).model_fields
    for name in fields:
        if name not in model.model_fields_set:
            continue
        yield from _flatten_value(getattr(model, name), prefix + name)


def _flatten_value(value: object, path: str) -> Iterator[Fact]:
    if isinstance(value, BaseModel):
        yield from flatten(value, path + ".")
    elif isinstance(value, tuple | list) and value and all(isinstance(v, BaseModel) for v in value):
        for index, item in enumerate(value):
            yield from _flatten_value(item, f"{path}[{index}]")
    elif isinstance(value, dict) and value:
        for key, item in value.items():
            yield from _flatten_value(item, f"{path}.{show_value(key)}")
    else:
        zh, code = fact_value(value)
        yield Fact(path, fact_zh(path), zh, code)


def fact_value(value: object) -> tuple[str, str]:
    """A fact's value as a reader reads it, and the code it stands for ("" when the value is no code)."""
    if isinstance(value, tuple | list | set | frozenset):
        if not value:
            return "（无）", ""
        shown = [fact_value(v) for v in value]
        return "、".join(zh for zh, _ in shown), "、".join(code for _, code in shown if code)
    if isinstance(value, bool):
        return ("是" if value else "否"), ""
    if isinstance(value, Named):
        return value.name_zh, str(value.value)
    if isinstance(value, enum.Enum):
        found = code_name(str(value.value))
        return (found[0], str(value.value)) if found else (str(value.value), "")
    if isinstance(value, Decimal):
        return format(value, "f"), ""
    if isinstance(value, date):
        return value.isoformat(), ""
    if value is None:
        return "（未提供）", ""
    if isinstance(value, str) and (found := code_name(value)):
        return found[0], value
    return str(value), ""


def clause_text(provision: Provision) -> str:
    """The text of a paragraph without its items (the lead-in), or an item's text."""
    if provision.level is Level.PARAGRAPH:
        for article in registry().edition.articles:
            for paragraph in article.paragraphs:
                if paragraph.id == provision.id:
                    return paragraph.text
    return provision.text


def table_statement(table: Table) -> str:
    """The statement of ``table.module`` that registers ``table`` (its source), or "" if it cannot be found."""
    import importlib

    module = importlib.import_module(table.module)
    source = inspect.getsource(module)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.Expr):
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and _call_name(call) == "table"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and call.args[0].value == table.id
                ):
                    return ast.get_source_segment(source, node) or ""
    return ""


def module_doc(module: str) -> str:
    import importlib

    return inspect.cleandoc(importlib.import_module(module).__doc__ or "")
