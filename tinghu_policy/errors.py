"""The library's error types: one base class, so callers can catch everything the rules raise."""

from __future__ import annotations

from datetime import date


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
        self.message_zh = (
            f"{year}年没有官方节假日安排（日历数据覆盖{covered[0]}–{covered[1]}年）。可将{year}年国务院办公厅"
            f"节假日安排通知作为日历叠加文件提供（WorkCalendar.with_overlay / --calendar-overlay 文件；格式见 "
            f"examples/calendar-overlays/README.md），或在 chinesecalendar 收录{year}年后升级，或选用标明为临时结果的"
            f"估算：解释决定D12 取 statutory_estimate（周末和法定节假日）或 provisional（仅周末）。"
        )
        """The message in Chinese, for a finding's Chinese note (the exception's own message is English)."""
        super().__init__(
            f"no official working-day arrangement for {year} (calendar data covers "
            f"{covered[0]}–{covered[1]}). Supply {year}'s State Council holiday notice as an overlay "
            f"(WorkCalendar.with_overlay / --calendar-overlay FILE; "
            f"format: examples/calendar-overlays/README.md), "
            f"upgrade chinesecalendar once it ships {year}, or ask for an estimate marked provisional: "
            f"Interpretation(beyond_calendar_data='statutory_estimate') (weekends and the statutory holidays; "
            f"--option D12=statutory_estimate) or 'provisional' (weekends only)."
        )


class LegalDateError(TinghuPolicyError, ValueError):
    """A value that is not a legal date: a naive timestamp, a string, a number… (decision D14)."""


class PeriodError(TinghuPolicyError, ValueError):
    """A period length that is not a whole number ≥ 1, or a result beyond 9999-12-31."""


class MonthEndClampError(TinghuPolicyError):
    """A month or year period has no corresponding day and D3 is ``raise`` (民法典 第二百零二条)."""

    def __init__(self, start: date, period_zh: str, corresponding: str, month_end: date) -> None:
        self.start = start
        self.corresponding = corresponding
        self.month_end = month_end
        super().__init__(
            f"{start} + {period_zh}: the corresponding day {corresponding} does not exist; "
            f"民法典第二百零二条 would end the period on the month end {month_end} "
            f"(D3 month_end='raise' refuses to clamp)"
        )


class CalendarOverlayError(TinghuPolicyError, ValueError):
    """A calendar overlay file that is malformed, or a year that cannot be added to the calendar."""
