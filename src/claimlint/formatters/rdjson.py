"""The Reviewdog Diagnostic Format (rdjson), for reviewdog's code review comments.

rdjson columns count UTF-8 bytes, so character columns are converted using the source
line. The end of a span on a later line has no source text here, so it gives the line only.
Suggestions are omitted: ours are prose, and rdjson suggestions are text edits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo, Severity
from claimlint.formatters.base import TOOL_NAME, TOOL_URI, ci_path, rule_info

_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    result = {
        "source": {"name": TOOL_NAME, "url": TOOL_URI},
        "diagnostics": [_diagnostic(d, rules) for d in diagnostics],
    }
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def _diagnostic(d: Diagnostic, rules: Mapping[str, RuleInfo]) -> dict[str, object]:
    start = {"line": d.line, "column": byte_column(d.source_line, d.column)}
    end: dict[str, int] = {"line": d.end_line}
    if d.end_line == d.line:
        end["column"] = byte_column(d.source_line, d.end_column)
    return {
        "message": d.message,
        "location": {"path": ci_path(d.path), "range": {"start": start, "end": end}},
        "severity": _SEVERITY[d.severity],
        "code": {"value": d.code, "url": rule_info(d, rules).help_uri},
    }


def byte_column(line: str, column: int) -> int:
    """The 1-based UTF-8 byte column of a 1-based character column in ``line``."""
    before = line[: max(column - 1, 0)]
    beyond = max(column - 1 - len(line), 0)  # past the known text: one byte a character
    return len(before.encode("utf-8", "surrogatepass")) + beyond + 1
