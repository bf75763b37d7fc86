"""Built-in corrections of the chinese-calendar data, each settled from the State Council notice it cites.

A correction replaces what chinese-calendar says about one day. Every entry names its notice and the reason,
and shows in :class:`~tinghu_policy.periods.DayInfo` ``source``; an overlay for the same year replaces the
whole year, corrections included. The test suite cross-checks chinese-calendar against python-holidays day by
day; every disagreement is either listed here or documented there as a python-holidays difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tinghu_policy.periods.days import DayKind
from tinghu_policy.periods.notice import Notice


@dataclass(frozen=True, slots=True)
class Correction:
    """What one day really is, per ``source``, where chinese-calendar says otherwise.

    ``kind`` is :attr:`DayKind.PUBLIC_HOLIDAY` or :attr:`DayKind.MAKEUP_WORKDAY`, named after its holiday.
    """

    date: date
    kind: DayKind
    name_zh: str
    name_en: str
    source: Notice
    reason: str


CORRECTIONS: tuple[Correction, ...] = (
    Correction(
        date=date(2005, 12, 31),
        kind=DayKind.MAKEUP_WORKDAY,
        name_zh="元旦",
        name_en="New Year's Day",
        source=Notice.model_construct(
            title="国务院办公厅关于2006年部分节假日安排的通知",
            number="国办发明电〔2005〕35号",
            issued=date(2005, 12, 16),
            url="https://zh.wikisource.org/wiki/国务院办公厅关于2006年部分节假日安排的通知",
        ),
        reason="一、元旦：……将12月31日（星期六）、1月1日（星期日）两个公休日调至1月2日（星期一）、3日（星期二），"
        "12月31日（星期六）上班。chinese-calendar 1.11.0 has this Saturday as a rest day; "
        "python-holidays agrees with the notice.",
    ),
)
"""The corrections applied to the built-in data, by date. Their notices are made without validation, so that
importing the library builds no validator (tests/test_import_weight.py validates them)."""
