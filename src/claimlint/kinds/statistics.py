"""Kinds of the statistics pack: uncited, vaguely sourced and impossible statistics."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimlint.citing import is_cited
from claimlint.grammar import expand_all, rule_lookup
from claimlint.kinds.base import Context, Hit, Kind, Triggers, no_prepare
from claimlint.nlp import Sentence
from claimlint.patterns import Covered, Match, Pattern
from claimlint.rule import Rule
from claimlint.settings import Settings

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
    "a hundred": 100, "thousand": 1000, "a thousand": 1000, "every": 1,
}  # fmt: skip


def statistics_in(sentence: Sentence, settings: Settings) -> list[Match]:
    """Statistic matches in a sentence's text, minus those overlapping a non-statistic."""
    text = sentence.text
    found = list(settings.pattern("statistic-patterns").finditer(text))
    if not found:
        return []
    excluded = [
        (m.start(), m.end()) for m in settings.pattern("not-statistic-patterns").finditer(text)
    ]
    return [m for m in found if not any(a < m.end() and m.start() < b for a, b in excluded)]


def _hit(ctx: Context, sentence: Sentence, match: Match, **values: object) -> Hit:
    base = sentence.start_char
    start = sentence.offset(base + match.start())
    end = sentence.offset(base + match.end() - 1) + 1
    return Hit(start, end, {"text": ctx.document.text[start:end], **values}, sentence.text)


def _paragraphs(ctx: Context) -> dict[int, str]:
    """The raw text of each block (its segments joined), built in one pass: looking up one
    block's segments at a time made long documents quadratic."""
    raws: dict[int, list[str]] = {}
    for segment in ctx.document.segments:
        raws.setdefault(segment.block, []).append(segment.raw)
    return {block: " ".join(parts) for block, parts in raws.items()}


def check_uncited(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    scope = rule.options.get("scope", "paragraph")
    cited_blocks: dict[int, bool] = {}
    paragraphs: dict[int, str] | None = None
    for sentence in ctx.sentences_for(rule):
        found = statistics_in(sentence, ctx.settings)
        if not found or ctx.cited(sentence):
            continue
        if scope == "paragraph":
            block = sentence.chunk.segment.block
            if block not in cited_blocks:
                paragraphs = _paragraphs(ctx) if paragraphs is None else paragraphs
                cited_blocks[block] = is_cited(paragraphs[block], ctx.settings)
            if cited_blocks[block]:
                continue
        yield _hit(ctx, sentence, found[0])


@dataclass(frozen=True)
class Vague:
    patterns: Pattern
    exclude: Pattern


def prepare_vague(rule: Rule, settings: Settings) -> Vague:
    lookup = rule_lookup(rule.options, settings)
    return Vague(
        Pattern(expand_all(rule.options.get("patterns", ()), lookup)),
        Pattern(expand_all(rule.options.get("exclude-patterns", ()), lookup)),
    )


def check_vague(ctx: Context, rule: Rule, vague: Vague) -> Iterator[Hit]:
    """A statistic whose only source is vague: a sentence that cites or names a source
    ("Studies show that 30% of adults … [5]") is not reported."""
    need_statistic = rule.options.get("require-statistic", True)
    for sentence in ctx.sentences_for(rule):
        match = _first_kept(vague, sentence.text)
        if match is None:
            continue
        if need_statistic and not statistics_in(sentence, ctx.settings):
            continue
        if ctx.cited(sentence):
            continue
        yield _hit(ctx, sentence, match)


def _first_kept(vague: Vague, text: str) -> Match | None:
    """The first vague-source match that no exclude-pattern covers (the exclusions are
    found only once a match is)."""
    excluded: Covered | None = None
    for match in vague.patterns.finditer(text):
        if excluded is None:
            excluded = Covered(vague.exclude, text)
        if not excluded.overlaps(match.start(), match.end()):
            return match
    return None


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    text = text.strip().lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    try:
        return float(text)
    except ValueError:
        return None


def check_impossible(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    patterns = ctx.settings.each("impossible-statistic-patterns")
    gate = ctx.settings.any_of("impossible-statistic-patterns")
    for sentence in ctx.sentences_for(rule):
        if not gate.may_match(sentence.text):
            continue
        for match in (m for pattern in patterns for m in pattern.finditer(sentence.text)):
            groups: dict[str, Any] = {k: v for k, v in match.groupdict().items() if v is not None}
            pct = _number(groups.get("pct"))
            n, m = _number(groups.get("n")), _number(groups.get("m"))
            if pct is not None and pct > 100:
                yield _hit(ctx, sentence, match, problem="a share of a group cannot exceed 100%")
                break
            if n is not None and m is not None and n > m:
                yield _hit(
                    ctx, sentence, match, problem=f"{n:g} is more than the {m:g} in the group"
                )
                break


def _setting(key: str) -> Triggers:
    return lambda rule, prepared, settings: settings.sources(key)


def _vague_triggers(rule: Rule, vague: Vague, settings: Settings) -> tuple[str, ...]:
    """A reported sentence holds a statistic (when the rule requires one): the statistic
    patterns, which the prefilter tests once for CL401 and CL402 together, instead of the
    grammar of vague sources."""
    if rule.options.get("require-statistic", True):
        return settings.sources("statistic-patterns")
    return vague.patterns.sources


KINDS = {
    "statistic": Kind(
        no_prepare,
        check_uncited,
        "statistics whose sentence or paragraph is uncited",
        _setting("statistic-patterns"),
    ),
    "vague-source": Kind(
        prepare_vague, check_vague, "statistics attributed only vaguely", _vague_triggers
    ),
    "impossible-statistic": Kind(
        no_prepare,
        check_impossible,
        "proportions that cannot be",
        _setting("impossible-statistic-patterns"),
    ),
}
