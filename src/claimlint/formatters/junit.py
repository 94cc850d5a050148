"""JUnit XML, for CI test report views: a test suite per file, a failing test case per finding.

Files without findings are not known to a formatter, so they have no (passing) suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo
from claimlint.formatters.base import TOOL_NAME

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    by_path: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    root = _element("testsuites", name=TOOL_NAME, **_counts(diagnostics))
    for path, found in by_path.items():
        suite = _element("testsuite", name=path, **_counts(found))
        for d in found:
            case = _element("testcase", name=f"{d.code} {d.line}:{d.column}", classname=path)
            failure = _element("failure", message=d.message, type=d.code)
            failure.text = _xml_text(_details(d))
            case.append(failure)
            suite.append(case)
        root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _counts(found: Sequence[Diagnostic]) -> dict[str, str]:
    return {"tests": str(len(found)), "failures": str(len(found)), "errors": "0"}


def _element(tag: str, **attributes: str) -> ET.Element:
    return ET.Element(tag, {key: _xml_text(value) for key, value in attributes.items()})


def _details(d: Diagnostic) -> str:
    text = f"{d.path}:{d.line}:{d.column}: {d.severity} {d.code} [{d.name}] {d.message}"
    return text if d.suggestion is None else f"{text}\nhelp: {d.suggestion}"


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
