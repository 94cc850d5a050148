"""The Rule type: one YAML entry of a pack, ready to run."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimlint.diagnostics import RuleInfo, Severity


@dataclass(frozen=True)
class Example:
    text: str
    path: str = "example.md"
    line: int | None = None
    column: int | None = None
    count: int | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    pack: str
    kind: str
    severity: Severity
    summary: str
    message: str
    suggestion: str | None = None
    rationale: str = ""
    enabled: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    source: Path | None = None

    def info(self) -> RuleInfo:
        return RuleInfo(self.code, self.name, self.pack, self.severity, self.summary)


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, values: Mapping[str, object]) -> str:
    """Fill {name} placeholders; unknown ones stay as written (no attribute access)."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template
    )
