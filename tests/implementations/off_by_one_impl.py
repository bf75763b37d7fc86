"""A deliberately wrong implementation: every due date one day late, and every ``holds`` turned into ``fails``.

It proves that ``tinghu-policy conform`` catches wrong rules and shows each wrong field:
``tinghu-policy conform --implementation 'python tests/implementations/off_by_one_impl.py'`` must exit 1 with a
diff for every case that checks a due date or expects a condition to hold.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from typing import Any

from reference_impl import findings


def wrong(finding: dict[str, Any]) -> dict[str, Any]:
    """The finding with its due date shifted by a day and a holding condition flipped to failing."""
    out = dict(finding)
    if out["due"] is not None:
        out["due"] = (date.fromisoformat(out["due"]) + timedelta(days=1)).isoformat()
    if out["status"] == "holds":
        out["status"] = "fails"
    return out


def main() -> int:
    case = json.load(sys.stdin)
    json.dump({"findings": [wrong(f) for f in findings(case)]}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
