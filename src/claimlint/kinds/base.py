"""What every kind shares: the Hit it yields, the Context it reads, the Kind protocol."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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


@dataclass
class Context:
    """One document as the kinds see it; sentences are computed once, on first use."""

    document: Document
    settings: Settings
    today: dt.date
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = sentences(self.document, PROSE_KINDS)
        return self._sentences


Prepare = Callable[[Rule, Settings], Any]
Check = Callable[[Context, Rule, Any], Iterable[Hit]]


class Kind(NamedTuple):
    prepare: Prepare
    check: Check
    summary: str


def no_prepare(rule: Rule, settings: Settings) -> None:
    return None
