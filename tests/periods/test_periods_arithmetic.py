"""The O(1) index: closed-form weekday counting and rank/select, checked one day at a time."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tinghu_policy.periods.arithmetic import Timeline, nth_weekday, weekdays_before

ordinals = st.integers(1, date(2200, 1, 1).toordinal())


@given(ordinals, st.integers(0, 30))
def test_weekdays_before_counts_mondays_to_fridays(x: int, span: int) -> None:
    counted = sum(date.fromordinal(o).weekday() < 5 for o in range(x, x + span))
    assert weekdays_before(x + span) - weekdays_before(x) == counted


@given(ordinals)
def test_nth_weekday_inverts_weekdays_before(x: int) -> None:
    k = weekdays_before(x) + 1  # the first weekday on or after x
    first = nth_weekday(k)
    assert date.fromordinal(first).weekday() < 5
    assert first >= x
    assert all(date.fromordinal(o).weekday() >= 5 for o in range(x, first))


# a small index with a pattern unlike weekends, to tell index days from the weekday rule outside it
LO = date(2020, 3, 4).toordinal()
FLAGS = bytes([1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1])
LINE = Timeline(LO, FLAGS)


def working(o: int) -> bool:
    return bool(FLAGS[o - LO]) if LO <= o < LO + len(FLAGS) else date.fromordinal(o).weekday() < 5


near = st.integers(LO - 40, LO + len(FLAGS) + 40)


@given(near, st.integers(1, 25))
def test_add_is_the_nth_working_day_inside_and_outside_the_index(x: int, n: int) -> None:
    due = LINE.add(x, n)
    assert working(due)
    assert sum(working(o) for o in range(x + 1, due + 1)) == n


@given(near)
def test_next_working_and_is_working_follow_the_flags(x: int) -> None:
    assert LINE.is_working(x) == working(x)
    nxt = LINE.next_working(x)
    assert working(nxt)
    assert not any(working(o) for o in range(x, nxt))


@given(near, st.integers(0, 60))
def test_rank_differences_count_working_days(x: int, span: int) -> None:
    assert LINE.rank(x + span) - LINE.rank(x) == sum(working(o) for o in range(x, x + span))
