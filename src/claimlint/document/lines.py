"""Line index: split text on CRLF, LF and CR, and map offsets to 1-based line:column."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first character
    text: str  # without its line break
    source: str  # the whole document text (shared, not copied)


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        starts.extend(match.end() for match in _BREAK.finditer(text))
        self.starts = starts

    def __len__(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, number: int) -> str:
        """The text of a 1-based line, without its line break."""
        if number < 1 or number > len(self.starts):
            return ""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def lines(self, first: int = 0) -> list[Line]:
        """Line objects from the 0-based line ``first`` on."""
        result = []
        for number in range(first, len(self.starts)):
            start = self.starts[number]
            end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
            result.append(Line(start, self.text[start:end].rstrip("\r\n"), self.text))
        return result

    def line_of(self, offset: int) -> int:
        """0-based line index of an offset."""
        return bisect.bisect_right(self.starts, offset) - 1
