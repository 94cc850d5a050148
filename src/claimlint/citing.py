"""Is a piece of prose cited? Markers, footnotes, links, author-year, named sources."""

from __future__ import annotations

import re

from claimlint.settings import Settings

# Structural citations are fixed syntax, so Python's re is safe here (no pack input).
_STRUCTURAL = re.compile(
    r"(?<![\\\]\w])\[\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\](?![(:])"  # [3], [3, 4], [3-5]
    r"|\[\[\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\]\]\("  # [[3]](#ref3)
    r"|<[sS][uU][pP]>\s*\[?\d"  # <sup>3</sup>
    r"|(?<!\\)\[\^[^\]\s]+\](?!:)"  # [^3]
    r"|\]\((?:https?://|#)"  # [CDC](https://...) or an anchor to a reference
    r"|<https?://|\bhttps?://|\bwww\.\w"  # autolinks and bare URLs
    r"|\((?:see )?[A-Z][A-Za-z'’-]+(?: et al\.?|,? (?:&|and) [A-Z][A-Za-z'’-]+)?,? (?:19|20)\d{2}[a-z]?(?:[;,][^)]{0,80})?\)",
)


def is_cited(raw: str, settings: Settings) -> bool:
    if _STRUCTURAL.search(raw):
        return True
    named = settings.pattern("named-source-patterns")
    if not named:
        return False
    vague = settings.pattern("vague-source-patterns")
    for match in named.finditer(raw):
        overlap = (
            vague.search(raw[max(0, match.start() - 40) : match.end() + 40]) if vague else None
        )
        if overlap is None:
            return True
    return False
