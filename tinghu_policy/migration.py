"""Format 1.x project files to format 2.0: what changed, and a converter that says what it had to assume.

Format 2.0 lets the facts say what happened, not only when (``schemas/README.md``, "Migrating from 1.x"):

======================================================  ==========================================================
1.x                                                     2.0
======================================================  ==========================================================
``planning.listed_in_plans: [district]``                ``planning.plans`` and ``planning.key_work_tasks``
``planning.implementation_plan_reviewed: DATE``         ``{day: DATE, outcome: approved|rejected}``
``prohibitions.systems_integrated: true`` (and 3 more)  ``[{value: true, since: DATE}, …]``: the state over time
``review[n].initial_opinion: DATE``                     ``{issued: DATE, received_by_unit: DATE, outcome: …}``
``om_plans[n].reviewed_by_data_bureau: DATE`` (and      ``{day: DATE, outcome: …}``
``rechecked_by_finance``)
``om_plans[n].in_annual_budget: true``                  ``budgeted: DATE``
``approval.extra_approvals_sought: [kind]``             ``approval.extra_approvals: [{kind, sought: DATE}]``
``approval.data_sharing.sharing_chapter``                ``in_feasibility_study`` and ``in_preliminary_design``
``implementation.trial_operation_started``              ``operation.trial_started``
``implementation.overdue_report: {…}``                  ``implementation.delay_reports: [{trigger, …}]``
``implementation.adjustments[n].reviewed_by_*: DATE``   ``{day: DATE, outcome: …}``
``acceptance.classified_protection_result: R`` (and     ``acceptance.classified_protection: {result: R, day: DATE}``
``cryptography_assessment_result``)                     (and ``cryptography_assessment``); also ``not_held``,
                                                        ``{result: not_required, reason: …}``
``acceptance.archive_acceptance`` + ``archive_accepted`` ``acceptance.archive_acceptance: {result, day}``
``acceptance.failed: DATE``                             ``acceptance.failed: [DATE, …]``
======================================================  ==========================================================

A 1.x file says less than 2.0 asks: a review's conclusion, a budget entry's date, which trigger a delay report
answers. The converter never invents a conclusion — a review converts with its conclusion unstated, which the rules
then name as a missing fact — and where 2.0 needs a value 1.x did not hold (a date, a trigger), it takes the
nearest the file gives and says so in a note, for the caller to confirm.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

V1_KEYS: dict[str, tuple[str, ...]] = {
    "planning": ("listed_in_plans",),
    "approval": ("extra_approvals_sought",),
    "approval.data_sharing": ("sharing_chapter",),
    "implementation": ("trial_operation_started", "overdue_report"),
    "acceptance": ("classified_protection_result", "cryptography_assessment_result", "archive_accepted"),
}
"""Keys that exist only in format 1.x, by section: any of them marks a 1.x project."""

_PROHIBITIONS = ("systems_integrated", "migrated_to_cloud", "public_data_shared", "duplicate_construction")
_REVIEWS = ("reviewed_by_data_bureau", "reviewed_by_finance")


def looks_like_v1(project: object) -> bool:
    """Whether ``project`` (parsed JSON or YAML) has a shape only format 1.x has."""
    if not isinstance(project, Mapping):
        return False
    for section, keys in V1_KEYS.items():
        part: object = project
        for name in section.split("."):
            part = part.get(name) if isinstance(part, Mapping) else None
        if isinstance(part, Mapping) and any(k in part for k in keys):
            return True
    prohibitions = project.get("prohibitions")
    if isinstance(prohibitions, Mapping) and any(v is None for v in prohibitions.values()):
        return True  # 1.x: null = not known; 2.0 lists a history
    return any(_is_day(value) or isinstance(value, bool) for value in _v1_values(project))


def _v1_values(project: Mapping[str, Any]) -> list[object]:
    """The values whose 1.x shape (a bare date or a bare yes/no) became an object or a list in 2.0."""

    def part(name: str) -> Mapping[str, Any]:
        value = project.get(name)
        return value if isinstance(value, Mapping) else {}

    def items(value: object) -> list[Mapping[str, Any]]:
        return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []

    acceptance, implementation = part("acceptance"), part("implementation")
    return [
        *part("prohibitions").values(),
        part("planning").get("implementation_plan_reviewed"),
        *(r.get("initial_opinion") for r in items(project.get("review"))),
        *(
            p.get(k)
            for p in items(project.get("om_plans"))
            for k in ("reviewed_by_data_bureau", "rechecked_by_finance")
        ),
        *(True for p in items(project.get("om_plans")) if "in_annual_budget" in p),
        *(a.get(k) for a in items(implementation.get("adjustments")) for k in _REVIEWS),
        acceptance.get("failed"),
        isinstance(acceptance.get("archive_acceptance"), str) or None,
    ]


def hint(project: object) -> str:
    """A sentence to add to a validation error when the input looks like format 1.x (else empty)."""
    if looks_like_v1(project):
        return (
            "\nthis looks like a format 1.x project: convert it with `tinghu-policy migrate FILE` "
            "(schemas/README.md, 'Migrating from 1.x')"
        )
    return ""


def migrate_document(data: Any) -> tuple[Any, list[str]]:
    """A 1.x project, or a case or evaluation request holding one under ``project``, in format 2.0, with notes.

    Input already in format 2.0 comes back unchanged with no notes.
    """
    if isinstance(data, Mapping) and "project" in data:
        project, notes = migrate_project(data["project"])
        return {**data, "project": project}, [f"project.{n}" for n in notes]
    return migrate_project(data)


def migrate_project(data: Any) -> tuple[Any, list[str]]:
    """A 1.x project (parsed JSON or YAML) in format 2.0, and one note per assumption made ("path: what")."""
    if not looks_like_v1(data):
        return data, []
    out: dict[str, Any] = copy.deepcopy(data) if isinstance(data, dict) else dict(data)
    notes: list[str] = []
    _planning(out, notes)
    _prohibitions(out)
    _review(out, notes)
    _om_plans(out, notes)
    _approval(out, notes)
    _implementation(out, notes)
    _acceptance(out)
    return out, notes


def _is_day(value: object) -> bool:
    if isinstance(value, date):
        return True
    return isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-"


def _section(data: dict[str, Any], name: str) -> dict[str, Any] | None:
    part = data.get(name)
    return part if isinstance(part, dict) else None


def _review_act(value: object) -> object:
    """A 1.x review date as a 2.0 review with its conclusion unstated."""
    return {"day": value} if _is_day(value) else value


def _planning(data: dict[str, Any], notes: list[str]) -> None:
    planning = _section(data, "planning")
    if planning is None:
        return
    if "listed_in_plans" in planning:
        planning["plans"] = planning.pop("listed_in_plans")
        if planning["plans"]:
            notes.append(
                "planning.plans: 1.x listed plans and key work tasks together; all were taken as plans — move "
                "key work tasks (重点工作任务) to planning.key_work_tasks"
            )
    if _is_day(planning.get("implementation_plan_reviewed")):
        planning["implementation_plan_reviewed"] = _review_act(planning["implementation_plan_reviewed"])
        notes.append(
            "planning.implementation_plan_reviewed.outcome: not stated in 1.x; give approved or rejected"
        )


def _prohibitions(data: dict[str, Any]) -> None:
    prohibitions = _section(data, "prohibitions")
    if prohibitions is None:
        return
    for name in _PROHIBITIONS:
        value = prohibitions.get(name)
        if isinstance(value, bool):
            prohibitions[name] = [{"value": value}]
        elif name in prohibitions and value is None:
            del prohibitions[name]


def _review(data: dict[str, Any], notes: list[str]) -> None:
    rounds = data.get("review")
    if not isinstance(rounds, list):
        return
    for n, round_ in enumerate(rounds):
        if isinstance(round_, dict) and _is_day(round_.get("initial_opinion")):
            round_["initial_opinion"] = {"issued": round_["initial_opinion"]}
            notes.append(
                f"review[{n}].initial_opinion: its outcome (revise, accept, reject) and the day the unit received "
                "it are not in 1.x; give them"
            )


def _om_plans(data: dict[str, Any], notes: list[str]) -> None:
    plans = data.get("om_plans")
    if not isinstance(plans, list):
        return
    for n, plan in enumerate(plans):
        if not isinstance(plan, dict):
            continue
        for name in ("reviewed_by_data_bureau", "rechecked_by_finance"):
            if _is_day(plan.get(name)):
                plan[name] = _review_act(plan[name])
                notes.append(f"om_plans[{n}].{name}.outcome: not stated in 1.x; give approved or rejected")
        if "in_annual_budget" not in plan:
            continue
        if plan.pop("in_annual_budget") is True:
            plan["budgeted"], source = _budget_day(plan)
            notes.append(
                f"om_plans[{n}].budgeted: 1.x gave no date for the budget entry; {source} was taken — give the "
                "real date"
            )


def _budget_day(plan: dict[str, Any]) -> tuple[object, str]:
    """The nearest date a 1.x plan gives for its budget entry, and which it is."""
    for name in ("rechecked_by_finance", "reviewed_by_data_bureau"):
        act = plan.get(name)
        if isinstance(act, dict) and _is_day(act.get("day")):
            return act["day"], f"the date of {name}"
    if _is_day(plan.get("submitted")):
        return plan["submitted"], "the submission date"
    year = plan.get("year")
    return f"{year}-01-01", f"1 January of the budget year {year}"


def _approval(data: dict[str, Any], notes: list[str]) -> None:
    approval = _section(data, "approval")
    if approval is None:
        return
    if "extra_approvals_sought" in approval:
        approval["extra_approvals"] = [{"kind": k} for k in approval.pop("extra_approvals_sought") or ()]
    sharing = approval.get("data_sharing")
    if isinstance(sharing, dict) and "sharing_chapter" in sharing:
        chapter = sharing.pop("sharing_chapter")
        if chapter is not None:
            sharing["in_feasibility_study"] = sharing["in_preliminary_design"] = chapter
            notes.append(
                "approval.data_sharing: 1.x had one sharing_chapter for both documents; it was given to "
                "in_feasibility_study and in_preliminary_design — correct the one it does not describe"
            )


def _implementation(data: dict[str, Any], notes: list[str]) -> None:
    impl = _section(data, "implementation")
    if impl is None:
        return
    if "trial_operation_started" in impl:
        trial = impl.pop("trial_operation_started")
        if trial is not None:
            operation = data.setdefault("operation", {})
            if isinstance(operation, dict):
                operation["trial_started"] = trial
    if "overdue_report" in impl:
        report = impl.pop("overdue_report")
        if isinstance(report, dict):
            triggers = [
                trigger
                for trigger, present in (
                    ("serious_delay", impl.get("approved_completion") is not None),
                    ("major_loss", impl.get("major_loss") is True),
                )
                if present
            ] or ["serious_delay"]
            impl["delay_reports"] = [{"trigger": t, **report} for t in triggers]
            notes.append(
                "implementation.delay_reports: 1.x had one report for every trigger; it was given to "
                f"{' and '.join(triggers)} — keep only the trigger(s) the report answered"
            )
    adjustments = impl.get("adjustments")
    if isinstance(adjustments, list):
        for n, adjustment in enumerate(adjustments):
            if not isinstance(adjustment, dict):
                continue
            for name in _REVIEWS:
                if _is_day(adjustment.get(name)):
                    adjustment[name] = _review_act(adjustment[name])
                    notes.append(
                        f"implementation.adjustments[{n}].{name}.outcome: not stated in 1.x; give approved or "
                        "rejected"
                    )


def _acceptance(data: dict[str, Any]) -> None:
    acceptance = _section(data, "acceptance")
    if acceptance is None:
        return
    for old, new in (
        ("classified_protection_result", "classified_protection"),
        ("cryptography_assessment_result", "cryptography_assessment"),
    ):
        if old in acceptance:
            result = acceptance.pop(old)
            if result is not None:
                acceptance[new] = {"result": result}
    result, day = acceptance.pop("archive_acceptance", None), acceptance.pop("archive_accepted", None)
    if result is not None or day is not None:
        acceptance["archive_acceptance"] = {
            k: v for k, v in (("result", result), ("day", day)) if v is not None
        }
    if _is_day(acceptance.get("failed")):
        acceptance["failed"] = [acceptance["failed"]]
    elif "failed" in acceptance and acceptance["failed"] is None:
        del acceptance["failed"]
