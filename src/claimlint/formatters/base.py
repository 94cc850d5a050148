"""What every formatter shares: the Formatter protocol, tool identity, safe text and colour."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from claimlint import __version__
from claimlint.diagnostics import Diagnostic, RuleInfo, Severity

TOOL_NAME = "claimlint"
TOOL_VERSION = __version__
TOOL_URI = "https://claimlint.dev"


class Formatter(Protocol):
    """Renders diagnostics (sorted by path, line, column) as one string; does no I/O."""

    def __call__(
        self,
        diagnostics: Sequence[Diagnostic],
        rules: Mapping[str, RuleInfo],
        *,
        color: bool = False,
    ) -> str: ...


def rule_info(diagnostic: Diagnostic, rules: Mapping[str, RuleInfo]) -> RuleInfo:
    """The rule behind a diagnostic; made from the diagnostic when ``rules`` lacks its code."""
    found = rules.get(diagnostic.code)
    if found is not None:
        return found
    d = diagnostic
    return RuleInfo(d.code, d.name, d.pack, d.severity, d.name)


def ci_path(path: str) -> str:
    """The path with forward slashes, as CI systems key files (a no-op on POSIX)."""
    return path.replace(os.sep, "/")


def unique_fingerprints(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """``Diagnostic.fingerprint()`` for each, made unique within the report.

    A repeat gets an occurrence counter hashed into it, so the result depends only on the
    (sorted) order of the diagnostics and the first occurrence keeps the plain fingerprint.
    """
    used: set[str] = set()
    result = []
    for diagnostic in diagnostics:
        base = fingerprint = diagnostic.fingerprint()
        occurrence = 0
        while fingerprint in used:
            occurrence += 1
            data = f"{base}\x1f{occurrence}".encode()
            fingerprint = hashlib.sha256(data).hexdigest()[:32]
        used.add(fingerprint)
        result.append(fingerprint)
    return result


# Terminal text: line breaks in one-line fields become spaces, and control characters
# become visible symbols, so document text can never move the cursor or set colours.
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|[\r\n\x0b\x0c\x85\u2028\u2029])[ \t]*")
_CONTROLS = {code: 0x2400 + code for code in range(0x20) if code != 0x09}
_CONTROLS |= {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}


_ANY_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Each control character (but tab) replaced by one visible character."""
    # translate() looks up every character: most text has no control character at all.
    return text.translate(_CONTROLS) if _ANY_CONTROL.search(text) else text


_ANY_BREAK_OR_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Text for a single terminal line: line breaks joined with a space, controls visible."""
    if not _ANY_BREAK_OR_CONTROL.search(text):  # the common case: nothing to change
        return text
    return visible(_LINE_BREAK.sub(" ", text))


_STYLES = {"bold": "1", "red": "1;31", "yellow": "1;33", "blue": "1;34"}
SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def paint(text: str, style: str, color: bool) -> str:
    """Text wrapped in an ANSI style when color is on; unchanged otherwise."""
    if not color or not text:
        return text
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"
