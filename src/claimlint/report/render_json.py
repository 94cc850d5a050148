"""Report -> JSON: the summary, a row per file and (when kept) every finding."""

from __future__ import annotations

import json
from typing import Any

from claimlint import __version__
from claimlint.report.model import Finding
from claimlint.report.score import FORMULA
from claimlint.report.tally import FileRow, GroupRow, Report


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data (also what the HTML page's script reads)."""
    return {
        "version": 1,
        "tool": {"name": "claimlint", "version": __version__},
        "roots": list(report.roots),
        "today": report.today.isoformat(),
        "score_formula": FORMULA,
        "summary": {
            "files": report.checked,
            "clean": report.clean,
            "unreadable": len(report.unreadable),
            "findings": report.total,
            "mean_score": _round(report.mean_score),
            "by_severity": {str(s): n for s, n in report.by_severity.items()},
            "by_pack": dict(report.by_pack),
        },
        "by_rule": [
            {
                "code": r.code,
                "name": r.name,
                "pack": r.pack,
                "severity": str(r.severity),
                "findings": r.findings,
                "files": r.files,
            }
            for r in report.by_rule
        ],
        "coverage": {
            c.field: {"present": c.present, "total": c.total, "share": _round(c.share, 4)}
            for c in report.coverage
        },
        "ages": dict(report.ages()),
        "score_bins": dict(report.score_bins()),
        "stale": [row.path for row in report.stale],
        "worst": [row.path for row in report.worst()],
        "authors": [_group(g) for g in report.authors],
        "categories": [_group(g) for g in report.categories],
        "files": [file_data(row) for row in report.files],
        "findings": [finding_data(f) for f in report.findings],
    }


def file_data(row: FileRow) -> dict[str, Any]:
    facts = row.facts
    return {
        "path": row.path,
        "readable": row.readable,
        "score": row.score,
        "errors": row.errors,
        "warnings": row.warnings,
        "infos": row.infos,
        "stale": row.stale,
        "title": facts.title if facts else "",
        "authors": list(facts.authors) if facts else [],
        "categories": list(facts.categories) if facts else [],
        "newest_date": facts.newest.isoformat() if facts and facts.newest else None,
        "age_days": facts.age_days if facts else None,
        "problem": row.problem,
    }


def finding_data(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "code": f.code,
        "name": f.name,
        "severity": str(f.severity),
        "pack": f.pack,
        "message": f.message,
        "text": f.text,
    }


def _group(g: GroupRow) -> dict[str, Any]:
    return {
        "name": g.name,
        "articles": g.articles,
        "errors": g.errors,
        "warnings": g.warnings,
        "infos": g.infos,
        "stale": g.stale,
        "mean_score": round(g.mean_score, 1),
    }


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def render_json(report: Report) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"
