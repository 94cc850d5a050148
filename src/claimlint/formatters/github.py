"""GitHub Actions workflow commands, which GitHub shows as annotations on the diff.

``::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=9,title=CL301 name::message``
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo, Severity
from claimlint.formatters.base import ci_path, visible

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    return "".join(_command(d) + "\n" for d in diagnostics)


def _command(d: Diagnostic) -> str:
    properties = {
        "file": ci_path(d.path),
        "line": d.line,
        "col": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "title": f"{d.code} {d.name}",
    }
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{_COMMAND[d.severity]} {listed}::{escape_data(d.message)}"


# The escaping of GitHub's own toolkit (@actions/core, command.ts); other control
# characters are made visible so that document text cannot colour the log.
def escape_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
