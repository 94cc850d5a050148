"""Folder -> Report: walk, lint on the pool, tally each result as it arrives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from claimlint.cache import Cache
from claimlint.report.tally import Report, Tally
from claimlint.report.walk import files_to_report
from claimlint.report.worker import Item, inspect_files
from claimlint.runner import Overrides, Session

Progress = Callable[[int, int], None]  # (files done, files in all), after each file


def build_report(
    overrides: Overrides,
    roots: Sequence[Path],
    *,
    cache_dir: Path | None,
    jobs: int,
    keep_findings: bool,
    skipped: Collection[str] = (),
    progress: Progress | None = None,
) -> tuple[Report, list[str]]:
    """The report over ``roots`` and warnings for the user (e.g. .gitignore not applied).
    Each file's result is tallied and dropped; only findings are kept, and only when
    ``keep_findings`` (an output file lists them)."""
    session = Session(overrides, cache=Cache(cache_dir) if cache_dir is not None else None)
    items: list[Item]
    items, warnings = files_to_report(session, roots, skipped)
    tally = Tally(keep_findings=keep_findings)
    for done, report in enumerate(inspect_files(overrides, cache_dir, items, jobs), 1):
        tally.add(report)
        if progress is not None:
            progress(done, len(items))
    today = overrides.today or _today(session, roots)
    return tally.finish([str(root) for root in roots], today), warnings


def _today(session: Session, roots: Sequence[Path]) -> dt.date:
    # The day the rules judged staleness by (a config may set `today`).
    config = session.config_for(roots[0]) if roots else None
    return (config.today if config is not None else None) or dt.date.today()
