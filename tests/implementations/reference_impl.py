"""A second implementation for the conformance protocol: this library behind stdin/stdout.

Usage: ``tinghu-policy conform --implementation 'python tests/implementations/reference_impl.py'``. It reads one
case (``schemas/case-input.schema.json``) on stdin and writes ``{"findings": [...]}``
(``schemas/findings.schema.json``) on stdout, using only the public API, as a system in another language would.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from tinghu_policy import Interpretation, Project, evaluate


def findings(case: dict[str, Any]) -> list[dict[str, Any]]:
    """This library's findings for one protocol input."""
    report = evaluate(
        Project.model_validate(case["project"]),
        as_of=date.fromisoformat(case["as_of"]),
        interpretation=Interpretation.model_validate(case["interpretation"]),
    )
    return [
        {
            "rule": f.rule,
            "subject": f.subject,
            "status": f.status.value,
            "due": f.due.isoformat() if f.due else None,
        }
        for f in report.findings
    ]


def main() -> int:
    case = json.load(sys.stdin)
    json.dump({"findings": findings(case)}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
