"""What the endpoints compute, without HTTP: plain functions over the library, run in a worker thread.

Everything a request may reach is loaded at start-up (:class:`Library`): the calendar overlays of the configured
folder (by name), the corpus cases for the workbench, the provisions and the rules. No request names a file, and no
endpoint reads or writes the file system.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from tinghu_policy.engine import Provenance, Report, evaluate, rule_by_id
from tinghu_policy.engine.provenance import provenance
from tinghu_policy.engine.rule import Rule, catalogue
from tinghu_policy.errors import TinghuPolicyError
from tinghu_policy.interpretation import DECISIONS, Decision, Interpretation
from tinghu_policy.names import OPEN_VALUE_ZH, OPTION_ZH
from tinghu_policy.names import Named as NamedCode
from tinghu_policy.periods import Days, Months, WorkCalendar, WorkingDays, Years, deadline, period_limit
from tinghu_policy.periods.period import Period
from tinghu_policy.server import answers
from tinghu_policy.server.bodies import BODY, BodyError, EvaluateRequest, FieldError, parse_day, read_request
from tinghu_policy.server.settings import MAX_OVERLAYS_PER_REQUEST, Settings
from tinghu_policy.yaml_input import InputError

OVERLAY_SUFFIXES = (".yaml", ".yml", ".json")
_PERIOD = re.compile(r"^(?P<n>[1-9]\d{0,3})(?P<unit>wd|d|m|y)$")
_PERIODS: dict[str, tuple[type[Period], str]] = {
    "wd": (WorkingDays, "working_days"),
    "d": (Days, "days"),
    "m": (Months, "months"),
    "y": (Years, "years"),
}


class ProblemError(TinghuPolicyError):
    """A request the library cannot answer: its HTTP status, a title and the fields that failed."""

    def __init__(
        self, detail: str, status: int = 422, kind: str = "invalid-input", errors: tuple[FieldError, ...] = ()
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.errors = errors


class NotFoundError(ProblemError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail, 404, "not-found")


@dataclass(frozen=True, slots=True)
class Overlay:
    name: str
    calendar_overlay: Any
    digest: str


@dataclass(frozen=True, slots=True)
class CaseEntry:
    id: str
    title: str
    as_of: date
    provisions: tuple[str, ...]
    interpretation: dict[str, Any]
    text: str


class Library:
    """The server's view of the library: overlays and cases loaded once, calendars built once per combination."""

    def __init__(self, settings: Settings, *, load_cases: bool = True) -> None:
        self.settings = settings
        self.overlays: dict[str, Overlay] = load_overlays(settings.overlays_dir)
        self.base = WorkCalendar.default()
        self._cases: dict[str, CaseEntry] | None = None
        if load_cases:
            self.cases()

    # --- calendars ------------------------------------------------------------------------------------------

    def calendar(self, names: Sequence[str]) -> WorkCalendar:
        """The default calendar with the named overlays applied in order (built once per list of names)."""
        if len(names) > MAX_OVERLAYS_PER_REQUEST:
            raise ProblemError(f"calendar_overlay: at most {MAX_OVERLAYS_PER_REQUEST} overlays")
        unknown = [n for n in names if n not in self.overlays]
        if unknown:
            known = (
                ", ".join(sorted(self.overlays))
                or "none (the server was started without --calendar-overlays)"
            )
            raise ProblemError(
                f"calendar_overlay: unknown overlay {', '.join(map(repr, unknown))}; the server has: {known}",
                errors=tuple(
                    FieldError("calendar_overlays", None, f"unknown overlay {n!r}") for n in unknown
                ),
            )
        return self._calendar(tuple(names))

    @lru_cache(maxsize=256)  # noqa: B019  (one Library per process, kept for the process's life)
    def _calendar(self, names: tuple[str, ...]) -> WorkCalendar:
        calendar = self.base
        for name in names:
            try:
                calendar = calendar.with_overlay(self.overlays[name].calendar_overlay)
            except TinghuPolicyError as exc:
                raise ProblemError(f"calendar_overlay {name}: {exc}") from None
        return calendar

    def provenance(self) -> Provenance:
        return provenance(self.base)

    # --- cases ----------------------------------------------------------------------------------------------

    def cases(self) -> dict[str, CaseEntry]:
        if self._cases is None:
            self._cases = load_cases()
        return self._cases


def load_overlays(folder: str | None) -> dict[str, Overlay]:
    """Every overlay file of ``folder`` by name (the file name without its suffix); a bad file stops start-up."""
    if folder is None:
        return {}
    from tinghu_policy.periods import load_overlay

    out: dict[str, Overlay] = {}
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in OVERLAY_SUFFIXES or not path.is_file():
            continue
        if path.stem in out:
            raise TinghuPolicyError(f"{path}: a second overlay named {path.stem!r}")
        overlay = load_overlay(path)
        canonical = json.dumps(overlay.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        digest = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        out[path.stem] = Overlay(path.stem, overlay, digest)
    return out


def load_cases() -> dict[str, CaseEntry]:
    """The bundled corpus, for the workbench's case picker (a case that does not load is left out)."""
    from tinghu_policy.corpus import discover

    out: dict[str, CaseEntry] = {}
    for found in discover():
        try:
            case = found.case
            text = found.path.read_text(encoding="utf-8")
        except (TinghuPolicyError, OSError, UnicodeDecodeError):
            continue
        out[found.id] = CaseEntry(
            found.id,
            case.title,
            case.as_of,
            case.provisions,
            case.interpretation.model_dump(mode="json", exclude_unset=True),
            text,
        )
    return out


# --- evaluate ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Query:
    """The query parameters shared by evaluate, batch and deadline (each may be given several times)."""

    as_of: str | None = None
    options: tuple[str, ...] = ()
    overlays: tuple[str, ...] = ()

    @classmethod
    def read(cls, params: Mapping[str, Sequence[str]]) -> Query:
        as_of = params.get("as_of", ())
        if len(as_of) > 1:
            raise ProblemError("as_of: give it once")
        return cls(
            as_of[0] if as_of else None,
            tuple(params.get("option", ())),
            tuple(params.get("calendar_overlay", ())),
        )


def evaluation_inputs(
    library: Library, request: EvaluateRequest, query: Query
) -> tuple[date, Interpretation, WorkCalendar]:
    """The day, interpretation and calendar of a request: the query's win over the body's (as the CLI's flags win
    over a file's)."""
    from tinghu_policy.cli.inputs import build_interpretation, parse_options

    try:
        day = parse_day(query.as_of, "as_of") if query.as_of is not None else request.as_of
        interpretation = (
            build_interpretation(request.interpretation, options=parse_options(query.options))
            if query.options
            else request.interpretation
        )
    except InputError as exc:
        field = "query.as_of" if str(exc).startswith("as_of") else "query.option"
        raise ProblemError(str(exc), errors=(FieldError(field, None, str(exc)),)) from None
    if day is None:
        message = f"{BODY}: as_of is missing: give it in the body (as_of: YYYY-MM-DD) or the query (?as_of=)"
        raise ProblemError(message, errors=(FieldError("as_of", None, "Field required"),))
    calendar = library.calendar(query.overlays or request.calendar_overlays)
    return day, interpretation, calendar


def check_query(library: Library, query: Query) -> None:
    """Check a batch's query (its date, options and overlays) before any line is read."""
    from tinghu_policy.cli.inputs import build_interpretation, parse_options

    try:
        if query.as_of is not None:
            parse_day(query.as_of, "as_of")
        if query.options:
            build_interpretation(Interpretation(), options=parse_options(query.options))
    except InputError as exc:
        field = "query.as_of" if str(exc).startswith("as_of") else "query.option"
        raise ProblemError(str(exc), errors=(FieldError(field, None, str(exc)),)) from None
    library.calendar(query.overlays)


def evaluate_request(library: Library, request: EvaluateRequest, query: Query) -> Report:
    day, interpretation, calendar = evaluation_inputs(library, request, query)
    try:
        return evaluate(request.project, as_of=day, interpretation=interpretation, calendar=calendar)
    except TinghuPolicyError as exc:  # e.g. a date beyond the calendar data with D3 raise: say which input
        raise ProblemError(f"{BODY}: {exc}", kind="cannot-evaluate") from None


def evaluate_body(
    library: Library, body: bytes, content_type: str | None, query: Query, calendar_format: bool
) -> tuple[bytes, Provenance]:
    """``POST /v1/evaluate``: the report's JSON (exactly :meth:`Report.to_json`), or its iCalendar file, and the
    report's provenance (for the headers: an iCalendar file has no room for it)."""
    try:
        request = read_request(body, content_type, max_bytes=library.settings.max_body_bytes)
    except BodyError as exc:
        kind = {400: "unreadable-body", 413: "body-too-large", 415: "unsupported-media-type"}.get(
            exc.status, "invalid-input"
        )
        raise ProblemError(str(exc), exc.status, kind, exc.errors) from None
    report = evaluate_request(library, request, query)
    if calendar_format:
        from tinghu_policy.cli.ics import report_to_ical

        return report_to_ical(report), report.provenance
    return report.to_json().encode("utf-8"), report.provenance


# --- deadline ------------------------------------------------------------------------------------------------


def read_period(code: str) -> tuple[Period, answers.PeriodAnswer]:
    match = _PERIOD.fullmatch(code.strip())
    if match is None:
        message = (
            f"period: {code!r} is not a period: write N followed by wd (working days), d (days), m (months) or "
            "y (years), e.g. 5wd, 15d, 6m, 1y (N from 1 to 9999)"
        )
        raise ProblemError(message, errors=(FieldError("query.period", None, message),))
    kind, name = _PERIODS[match["unit"]]
    period = kind(int(match["n"]))
    return period, answers.PeriodAnswer(
        code=code.strip(),
        kind=name,
        n=period.n,
        label_zh=period.label_zh,
        label_en=period.label_en,
    )


def deadline_answer(library: Library, params: Mapping[str, Sequence[str]]) -> answers.DeadlineAnswer:
    """``GET /v1/deadline``: the due date of ``period`` from ``start``, each step explained."""
    from tinghu_policy.cli.inputs import build_interpretation, parse_options

    start_values = params.get("start", ())
    period_values = params.get("period", ())
    missing = [name for name, v in (("start", start_values), ("period", period_values)) if not v]
    if missing:
        raise ProblemError(
            f"give {' and '.join(missing)}: e.g. /v1/deadline?start=2025-09-27&period=5wd",
            errors=tuple(FieldError(f"query.{m}", None, "Field required") for m in missing),
        )
    limit_values = params.get("limit", ("false",))
    if limit_values[-1] not in ("true", "false"):
        raise ProblemError("limit: true or false", errors=(FieldError("query.limit", None, "true or false"),))
    query = Query(None, tuple(params.get("option", ())), tuple(params.get("calendar_overlay", ())))
    try:
        start = parse_day(start_values[-1], "start")
    except InputError as exc:
        raise ProblemError(str(exc), errors=(FieldError("query.start", None, str(exc)),)) from None
    try:
        interpretation = build_interpretation(Interpretation(), options=parse_options(query.options))
    except InputError as exc:
        raise ProblemError(str(exc), errors=(FieldError("query.option", None, str(exc)),)) from None
    period, shown = read_period(period_values[-1])
    calendar = library.calendar(query.overlays)
    limit = limit_values[-1] == "true"
    reckon = period_limit if limit else deadline
    try:
        result = reckon(start, period, calendar=calendar, interpretation=interpretation)
        steps = result.steps
    except TinghuPolicyError as exc:
        raise ProblemError(str(exc), kind="cannot-reckon") from None
    return answers.DeadlineAnswer(
        provenance=provenance(calendar),
        start=result.start,
        period=shown,
        limit=limit,
        due=result.due,
        ends_at=result.ends_at,
        provisional=result.provisional,
        steps=tuple(
            answers.StepAnswer(kind=s.kind.value, dates=s.dates, text_zh=s.text_zh, text_en=s.text_en)
            for s in steps
        ),
        explanation_zh="；".join(s.text_zh for s in steps) + "。",
        explanation_en="; ".join(s.text_en for s in steps) + ".",
        interpretation=interpretation,
    )


# --- provisions, rules, decisions ----------------------------------------------------------------------------


def provision_list(library: Library) -> answers.ProvisionList:
    from tinghu_policy.provisions import Level, registry
    from tinghu_policy.provisions.status import aggregate_status, status_of

    rows = []
    for p in registry():
        detail = status_of(p.id) if p.level in (Level.PARAGRAPH, Level.ITEM) else None
        state = aggregate_status(p.id) if p.level is not Level.CHAPTER else None
        rows.append(
            answers.ProvisionSummary(
                id=p.id,
                level=p.level.value,
                citation_zh=p.cite_zh,
                citation_en=p.cite_en,
                status=state.value if state is not None else None,
                rules=detail.rules if detail else (),
                reason=detail.reason if detail else "",
            )
        )
    return answers.ProvisionList(provenance=library.provenance(), provisions=tuple(rows))


def provision_answer(library: Library, provision_id: str) -> answers.ProvisionAnswer:
    from tinghu_policy.errors import UnknownProvisionError
    from tinghu_policy.provisions import Level, registry
    from tinghu_policy.provisions.status import aggregate_status, status_of

    try:
        p = registry()[provision_id]
    except UnknownProvisionError as exc:
        raise NotFoundError(str(exc)) from None
    detail = status_of(p.id) if p.level in (Level.PARAGRAPH, Level.ITEM) else None
    state = aggregate_status(p.id) if p.level is not Level.CHAPTER else None
    rule_ids = (
        detail.rules if detail else tuple(r.id for r in catalogue() if r.provision.startswith(p.id + "."))
    )
    return answers.ProvisionAnswer(
        provenance=library.provenance(),
        id=p.id,
        level=p.level.value,
        chapter=p.chapter,
        citation_zh=p.cite_zh,
        citation_en=p.cite_en,
        text=p.text,
        parent=p.parent,
        children=p.children,
        status=state.value if state is not None else None,
        rules=tuple(_rule_ref(r) for r in rule_ids if _known_rule(r)),
        reason=detail.reason if detail else "",
        errata=tuple(
            answers.Erratum(id=e.id, kind=str(e.kind), original=e.original, corrected=e.corrected)
            for e in registry().errata(p.id)
        ),
    )


def _known_rule(rule_id: str) -> bool:
    return any(r.id == rule_id for r in catalogue())


def _rule_ref(rule_id: str) -> answers.RuleRef:
    r = rule_by_id(rule_id)
    return answers.RuleRef(id=r.id, title_zh=r.title_zh, title_en=r.title_en)


def _named(code: NamedCode) -> answers.Named:
    return answers.Named(code=code.value, name_zh=code.name_zh, name_en=code.name_en)


def rule_answer(library: Library, rule_id: str) -> answers.RuleAnswer:
    from tinghu_policy.provisions import provision

    try:
        r: Rule = rule_by_id(rule_id)
    except TinghuPolicyError as exc:
        raise NotFoundError(str(exc)) from None
    p = provision(r.provision)
    return answers.RuleAnswer(
        provenance=library.provenance(),
        id=r.id,
        title_zh=r.title_zh,
        title_en=r.title_en,
        provision=r.provision,
        citation_zh=p.cite_zh,
        citation_en=p.cite_en,
        text=p.text,
        doc=inspect.cleandoc(r.doc) if r.doc else "",
        owed_by=_named(r.owed_by) if r.owed_by is not None else None,
        to=tuple(_named(t) for t in r.to),
        decides_scope=r.decides_scope,
        decisions=tuple(decision_answer(DECISIONS[d]) for d in r.decisions if d in DECISIONS),
        source=answers.SourceRef(
            module=r.module, function=r.function.__name__, line=r.function.__code__.co_firstlineno
        ),
    )


@cache
def decision_answer(decision: Decision) -> answers.DecisionAnswer:
    info = Interpretation.model_fields[decision.field]
    names = OPTION_ZH.get(decision.field, {})
    default = Interpretation().model_dump(mode="json")[decision.field]
    return answers.DecisionAnswer(
        id=decision.id,
        field=decision.field,
        title_zh=decision.title_zh,
        title_en=decision.title_en,
        basis=decision.basis,
        description=info.description or "",
        default=default,
        options=tuple(
            answers.OptionAnswer(
                value=o.value,
                name_zh=names.get(o.value) or o.meaning or o.value,
                meaning=o.meaning,
                default=o.default,
            )
            for o in decision.options()
        ),
        open_value_zh=OPEN_VALUE_ZH.get(decision.field),
        provisions=decision.provisions,
        rules=tuple(r.id for r in decision.rules()),
    )


def rule_list(library: Library) -> answers.RuleList:
    from tinghu_policy.provisions import provision

    return answers.RuleList(
        provenance=library.provenance(),
        rules=tuple(
            answers.RuleSummary(
                id=r.id,
                title_zh=r.title_zh,
                title_en=r.title_en,
                provision=r.provision,
                citation_zh=provision(r.provision).cite_zh,
            )
            for r in catalogue()
        ),
    )


def decision_list(library: Library) -> answers.DecisionList:
    return answers.DecisionList(
        provenance=library.provenance(), decisions=tuple(decision_answer(d) for d in DECISIONS.values())
    )


# --- version, cases ------------------------------------------------------------------------------------------


def version_answer(library: Library) -> answers.VersionAnswer:
    from tinghu_policy import schemas

    s = library.settings
    return answers.VersionAnswer(
        provenance=library.provenance(),
        library=library.provenance().library,
        python=sys.version.split()[0],
        schemas=schemas.names(),
        calendar_overlays=tuple(
            answers.OverlayAnswer(
                name=o.name,
                year=o.calendar_overlay.year,
                notice=o.calendar_overlay.notice.citation,
                digest=o.digest,
            )
            for o in library.overlays.values()
        ),
        limits=answers.Limits(
            max_body_bytes=s.max_body_bytes,
            time_limit_seconds=s.time_limit,
            max_batch_lines=s.max_batch_lines,
            max_calendar_overlays=MAX_OVERLAYS_PER_REQUEST,
        ),
        auth=s.auth,
        docs_url=s.docs_url,
    )


def case_list(library: Library) -> answers.CaseList:
    return answers.CaseList(
        provenance=library.provenance(),
        cases=tuple(
            answers.CaseSummary(
                id=c.id, group_zh=_group_zh(c.id), title=c.title, as_of=c.as_of, provisions=c.provisions
            )
            for c in sorted(library.cases().values(), key=_case_order)
        ),
    )


def _case_order(case: CaseEntry) -> tuple[int, str]:
    group = case.id.split("/", 1)[0]
    return (int(group[3:]) if group[3:].isdigit() else 1000, case.id)


def _group_zh(case_id: str) -> str:
    from tinghu_policy.provisions import registry

    group = case_id.split("/", 1)[0]
    if group in registry():
        return registry()[group].cite_zh
    return {"lifecycle": "全生命周期"}.get(group, group)


def names_answer(library: Library) -> answers.NamesAnswer:
    from tinghu_policy.names import SUBJECTS, VOCABULARIES

    return answers.NamesAnswer(provenance=library.provenance(), vocabularies=VOCABULARIES, subjects=SUBJECTS)


def case_answer(library: Library, case_id: str) -> answers.CaseAnswer:
    found = library.cases().get(case_id)
    if found is None:
        raise NotFoundError(f"no corpus case {case_id!r} (GET /v1/cases lists them)")
    return answers.CaseAnswer(
        provenance=library.provenance(),
        id=found.id,
        title=found.title,
        as_of=found.as_of,
        provisions=found.provisions,
        interpretation=found.interpretation,
        text=found.text,
    )
