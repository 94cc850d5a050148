"""Every example in every pack: fail examples are reported (code, line, column, count);
pass examples are not."""

from __future__ import annotations

import pytest
from tests.conftest import lint

from claimlint.packs import load_rules
from claimlint.rule import Example, Rule

RULES = load_rules().rules
FAIL = [(rule, ex) for rule in RULES for ex in rule.fail]
PASS = [(rule, ex) for rule in RULES for ex in rule.passes]


def _id(item: tuple[Rule, Example]) -> str:
    rule, example = item
    return f"{rule.code}:{example.text[:40]!r}"


@pytest.mark.parametrize("item", FAIL, ids=[_id(i) for i in FAIL])
def test_fail_example_is_reported(item: tuple[Rule, Example]) -> None:
    rule, example = item
    found = [d for d in lint(example.text, example.path) if d.code == rule.code]
    assert found, f"{rule.code} did not fire on {example.text!r}"
    first = found[0]
    assert first.line == (example.line or 1)
    if example.column is not None:
        assert first.column == example.column
    if example.count is not None:
        assert len(found) == example.count


@pytest.mark.parametrize("item", PASS, ids=[_id(i) for i in PASS])
def test_pass_example_is_quiet(item: tuple[Rule, Example]) -> None:
    rule, example = item
    found = [d for d in lint(example.text, example.path) if d.code == rule.code]
    assert found == []


def test_every_v1_rule_has_five_examples_each_way() -> None:
    for rule in RULES:
        if rule.code.startswith(("CL001", "CL002")):
            continue
        assert len(rule.fail) >= 5, rule.code
        assert len(rule.passes) >= 5, rule.code
        assert all(ex.column is not None for ex in rule.fail), rule.code
