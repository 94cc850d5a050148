"""What every kind shares: the Hit it yields, the Context it reads, the Kind protocol."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from claimlint.citing import is_cited
from claimlint.document import Document
from claimlint.nlp import Chunk, Sentence, sentences
from claimlint.rule import Rule
from claimlint.settings import Settings

_TRAILING_MARKERS = re.compile(r"[ \t]*(?:\[\^?[^\]\n]{1,40}\]|<sup>.{1,40}?</sup>)+", re.I)
# Segment kinds that are running prose (reference entries and footnote texts are not).
PROSE_KINDS = frozenset(
    {"paragraph", "heading", "list-item", "table-cell", "blockquote", "title", "description"}
)


class Hit(NamedTuple):
    """A finding before it becomes a Diagnostic: document offsets and message values."""

    start: int
    end: int
    values: Mapping[str, object]
    context: str = ""


class Gate(Protocol):
    def which(self, text: str) -> Collection[str]:
        """The codes of the rules whose triggers may match inside ``text``."""
        ...


@dataclass
class Context:
    """One document as the kinds see it; sentences are computed once, on first use.

    ``gate`` tells which paragraphs need sentences at all, and for which rules: a
    paragraph in which no active rule's trigger can match is never handed to spaCy, and
    a rule reads only the sentences of paragraphs in which one of its triggers can match
    (see Kind.triggers).
    """

    document: Document
    settings: Settings
    today: dt.date
    gate: Gate | None = None
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _wanted: dict[int, Collection[str]] = field(default_factory=dict, repr=False)
    _by_rule: dict[str, list[Sentence]] = field(default_factory=dict, repr=False)
    # What kinds derive from a sentence once for all their rules (claim cues, ...).
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def sentences(self) -> list[Sentence]:
        """The sentences of every paragraph that some active rule may report on."""
        if self._sentences is None:
            keep = None if self.gate is None else self._keep
            self._sentences = sentences(self.document, PROSE_KINDS, keep)
        return self._sentences

    def sentences_for(self, rule: Rule) -> list[Sentence]:
        """The sentences of the paragraphs in which ``rule`` may report."""
        if self.gate is None:
            return self.sentences
        found = self._by_rule.get(rule.code)
        if found is None:
            wanted = self._wanted
            found = self._by_rule[rule.code] = [
                s for s in self.sentences if rule.code in wanted[id(s.chunk)]
            ]
        return found

    def cited(self, sentence: Sentence) -> bool:
        """Whether the sentence cites or names a source, found once for every rule."""
        key = ("cited", id(sentence.doc), sentence.start_char)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = is_cited(raw_with_markers(self, sentence), self.settings)
        return bool(found)

    def _keep(self, chunk: Chunk) -> bool:
        assert self.gate is not None
        codes = self.gate.which(chunk.text)
        if codes:
            self._wanted[id(chunk)] = codes  # chunks live as long as their sentences
        return bool(codes)


def raw_with_markers(ctx: Context, sentence: Sentence) -> str:
    """The sentence's original text plus citation markers that follow its last word."""
    text = ctx.document.text
    raw = text[sentence.start : sentence.end]
    trailing = _TRAILING_MARKERS.match(text, sentence.end, min(len(text), sentence.end + 200))
    return raw + trailing.group(0) if trailing else raw


Prepare = Callable[[Rule, Settings], Any]
Check = Callable[[Context, Rule, Any], Iterable[Hit]]
Triggers = Callable[[Rule, Any, Settings], Iterable[str | None]]


class Kind(NamedTuple):
    """A check algorithm.

    A kind that reads sentences (``ctx.sentences_for(rule)``) must say, in ``triggers``,
    what a sentence needs for the rule to report anything in it: RE2 patterns of which at
    least one matches inside every sentence it reports on (``None`` for "cannot tell":
    the rule then reads every sentence). Paragraphs that match none of the active rules'
    triggers are not split into sentences at all, which is most of the cost of linting.
    A kind that never reads sentences leaves ``triggers`` None.
    """

    prepare: Prepare
    check: Check
    summary: str
    triggers: Triggers | None = None


def no_prepare(rule: Rule, settings: Settings) -> None:
    return None
