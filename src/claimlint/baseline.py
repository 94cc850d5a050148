"""Baselines: record the findings a library of articles has today, report only new ones.

A baseline entry is keyed by ``Diagnostic.fingerprint()`` (path, code, normalized flagged
text and sentence; no line numbers), so edits above a finding do not break it. Paths are
stored relative to the baseline file's folder, so the same baseline works from any working
folder. ``count`` covers identical findings: a fingerprint recorded twice absorbs two
findings, and a third is new. Described by ``schemas/baseline.schema.json``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from claimlint.atomic import write_text_atomic
from claimlint.diagnostics import Diagnostic
from claimlint.resources import load_schema

VERSION = 1
SCHEMA = "baseline.schema.json"
# Not findings about content: an unreadable file and a crashed rule are always reported.
NEVER_BASELINED = frozenset({"CL001", "CL002"})


class BaselineError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    path: str  # relative to the baseline file's folder, with forward slashes
    code: str
    text: str
    count: int


@dataclass(frozen=True)
class Baseline:
    folder: Path  # absolute: the folder of the baseline file; entry paths are relative to it
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Comparison:
    new: tuple[Diagnostic, ...]  # findings the baseline does not cover
    stale: tuple[tuple[Entry, int], ...]  # entries (and how many of their count) not found


def baselinable(diagnostic: Diagnostic) -> bool:
    return diagnostic.code not in NEVER_BASELINED


def key_path(path: str, folder: Path) -> str:
    """A reported path as the baseline stores it: relative to ``folder``, forward slashes."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, folder)
    except ValueError:  # another drive on Windows
        relative = absolute
    return relative.replace(os.sep, "/")


def fingerprint(diagnostic: Diagnostic, folder: Path) -> str:
    return replace(diagnostic, path=key_path(diagnostic.path, folder)).fingerprint()


def build(diagnostics: Iterable[Diagnostic], folder: Path) -> Baseline:
    counts: Counter[str] = Counter()
    first: dict[str, Diagnostic] = {}
    for diagnostic in diagnostics:
        if baselinable(diagnostic):
            key = fingerprint(diagnostic, folder)
            counts[key] += 1
            first.setdefault(key, diagnostic)
    entries = [
        Entry(key, key_path(d.path, folder), d.code, d.text, counts[key])
        for key, d in first.items()
    ]
    entries.sort(key=lambda e: (e.path, e.code, e.text, e.fingerprint))
    return Baseline(folder, tuple(entries))


def render(baseline: Baseline) -> str:
    document = {
        "version": VERSION,
        "tool": "claimlint",
        "entries": [
            {
                "fingerprint": e.fingerprint,
                "path": e.path,
                "code": e.code,
                "text": e.text,
                "count": e.count,
            }
            for e in baseline.entries
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, diagnostics: Iterable[Diagnostic]) -> Baseline:
    """Record the findings in ``path``, atomically: a failed write leaves the old file."""
    baseline = build(diagnostics, _folder(path))
    try:
        write_text_atomic(path, render(baseline))
    except OSError as error:
        raise BaselineError(f"cannot write baseline {path}: {error.strerror or error}") from None
    return baseline


def load(path: Path) -> Baseline:
    """Read and validate a baseline; anything but a valid version-1 file is a BaselineError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"baseline {path} does not exist (create it with --write-baseline {path})"
        ) from None
    except UnicodeDecodeError:
        raise BaselineError(f"baseline {path} is corrupt: not UTF-8 text") from None
    except OSError as error:
        raise BaselineError(f"cannot read baseline {path}: {error.strerror or error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"baseline {path} is corrupt: not valid JSON (line {error.lineno}, "
            f"column {error.colno}: {error.msg})"
        ) from None
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BaselineError(
            f"baseline {path} has version {version}, but this claimlint reads version {VERSION} "
            "(upgrade claimlint, or rewrite the baseline with --write-baseline)"
        )
    from jsonschema import Draft202012Validator  # costly to import: only when a baseline is read

    errors = sorted(Draft202012Validator(load_schema(SCHEMA)).iter_errors(data), key=str)
    if errors:
        first_error = errors[0]
        where = "/".join(str(part) for part in first_error.absolute_path) or "the top level"
        raise BaselineError(
            f"baseline {path} is not a claimlint baseline: at {where}: {first_error.message}"
        )
    counts: Counter[str] = Counter()
    first: dict[str, Entry] = {}
    for item in data["entries"]:
        entry = Entry(item["fingerprint"], item["path"], item["code"], item["text"], item["count"])
        counts[entry.fingerprint] += entry.count
        first.setdefault(entry.fingerprint, entry)
    entries = tuple(replace(e, count=counts[key]) for key, e in first.items())
    return Baseline(_folder(path), entries)


def compare(
    baseline: Baseline, diagnostics: Sequence[Diagnostic], linted: Iterable[str]
) -> Comparison:
    """Split findings into new ones and ones the baseline covers, and find stale entries.

    ``linted`` are the reported paths of the files this run looked at: an entry is stale
    when its file was linted and the finding is gone, or when its file no longer exists.
    Entries for files outside this run (a narrower path, ``--diff``) are left alone.
    """
    remaining = Counter({e.fingerprint: e.count for e in baseline.entries})
    new = []
    for diagnostic in diagnostics:
        key = fingerprint(diagnostic, baseline.folder) if baselinable(diagnostic) else ""
        if key and remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(diagnostic)
    seen = {key_path(path, baseline.folder) for path in linted}
    stale = tuple(
        (e, remaining[e.fingerprint])
        for e in baseline.entries
        if remaining[e.fingerprint] > 0
        and (e.path in seen or not (baseline.folder / e.path).exists())
    )
    return Comparison(tuple(new), stale)


def stale_note(stale: Sequence[tuple[Entry, int]], baseline: Baseline, baseline_path: Path) -> str:
    """The note for stderr naming entries that no longer occur, paths relative to here."""
    total = sum(missing for _, missing in stale)
    lines = [
        f"claimlint: {total} baseline {'entry' if total == 1 else 'entries'} no longer "
        f"{'occurs' if total == 1 else 'occur'} (prune with --write-baseline {baseline_path}):"
    ]
    for entry, missing in stale:
        shown = key_path(str(baseline.folder / entry.path), Path.cwd())
        text = f" {entry.text!r}" if entry.text else ""
        times = f" ({missing} times)" if missing > 1 else ""
        lines.append(f"  {shown}: {entry.code}{text}{times}")
    return "\n".join(lines) + "\n"


def _folder(path: Path) -> Path:
    return Path(os.path.abspath(path)).parent
