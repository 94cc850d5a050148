"""Files -> FileReports, on a pool of worker processes, streamed in order.

This process inspects the first file (which loads spaCy and prepares the plan), then forks
the workers, which inherit all of it (as parallel.py does for `check`: loading it once is
cheaper than once per worker). Each worker sends back a FileReport per file (the findings
and a few metadata facts), never a document. Results come back in the order of the files,
as they are ready, so the caller can tally them and let them go.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimlint.cache import Cache
from claimlint.document import DecodeError, Document, decode, parse_document
from claimlint.linter import Plan
from claimlint.parallel import MIN_FILES, ignore_sigint, pool_map
from claimlint.reading import ReadError, read_bytes
from claimlint.report.facts import facts_of
from claimlint.report.model import Facts, FileReport, Finding
from claimlint.runner import Overrides, Session

Item = tuple[Path, str]  # a path and its problem ('' when readable), as Session.files() yields


@dataclass
class ReportSession(Session):
    """A Session that keeps the facts of the document it parsed last.

    The facts are taken as the document is parsed for linting, before it is dropped, so a
    file is parsed once for both its findings and its facts.
    """

    facts: Facts | None = None

    def parse(self, text: str, display: str, plan: Plan) -> Document:
        document = super().parse(text, display, plan)
        self.facts = facts_of(document, plan)
        return document


def new_session(overrides: Overrides, cache_dir: Path | None) -> ReportSession:
    return ReportSession(overrides, cache=Cache(cache_dir) if cache_dir is not None else None)


def inspect(session: ReportSession, path: Path, problem: str = "") -> FileReport:
    """One file's findings (from the cache when it has them) and metadata facts."""
    session.facts = None
    result = session.lint_path(path, problem)
    facts = session.facts
    if facts is None and result.readable:
        facts = _facts_without_linting(session, path)  # the findings came from the cache
    findings = tuple(Finding.of(d, result.path) for d in result.diagnostics)
    return FileReport(result.path, result.readable, findings, facts)


def _facts_without_linting(session: ReportSession, path: Path) -> Facts | None:
    # Parsing needs no spaCy, so a cached file costs a fraction of linting it.
    config = session.config_for(path)
    try:
        text = decode(read_bytes(path, config.max_file_bytes)).text
    except (ReadError, DecodeError):  # changed since the cache was read: no facts to give
        return None
    plan = session.plan_for(config).without(config.ignored_for(path))
    return facts_of(parse_document(text, str(path), plan.aliases, plan.extra_keys), plan)


def inspect_files(
    overrides: Overrides, cache_dir: Path | None, items: Sequence[Item], jobs: int
) -> Iterator[FileReport]:
    """A FileReport for every item, in order. The first file is inspected here (loading
    spaCy, the packs and the plan once); with ``jobs`` > 1 and enough files, the rest go to
    that many worker processes, forked so that they inherit what loaded, as `check`'s do."""
    session = new_session(overrides, cache_dir)
    if not items:
        return
    yield _first(session, items[0])
    rest = items[1:]
    workers = min(jobs, len(rest))
    if workers < 2 or len(items) < MIN_FILES:
        for item in rest:
            yield inspect(session, *item)
        return
    yield from _pooled(session, rest, workers)


def _pooled(session: ReportSession, items: Sequence[Item], workers: int) -> Iterator[FileReport]:
    fresh = lambda: ReportSession(session.overrides, cache=session.cache)  # noqa: E731
    return pool_map(_inspect, items, workers, _start_worker, session, fresh)


def _first(session: ReportSession, item: Item) -> FileReport:
    """Inspect the first file, which loads spaCy, the packs and the plan: some hundreds of
    thousands of objects that live as long as the process. No garbage collection walks
    them while they load, and then they are frozen, so later collections skip them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return inspect(session, *item)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_session: ReportSession | None = None


def _start_worker(session: ReportSession) -> None:
    global _session
    ignore_sigint()
    _session = session


def _inspect(item: Item) -> FileReport:
    assert _session is not None
    return inspect(_session, *item)
