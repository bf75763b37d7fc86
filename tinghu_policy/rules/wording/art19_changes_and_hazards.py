"""The words of :mod:`tinghu_policy.rules.art19_changes_and_hazards`: changes and hazards during implementation."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from tinghu_policy.engine import Text
from tinghu_policy.facts import IncidentKind


class _Label(Protocol):
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...


def before_implementation(kind: IncidentKind, occurred: date, start: _Label, started: date | None) -> Text:
    when_zh = f"{start.zh}尚未发生" if started is None else f"早于{start.zh}（{started}）"
    when_en = f"before {start.en} (none recorded)" if started is None else f"before {start.en} on {started}"
    return (
        f"{kind.name_zh}出现于{occurred}，{when_zh}，不属第十九条“在实施过程中”出现的事项",
        f"the {kind.name_en} arose on {occurred}, {when_en}: not during implementation (art. 19)",
    )


def after_completion(kind: IncidentKind, occurred: date, completed: date) -> Text:
    return (
        f"{kind.name_zh}出现于{occurred}，在项目建成（{completed}）之后，属运行阶段，不属第十九条"
        "“在实施过程中”出现的事项（与社会资本合作建设的项目，运行中出现的见第三十九条）",
        f"the {kind.name_en} arose on {occurred}, after completion on {completed}: in operation, not "
        "during implementation (art. 19; a social-capital project's incidents in operation are art. 39's)",
    )


NO_INCIDENT = ("实施过程中未出现重大变更或安全隐患", "no major change or security hazard has arisen")


def arose(kind: IncidentKind) -> Text:
    return f"出现{kind.name_zh}", f"{kind.name_en} arose"
