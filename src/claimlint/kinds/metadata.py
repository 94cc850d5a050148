"""Kinds of the metadata pack: required fields, formats, conflicts, staleness, parse errors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

from claimlint.document import MetaEntry
from claimlint.document.metadata import is_empty, norm_key
from claimlint.kinds.base import Context, Hit, Kind, no_prepare
from claimlint.patterns import Pattern
from claimlint.rule import Rule
from claimlint.settings import Settings

_ISO_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def parse_date(value: Any) -> dt.date | None:
    """An ISO 8601 date or date-time (YAML dates count); None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _hit(entry: MetaEntry | None, **values: object) -> Hit:
    offset = entry.offset if entry is not None and entry.source != "filename" else 0
    return Hit(offset, offset, values)


def _display(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


# -- CL101 -------------------------------------------------------------------------------


def check_required(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    for name in rule.options.get("fields", ("slug", "date", "author")):
        if not ctx.document.field(name):
            aliases = ", ".join(ctx.document.aliases.get(name, (name,)))
            yield Hit(0, 0, {"field": name, "aliases": aliases, "text": name})


# -- CL102 -------------------------------------------------------------------------------


def prepare_format(rule: Rule, settings: Settings) -> Pattern:
    return Pattern([rule.options.get("slug-pattern", r"^[a-z0-9]+(-[a-z0-9]+)*$")])


def check_format(ctx: Context, rule: Rule, slug: Pattern) -> Iterator[Hit]:
    doc = ctx.document
    tolerance = dt.timedelta(days=rule.options.get("future-tolerance-days", 1))
    for entry in _first_per_source(doc.field("date")):
        date = parse_date(entry.value)
        if date is None:
            yield _hit(
                entry,
                field="date",
                text=_display(entry.value),
                problem="is not an ISO 8601 date (YYYY-MM-DD)",
            )
        elif date > ctx.today + tolerance:
            yield _hit(
                entry, field="date", text=_display(entry.value), problem="lies in the future"
            )
    for entry in _first_per_source(doc.field("slug")):
        value = _display(entry.value)
        if not _full_match(slug, value):
            yield _hit(entry, field="slug", text=value, problem="is not lowercase kebab-case")
    placeholders = {p.lower() for p in rule.options.get("placeholder-authors", ())}
    for entry in _first_per_source(doc.field("author")):
        names = entry.value if isinstance(entry.value, list) else [entry.value]
        for name in names:
            if isinstance(name, str) and name.strip().lower() in placeholders:
                yield _hit(entry, field="author", text=name, problem="is a placeholder")


def _full_match(pattern: Pattern, value: str) -> bool:
    match = pattern.search(value)
    return match is not None and match.start() == 0 and match.end() == len(value)


def _first_per_source(entries: Iterable[MetaEntry]) -> list[MetaEntry]:
    """The entry that wins for a field: the first one (front matter before blocks)."""
    entries = list(entries)
    return entries[:1]


# -- CL103 -------------------------------------------------------------------------------


def check_conflict(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    """The same key twice, or one field under two aliases in two sources (front matter
    and a metadata block), with different values."""
    doc = ctx.document
    field_of = {norm_key(a): name for name, aliases in doc.aliases.items() for a in aliases}
    seen_key: dict[str, MetaEntry] = {}
    seen_field: dict[str, MetaEntry] = {}
    for entry in doc.entries:
        if entry.source == "filename" or is_empty(entry.value):
            continue
        key = norm_key(entry.key)
        first = seen_key.setdefault(key, entry)
        if first is entry and key in field_of:
            other = seen_field.setdefault(field_of[key], entry)
            if other is not entry and other.source != entry.source:
                first = other
        if first is not entry and _normal(first.value) != _normal(entry.value):
            yield _hit(
                entry,
                field=entry.key,
                text=_display(entry.value),
                other=_display(first.value),
                line=doc.position(first.offset)[0],
            )


def _normal(value: Any) -> str:
    date = parse_date(value)
    if date is not None and isinstance(value, dt.datetime | dt.date):
        return date.isoformat()
    return re.sub(r"\s+", " ", _display(value)).strip().lower()


# -- CL104 -------------------------------------------------------------------------------


def check_stale(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    newest: tuple[dt.date, MetaEntry] | None = None
    for name in ("updated", "date"):
        for entry in ctx.document.field(name):
            values = entry.value if isinstance(entry.value, list) else [entry.value]
            for value in values:
                date = parse_date(value)
                if date is not None and (newest is None or date > newest[0]):
                    newest = (date, entry)
    if newest is None:
        return
    date, entry = newest
    age = (ctx.today - date).days
    if age > rule.options.get("max-age-days", 1095):
        yield _hit(
            entry,
            field=entry.key,
            text=date.isoformat(),
            age=age,
            limit=rule.options.get("max-age-days", 1095),
        )


# -- CL105 -------------------------------------------------------------------------------


def check_parse(ctx: Context, rule: Rule, prepared: None) -> Iterator[Hit]:
    for error in ctx.document.meta_errors:
        yield Hit(error.offset, error.offset, {"problem": error.message, "text": error.kind})


KINDS = {
    "required-fields": Kind(no_prepare, check_required, "metadata fields that must be present"),
    "metadata-format": Kind(prepare_format, check_format, "date, slug and author formats"),
    "metadata-conflict": Kind(no_prepare, check_conflict, "a key given twice with two values"),
    "stale-content": Kind(no_prepare, check_stale, "the newest date is too old"),
    "metadata-parse": Kind(no_prepare, check_parse, "front matter that does not parse"),
}
