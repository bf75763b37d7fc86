"""Every interpretation option value has a Chinese name in the one table of names (:mod:`tinghu_policy.names`),
used by the site, the CLI and the workbench: a code never reaches a reader."""

from __future__ import annotations

from tinghu_policy.interpretation import DECISIONS
from tinghu_policy.names import OPEN_VALUE_ZH, OPTION_ZH


def test_every_option_value_has_a_chinese_name() -> None:
    missing = []
    for decision in DECISIONS.values():
        options = decision.options()
        if not options:
            if decision.field not in OPEN_VALUE_ZH:
                missing.append(f"{decision.id} {decision.field} (open value): add it to OPEN_VALUE_ZH")
            continue
        names = OPTION_ZH.get(decision.field, {})
        missing += [
            f"{decision.id} {decision.field}={o.value}: add it to OPTION_ZH"
            for o in options
            if o.value not in names
        ]
    assert not missing, "\n".join(missing)


def test_no_name_for_an_option_that_does_not_exist() -> None:
    known = {d.field: {o.value for o in d.options()} for d in DECISIONS.values()}
    stale = [
        f"{field}={value}"
        for field, names in OPTION_ZH.items()
        for value in names
        if value not in known.get(field, ())
    ]
    stale += [field for field in OPEN_VALUE_ZH if field not in known or known[field]]
    assert not stale, stale


def test_names_are_chinese() -> None:
    for names in OPTION_ZH.values():
        for name in names.values():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in name), name


def test_option_zh_names_a_value_of_any_type() -> None:
    from tinghu_policy.interpretation import OverBoundary
    from tinghu_policy.names import option_value, option_zh

    assert (
        option_zh("serious_overdue_boundary", OverBoundary.AT_LEAST)
        == OPTION_ZH["serious_overdue_boundary"]["at_least"]
    )
    assert option_zh("year_end_rollover", True) == OPTION_ZH["year_end_rollover"]["true"]
    assert option_zh("timely_within_working_days", 5) is None  # an open value has no name
    assert option_value(None) == "null"
