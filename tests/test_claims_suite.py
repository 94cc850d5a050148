"""The sentence-level claim suite, tests/claims/*.yaml (format in tests/claims/README.md).

Each case's text, linted alone, reports every scored code in its ``fire`` and no other
scored code (CL301-CL304, CL402) except those in its ``either``. A case's id is its file
and line, such as ``marketing.yaml:12``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from tests.claims_suite import KEYS, SCORED, Case, load_cases
from tests.conftest import lint

CASES = load_cases()
MIN_CASES = 400


def _listed(codes: Iterable[str]) -> str:
    return ", ".join(sorted(codes)) or "none"


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
def test_case(case: Case) -> None:
    if case.problems:
        pytest.fail(f"{case.id}: malformed case: {'; '.join(case.problems)}", pytrace=False)
    reported = {d.code for d in lint(case.text)} & SCORED
    missing, unexpected = case.missing(reported), case.unexpected(reported)
    if missing or unexpected:
        lines = [
            f"{case.id}: {case.text!r}",
            f"  expected: {_listed(case.fire)}"
            + (f" (either: {_listed(case.either)})" if case.either else ""),
            f"  reported: {_listed(reported)}",
        ]
        if missing:
            lines.append(f"  missing:    {_listed(missing)}")
        if unexpected:
            lines.append(f"  unexpected: {_listed(unexpected)}")
        if case.why:
            lines.append(f"  why: {case.why}")
        pytest.fail("\n".join(lines), pytrace=False)


def test_suite_shape() -> None:
    """At least MIN_CASES cases, at least half of them with an empty ``fire`` (hard
    negatives), and every case well formed: only the keys text, fire, either and why,
    and only scored codes."""
    errors = [f"{case.id}: {problem}" for case in CASES for problem in case.problems]
    if len(CASES) < MIN_CASES:
        errors.append(f"{len(CASES)} cases; the suite needs at least {MIN_CASES}")
    negatives = sum(not case.fire for case in CASES)
    if 2 * negatives < len(CASES):
        errors.append(f"{negatives} of {len(CASES)} cases have an empty `fire`; at least half must")
    if errors:
        pytest.fail(f"allowed keys: {', '.join(KEYS)}\n" + "\n".join(errors), pytrace=False)
