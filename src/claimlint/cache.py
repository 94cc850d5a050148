"""The result cache: a file's diagnostics keyed by everything that decides them.

A key is a hash of the file's bytes and reported path, the claimlint version and source,
the content of every pack, and the effective configuration (with the day, the file's
per-file ignores and whether suppression comments count). Each entry is one small JSON
file, written to a temporary name and renamed into place, so two runs may share the cache;
an entry that does not parse is a miss. The cache also remembers which packs passed schema
validation, so that an unchanged pack is not validated (nor jsonschema imported) again.

Entries are JSON, never pickles: a cache folder committed by someone else cannot run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimlint import __version__
from claimlint.atomic import write_text_atomic
from claimlint.diagnostics import Diagnostic, Severity

DEFAULT_DIR = Path(".claimlint_cache")
LAYOUT = "v1"  # bump when the entry format changes
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by claimlint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


@dataclass(frozen=True)
class Cache:
    """A cache folder (``.claimlint_cache`` by default, like ruff's ``.ruff_cache``)."""

    root: Path
    _made: set[Path] = field(default_factory=set, compare=False, repr=False)

    def get(self, key: str) -> tuple[Diagnostic, ...] | None:
        """The cached diagnostics, or None on a miss (absent, unreadable or corrupt)."""
        try:
            data = json.loads(self._entry(key).read_bytes())
            return tuple(_diagnostic(item) for item in data["diagnostics"])
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def put(self, key: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Store an entry; a cache that cannot be written is silently skipped."""
        payload = {"diagnostics": [_fields(d) for d in diagnostics]}
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OSError):
            self._write(self._entry(key), text.encode("utf-8"))

    def pack_validated(self, digest: str) -> bool:
        return (self.root / LAYOUT / "packs" / digest).is_file()

    def remember_pack(self, digest: str) -> None:
        with contextlib.suppress(OSError):
            self._write(self.root / LAYOUT / "packs" / digest, b"")

    def _entry(self, key: str) -> Path:
        return self.root / LAYOUT / key[:2] / f"{key}.json"

    def _write(self, path: Path, data: bytes) -> None:
        folder = path.parent
        if folder not in self._made:
            self._prepare_root()
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(folder)
        # A name no other process uses, then an atomic rename over any older entry.
        temporary = folder / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            with open(temporary, "xb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise

    def _prepare_root(self) -> None:
        if self.root in self._made:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Created by claimlint.\n*\n")):
            marker = self.root / name
            if not marker.exists():
                write_text_atomic(marker, text)  # never half-written, even when interrupted
        self._made.add(self.root)


def is_cache(path: Path, root: Path) -> bool:
    """Whether ``path`` is the cache folder ``root`` (which file discovery never enters)."""
    return path.name == root.name and _resolved(path) == _resolved(root)


@functools.cache
def _resolved(path: Path) -> Path:
    return path.resolve()


def clean(root: Path) -> bool:
    """Remove a cache folder; False when there was none. Refuses a folder that is not one."""
    if not root.exists():
        return False
    if not root.is_dir() or not (root / "CACHEDIR.TAG").is_file():
        raise ValueError(f"{root} is not a claimlint cache folder (it has no CACHEDIR.TAG)")
    shutil.rmtree(root)
    return True


# --- keys ----------------------------------------------------------------------------------


def plan_key(
    config: object,
    *,
    ignored: Sequence[str],
    today: object,
    inline_suppressions: bool,
    pack_files: Sequence[Path],
) -> str:
    """The part of a key shared by every file linted under one configuration."""
    parts = {
        "version": __version__,
        "source": _source_stamp(),
        "packs": [[str(path), file_digest(path)] for path in pack_files],
        "config": dataclasses.asdict(config) if dataclasses.is_dataclass(config) else config,  # type: ignore[arg-type]
        "ignored": list(ignored),
        "today": today,
        "inline-suppressions": inline_suppressions,
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def file_key(plan: str, display: str, data: bytes) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(plan.encode("ascii"))
    digest.update(display.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


_digests: dict[tuple[Path, int, int], str] = {}


def file_digest(path: Path) -> str:
    """A hash of a file's bytes ('missing' when it cannot be read), memoised on its stat."""
    try:
        info = path.stat()
    except OSError:
        return "missing"
    stamp = (path, info.st_mtime_ns, info.st_size)
    if stamp not in _digests:
        try:
            _digests[stamp] = hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()
        except OSError:
            return "missing"
    return _digests[stamp]


_stamp: list[str] = []


def _source_stamp() -> str:
    """Names, sizes and modification times of claimlint's own source and schemas, so that an
    edited checkout (an editable install) never reuses results of the code before."""
    if not _stamp:
        from claimlint.resources import data_dir

        package = Path(__file__).resolve().parent
        found: list[Any] = []
        for folder in (package, data_dir("schemas")):
            for top, dirs, names in os.walk(folder):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(names):
                    if name.endswith((".py", ".json")):
                        info = os.stat(os.path.join(top, name))
                        found.append([os.path.join(top, name), info.st_size, info.st_mtime_ns])
        text = json.dumps(found)
        _stamp.append(hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest())
    return _stamp[0]


# --- entries -------------------------------------------------------------------------------

_FIELDS = tuple(f.name for f in dataclasses.fields(Diagnostic))
_SEVERITY = _FIELDS.index("severity")
_SEVERITIES = {int(severity): severity for severity in Severity}
_INTS = ("line", "column", "end_line", "end_column", "severity")
# The field types an entry may hold (the suggestion is a string or null), as one tuple per
# variant, so that an entry is checked with one set lookup.
_SHAPES = frozenset(
    tuple(int if name in _INTS else suggestion if name == "suggestion" else str for name in _FIELDS)
    for suggestion in (str, type(None))
)


def _fields(diagnostic: Diagnostic) -> list[Any]:
    values = [getattr(diagnostic, name) for name in _FIELDS]
    values[_SEVERITY] = int(diagnostic.severity)
    return values


def _diagnostic(item: list[Any]) -> Diagnostic:
    """A diagnostic from its cached fields; ValueError when they are not what was stored."""
    if type(item) is not list or tuple(map(type, item)) not in _SHAPES:
        raise ValueError("not a cached diagnostic")
    item[_SEVERITY] = _SEVERITIES[item[_SEVERITY]]  # KeyError: not a severity
    # As unpickling does: the fields straight into the instance's __dict__, which costs a
    # fifth of the frozen dataclass's __init__ (a warm run makes one per cached finding).
    diagnostic = object.__new__(Diagnostic)
    diagnostic.__dict__.update(zip(_FIELDS, item, strict=True))
    return diagnostic
