"""The output formats: one module per format, and FORMATTERS, the explicit registry.

Every formatter takes diagnostics sorted by path, line and column, and the rules keyed by
code, and returns the whole output as a string. Formatters do no I/O.
"""

from __future__ import annotations

from claimlint.formatters import (
    concise,
    full,
    github,
    gitlab,
    json_document,
    json_lines,
    junit,
    rdjson,
    sarif,
)
from claimlint.formatters.base import Formatter

FORMATTERS: dict[str, Formatter] = {
    "full": full.render,
    "concise": concise.render,
    "json": json_document.render,
    "json-lines": json_lines.render,
    "github": github.render,
    "sarif": sarif.render,
    "gitlab": gitlab.render,
    "junit": junit.render,
    "rdjson": rdjson.render,
}

__all__ = ["FORMATTERS", "Formatter"]
