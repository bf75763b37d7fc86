"""The words of :mod:`tinghu_policy.rules.art28_archives`: the archive acceptance before the pass."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text

NOT_PASSED = ("尚未通过竣工验收", "acceptance has not been passed")


def passed_on(passed: date) -> Text:
    return f"竣工验收合格日期：{passed}", f"acceptance passed on {passed}"
