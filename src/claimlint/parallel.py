"""Lint many files on a pool of worker processes that each own a Session.

Files that need no linting (cached or unreadable) are answered in this process, without
spaCy. When enough files remain, this process lints the first of them itself (which loads
spaCy and prepares the plan), then forks the workers, which inherit all of it. Workers
send back only each file's diagnostics: returning spaCy Docs (as ``nlp.pipe(n_process=)``
does) costs more than the work. Results come back in the order the files were given.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from claimlint.runner import FileResult, Session

Item = TypeVar("Item")
Result = TypeVar("Result")
State = TypeVar("State")

MIN_FILES = 50  # fewer files than this are linted here: starting workers would cost more


def default_jobs() -> int:
    """The processors this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_files(
    session: Session, found: Iterable[tuple[Path, str]], jobs: int | None = None
) -> Iterator[tuple[Path, FileResult]]:
    """(path, result) for every (path, problem) pair, as ``session.files()`` yields them,
    in the same order. ``jobs`` is the number of worker processes (default: one per
    processor); 1 lints everything in this process."""
    items = list(found)
    with _loading():
        answered: list[FileResult | None] = (
            [session.cached(path, problem) for path, problem in items]
            if session.cache is not None
            else [None] * len(items)
        )
        todo = [index for index, result in enumerate(answered) if result is None]
        if todo:  # the first file loads spaCy and prepares the plan (before any fork)
            answered[todo[0]] = session.lint_path(*items[todo[0]])
    rest = todo[1:]
    workers = min(default_jobs() if jobs is None else jobs, len(rest))
    if len(todo) < MIN_FILES or workers < 2:
        for index in rest:
            answered[index] = session.lint_path(*items[index])
    else:
        for index, linted in zip(
            rest, _pooled(session, [items[i] for i in rest], workers), strict=True
        ):
            answered[index] = linted
    for (path, _), result in zip(items, answered, strict=True):
        assert result is not None
        yield path, result


@contextmanager
def _loading() -> Iterator[None]:
    """No garbage collection while spaCy, the packs and the plans load: they make some
    hundreds of thousands of objects that live as long as the process, which a collection
    would only walk (one such pass costs more than linting a file). Then they are frozen:
    later collections skip them, and forked workers share their memory pages instead of
    copying them when a collection touches them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _pooled(
    session: Session, items: Sequence[tuple[Path, str]], workers: int
) -> Iterator[FileResult]:
    fresh = lambda: Session(session.overrides, session.base, session.cache)  # noqa: E731
    return pool_map(_lint, items, workers, _start_worker, session, fresh)


def pool_map(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    start: Callable[[State], None],
    state: State,
    fresh: Callable[[], State],
) -> Iterator[Result]:
    """task(item) for every item, in order, on ``workers`` processes, each first running
    start(state). On Linux the workers are forked and inherit ``state`` (spaCy, the packs
    and the prepared plans); elsewhere they are spawned and start from ``fresh()``."""
    # Not at the top: a run that lints few files never needs them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("fork")
        inherited = state
    else:
        context = multiprocessing.get_context("spawn")
        inherited = fresh()
    chunk = max(1, min(16, len(items) // (workers * 8)))
    # An executor, not multiprocessing.Pool: when a worker dies (killed, out of memory),
    # Pool waits for its lost results forever, where the executor raises.
    executor = ProcessPoolExecutor(workers, context, start, (inherited,))
    finished = False
    try:
        # map() forks every worker before it returns. SIGINT is blocked meanwhile: a
        # worker hit by Ctrl-C before its initializer ignores SIGINT keeps it pending
        # (then discarded) instead of printing a traceback, and this process receives
        # a Ctrl-C of that moment as soon as the workers are started.
        with _sigint_blocked():
            results = executor.map(task, items, chunksize=chunk)
        yield from results
        finished = True
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process stopped abruptly (killed, or out of memory?); "
            "'--jobs 1' lints in one process"
        ) from None
    finally:
        executor.shutdown(wait=finished, cancel_futures=not finished)


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: workers are spawned
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def ignore_sigint() -> None:
    """In a worker: the parent handles Ctrl-C and stops us. Forked with SIGINT blocked
    (see pool_map), a worker ignores it first, so a pending one is discarded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class WorkerError(RuntimeError):
    """A worker process died; the message says what the user can do."""


_session: Session | None = None


def _start_worker(session: Session) -> None:
    global _session
    ignore_sigint()
    _session = session


def _lint(item: tuple[Path, str]) -> FileResult:
    assert _session is not None
    return _session.lint_path(*item)
