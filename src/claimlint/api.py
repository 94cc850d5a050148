"""The Python API, for CMS integrations; the CLI is a thin layer over it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from claimlint.config import Config, config_from_mapping, load_config
from claimlint.diagnostics import Diagnostic
from claimlint.runner import Overrides, Session


def _session(config: Config | Mapping[str, Any] | str | Path | None, **overrides: Any) -> Session:
    if isinstance(config, str | Path):
        config = load_config(Path(config))
    elif isinstance(config, Mapping):
        config = config_from_mapping(config, Path.cwd())
    return Session(Overrides(**overrides), base=config)


def lint_text(
    text: str,
    path: str = "<text>",
    config: Config | Mapping[str, Any] | str | Path | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    today: dt.date | None = None,
) -> list[Diagnostic]:
    """Lint one article given as text. ``config`` is a Config, a mapping shaped like
    .claimlint.yaml, a path to a config file, or None (found from ``path``'s folder)."""
    session = _session(
        config,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        today=today,
    )
    config_obj = session.config_for(Path(path) if path != "<text>" else Path.cwd())
    plan = session.plan_for(config_obj).without(config_obj.ignored_for(Path(path)))
    return list(session.lint_decoded(text.lstrip("\ufeff"), path, plan).diagnostics)


def lint_paths(
    paths: Iterable[str | Path],
    config: Config | Mapping[str, Any] | str | Path | None = None,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    today: dt.date | None = None,
) -> list[Diagnostic]:
    """Lint files and folders; returns every diagnostic, sorted by path, line, column."""
    session = _session(
        config,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        today=today,
    )
    found: list[Diagnostic] = []
    for path, problem in session.files([Path(p) for p in paths]):
        found.extend(session.lint_path(path, problem).diagnostics)
    return sorted(found, key=Diagnostic.sort_key)
