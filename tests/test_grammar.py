"""Word classes and their forms (claimlint.morphology, claimlint.grammar), the clause
model of claim cues (claimlint.kinds.cues), and a pack written with them."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import ROOT, lint

from claimlint.cli import main
from claimlint.grammar import cue_regex, expand
from claimlint.morphology import forms, noun_forms, verb_forms
from claimlint.patterns import Pattern, PatternError


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("show", ("show", "shows", "showed", "shown", "showing")),
        ("prove", ("prove", "proves", "proved", "proven", "proving")),
        ("find", ("find", "finds", "found", "finding")),
        ("cure", ("cure", "cures", "cured", "curing")),
        ("verify", ("verify", "verifies", "verified", "verifying")),
        ("stop", ("stop", "stops", "stopped", "stopping")),
        ("agree", ("agree", "agrees", "agreed", "agreeing")),
        ("establish", ("establish", "establishes", "established", "establishing")),
        (
            "get rid of",
            ("get rid of", "gets rid of", "got rid of", "gotten rid of", "getting rid of"),
        ),
        ("rid/ridden", ("rid", "rids", "ridded", "ridding", "ridden")),
    ],
)
def test_verb_forms(lemma: str, expected: tuple[str, ...]) -> None:
    assert forms(lemma, "v") == expected


def test_verb_slots() -> None:
    assert verb_forms("show")["en"] == ("showed", "shown")
    assert forms("show", "fin") == ("show", "shows", "showed", "shown")
    assert forms("demonstrate", "ing") == ("demonstrating",)


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("study", ("study", "studies")),
        ("trial", ("trial", "trials")),
        ("analysis", ("analysis", "analyses")),
        ("datum", ("datum", "data")),
        ("research", ("research",)),
        ("health professional", ("health professional", "health professionals")),
    ],
)
def test_noun_forms(lemma: str, expected: tuple[str, ...]) -> None:
    assert noun_forms(lemma) == expected


def test_expand_names_a_class_in_all_its_forms() -> None:
    classes = {"source": ("study", "trial"), "verb": ("show", "confirm")}
    source = expand(r"\b@{source:n}\s+(?:have\s+)?@{verb:fin,en}\b", classes.get)
    pattern = Pattern([source])
    for text in ("studies show", "a trial confirmed it", "studies have shown"):
        assert pattern.search(text), text
    assert pattern.search("studies suggest") is None


def test_unknown_class_or_form_is_an_error() -> None:
    with pytest.raises(PatternError, match=r"unknown word class @\{nope\}"):
        expand(r"\b@{nope}\b", lambda name: None)
    with pytest.raises(PatternError, match="unknown word form 'xyz'"):
        expand(r"\b@{verb:xyz}\b", {"verb": ("show",)}.get)


def test_cue_phrases() -> None:
    assert Pattern([cue_regex("claim*")]).search("sellers claimed it works")
    assert Pattern([cue_regex("n't")]).search("it doesn’t cure")
    assert Pattern([cue_regex("be wary")]).search("Be   wary of them")
    assert Pattern([cue_regex("claim*")]).search("acclaimed") is None


def claims(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.column) for d in lint(text) if d.code.startswith(("CL3", "CL402"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue governs only its own clause
        ("It may help sleep, and it cures arthritis.", [("CL301", 27)]),
        ("If you don't sleep well, this tea cures insomnia.", [("CL301", 35)]),
        ("Although there is no cure for gout, this tea cures it.", [("CL301", 46)]),
        ("The label says this tea cures everything.", []),
        ("There is no evidence that this tea cures anything.", []),
        ("Not only does it taste good, it cures colds.", [("CL301", 33)]),
        # a noun phrase is negated after it too
        ("A cure for HIV has not yet been found.", []),
        (
            "This miracle cure for arthritis has no side effects.",
            [("CL301", 1), ("CL302", 37), ("CL304", 6)],
        ),
        # a negative claim is not negated by the "no" of its list
        ("No fillers, no dyes and no side effects.", [("CL302", 25)]),
        ("Few supplements come without side effects.", []),
        # a quotation across sentences
        ('"Protein is fine. One study has shown it protects bone." - a blog', []),
        # trailing attribution
        ("The pill will cure baldness, the company says.", []),
    ],
)
def test_clause_scope(text: str, expected: list[tuple[str, int]]) -> None:
    assert sorted(claims(text)) == sorted(expected)


def test_readme_pack_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The pack in the README's "Your own packs" runs as the README says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("pack: house-style")
    (tmp_path / "house.yaml").write_text(readme[start : readme.index("```", start)], "utf-8")
    (tmp_path / ".claimlint.yaml").write_text("packs: [house.yaml]\nselect: [HS101]\n", "utf-8")
    article = tmp_path / "a.md"
    article.write_text(
        "This tea detoxes your body.\n\nNo tea detoxes your body.\n\n"
        "Some sellers claim it cleansed the liver.\n\nOur juice flushed out your system.\n",
        "utf-8",
    )
    code = main(["check", str(article), "--config", str(tmp_path / ".claimlint.yaml"),
                 "--format", "concise", "--no-cache"])  # fmt: skip
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[:2] == [
        f"{article}:1:10: HS101 [detox-claim] detox claim 'detoxes your body'",
        f"{article}:7:11: HS101 [detox-claim] detox claim 'flushed out your system'",
    ]


def test_hedged_claims_raise_no_alarm() -> None:
    """Every hedge before a claim keeps CL301 and CL302 quiet (the held-out target is
    no more than 0.5% alarms on hedged sentences): 1,000 subject x hedge x claim x tail."""
    subjects = ["This tea", "Turmeric", "The new cream", "Our supplement", "Acupuncture"]
    hedges = ["may", "might", "could", "can help", "may help to", "is thought to",
              "appears to", "seems to", "could possibly", "may, in some people,"]  # fmt: skip
    claims_ = ["cure arthritis", "cure acne for good", "reverse type 2 diabetes",
               "heal eczema permanently", "eliminate migraines forever", "be completely safe",
               "have no side effects", "be 100% effective", "be risk-free", "work every time"]  # fmt: skip
    tails = ["", " in some people"]
    texts = [
        f"{subject} {hedge} {claim}{tail}."
        for subject in subjects
        for hedge in hedges
        for claim in claims_
        for tail in tails
    ]
    # One article, a paragraph per sentence: paragraph k is on line 2k + 1.
    found = lint("\n\n".join(texts))
    alarms = [texts[(d.line - 1) // 2] for d in found if d.code in ("CL301", "CL302")]
    assert len(texts) == 1000
    assert alarms == []
