"""What every parsed document must satisfy, whatever the input: shared by the fuzz targets."""

from __future__ import annotations

from claimlint.document import Document
from claimlint.document.references import Citations


def check_document(document: Document) -> None:
    text = document.text
    size = len(text)
    for segment in document.segments:
        assert len(segment.text) == len(segment.raw), segment
        if segment.block >= 0:  # body prose (title and description fields have block -1)
            assert 0 <= segment.start <= segment.end <= size, segment
            assert text[segment.start : segment.end] == segment.raw, segment
    for error in document.meta_errors:
        assert 0 <= error.offset <= size, error
    for entry in document.entries:
        assert 0 <= entry.offset <= size, entry
    check_citations(document.citations, text)
    lines = len(document.lines)
    for offset in (0, size // 2, size):
        line, column = document.position(offset)
        assert 1 <= line <= max(1, lines) and column >= 1, (offset, line, column)


def check_citations(citations: Citations, text: str) -> None:
    previous = -1
    for marker in citations.markers:
        assert 0 <= marker.start < marker.end <= len(text), marker
        assert text[marker.start : marker.end] == marker.raw, marker
        assert marker.start >= previous, "markers are sorted by position"
        previous = marker.start
        assert bool(marker.numbers) != bool(marker.label), marker
        assert len(marker.numbers) <= 201 * (marker.raw.count(",") + 1), marker
    for entry in (*citations.entries, *citations.footnotes):
        assert 0 <= entry.start <= entry.end <= len(text), entry
