"""Compile regular expressions from packs and config with RE2: linear time, always."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, Protocol

import re2


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message quotes it."""


class Match(Protocol):
    def start(self, group: int | str = 0) -> int: ...
    def end(self, group: int | str = 0) -> int: ...
    def group(self, group: int | str = 0) -> str | None: ...
    def groupdict(self) -> dict[str, str | None]: ...


# Texts up to this many characters (a sentence) are first tested with an RE2 Set, which
# only answers whether the pattern matches: about twice as fast as a search that finds
# nothing, and most sentences match none of a rule's patterns. A Set cannot fall back to
# another engine if its DFA ran out of memory, so the gate is kept to short texts and to
# programs of moderate size, whose DFA states fit the memory budget many times over.
GATE_LIMIT = 2_000
GATE_PROGRAM_LIMIT = 5_000


class Pattern:
    """A case-insensitive RE2 pattern built from one or more alternatives."""

    def __init__(self, sources: Iterable[str]) -> None:
        self.sources = tuple(sources)
        self._compiled: Any = None
        self._gate: Any = None
        if self.sources:
            source = "|".join(f"(?:{s})" for s in self.sources)
            try:
                self._compiled = _compile(source)
            except PatternError:
                validate(self.sources)  # raises naming the pattern that is wrong
                raise
            if self._compiled.programsize <= GATE_PROGRAM_LIMIT:
                self._gate = _gate(source)

    def __bool__(self) -> bool:
        return self._compiled is not None

    def _closed(self, text: str) -> bool:
        """True when the pattern certainly does not match ``text``."""
        if self._compiled is None:
            return True
        return self._gate is not None and len(text) <= GATE_LIMIT and not self._gate.Match(text)

    def finditer(self, text: str) -> Iterator[Match]:
        if self._closed(text):
            return iter(())
        return iter(self._compiled.finditer(text))

    def search(self, text: str) -> Match | None:
        if self._closed(text):
            return None
        return self._compiled.search(text)  # type: ignore[no-any-return]


class AnyOf:
    """Whether any of several patterns can match a text, answered in one pass (an RE2 Set)
    before each is searched on its own."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        compiled = [p._compiled for p in patterns if p._compiled is not None]
        size = sum(c.programsize for c in compiled)
        self._gate = _gate(*(c.pattern for c in compiled)) if size <= GATE_PROGRAM_LIMIT else None

    def may_match(self, text: str) -> bool:
        if self._gate is None or len(text) > GATE_LIMIT:
            return True
        return bool(self._gate.Match(text))


def _gate(*sources: str) -> Any:
    """An RE2 Set of the patterns (None if RE2 will not build it: no gate, then)."""
    if not sources:
        return None
    gate = re2.Set.SearchSet(_options())
    try:
        for source in sources:
            gate.Add(source)
        gate.Compile()
    except re2.error:
        return None
    return gate


@cache
def _options() -> Any:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    options.max_mem = 64 << 20
    return options


def _compile(source: str) -> Any:
    try:
        return re2.compile(source, _options())
    except re2.error as error:
        message = error.args[0] if error.args else error
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        raise PatternError(f"invalid RE2 pattern {source[:200]!r}: {message}") from None


def validate(sources: Iterable[str]) -> None:
    """Compile each pattern alone, so an error names the one that is wrong."""
    for source in sources:
        _compile(source)
