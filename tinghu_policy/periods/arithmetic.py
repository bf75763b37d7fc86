"""O(1) working-day arithmetic on day ordinals (``date.toordinal()``).

A :class:`Timeline` holds, for the indexed days ``[lo, hi)``, a working flag per day, the prefix sum of
working days and the position of every working day. Outside the index every Monday–Friday counts as a working
day (the provisional reading of decision D12); whether such days may be used at all is the caller's decision,
made once per computation from the span of days it looked at (``WorkCalendar.beyond``).

``rank(x)`` is the number of working days before ordinal ``x``; ``select(k)`` is the ordinal of the k-th
working day. They are inverse over the whole timeline, so "the n-th working day after d" is
``select(rank(d + 1) + n)`` and "working days in (a, b]" is ``rank(b + 1) - rank(a + 1)``.
"""

from __future__ import annotations


def weekdays_before(x: int) -> int:
    """Mondays–Fridays among ordinals ``[1, x)`` (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(x - 1, 7)
    return 5 * weeks + min(rest, 5)


def nth_weekday(k: int) -> int:
    """The ordinal of the k-th Monday–Friday, counting from ordinal 1 (k ≥ 1)."""
    weeks, rest = divmod(k - 1, 5)
    return 1 + 7 * weeks + rest


class Timeline:
    """Working days under one working-day rule (D2): exact inside ``[lo, hi)``, Monday–Friday outside.

    ``[data_lo, data_hi)`` is the part that is the official data (all of it, unless the timeline is extended by the
    statutory estimate, D12): a result that read a day outside it is provisional.
    """

    __slots__ = (
        "_before",
        "_cum",
        "_flags",
        "_hi_weekdays",
        "_pos",
        "_total",
        "data_hi",
        "data_lo",
        "hi",
        "lo",
    )

    def __init__(self, lo: int, flags: bytes, data: tuple[int, int] | None = None) -> None:
        cum = [0] * (len(flags) + 1)
        pos: list[int] = []
        count = 0
        for i, working in enumerate(flags):
            if working:
                pos.append(lo + i)
                count += 1
            cum[i + 1] = count
        self.lo = lo
        self.hi = lo + len(flags)
        self.data_lo, self.data_hi = (self.lo, self.hi) if data is None else data
        self._flags = flags
        self._cum = cum
        self._pos = pos
        self._total = count
        self._before = weekdays_before(lo)
        self._hi_weekdays = weekdays_before(self.hi)

    def data_index(self) -> tuple[list[int], list[int], int]:
        """The index over the official data only (``[data_lo, data_hi)``): for ``i`` days after ``data_lo``, the
        working days before it (``cum[i]``), the ordinals of those working days (``pos``), and ``data_lo``."""
        lo, hi = self.data_lo, self.data_hi
        cum = self._cum[lo - self.lo : hi - self.lo + 1]
        first = cum[0]
        return [c - first for c in cum], self._pos[first : cum[-1]], lo

    def is_working(self, x: int) -> bool:
        if self.lo <= x < self.hi:
            return bool(self._flags[x - self.lo])
        return (x - 1) % 7 < 5

    def rank(self, x: int) -> int:
        """Working days among ordinals ``[1, x)``."""
        if x <= self.lo:
            return weekdays_before(x)
        if x <= self.hi:
            return self._before + self._cum[x - self.lo]
        return self._before + self._total + weekdays_before(x) - self._hi_weekdays

    def select(self, k: int) -> int:
        """The ordinal of the k-th working day (k ≥ 1)."""
        if k <= self._before:
            return nth_weekday(k)
        k -= self._before
        if k <= self._total:
            return self._pos[k - 1]
        return nth_weekday(k - self._total + self._hi_weekdays)

    def add(self, x: int, n: int) -> int:
        """The n-th working day after ordinal ``x`` (``x`` itself not counted)."""
        i = x + 1 - self.lo
        if 0 <= i < len(self._cum):  # the common case, inlined: both ends in the index
            k = self._cum[i] + n
            if k <= self._total:
                return self._pos[k - 1]
        return self.select(self.rank(x + 1) + n)

    def next_working(self, x: int) -> int:
        """The first working day on or after ordinal ``x``."""
        return self.select(self.rank(x) + 1)
