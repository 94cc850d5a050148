"""``claimlint report``: check the outputs, build the report, print it, write the files."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from claimlint.parallel import default_jobs
from claimlint.report.build import Progress, build_report
from claimlint.report.outputs import (
    KINDS,
    LISTS_FINDINGS,
    OutputError,
    check_writable,
    write_outputs,
)
from claimlint.runner import Overrides

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as Bar

EXIT_OK, EXIT_ERROR = 0, 2


def run_report(args: argparse.Namespace, overrides: Overrides) -> int:
    from rich.console import Console

    targets: dict[str, Path] = {k: getattr(args, k) for k in KINDS if getattr(args, k) is not None}
    check_writable(targets)  # before any linting: a bad path costs the user nothing
    roots = args.paths or [Path(".")]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise OutputError(f"{root}: no such file or folder")
    color = args.color == "always" or (args.color == "auto" and "NO_COLOR" not in os.environ)
    forced = True if args.color == "always" else None
    console = Console(no_color=not color, force_terminal=forced, highlight=False, soft_wrap=False)
    errors = Console(stderr=True, no_color=not color, highlight=False)
    show_progress = not args.quiet and errors.is_terminal
    bar, progress = _progress(errors) if show_progress else (None, None)
    try:
        report, warnings = build_report(
            overrides,
            roots,
            cache_dir=None if args.no_cache else args.cache_dir,
            jobs=args.jobs or default_jobs(),
            keep_findings=bool(LISTS_FINDINGS & targets.keys()),
            skipped={os.path.abspath(p) for p in targets.values()},
            progress=progress,
        )
    finally:
        if bar is not None:
            bar.stop()
    for warning in warnings:
        print(f"claimlint: warning: {warning}", file=sys.stderr)
    write_outputs(report, targets)
    if not args.quiet:
        from claimlint.report.render_terminal import print_summary

        print_summary(report, console)
        for kind, path in targets.items():
            console.print(f"{kind}: {path}", highlight=False)
    crashed = any(r.code == "CL002" for r in report.by_rule)
    return EXIT_ERROR if crashed else EXIT_OK


def _progress(console: Console) -> tuple[Bar, Progress]:
    from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    # No refresh thread (auto_refresh=False): the pool forks its workers after the bar exists,
    # and forking a process with threads is unsafe.
    bar = Bar(
        "[progress.description]linting",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        auto_refresh=False,
        transient=True,
    )
    task = bar.add_task("linting", total=None)
    bar.start()

    def advance(done: int, total: int) -> None:
        if done == 1 or done % 10 == 0 or done == total:
            bar.update(task, completed=done, total=total, refresh=True)

    return bar, advance
