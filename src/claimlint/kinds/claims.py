"""The claim kind: a claim's grammar in prose, minus the uses that a cue in the same
clause negates, hedges, reports or qualifies, and minus questioned, quoted and cited
sentences (RULES.md section 5).

A rule gives its grammar as patterns over word classes (claimlint.grammar): ``patterns``
are predicates, which a cue governs when it stands before them in their clause ("does not
cure", "products that claim to cure"); ``noun-patterns`` are noun phrases, governed by
those cues and also by a verbal negation or a pending cue a few words after them in their
clause ("a cure has not been found", "a cure may one day be found"). Qualifiers ("in some
people") govern anywhere in the clause; a sentence that ends naming who says it is
reported. The cues of a sentence are found once, whatever the number of matches and rules
(see claimlint.kinds.cues); ``triggers`` are what the prefilter looks for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimlint.grammar import expand_all, rule_lookup
from claimlint.kinds.base import Context, Hit, Kind
from claimlint.kinds.cues import SentenceCues, cues_for
from claimlint.nlp import Sentence, make_doc, pipeline
from claimlint.patterns import Covered, Pattern, PatternError
from claimlint.rule import Rule
from claimlint.settings import Settings

EXEMPTIONS = ("negated", "question", "reported", "quoted", "hedged", "qualified", "cited")
DEFAULT_EXEMPT = ("negated", "question", "reported", "quoted", "cited")


@dataclass(frozen=True)
class Prepared:
    phrases: tuple[str, ...]
    patterns: Pattern
    nouns: Pattern
    exclude: Pattern
    exempt: frozenset[str]
    triggers: tuple[str, ...]  # the option ``triggers``, word classes expanded

    @cached_property
    def matcher(self) -> Any:
        """The spaCy PhraseMatcher (or None), built on first use: a run whose files all
        come from the cache never imports spaCy."""
        return phrase_matcher(list(self.phrases))


def phrase_matcher(phrases: list[str]) -> Any:
    if not phrases:
        return None
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(pipeline().vocab, attr="LOWER")
    matcher.add("claim", [make_doc(phrase) for phrase in phrases])
    return matcher


def prepare(rule: Rule, settings: Settings) -> Prepared:
    options = rule.options
    lookup = rule_lookup(options, settings)
    exempt = frozenset(options.get("exempt", DEFAULT_EXEMPT))
    unknown = sorted(exempt - set(EXEMPTIONS))
    if unknown:
        raise PatternError(f"unknown exemption {unknown[0]!r} (known: {', '.join(EXEMPTIONS)})")
    return Prepared(
        phrases=tuple(options.get("phrases", ())),
        patterns=Pattern(expand_all(options.get("patterns", ()), lookup)),
        nouns=Pattern(expand_all(options.get("noun-patterns", ()), lookup)),
        exclude=Pattern(expand_all(options.get("exclude-patterns", ()), lookup)),
        exempt=exempt,
        triggers=expand_all(options.get("triggers", ()), lookup),
    )


def triggers(rule: Rule, prepared: Prepared, settings: Settings) -> Iterator[str | None]:
    """A sentence reported on holds one of the patterns (or of the rule's ``triggers``,
    words that every match holds: far cheaper for the prefilter to look for than a whole
    grammar), or every token of a phrase: the phrase's longest token stands for it (None
    when no token of it is ASCII, whose case RE2 and spaCy's LOWER could fold apart)."""
    if prepared.triggers:
        yield from prepared.triggers
    else:
        yield from prepared.patterns.sources
        yield from prepared.nouns.sources
    for phrase in prepared.phrases:
        words = [t.lower_ for t in make_doc(phrase) if t.lower_.isascii()]
        yield re.escape(max(words, key=len)) if words else None


def phrase_spans(doc: Any, matcher: Any) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for _, s, e in matcher(doc)]


def matches(
    sentence: Sentence, prepared: Prepared, cache: dict[int, list[tuple[int, int]]]
) -> Iterator[tuple[int, int, bool]]:
    """Sentence-local spans of raw matches in order, each with whether it is a noun
    phrase (see exempt: cues after a noun phrase govern it too)."""
    s_start, s_end = sentence.start_char, sentence.end_char
    found: list[tuple[int, int, bool]] = []
    if prepared.matcher is not None:
        key = id(sentence.doc)
        if key not in cache:
            cache[key] = sorted(phrase_spans(sentence.doc, prepared.matcher))
        spans = cache[key]
        # Spans are sorted by start: visit only those starting inside the sentence.
        for index in range(bisect_left(spans, (s_start, -1)), len(spans)):
            start, end = spans[index]
            if start >= s_end:
                break
            if end <= s_end:
                found.append((start - s_start, end - s_start, False))
    text = sentence.text
    found.extend((m.start(), m.end(), False) for m in prepared.patterns.finditer(text))
    found.extend((m.start(), m.end(), True) for m in prepared.nouns.finditer(text))
    found.sort()
    last_end = -1
    for start, end, noun in found:
        if start >= last_end and end > start:  # overlapping matches count once
            last_end = end
            yield start, end, noun


def check(ctx: Context, rule: Rule, prepared: Prepared) -> Iterator[Hit]:
    cache: dict[int, list[tuple[int, int]]] = {}
    for sentence in ctx.sentences_for(rule):
        cues: SentenceCues | None = None
        excluded: Covered | None = None
        for start, end, noun in matches(sentence, prepared, cache):
            if cues is None:
                cues = cues_for(ctx, sentence)
                excluded = Covered(prepared.exclude, sentence.text)
            assert excluded is not None
            if excluded.overlaps(start, end) or exempt(
                ctx, sentence, cues, start, end, noun, prepared.exempt
            ):
                continue
            base = sentence.start_char
            begin = sentence.offset(base + start)
            finish = sentence.offset(base + end - 1) + 1
            yield Hit(begin, finish, {"text": ctx.document.text[begin:finish]}, sentence.text)
            break  # one finding per sentence and rule


def exempt(
    ctx: Context,
    sentence: Sentence,
    cues: SentenceCues,
    start: int,
    end: int,
    noun: bool,
    rules: frozenset[str],
) -> bool:
    if "question" in rules and cues.question:
        return True
    if "quoted" in rules and cues.quoted(start, end):
        return True
    clause_start, clause_end = cues.clause(start)
    # A predicate is governed by what precedes it in its clause: "does not cure",
    # "products that claim to cure". A claim that is itself a negation ("no side effects")
    # is not negated by the "no" of a list it stands in ("no fillers and no side effects"),
    # only by other negations ("few supplements come without side effects"). A noun
    # phrase is also governed by a verbal negation or a pending cue shortly after it, in
    # its own clause: "a cure for HIV has not been found", "a cure may one day be found".
    if noun:
        after = cues.after_noun(end, clause_end)
        negated = cues.any("negation", ((clause_start, end),)) or cues.any(
            "verbal", ((end, after),)
        )
        reported = cues.any("reporting", ((clause_start, end),)) or cues.any(
            "pending", ((end, after),)
        )
    else:
        led = cues.led_by_negation(start)
        negated = cues.any("other" if led else "negation", ((clause_start, start),))
        reported = cues.any("reporting", ((clause_start, start),))
    if "negated" in rules and negated:
        return True
    if "reported" in rules and (reported or cues.attributed):
        return True
    # A hedge inside the match counts too: "experiments in mice may show".
    if "hedged" in rules and cues.any("hedge", ((clause_start, end),)):
        return True
    if "qualified" in rules and cues.any(
        "qualifier", ((clause_start, start), (end, cues.strong_end(end)))
    ):
        return True
    return "cited" in rules and ctx.cited(sentence)


KINDS = {
    "claim": Kind(
        prepare,
        check,
        "a claim's grammar (patterns over word classes), minus negated, hedged, reported, "
        "qualified, questioned, quoted and cited uses",
        triggers,
    ),
}
