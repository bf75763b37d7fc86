"""Rules: small typed functions, each registered with the provision it encodes.

A rule module reads like its clause::

    @rule(
        "art11.initial_opinion",
        provision="art11.p1.i2",
        title_zh="区数据局在5个工作日内给予初审意见",
        title_en="Initial opinion within 5 working days",
        owed_by=Party.DATA_BUREAU,
        decisions=("D1", "D2", "D12"),
    )
    def initial_opinion(ctx: Context) -> Outcomes:
        '''区数据局接收到项目单位申请后，进行预审，在5个工作日内给予初审意见.'''
        ...

The engine runs every registered rule; nothing else lists them. Importing :mod:`tinghu_policy.rules` registers
them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from tinghu_policy.engine.notes import Note, render
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.parties import Party

if TYPE_CHECKING:
    from tinghu_policy.engine.context import Context, Outcome
    from tinghu_policy.facts import Project
    from tinghu_policy.interpretation import Interpretation

RuleFunction = Callable[["Context"], "Outcome | Iterable[Outcome]"]
BeyondScope = Callable[["Project", "Interpretation"], bool]
"""When a rule runs although the scope test puts the project outside the regulation (see :attr:`Rule.beyond_scope`)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule and what it encodes."""

    id: str
    provision: str
    title_zh: str
    title_en: str
    owed_by: Party | None
    to: tuple[Party, ...]
    decisions: tuple[str, ...]
    function: RuleFunction
    decides_scope: bool = False
    """True for the rules of art. 2, 3, 38–40 that run whatever the scope; every other rule is NOT_APPLICABLE
    for a project the scope test finds outside the regulation."""
    beyond_scope: BeyondScope | None = None
    """For a rule whose own text reaches projects the scope test puts outside (art. 7 para. 2's "区级及以下" APPs,
    art. 12's "实质上属于政务信息化建设的项目"): the rule runs for such a project when this returns True."""

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()

    @property
    def module(self) -> str:
        return self.function.__module__


@dataclass(frozen=True, slots=True)
class Table:
    """A provision encoded as data other rules consult (e.g. the responsibility table of art. 5), not as a finding."""

    id: str
    provision: str
    title_zh: str
    title_en: str
    module: str


NON_RETROACTIVITY = "D13"
"""The decision every rule that judges an act applies (through :meth:`Context.reaches`): an act before the stated
effective date is not judged. Registration lists it on every rule but the scope verdicts, which judge no act."""

_REGISTERED: dict[str, Rule] = {}
_TABLES: dict[str, Table] = {}


def rule(
    rule_id: str,
    *,
    provision: str,
    title_zh: str,
    title_en: str,
    owed_by: Party | None = None,
    to: tuple[Party, ...] = (),
    decisions: tuple[str, ...] = (),
    decides_scope: bool = False,
    beyond_scope: BeyondScope | None = None,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``function`` as the rule ``rule_id`` encoding ``provision``."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in _REGISTERED:
            raise TinghuPolicyError(f"rule id {rule_id!r} is registered twice")
        applied = decisions if decides_scope else tuple(dict.fromkeys((*decisions, NON_RETROACTIVITY)))
        _REGISTERED[rule_id] = Rule(
            rule_id,
            provision,
            title_zh,
            title_en,
            owed_by,
            to,
            applied,
            function,
            decides_scope,
            beyond_scope,
        )
        return function

    return register


@dataclass(frozen=True, slots=True)
class Scope:
    """Whether the regulation governs a project (art. 2, 3, 38, 39), and why; None when a fact is missing."""

    governed: bool | None
    note: Note
    """Why, in words (:mod:`tinghu_policy.engine.notes`): what every other rule says of a project outside."""
    only: frozenset[str] | None = None
    """Governed for these provisions only (a project art. 39 alone brings in); None: for every provision."""

    @property
    def note_zh(self) -> str:
        return render(self.note)[0]

    @property
    def note_en(self) -> str:
        return render(self.note)[1]


ScopeTest = Callable[["Project", "Interpretation"], Scope]
_SCOPE_TESTS: list[ScopeTest] = []


def scope_test(function: ScopeTest) -> ScopeTest:
    """Register the one function that decides whether the regulation governs a project."""
    if _SCOPE_TESTS:
        raise TinghuPolicyError("a scope test is registered twice")
    _SCOPE_TESTS.append(function)
    return function


def scope_of(project: Project, interpretation: Interpretation) -> Scope:
    """The registered scope test's verdict (governed when none is registered)."""
    _load_rule_modules()
    if not _SCOPE_TESTS:
        return Scope(True, ("", ""))
    return _SCOPE_TESTS[0](project, interpretation)


def table(table_id: str, *, provision: str, title_zh: str, title_en: str, module: str) -> Table:
    """Register a data table that encodes ``provision`` (``module`` is the defining module's ``__name__``)."""
    if table_id in _TABLES or table_id in _REGISTERED:
        raise TinghuPolicyError(f"encoding id {table_id!r} is registered twice")
    _TABLES[table_id] = Table(table_id, provision, title_zh, title_en, module)
    return _TABLES[table_id]


@cache
def _load_rule_modules() -> None:
    import tinghu_policy.rules as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    from tinghu_policy.provisions import registry

    encodings: tuple[Rule | Table, ...] = (*_REGISTERED.values(), *_TABLES.values())
    for encoding in encodings:
        registry()[encoding.provision]  # raises UnknownProvisionError naming near ids for a wrong citation


@cache
def catalogue() -> tuple[Rule, ...]:
    """Every rule, in the order of the provisions they encode (then of registration)."""
    _load_rule_modules()
    from tinghu_policy.provisions import registry

    order = {p.id: n for n, p in enumerate(registry())}
    return tuple(sorted(_REGISTERED.values(), key=lambda r: order[r.provision]))


@cache
def tables() -> tuple[Table, ...]:
    """Every registered table."""
    _load_rule_modules()
    return tuple(_TABLES.values())


@cache
def _rules_by_id() -> dict[str, Rule]:
    return {r.id: r for r in catalogue()}


def rule_by_id(rule_id: str) -> Rule:
    """The rule with this id (an error naming close ids if none)."""
    rules = _rules_by_id()
    if rule_id not in rules:
        import difflib

        near = difflib.get_close_matches(rule_id, list(rules), n=3)
        raise TinghuPolicyError(
            f"unknown rule id {rule_id!r}" + (f"; did you mean {', '.join(near)}?" if near else "")
        )
    return rules[rule_id]


def rules_by_provision() -> dict[str, tuple[Rule, ...]]:
    """The rules encoding each provision id."""
    out: dict[str, list[Rule]] = {}
    for r in catalogue():
        out.setdefault(r.provision, []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def encoders_by_provision() -> dict[str, tuple[str, ...]]:
    """The ids of the rules and tables encoding each provision id."""
    out: dict[str, list[str]] = {}
    encodings: tuple[Rule | Table, ...] = (*catalogue(), *tables())
    for encoding in encodings:
        out.setdefault(encoding.provision, []).append(encoding.id)
    return {k: tuple(v) for k, v in out.items()}
