"""Hypothesis strategies for bad input: malformed projects, cases, YAML texts and implementation outputs.

A malformed project starts from a real one (every project of the corpus, as JSON) and gets one defect at a random
place: a field removed, an unknown field added, a value of the wrong type, an absurd date, an unknown enum value, a
negative, NaN or infinite amount. The defect's path is returned with it, so a test can check that the error names
that field (or the object holding it).

Set ``TINGHU_FUZZ_EXAMPLES`` to try more inputs per test (default 100).
"""

from __future__ import annotations

import copy
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tinghu_policy.corpus import discover

Json = Any
Path_ = tuple[str | int, ...]

TRIED: Counter[str] = Counter()
"""Inputs tried per fuzz target (printed by conftest.py)."""

EXAMPLES = int(os.environ.get("TINGHU_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

SEEDS: tuple[Json, ...] = tuple(
    f.case.project.model_dump(mode="json", exclude_defaults=True) for f in discover()
)
"""Every project of the corpus, as the JSON a caller would send (defaults left out)."""
CASE_SEEDS: tuple[Json, ...] = tuple(
    {
        **f.case.model_dump(mode="json", exclude_unset=True),
        "project": f.case.project.model_dump(mode="json", exclude_defaults=True),
    }
    for f in discover()
)

ABSURD_DATES = (
    "0001-01-01",
    "9999-12-31",
    "2025-02-29",
    "2025-13-01",
    "2025-00-10",
    "2025-04-31",
    "20251001",
    "2025-1-1",
    "+12025-01-01",
    "-2025-01-01",
    "2025-10-01T10:00:00",  # a naive timestamp: refused, never guessed (D14)
    "10/01/2025",
    "yesterday",
    "",
    "1e9",
)
BAD_AMOUNTS = (
    "-0.01",
    "-1",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "inf",
    "1e400",
    "0.001",
    "12,000.00",
    "一百万",
)
BAD_NUMBERS: tuple[Json, ...] = (-1, -0.01, float("nan"), float("inf"), float("-inf"), 10**400, 1e308, 0.001)

junk: st.SearchStrategy[Json] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(ABSURD_DATES),
    st.sampled_from(BAD_AMOUNTS),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
"""A value of (probably) the wrong type or shape for whatever field it lands in."""


def paths(data: Json, prefix: Path_ = ()) -> list[Path_]:
    """Every path to a value inside ``data`` (dict keys and list indices)."""
    out: list[Path_] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.append((*prefix, key))
            out += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            out.append((*prefix, n))
            out += paths(value, (*prefix, n))
    return out


def containers(data: Json, prefix: Path_ = ()) -> list[Path_]:
    """Every path to an object (dict) inside ``data``, the root included."""
    out: list[Path_] = [prefix] if isinstance(data, dict) else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += containers(value, (*prefix, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            out += containers(value, (*prefix, n))
    return out


def get(data: Json, path: Path_) -> Json:
    for part in path:
        data = data[part]
    return data


@dataclass(frozen=True)
class Defect:
    """One defect put into a document: what was done where."""

    kind: str
    path: Path_
    value: Json = None

    def __str__(self) -> str:
        return f"{self.kind} at {'.'.join(map(str, self.path)) or '(document)'}: {self.value!r}"


def _set(data: Json, path: Path_, value: Json) -> None:
    get(data, path[:-1])[path[-1]] = value


@st.composite
def defective(draw: st.DrawFn, seeds: tuple[Json, ...] = SEEDS) -> tuple[Json, Defect]:
    """A document from ``seeds`` with one defect in it."""
    data = copy.deepcopy(draw(st.sampled_from(seeds)))
    kind = draw(
        st.sampled_from(("remove", "unknown_field", "wrong_type", "absurd_date", "bad_amount", "bad_enum"))
    )
    every = paths(data)
    if kind == "remove" and every:
        path = draw(st.sampled_from(every))
        holder = get(data, path[:-1])
        if isinstance(holder, dict):
            del holder[path[-1]]
        else:
            holder.pop(path[-1])
        return data, Defect(kind, path)
    if kind == "unknown_field":
        where = draw(st.sampled_from(containers(data)))
        name = draw(st.sampled_from(("colour", "due_date", "Received", "as_of", "项目", "__class__", "")))
        if name in get(data, where):
            name += "_x"
        get(data, where)[name] = draw(junk)
        return data, Defect(kind, (*where, name))
    leaves = [p for p in every if not isinstance(get(data, p), dict | list)] or every
    if not leaves:
        return data, Defect("none", ())
    if kind == "absurd_date":
        dated = [p for p in leaves if isinstance(get(data, p), str) and _looks_like_date(get(data, p))]
        path = draw(st.sampled_from(dated or leaves))
        value: Json = draw(st.sampled_from(ABSURD_DATES))
    elif kind == "bad_amount":
        money = [
            p for p in leaves if p[-1] in ("amount", "total_after", "approved_budget", "actual_expenditure")
        ]
        path = draw(st.sampled_from(money or leaves))
        value = draw(st.one_of(st.sampled_from(BAD_AMOUNTS), st.sampled_from(BAD_NUMBERS)))
    elif kind == "bad_enum":
        path = draw(st.sampled_from(leaves))
        value = draw(
            st.sampled_from(("DISTRICT", "区级", "district ", "fiscal-budget", "passed!", "round 1", "x"))
        )
    else:
        path = draw(st.sampled_from(leaves))
        value = draw(junk)
    _set(data, path, value)
    return data, Defect(kind, path, value)


def _looks_like_date(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def loc_names_defect(loc: tuple[str | int, ...], defect: Defect) -> bool:
    """Whether an error location names the defect's field, the object holding it, or something inside it."""
    parts = tuple(
        p for p in loc if not (isinstance(p, str) and (p.startswith(("function-", "[")) or p in _NOISE))
    )
    where = defect.path
    shorter = min(len(parts), len(where))
    return parts[:shorter] == where[:shorter] and len(parts) >= len(where) - 1


_NOISE = {"decimal", "str", "float", "int", "date", "is-instance[date]", "lax-or-strict", "json-or-python"}


def count(target: str) -> Callable[[], None]:
    """A callable that counts one input tried for ``target``."""

    def tick() -> None:
        TRIED[target] += 1

    return tick
