"""The per-file score: 100 for a clean file, less for each finding by its severity.

    score = max(0, 100 - 10 x errors - 3 x warnings - 1 x info)

An error (a claim that could mislead, missing metadata) costs ten points, a warning
three, an info one; a file with ten errors, or thirty-four warnings, scores 0. Every
finding counts, CL001 (unreadable file) included, as `claimlint check` reports it.
"""

from __future__ import annotations

ERROR_WEIGHT, WARNING_WEIGHT, INFO_WEIGHT = 10, 3, 1
FORMULA = "score = max(0, 100 − 10 × errors − 3 × warnings − 1 × info)"


def score(errors: int, warnings: int, infos: int) -> int:
    return max(0, 100 - ERROR_WEIGHT * errors - WARNING_WEIGHT * warnings - INFO_WEIGHT * infos)
