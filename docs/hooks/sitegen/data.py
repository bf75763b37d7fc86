"""Everything the site shows, read from the library at build time: provisions, rules, tables, decisions, cases.

Nothing here is copied by hand: the text comes from ``articles/`` (the provision registry), the rules from the
engine's catalogue, the decisions from :data:`tinghu_policy.interpretation.DECISIONS` and the ``Interpretation``
model, the cases from the corpus (``tinghu_policy.corpus.discover``).
"""

from __future__ import annotations

import ast
import enum
import inspect
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


@dataclass(frozen=True, slots=True)
class Clock:
    """A period a rule counts, with the facts that start and end it."""

    rule: Rule
    periods: tuple[str, ...]
    periods_en: tuple[str, ...]
    start_zh: str | None
    done_zh: str | None


_PERIOD_TYPES = ("WorkingDays", "Days", "Months", "Years", "YearEnd")
_TRACES: dict[str, list[tuple[str, str, str | None, str]]] = {}
"""What each rule's ``ctx.within`` / ``ctx.due_by`` calls were given while the corpus ran (see ``trace_clocks``)."""


def _period_labels(period: Any) -> tuple[str, str]:
    if type(period).__name__ == "YearEnd":
        return "每年年底前", "before the end of each year"
    return str(period.label_zh), str(period.label_en)


def trace_clocks() -> None:
    """Record the clocks the rules really start: wrap ``Context.within`` and ``Context.due_by`` in this process.

    The generator runs in its own interpreter, so the wrapping ends with it. Run before the corpus is evaluated.
    """
    from tinghu_policy.engine import Context

    within, due_by = Context.within, Context.due_by

    def traced_within(self: Context, start: Any, period: Any, done: Any, **kwargs: Any) -> Any:
        zh, en = _period_labels(period)
        _TRACES.setdefault(self.rule.id, []).append(
            (zh, en, kwargs["start_label"].zh, kwargs["done_label"].zh)
        )
        return within(self, start, period, done, **kwargs)

    def traced_due_by(self: Context, due: Any, done: Any, label: Any, **kwargs: Any) -> Any:
        _TRACES.setdefault(self.rule.id, []).append(("到期日", "a due date", None, label.zh))
        return due_by(self, due, done, label, **kwargs)

    Context.within = traced_within  # type: ignore[method-assign]
    Context.due_by = traced_due_by  # type: ignore[method-assign]


def clocks() -> tuple[Clock, ...]:
    """Every rule that counts a period: as the corpus ran it (traced), else as its code reads (literal periods)."""
    cases()  # runs the corpus, which records the traces
    found = []
    for rule in rules():
        traces = _TRACES.get(rule.id, [])
        periods = [(zh, en) for zh, en, _, _ in traces if zh != "到期日"] or _periods(rule)
        if not traces and not periods:
            continue
        if not periods:
            periods = [("到期日", "a due date")]
        common = Counter((start, done) for _, _, start, done in traces).most_common(1)
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


def other_options() -> tuple[tuple[str, str, str], ...]:
    """``Interpretation`` fields no decision D1–D16 names: (field, description, default)."""
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
    text = str(annotation).replace("typing.", "").replace("datetime.", "")
    return text.replace("<class '", "").replace("'>", "")


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
    path: str
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Expectation:
    rule: str
    subject: str | None
    status: str
    status_zh: str
    due: str | None
    checks_due: bool
    agrees: bool | None
    """The library's own result matches (None: the case could not be run)."""


@dataclass(frozen=True)
class CaseInfo:
    id: str
    path: str
    title: str = ""
    provisions: tuple[str, ...] = ()
    as_of: date | None = None
    comment: str = ""
    overrides: tuple[tuple[str, str], ...] = ()
    facts: tuple[Fact, ...] = ()
    expected: tuple[Expectation, ...] = ()
    error: str | None = None
    run_error: str | None = None
    rules: tuple[str, ...] = field(default=())


@cache
def cases() -> tuple[CaseInfo, ...]:
    return tuple(_case_info(c) for c in discover())


def cases_citing(provision_id: str) -> tuple[CaseInfo, ...]:
    """The cases whose ``provisions`` name ``provision_id``, a part of it, or the article it is in."""
    return tuple(
        case
        for case in cases()
        if any(within(p, provision_id) or within(provision_id, p) for p in case.provisions)
    )


def cases_checking(provision_id: str) -> tuple[CaseInfo, ...]:
    """The other cases that expect a finding of a rule encoding ``provision_id`` or a part of it."""
    encoders = {r.id: r.provision for r in rules()}
    citing = {c.id for c in cases_citing(provision_id)}
    return tuple(
        case
        for case in cases()
        if case.id not in citing and any(within(encoders.get(rule, ""), provision_id) for rule in case.rules)
    )


def home_article(case: CaseInfo) -> str | None:
    """The article page that shows the case in full: the article of its first provision."""
    return next((a for a in (article_of(p) for p in case.provisions) if a), None)


def cases_for_unit(unit_id: str) -> tuple[CaseInfo, ...]:
    """The cases that name this paragraph or item itself, or check a rule encoding it."""
    encoded_by = {r.id for r in rules_for(unit_id)}
    return tuple(case for case in cases() if unit_id in case.provisions or encoded_by & set(case.rules))


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


def _case_info(case_file: CaseFile) -> CaseInfo:
    path = _relative(case_file.path)
    comment = leading_comment(case_file.path)
    try:
        case = case_file.case
    except Exception as exc:  # a malformed case is shown as such, and the build warns
        return CaseInfo(case_file.id, path, comment=comment, error=f"{type(exc).__name__}: {exc}")
    run_error = None
    try:
        problems = compare(case.expected, actual_findings(case.run()))
        wrong = {(m.rule, m.subject) for m in problems}
    except Exception:
        run_error = traceback.format_exc(limit=1)
        wrong = set()
    expected = tuple(
        Expectation(
            e.rule,
            e.subject,
            e.status.value,
            e.status.label_zh,
            None if e.due is None else e.due.isoformat(),
            e.checks_due,
            None if run_error else (e.rule, e.subject) not in wrong,
        )
        for e in case.expected
    )
    overrides = tuple(
        (name, show_value(getattr(case.interpretation, name)))
        for name in Interpretation.model_fields
        if name in case.interpretation.model_fields_set
    )
    return CaseInfo(
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


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def flatten(model: BaseModel, prefix: str = "") -> Iterator[Fact]:
    """The facts a case states (the fields it set), as dotted paths with the field's description."""
    fields = type(model).model_fields
    for name in fields:
        if name not in model.model_fields_set:
            continue
        yield from _flatten_value(getattr(model, name), prefix + name, fields[name].description or "")


def _flatten_value(value: object, path: str, label: str) -> Iterator[Fact]:
    if isinstance(value, BaseModel):
        yield from flatten(value, path + ".")
    elif isinstance(value, tuple | list) and value and all(isinstance(v, BaseModel) for v in value):
        for index, item in enumerate(value):
            yield from _flatten_value(item, f"{path}[{index}]", label)
    elif isinstance(value, dict) and value:
        for key, item in value.items():
            yield from _flatten_value(item, f"{path}.{show_value(key)}", label)
    else:
        yield Fact(path, label, _fact_value(value))


def _fact_value(value: object) -> str:
    if isinstance(value, tuple | list | set | frozenset):
        return "、".join(_fact_value(v) for v in value) if value else "（无 none）"
    if isinstance(value, bool):
        return "是 yes" if value else "否 no"
    if isinstance(value, Decimal):
        return format(value, "f")
    if value is None:
        return "（未提供 none）"
    return show_value(value)


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
