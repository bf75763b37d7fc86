"""Run every registered rule on a project as of a date: verdicts first, findings and their words when read.

Two phases, one code path. :func:`verdicts` runs the rules: each returns its verdicts
(:class:`~tinghu_policy.engine.Outcome` — status, due date, subject, missing facts, checks as data, a note as
data) and nothing else. :func:`evaluate` wraps them in a :class:`~tinghu_policy.engine.Report` whose findings are
made when first read, and whose checks and notes are rendered when a finding's are read (the JSON report reads
everything); the batch's compact lines read the verdicts themselves (:func:`run_rules`) and render nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from tinghu_policy.engine import wording
from tinghu_policy.engine.context import Context, Outcome
from tinghu_policy.engine.findings import Finding, Status, built
from tinghu_policy.engine.lazy import Later
from tinghu_policy.engine.provenance import provenance
from tinghu_policy.engine.report import FORMAT_VERSION, LaterFact, Report
from tinghu_policy.engine.rule import Rule, catalogue, scope_of
from tinghu_policy.errors import CalendarCoverageError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import DEFAULT_INTERPRETATION, CalendarCoverage, Interpretation
from tinghu_policy.names import fact_zh
from tinghu_policy.periods import WorkCalendar, to_legal_date

Verdicts = list[tuple[Rule, Outcome]]


def evaluate(
    project: Project | Mapping[str, Any],
    *,
    as_of: date | datetime,
    interpretation: Interpretation | None = None,
    calendar: WorkCalendar | None = None,
) -> Report:
    """Every finding of every rule about ``project`` as of ``as_of``.

    A project the scope test (art. 2, 3, 38, 39) finds outside the regulation gets NOT_APPLICABLE from every other
    rule, with the scope's reason. A rule that needs a day beyond the official calendar data (D12) is
    UNDETERMINED with ``missing`` naming ``calendar:<year>`` and a note saying how to supply that year; the
    report lists those years in :attr:`Report.calendar_years_missing`.

    ``project`` may be a :class:`~tinghu_policy.facts.Project` or its JSON-like mapping (validated here;
    a :class:`pydantic.ValidationError` names each bad field). ``as_of`` is a date, or an aware timestamp
    converted to its Asia/Shanghai date (D14).

    The rules run here; the report's findings are made when first read, and a finding's checks and notes when
    they are read (serialising the report renders everything): what is never read is never rendered.
    """
    facts = project if isinstance(project, Project) else Project.model_validate(project)
    interp = interpretation or DEFAULT_INTERPRETATION
    day = to_legal_date(as_of, interp)
    calendar = calendar or WorkCalendar.default()
    return built(
        Report,
        {
            "format_version": FORMAT_VERSION,
            "project": facts.id,
            "as_of": day,
            "interpretation": interp,
            "findings": _Findings(verdicts(facts, day, interp, calendar)),
            "provenance": provenance(
                calendar, estimate=interp.beyond_calendar_data is CalendarCoverage.STATUTORY_ESTIMATE
            ),
            "facts_after_as_of": _LaterFacts(facts, day),
        },
    )


def run_rules(
    facts: Project, day: date, interpretation: Interpretation, calendar: WorkCalendar
) -> Iterator[tuple[Rule, Outcome]]:
    """Each rule with each of its verdicts, in catalogue order: what :func:`evaluate` turns into findings.

    A finding's party is ``outcome.owed_by or rule.owed_by``. For callers that need less than a
    :class:`Report` (the batch's compact lines), which then render nothing. ``day`` is a date (see
    :func:`~tinghu_policy.periods.to_legal_date`); read the outcomes, do not change them (one out-of-scope outcome
    serves every rule).
    """
    return iter(verdicts(facts, day, interpretation, calendar))


def verdicts(facts: Project, day: date, interpretation: Interpretation, calendar: WorkCalendar) -> Verdicts:
    """:func:`run_rules` as a list."""
    rules = catalogue()
    effective = interpretation.effective_date
    if effective is not None and day < effective:
        not_yet = Outcome(Status.NOT_APPLICABLE, note=(wording.not_yet_in_force, effective, day))
        return [(rule, not_yet) for rule in rules]
    scope = scope_of(facts, interpretation)
    outside = Outcome(Status.NOT_APPLICABLE, note=scope.note)
    closed, only = scope.governed is False, scope.only
    # one context for the evaluation: each rule in turn is ``ctx.rule`` while it runs
    ctx = Context(facts, day, interpretation, calendar, rules[0])
    estimated = ctx.estimated
    out: Verdicts = []
    append = out.append
    for rule in rules:
        if (
            (closed or (only is not None and rule.provision not in only))
            and not rule.decides_scope
            and not (rule.beyond_scope is not None and rule.beyond_scope(facts, interpretation))
        ):
            append((rule, outside))
            continue
        ctx.rule = rule
        if estimated:
            estimated.clear()
        try:
            result = rule.function(ctx)
            if result.__class__ is Outcome:
                if result.provisional and not result.estimated_years:
                    result.estimated_years = tuple(sorted(estimated))
                append((rule, result))
                continue
            outcomes = tuple(result)  # type: ignore[arg-type]
        except CalendarCoverageError as gap:
            undetermined = Outcome(
                Status.UNDETERMINED,
                missing=(f"calendar:{gap.year}",),
                note=(wording.calendar_gap, gap.message_zh, str(gap)),
            )
            append((rule, undetermined))
            continue
        for outcome in outcomes:
            if outcome.provisional and not outcome.estimated_years:
                outcome.estimated_years = tuple(sorted(estimated))
            append((rule, outcome))
    return out


# --- the second phase: findings, checks and notes made when read ---------------------------------------------------


class _Findings(Later):
    """A report's findings, made from its verdicts when first read."""

    __slots__ = ("verdicts",)

    def __init__(self, made: Verdicts) -> None:
        self.verdicts = made

    def fill(self, fields: dict[str, Any]) -> None:
        fields["findings"] = tuple([finding(rule, outcome) for rule, outcome in self.verdicts])


def finding(rule: Rule, outcome: Outcome) -> Finding:
    """The finding of ``rule``'s verdict ``outcome``: its checks and notes rendered when first read."""
    note = outcome.note
    if outcome.checks or (note and note[0].__class__ is not str):
        checks: Any = outcome
        note_zh: Any = outcome
        note_en: Any = outcome
    else:
        checks = ()
        note_zh, note_en = note or ("", "")
    return built(
        Finding,
        {
            "rule": rule.id,
            "provision": rule.provision,
            "subject": outcome.subject,
            "status": outcome.status,
            "due": outcome.due,
            "owed_by": outcome.owed_by or rule.owed_by,
            "to": rule.to,
            "checks": checks,
            "missing": outcome.missing,
            "note_zh": note_zh,
            "note_en": note_en,
            "provisional": outcome.provisional,
            "estimated_years": outcome.estimated_years,
            "decisions": rule.decisions,
        },
    )


class _LaterFacts(Later):
    """The dated facts after ``as_of`` (:meth:`Project.facts_after`), listed when first read."""

    __slots__ = ("day", "facts")

    def __init__(self, facts: Project, day: date) -> None:
        self.facts = facts
        self.day = day

    def fill(self, fields: dict[str, Any]) -> None:
        fields["facts_after_as_of"] = tuple(
            built(LaterFact, {"fact": f.path, "day": f.day, "name_zh": fact_zh(f.path)})
            for f in self.facts.facts_after(self.day)
        )
