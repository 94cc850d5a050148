"""Small wordings shared by the terminal and Markdown summaries."""

from __future__ import annotations

from claimlint.report.tally import Coverage, GroupRow, Report


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def headline(report: Report) -> str:
    mean = report.mean_score
    score = f", mean score {mean:.1f}" if mean is not None else ""
    return (
        f"{plural(report.checked, 'file')} checked, {report.clean} clean, "
        f"{plural(report.total, 'finding')}{score}"
    )


def share(c: Coverage) -> str:
    value = c.share
    return "n/a" if value is None else f"{100 * value:.0f}% ({c.present}/{c.total})"


def group_cells(g: GroupRow) -> list[str]:
    return [g.name, str(g.articles), str(g.errors), str(g.warnings), str(g.infos),
            str(g.stale), f"{g.mean_score:.1f}"]  # fmt: skip


GROUP_HEADER = ["name", "articles", "errors", "warnings", "info", "stale", "mean score"]
