"""The words of :mod:`tinghu_policy.rules.art29_classified_operation`: a classified project's operation."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text

NAMES = {
    "trial_started": ("投入试运行", "trial operation started"),
    "started": ("投入运行", "operation started"),
}
NOT_CLASSIFIED = ("非涉密项目", "not a classified project")
NOT_RUNNING = ("涉密项目尚未投入运行（含试运行）", "the classified project is not running yet")


def running_since(fact: str, day: date) -> Text:
    zh, en = NAMES[fact]
    return f"{zh}日期：{day}", f"{en} on {day}"
