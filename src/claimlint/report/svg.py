"""Bar charts as inline SVG (no script, no network): what the HTML report draws."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR, GAP, LABEL_WIDTH, PLOT_WIDTH = 18, 6, 190, 300


def bar_chart(
    chart_id: str, title: str, bars: Sequence[tuple[str, int]], color: str = "#3b6ea5"
) -> str:
    """A horizontal bar per (label, value), the value written after the bar."""
    top = max((value for _, value in bars), default=0) or 1
    height = len(bars) * (BAR + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 60
    parts = [
        f'<svg class="chart" id="{chart_id}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(bars):
        y = GAP + index * (BAR + GAP)
        length = round(PLOT_WIDTH * value / top)
        text_y = y + BAR - 5
        parts.append(
            f'<g class="bar"><text x="{LABEL_WIDTH - 6}" y="{text_y}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" fill="{color}">'
            f"<title>{escape(label)}: {value}</title></rect>"
            f'<text x="{LABEL_WIDTH + length + 4}" y="{text_y}">{value}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
