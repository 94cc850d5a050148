"""What every kind shares: the Hit it yields, the Context it reads, the Kind protocol."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from claimlint.document import Document
from claimlint.nlp import Sentence, sentences
from claimlint.rule import Rule
from claimlint.settings import Settings

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
    def may_match(self, text: str) -> bool: ...


@dataclass
class Context:
    """One document as the kinds see it; sentences are computed once, on first use.

    ``triggers`` tells which paragraphs need sentences at all: a paragraph in which no
    active rule's trigger can match is never handed to spaCy (see Kind.triggers).
    """

    document: Document
    settings: Settings
    today: dt.date
    triggers: Gate | None = None
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            wanted = None if self.triggers is None else self.triggers.may_match
            self._sentences = sentences(self.document, PROSE_KINDS, wanted)
        return self._sentences


Prepare = Callable[[Rule, Settings], Any]
Check = Callable[[Context, Rule, Any], Iterable[Hit]]
Triggers = Callable[[Rule, Any, Settings], Iterable[str | None]]


class Kind(NamedTuple):
    """A check algorithm.

    A kind that reads ``ctx.sentences`` must say, in ``triggers``, what a sentence needs
    for the kind to report anything in it: RE2 patterns of which at least one matches
    inside every sentence it reports on (``None`` for "cannot tell": every paragraph is
    then split into sentences). Paragraphs that match none of the active rules' triggers
    are not split at all, which is most of the cost of linting. A kind that never reads
    sentences leaves ``triggers`` None.
    """

    prepare: Prepare
    check: Check
    summary: str
    triggers: Triggers | None = None


def no_prepare(rule: Rule, settings: Settings) -> None:
    return None
