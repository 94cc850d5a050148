"""Citations: numeric markers, footnote references, reference lists and their entries."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimlint.document.blocks import Body, Segment

REFERENCE_HEADINGS = frozenset(
    {"references", "reference", "sources", "source", "bibliography", "citations",
     "works cited", "notes", "footnotes", "reference list", "literature cited"}
)  # fmt: skip

_NUMS = (
    r"\d{1,4}(?:[ \t]*[-–—][ \t]*\d{1,4})?(?:[ \t]*,[ \t]*\d{1,4}(?:[ \t]*[-–—][ \t]*\d{1,4})?)*"
)
# [3], [3, 4], [3-5], [[3]](#ref3), <sup>3</sup>, <sup>[3]</sup>; not \[3\], not [text][3]
_BRACKET_MARKER = re.compile(r"(?<![\\\]\w])\[(" + _NUMS + r")\](?!\()(?!:)")
_NESTED_MARKER = re.compile(r"\[\[(" + _NUMS + r")\]\]\([^)\s]*\)")
_ANCHOR_MARKER = re.compile(r"(?<![\\\]!])\[(" + _NUMS + r")\]\(#[^)\s]*\)")
_SUP_MARKER = re.compile(r"<sup>\s*\[?(" + _NUMS + r")\]?\s*</sup>", re.I)
# A label stops at "[" too: "[^[^[^..." was quadratic (each try ran to the end of the text).
_FOOTNOTE_REF = re.compile(r"(?<!\\)\[\^([^\[\]\s]+)\](?!:)")
_ENTRY_NUMBER = re.compile(r"^[ \t]*(?:\[(\d{1,4})\]|(\d{1,4})[.)])")


@dataclass(frozen=True)
class Marker:
    """A citation marker in prose: numbers (ranges expanded) or a footnote label."""

    start: int
    end: int
    raw: str
    numbers: tuple[int, ...] = ()
    label: str = ""  # footnote label, for [^x]


@dataclass(frozen=True)
class Entry:
    """A reference-list entry or a footnote definition."""

    start: int
    end: int
    text: str
    number: int | None = None
    label: str = ""  # footnote label


@dataclass(frozen=True)
class Citations:
    markers: tuple[Marker, ...]
    entries: tuple[Entry, ...]  # numbered / listed entries under a reference heading
    footnotes: tuple[Entry, ...]  # footnote definitions anywhere
    has_reference_list: bool
    reference_segments: frozenset[int]  # ids (index in segments) inside reference sections


def expand(numbers: str) -> tuple[int, ...]:
    result: list[int] = []
    for part in numbers.split(","):
        bounds = re.split(r"[-–—]", part)
        low = int(bounds[0])
        high = int(bounds[-1]) if len(bounds) > 1 else low
        if high < low or high - low > 200:
            high = low
        result.extend(range(low, high + 1))
    return tuple(result)


def heading_name(text: str) -> str:
    return re.sub(r"[^a-z ]+", "", text.lower()).strip()


def find_citations(body: Body, masked: Sequence[str]) -> Citations:
    """Markers in prose outside reference sections; entries inside them."""
    segments = body.segments
    in_section = _reference_sections(segments)
    entries: list[Entry] = []
    markers: list[Marker] = []
    labels = frozenset(body.link_defs)
    for index, segment in enumerate(segments):
        if index in in_section:
            entry = _entry(segment) if segment.kind != "heading" else None
            if entry is not None and entry.number is not None:
                entries.append(entry)  # entries are numbered: 1.  1)  [1]
            continue
        markers.extend(_markers(segment, masked[index], labels))
    footnotes = tuple(
        Entry(start, end, "", None, label) for label, start, end in body.footnote_defs
    )
    footnote_texts = {
        (segment.start): segment for segment in segments if segment.kind == "footnote"
    }
    footnote_starts = sorted(footnote_texts)
    footnotes = tuple(
        Entry(f.start, f.end, _footnote_text(footnote_texts, footnote_starts, f), None, f.label)
        for f in footnotes
    )
    markers.sort(key=lambda marker: marker.start)
    has_list = bool(entries) or bool(footnotes)
    return Citations(tuple(markers), tuple(entries), footnotes, has_list, frozenset(in_section))


def _footnote_text(by_start: dict[int, Segment], starts: Sequence[int], entry: Entry) -> str:
    """The first footnote segment that starts inside the entry (``starts``: sorted keys)."""
    index = bisect.bisect_left(starts, entry.start)
    if index < len(starts) and starts[index] < entry.end:
        return by_start[starts[index]].raw
    return ""


class _Taken:
    """Which characters of a segment earlier markers took: an overlap test costs the
    length of the span, not the number of markers (a list scanned per marker made 10,000
    markers in one paragraph quadratic)."""

    def __init__(self, size: int) -> None:
        self._marks = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._marks[start:end]

    def add(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)


def _reference_sections(segments: Sequence[Segment]) -> set[int]:
    inside: set[int] = set()
    level = 0  # heading level of the open reference section; 0 = none
    for index, segment in enumerate(segments):
        if segment.kind == "heading" or _standalone_heading(segment):
            seg_level = segment.level or 7
            if heading_name(segment.text) in REFERENCE_HEADINGS:
                level = seg_level
                inside.add(index)
                continue
            if (level and seg_level <= level) or (level and seg_level == 7):
                level = 0
        if level:
            inside.add(index)
    return inside


def _standalone_heading(segment: Segment) -> bool:
    """A one-line paragraph that is only a reference heading, as plain text writes it."""
    if segment.kind != "paragraph" or "\n" in segment.raw.strip():
        return False
    return heading_name(segment.text.rstrip(": ")) in REFERENCE_HEADINGS


def _entry(segment: Segment) -> Entry:
    match = _ENTRY_NUMBER.match(segment.marker or segment.raw)
    number = None
    if match:
        number = int(match.group(1) or match.group(2))
    return Entry(segment.start, segment.end, segment.raw, number)


def _markers(segment: Segment, masked: str, link_labels: frozenset[str]) -> Iterable[Marker]:
    raw = segment.raw
    if "[" not in raw and "<" not in raw:
        return  # every marker has a bracket or a <sup> tag: most segments have neither
    taken = _Taken(len(raw))

    def free(start: int, end: int) -> bool:
        if masked[start:end].strip() == "" and raw[start:end].strip():
            return False  # inside code or a comment
        return not taken.overlaps(start, end)

    for pattern in (_NESTED_MARKER, _ANCHOR_MARKER, _SUP_MARKER, _BRACKET_MARKER):
        for match in pattern.finditer(raw):
            start, end = match.start(), match.end()
            if not free(match.start(1), match.end(1)):
                continue
            if pattern is _BRACKET_MARKER and match.group(1).strip() in link_labels:
                continue  # a shortcut reference link such as [1] with "[1]: https://..."
            taken.add(start, end)
            yield Marker(
                segment.start + start,
                segment.start + end,
                match.group(0),
                expand(match.group(1).replace(" ", "")),
            )
    for match in _FOOTNOTE_REF.finditer(raw):
        if free(match.start(1), match.end(1)):
            yield Marker(
                segment.start + match.start(),
                segment.start + match.end(),
                match.group(0),
                (),
                match.group(1),
            )
