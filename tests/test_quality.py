"""ruff and mypy --strict run in CI through the test suite, and docs/rules.md is current."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, needs_shared


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check() -> None:
    result = run("ruff", "check", "src", "tests", "benchmarks", "scripts", "fuzz")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run("ruff", "format", "--check", "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = run("mypy", "--strict", "src/claimlint")
    assert result.returncode == 0, result.stdout + result.stderr


def test_rules_doc_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/rules_doc.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@needs_shared
def test_accuracy_targets_are_met() -> None:
    result = subprocess.run(
        # the suite has its own test (tests/test_claims_suite.py)
        [sys.executable, "benchmarks/accuracy.py", "--check", "--corpus-only"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "targets" in result.stdout and "met" in result.stdout
