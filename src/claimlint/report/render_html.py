"""Report -> one self-contained HTML page: inline CSS, script and SVG; nothing fetched.

The charts are SVG drawn here; the file and finding tables are built in the browser from
the report's JSON (embedded in the page), sortable by any column and filtered by text
and, for findings, by severity.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from claimlint.report.html_assets import CSS, JS
from claimlint.report.render_json import report_data
from claimlint.report.score import FORMULA
from claimlint.report.svg import bar_chart
from claimlint.report.tally import Report
from claimlint.report.text import GROUP_HEADER, group_cells, headline, share

_FILE_COLUMNS = (("file", ""), ("score", "num"), ("errors", "num"), ("warnings", "num"),
                 ("info", "num"), ("author", ""), ("category", ""), ("newest date", ""),
                 ("stale", ""))  # fmt: skip
_FINDING_COLUMNS = (("file", ""), ("line", "num"), ("rule", ""), ("severity", ""),
                    ("message", ""), ("text", ""))  # fmt: skip


def _head(columns: Sequence[tuple[str, str]]) -> str:
    cells = "".join(f'<th class="{cls}">{escape(name)}</th>' for name, cls in columns)
    return f"<thead><tr>{cells}</tr></thead>"


def _filtered_table(table_id: str, label: str, columns: Sequence[tuple[str, str]]) -> str:
    severity = ""
    if table_id == "findings":
        options = "".join(f'<option value="{s}">{s}</option>' for s in ("error", "warning", "info"))
        severity = (f'<select id="findings-severity" aria-label="severity">'
                    f'<option value="">all severities</option>{options}</select>')  # fmt: skip
    return (
        f'<div class="filters"><input type="search" id="{table_id}-filter" '
        f'placeholder="Filter {label}…" aria-label="filter {label}">{severity}'
        f'<span class="count" id="{table_id}-count"></span></div>'
        f'<div class="scroll"><table class="sortable" id="{table_id}">{_head(columns)}'
        f'<tbody id="{table_id}-body"></tbody></table></div>'
    )


def _group_table(table_id: str, title: str, rows: Sequence[Sequence[str]]) -> str:
    header = [(title, "")] + [(name, "num") for name in GROUP_HEADER[1:]]
    body = "".join(
        "<tr>" + "".join(
            f'<td class="{"num" if i else ""}">{escape(c)}</td>' for i, c in enumerate(row)
        ) + "</tr>"
        for row in rows
    )  # fmt: skip
    return f'<table class="sortable" id="{table_id}">{_head(header)}<tbody>{body}</tbody></table>'


def _cards(report: Report) -> str:
    mean = report.mean_score
    cards = [
        ("files", str(report.checked)),
        ("clean", str(report.clean)),
        ("findings", str(report.total)),
        *((str(s) + "s", str(n)) for s, n in report.by_severity.items()),
        ("unreadable", str(len(report.unreadable))),
        ("mean score", "–" if mean is None else f"{mean:.1f}"),
    ]
    inner = "".join(f'<div class="card"><b>{escape(v)}</b>{escape(k)}</div>' for k, v in cards)
    return f'<div class="summary">{inner}</div>'


def render_html(report: Report) -> str:
    payload = json.dumps(report_data(report), ensure_ascii=False).replace("</", "<\\/")
    charts = [
        bar_chart("chart-rules", "Findings by rule",
                  [(f"{r.code} {r.name}", r.findings) for r in report.by_rule]),
        bar_chart("chart-severity", "Findings by severity",
                  [(str(s), n) for s, n in report.by_severity.items()], "#b3261e"),
        bar_chart("chart-scores", "Files by score", report.score_bins(), "#2e7d4f"),
        bar_chart("chart-ages", "Articles by age of their newest date", report.ages(), "#7a4fa3"),
    ]  # fmt: skip
    titles = ("Findings by rule", "Findings by severity", "Files by score",
              "Articles by age (newest of updated and date)")  # fmt: skip
    chart_html = "".join(
        f"<figure><h2>{escape(t)}</h2>{c}</figure>" for t, c in zip(titles, charts, strict=True)
    )
    coverage = "".join(
        f"<tr><td>{escape(c.field)}</td><td class='num'>{escape(share(c))}</td></tr>"
        for c in report.coverage
    )
    groups = "".join(
        f"<h2>By {title}</h2>" + _group_table(f"by-{title}", title, [group_cells(g) for g in rows])
        for title, rows in (("author", report.authors), ("category", report.categories))
        if rows
    )
    roots = ", ".join(report.roots)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimlint report: {escape(roots)}</title>
<style>{CSS}</style></head>
<body>
<h1>claimlint report</h1>
<p>{escape(roots)} · {report.today.isoformat()} · {escape(headline(report))}</p>
{_cards(report)}
<div class="charts">{chart_html}</div>
<h2>Metadata coverage</h2>
<table id="coverage"><thead><tr><th>field</th><th class="num">articles with it</th></tr></thead>
<tbody>{coverage}</tbody></table>
<h2>Files</h2>
<p>{escape(FORMULA)}</p>
{_filtered_table("files", "files", _FILE_COLUMNS)}
<h2>Findings</h2>
{_filtered_table("findings", "findings", _FINDING_COLUMNS)}
{groups}
<script type="application/json" id="report-data">{payload}</script>
<script>{JS}</script>
</body></html>
"""
