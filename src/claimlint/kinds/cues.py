"""The cues of one sentence, found once for every claim rule: where its clauses begin, and
where negation, hedge, qualifier and reporting cues and quotation marks stand.

Every question a rule asks about a match ("is a negation cue in its clause, before it?")
is then a binary search, so a sentence of any length with any number of matches is
checked in time proportional to its length (RULES.md section 5).

Clauses: a new clause begins after a clause break (; : — ( and but, however, although …)
and at a subordinator (if, when, unless …), whose clause a comma then closes: in "If you
don't sleep well, this tea cures insomnia" the negation stays in the if-clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from claimlint.grammar import cue_pattern_sources
from claimlint.kinds.base import Context
from claimlint.nlp import Sentence
from claimlint.patterns import Pattern
from claimlint.settings import Settings

CUE_SETTINGS = {
    "negation": ("negation-cues",),
    "hedge": ("hedge-cues",),
    "qualifier": ("qualifier-cues",),
    "reporting": ("reporting-cues", "pursuit-cues"),
    "pending": ("pending-cues",),
}
# Negations that determine a noun ("no cure", "without side effects") rather than negate
# a verb ("not", "n't", "never"): only the verbal ones govern what a noun phrase says after
# it, and only they negate a claim that is itself a negation ("no side effects").
DETERMINER_NEGATIONS = frozenset(
    {"no", "none", "nothing", "nobody", "no one", "without", "neither", "nor", "few", "zero"}
    | {"lack", "lacks", "lacked", "lacking"}
)
NOUN_REACH = 6  # words after a noun phrase in which its verb may be negated
_WORDS_AFTER = re.compile(rf"(?:\s*\S+){{0,{NOUN_REACH}}}")
_FIRST = re.compile(r"[\w'’]+")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose)\b", re.I)
# A sentence that ends by naming who says it reports all of it: "The pill will cure
# baldness, the company says." (read on its last TAIL characters only).
_ATTRIBUTION_VERBS = (
    r"(?:says|said|say|claims|claimed|claim|insists|insisted|reports|reported|wrote|writes"
    r"|argues|argued|adds|added|explains|explained|believes|believed|promises|promised"
    r"|boasts|boasted|suggests|suggested|told\s+[\w'’-]+(?:\s+[\w'’-]+)?)"
)
_ATTRIBUTED = re.compile(
    rf",\s*(?:[\w'’.-]+\s+){{0,6}}?{_ATTRIBUTION_VERBS}\s*[.!]?[\s\"”’]*$"
    rf"|,\s*(?:{_ATTRIBUTION_VERBS}|according\s+to)\s+[^,;]{{1,80}}[.!]?[\s\"”’]*$",
    re.I,
)
TAIL = 160
_QUESTION_END = re.compile(r"\?[\s\"'”’)\]*_]*(?:\[[^\]]{1,40}\][\s]*)*$")
_FIRST_WORD = re.compile(r"[#>*\-\s\"“]*([A-Za-z']+)")
INTERROGATIVES = frozenset(
    {"can", "could", "does", "do", "did", "is", "are", "was", "were", "will", "would"}
    | {"should", "has", "have", "which", "why", "who"}
)
QUESTION_SEGMENTS = frozenset({"heading", "title", "list-item", "table-cell"})
_PAIRS = (("“", "”"), ("‘", "’"), ("«", "»"))
_COMMA = re.compile(",")
_QUOTE_CHARS = re.compile('["“”‘’«»]')
_OPEN_SINGLE = re.compile(r"(?:^|(?<=\s))'")
_CLOSE_SINGLE = re.compile(r"'(?=\W|$)")


@dataclass(frozen=True)
class CuePatterns:
    """A pack's cue lists, compiled once."""

    cues: dict[str, Pattern]
    exceptions: Pattern  # phrases in which a cue word is not a cue ("not only", "so-called")
    breaks: Pattern
    subordinators: Pattern


def cue_patterns(settings: Settings) -> CuePatterns:
    key = "claims:cues"
    found = settings.memo.get(key)
    if found is None:

        def phrases(*keys: str) -> Pattern:
            return Pattern(cue_pattern_sources(w for k in keys for w in settings.words(k)))

        found = settings.memo[key] = CuePatterns(
            cues={name: phrases(*keys) for name, keys in CUE_SETTINGS.items()},
            exceptions=phrases("cue-exceptions"),
            breaks=phrases("clause-breaks"),
            subordinators=phrases("subordinators"),
        )
    assert isinstance(found, CuePatterns)
    return found


@dataclass
class SentenceCues:
    text: str
    boundaries: list[int]  # where each clause begins, in order (0 first)
    strong: list[int]  # where a clause break (not a comma after a subordinate clause) ends
    positions: dict[str, list[int]]  # cue kind -> start of each cue, in order
    question: bool
    attributed: bool  # the sentence ends by naming who says it
    quotes: dict[str, list[int]]  # quotation marks of the whole chunk (paragraph)
    base: int  # where the sentence starts in its chunk

    def strong_end(self, index: int) -> int:
        """Where the stretch between clause breaks that holds ``index`` ends."""
        k = bisect_right(self.strong, index)
        return self.strong[k] if k < len(self.strong) else len(self.text)

    def after_noun(self, end: int, clause_end: int) -> int:
        """The end of the reach of a noun phrase that ends at ``end``: a few words, not
        past its clause or a relative pronoun ("the cure that your doctor won't name")."""
        reach = _WORDS_AFTER.match(self.text, end)
        limit = min(clause_end, reach.end() if reach else end)
        relative = self.positions["relative"]
        k = bisect_left(relative, end)
        return min(limit, relative[k]) if k < len(relative) else limit

    def led_by_negation(self, index: int) -> bool:
        """Whether the match at ``index`` begins with a negating determiner ("no side
        effects", "zero risk", "without any risk")."""
        head = _FIRST.match(self.text, index)
        return head is not None and head.group().lower() in DETERMINER_NEGATIONS

    def clause(self, index: int) -> tuple[int, int]:
        """Where the clause holding ``index`` begins and ends."""
        k = bisect_right(self.boundaries, index)
        start = self.boundaries[k - 1]
        end = self.boundaries[k] if k < len(self.boundaries) else len(self.text)
        return start, end

    def any(self, kind: str, windows: Iterable[tuple[int, int]]) -> bool:
        """Whether a cue of ``kind`` starts inside one of the [start, end) windows."""
        positions = self.positions.get(kind, [])
        for start, end in windows:
            if start < end:
                k = bisect_left(positions, start)
                if k < len(positions) and positions[k] < end:
                    return True
        return False

    def quoted(self, start: int, end: int) -> bool:
        """The match stands between an opening quote before it and its closing quote, in
        its paragraph: a quotation may hold several sentences."""
        start, end = start + self.base, end + self.base
        for opening, closing in _PAIRS:
            opened = bisect_left(self.quotes[opening], start)
            closed = bisect_left(self.quotes[closing], start)
            after = self.quotes[closing]
            if opened > closed and after and after[-1] >= end:
                return True
        straight = self.quotes['"']
        if bisect_left(straight, start) % 2 and straight and straight[-1] >= end:
            return True
        opens, closes = self.quotes["'open"], self.quotes["'close"]
        return bool(bisect_left(opens, start) % 2 and closes and closes[-1] >= end)


def cues_for(ctx: Context, sentence: Sentence) -> SentenceCues:
    """The sentence's cues, computed on first use and shared by every rule."""
    key = ("claims:sentence", id(sentence.doc), sentence.start_char)
    found = ctx.memo.get(key)
    if found is None:
        quotes_key = ("claims:quotes", id(sentence.chunk))
        quotes = ctx.memo.get(quotes_key)
        if quotes is None:
            quotes = ctx.memo[quotes_key] = _quotes(sentence.chunk.text)
        found = ctx.memo[key] = find_cues(sentence, cue_patterns(ctx.settings), quotes)
    assert isinstance(found, SentenceCues)
    return found


def find_cues(
    sentence: Sentence, patterns: CuePatterns, quotes: dict[str, list[int]]
) -> SentenceCues:
    text = sentence.text
    exceptions = [(m.start(), m.end()) for m in patterns.exceptions.finditer(text)]
    positions: dict[str, list[int]] = {}
    for name, pattern in patterns.cues.items():
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if exceptions:
            found = _outside(found, exceptions)
        if name == "negation":
            positions["other"] = [start for start, end in found if text[start:end].lower() != "no"]
            positions["verbal"] = [
                start
                for start, end in found
                if " ".join(text[start:end].lower().split()) not in DETERMINER_NEGATIONS
            ]
        positions[name] = [start for start, _ in found]
    positions["relative"] = [m.start() for m in _RELATIVE.finditer(text)]
    boundaries, strong = _boundaries(text, patterns)
    return SentenceCues(
        text=text,
        boundaries=boundaries,
        strong=strong,
        positions=positions,
        question=_question(sentence),
        attributed=_ATTRIBUTED.search(text[-TAIL:]) is not None,
        quotes=quotes,
        base=sentence.start_char,
    )


def _outside(found: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cues that start where no span covers (both lists in order)."""
    kept: list[tuple[int, int]] = []
    k = 0
    for cue in found:
        position = cue[0]
        while k < len(spans) and spans[k][1] <= position:
            k += 1
        if k < len(spans) and spans[k][0] <= position:
            continue
        kept.append(cue)
    return kept


def _boundaries(text: str, patterns: CuePatterns) -> tuple[list[int], list[int]]:
    """Where clauses begin (after every clause break, and after the comma that closes a
    subordinate clause), and where the clause breaks alone end."""
    events: list[tuple[int, int]] = []  # (position, 0 break end | 1 subordinator | 2 comma)
    events.extend((m.end(), 0) for m in patterns.breaks.finditer(text))
    events.extend((m.end(), 1) for m in patterns.subordinators.finditer(text))
    events.extend((m.end(), 2) for m in _COMMA.finditer(text))
    events.sort()
    boundaries, strong = [0], [0]
    in_subordinate = False
    for position, event in events:
        if event == 1:
            in_subordinate = True
            continue
        if event == 2:
            if not in_subordinate:
                continue
            in_subordinate = False
        else:
            in_subordinate = False
            if position > strong[-1]:
                strong.append(position)
        if position > boundaries[-1]:
            boundaries.append(position)
    return boundaries, strong


def _question(sentence: Sentence) -> bool:
    text = sentence.text.rstrip()
    if _QUESTION_END.search(text):
        return True
    if sentence.chunk.segment.kind not in QUESTION_SEGMENTS or text.endswith((".", "!")):
        return False
    first = _FIRST_WORD.match(text)
    return first is not None and first.group(1).lower() in INTERROGATIVES


def _quotes(text: str) -> dict[str, list[int]]:
    quotes: dict[str, list[int]] = {'"': [], **{c: [] for pair in _PAIRS for c in pair}}
    for match in _QUOTE_CHARS.finditer(text):
        quotes[match.group()].append(match.start())
    if "'" in text:
        quotes["'open"] = [m.start() for m in _OPEN_SINGLE.finditer(text)]
        quotes["'close"] = [m.start() for m in _CLOSE_SINGLE.finditer(text)]
    else:
        quotes["'open"] = quotes["'close"] = []
    return quotes
