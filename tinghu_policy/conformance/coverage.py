"""The coverage matrix: for each provision, the rules that encode it and the cases that exercise it.

A case exercises a provision through the rules its expected findings name (the rule's provision) and through its
``provisions`` list. It shows the provision *holding* when it expects a finding of one of the provision's rules
that is met or holds, and *failing* when it expects one that is late, overdue or fails — or, for a provision that
sets no duty but tells the reader something (art. 40's effective date), a notice. Every provision a rule encodes
needs at least one of each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tinghu_policy.conformance.runner import LoadedCase
from tinghu_policy.engine import Status, catalogue, tables
from tinghu_policy.provisions import registry

HOLDING = frozenset({Status.MET, Status.HOLDS})
FAILING = frozenset({Status.LATE, Status.OVERDUE, Status.FAILS, Status.NOTICE})


@dataclass(slots=True)
class ProvisionCoverage:
    """One row of the matrix."""

    provision: str
    rules: tuple[str, ...]
    tables: tuple[str, ...]
    holding: list[str] = field(default_factory=list)
    failing: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    """Cases that exercise the provision without a holding or failing finding of its rules."""
    statuses: dict[str, set[Status]] = field(default_factory=dict)
    """Per rule, the statuses the corpus expects of it."""

    @property
    def needs_cases(self) -> bool:
        """Encoded by a rule, so it must be seen both holding and failing."""
        return bool(self.rules)

    @property
    def gaps(self) -> tuple[str, ...]:
        if not self.needs_cases:
            return ()
        missing = []
        if not self.holding:
            missing.append("no holding case (met/holds)")
        if not self.failing:
            missing.append("no failing case (late/overdue/fails, or a notice)")
        return tuple(missing)


def coverage_matrix(cases: Iterable[LoadedCase]) -> tuple[ProvisionCoverage, ...]:
    """A row for every provision a rule or table encodes or a case names, in the order of the regulation."""
    rows: dict[str, ProvisionCoverage] = {}
    rule_provision = {r.id: r.provision for r in catalogue()}

    def row(provision: str) -> ProvisionCoverage:
        if provision not in rows:
            rules = tuple(r.id for r in catalogue() if r.provision == provision)
            table_ids = tuple(t.id for t in tables() if t.provision == provision)
            rows[provision] = ProvisionCoverage(provision, rules, table_ids)
        return rows[provision]

    for r in catalogue():
        row(r.provision).statuses.setdefault(r.id, set())
    for t in tables():
        row(t.provision)
    for loaded in cases:
        seen: dict[str, set[Status]] = {}
        for expected in loaded.case.expected:
            provision = rule_provision.get(expected.rule)
            if provision is None:
                continue
            seen.setdefault(provision, set()).add(expected.status)
            row(provision).statuses.setdefault(expected.rule, set()).add(expected.status)
        for provision in loaded.case.provisions:
            seen.setdefault(provision, set())
        for provision, statuses in seen.items():
            target = row(provision)
            if statuses & HOLDING:
                target.holding.append(loaded.id)
            if statuses & FAILING:
                target.failing.append(loaded.id)
            if not statuses & (HOLDING | FAILING):
                target.other.append(loaded.id)
    order = {p.id: n for n, p in enumerate(registry())}
    return tuple(sorted(rows.values(), key=lambda c: order.get(c.provision, len(order))))


def coverage_gaps(matrix: Iterable[ProvisionCoverage]) -> dict[str, tuple[str, ...]]:
    """The rule-encoded provisions that lack a holding or a failing case, and what they lack."""
    return {row.provision: row.gaps for row in matrix if row.gaps}
