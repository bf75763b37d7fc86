"""The words of :mod:`tinghu_policy.rules.art27_acceptance`: acceptance, its filing, the 等保/密评 bar, the delay
explanation and the final accounts."""

from __future__ import annotations

from datetime import date

from tinghu_policy.engine import Note, Status, Text, render

CLASSIFIED = (
    "涉密项目的竣工验收按有关规定执行（第二十七条第五款）",
    "a classified project's acceptance follows other rules (art. 27(5))",
)
CLASSIFIED_ACCOUNTS = (
    "涉密项目的竣工验收按有关规定执行（第二十七条第五款），竣工财务决算亦然（D26）",
    "a classified project's acceptance follows other rules (art. 27(5)), final accounts included (D26)",
)


def appended(note: Note | None, *more: Note | None) -> Text:
    """A deadline's note (its explanation ends a sentence), then what follows."""
    zh, en = render(note)
    zh, en = zh.removesuffix("。"), en.removesuffix(".")
    for extra in more:
        more_zh, more_en = render(extra)
        zh, en = zh + more_zh, en + more_en
    return zh, en


# --- the bars of art. 27(2) and art. 28(2) ---------------------------------------------------------------------

SECURITY_TESTS = {
    "classified_protection": ("网络安全等级保护测评", "the 等保 test"),
    "cryptography_assessment": ("密码应用安全性评估", "the 密评 assessment"),
}


def test_passed(field: str) -> Text:
    zh, en = SECURITY_TESTS[field]
    return f"{zh}结果合格", f"{en} passed"


def test_result(field: str) -> Text:
    zh, en = SECURITY_TESTS[field]
    return f"{zh}结果", f"{en} result"


def test_failed(field: str) -> Text:
    zh, en = SECURITY_TESTS[field]
    return (
        f"{zh}结果不合格，依第二十七条第二款不得申请竣工验收",
        f"{en} failed, and art. 27(2) bars the application",
    )


ARCHIVE_FAILED = (
    "档案验收不合格，依第二十八条第二款不得通过竣工验收",
    "the archive acceptance failed, and art. 28(2) bars the pass",
)
ARCHIVE_NOT_HELD = (
    "未经档案验收，依第二十八条第二款不得通过竣工验收",
    "no archive acceptance was held, and art. 28(2) bars the pass",
)


def archive_late(day: date) -> Text:
    return (
        f"档案验收于{day}才进行，竣工验收合格时尚未经档案验收，依第二十八条第二款不得通过竣工验收",
        f"the archive acceptance came only on {day}, after the pass, and art. 28(2) bars it",
    )


def reasons(notes: tuple[Note, ...]) -> Text:
    texts = [render(n) for n in notes]
    return "；".join(zh for zh, _ in texts), "; ".join(en for _, en in texts)


def barred(passed: date, why: tuple[Note, ...], then: Text) -> Text:
    """A later clock (para. 4, art. 30) still runs from a barred pass: ``then`` says how."""
    why_zh, why_en = reasons(why)
    return (
        f"；{passed} 记录的竣工验收合格结论依法不得作出（{why_zh}），不能视为已履行第二十七条第一款，但{then[0]}",
        f"; the pass recorded on {passed} was barred ({why_en}) and does not discharge art. 27(1), but {then[1]}",
    )


def barred_pass(passed: date, why: tuple[Note, ...]) -> Text:
    why_zh, why_en = reasons(why)
    return (
        f"；{passed} 记录竣工验收合格，但{why_zh}：该验收不能视为已依本款组织竣工验收，须整改后重新验收",
        f"; a pass is recorded on {passed}, but {why_en}: it does not discharge this paragraph, "
        "acceptance must be had again after remediation",
    )


def failed_again(failed: date) -> Text:
    return (
        f"；{failed} 竣工验收不合格，须整改后重新验收",
        f"; acceptance failed on {failed}: it must be passed after remediation",
    )


# --- 第一款 ---------------------------------------------------------------------------------------------------


def filed_without_period(filed: date) -> Text:
    return (
        f"已于 {filed} 报送备案；备案无独立期限（D27）",
        f"filed on {filed}; the filing has no period of its own (D27)",
    )


NOT_PASSED_YET = (
    "尚未通过竣工验收，验收相关材料尚待形成（D27 备案无独立期限）",
    "acceptance not yet passed: no acceptance materials to file yet (D27: no period of its own)",
)


def passed_not_filed(passed: date) -> Text:
    return (
        f"{passed} 竣工验收合格，尚未报送备案；备案无独立期限（D27），无到期日、不认定逾期",
        f"acceptance passed on {passed}, not yet filed; the filing has no period of its own (D27): no due "
        "date, never overdue",
    )


NOT_FILED = ("验收相关材料尚未报送备案", "the acceptance materials have not been filed")


def not_required(name: Text, reason: str | None) -> Text:
    return f"{name[0]}：无需进行（{reason}）", f"{name[1]}: not required ({reason})"


# --- 第二款 ---------------------------------------------------------------------------------------------------

NOT_APPLIED = ("尚未申请竣工验收", "acceptance has not been applied for")


def inferred_application(applied: date) -> Text:
    return (
        f"未记录申请日期，以{applied}的验收结论视为已申请竣工验收",
        f"no application date given: the acceptance concluded on {applied} shows it was applied for",
    )


def test_not_held(field: str) -> Text:
    zh, en = SECURITY_TESTS[field]
    return (
        f"{zh}未进行，不属于“结果不合格”；测评报告的欠缺见第一款备案材料",
        f"{en} was not held: not a failed result; the missing report is para. 1's concern",
    )


def test_not_required(field: str, reason: str | None) -> Text:
    return not_required(SECURITY_TESTS[field], reason)


# --- 第三款 ---------------------------------------------------------------------------------------------------


def accepted_in_time(due: date | None) -> Text:
    return (
        f"已于期限 {due} 前通过竣工验收，无需延期说明",
        f"acceptance passed by its due date {due}: no explanation needed",
    )


def explanation_not_owed(due: date | None) -> Text:
    by_zh, by_en = (f"应不晚于 {due} ", f" by {due}") if due else ("", "")
    return (
        "验收期限尚未届满，仍可按期验收，尚不属于“不能按期验收”；"
        f"如不能按期验收，{by_zh}向区数据局提出延期验收说明",
        "the acceptance period is still running and acceptance can still be on time: the explanation is owed "
        f"only by a unit that cannot accept on time, and then{by_en}",
    )


def explanation_due(status: Status, clock: Note | None) -> Text:
    zh, en = render(clock)
    return (
        f"竣工验收{status.label_zh}，延期验收说明应不晚于验收期限；验收期限：{zh.removesuffix('。')}",
        f"acceptance is {status.value}; the explanation is due by the acceptance due date; "
        f"acceptance: {en.removesuffix('.')}",
    )


# --- 第四款 ---------------------------------------------------------------------------------------------------


def accounts_beyond_calendar(year: int, gap_zh: str, gap_en: str) -> Text:
    return (
        f"竣工验收合格后3个月的期限落在{year}年，缺少该年官方节假日安排，无法确定原期限，"
        f"也就无法判断区财政局批准的延长如何计算（D12、D28、D37）；{gap_zh}",
        f"the 3 months after the pass end in {year}, whose official arrangement is missing: the original "
        f"due date, and so how the approved extension counts, cannot be told (D12, D28, D37); {gap_en}",
    )


def explained_before_bound(bound: date) -> Text:
    return (
        f"验收期限届满日需要尚未公布的日历年份才能确定，但不早于 {bound}；延期验收说明在此之前已提出，按期（D12）",
        f"the acceptance due date needs a calendar year not yet published but is no earlier than {bound}; the "
        "explanation was given before it: in time (D12)",
    )


def extended_beyond_calendar(original: date, months: int, year: int) -> Text:
    return (
        f"原期限 {original} 届满后再计{months}个月（D37）的届满日落在{year}年，缺少该年官方节假日安排，无法确定；"
        f"但它晚于原期限 {original}，截至评估日尚未届满（D12）",
        f"{months} more month(s) from the end of the original period {original} (D37) end in {year}, whose official "
        f"arrangement is missing, so the exact day is unknown; it is after {original}, so not yet reached (D12)",
    )


def requested_not_approved(requested: date | None) -> Text:
    return (
        f"；已于 {requested} 在期限内报请延长，区财政局尚未批准：尚未延长（批准后计入，D28）",
        f"; an extension was requested in time on {requested} and is not yet approved: no extension yet "
        "(it counts once approved, D28)",
    )


def late_extension_ignored(approved: date, original: date, requested: date | None, ignored: bool) -> Text:
    if ignored:
        why_zh, why_en = "", ""
    elif requested is None:
        why_zh, why_en = "，未记录报请日期", "; no request date is given"
    else:
        why_zh, why_en = (
            f"，报请于 {requested}，亦晚于原期限",
            f"; it was requested on {requested}, also late",
        )
    return (
        f"；区财政局 {approved} 批准延长，晚于原期限 {original}{why_zh}，不计入（D28）",
        f"; the extension approved on {approved} came after the due date {original}{why_en}: ignored (D28)",
    )


def extension_counted(
    approved: date,
    months_approved: int,
    late: bool,
    counted: bool,
    original: date,
    requested: date | None,
    cap: int,
    months: int,
) -> Text:
    if not late:
        late_zh = late_en = ""
    elif counted:
        late_zh, late_en = (
            f"（晚于原期限 {original}，仍计入，D28）",
            f" (after the due date {original}, counted: D28)",
        )
    else:
        late_zh = f"（晚于原期限 {original}，但已于 {requested} 在期限内报请，计入，D28）"
        late_en = f" (after the due date {original}, but requested in time on {requested}: counted, D28)"
    return (
        f"；区财政局 {approved} 批准延长{months_approved}个月{late_zh}，连同3个月最长{cap}个月（D7），按{months}个月计",
        f"; the finance bureau approved {months_approved} more month(s) on {approved}{late_en}; with the 3 months "
        f"at most {cap} months in all (D7): {months} months",
    )


THEN_ACCOUNTS = (
    "竣工财务决算期限仍自记录的合格之日起算",
    "the final-accounts period still runs from the recorded pass",
)
ORIGINAL_END = ("原3个月期限届满（竣工验收合格后3个月）", "the end of the original 3 months")


def after_original(original: date, months: int) -> Text:
    return (
        f"；原期限 {original} 届满后再计{months}个月（D37）",
        f"; {months} more month(s) from the end of the original period {original} (D37)",
    )


def from_pass(months: int) -> Text:
    return f"；自竣工验收合格起共{months}个月（D37）", f"; {months} months in all from the pass (D37)"
