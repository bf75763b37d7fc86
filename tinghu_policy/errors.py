"""The library's error types: one base class, so callers can catch everything the rules raise."""

from __future__ import annotations


class TinghuPolicyError(Exception):
    """Base class of every error this library raises on purpose."""


class UnknownProvisionError(TinghuPolicyError, KeyError):
    """A provision id that is not in the edition of the regulation (``articles/``)."""

    def __init__(self, provision_id: str, suggestions: list[str]) -> None:
        self.provision_id = provision_id
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown provision id {provision_id!r}{hint}")

    def __str__(self) -> str:  # KeyError would quote the whole message otherwise
        return str(self.args[0])


class EditionError(TinghuPolicyError):
    """The bundled edition of the regulation (``articles/``) is malformed."""


class CalendarCoverageError(TinghuPolicyError):
    """A date falls outside the official working-day arrangement the calendar holds (decision D12)."""

    def __init__(self, year: int, covered: tuple[int, int]) -> None:
        self.year = year
        self.covered = covered
        super().__init__(
            f"no official working-day arrangement for {year} (calendar data covers "
            f"{covered[0]}–{covered[1]}). Supply {year}'s State Council holiday notice as an overlay "
            f"(WorkCalendar.with_overlay / --calendar-overlay FILE, see docs 'calendar overlays'), "
            f"upgrade chinesecalendar once it ships {year}, or ask for a provisional answer "
            f"(Interpretation(beyond_calendar_data='provisional'), weekends only, marked provisional)."
        )
