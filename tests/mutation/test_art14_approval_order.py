"""Kills the surviving mutants of art14_approval_order.py: each order check names the step that must come first and
the step it precedes."""

from __future__ import annotations

from typing import Any

from .support import finding

STEPS: dict[str, Any] = {
    "review": [
        {
            "received": "2025-12-01",
            "expert_opinion": "2025-12-20",
            "fiscal_review_report": "2025-12-25",
            "final_opinion": "2026-01-05",
        }
    ],
    "approval": {
        "project_code_obtained": "2026-01-06",
        "documents_filed": "2026-01-07",
        "approved": "2026-01-10",
        "approved_by": "data_bureau",
    },
}
"""The joint evaluation ends 2026-01-05 (final opinion); code 01-06, documents 01-07, approval 01-10: in order."""


# kills art14_approval_order.py:88 NumberReplacer #4
# kills art14_approval_order.py:88 NumberReplacer #5
# kills art14_approval_order.py:88 NumberReplacer #7
def test_each_order_check_names_the_earlier_step_and_the_step_it_precedes() -> None:
    """项目经联合评审后…申请项目代码，向区数据局报送项目审批文件…由区数据局按程序审批: the documents are filed after the
    project code, so their check is "project code obtained (before approval documents filed)"; the approval's checks
    name the documents, the final opinion and the fiscal report, each before the approval."""
    documents = finding("art14.approval_order", subject="documents_filed", **STEPS)
    assert documents.status == "holds"
    assert [(c.fact, c.label_en, c.label_zh) for c in documents.checks] == [
        (
            "approval.project_code_obtained",
            "project code obtained (before approval documents filed)",
            "取得项目代码（报送项目审批文件之前）",
        )
    ]
    approved = finding("art14.approval_order", subject="approved", **STEPS)
    assert approved.status == "holds"
    assert [c.label_en for c in approved.checks] == [
        "approval documents filed (before approved)",
        "final review opinion (before approved)",
        "fiscal review report (before approved)",
    ]
