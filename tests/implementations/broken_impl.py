"""Implementations that break the protocol in one way each, chosen by the first argument.

``crash`` exits 3 with a message on stderr; ``garbage`` prints text that is not JSON; ``shape`` prints JSON of the
wrong shape; ``status`` reports an unknown status; ``twice`` reports a finding twice; ``hang`` never answers;
``silent`` prints nothing. ``tests/conformance/test_protocol.py`` checks each one errors the case readably.
"""

from __future__ import annotations

import json
import sys
import time


def main(mode: str) -> int:
    sys.stdin.read()
    if mode == "crash":
        print("Traceback (most recent call last):\nRuntimeError: the rule engine exploded", file=sys.stderr)
        return 3
    if mode == "garbage":
        print("<html>not json</html>")
    elif mode == "shape":
        print(json.dumps({"results": []}))
    elif mode == "status":
        print(
            json.dumps({"findings": [{"rule": "art11.filing_set", "subject": "round 1", "status": "passed"}]})
        )
    elif mode == "twice":
        finding = {"rule": "art11.filing_set", "subject": "round 1", "status": "holds", "due": None}
        print(json.dumps({"findings": [finding, finding]}))
    elif mode == "hang":
        time.sleep(3600)
    elif mode != "silent":
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
