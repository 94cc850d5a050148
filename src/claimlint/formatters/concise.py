"""One line per finding: ``path:line:col: CL301 [absolute-efficacy-claim] message``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo
from claimlint.formatters.base import SEVERITY_STYLE, one_line, paint


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    return "".join(_line(d, color) + "\n" for d in diagnostics)


def _line(d: Diagnostic, color: bool) -> str:
    code = paint(d.code, SEVERITY_STYLE[d.severity], color)
    path = paint(one_line(d.path), "bold", color)
    return f"{path}:{d.line}:{d.column}: {code} [{d.name}] {one_line(d.message)}"
