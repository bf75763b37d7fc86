"""The words of :mod:`tinghu_policy.rules.art30_self_evaluation`: the self-evaluation within 12 months."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Note, Text, render


def _comparison(passed: date | None, started: date | None, acceptance_only: bool) -> Text:
    """D10 as the reader sees it: both dates and the one the clock runs from."""
    shown_zh = f"通过验收：{passed or '尚未发生'}；投入运行：{started or '尚未发生'}"
    shown_en = f"acceptance passed: {passed or 'not yet'}; operation started: {started or 'not yet'}"
    if acceptance_only:
        return (
            f"{shown_zh}；按D10选项自通过验收之日起算，投入运行日期不影响起算",
            f"{shown_en}; under the D10 option the clock runs from the pass, whenever operation starts",
        )
    if passed is None or started is None:
        return (
            f"{shown_zh}；D10：自两者中较晚者起算，两者均发生后方起算",
            f"{shown_en}; D10: the clock runs from the later of the two, once both have happened",
        )
    if started > passed:
        which_zh, which_en = f"较晚的投入运行之日 {started}", f"the later, operation on {started}"
    elif started < passed:
        which_zh, which_en = f"较晚的通过验收之日 {passed}", f"the later, the pass on {passed}"
    else:
        which_zh, which_en = f"两者同日 {passed}", f"both on {passed}"
    return f"{shown_zh}；D10：自{which_zh}起算", f"{shown_en}; D10: the clock runs from {which_en}"


def self_evaluation(
    note: Note | None, passed: date | None, started: date | None, acceptance_only: bool, barred: Note | None
) -> Text:
    zh, en = render(note)
    compared_zh, compared_en = _comparison(passed, started, acceptance_only)
    barred_zh, barred_en = render(barred)
    return (
        zh.removesuffix("。") + f"；{compared_zh}{barred_zh}",
        en.removesuffix(".") + f"; {compared_en}{barred_en}",
    )


THEN_SELF_EVALUATION = (
    "自我评价期限仍以记录的合格之日为“通过验收”之日（D10、D16）",
    "the self-evaluation period still takes the recorded pass as 通过验收 (D10, D16)",
)
NOT_SUBMITTED = ("自我评价报告尚未报送", "the self-evaluation report has not been submitted")
