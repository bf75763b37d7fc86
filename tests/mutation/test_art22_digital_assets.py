"""Kills the surviving mutants of art22_digital_assets.py: an asset applied for and allocated, but out of order, is
explained as out of order, not as used in order."""

from __future__ import annotations

from datetime import date

from .support import finding


# kills art22_digital_assets.py:58 core/ReplaceAndWithOr #1
def test_applied_after_the_allocation_is_out_of_order_not_in_order() -> None:
    """Art. 22: 向区数据局申请 → 区数据局审核分配 → 使用. Applied 05-21, allocated 05-20, used 05-26: both acts are
    dated, but the application does not come before the allocation — the use FAILS, and the note says the order was
    broken (both acts happened, so none is lacking), never that it was applied for and allocated before."""
    found = finding(
        "art22.asset_allocated",
        as_of=date(2025, 9, 30),
        subject="asset 1",
        implementation={
            "public_digital_assets": [
                {
                    "asset": "政务云计算资源",
                    "applied": "2025-05-21",
                    "allocated": "2025-05-20",
                    "used": "2025-05-26",
                }
            ]
        },
    )
    assert found.status == "fails"
    assert [(c.fact, c.ok) for c in found.checks] == [
        ("implementation.public_digital_assets[0].applied", False),
        ("implementation.public_digital_assets[0].allocated", True),
    ]
    assert "out of the order application, allocation, use" in found.note_en
    assert "申请、审核分配、使用的先后次序不符" in found.note_zh
    assert "applied for and allocated before" not in found.note_en
