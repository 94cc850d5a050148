"""Kinds of the references pack: markers against the reference list and its entries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimlint.document import Entry, Marker
from claimlint.kinds.base import Context, Hit, Kind, no_prepare
from claimlint.patterns import Pattern
from claimlint.rule import Rule
from claimlint.settings import Settings

_URL = re.compile(r"https?://[^\s<>]+|www\.[^\s<>]+|\]\([^)]*\)", re.I)
_DOI = re.compile(r"\b10\.\d{4,9}/\S+", re.I)


def _numeric(markers: tuple[Marker, ...]) -> list[Marker]:
    return [marker for marker in markers if marker.numbers]


def _span(marker: Marker, ctx: Context, **values: object) -> Hit:
    return Hit(marker.start, marker.end, {"text": marker.raw, **values})


def check_missing_list(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    citations = ctx.document.citations
    numeric = _numeric(citations.markers)
    if not numeric or citations.has_reference_list:
        return
    numbers = sorted({n for marker in numeric for n in marker.numbers})
    span = f"[{numbers[0]}]" if len(numbers) == 1 else f"[{numbers[0]}]–[{numbers[-1]}]"
    yield _span(numeric[0], ctx, count=len(numeric), range=span)


def _defined_numbers(ctx: Context) -> set[int]:
    return {entry.number for entry in ctx.document.citations.entries if entry.number is not None}


def check_unresolved(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    citations = ctx.document.citations
    numbers = _defined_numbers(ctx)
    labels = {entry.label for entry in citations.footnotes}
    check_numbers = citations.has_reference_list and bool(numbers)
    seen: set[str] = set()
    for marker in citations.markers:
        if marker.label:
            if marker.label not in labels and marker.label not in seen:
                seen.add(marker.label)
                yield _span(marker, ctx, label=f"[^{marker.label}]")
            continue
        if not check_numbers:
            continue
        for number in marker.numbers:
            if number not in numbers and str(number) not in seen:
                seen.add(str(number))
                yield _span(marker, ctx, label=f"[{number}]")


def check_uncited(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    citations = ctx.document.citations
    used_numbers = {n for marker in citations.markers for n in marker.numbers}
    used_labels = {marker.label for marker in citations.markers if marker.label}
    for entry in citations.entries:
        if entry.number is not None and entry.number not in used_numbers:
            yield _entry_hit(entry, label=f"{entry.number}.")
    for entry in citations.footnotes:
        if entry.label not in used_labels:
            yield _entry_hit(entry, label=f"[^{entry.label}]")


def _entry_hit(entry: Entry, **values: object) -> Hit:
    first_line = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
    return Hit(
        entry.start,
        entry.start + len(first_line.rstrip()) if first_line else entry.start,
        {"text": first_line[:80], **values},
    )


def check_order(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    expected = 1
    seen: set[int] = set()
    for marker in _numeric(ctx.document.citations.markers):
        for number in marker.numbers:
            if number in seen:
                continue
            if number != expected:
                yield _span(marker, ctx, number=number, expected=expected)
                return
            seen.add(number)
            expected = number + 1


def check_duplicates(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    seen_numbers: dict[int, Entry] = {}
    seen_ids: dict[str, Entry] = {}
    for entry in ctx.document.citations.entries + ctx.document.citations.footnotes:
        if entry.number is not None:
            if entry.number in seen_numbers:
                yield _entry_hit(entry, what=f"number {entry.number}")
                continue
            seen_numbers[entry.number] = entry
        for identifier in _identifiers(entry.text):
            if identifier in seen_ids:
                yield _entry_hit(entry, what=identifier)
                break
            seen_ids[identifier] = entry


def _identifiers(text: str) -> set[str]:
    found = {m.group(0).rstrip(".,;)]").lower() for m in _DOI.finditer(text)}
    for match in _URL.finditer(text):
        url = match.group(0).strip("]()<>").strip()
        found.add(url.rstrip("/.,;)]>").rstrip("/").lower())
    return {item for item in found if item}


def prepare_incomplete(rule: Rule, settings: Settings) -> tuple[Pattern, Pattern]:
    options = rule.options
    year = Pattern([options.get("year-pattern", r"\b(?:1[5-9]|20)\d{2}[a-z]?\b")])
    ids = Pattern(
        options.get(
            "identifier-patterns", (r"\b10\.\d{4,9}/", r"\bPMID\b", r"https?://", r"\bwww\.")
        )
    )
    return year, ids


def check_incomplete(ctx: Context, rule: Rule, prepared: tuple[Pattern, Pattern]) -> Iterator[Hit]:
    year, ids = prepared
    citations = ctx.document.citations
    for entry in citations.entries + citations.footnotes:
        if not entry.text.strip():
            continue
        without_urls = _URL.sub(" ", entry.text)
        missing = []
        if year.search(without_urls) is None:
            missing.append("no year")
        if ids.search(entry.text) is None:
            missing.append("no DOI, PMID or URL")
        if missing:
            yield _entry_hit(entry, missing=" and ".join(missing))


KINDS = {
    "missing-reference-list": Kind(
        no_prepare, check_missing_list, "markers with no reference list"
    ),
    "unresolved-citation": Kind(no_prepare, check_unresolved, "markers with no entry"),
    "uncited-reference": Kind(no_prepare, check_uncited, "entries nothing cites"),
    "citation-order": Kind(no_prepare, check_order, "markers out of order"),
    "duplicate-reference": Kind(no_prepare, check_duplicates, "entries given twice"),
    "incomplete-reference": Kind(
        prepare_incomplete, check_incomplete, "entries missing year or identifier"
    ),
}
