"""Paths -> files: walk folders, honour include/exclude, never follow links out of the roots."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path


@dataclass(frozen=True)
class Found:
    """A file to lint, or a path that cannot be linted (``problem`` says why)."""

    path: Path
    problem: str = ""


def discover(
    roots: Sequence[Path],
    is_excluded: Callable[[Path], bool],
    include: Callable[[Path], Sequence[str]],
) -> Iterator[Found]:
    """Files under the given paths, in sorted order per root. Explicit files are always
    linted unless excluded; files found by walking must match an include glob."""
    seen: set[tuple[int, int]] = set()
    for root in roots:
        if is_excluded(root) and not _is_dot(root):
            continue
        try:
            info = root.stat()
        except OSError as error:
            yield Found(root, _describe(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(root, is_excluded, include, seen)
        elif _remember(info, seen):
            yield Found(root)


def _is_dot(path: Path) -> bool:
    return str(path) in (".", "./")


def _remember(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(
    root: Path,
    is_excluded: Callable[[Path], bool],
    include: Callable[[Path], Sequence[str]],
    seen: set[tuple[int, int]],
) -> Iterator[Found]:
    real_root = root.resolve()
    problems: list[Found] = []

    def on_error(error: OSError) -> None:
        if error.filename and Path(error.filename) != root:
            problems.append(Found(Path(error.filename), _describe(error)))

    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=False):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not is_excluded(base / d))
        for name in sorted(names):
            path = base / name
            if is_excluded(path) or not any(fnmatch(name, g) for g in include(path)):
                continue
            try:
                info = path.stat()  # follows a symlink to its target
            except OSError as error:
                yield Found(path, _describe(error))
                continue
            if path.is_symlink() and not _inside(path.resolve(), real_root):
                continue  # never follow a link out of the folder the user named
            if not _remember(info, seen):
                continue  # reached before, by another link or as a named path
            if not stat.S_ISREG(info.st_mode):
                yield Found(path, "not a regular file (a FIFO, socket or device)")
                continue
            yield Found(path)
    yield from problems


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _describe(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"cannot read: {reason}"
