"""``from tinghu_policy import evaluate, Project`` builds no validator and loads no package metadata (issue #20).

Not a timing: these check what the import does, so that it stays light whatever the machine. Pydantic builds a
model's validator when the model is first used (``defer_build``); the built-in values made at import (the default
interpretation, the calendar corrections' notices) are constructed from literals, and validated here instead.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tinghu_policy.interpretation import DEFAULT_INTERPRETATION, Interpretation
from tinghu_policy.periods import CORRECTIONS
from tinghu_policy.periods.notice import Notice

_PROBE = """
import json, sys
from pydantic import BaseModel
from tinghu_policy import evaluate, Project

def models(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from models(sub)

print(json.dumps({
    "built": sorted(m.__qualname__ for m in models(BaseModel) if m.__pydantic_complete__),
    "loaded": sorted(m for m in ("importlib.metadata", "email", "socket", "zipfile") if m in sys.modules),
}))
"""


def _imported() -> dict[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True)
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


def test_the_import_builds_no_pydantic_validator_and_reads_no_package_metadata() -> None:
    assert _imported() == {"built": [], "loaded": []}


def test_the_default_interpretation_made_at_import_is_the_validated_one() -> None:
    validated = Interpretation.model_validate({})
    assert validated == DEFAULT_INTERPRETATION
    assert hash(DEFAULT_INTERPRETATION) == hash(validated)
    assert DEFAULT_INTERPRETATION.model_dump() == validated.model_dump()


def test_each_correction_notice_made_at_import_validates() -> None:
    for correction in CORRECTIONS:
        notice = correction.source
        assert Notice.model_validate(notice.model_dump()) == notice
