"""The report's output files: checked before any linting, written atomically after."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from claimlint.atomic import write_text_atomic
from claimlint.report.tally import Report

KINDS = ("html", "json", "csv", "markdown")
LISTS_FINDINGS = frozenset({"html", "json", "csv"})  # outputs that need every finding


class OutputError(Exception):
    pass


def check_writable(targets: Mapping[str, Path]) -> None:
    """Raise OutputError naming the first path that cannot be written."""
    seen: dict[str, str] = {}
    for kind, path in targets.items():
        where = os.path.abspath(path)
        if where in seen:
            raise OutputError(f"--{seen[where]} and --{kind} name the same file: {path}")
        seen[where] = kind
        folder = path.parent if str(path.parent) else Path(".")
        if path.is_dir():
            raise OutputError(f"cannot write --{kind} {path}: it is a folder")
        if not folder.is_dir():
            raise OutputError(f"cannot write --{kind} {path}: no folder {folder}")
        if not os.access(folder, os.W_OK | os.X_OK) or (
            path.exists() and not os.access(path, os.W_OK)
        ):
            raise OutputError(f"cannot write --{kind} {path}: permission denied")


def renderers() -> dict[str, Callable[[Report], str]]:
    # Imported here: the CLI imports OutputError for every command, renderers only for report.
    from claimlint.report.render_csv import render_csv
    from claimlint.report.render_html import render_html
    from claimlint.report.render_json import render_json
    from claimlint.report.render_markdown import render_markdown

    return {
        "html": render_html,
        "json": render_json,
        "csv": render_csv,
        "markdown": render_markdown,
    }


def write_outputs(report: Report, targets: Mapping[str, Path]) -> None:
    render = renderers()
    for kind, path in targets.items():
        try:
            write_text_atomic(path, render[kind](report))
        except OSError as error:
            raise OutputError(f"cannot write --{kind} {path}: {error.strerror or error}") from None
