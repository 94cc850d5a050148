"""Pack settings: vocabularies shared by the kinds, with patterns compiled once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from claimlint.patterns import Pattern


@dataclass(frozen=True)
class Settings:
    """Pack settings with their patterns compiled once."""

    lists: Mapping[str, tuple[str, ...]]

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())

    @cached_property
    def compiled(self) -> dict[str, Pattern]:
        return {}

    def pattern(self, key: str) -> Pattern:
        found = self.compiled.get(key)
        if found is None:
            found = self.compiled[key] = Pattern(self.lists.get(key, ()))
        return found
