"""Where an answer comes from: the library, the edition of the regulation, the calendar data — so that an auditor
can re-run a stored report with the same inputs and get the same bytes.

Every :class:`~tinghu_policy.engine.Report` carries a :class:`Provenance`; together with the report's own
``format_version``, ``as_of``, ``interpretation`` and the project, it is everything the answer depends on:

* ``library`` — the installed tinghu-policy version;
* ``regulation`` — a SHA-256 digest of the edition of the text in ``articles/`` (every file, by path), so a changed
  clause or erratum shows;
* ``calendar`` — the chinese-calendar version and the years it covers, the built-in corrections (each with its
  notice), and every overlay with its notice and a digest of its content; with D12 ``statutory_estimate``, the
  lunar-calendar library the estimate's lunar dates come from.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from tinghu_policy._bundled import bundled_path
from tinghu_policy.periods import WorkCalendar


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class OverlaySource(_Frozen):
    """A year supplied by a calendar overlay."""

    year: int
    notice: str = Field(description="The State Council notice the overlay cites.")
    digest: str = Field(description="sha256 of the overlay's content (canonical JSON).")


class CalendarSource(_Frozen):
    """The working-day data an answer used."""

    data: str = Field(description="The package the official arrangement comes from, with its version.")
    years: tuple[int, int] = Field(description="The first and last year the calendar covers.")
    corrections: tuple[str, ...] = Field(
        description="Built-in corrections of the data, each with its notice."
    )
    overlays: tuple[OverlaySource, ...] = Field(description="Years supplied by overlays.")
    estimate: str | None = Field(
        None,
        description="With D12 statutory_estimate: the library the estimate's lunar dates and solar terms come from, "
        "with its version (the editions of the holidays law are the library's own).",
    )


class Provenance(_Frozen):
    """What an answer depends on besides the project, ``as_of`` and the interpretation."""

    library: str = Field(description="tinghu-policy and its version.")
    regulation: str = Field(description="sha256 of the edition of the regulation in articles/.")
    calendar: CalendarSource


def _version(package: str) -> str:
    # imported here: importlib.metadata (with email, zipfile, socket) is needed only by a report's provenance
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:  # a source tree without installed metadata
        return "unknown"


@cache
def regulation_digest() -> str:
    """sha256 over every file of the edition (``articles/``), by relative path then content."""
    root = bundled_path("articles")
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return f"sha256:{digest.hexdigest()}"


def calendar_source(calendar: WorkCalendar, *, estimate: bool = False) -> CalendarSource:
    """The data, corrections and overlays of ``calendar`` (kept per calendar: calendars are immutable); with
    ``estimate``, the source of the statutory estimate (D12)."""
    return _calendar_source(calendar, estimate)


@cache
def _calendar_source(calendar: WorkCalendar, estimate: bool = False) -> CalendarSource:
    return CalendarSource(
        data=f"chinesecalendar {_version('chinesecalendar')}",
        years=calendar.covered,
        corrections=tuple(
            f"{c.date} {c.name_zh} {c.kind.value}: {c.source.citation}" for c in calendar.corrections
        ),
        overlays=tuple(
            OverlaySource(
                year=o.year,
                notice=o.notice.citation,
                digest="sha256:"
                + hashlib.sha256(
                    json.dumps(o.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode("utf-8")
                ).hexdigest(),
            )
            for o in calendar.overlays
        ),
        estimate=f"lunar-python {_version('lunar-python')}" if estimate else None,
    )


def provenance(calendar: WorkCalendar, *, estimate: bool = False) -> Provenance:
    """The provenance of an answer computed on ``calendar`` (``estimate``: with D12 ``statutory_estimate``)."""
    return _provenance(calendar, estimate)


@cache
def _provenance(calendar: WorkCalendar, estimate: bool = False) -> Provenance:
    return Provenance(
        library=f"tinghu-policy {_version('tinghu-policy')}",
        regulation=regulation_digest(),
        calendar=calendar_source(calendar, estimate=estimate),
    )
