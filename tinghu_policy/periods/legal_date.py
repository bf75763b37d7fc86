"""Legal dates (decision D14): every period is counted in calendar dates of Asia/Shanghai.

A timezone-aware timestamp is converted to its Shanghai date before counting; a naive timestamp, a string or a
number is refused rather than guessed. A period's last day ends at 二十四时 (民法典 第二百零三条第二款),
i.e. at 00:00 Asia/Shanghai of the next day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from tinghu_policy.errors import LegalDateError
from tinghu_policy.interpretation import DEFAULT_INTERPRETATION, Interpretation


@cache
def legal_zone(name: str = DEFAULT_INTERPRETATION.timezone) -> ZoneInfo:
    """The time zone legal dates are counted in (loaded once)."""
    return ZoneInfo(name)


def to_legal_date(value: date | datetime, interpretation: Interpretation | None = None) -> date:
    """The Asia/Shanghai calendar date of ``value`` (D14).

    A ``date`` is returned as it is; an aware ``datetime`` is converted to its date in Asia/Shanghai (so
    2025-09-26T20:00Z is 2025-09-27). A naive ``datetime`` and any other type raise :class:`LegalDateError`.
    """
    if isinstance(value, datetime):  # before date: datetime is a subclass of date
        if value.utcoffset() is None:
            raise LegalDateError(
                f"naive timestamp {value.isoformat()} refused: give a date, or a timestamp with its time "
                f"zone (it is converted to its Asia/Shanghai date, D14)"
            )
        zone = legal_zone((interpretation or DEFAULT_INTERPRETATION).timezone)
        return value.astimezone(zone).date()
    if isinstance(value, date):
        return value
    raise LegalDateError(
        f"expected a date or a timezone-aware datetime, got {type(value).__name__} {value!r}"
    )


def end_of_day(day: date, interpretation: Interpretation | None = None) -> datetime:
    """二十四时 of ``day``: 00:00 Asia/Shanghai of the next day, aware (民法典 第二百零三条第二款)."""
    zone = legal_zone((interpretation or DEFAULT_INTERPRETATION).timezone)
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
