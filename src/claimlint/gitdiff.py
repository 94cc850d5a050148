"""Changed-only runs: which files and lines differ from a git revision (``--diff``).

"Changed" is what a writer expects on a branch: everything in the working tree that differs
from REF (committed, staged and unstaged edits) plus untracked files that git does not
ignore. Deleted files are not changed files: there is nothing left to lint.

For ``--diff-lines`` a finding is kept when one of its lines was added or changed. A
file-level finding (no source line: CL101 missing metadata, CL201 missing disclaimer) is
kept when the file is new, or when the same finding did not occur in REF's version of the
file, which is linted for the comparison; so deleting a disclaimer is caught, and an old
gap in an edited article is not blamed on the edit. CL001 and CL002 are always kept.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.diagnostics import Diagnostic

ALWAYS_KEPT = frozenset({"CL001", "CL002"})
_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    pass


@dataclass(frozen=True)
class Changes:
    ref: str
    commit: str  # the full commit id REF names
    root: Path  # the repository's top folder
    files: frozenset[str]  # real paths of changed and untracked files that exist
    new: frozenset[str]  # the subset that REF does not have (added, untracked)
    _lines: dict[str, frozenset[int] | None] = field(default_factory=dict, compare=False)

    def contains(self, path: Path) -> bool:
        return os.path.realpath(path) in self.files

    def is_new(self, path: Path) -> bool:
        return os.path.realpath(path) in self.new

    def changed_lines(self, path: Path) -> frozenset[int] | None:
        """Line numbers added or changed in the file; None when every line counts."""
        real = os.path.realpath(path)
        if real not in self._lines:
            self._lines[real] = None if real in self.new else _changed_lines(self, real)
        return self._lines[real]

    def old_bytes(self, path: Path) -> bytes | None:
        """The file as REF has it; None when REF has no such file."""
        relative = Path(os.path.realpath(path)).relative_to(self.root).as_posix()
        result = _git(["cat-file", "blob", f"{self.commit}:{relative}"], self.root, check=False)
        return result.stdout if result.returncode == 0 else None


def changes(ref: str, roots: Sequence[Path]) -> Changes:
    """What differs from ``ref`` in the repository of the first root; all must be in it."""
    if not ref or ref.startswith("-"):
        raise GitError(f"--diff: {ref!r} is not a git revision")
    folder = Path(os.path.abspath(roots[0] if roots else "."))
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    found = _git(["rev-parse", "--show-toplevel"], folder, check=False)
    if found.returncode != 0:
        raise GitError(f"--diff needs a git repository, and {folder} is not inside one")
    root = Path(os.path.realpath(found.stdout.decode("utf-8", "surrogateescape").strip()))
    for path in roots:
        inside = Path(os.path.realpath(path))
        if inside != root and root not in inside.parents:
            raise GitError(f"--diff: {path} is outside the git repository {root}")
    resolved = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root, check=False)
    if resolved.returncode != 0:
        raise GitError(
            f"--diff: unknown git revision {ref!r} (give a branch, tag or commit, "
            "such as main, origin/main or HEAD~1; in CI, fetch it first)"
        )
    commit = resolved.stdout.decode().strip()
    diff = ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff"]
    changed = _names(_git([*diff, "--diff-filter=d", commit, "--"], root).stdout)
    added = _names(_git([*diff, "--diff-filter=A", commit, "--"], root).stdout)
    untracked = _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], root).stdout)

    def existing(names: Iterable[str]) -> frozenset[str]:
        paths = (root / name for name in names)
        return frozenset(os.path.realpath(p) for p in paths if p.exists())

    files = existing([*changed, *untracked])
    return Changes(ref, commit, root, files, existing([*added, *untracked]) & files)


def on_changed_lines(
    diagnostics: Sequence[Diagnostic],
    changes: Changes,
    lint_old: Callable[[str, bytes], Sequence[Diagnostic]],
) -> list[Diagnostic]:
    """The findings on lines changed since REF (see the module docstring for file-level ones).

    ``lint_old(path, data)`` lints REF's version of a file as if it were at ``path``.
    """
    kept = []
    old_counts: dict[str, Counter[str]] = {}
    for d in diagnostics:
        path = Path(d.path)
        if d.code in ALWAYS_KEPT or not changes.contains(path):
            kept.append(d)  # stdin, or an engine finding: nothing to compare with
        elif not d.source_line:
            if changes.is_new(path):
                kept.append(d)
                continue
            if d.path not in old_counts:
                data = changes.old_bytes(path)
                old = lint_old(d.path, data) if data is not None else ()
                old_counts[d.path] = Counter(o.fingerprint() for o in old if not o.source_line)
            counts = old_counts[d.path]
            if counts[d.fingerprint()] > 0:
                counts[d.fingerprint()] -= 1
            else:
                kept.append(d)
        else:
            lines = changes.changed_lines(path)
            if lines is None or any(n in lines for n in range(d.line, d.end_line + 1)):
                kept.append(d)
    return kept


def _changed_lines(changes: Changes, real: str) -> frozenset[int] | None:
    relative = Path(real).relative_to(changes.root).as_posix()
    diff = ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames"]
    output = _git([*diff, changes.commit, "--", relative], changes.root).stdout
    try:
        lone_cr = re.search(rb"\r(?!\n)", Path(real).read_bytes()) is not None
    except OSError:
        lone_cr = True
    if lone_cr or re.search(rb"^Binary files ", output, re.MULTILINE):
        # git counts lines by LF and cannot diff UTF-16; every line counts as changed.
        return None
    lines: set[int] = set()
    for match in _HUNK.finditer(output):
        start, count = int(match[1]), int(match[2] or b"1")
        lines.update(range(start, start + count))
    return frozenset(lines)


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", "surrogateescape").split("\0") if name]


def _git(args: list[str], cwd: Path, *, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    command = ["git", "-c", "core.quotepath=false", *args]
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, check=False, timeout=300)
    except FileNotFoundError:
        raise GitError("--diff needs git, and it is not on PATH") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"'git {' '.join(args)}' took more than 5 minutes") from None
    if check and result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"'git {' '.join(args)}' failed: {message}")
    return result
