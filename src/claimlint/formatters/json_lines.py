"""The ``json-lines`` format: one JSON object per diagnostic per line, each with its version."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from claimlint.diagnostics import Diagnostic, RuleInfo
from claimlint.formatters.json_document import FORMAT_VERSION, diagnostic_object


def render(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *, color: bool = False
) -> str:
    return "".join(
        json.dumps({"version": FORMAT_VERSION, **diagnostic_object(d)}, ensure_ascii=False) + "\n"
        for d in diagnostics
    )
