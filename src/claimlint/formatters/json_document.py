"""The ``json`` format: one document, described by schemas/diagnostics.schema.json."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo
from claimlint.formatters.base import TOOL_NAME, TOOL_VERSION

FORMAT_VERSION = 1


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": TOOL_VERSION},
        "diagnostics": [diagnostic_object(d) for d in diagnostics],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def diagnostic_object(d: Diagnostic) -> dict[str, object]:
    """One diagnostic as the ``diagnostic`` definition of the schema has it."""
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "code": d.code,
        "name": d.name,
        "severity": str(d.severity),
        "pack": d.pack,
        "message": d.message,
        "suggestion": d.suggestion,
        "text": d.text,
        "fingerprint": d.fingerprint(),
    }
