"""SARIF 2.1.0, for code scanning dashboards: one run, every known rule, one result each."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from claimlint.diagnostics import Diagnostic, RuleInfo, Severity
from claimlint.formatters.base import TOOL_NAME, TOOL_URI, TOOL_VERSION, ci_path, rule_info

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimlint/v1"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    known = {info.code: info for info in rules.values()}
    for d in diagnostics:
        known.setdefault(d.code, rule_info(d, rules))
    codes = sorted(known)
    index = {code: i for i, code in enumerate(codes)}
    driver = {
        "name": TOOL_NAME,
        "version": TOOL_VERSION,
        "informationUri": TOOL_URI,
        "rules": [_descriptor(known[code]) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        # Diagnostic columns count characters, that is code points.
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[d.code]) for d in diagnostics],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(info: RuleInfo) -> dict[str, object]:
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "helpUri": info.help_uri,
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "properties": {"tags": [info.pack] if info.pack else []},
    }


def _result(d: Diagnostic, rule_index: int) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(d.path)}}
    if d.line >= 1:
        region: dict[str, object] = {
            "startLine": d.line,
            "startColumn": max(1, d.column),
            "endLine": max(d.line, d.end_line),
            "endColumn": max(1, d.end_column),
        }
        if d.text:
            region["snippet"] = {"text": d.text}
        physical["region"] = region
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: d.fingerprint()},
    }


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative and percent-encoded, or file: when absolute."""
    posix = ci_path(path)
    if posix.startswith("/"):
        return PurePosixPath(posix).as_uri()
    windows = PureWindowsPath(path)
    if windows.is_absolute():
        return windows.as_uri()
    # Encoding ':' also keeps "a:b.md" from reading as a URI with scheme "a".
    return quote(posix, safe="/")
