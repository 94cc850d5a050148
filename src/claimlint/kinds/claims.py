"""The claim kind: phrases and patterns in prose, minus negated, questioned, reported,
quoted, hedged and cited uses (RULES.md section 5)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimlint.citing import is_cited
from claimlint.kinds.base import Context, Hit, Kind
from claimlint.nlp import Sentence, make_doc, pipeline
from claimlint.patterns import Pattern
from claimlint.rule import Rule
from claimlint.settings import Settings

NEGATION_WINDOW = 6  # tokens before a match that a negation cue may stand in
_TRAILING_MARKERS = re.compile(r"[ \t]*(?:\[\^?[^\]\n]{1,40}\]|<sup>.{1,40}?</sup>)+", re.I)
_OPEN_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}


@dataclass(frozen=True)
class Prepared:
    phrases: tuple[str, ...]
    patterns: Pattern
    exclude: Pattern
    exempt: frozenset[str]
    negation: frozenset[str]
    breaks: frozenset[str]
    hedges: Pattern
    reporting: Pattern

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


def word_pattern(words: tuple[str, ...]) -> Pattern:
    return Pattern([r"\b" + re.escape(word).replace(r"\ ", r"\s+") + r"\b" for word in words])


def prepare(rule: Rule, settings: Settings) -> Prepared:
    options = rule.options
    return Prepared(
        phrases=tuple(options.get("phrases", ())),
        patterns=Pattern(options.get("patterns", ())),
        exclude=Pattern(options.get("exclude-patterns", ())),
        exempt=frozenset(
            options.get("exempt", ("negated", "question", "reported", "quoted", "cited"))
        ),
        negation=frozenset(word.lower() for word in settings.words("negation-cues")),
        breaks=frozenset(word.lower() for word in settings.words("clause-breaks")),
        hedges=word_pattern(settings.words("hedge-cues")),
        reporting=word_pattern(settings.words("reporting-cues")),
    )


def triggers(rule: Rule, prepared: Prepared, settings: Settings) -> Iterator[str | None]:
    """A sentence reported on holds one of the patterns, or every token of a phrase: the
    phrase's longest token stands for it (None when no token of it is ASCII, whose case
    RE2 and spaCy's LOWER could fold apart)."""
    yield from prepared.patterns.sources
    for phrase in prepared.phrases:
        words = [t.lower_ for t in make_doc(phrase) if t.lower_.isascii()]
        yield re.escape(max(words, key=len)) if words else None


def phrase_spans(doc: Any, matcher: Any) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for _, s, e in matcher(doc)]


def matches(
    sentence: Sentence, prepared: Prepared, cache: dict[int, list[tuple[int, int]]]
) -> Iterator[tuple[int, int]]:
    """Character spans (in the sentence's chunk text) of raw matches, in order."""
    s_start, s_end = sentence.start_char, sentence.end_char
    found: list[tuple[int, int]] = []
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
                found.append((start, end))
    base = s_start
    for match in prepared.patterns.finditer(sentence.text):
        found.append((base + match.start(), base + match.end()))
    found.sort()
    last_end = -1
    for start, end in found:
        if start >= last_end:  # overlapping matches count once
            last_end = end
            yield start, end


def check(ctx: Context, rule: Rule, prepared: Prepared) -> Iterator[Hit]:
    cache: dict[int, list[tuple[int, int]]] = {}
    for sentence in ctx.sentences_for(rule):
        for start, end in matches(sentence, prepared, cache):
            if not exempt(ctx, sentence, start, end, prepared):
                begin, finish = sentence.offset(start), sentence.offset(end - 1) + 1
                yield Hit(begin, finish, {"text": ctx.document.text[begin:finish]}, sentence.text)
                break  # one finding per sentence and rule


def exempt(ctx: Context, sentence: Sentence, start: int, end: int, prepared: Prepared) -> bool:
    text = sentence.chunk.text
    s_start, s_end = sentence.start_char, sentence.end_char
    local = text[s_start:s_end]
    before = text[s_start:start]
    rules = prepared.exempt
    if prepared.exclude and any(
        m.start() < end - s_start and m.end() > start - s_start
        for m in prepared.exclude.finditer(local)
    ):
        return True
    if "question" in rules and local.rstrip().endswith("?"):
        return True
    if "quoted" in rules and _quoted(before, text[end:s_end]):
        return True
    if "negated" in rules and _negated(sentence, start, prepared):
        return True
    if "reported" in rules and prepared.reporting.search(before):
        return True
    if "hedged" in rules and prepared.hedges.search(local):
        return True
    return "cited" in rules and is_cited(_raw_with_markers(ctx, sentence), ctx.settings)


def _negated(sentence: Sentence, start: int, prepared: Prepared) -> bool:
    tokens = [t for t in sentence.span if t.idx < start]
    for token in reversed(tokens[-NEGATION_WINDOW:]):
        lower = token.lower_
        if lower in prepared.breaks:
            return False
        if lower in prepared.negation:
            return True
    return False


def _quoted(before: str, after: str) -> bool:
    """The match stands between an opening quote before it and its closing quote after."""
    for opening, closing in _OPEN_QUOTES.items():
        if opening == closing:
            if opening == "'":
                count = len(re.findall(r"(?:^|(?<=\s))'", before))
                if count % 2 and re.search(r"'(?:\W|$)", after):
                    return True
            elif before.count(opening) % 2 and opening in after:
                return True
        elif before.count(opening) > before.count(closing) and closing in after:
            return True
    return False


def _raw_with_markers(ctx: Context, sentence: Sentence) -> str:
    """The sentence's original text plus citation markers that follow its last word."""
    text = ctx.document.text
    raw = text[sentence.start : sentence.end]
    trailing = _TRAILING_MARKERS.match(text, sentence.end, min(len(text), sentence.end + 200))
    return raw + trailing.group(0) if trailing else raw


KINDS = {
    "claim": Kind(prepare, check, "phrases and patterns, minus exempt contexts", triggers),
}
