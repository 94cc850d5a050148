"""Report -> Markdown, for a CI job summary ($GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

from collections.abc import Sequence

from claimlint.report.score import FORMULA
from claimlint.report.tally import Report
from claimlint.report.text import GROUP_HEADER, group_cells, headline, share


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [line(header), "|" + "---|" * len(header), *(line(r) for r in rows), ""]


def render_markdown(report: Report) -> str:
    out = ["# claimlint report", "", headline(report) + ".", ""]
    out += ["## Findings by severity", ""]
    out += _table(
        ["severity", "findings"], [[str(s), str(n)] for s, n in report.by_severity.items()]
    )
    if report.by_rule:
        out += ["## Findings by rule", ""]
        out += _table(
            ["code", "name", "pack", "severity", "findings", "files"],
            [[r.code, r.name, r.pack, str(r.severity), str(r.findings), str(r.files)]
             for r in report.by_rule],
        )  # fmt: skip
    worst = report.worst()
    if worst:
        out += [f"## Files most in need of work ({FORMULA})", ""]
        out += _table(
            ["file", "score", "errors", "warnings", "info"],
            [[f"`{r.path}`", str(r.score), str(r.errors), str(r.warnings), str(r.infos)]
             for r in worst],
        )  # fmt: skip
    out += ["## Metadata coverage", ""]
    out += _table(["field", "articles with it"], [[c.field, share(c)] for c in report.coverage])
    if report.stale:
        out += ["## Stale articles", ""]
        out += _table(
            ["file", "newest date"],
            [[f"`{r.path}`", str(r.facts.newest) if r.facts else ""] for r in report.stale],
        )
    if report.unreadable:
        out += ["## Unreadable files (CL001)", ""]
        out += _table(["file", "problem"], [[f"`{r.path}`", r.problem] for r in report.unreadable])
    for title, groups in (("author", report.authors), ("category", report.categories)):
        if groups:
            out += [f"## By {title}", ""]
            out += _table(GROUP_HEADER, [group_cells(g) for g in groups])
    return "\n".join(out)
