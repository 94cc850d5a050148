"""The sentence prefilter (issue 7): paragraphs in which no active rule's trigger can match
are never split into sentences, and skipping them changes no finding."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT, SHARED, TODAY, needs_shared

from claimlint.config import default_config
from claimlint.diagnostics import Diagnostic
from claimlint.document import decode, parse_document
from claimlint.kinds import KINDS, Context
from claimlint.linter import Plan, lint
from claimlint.patterns import GATE_LIMIT, PatternError, Prefilter, relax
from claimlint.runner import Overrides, Session

SESSION = Session(Overrides(today=TODAY), base=default_config(Path.cwd()))


def default_plan() -> Plan:
    return SESSION.plan_for(default_config(Path.cwd()))


def both_ways(text: str, plan: Plan | None = None) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """Findings with the prefilter and with every paragraph split into sentences."""
    plan = plan or default_plan()
    ungated = dataclasses.replace(plan, gate=None)
    document = parse_document(text, "article.md", plan.aliases, plan.extra_keys)
    again = parse_document(text, "article.md", plan.aliases, plan.extra_keys)
    return lint(document, plan), lint(again, ungated)


@pytest.mark.parametrize(
    ("source", "relaxed"),
    [
        (r"\bcures?\b", r"(?:)cures?(?:)"),
        (r"^Note:$", r"(?:)Note:(?:)"),
        (r"\Afoo\z|\Bbar", r"(?:)foo(?:)|(?:)bar"),
        (r"[^]^$\b]x", r"[^]^$\b]x"),  # inside a class, ^ $ and \b are not assertions
        (r"[[:alpha:]\]]+$", r"[[:alpha:]\]]+(?:)"),
        (r"\p{^Greek}\b", r"\p{^Greek}(?:)"),
        (r"\x{5E}\^\$", r"\x{5E}\^\$"),  # escaped, they are literals
        (r"\Q^\b$\E\b", r"\Q^\b$\E(?:)"),
        (r"\\b", r"\\b"),  # a backslash, then the letter b
        (r"a\b{2}", r"a(?:){2}"),  # a quantifier keeps applying to nothing
        (r"(?i)\d+ ?%", r"(?i)\d+ ?%"),
    ],
)
def test_relax_drops_exactly_the_assertions(source: str, relaxed: str) -> None:
    assert relax(source) == relaxed


@pytest.mark.parametrize("source", ["[abc", "x\\", r"\p{Greek"])
def test_relax_refuses_what_it_cannot_read(source: str) -> None:
    with pytest.raises(PatternError):
        relax(source)


def test_the_prefilter_names_the_rules_whose_triggers_may_match() -> None:
    prefilter = Prefilter([("CL1", [r"\bcures?\b"]), ("CL2", [r"^\d+%$", "guaranteed"])])
    assert prefilter.which("This tea cures colds.") == {"CL1"}
    assert prefilter.which("It is 40% or so.") == {"CL2"}  # ^ and $ hold at a sentence's edges
    assert prefilter.which("securest") == {"CL1"}  # \b can hold where a sentence begins
    assert prefilter.which("Guaranteed to cure 9%.") == {"CL1", "CL2"}
    assert prefilter.which("Walking helps.") == set()
    long = "Walking helps. " * (GATE_LIMIT // 10)  # longer texts take the search path
    assert prefilter.which(long) == set()
    assert prefilter.which(long + "It cures.") == {"CL1"}


def test_a_trigger_that_is_not_a_pattern_keeps_every_paragraph() -> None:
    assert Prefilter([("CL1", [r"\bcure\b", None])]).which("Walking helps.") == {"CL1"}
    assert Prefilter([("CL1", ["[unclosed"])]).which("Walking helps.") == {"CL1"}
    assert Prefilter([("CL1", [])]).which("Walking helps.") == set()
    assert Prefilter([]).which("Walking helps.") == set()
    # the empty pattern matches anywhere
    assert Prefilter([("CL1", [""])]).which("Walking helps.") == {"CL1"}


def test_many_patterns_are_split_into_sets_that_answer_alike() -> None:
    words = [f"word{index}" for index in range(800)]
    prefilter = Prefilter([(word, [rf"\b{word}\b"]) for word in words])
    assert len(prefilter._gates) > 1
    for text in ("nothing here", "a word17 here", "word799", "sword7990s", "word"):
        assert prefilter.which(text) == {word for word in words if word in text}


@needs_shared
def test_kinds_that_declare_no_triggers_never_read_sentences() -> None:
    """The prefilter is exact only if every kind that reads sentences declares triggers."""

    class NoSentences(Context):
        @property
        def sentences(self) -> list:  # type: ignore[type-arg]
            raise AssertionError("a kind without triggers read sentences")

    plan = default_plan()
    text = (SHARED / "seeds" / "003_692814ebd52c64d4.txt").read_text(encoding="utf-8")
    document = parse_document(text, "article.md", plan.aliases, plan.extra_keys)
    context = NoSentences(document, plan.settings, TODAY, plan.gate)
    checked = set()
    for rule, prepared in plan.active:
        if KINDS[rule.kind].triggers is None:
            list(KINDS[rule.kind].check(context, rule, prepared))
            checked.add(rule.kind)
    assert {"required-fields", "disclaimer", "missing-reference-list"} <= checked


def test_paragraphs_without_triggers_are_not_split() -> None:
    plan = default_plan()
    text = "# Walking\n\nWalking helps most people.\n\nThis tea cures colds. It is 40% off.\n"
    document = parse_document(text, "article.md", plan.aliases, plan.extra_keys)
    context = Context(document, plan.settings, TODAY, plan.gate)
    both = ["This tea cures colds.", "It is 40% off."]
    assert [s.text for s in context.sentences] == both
    rules = {rule.code: rule for rule, _ in plan.active}
    assert [s.text for s in context.sentences_for(rules["CL301"])] == both
    assert [s.text for s in context.sentences_for(rules["CL401"])] == both
    assert context.sentences_for(rules["CL303"]) == []
    ungated = Context(document, plan.settings, TODAY)
    assert len(ungated.sentences) == 4
    assert ungated.sentences_for(rules["CL303"]) == ungated.sentences


def corpus_texts() -> Iterator[tuple[str, str]]:
    folders = [SHARED / "corpus", SHARED / "seeds", ROOT / "examples"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".md", ".txt", ".markdown"):
                yield path.name, decode(path.read_bytes()).text


@pytest.mark.parametrize(("name", "text"), list(corpus_texts()))
def test_the_prefilter_changes_no_finding_on_real_articles(name: str, text: str) -> None:
    gated, ungated = both_ways(text)
    assert gated == ungated


FRAGMENTS = [
    "This tea cures colds.", "It has no side effects.", "Guaranteed results!",
    "40% of people", "110% of patients", "9 in 10 doctors", "according to studies",
    "Studies show", "(Smith et al., 2020)", "[1]", "Consult your doctor.",
    "It does not cure colds.", "Does it cure colds?", '"It cures," she said.',
    "may help", "Walking helps.", "100 percent", "curessecure", "CURES", "\u212aills all",
    "e.g.", "Dr.", "vs.", "approx. 3", "...", "!", "?", "\n\n", "\n", " ", "- ", "# ",
    "> ", "| a | b |\n|---|---|\n| ", "**", "_", "`x`",
]  # fmt: skip

articles = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=30).map(
    lambda parts: " ".join(parts)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_the_prefilter_changes_no_finding_on_generated_text(text: str) -> None:
    gated, ungated = both_ways(text)
    assert gated == ungated


def test_a_plan_without_some_rules_shares_the_gate() -> None:
    plan = default_plan()
    assert plan.without(["CL301"]).gate is plan.gate


def _suite_texts() -> list[str]:
    from tests.claims_suite import load_cases

    from claimlint.packs import load_rules

    texts = [case.text for case in load_cases()]
    for rule in load_rules().rules:
        texts.extend(example.text for example in (*rule.fail, *rule.passes))
    return texts


def test_rule_triggers_hold_on_every_suite_sentence() -> None:
    """A rule's hand-written ``triggers`` (claims pack) must hold wherever the rule fires:
    on every sentence of the claim suite and every pack example, the findings with the
    prefilter equal those without it."""
    plan = default_plan()
    differences = []
    for text in _suite_texts():
        gated, ungated = both_ways(text, plan)
        if gated != ungated:
            differences.append(text)
    assert differences == []
