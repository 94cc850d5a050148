"""Compile regular expressions from packs and config with RE2: linear time, always."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
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


class Covered:
    """The spans of a text that a pattern matches, found once: whether a match overlaps
    one of them is then a binary search."""

    def __init__(self, pattern: Pattern, text: str) -> None:
        spans = sorted((m.start(), m.end()) for m in pattern.finditer(text)) if pattern else []
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each index
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        count = bisect_left(self.starts, end)
        return count > 0 and self.reach[count - 1] > start


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


# --- prefilters ----------------------------------------------------------------------------
# A prefilter answers "can any of these patterns match somewhere inside this text?" for a
# whole paragraph, before it is cut into sentences that the patterns then search. Zero-width
# assertions (\b, \B, ^, $, \A, \z) are true or false at a sentence's edges regardless of the
# paragraph around it, so the prefilter drops them: a pattern without its assertions matches
# a superset of what it matched, and a match inside a sentence is a match inside its
# paragraph. The answer "no" is therefore exact; "yes" only means "look closer".

_ASSERTION_ESCAPES = frozenset("bBAz")


def relax(source: str) -> str:
    """``source`` with every zero-width assertion replaced by an empty group.

    Character classes, ``\\Q...\\E`` quoting and ``\\p{...}`` names are copied as they are.
    Raises PatternError when the syntax is not understood (the prefilter is then not used).
    """
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char == "\\":
            if i + 1 >= n:
                raise PatternError(f"trailing backslash in {source[:200]!r}")
            nxt = source[i + 1]
            if nxt in _ASSERTION_ESCAPES:
                out.append("(?:)")
                i += 2
            elif nxt == "Q":
                end = source.find("\\E", i + 2)
                end = n if end < 0 else end + 2
                out.append(source[i:end])
                i = end
            elif nxt in "pPx" and source.startswith("{", i + 2):
                end = source.find("}", i + 3)
                if end < 0:
                    raise PatternError(f"unclosed {{ in {source[:200]!r}")
                out.append(source[i : end + 1])
                i = end + 1
            else:
                out.append(source[i : i + 2])
                i += 2
        elif char == "[":
            end = _class_end(source, i)
            out.append(source[i:end])
            i = end
        elif char in "^$":
            out.append("(?:)")
            i += 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _class_end(source: str, start: int) -> int:
    """Index just past the character class that opens at ``start``."""
    i, n = start + 1, len(source)
    if i < n and source[i] == "^":
        i += 1
    if i < n and source[i] == "]":  # a ']' first in a class is a literal
        i += 1
    while i < n:
        char = source[i]
        if char == "\\":
            if source.startswith(("p{", "P{"), i + 1):
                close = source.find("}", i + 3)
                i = n if close < 0 else close + 1
            else:
                i += 2
        elif char == "[" and source.startswith("[:", i):
            close = source.find(":]", i + 2)
            i = n if close < 0 else close + 2
        elif char == "]":
            return i + 1
        else:
            i += 1
    raise PatternError(f"unclosed character class in {source[:200]!r}")


class Prefilter:
    """Which of several keys have a pattern that, assertions dropped, can match inside a
    text (a key is a rule; its patterns are its triggers).

    ``None`` among a key's sources means "anything may match" (a trigger that cannot be
    written as a pattern): that key is then always in the answer. Short texts are tested
    with RE2 Sets of moderate size (see GATE_PROGRAM_LIMIT), longer ones with one search
    per key.
    """

    def __init__(self, triggers: Iterable[tuple[str, Iterable[str | None]]]) -> None:
        self._always: set[str] = set()
        # A source that several keys share (CL402's triggers are CL401's statistics) is
        # compiled and tested once, for all of them.
        self._keys: list[list[str]] = []  # the keys of each relaxed source in the Sets
        self._searches: list[tuple[list[str], Any]] = []
        self._large: list[tuple[list[str], Any]] = []  # too large for a Set: searched alone
        self._gates: list[tuple[Any, int]] = []  # (Set, index of its first source)
        programs: list[tuple[str, int]] = []
        in_sets: dict[str, list[str]] = {}
        large: dict[str, list[str]] = {}
        searches: dict[str, list[str]] = {}
        for key, sources in triggers:
            try:
                listed = list(sources)
                if any(source is None for source in listed):
                    raise PatternError("a trigger that is not a pattern")
                relaxed = [relax(source) for source in listed if source is not None]
                compiled = [_compile(source) for source in relaxed]
                if relaxed:
                    joined_source = "|".join(f"(?:{source})" for source in relaxed)
                    joined = _compile(joined_source)
            except PatternError:
                self._always.add(key)
                continue
            if relaxed:
                if joined_source not in searches:
                    searches[joined_source] = []
                    self._searches.append((searches[joined_source], joined))
                searches[joined_source].append(key)
            for source, program in zip(relaxed, compiled, strict=True):
                if program.programsize > GATE_PROGRAM_LIMIT:
                    if source not in large:
                        large[source] = []
                        self._large.append((large[source], program))
                    large[source].append(key)
                elif source in in_sets:
                    in_sets[source].append(key)
                else:
                    in_sets[source] = [key]
                    programs.append((source, program.programsize))
                    self._keys.append(in_sets[source])
        self._gates = _gates(programs)

    def which(self, text: str) -> set[str]:
        """The keys whose patterns may match inside ``text``."""
        found = set(self._always)
        if self._gates and len(text) <= GATE_LIMIT:
            keys = self._keys
            for gate, first in self._gates:
                for index in gate.Match(text) or ():
                    found.update(keys[first + index])
            for owners, search in self._large:
                if not found.issuperset(owners) and search.search(text):
                    found.update(owners)
        else:
            # A search cannot run out of memory the way a Set can: RE2 falls back to its NFA.
            for owners, search in self._searches:
                if search.search(text):
                    found.update(owners)
        return found


def _gates(programs: Sequence[tuple[str, int]]) -> list[tuple[Any, int]]:
    """RE2 Sets that together hold every pattern, in order, each of at most
    GATE_PROGRAM_LIMIT, with the index of each Set's first pattern; none when RE2 will not
    build a Set (the caller keeps patterns larger than that out)."""
    groups: list[tuple[list[str], int]] = []
    size = GATE_PROGRAM_LIMIT
    for index, (source, program) in enumerate(programs):
        if program > GATE_PROGRAM_LIMIT:
            return []
        if size + program > GATE_PROGRAM_LIMIT:
            groups.append(([], index))
            size = 0
        groups[-1][0].append(source)
        size += program
    gates = [(_gate(*group), first) for group, first in groups]
    return [] if any(gate is None for gate, _ in gates) else gates
