"""Assemble a Document from decoded text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from claimlint.document.blocks import Segment, parse_body
from claimlint.document.inline import mask_inline
from claimlint.document.lines import Line, LineIndex
from claimlint.document.metadata import (
    DEFAULT_ALIASES,
    MetaEntry,
    MetaError,
    block_line,
    is_empty,
    known_keys,
    norm_key,
    parse_front_matter,
)
from claimlint.document.references import Citations, find_citations

_FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?!\d)")
PROSE_FIELDS = ("title", "description")


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    lines: LineIndex
    entries: tuple[MetaEntry, ...]  # every metadata key as written, in source order
    meta_errors: tuple[MetaError, ...]
    segments: tuple[Segment, ...]  # body prose, then title/description fields
    citations: Citations
    aliases: Mapping[str, tuple[str, ...]]
    front_matter_ignores: tuple[str, ...] = ()
    _by_key: dict[str, list[MetaEntry]] = field(default_factory=dict, repr=False)

    def field(self, name: str) -> list[MetaEntry]:
        """Entries for a field under any of its aliases, non-empty ones, in priority order."""
        found: list[MetaEntry] = []
        for alias in self.aliases.get(name, (name,)):
            entries = self._by_key.get(norm_key(alias))
            if entries:  # most aliases are absent from a document
                found.extend(e for e in entries if not is_empty(e.value))
        return found

    def key(self, name: str) -> list[MetaEntry]:
        return self._by_key.get(norm_key(name), [])

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


def parse_document(
    text: str,
    path: str = "<text>",
    aliases: Mapping[str, Iterable[str]] | None = None,
    extra_keys: Iterable[str] = (),
) -> Document:
    """Parse decoded text; never raises on malformed input."""
    alias_map = dict(DEFAULT_ALIASES)
    for name, names in (aliases or {}).items():
        alias_map[name] = tuple(names)
    index = LineIndex(text)
    front = parse_front_matter(text)
    first_body_line = index.line_of(front.body_start) if front.body_start else 0
    if front.body_start and front.body_start >= len(text):
        first_body_line = len(index)
    lines = index.lines(first_body_line)
    known = _known_keys(tuple(alias_map.items()), tuple(extra_keys))
    block_entries, skip, title_line = _metadata_blocks(lines, known)
    body = parse_body(lines, skip)
    segments = list(body.segments)
    masked = [segment.text for segment in segments]
    citations = find_citations(body, masked)
    entries = list(front.entries) + block_entries + _filename_entries(path)
    if title_line is not None:
        segments.insert(0, _segment("heading", title_line[0], title_line[1], -1, 7))
    segments.extend(_field_segments(entries, alias_map))
    by_key: dict[str, list[MetaEntry]] = {}
    for entry in entries:
        by_key.setdefault(norm_key(entry.key), []).append(entry)
    return Document(
        path=path,
        text=text,
        lines=index,
        entries=tuple(entries),
        meta_errors=front.errors,
        segments=tuple(segments),
        citations=citations,
        aliases=alias_map,
        front_matter_ignores=front.suppressions,
        _by_key=by_key,
    )


@lru_cache(maxsize=64)  # one per configuration: the same for every file of a run
def _known_keys(
    aliases: tuple[tuple[str, tuple[str, ...]], ...], extra: tuple[str, ...]
) -> frozenset[str]:
    return known_keys(dict(aliases), extra)


def _segment(kind: str, start: int, raw: str, block: int, level: int = 0) -> Segment:
    return Segment(kind, start, raw, mask_inline(raw), block, level)


def _metadata_blocks(
    lines: list[Line], known: frozenset[str]
) -> tuple[list[MetaEntry], frozenset[int], tuple[int, str] | None]:
    """Bold-key / `Key: value` runs at the top (after an optional title) and at the end."""
    entries: list[MetaEntry] = []
    skip: set[int] = set()
    title: tuple[int, str] | None = None
    nonblank = [i for i, line in enumerate(lines) if line.text.strip()]
    if not nonblank:
        return entries, frozenset(), None
    # Top: optional title line, then key lines separated by blank lines.
    position = 0
    first = nonblank[0]
    if block_line(lines[first].text, lines[first].start, known) is None:
        position = 1  # a title line or `# Title` heading may stand before the block
    top = _run(lines, nonblank[position:], known)
    if top and position == 1 and not lines[first].text.lstrip().startswith("#"):
        # A plain title line above a metadata block is a heading, not paragraph text.
        title = (lines[first].start, lines[first].text)
        skip.add(first)
    for i in top:
        skip.add(i)
    # Bottom: key lines at the very end.
    bottom = _run(lines, list(reversed(nonblank)), known)
    bottom = [i for i in bottom if i not in skip]
    for i in sorted(top + bottom):
        skip.add(i)
        item = block_line(lines[i].text, lines[i].start, known)
        if item is not None:
            entries.append(MetaEntry(item.key, item.value, item.start, "block", item.value_offset))
    return entries, frozenset(skip), title


def _run(lines: list[Line], order: list[int], known: frozenset[str]) -> list[int]:
    run = []
    for i in order:
        if block_line(lines[i].text, lines[i].start, known) is None:
            break
        run.append(i)
    return run


def _filename_entries(path: str) -> list[MetaEntry]:
    match = _FILENAME_DATE.match(PurePath(path).name)
    return [MetaEntry("date", match.group(1), 0, "filename")] if match else []


def _field_segments(
    entries: list[MetaEntry], aliases: Mapping[str, tuple[str, ...]]
) -> list[Segment]:
    segments = []
    wanted = {
        norm_key(alias): name for name in PROSE_FIELDS for alias in aliases.get(name, (name,))
    }
    for block, entry in enumerate(entries, start=1_000_000):
        kind = wanted.get(norm_key(entry.key))
        if (
            kind
            and isinstance(entry.value, str)
            and entry.value.strip()
            and entry.value_offset is not None
        ):
            segments.append(_segment(kind, entry.value_offset, entry.value, block))
    return segments
