"""The kinds: check algorithms that rules in packs name. An explicit registry."""

from __future__ import annotations

from claimlint.kinds import claims, disclaimer, metadata, references, statistics
from claimlint.kinds.base import Context, Hit, Kind, no_prepare
from claimlint.settings import Settings

KINDS: dict[str, Kind] = {
    **metadata.KINDS,
    **disclaimer.KINDS,
    **claims.KINDS,
    **statistics.KINDS,
    **references.KINDS,
    # Engine rules (CL0xx) are reported by the linter itself; their kind checks nothing.
    "engine": Kind(no_prepare, lambda ctx, rule, prepared: (), "reported by the engine"),
}

__all__ = ["KINDS", "Context", "Hit", "Kind", "Settings"]
