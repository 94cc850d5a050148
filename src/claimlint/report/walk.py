"""Folder -> files to report: Session.files() (include, exclude, links, CL001 problems),
less what git ignores.

.gitignore is honoured by asking git itself (``git check-ignore --stdin``), once per
folder named, when that folder is inside a git work tree. Git is the only complete
definition of what it ignores: nested .gitignore files, negations, ``.git/info/exclude``,
the user's global excludes file, and tracked files (which a pattern never hides). A
re-implementation (the ``pathspec`` package) would match patterns but miss the rest, and
add a dependency. Outside a work tree .gitignore files mean nothing to git, and the report
does not apply them either (ripgrep does the same). A folder the user names is reported
even when git ignores it as a whole.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Collection, Sequence
from pathlib import Path

from claimlint.report.worker import Item
from claimlint.runner import Session

# In a git hook these point at the hook's repository; the folder's own repository counts.
_GIT_ENV_DROPPED = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX")


def files_to_report(
    session: Session, roots: Sequence[Path], skipped: Collection[str] = ()
) -> tuple[list[Item], list[str]]:
    """The (path, problem) pairs to report, and warnings for the user (git failures).
    ``skipped`` holds absolute paths never to report (the report's own output files)."""
    found = [
        (path, problem)
        for path, problem in session.files(roots)
        if os.path.abspath(path) not in skipped
    ]
    warnings: list[str] = []
    ignored: set[Path] = set()
    folders = [root for root in roots if root.is_dir()]
    for folder in folders:
        inside = [path for path, _ in found if _under(path, folder)]
        if inside:
            more, warning = git_ignored(folder, inside)
            ignored |= more
            if warning:
                warnings.append(warning)
    return [(path, problem) for path, problem in found if path not in ignored], warnings


def _under(path: Path, folder: Path) -> bool:
    parts = folder.parts if str(folder) not in (".", "") else ()
    return path.parts[: len(parts)] == parts and len(path.parts) > len(parts)


def git_ignored(folder: Path, paths: Sequence[Path]) -> tuple[set[Path], str]:
    """The paths (all under ``folder``) that git ignores, and a warning when git failed.
    Nothing is ignored when git is not installed or the folder is not in a work tree."""
    inside = _git(["rev-parse", "--is-inside-work-tree"], folder)
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != b"true":
        return set(), ""
    itself = _git(["check-ignore", "-q", "."], folder)
    if itself is not None and itself.returncode == 0:
        return set(), ""  # the user named an ignored folder: report all of it
    relative = {os.fsencode(path.relative_to(folder) if str(folder) != "." else path): path
                for path in paths}  # fmt: skip
    answer = _git(["check-ignore", "--stdin", "-z"], folder, b"\0".join(relative) + b"\0")
    if answer is None or answer.returncode not in (0, 1):  # 1: nothing is ignored
        detail = answer.stderr.decode("utf-8", "replace").strip() if answer else "timed out"
        return set(), f"{folder}: .gitignore not applied: git check-ignore failed: {detail}"
    return {relative[name] for name in answer.stdout.split(b"\0") if name in relative}, ""


def _git(
    args: list[str], folder: Path, data: bytes | None = None
) -> subprocess.CompletedProcess[bytes] | None:
    env = {key: value for key, value in os.environ.items() if key not in _GIT_ENV_DROPPED}
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=false", *args],
            cwd=folder,
            input=data if data is not None else b"",
            capture_output=True,
            env=env,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):  # no git, or a folder git cannot enter
        return None
