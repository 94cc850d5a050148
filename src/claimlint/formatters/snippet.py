"""The source excerpt under a finding: display cells, tab stops and long-line windows.

Columns in a Diagnostic count characters; a terminal counts cells. A tab advances to the
next multiple of TAB_WIDTH, East Asian wide and fullwidth characters take two cells and
combining marks none, and the same measure places the carets, so they stay under the span.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from claimlint.formatters.base import visible

TAB_WIDTH = 4
LONG_LINE = 200  # characters; a longer line is shown as a window around the span
WINDOW = 160  # characters of the line kept in that window
BEFORE = 40  # of which this many come before the span, when the line allows
ELLIPSIS = "…"


class Snippet(NamedTuple):
    """A source line ready to print, and where its underline goes (in cells)."""

    text: str
    offset: int
    width: int


def snippet(source_line: str, start: int, end: int | None) -> Snippet:
    """Lay out ``source_line`` with the span from character ``start`` to ``end`` underlined.

    ``start`` and ``end`` are 0-based character indexes; ``end`` None means to the end of
    the line (a span that goes on to later lines). The underline is at least one cell.
    """
    line = visible(source_line.rstrip("\r\n"))
    start = min(max(start, 0), len(line))
    stop = len(line) if end is None else min(max(end, start), len(line))
    if len(line) > LONG_LINE:
        line, start, stop = _window(line, start, stop)
    if "\t" not in line:  # no tab stops: the cells before and under the span suffice
        return Snippet(line, _width(line[:start]), max(1, _width(line[start:stop])))
    text, cells = _layout(line)
    return Snippet(text, cells[start], max(1, cells[stop] - cells[start]))


def _width(text: str) -> int:
    """Cells that text without tabs takes: one per character, except non-ASCII ones."""
    if text.isascii():
        return len(text)
    return len(text) + sum(char_width(char) - 1 for char in _NON_ASCII.findall(text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _window(line: str, start: int, stop: int) -> tuple[str, int, int]:
    low = max(0, start - BEFORE)
    high = min(len(line), low + WINDOW)
    low = max(0, min(low, high - WINDOW))
    head = ELLIPSIS if low > 0 else ""
    tail = ELLIPSIS if high < len(line) else ""
    shift = len(head) - low
    return head + line[low:high] + tail, start + shift, min(stop, high) + shift


def _layout(line: str) -> tuple[str, list[int]]:
    """The line with tabs expanded, and the cell at which each character index starts."""
    parts: list[str] = []
    cells = [0]
    for char in line:
        if char == "\t":
            width = TAB_WIDTH - cells[-1] % TAB_WIDTH
            parts.append(" " * width)
        else:
            width = char_width(char)
            parts.append(char)
        cells.append(cells[-1] + width)
    return "".join(parts), cells


@cache
def char_width(char: str) -> int:
    """Terminal cells one character takes."""
    if unicodedata.category(char) in ("Mn", "Me") or char in "\u200b\u200c\u200d\u2060\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
