"""claimlint: a content-quality and claim-checking linter for health writing."""

from claimlint.api import lint_paths, lint_text
from claimlint.diagnostics import Diagnostic, Severity

__all__ = ["Diagnostic", "Severity", "__version__", "lint_paths", "lint_text"]

__version__ = "0.1.0"
