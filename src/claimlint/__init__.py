"""claimlint: a content-quality and claim-checking linter for health writing."""

from __future__ import annotations

from typing import Any

from claimlint.diagnostics import Diagnostic, Severity

__all__ = ["Diagnostic", "Severity", "__version__", "lint_paths", "lint_text"]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The API is imported on first use so that `import claimlint` stays light.
    if name in ("lint_text", "lint_paths"):
        from claimlint import api

        return getattr(api, name)
    raise AttributeError(name)
