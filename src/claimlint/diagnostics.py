"""The finding type that flows from rules to formatters."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based; columns count characters.

    ``end_line``/``end_column`` point just past the flagged text (exclusive end).
    ``text`` is the flagged text and ``context`` the sentence (or line) around it;
    ``source_line`` is the whole source line where the finding starts, for display.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    suggestion: str | None = None
    pack: str = ""
    text: str = ""
    context: str = ""
    source_line: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def fingerprint(self) -> str:
        """A location-independent identity: path, code and normalized text with its sentence.

        Used by baselines and GitLab Code Quality; line numbers are deliberately left out
        so that edits above a finding do not change it.
        """
        parts = [self.path, self.code, _normalize(self.text), _normalize(self.context)]
        if not self.text and not self.context:
            parts.append(self.message)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


_SPACE = re.compile(r"\s+")


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


@dataclass(frozen=True)
class RuleInfo:
    """What output formats need to know about a rule (SARIF rule metadata, help links)."""

    code: str
    name: str
    pack: str
    severity: Severity
    summary: str

    @property
    def help_uri(self) -> str:
        return f"https://claimlint.dev/rules/{self.code}"
