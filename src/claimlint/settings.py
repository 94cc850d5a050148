"""Pack settings: vocabularies shared by the kinds, with patterns compiled once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimlint.grammar import expand_all
from claimlint.patterns import AnyOf, Pattern


@dataclass(frozen=True)
class Settings:
    """Pack settings with their patterns compiled once."""

    lists: Mapping[str, tuple[str, ...]]

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())

    def word_class(self, name: str) -> tuple[str, ...] | None:
        """The lemmas of the word class ``@{name}`` (setting ``words-<name>``)."""
        return self.lists.get(f"words-{name}")

    def sources(self, key: str) -> tuple[str, ...]:
        """The patterns of a setting, word classes expanded (see claimlint.grammar)."""
        return expand_all(self.lists.get(key, ()), self.word_class)

    @cached_property
    def compiled(self) -> dict[str, Pattern]:
        return {}

    def pattern(self, key: str) -> Pattern:
        found = self.compiled.get(key)
        if found is None:
            found = self.compiled[key] = Pattern(self.sources(key))
        return found

    def each(self, key: str) -> tuple[Pattern, ...]:
        """One pattern per source, for patterns whose named groups must stay apart."""
        if key not in self.separate:
            self.separate[key] = tuple(Pattern([source]) for source in self.sources(key))
        return self.separate[key]

    @cached_property
    def separate(self) -> dict[str, tuple[Pattern, ...]]:
        return {}

    def any_of(self, key: str) -> AnyOf:
        """One test of whether any of ``each(key)`` can match a text."""
        if key not in self.gates:
            self.gates[key] = AnyOf(self.each(key))
        return self.gates[key]

    @cached_property
    def memo(self) -> dict[str, Any]:
        """What a kind derives from the settings once (compiled cue lists, ...)."""
        return {}

    @cached_property
    def gates(self) -> dict[str, AnyOf]:
        return {}
