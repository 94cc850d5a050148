from __future__ import annotations

import pytest

from claimlint.selectors import is_known, matches, resolve, specificity, unknown

RULES = [
    ("CL001", "unreadable-file"),
    ("CL003", "unused-suppression"),
    ("CL101", "missing-metadata"),
    ("CL104", "stale-content"),
    ("CL201", "missing-disclaimer"),
    ("CL301", "absolute-efficacy-claim"),
    ("CL302", "absolute-safety-claim"),
    ("CL304", "hype-language"),
    ("CL311", "cure-all-claim"),  # hypothetical: a CL3 rule outside CL30
    ("CL401", "uncited-statistic"),
]
ENGINE = {"CL001", "CL003"}
EVERYTHING = {code for code, _ in RULES}


@pytest.mark.parametrize(
    "selector",
    ["CL301", "cl301", "absolute-efficacy-claim", "CL3", "CL30", "cl3", "CL", "ALL", " CL301 "],
)
def test_matches(selector: str) -> None:
    assert matches(selector, "CL301", "absolute-efficacy-claim")


@pytest.mark.parametrize(
    "selector",
    ["CL302", "CL31", "CL4", "XY", "absolute-safety-claim", "absolute", "CL3011", "efficacy"],
)
def test_does_not_match(selector: str) -> None:
    assert not matches(selector, "CL301", "absolute-efficacy-claim")


def test_specificity_order() -> None:
    rule = ("CL301", "absolute-efficacy-claim")
    ranks = [specificity(s, *rule) or 0 for s in ("ALL", "CL", "CL3", "CL30", "CL301")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 5
    assert specificity("absolute-efficacy-claim", *rule) == specificity("CL301", *rule)
    assert specificity("ALL", *rule) == 0
    assert specificity("CL4", *rule) is None


def test_is_known_and_unknown() -> None:
    assert is_known("CL3", RULES)
    assert is_known("stale-content", RULES)
    assert not is_known("CL9", RULES)
    assert unknown(["CL3", "CL999", "hype-language", "no-such-rule", "ALL"], RULES) == [
        "CL999",
        "no-such-rule",
    ]


def test_default_selects_everything() -> None:
    assert resolve(None, [], [], RULES) == EVERYTHING


def test_select_replaces_default_but_engine_stays_on() -> None:
    assert resolve(["CL3"], [], [], RULES) == {"CL301", "CL302", "CL304", "CL311"} | ENGINE


def test_extend_select_adds() -> None:
    assert (
        resolve(["CL3"], ["stale-content"], [], RULES)
        == {
            "CL301",
            "CL302",
            "CL304",
            "CL311",
            "CL104",
        }
        | ENGINE
    )


def test_empty_select_leaves_only_engine() -> None:
    assert resolve([], [], [], RULES) == ENGINE


def test_select_prefix_ignore_longer_prefix() -> None:
    assert resolve(["CL3"], [], ["CL30"], RULES) == {"CL311"} | ENGINE


def test_ignore_prefix_select_code() -> None:
    assert resolve(["CL301"], [], ["CL3"], RULES) == {"CL301"} | ENGINE
    assert resolve(None, ["absolute-efficacy-claim"], ["CL3"], RULES) == EVERYTHING - {
        "CL302",
        "CL304",
        "CL311",
    }


def test_select_code_ignore_same_code_ignore_wins() -> None:
    assert resolve(["CL301"], [], ["CL301"], RULES) == ENGINE
    assert resolve(["CL301"], [], ["absolute-efficacy-claim"], RULES) == ENGINE


def test_equal_prefix_ignore_wins() -> None:
    assert resolve(["CL3"], [], ["CL3"], RULES) == ENGINE
    assert resolve(["CL3", "CL30"], [], ["CL30"], RULES) == {"CL311"} | ENGINE


def test_ignore_code_under_all() -> None:
    assert resolve(None, [], ["CL201", "hype-language"], RULES) == EVERYTHING - {"CL201", "CL304"}


def test_ignore_all_keeps_engine_rules() -> None:
    assert resolve(None, [], ["ALL"], RULES) == ENGINE
    assert resolve(None, [], ["CL"], RULES) == ENGINE


@pytest.mark.parametrize(
    ("selector", "off"),
    [
        ("CL0", {"CL001", "CL003"}),
        ("CL00", {"CL001", "CL003"}),
        ("CL003", {"CL003"}),
        ("unused-suppression", {"CL003"}),
    ],
)
def test_engine_rules_can_be_ignored_explicitly(selector: str, off: set[str]) -> None:
    assert resolve(None, [], [selector], RULES) == EVERYTHING - off


def test_engine_rule_ignored_by_prefix_can_be_reselected_by_code() -> None:
    assert resolve(None, ["CL001"], ["CL0"], RULES) == EVERYTHING - {"CL003"}
