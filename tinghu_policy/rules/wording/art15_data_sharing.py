"""The words of :mod:`tinghu_policy.rules.art15_data_sharing`: the data-sharing chapter and catalogue."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Text

NO_DOCUMENTS = ("尚未报送可行性研究报告或初步设计", "no feasibility study or preliminary design yet")
NOT_APPROVED = ("尚未审批；审批前须编制数据资源目录", "not yet approved; a catalogue is needed first")


def approved_on(approved: date, undated: bool) -> Text:
    note_zh, note_en = f"审批日期：{approved}", f"approved on {approved}"
    if undated:
        note_zh += "；已编制数据资源目录但未提供编制日期，无法判断审批时是否已编制"
        note_en += (
            "; a catalogue exists but its date is not given: whether it existed at approval is not known"
        )
    return note_zh, note_en
