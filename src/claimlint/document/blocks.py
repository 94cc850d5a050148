"""Block structure: split a Markdown or text body into prose segments.

A line-based parser in the spirit of CommonMark, tuned for what prose rules need:
it knows fences, indented code, HTML comments, headings (ATX and setext), lists,
tables, block quotes, link and footnote definitions, and MDX import/export lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from claimlint.document.inline import mask_inline
from claimlint.document.lines import Line

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+•]|\d{1,9}[.)]|\[\d{1,4}\])([ \t]+|$)")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$")
_LINK_DEF = re.compile(r"^ {0,3}\[([^\]\^\n][^\]\n]*)\]:[ \t]*(\S+)")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]?")
_MDX = re.compile(
    r"^(?:import\s.+\sfrom\s|import\s+['\"]|export\s+(?:default|const|let|function|\{))"
)
_HTML_COMMENT_START = re.compile(r"^ {0,3}<!--")
_RAW_BLOCK = re.compile(r"^ {0,3}<(script|style|pre|textarea)\b", re.I)
_ONLY_MARKUP = re.compile(r"^[ \t]*(?:\{:[^}]*\}|\{\{[<%].*[%>]\}\}|\{%.*%\})[ \t]*$")
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)([^*_\n]{1,60})(?:\*\*|__)[ \t]*:?[ \t]*$")


@dataclass(frozen=True)
class Segment:
    """A piece of prose: ``text`` is the prose view of ``raw`` (same length, masked).

    ``start`` is the offset of ``raw`` in the document text. Segments of one paragraph
    share ``block``. ``level`` is the heading level (0 when not a heading; 7 for a bold
    line standing alone).
    """

    kind: str
    start: int
    raw: str
    text: str
    block: int
    level: int = 0
    marker: str = ""  # a list item's marker: "-", "1.", "[1]"

    @property
    def end(self) -> int:
        return self.start + len(self.raw)


@dataclass
class Body:
    segments: list[Segment] = field(default_factory=list)
    link_defs: dict[str, int] = field(default_factory=dict)  # label -> offset
    footnote_defs: list[tuple[str, int, int]] = field(default_factory=list)  # label, start, end


class _Parser:
    def __init__(self, lines: list[Line], skip: frozenset[int]) -> None:
        self.lines = lines
        self.skip = skip
        self.body = Body()
        self.block = 0
        self.labels: frozenset[str] = frozenset()

    def blank(self, index: int) -> bool:
        return index in self.skip or not self.lines[index].text.strip()

    def run(self) -> Body:
        self.labels = frozenset(
            match.group(1).lower()
            for line in self.lines
            if (match := _LINK_DEF.match(line.text)) is not None
        )
        index = 0
        count = len(self.lines)
        while index < count:
            index = self.step(index)
        return self.body

    def step(self, i: int) -> int:
        if self.blank(i):
            return i + 1
        text = self.lines[i].text
        if fence := _FENCE.match(text):
            return self.skip_fence(i, fence.group(1))
        if _HTML_COMMENT_START.match(text):
            return self.skip_until(i, "-->")
        if raw := _RAW_BLOCK.match(text):
            return self.skip_until(i, f"</{raw.group(1).lower()}>", lower=True)
        if _ONLY_MARKUP.match(text) or _MDX.match(text):
            return i + 1
        if (match := _LINK_DEF.match(text)) is not None:
            self.body.link_defs.setdefault(match.group(1).lower(), self.lines[i].start)
            return i + 1
        if (match := _FOOTNOTE_DEF.match(text)) is not None:
            return self.footnote(i, match)
        if text.startswith(("    ", "\t")) and (i == 0 or self.blank(i - 1)):
            return self.skip_indented(i)
        if match := _ATX.match(text):
            self.heading(i, len(match.group(1)), match.end())
            return i + 1
        if _BREAK.match(text):
            return i + 1
        if match := _QUOTE.match(text):
            return self.quote(i)
        if match := _ITEM.match(text):
            return self.item(i, match)
        if "|" in text and i + 1 < len(self.lines) and _TABLE_SEP.match(self.lines[i + 1].text):
            return self.table(i)
        if match := _BOLD_LINE.match(text):
            self.add("heading", [(i, match.start(1), match.end(1))], level=7)
            return i + 1
        return self.paragraph(i)

    # -- leaf blocks -------------------------------------------------------------------

    def skip_fence(self, i: int, marker: str) -> int:
        closing = re.compile(
            r"^ {0,3}" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ \t]*$"
        )
        for j in range(i + 1, len(self.lines)):
            if closing.match(self.lines[j].text):
                return j + 1
        return len(self.lines)

    def skip_until(self, i: int, needle: str, lower: bool = False) -> int:
        for j in range(i, len(self.lines)):
            text = self.lines[j].text.lower() if lower else self.lines[j].text
            if needle in text:
                return j + 1
        return len(self.lines)

    def skip_indented(self, i: int) -> int:
        j = i
        while j < len(self.lines) and (
            self.blank(j) or self.lines[j].text.startswith(("    ", "\t"))
        ):
            j += 1
        return j

    def heading(self, i: int, level: int, content: int) -> None:
        text = self.lines[i].text
        close = _ATX_CLOSE.search(text, content)
        end = close.start() if close else len(text.rstrip())
        self.add("heading", [(i, content, end)], level=level)

    def footnote(self, i: int, match: re.Match[str]) -> int:
        lines = [(i, match.end(), len(self.lines[i].text))]
        j = i + 1
        while (
            j < len(self.lines)
            and not self.blank(j)
            and self.lines[j].text.startswith(("  ", "\t"))
        ):
            lines.append((j, 0, len(self.lines[j].text)))
            j += 1
        start = self.lines[i].start
        end = self.lines[j - 1].start + len(self.lines[j - 1].text)
        self.body.footnote_defs.append((match.group(1), start, end))
        self.add("footnote", lines)
        return j

    def quote(self, i: int) -> int:
        lines: list[tuple[int, int, int]] = []
        j = i
        while j < len(self.lines) and not self.blank(j):
            text = self.lines[j].text
            match = _QUOTE.match(text)
            if match is None and (lines and self.interrupts(j)):
                break
            start = match.end() if match else 0
            while (inner := _QUOTE.match(text, start)) is not None:  # nested quotes
                start = inner.end()
            if not text[start:].strip():  # a bare ">" separates paragraphs
                if lines:
                    self.add("blockquote", lines)
                    lines = []
            else:
                item = _ITEM.match(text[start:])
                heading = _ATX.match(text[start:])
                offset = item.end() if item else heading.end() if heading else 0
                lines.append((j, start + offset, len(text)))
            j += 1
        if lines:
            self.add("blockquote", lines)
        return j

    def item(self, i: int, match: re.Match[str]) -> int:
        indent = len(match.group(1).expandtabs(4))
        content_indent = indent + 1
        lines = [(i, match.end(), len(self.lines[i].text))]
        j = i + 1
        while j < len(self.lines) and not self.blank(j):
            if self.interrupts(j) or _ITEM.match(self.lines[j].text):
                break
            lines.append((j, 0, len(self.lines[j].text)))
            j += 1
        self.add("list-item", lines, marker=match.group(2))
        # Indented paragraphs that continue the item after a blank line.
        while j < len(self.lines) and self.blank(j):
            k = j
            while k < len(self.lines) and self.blank(k):
                k += 1
            if k >= len(self.lines):
                return k
            text = self.lines[k].text
            lead = len(text) - len(text.lstrip(" \t"))
            if lead <= indent or lead < content_indent or _ITEM.match(text) or _FENCE.match(text):
                return j
            para = []
            m = k
            while m < len(self.lines) and not self.blank(m) and not _ITEM.match(self.lines[m].text):
                para.append((m, 0, len(self.lines[m].text)))
                m += 1
            self.add("list-item", para)
            j = m
        return j

    def table(self, i: int) -> int:
        j = i
        while j < len(self.lines) and not self.blank(j) and "|" in self.lines[j].text:
            if j != i + 1:
                self.row(j)
            j += 1
        return j

    def row(self, j: int) -> None:
        text = self.lines[j].text
        cells = []
        start = 0
        for match in re.finditer(r"(?<!\\)\|", text):
            cells.append((start, match.start()))
            start = match.end()
        cells.append((start, len(text)))
        for cell_start, cell_end in cells:
            if text[cell_start:cell_end].strip():
                self.add("table-cell", [(j, cell_start, cell_end)], new_block=False)
        self.block += 1

    def paragraph(self, i: int) -> int:
        lines = [(i, 0, len(self.lines[i].text))]
        j = i + 1
        while j < len(self.lines) and not self.blank(j):
            text = self.lines[j].text
            if _SETEXT.match(text) and len(lines) == 1:
                self.add("heading", lines, level=1 if "=" in text else 2)
                return j + 1
            if self.interrupts(j) or _unwrapped_break(self.lines[j - 1].text, text):
                break
            lines.append((j, 0, len(text)))
            j += 1
        raw = "\n".join(self.lines[n].text for n, _, _ in lines).strip()
        if raw[:1] in "{[" and _is_json(raw):
            return j
        self.add("paragraph", lines)
        return j

    def interrupts(self, j: int) -> bool:
        text = self.lines[j].text
        return bool(
            _FENCE.match(text)
            or _ATX.match(text)
            or _QUOTE.match(text)
            or _HTML_COMMENT_START.match(text)
            or _BREAK.match(text)
            or _FOOTNOTE_DEF.match(text)
            or (_ITEM.match(text) and not text[:1].isdigit())
        )

    # -- segment assembly --------------------------------------------------------------

    def add(
        self,
        kind: str,
        spans: list[tuple[int, int, int]],
        level: int = 0,
        new_block: bool = True,
        marker: str = "",
    ) -> None:
        """Make one segment covering ``spans`` (line index, start col, end col)."""
        first, last = spans[0], spans[-1]
        start = self.lines[first[0]].start + first[1]
        end = self.lines[last[0]].start + last[2]
        if end <= start:
            return
        raw = self.lines[first[0]].source[start:end]
        # The raw text where a span covers it, spaces elsewhere (and for line breaks):
        # built from slices, since a loop over characters dominated parsing.
        covered = sorted(
            (max(self.lines[index].start - start + col_start, 0),
             min(self.lines[index].start - start + col_end, len(raw)))
            for index, col_start, col_end in spans
        )  # fmt: skip
        pieces: list[str] = []
        position = 0
        for low, high in covered:
            low = max(low, position)
            if high > low:
                pieces += (" " * (low - position), raw[low:high])
                position = high
        pieces.append(" " * (len(raw) - position))
        view = "".join(pieces).replace("\r", " ").replace("\n", " ")
        text = mask_inline(view, self.labels)
        if not text.strip():
            return
        self.body.segments.append(Segment(kind, start, raw, text, self.block, level, marker))
        if new_block:
            self.block += 1


def _unwrapped_break(previous: str, text: str) -> bool:
    """Plain text often has no blank lines: one long line per paragraph, bare heading lines."""
    if len(previous) > 200 or len(text) > 200:
        return True
    words = previous.split()
    return (
        0 < len(words) <= 12
        and previous.rstrip()[-1:].isalnum()
        and previous.lstrip()[:1].isupper()
        and text.lstrip()[:1].isupper()
        and all(word[:1].isupper() or len(word) <= 4 for word in words)
    )


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def parse_body(lines: list[Line], skip: frozenset[int]) -> Body:
    return _Parser(lines, skip).run()


def iter_headings(segments: list[Segment]) -> Iterator[Segment]:
    return (segment for segment in segments if segment.kind == "heading")
