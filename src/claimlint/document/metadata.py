"""Metadata: front matter (YAML, TOML, JSON) and bold-key / `Key: value` blocks."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from claimlint.safeyaml import CheckedValues

DEFAULT_ALIASES: Mapping[str, tuple[str, ...]] = {
    "date": (
        "date", "published", "publish_date", "publishDate", "pubDate", "datePublished", "created",
    ),
    "updated": (
        "updated", "updatedDate", "lastupdate", "last_updated", "modified", "dateModified",
        "reviewed", "last_reviewed",
    ),
    "author": ("author", "authors", "byline", "writer"),
    "slug": ("slug", "handle", "permalink"),
    "title": ("title",),
    "description": ("description", "meta_description", "summary", "excerpt"),
    "disclaimer": ("disclaimer",),
}  # fmt: skip

OTHER_KNOWN_KEYS = ("category", "categories", "tags", "keywords", "reviewed_by")

MAX_FRONT_MATTER_CHARS = 200_000


_KEY_SEPARATORS = re.compile(r"[\s_-]+")


@lru_cache(maxsize=4096)  # the same few dozen keys and aliases, over and over
def norm_key(key: str) -> str:
    """Keys match case-insensitively with spaces, '-' and '_' alike."""
    return _KEY_SEPARATORS.sub("", key).lower()


@dataclass(frozen=True)
class MetaEntry:
    """One key as written: its value, the 0-based offset of its line, and where it came from."""

    key: str
    value: Any
    offset: int
    source: str  # "yaml", "toml", "json", "block", "filename"
    value_offset: int | None = None  # offset of the value text when it stands verbatim


@dataclass(frozen=True)
class MetaError:
    """A front-matter block that is present but does not parse (CL105)."""

    kind: str
    message: str
    offset: int


@dataclass(frozen=True)
class FrontMatter:
    entries: tuple[MetaEntry, ...]
    errors: tuple[MetaError, ...]
    body_start: int  # offset just past the front matter (0 when there is none)
    suppressions: tuple[str, ...]  # `claimlint: {ignore: [...]}`


class _BoundedLoader(CheckedValues, yaml.SafeLoader):
    """Safe YAML with aliases refused: no billion laughs, no object construction."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


# Line breaks are CRLF, LF or CR (RULES.md section 1), so no ^ and $ with re.M (LF only).
_BREAK = re.compile(r"\r\n?|\n")
_FENCE_END_YAML = re.compile(r"(?<![^\r\n])(?:---|\.\.\.)[ \t]*(?=[\r\n]|\Z)")
_FENCE_END_TOML = re.compile(r"(?<![^\r\n])\+\+\+[ \t]*(?=[\r\n]|\Z)")


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return not any(not is_empty(item) for item in value) if value else True
    return False


def parse_front_matter(text: str) -> FrontMatter:
    first_line_end = _line_end(text, 0)
    first = text[:first_line_end].rstrip()
    if first == "---":
        return _fenced(text, first_line_end, _FENCE_END_YAML, "yaml")
    if first == "+++":
        return _fenced(text, first_line_end, _FENCE_END_TOML, "toml")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _json(text, len(text) - len(stripped))
    return FrontMatter((), (), 0, ())


def _line_end(text: str, start: int) -> int:
    found = _BREAK.search(text, start)
    return len(text) if found is None else found.end()


def _fenced(text: str, content_start: int, closing: re.Pattern[str], kind: str) -> FrontMatter:
    match = closing.search(text, content_start)
    if match is None:
        error = MetaError(kind, f"{kind.upper()} front matter is not closed", 0)
        return FrontMatter((), (error,), 0, ())
    content = text[content_start : match.start()]
    body_start = _line_end(text, match.start())
    if len(content) > MAX_FRONT_MATTER_CHARS:
        error = MetaError(kind, f"front matter is larger than {MAX_FRONT_MATTER_CHARS} chars", 0)
        return FrontMatter((), (error,), body_start, ())
    try:
        # One LF per line break, so the parsers (TOML knows no CR) count lines as we do.
        plain = _BREAK.sub("\n", content)
        data = _load_yaml(plain) if kind == "yaml" else tomllib.loads(plain)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line if mark is not None else 0
        line = max(0, min(line, plain.count("\n") - 1))  # "end of stream" -> last line
        problem = getattr(exc, "problem", None) or str(exc)
        offset = _offset_of_line(text, content_start, line)
        message = f"invalid YAML front matter: {problem} (front matter line {line + 1})"
        return FrontMatter((), (MetaError(kind, message, offset),), body_start, ())
    except tomllib.TOMLDecodeError as exc:
        message = f"invalid TOML front matter: {exc}"
        return FrontMatter((), (MetaError(kind, message, 0),), body_start, ())
    except RecursionError:
        message = f"{kind.upper()} front matter is nested too deeply"
        return FrontMatter((), (MetaError(kind, message, 0),), body_start, ())
    if data is None:
        return FrontMatter((), (), body_start, ())
    if not isinstance(data, dict):
        message = f"{kind.upper()} front matter is not a mapping of keys to values"
        return FrontMatter((), (MetaError(kind, message, 0),), body_start, ())
    entries = tuple(_entries(data, text, content_start, match.start(), kind))
    return FrontMatter(entries, (), body_start, _suppressions(data))


def _load_yaml(content: str) -> Any:
    loader = _BoundedLoader(content)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _json(text: str, start: int) -> FrontMatter:
    try:
        data, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError:
        # A body that merely starts with "{" is not front matter unless it parses.
        return FrontMatter((), (), 0, ())
    except RecursionError:  # like YAML and TOML: too deep to be metadata
        error = MetaError("json", "JSON front matter is nested too deeply", start)
        return FrontMatter((), (error,), 0, ())
    if not isinstance(data, dict):
        return FrontMatter((), (), 0, ())
    body_start = _line_end(text, end)
    return FrontMatter(
        tuple(_entries(data, text, start, end, "json")), (), body_start, _suppressions(data)
    )


def _offset_of_line(text: str, start: int, line: int) -> int:
    offset = start
    for _ in range(line):
        found = _BREAK.search(text, offset)
        if found is None:
            return offset
        offset = found.end()
    return offset


# A line "key: ...", "key = ...", '"key": ...': the key is before the first ":" or "=".
# Possessive quantifiers: one attempt per line start, never a backtrack.
_KEY_LINE = re.compile(r'(?<![^\r\n])[ \t]*+["\']?([^\r\n:="\']*+)["\']?[ \t]*+[:=]')


def _entries(
    data: Mapping[Any, Any], text: str, start: int, end: int, kind: str
) -> Iterable[MetaEntry]:
    region = text[start:end]
    # Where each key is first written: one pass over the lines (a search per key made
    # front matter with many keys quadratic).
    written: dict[str, re.Match[str]] = {}
    for key_line in _KEY_LINE.finditer(region):
        written.setdefault(key_line.group(1).rstrip(" \t"), key_line)
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        found = written.get(key)
        offset = start + (found.start() if found else 0)
        value_offset = None
        if found and isinstance(value, str) and value:
            line_end = _BREAK.search(region, found.end())
            line = region[found.end() : line_end.start() if line_end else len(region)]
            at = line.find(value)
            if at >= 0:
                value_offset = start + found.end() + at
        yield MetaEntry(key, value, offset, kind, value_offset)


def _suppressions(data: Mapping[Any, Any]) -> tuple[str, ...]:
    settings = data.get("claimlint")
    if not isinstance(settings, dict):
        return ()
    ignore = settings.get("ignore")
    if isinstance(ignore, str):
        return (ignore,)
    if isinstance(ignore, list):
        return tuple(str(item) for item in ignore)
    return ()


# --- metadata blocks -------------------------------------------------------------

_BOLD_KEY = re.compile(r"^[ \t]*\*\*([^*\n:]{1,40}?)(?::\*\*|\*\*[ \t]*:)[ \t]*(.*?)[ \t]*$")
_PLAIN_KEY = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9 _-]{0,39}?)[ \t]*:[ \t]*(.*?)[ \t]*$")


@dataclass(frozen=True)
class BlockLine:
    key: str
    value: str
    start: int  # line start offset
    end: int  # line end offset (excluding newline)
    value_offset: int


def block_line(line: str, start: int, known: frozenset[str]) -> BlockLine | None:
    """A `**Key:** value` line, or a `Key: value` line whose key is a known metadata key."""
    match = _BOLD_KEY.match(line)
    if match is None:
        match = _PLAIN_KEY.match(line)
        if match is None or norm_key(match.group(1)) not in known:
            return None
        if match.group(2).startswith("//"):  # "Source: https://..." style URLs are fine,
            return None  # but "http://" split at the scheme colon is not a key line
    return BlockLine(
        match.group(1).strip(), match.group(2), start, start + len(line), start + match.start(2)
    )


def known_keys(aliases: Mapping[str, Iterable[str]], extra: Iterable[str]) -> frozenset[str]:
    keys = {norm_key(field) for field in aliases}
    for names in aliases.values():
        keys.update(norm_key(name) for name in names)
    keys.update(norm_key(key) for key in OTHER_KNOWN_KEYS)
    keys.update(norm_key(key) for key in extra)
    return frozenset(keys)
