"""The only module that imports spaCy: one blank English pipeline per process, built lazily.

Prose segments are fed to spaCy one paragraph at a time through ``nlp.pipe`` (never a
whole file: spaCy refuses texts over ``max_length``). Runs of white space left by masking
are collapsed first, with an offset map back to the original text, so that tokens and
phrase patterns see clean text and every token still maps to an exact file offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from claimlint.document import Document, Segment

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

_SPACES = re.compile(r"\s+")
_RUNS = re.compile(r"\s{2,}")  # runs whose collapse shifts the offsets that follow
# Longest piece of text handed to spaCy at once; longer paragraphs are cut at a space.
MAX_CHUNK = 100_000
# Longest run without a space that spaCy's tokenizer sees: it searches each remaining
# suffix of a token for prefixes and suffixes, so a token of n brackets costs n squared
# (10,000 "[" took 8 s). Longer runs get a space in place of every MAX_TOKEN-th character
# in the text spaCy reads (same length, so offsets hold); such runs are never words.
MAX_TOKEN = 100
_LONG_RUN = re.compile(rf"(?<![^ ])[^ ]{{{MAX_TOKEN},}}")


@cache
def pipeline() -> Language:
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.blank("en")
    # Abbreviations common in health writing that must not end a sentence.
    for abbreviation in ("al.", "approx.", "vs.", "Fig.", "fig.", "No.", "Ref.", "ref.", "resp."):
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])  # type: ignore[union-attr]
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHUNK * 2
    return nlp


@dataclass(frozen=True)
class Chunk:
    """Compact text of (part of) one segment and the map back to document offsets.

    The map is piecewise: from compact index ``starts[k]`` on, index ``i`` is document
    offset ``bases[k] + i - starts[k]``. A new piece begins only where a run of two or more
    white space characters was collapsed, so the map stays small. It is made on first
    use: most chunks are only read by the prefilter, which needs the text alone.
    """

    segment_index: int
    segment: Segment
    text: str
    lead: int = 0  # white space characters dropped from the start of the segment's view
    given: tuple[tuple[int, ...], tuple[int, ...]] | None = field(default=None, repr=False)

    @cached_property
    def pieces(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(starts, bases) of the map."""
        return self.given if self.given is not None else _pieces(self.segment, self.lead)

    def to_offset(self, index: int) -> int:
        if index >= len(self.text):
            return self._offset(len(self.text) - 1) + 1 if self.text else self.segment.start
        return self._offset(index)

    def _offset(self, index: int) -> int:
        starts, bases = self.pieces
        piece = bisect_right(starts, index) - 1
        return bases[piece] + index - starts[piece]


class Sentence(NamedTuple):
    """One sentence: its chunk, spaCy Doc and Span, and where it lies in the chunk's text.

    ``start_char``, ``end_char`` and ``text`` are read from the Span once, when the
    sentence is made: the Span builds a Token on each access, and walks every token to
    make its text (the chunk's slice is the same text).
    """

    chunk: Chunk
    doc: Doc
    span: Span
    start_char: int  # index of the first character in the chunk's compact text
    end_char: int
    text: str

    @property
    def start(self) -> int:
        """Document offset of the first character."""
        return self.chunk.to_offset(self.start_char)

    @property
    def end(self) -> int:
        return self.chunk.to_offset(self.end_char - 1) + 1 if self.end_char else self.start

    def offset(self, char: int) -> int:
        """Document offset of a character index in the chunk's compact text."""
        return self.chunk.to_offset(char)


def compact(segment_index: int, segment: Segment) -> Iterator[Chunk]:
    """Collapse white space runs in the prose view (each interior run becomes one space,
    mapped to the run's first character; runs at either end go); cut very long segments
    into chunks."""
    view = segment.text
    collapsed = _SPACES.sub(" ", view)
    leading = _SPACES.match(view)
    lead = leading.end() if leading else 0
    text = collapsed[1:] if lead else collapsed
    if text.endswith(" "):
        text = text[:-1]
    whole = Chunk(segment_index, segment, text, lead)
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHUNK)
        if end < len(text):
            cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield whole if end - start == len(text) else _part(whole, start, end)
        start = end


def _pieces(segment: Segment, lead: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    view = segment.text
    starts, bases = [0], [segment.start + lead]
    removed = lead
    for run in _RUNS.finditer(view):
        if run.start() == 0 or run.end() == len(view):
            continue
        removed += run.end() - run.start() - 1
        starts.append(run.end() - removed)
        bases.append(segment.start + run.end())
    return tuple(starts), tuple(bases)


def _part(whole: Chunk, start: int, end: int) -> Chunk:
    """The chunk of ``whole`` from compact index ``start`` to ``end``."""
    whole_starts, whole_bases = whole.pieces
    first = bisect_right(whole_starts, start)
    last = bisect_left(whole_starts, end)
    starts = (0, *(index - start for index in whole_starts[first:last]))
    bases = (whole.to_offset(start), *whole_bases[first:last])
    return Chunk(whole.segment_index, whole.segment, whole.text[start:end], given=(starts, bases))


def sentences(
    document: Document,
    kinds: Iterable[str] | None = None,
    keep: Callable[[Chunk], bool] | None = None,
) -> list[Sentence]:
    """Every sentence of the document's prose, in document order; with ``keep``, only the
    sentences of the chunks ``keep`` accepts (the others are not tokenized)."""
    wanted = None if kinds is None else frozenset(kinds)
    chunks = [
        chunk
        for index, segment in enumerate(document.segments)
        if wanted is None or segment.kind in wanted
        for chunk in compact(index, segment)
        if chunk.text.strip() and (keep is None or keep(chunk))
    ]
    return list(_sentences(chunks)) if chunks else []


def _sentences(chunks: Sequence[Chunk]) -> Iterator[Sentence]:
    nlp = pipeline()
    texts = (tokenizable(chunk.text) for chunk in chunks)
    for chunk, doc in zip(chunks, nlp.pipe(texts), strict=True):
        for span in doc.sents:
            start, end = span.start_char, span.end_char
            text = chunk.text[start:end]
            if text.strip():
                yield Sentence(chunk, doc, span, start, end, text)


def make_doc(text: str) -> Any:
    return pipeline().make_doc(tokenizable(text))


def tokenizable(text: str) -> str:
    """``text`` with no run of MAX_TOKEN or more characters without a space."""
    if len(text) < MAX_TOKEN:
        return text
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    characters = list(match.group())
    characters[MAX_TOKEN - 1 :: MAX_TOKEN] = " " * len(
        range(MAX_TOKEN - 1, len(characters), MAX_TOKEN)
    )
    return "".join(characters)
