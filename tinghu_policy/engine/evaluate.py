"""Run every registered rule on a project as of a date."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from tinghu_policy.engine.context import Context, Outcome
from tinghu_policy.engine.findings import Finding, Status, built
from tinghu_policy.engine.provenance import provenance
from tinghu_policy.engine.report import FORMAT_VERSION, LaterFact, Report
from tinghu_policy.engine.rule import Rule, catalogue, scope_of
from tinghu_policy.errors import CalendarCoverageError
from tinghu_policy.facts import Project
from tinghu_policy.interpretation import DEFAULT_INTERPRETATION, CalendarCoverage, Interpretation
from tinghu_policy.names import fact_zh
from tinghu_policy.periods import WorkCalendar, to_legal_date


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
    """
    facts = project if isinstance(project, Project) else Project.model_validate(project)
    interp = interpretation or DEFAULT_INTERPRETATION
    day = to_legal_date(as_of, interp)
    calendar = calendar or WorkCalendar.default()
    findings = [
        built(
            Finding,
            {
                "rule": rule.id,
                "provision": rule.provision,
                "subject": outcome.subject,
                "status": outcome.status,
                "due": outcome.due,
                "owed_by": outcome.owed_by or rule.owed_by,
                "to": rule.to,
                "checks": outcome.checks,
                "missing": outcome.missing,
                "note_zh": outcome.note_zh,
                "note_en": outcome.note_en,
                "provisional": outcome.provisional,
                "estimated_years": outcome.estimated_years,
                "decisions": rule.decisions,
            },
        )
        for rule, outcome in run_rules(facts, day, interp, calendar)
    ]
    return Report.model_construct(
        format_version=FORMAT_VERSION,
        project=facts.id,
        as_of=day,
        interpretation=interp,
        findings=tuple(findings),
        provenance=provenance(
            calendar, estimate=interp.beyond_calendar_data is CalendarCoverage.STATUTORY_ESTIMATE
        ),
        facts_after_as_of=tuple(
            built(LaterFact, {"fact": f.path, "day": f.day, "name_zh": fact_zh(f.path)})
            for f in facts.facts_after(day)
        ),
    )


def run_rules(
    facts: Project, day: date, interpretation: Interpretation, calendar: WorkCalendar
) -> Iterator[tuple[Rule, Outcome]]:
    """Each rule with each of its outcomes, in catalogue order: what :func:`evaluate` turns into findings.

    A finding's party is ``outcome.owed_by or rule.owed_by``. For callers that need less than a
    :class:`Report` (the batch's compact lines) and so skip building the findings. ``day`` is a date (see
    :func:`~tinghu_policy.periods.to_legal_date`); read the outcomes, do not change them (one out-of-scope outcome
    serves every rule).
    """
    rules = catalogue()
    effective = interpretation.effective_date
    if effective is not None and day < effective:
        not_yet = Outcome(
            Status.NOT_APPLICABLE,
            note_zh=f"本办法自{effective}起施行，评估日{day}尚未施行（D13）",
            note_en=f"the regulation takes effect on {effective}; on {day} it is not yet in force (D13)",
        )
        for rule in rules:
            yield rule, not_yet
        return
    scope = scope_of(facts, interpretation)
    outside = Outcome(Status.NOT_APPLICABLE, note_zh=scope.note_zh, note_en=scope.note_en)
    # one context for the evaluation: each rule in turn is ``ctx.rule`` while it runs
    ctx = Context(facts, day, interpretation, calendar, rules[0])
    for rule in rules:
        closed = scope.governed is False or (scope.only is not None and rule.provision not in scope.only)
        if (
            closed
            and not rule.decides_scope
            and not (rule.beyond_scope is not None and rule.beyond_scope(facts, interpretation))
        ):
            yield rule, outside
            continue
        ctx.rule = rule
        for outcome in _run(rule, ctx):
            yield rule, outcome


def _run(rule: Rule, ctx: Context) -> tuple[Outcome, ...]:
    """The rule's outcomes; a date it needs beyond the calendar data makes it UNDETERMINED, naming the year (D12).

    A provisional outcome that does not name its estimated years gets those of the deadlines the rule computed.
    """
    ctx.estimated.clear()
    try:
        result = rule.function(ctx)
        outcomes = (result,) if isinstance(result, Outcome) else tuple(result)
        for outcome in outcomes:
            if outcome.provisional and not outcome.estimated_years:
                outcome.estimated_years = tuple(sorted(ctx.estimated))
        return outcomes
    except CalendarCoverageError as gap:
        return (
            Outcome(
                Status.UNDETERMINED, missing=(f"calendar:{gap.year}",), note_zh=str(gap), note_en=str(gap)
            ),
        )
