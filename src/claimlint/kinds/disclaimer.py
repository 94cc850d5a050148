"""The disclaimer kind: a medical disclaimer somewhere in prose or in metadata."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from claimlint.kinds.base import Context, Hit, Kind
from claimlint.patterns import Pattern
from claimlint.rule import Rule
from claimlint.settings import Settings


class Prepared(NamedTuple):
    patterns: Pattern
    exclude: Pattern
    call_to_action: Pattern


def prepare(rule: Rule, settings: Settings) -> Prepared:
    options = rule.options
    return Prepared(
        Pattern(options.get("patterns", ())),
        Pattern(options.get("exclude-patterns", ())),
        Pattern(options.get("call-to-action-patterns", ())),
    )


def _found(pattern: Pattern, exclude: Pattern, text: str) -> bool:
    for match in pattern.finditer(text):
        if not any(
            e.start() < match.end() and match.start() < e.end() for e in exclude.finditer(text)
        ):
            return True
    return False


def check(ctx: Context, rule: Rule, prepared: Prepared) -> Iterator[Hit]:
    doc = ctx.document
    if any(doc.field(name) for name in rule.options.get("fields", ("disclaimer",))):
        return
    texts = [" ".join(segment.text.split()) for segment in doc.segments]
    if any(_found(prepared.patterns, prepared.exclude, text) for text in texts):
        return
    if prepared.call_to_action and any(prepared.call_to_action.search(t) for t in texts):
        note = (
            " (a call to action such as 'consult your doctor' is not a disclaimer: it does "
            "not say the content is not medical advice)"
        )
    else:
        note = ""
    yield Hit(0, 0, {"note": note, "text": ""})


KINDS = {"disclaimer": Kind(prepare, check, "a medical disclaimer must stand somewhere")}
