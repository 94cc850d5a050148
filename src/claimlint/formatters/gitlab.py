"""GitLab Code Quality: a JSON list of issues, shown in merge requests.

Fingerprints must be unique within a report, so repeats are disambiguated (see
``unique_fingerprints``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo, Severity
from claimlint.formatters.base import ci_path, unique_fingerprints

# GitLab's scale is info, minor, major, critical, blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    fingerprints = unique_fingerprints(diagnostics)
    issues = [_issue(d, fp) for d, fp in zip(diagnostics, fingerprints, strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(d: Diagnostic, fingerprint: str) -> dict[str, object]:
    begin = max(1, d.line)
    # The end is exclusive: a span ending at column 1 ends on the line before.
    end = d.end_line - 1 if d.end_column <= 1 and d.end_line > d.line else d.end_line
    return {
        "description": f"{d.code} [{d.name}] {d.message}",
        "check_name": d.code,
        "fingerprint": fingerprint,
        "severity": _SEVERITY[d.severity],
        "location": {"path": ci_path(d.path), "lines": {"begin": begin, "end": max(begin, end)}},
    }
