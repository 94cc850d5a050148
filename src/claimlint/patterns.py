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


class Pattern:
    """A case-insensitive RE2 pattern built from one or more alternatives."""

    def __init__(self, sources: Iterable[str]) -> None:
        self.sources = tuple(sources)
        self._compiled: Any = None
        if self.sources:
            try:
                self._compiled = _compile("|".join(f"(?:{s})" for s in self.sources))
            except PatternError:
                validate(self.sources)  # raises naming the pattern that is wrong
                raise

    def __bool__(self) -> bool:
        return self._compiled is not None

    def finditer(self, text: str) -> Iterator[Match]:
        if self._compiled is None:
            return iter(())
        return iter(self._compiled.finditer(text))

    def search(self, text: str) -> Match | None:
        if self._compiled is None:
            return None
        return self._compiled.search(text)  # type: ignore[no-any-return]


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
