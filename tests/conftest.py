from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimlint.api import lint_text
from claimlint.diagnostics import Diagnostic

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Tests that read the dev corpus, the seeds or the vendored schemas beside the clone (CI
# has them; a fresh clone with nothing beside it does not).
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"needs ../shared (corpus, seeds), which is absent: {SHARED}"
)
TODAY = dt.date(2026, 11, 22)


def lint(text: str, path: str = "article.md", **kwargs: object) -> list[Diagnostic]:
    """Lint with the default configuration on a fixed day."""
    return lint_text(text, path=path, config={}, today=TODAY, **kwargs)  # type: ignore[arg-type]


def codes(text: str, path: str = "article.md") -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in lint(text, path)]


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no config above it that claimlint could find."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
