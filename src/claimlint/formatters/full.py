"""The default format: a header line per finding, the source line with the span underlined.

    docs/diet.md:12:11: error CL301 [absolute-efficacy-claim] an absolute efficacy claim
       |
    12 | This diet cures type 2 diabetes.
       |           ^^^^^
       = help: hedge the claim or cite a trial

Each finding is followed by a blank line; file-level findings (no source line) have no
excerpt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo
from claimlint.formatters.base import SEVERITY_STYLE, one_line, paint
from claimlint.formatters.snippet import snippet


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    paths: dict[str, str] = {}  # a file's findings share its (painted) path
    parts: list[str] = []
    for d in diagnostics:
        path = paths.get(d.path)
        if path is None:
            path = paths[d.path] = paint(one_line(d.path), "bold", color)
        parts.append(_block(d, path, color))
    return "".join(parts)


def _block(d: Diagnostic, path: str, color: bool) -> str:
    style = SEVERITY_STYLE[d.severity]
    severity, code = str(d.severity), d.code
    if color:
        severity, code = paint(severity, style, color), paint(code, "bold", color)
    lines = [f"{path}:{d.line}:{d.column}: {severity} {code} [{d.name}] {one_line(d.message)}"]
    gutter = " " * len(str(d.line))
    if d.source_line:
        end = d.end_column - 1 if d.end_line == d.line else None
        shown = snippet(d.source_line, d.column - 1, end)
        carets = paint("^" * shown.width, style, color)
        lines += [
            f"{gutter} |",
            f"{d.line} | {shown.text}",
            f"{gutter} | {' ' * shown.offset}{carets}",
        ]
    if d.suggestion is not None:
        lines.append(f"{gutter} = {paint('help', 'bold', color)}: {one_line(d.suggestion)}")
    return "\n".join(lines) + "\n\n"
