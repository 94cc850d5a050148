"""Rule selectors: a code (CL301), a name (absolute-efficacy-claim), a prefix (CL3), or ALL.

Selection follows ruff: start from ``select`` (default ALL), add ``extend_select``, remove
``ignore``; when a rule is both selected and ignored, the more specific selector wins, and
at equal specificity ignore wins. Engine rules (CL0xx) are always on unless a selector that
names them explicitly (CL0, CL00, CL003, unused-suppression) ignores them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

ALL = "ALL"
ENGINE_PREFIX = "CL0"

# An exact code or name beats any prefix, however long.
EXACT = 100

_CODE_PREFIX = re.compile(r"[A-Za-z]{2}[0-9]{0,3}")


def matches(selector: str, code: str, name: str) -> bool:
    """Whether ``selector`` names the rule ``code``/``name``."""
    return specificity(selector, code, name) is not None


def specificity(selector: str, code: str, name: str) -> int | None:
    """How precisely ``selector`` names the rule, or None when it does not name it.

    Exact code or name > longer code prefix > shorter code prefix > ALL.
    """
    selector = selector.strip()
    if selector.upper() == code.upper() or selector.lower() == name.lower():
        return EXACT
    if selector.upper() == ALL:
        return 0
    if _CODE_PREFIX.fullmatch(selector) and code.upper().startswith(selector.upper()):
        return len(selector)
    return None


def is_known(selector: str, rules: Iterable[tuple[str, str]]) -> bool:
    """Whether ``selector`` names at least one of the (code, name) pairs."""
    return any(matches(selector, code, name) for code, name in rules)


def unknown(selectors: Iterable[str], rules: Iterable[tuple[str, str]]) -> list[str]:
    """The selectors that name no rule, in the order given (for error messages)."""
    pairs = list(rules)
    return [selector for selector in selectors if not is_known(selector, pairs)]


def resolve(
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str],
    rules: Sequence[tuple[str, str]],
) -> frozenset[str]:
    """The codes of the enabled rules."""
    chosen = [ALL] if select is None else list(select)
    chosen.extend(extend_select)
    enabled = set()
    for code, name in rules:
        selected = _best(chosen, code, name)
        ignored = _best(ignore, code, name)
        if code.upper().startswith(ENGINE_PREFIX):
            # Always on: only an ignore that names the engine rules explicitly counts.
            selected = max(selected if selected is not None else -1, -1)
            if ignored is not None and ignored < len(ENGINE_PREFIX):
                ignored = None
        if selected is not None and (ignored is None or selected > ignored):
            enabled.add(code)
    return frozenset(enabled)


def _best(selectors: Iterable[str], code: str, name: str) -> int | None:
    found = [s for s in (specificity(sel, code, name) for sel in selectors) if s is not None]
    return max(found, default=None)
