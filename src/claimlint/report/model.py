"""What a worker sends back for one file: its findings and a few metadata facts.

Both are small (no document, no spaCy object), so that results cross process boundaries
cheaply and the report can keep every finding without holding any document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimlint.diagnostics import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """One diagnostic, reduced to what the report shows."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    pack: str
    message: str
    text: str

    @classmethod
    def of(cls, d: Diagnostic, path: str) -> Finding:
        # ``path`` is passed so that every finding of a file shares one string object.
        return cls(path, d.line, d.column, d.code, d.name, d.severity, d.pack, d.message, d.text)


@dataclass(frozen=True, slots=True)
class Facts:
    """A readable file's metadata, as the report groups and counts it."""

    title: str
    authors: tuple[str, ...]  # the winning author entry; a list gives several
    categories: tuple[str, ...]  # from `category` or `categories`
    has_author: bool  # the same test as CL101: non-empty under any alias
    has_date: bool
    has_slug: bool
    has_reference_list: bool
    checks_disclaimer: bool  # CL201 ran on this file, so its absence means a disclaimer
    newest: dt.date | None  # the newest of `updated` and `date` (as CL104 reads them)
    age_days: int | None  # days from ``newest`` to the run's day


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    readable: bool
    findings: tuple[Finding, ...]
    facts: Facts | None  # None when the file could not be read
