"""Word classes in patterns: a pack writes a claim's grammar once, with its words as data.

A pattern may name a word class as ``@{class}`` or ``@{class:slots}``: the class is a list
of lemmas (in a rule's ``words`` option, or in the pack setting ``words-<class>``) and the
slots say which forms stand there (see ``morphology.forms``: ``n`` noun forms, ``v`` every
verb form, ``base``, ``s``, ``ed``, ``en``, ``ing``, ``fin``; default ``word``, the entries
as written). ``@{source:n} (?:have|has) @{evidential:en}`` thus matches "studies have
shown", "a trial has proven", "research has confirmed" ….

Cue lists (negation, hedge, reporting cues) are phrases, not patterns: a word ending in
``*`` stands for all its forms (``claim*``: claim, claims, claimed, claiming), an
apostrophe matches ' and ’, and runs of spaces match any white space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from claimlint.morphology import forms
from claimlint.patterns import PatternError

if TYPE_CHECKING:
    from claimlint.settings import Settings

_CLASS = re.compile(r"@\{([a-z][a-z0-9-]*)(?::([a-z,]+))?\}")
_APOSTROPHE = re.compile(r"['’]")

Lookup = Callable[[str], "tuple[str, ...] | None"]


def _alternation(words: Iterable[str]) -> str:
    # Longest first: RE2 takes the leftmost alternative that matches, and "studies" must
    # not stop at "study".
    unique = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(_literal(word) for word in unique) + ")"


def _literal(word: str) -> str:
    escaped = re.escape(word)
    escaped = escaped.replace(r"\ ", r"\s+")
    return _APOSTROPHE.sub("['’]", escaped.replace("\\'", "'"))


def expand(source: str, lookup: Lookup) -> str:
    """``source`` with every ``@{class:slots}`` replaced by an alternation of its forms.

    Raises PatternError naming a class that ``lookup`` does not know, or an unknown slot.
    """
    if "@{" not in source:
        return source

    def replace(match: re.Match[str]) -> str:
        name, slots = match.group(1), match.group(2) or "word"
        words = lookup(name)
        if not words:
            raise PatternError(f"unknown word class @{{{name}}} in {source[:200]!r}")
        try:
            found = [form for word in words for form in forms(word, slots)]
        except ValueError as error:
            raise PatternError(f"{error} in @{{{name}:{slots}}}") from None
        return _alternation(found)

    return _CLASS.sub(replace, source)


def expand_all(sources: Iterable[str], lookup: Lookup) -> tuple[str, ...]:
    return tuple(expand(source, lookup) for source in sources)


def rule_lookup(options: Mapping[str, Any], settings: Settings) -> Lookup:
    """Word classes of a rule: its own option ``words`` first, then the pack setting
    ``words-<class>``."""
    own: Mapping[str, Any] = options.get("words", {}) or {}

    def lookup(name: str) -> tuple[str, ...] | None:
        if name in own:
            return tuple(own[name])
        return settings.word_class(name)

    return lookup


def cue_regex(phrase: str) -> str:
    """A cue phrase as a pattern: whole words, ``word*`` in all its forms."""
    parts: list[str] = []
    for word in phrase.split():
        if word.endswith("*") and len(word) > 1:
            lemma = word[:-1].lower()
            parts.append(_alternation((*forms(lemma, "v"), *forms(lemma, "n"))))
        else:
            parts.append(_literal(word))
    body = r"\s+".join(parts)
    first, last = phrase.lstrip()[:1], phrase.rstrip()[-1:]
    starts_word = first.isalnum() and not phrase.lower().startswith("n't")
    lead = r"\b" if starts_word else ""
    tail = r"\b" if last.isalnum() or last == "*" else ""
    return lead + body + tail


def cue_pattern_sources(phrases: Iterable[str]) -> tuple[str, ...]:
    """The cues as patterns, longest first: where two start at one place ("no", "no
    longer"), the longer is the cue."""
    kept = sorted({phrase for phrase in phrases if phrase.strip()}, key=lambda p: (-len(p), p))
    return tuple(cue_regex(phrase) for phrase in kept)
