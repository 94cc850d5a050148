"""Report -> CSV: one table, a `record` column telling file rows from finding rows.

One file (so one output path to check and write atomically), and a spreadsheet filter on
`record` gives either table: `file` rows carry the score and counts, `finding` rows the
line, column, rule and flagged text.
"""

from __future__ import annotations

import csv
import io

from claimlint.report.tally import Report

COLUMNS = (
    "record", "path", "score", "errors", "warnings", "infos", "stale",
    "line", "column", "code", "name", "severity", "pack", "message", "text",
)  # fmt: skip


def render_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in report.files:
        writer.writerow(
            ["file", row.path, row.score, row.errors, row.warnings, row.infos,
             int(row.stale), "", "", "", "", "", "", row.problem, ""]
        )  # fmt: skip
    for f in report.findings:
        writer.writerow(
            ["finding", f.path, "", "", "", "", "", f.line, f.column, f.code, f.name,
             str(f.severity), f.pack, f.message, f.text]
        )  # fmt: skip
    return out.getvalue()
