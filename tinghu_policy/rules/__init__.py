"""The rules, one module per article or tight group of articles; each module's name says what it encodes.

Every module here is imported by :func:`tinghu_policy.engine.catalogue`, which registers its rules.

:func:`before` and :func:`after` are the one reading of same-day precedence (D17) that every order check shares
(开工前, 经…审核后, 未经…不得, 方可, …后).
"""

from __future__ import annotations

from tinghu_policy.engine import Context, Relation
from tinghu_policy.interpretation import SameDayPrecedence


def _same_day_counts(ctx: Context) -> bool:
    return ctx.interpretation.same_day_precedence is SameDayPrecedence.SAME_DAY_COUNTS


def before(ctx: Context) -> Relation:
    """D17: how an act's date must compare with the date of the act it must precede — on or before it (default
    ``same_day_counts``), or strictly before it (``earlier_day``)."""
    return Relation.ON_OR_BEFORE if _same_day_counts(ctx) else Relation.BEFORE


def after(ctx: Context) -> Relation:
    """D17: how an act's date must compare with the date of the act it must follow — on or after it (default), or
    strictly after it (``earlier_day``)."""
    return Relation.ON_OR_AFTER if _same_day_counts(ctx) else Relation.AFTER
