"""Document -> Facts: the metadata the report counts, read the way the rules read it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimlint.document import Document
from claimlint.document.metadata import is_empty
from claimlint.kinds.metadata import parse_date
from claimlint.linter import Plan
from claimlint.report.model import Facts


def facts_of(document: Document, plan: Plan) -> Facts:
    newest = _newest(document)
    return Facts(
        title=_first_text(document, "title"),
        authors=_values(document, "author"),
        categories=_values(document, "category") or _values(document, "categories"),
        has_author=bool(document.field("author")),
        has_date=bool(document.field("date")),
        has_slug=bool(document.field("slug")),
        has_reference_list=document.citations.has_reference_list,
        checks_disclaimer="CL201" in plan.enabled,
        newest=newest,
        age_days=(plan.today - newest).days if newest is not None else None,
    )


def _values(document: Document, name: str) -> tuple[str, ...]:
    """The winning entry's values (front matter before blocks, as CL102 reads them)."""
    entries = document.field(name)
    if not entries:
        return ()
    value: Any = entries[0].value
    items = value if isinstance(value, list) else [value]
    return tuple(dict.fromkeys(_one_line(item) for item in items if not is_empty(item)))


def _first_text(document: Document, name: str) -> str:
    values = _values(document, name)
    return values[0] if values else ""


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def _newest(document: Document) -> dt.date | None:
    """The newest date under `updated` or `date`, as CL104 (stale-content) finds it."""
    newest: dt.date | None = None
    for name in ("updated", "date"):
        for entry in document.field(name):
            values = entry.value if isinstance(entry.value, list) else [entry.value]
            for value in values:
                date = parse_date(value)
                if date is not None and (newest is None or date > newest):
                    newest = date
    return newest
