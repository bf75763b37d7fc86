"""Conformance results as JUnit XML (one ``testcase`` per corpus case), for CI systems."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tinghu_policy.conformance.runner import SuiteResult, Verdict

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters from an implementation's stderr,
    or from a case file's name or title)."""
    return _NOT_XML.sub("\ufffd", text)


def junit_tree(suite: SuiteResult) -> ET.ElementTree[ET.Element]:
    """The JUnit XML document of ``suite``."""
    failures, errors = suite.count(Verdict.FAILED), suite.count(Verdict.ERRORED)
    root = ET.Element(
        "testsuites",
        name="tinghu-policy conformance",
        tests=str(len(suite.results)),
        failures=str(failures),
        errors=str(errors),
        time=f"{suite.seconds:.3f}",
    )
    testsuite = ET.SubElement(
        root,
        "testsuite",
        name="corpus",
        tests=str(len(suite.results)),
        failures=str(failures),
        errors=str(errors),
        skipped="0",
        time=f"{suite.seconds:.3f}",
    )
    properties = ET.SubElement(testsuite, "properties")
    ET.SubElement(properties, "property", name="implementation", value=_safe(suite.implementation))
    for result in suite.results:
        folder, _, name = result.case.id.rpartition("/")
        testcase = ET.SubElement(
            testsuite,
            "testcase",
            classname=_safe(f"corpus.{folder or 'corpus'}"),
            name=_safe(name),
            file=_safe(str(result.case.path)),
            time=f"{result.seconds:.3f}",
        )
        case_properties = ET.SubElement(testcase, "properties")
        ET.SubElement(case_properties, "property", name="title", value=_safe(result.case.case.title))
        ET.SubElement(
            case_properties, "property", name="provisions", value=_safe(" ".join(result.case.provisions))
        )
        if result.verdict is Verdict.FAILED:
            failure = ET.SubElement(
                testcase, "failure", message=f"{len(result.mismatches)} mismatch(es)", type="mismatch"
            )
            failure.text = _safe("\n".join(str(m) for m in result.mismatches))
        elif result.verdict is Verdict.ERRORED:
            error = ET.SubElement(testcase, "error", message=_safe(result.error), type="errored")
            error.text = _safe(result.error + (f"\nstderr:\n{result.stderr}" if result.stderr else ""))
    ET.indent(root)
    return ET.ElementTree(root)


def write_junit(suite: SuiteResult, path: Path) -> None:
    """Write the JUnit XML of ``suite`` to ``path`` (whose folder must exist: none is created)."""
    junit_tree(suite).write(path, encoding="utf-8", xml_declaration=True)
