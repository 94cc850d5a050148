"""Report -> the terminal summary, with rich tables (plain text when not a terminal)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from claimlint.report.score import FORMULA
from claimlint.report.tally import Report
from claimlint.report.text import GROUP_HEADER, group_cells, headline, share

_NUMERIC = frozenset(
    {"findings", "files", "score", "errors", "warnings", "info", "articles", "stale", "mean score"}
)
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold")
    for name in header:
        table.add_column(name, justify="right" if name in _NUMERIC else "left")
    for row in rows:
        table.add_row(*row)
    return table


def print_summary(report: Report, console: Console) -> None:
    console.print(headline(report), style="bold", highlight=False)
    severities = [
        [f"[{_SEVERITY_STYLE[str(s)]}]{s}[/]", str(n)] for s, n in report.by_severity.items()
    ]
    console.print(_table("Findings by severity", ["severity", "findings"], severities))
    if report.by_pack:
        packs = [[pack, str(n)] for pack, n in report.by_pack]
        console.print(_table("Findings by pack", ["pack", "findings"], packs))
    if report.by_rule:
        rules = [[r.code, r.name, r.pack, str(r.findings), str(r.files)] for r in report.by_rule]
        header = ["rule", "name", "pack", "findings", "files"]
        console.print(_table("Findings by rule", header, rules))
    worst = report.worst()
    if worst:
        rows = [[r.path, str(r.score), str(r.errors), str(r.warnings), str(r.infos)]
                for r in worst]  # fmt: skip
        header = ["file", "score", "errors", "warnings", "info"]
        console.print(_table(f"Files most in need of work ({len(worst)})", header, rows))
        console.print(f"({FORMULA})", highlight=False)
    coverage = [[c.field, share(c)] for c in report.coverage]
    console.print(_table("Metadata coverage", ["field", "articles with it"], coverage))
    if report.stale:
        rows = [[r.path, str(r.facts.newest) if r.facts else ""] for r in report.stale]
        console.print(_table(f"Stale articles ({len(rows)})", ["file", "newest date"], rows))
    if report.unreadable:
        rows = [[r.path, r.problem] for r in report.unreadable]
        console.print(_table("Unreadable files (CL001)", ["file", "problem"], rows))
    for title, groups in (("author", report.authors), ("category", report.categories)):
        if groups:
            rows = [group_cells(g) for g in groups]
            console.print(_table(f"By {title}", [title, *GROUP_HEADER[1:]], rows))
