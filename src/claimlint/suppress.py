"""Suppressions (RULES.md section 8): comments and front matter, with CL003 and CL004."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from claimlint.document import Document

_COMMENT = re.compile(
    r"<!--\s*claimlint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.S
)


@dataclass
class Directive:
    action: str  # "disable-next-line", "disable-file", "disable", "enable", "front-matter"
    selectors: tuple[str, ...]  # empty = every rule
    reason: str
    line: int  # 1-based line of the comment
    column: int
    first: int = 0  # lines it covers (inclusive); 0/0 = whole file
    last: int = 0
    used: set[str] = field(default_factory=set)  # selectors that suppressed something


def parse(document: Document) -> list[Directive]:
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    for match in _COMMENT.finditer(document.text):
        action = match.group(1)
        body, _, reason = match.group(2).partition("--")
        selectors = tuple(s for s in re.split(r"[\s,]+", body.strip()) if s)
        line, column = document.position(match.start())
        end_line, _ = document.position(match.end())
        directive = Directive(action, selectors, reason.strip(), line, column)
        if action == "disable-next-line":
            directive.first = directive.last = end_line + 1
        elif action == "disable":
            directive.first, directive.last = line, len(document.lines)
            open_ranges.append(directive)
        elif action == "enable":
            _close(open_ranges, selectors, line)
            continue
        directives.append(directive)
    for selector in document.front_matter_ignores:
        directives.append(Directive("front-matter", (selector,), "front matter", 1, 1))
    return directives


def _close(open_ranges: list[Directive], selectors: tuple[str, ...], line: int) -> None:
    for directive in reversed(open_ranges):
        if not selectors or not directive.selectors or set(selectors) & set(directive.selectors):
            directive.last = line
            open_ranges.remove(directive)
            if selectors:
                return


Matcher = Callable[[str, str, str], bool]  # (selector, code, name) -> bool


def covers(directive: Directive, line: int) -> bool:
    return directive.first == 0 or directive.first <= line <= directive.last


def is_suppressed(
    directives: Sequence[Directive], code: str, name: str, line: int, matches: Matcher
) -> bool:
    suppressed = False
    for directive in directives:
        if directive.action in ("disable-file", "front-matter"):
            directive.first = 0
        if not covers(directive, line):
            continue
        if not directive.selectors:
            directive.used.add("")
            suppressed = True
            continue
        for selector in directive.selectors:
            if matches(selector, code, name):
                directive.used.add(selector)
                suppressed = True
    return suppressed


def problems(
    directives: Iterable[Directive],
    known: Callable[[str], bool],
    enabled: Callable[[str], bool],
    require_reason: bool,
) -> list[tuple[str, Directive, str]]:
    """(code, directive, detail) for CL003 (unused) and CL004 (invalid) findings."""
    found: list[tuple[str, Directive, str]] = []
    for directive in directives:
        unknown = [s for s in directive.selectors if not known(s)]
        for selector in unknown:
            found.append(("CL004", directive, f"unknown rule {selector!r}"))
        if require_reason and not directive.reason and directive.action != "front-matter":
            found.append(("CL004", directive, "no reason given (write `-- reason` in the comment)"))
        if not directive.selectors:
            if not directive.used:
                found.append(("CL003", directive, "all rules"))
            continue
        for selector in directive.selectors:
            if selector in unknown or selector in directive.used or not enabled(selector):
                continue
            found.append(("CL003", directive, selector))
    return found
