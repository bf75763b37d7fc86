"""Speed of working-day deadlines: ``working_days_after(d, n)`` and ``deadline(d, WorkingDays(n))`` against
``chinese_calendar.find_workday``, at n = 5, 10 and 15 (target: the lean entry point ≥ 300× per call).

Run: ``.venv/bin/python benchmarks/bench_periods.py``. Prints a table; not a test (no pass/fail threshold). Each
row is measured in one run, the three interleaved, best of several rounds (the machine is shared: ratios, not
absolute times, are what carries over); the load average is printed.

The two do not answer quite the same question: ``find_workday(n, d)`` counts n working days from the first
working day on or after ``d``, whereas 民法典 第二百零一条 does not count the start day at all, so on a
non-working start day ``find_workday`` lands one working day later; and ``find_workday`` knows nothing of the
built-in corrections (2005-12-31). The comparison is of speed on the same start dates; the last column checks
that on working-day starts the answers agree except across a corrected day.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from datetime import date, timedelta

import chinese_calendar

from tinghu_policy.periods import (
    CORRECTIONS,
    WorkCalendar,
    WorkingDays,
    deadline,
    is_working_day,
    working_days_after,
)

STARTS = 1000
REPEATS = 5


def start_dates() -> list[date]:
    """A thousand start dates spread over the covered years (seeded: the same dates on every run)."""
    first, last = WorkCalendar.default().covered
    lo, hi = date(first, 1, 1).toordinal(), (date(last, 12, 31) - timedelta(days=60)).toordinal()
    rng = random.Random(20250927)
    return [date.fromordinal(rng.randint(lo, hi)) for _ in range(STARTS)]


def per_call_us(run_all: Callable[[], object], calls: int) -> float:
    """The time of ``run_all`` (which makes ``calls`` calls), per call, in microseconds."""
    began = time.perf_counter()
    run_all()
    return (time.perf_counter() - began) / calls * 1e6


def row(n: int, starts: list[date]) -> str:
    period = WorkingDays(n)
    lean = ours = theirs = float("inf")
    for round_ in range(REPEATS):  # interleaved, so that the three see the same load
        lean = min(lean, per_call_us(lambda: [working_days_after(d, n) for d in starts], len(starts)))
        ours = min(ours, per_call_us(lambda: [deadline(d, period) for d in starts], len(starts)))
        if round_ < 2:
            theirs = min(
                theirs,
                per_call_us(lambda: [chinese_calendar.find_workday(n, d) for d in starts], len(starts)),
            )
    assert all(working_days_after(d, n) == deadline(d, period).due for d in starts)
    working = [d for d in starts if is_working_day(d)]
    differ = [d for d in working if deadline(d, period).due != chinese_calendar.find_workday(n, d)]
    corrected = [d for d in differ if any(d < c.date <= deadline(d, period).due for c in CORRECTIONS)]
    check = f"{len(working) - len(differ)}/{len(working)}, {len(corrected)} across a correction"
    if len(corrected) != len(differ):
        check += f", {len(differ) - len(corrected)} UNEXPLAINED"
    return (
        f"{period.label_en:<17}{lean:>9.2f}{theirs / lean:>8.0f}×{ours:>15.2f}{theirs / ours:>8.0f}×"
        f"{theirs:>17.1f}   {check}"
    )


def main() -> None:
    began = time.perf_counter()
    deadline(date(2025, 9, 27), WorkingDays(5))  # first use: builds the calendar and its index
    first_use_ms = (time.perf_counter() - began) * 1e3
    working_days_after(date(2025, 9, 27), 5)  # first use of the lean path: its copy of the index
    starts = start_dates()
    first, last = WorkCalendar.default().covered
    print(
        f"{STARTS} start dates in {first}–{last}; first call (builds the index): {first_use_ms:.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"{'period':<17}{'lean µs':>9}{'ratio':>9}{'deadline() µs':>15}{'ratio':>9}{'find_workday µs':>17}   "
        "same due on working starts"
    )
    for n in (5, 10, 15):
        print(row(n, starts))


if __name__ == "__main__":
    main()
