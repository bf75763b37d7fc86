"""Where the text was read: the open wording of each clause, marked in the clause and linked to its decisions.

Each interpretation decision reads some words of the provisions it names (``Decision.provisions``): "5个工作日内"
is where D1 (which day counts first) and D2 (what a working day is) were decided. The article pages mark every
occurrence of these words in those provisions, linked to the decisions (:func:`spans`).
``tests/docs/test_site_build.py`` fails when a phrase is found in none of its decision's provisions, so a change to
the text or to a decision cannot leave a stale mark behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from tinghu_policy.interpretation import DECISIONS

_PERIODS = ("5个工作日内", "15个工作日内", "3个工作日内")
_MONTHS = ("6个月内", "3个月内", "12个月内", "6个月以上", "按期")

OPEN_WORDING: dict[str, tuple[str, ...]] = {
    "D1": (*_PERIODS, *_MONTHS),
    "D2": _PERIODS,
    "D3": _MONTHS,
    "D4": ("6个月内", "3个月内", "12个月内", "按期"),
    "D5": ("超过批复工期6个月以上", "超过初步设计批复时间6个月以上"),
    "D6": ("每年年底前",),
    "D7": ("最长不得超过6个月",),
    "D8": ("不产生公共数据资源的",),
    "D9": ("在5个工作日内对项目",),
    "D10": ("通过验收并投入运行后",),
    "D11": ("及时", "适时"),
    "D13": ("本办法自印发之日起施行",),
    "D15": ("否则将退回申请",),
    "D16": ("项目建成后", "项目实施期间", "项目实施过程中"),
    "D17": (
        "经区数据局审核后",
        "完善申报材料后",
        "经部门会审后",
        "由区财政局复核后",
        "经联合评审后",
        "审核后可以调整",
        "未经档案验收",
        "方可投入运行",
        "开工前",
    ),
    "D18": ("区级各党政机关",),
    "D19": ("涉密项目按国家有关保密规定申报",),
    "D20": ("区数据局形成最终审核意见",),
    "D21": ("不得安排运维经费",),
    "D22": ("涉及新建土建工程、高耗能项目的除外",),
    "D23": ("原则上不再进行",),
    "D24": ("同步规划、同步建设、同步使用", "同步规划、同步建设、同步运行", "项目实施期间", "在实施过程中"),
    "D25": ("项目实际支出有结余的",),
    "D26": ("涉密项目的竣工验收按有关规定执行",),
    "D27": ("报送区发改委、区数据局、区财政局备案",),
    "D28": ("需报区财政局批准",),
    "D29": ("国有企业建设的政务信息化项目",),
    "D30": ("严重超概算",),
    "D31": ("不超过概算总投资10%",),
    "D32": ("项目经联合评审后",),
    "D33": ("15个工作日内针对初审意见",),
    "D34": ("结余资金上缴财政",),
    "D35": ("结余资金上缴财政",),
    "D36": ("项目实施期间",),
    "D37": ("最长不得超过6个月",),
    "D38": ("不纳入区级政务信息化项目建设管理范畴",),
    "D39": ("每年年底前",),
    "D40": ("结余资金上缴财政",),
    "D41": ("否则将退回申请",),
}
"""Decision id → the words of its provisions it reads. D12 (the calendar data) and D14 (the time zone) read no
words of the text: they decide how every date is computed."""

NO_WORDING = frozenset({"D12", "D14"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    decisions: tuple[str, ...]


def spans(provision_id: str, text: str) -> list[Span]:
    """The marked stretches of ``text`` (a provision's clause), overlapping phrases merged, in order."""
    found: list[tuple[int, int, str]] = []
    for decision_id, phrases in OPEN_WORDING.items():
        if provision_id not in DECISIONS[decision_id].provisions:
            continue
        for phrase in phrases:
            start = text.find(phrase)
            while start >= 0:
                found.append((start, start + len(phrase), decision_id))
                start = text.find(phrase, start + 1)
    found.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, decision_id in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], decision_id])
        else:
            merged.append((start, end, [decision_id]))
    return [Span(start, end, tuple(sorted(set(ids), key=lambda d: int(d[1:])))) for start, end, ids in merged]


def unmatched(clause_of: dict[str, str]) -> list[str]:
    """Every phrase found in none of its decision's provisions (``clause_of``: provision id → clause text)."""
    out = []
    for decision_id, phrases in OPEN_WORDING.items():
        texts = [clause_of.get(p, "") for p in DECISIONS[decision_id].provisions]
        out += [f"{decision_id}: {phrase!r}" for phrase in phrases if not any(phrase in t for t in texts)]
    return out
