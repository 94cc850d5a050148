"""Find, load, validate and merge the configuration (.claimlint.yaml or [tool.claimlint]).

Keys are kebab-case, as in ruff, and are validated against ``schemas/config.schema.json``.
Rule selection is layered as in ruff: a layer (an extended file, the file itself, then the
command line) that sets ``select`` starts afresh, dropping the ``extend-select`` and
``ignore`` of the layers below; a layer without ``select`` adds its ``extend-select`` and
``ignore`` to theirs. Other lists replace, except ``extend-exclude`` and ``packs``, which
accumulate; mappings merge key by key (and ``rules`` options per selector).

Globs in ``exclude`` and ``per-file-ignores`` are relative to ``root``, the folder of the
file that was loaded (also for globs that an extended file contributed); ``packs`` and
``extend`` are relative to the folder of the file that names them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from jsonschema import ValidationError

from claimlint import safeyaml
from claimlint.resources import load_schema

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml", "claimlint.yaml", "pyproject.toml")
SCHEMA = "config.schema.json"
DEFAULT_EXCLUDE = (".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdx", "*.txt")

_ACCUMULATE = ("extend-exclude", "packs")
_MERGE = ("per-file-ignores", "severity", "aliases")
_TYPE_NAMES = {
    "array": "a list",
    "object": "a mapping",
    "string": "a string",
    "integer": "a whole number",
    "boolean": "true or false",
}
_SELECTOR_HELP = (
    "is not a rule selector (a code such as CL301, a name such as absolute-efficacy-claim, "
    "a code prefix such as CL3, or ALL)"
)


class ConfigError(Exception):
    """A config that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """One resolved configuration. Mappings are read-only by convention."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    packs: tuple[Path, ...] = ()
    fail_on: str = "error"
    require_suppression_reason: bool = False
    max_file_bytes: int = 5_000_000
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    extra_metadata_keys: tuple[str, ...] = ()
    today: dt.date | None = None

    def is_excluded(self, path: Path) -> bool:
        """Whether ``path`` (a file or folder) matches ``exclude`` or ``extend-exclude``."""
        parts = self._parts(path)
        return any(glob_matches(glob, parts) for glob in (*self.exclude, *self.extend_exclude))

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        """The selectors that ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file_ignores:
            return ()
        parts = self._parts(path)
        found: dict[str, None] = {}
        for glob, selectors in self.per_file_ignores:
            if glob_matches(glob, parts):
                found.update(dict.fromkeys(selectors))
        return tuple(found)

    def _parts(self, path: Path) -> tuple[str, ...]:
        """The path's components relative to ``root``; a path outside it keeps all of them,
        marked by a leading '/' so that only globs without '/' can match it."""
        absolute = os.path.abspath(path)
        for candidate in (absolute, None):
            text = candidate if candidate is not None else str(path.resolve())
            for base in _roots(self.root):
                parts = _under(text, base)
                if parts is not None:
                    return parts
        return ("/", *Path(absolute).parts[1:])


def _under(path: str, base: Path) -> tuple[str, ...] | None:
    """The components of absolute ``path`` below ``base``, or None if it is not below."""
    if os.sep == "/":  # POSIX: a string prefix test, as pathlib compares paths there
        root = str(base)
        if path == root:
            return ()
        prefix = root.rstrip("/") + "/"
        return (
            tuple(p for p in path[len(prefix) :].split("/") if p)
            if path.startswith(prefix)
            else None
        )
    absolute = Path(path)
    return absolute.relative_to(base).parts if absolute.is_relative_to(base) else None


@cache
def _roots(root: Path) -> tuple[Path, ...]:
    absolute = Path(os.path.abspath(root))
    resolved = root.resolve()
    return (absolute,) if resolved == absolute else (absolute, resolved)


# --- globs ---------------------------------------------------------------------------------


def glob_matches(glob: str, parts: Sequence[str]) -> bool:
    """Whether a relative path (its components) matches ``glob``.

    A glob without '/' matches any component, so ``build`` excludes every folder named
    build with all it holds, and ``*.txt`` every text file. A glob with '/' is anchored at
    the root and matches the path or one of its ancestors, so ``legacy/**`` and ``legacy``
    both cover everything under legacy/. ``**`` spans folders (``**/drafts/*.md`` matches
    drafts/a.md and x/y/drafts/a.md); ``*``, ``?`` and ``[...]`` stay within one component.
    """
    pattern = glob.strip().removeprefix("./").strip("/")
    if not pattern or not parts:
        return False
    regex = _glob_regex(pattern)
    if "/" not in pattern:
        return any(regex.fullmatch(part) for part in parts)
    if parts[0] == "/":  # outside the root: anchored globs cannot reach it
        return False
    return any(regex.fullmatch("/".join(parts[:end])) for end in range(1, len(parts) + 1))


@cache
def _glob_regex(glob: str) -> re.Pattern[str]:
    segments = glob.split("/")
    out: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment != "**":
            out.append(_segment_regex(segment) + ("" if last else "/"))
        elif not last:
            out.append("(?:[^/]*/)*")  # zero or more folders
        elif out:
            out[-1] = out[-1].removesuffix("/") + "(?:/.*)?"  # the folder and all it holds
        else:
            out.append(".*")
    return re.compile("".join(out))


def _segment_regex(segment: str) -> str:
    out: list[str] = []
    i, n = 0, len(segment)
    while i < n:
        char = segment[i]
        i += 1
        if char == "*":
            while i < n and segment[i] == "*":
                i += 1
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            j = i
            if j < n and segment[j] == "!":
                j += 1
            if j < n and segment[j] == "]":
                j += 1
            while j < n and segment[j] != "]":
                j += 1
            if j >= n:
                out.append(re.escape(char))
                continue
            body = segment[i:j].replace("\\", "\\\\")
            i = j + 1
            if body.startswith("!"):
                body = "^/" + body[1:]
            elif body.startswith("^"):
                body = "\\" + body
            out.append(f"[{body}]")
        else:
            out.append(re.escape(char))
    return "".join(out)


# --- finding -------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest config file, walking up from ``start`` (a file or a folder).

    In each folder the first of CONFIG_NAMES wins; a pyproject.toml counts only when it has
    a ``[tool.claimlint]`` table. Results are cached per folder (``clear_cache`` resets).
    """
    folder = start if start.is_dir() else start.parent
    return _find_in(Path(os.path.abspath(folder)).resolve())


def clear_cache() -> None:
    """Forget the folders searched so far (for long-running processes and tests)."""
    _find_in.cache_clear()
    _roots.cache_clear()


@cache
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
            return candidate
    return None if folder.parent == folder else _find_in(folder.parent)


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except (tomllib.TOMLDecodeError, RecursionError):
        # Broken, but meant for us: load_config will report it.
        return "[tool.claimlint" in text
    return isinstance(tool, dict) and "claimlint" in tool


# --- loading -------------------------------------------------------------------------------


def default_config(root: Path) -> Config:
    """The configuration when there is no config file."""
    return Config(path=None, root=Path(os.path.abspath(root)))


def load_config(path: Path) -> Config:
    """Read, validate and build the config in ``path``, following ``extend``.

    Raises ConfigError naming the file and the key path.
    """
    data = _load_layers(path, ())
    return _build(data, path=path, root=Path(os.path.abspath(path)).parent)


def config_from_mapping(data: Mapping[str, Any], root: Path, *, source: str = "<config>") -> Config:
    """A config from a mapping shaped like .claimlint.yaml (the Python API); tuples and
    paths are accepted for lists and strings, and relative ``extend`` and ``packs`` are
    taken from ``root``."""
    root = Path(os.path.abspath(root))
    raw = _prepare(_plain(data), source)
    layer = _layer(raw, root, source, root / "<config>", ())
    return _build(layer, path=None, root=root)


def _plain(value: Any) -> Any:
    """Python values as YAML would give them: tuples as lists, paths as strings."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _label(path: Path) -> str:
    return f"{path} [tool.claimlint]" if path.name == "pyproject.toml" else str(path)


def _load_layers(path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
    raw = _prepare(_parse(path), _label(path))
    return _layer(raw, Path(os.path.abspath(path)).parent, _label(path), path, chain)


def _layer(
    raw: dict[str, Any], folder: Path, label: str, path: Path, chain: tuple[Path, ...]
) -> dict[str, Any]:
    """The validated mapping with its packs made absolute, laid over its ``extend`` base."""
    if "packs" in raw:
        raw["packs"] = [os.path.abspath(folder / Path(p).expanduser()) for p in raw["packs"]]
    base_name = raw.pop("extend", None)
    if base_name is None:
        return raw
    base_path = folder / Path(base_name).expanduser()
    chain = (*chain, path.resolve())
    if base_path.resolve() in chain:
        cycle = " -> ".join(str(p) for p in (*chain, base_path.resolve()))
        raise ConfigError(f"{label}: 'extend': the configs extend each other in a cycle: {cycle}")
    if not base_path.is_file():
        raise ConfigError(f"{label}: 'extend': no such file: {base_path}")
    return _overlay(_load_layers(base_path, chain), raw)


def _overlay(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = {**base, **top}
    for key in ("extend-select", "ignore"):
        # A layer with its own select starts afresh, as in ruff.
        below = () if "select" in top else base.get(key, ())
        merged[key] = _unique([*below, *top.get(key, ())])
    for key in _ACCUMULATE:
        if key in base and key in top:
            merged[key] = _unique([*base[key], *top[key]])
    for key in _MERGE:
        if key in base and key in top:
            merged[key] = {**base[key], **top[key]}
    if "rules" in base and "rules" in top:
        merged["rules"] = dict(base["rules"])
        for selector, options in top["rules"].items():
            merged["rules"][selector] = {**base["rules"].get(selector, {}), **options}
    return merged


def _unique(items: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def _parse(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the config is not UTF-8 text") from None
    data: Any
    if path.suffix == ".toml":
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: invalid TOML: {error}") from None
        except RecursionError:
            raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
        data = document
        if path.name == "pyproject.toml":
            data = document.get("tool", {}).get("claimlint")
            if data is None:
                raise ConfigError(f"{path}: there is no [tool.claimlint] table")
    else:
        try:
            data = safeyaml.load(text)  # no aliases, no deep recursion
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark is not None else ""
            problem = getattr(error, "problem", None) or "not valid YAML"
            raise ConfigError(f"{path}: invalid YAML{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{_label(path)}: the config must be a mapping of keys to values, "
            f"not {_TYPE_NAMES.get(_json_type(data), type(data).__name__)}"
        )
    return data


def _prepare(data: dict[str, Any], label: str) -> dict[str, Any]:
    """Validate one layer against the schema; YAML and TOML dates become ISO strings first."""
    today = data.get("today")
    if isinstance(today, dt.datetime):
        data["today"] = today.date().isoformat()
    elif isinstance(today, dt.date):
        data["today"] = today.isoformat()
    schema = load_schema(SCHEMA)
    known = schema["properties"]
    for key in data:
        if key not in known:
            raise ConfigError(f"{label}: unknown key {key!r}{_suggest(key, known)}")
    from jsonschema import Draft202012Validator  # costly to import: only when a config is read

    validator = Draft202012Validator(schema)
    order = {key: index for index, key in enumerate(data)}
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: (
            order.get(e.absolute_path[0], -1) if e.absolute_path else -1,
            [str(p) for p in e.absolute_path],
        ),
    )
    if errors:
        extra = len(errors) - 1
        more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
        raise ConfigError(f"{label}: {_describe(errors[0])}{more}")
    if "today" in data:
        try:
            dt.date.fromisoformat(data["today"])
        except ValueError:
            raise ConfigError(f"{label}: 'today': {data['today']!r} is not a valid date") from None
    return data


def _suggest(key: object, known: Iterable[str]) -> str:
    candidates = list(known)
    text = str(key)
    kebab = text.replace("_", "-").lower()
    close = [kebab] if kebab in candidates else difflib.get_close_matches(text, candidates, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _describe(error: ValidationError) -> str:
    where = _key_path(error.absolute_path)
    prefix = f"{where}: " if where else ""
    value = error.instance
    if error.validator == "type":
        wanted = str(error.validator_value)  # the schema names one type per key
        expected = _TYPE_NAMES.get(wanted, wanted)
        return f"{prefix}expected {expected}, got {value!r}"
    if error.validator == "pattern" and "ALL|" in str(error.validator_value):
        return f"{prefix}{value!r} {_SELECTOR_HELP}"
    if error.validator == "pattern":
        return f"{prefix}{value!r} is not a date in YYYY-MM-DD form"
    return f"{prefix}{error.message}"


def _key_path(path: Iterable[Any]) -> str:
    """'per-file-ignores'['legacy/**'][0]"""
    steps = list(path)
    if not steps:
        return ""
    return repr(steps[0]) + "".join(f"[{step!r}]" for step in steps[1:])


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return type(value).__name__


def _build(data: Mapping[str, Any], *, path: Path | None, root: Path) -> Config:
    today = data.get("today")
    return Config(
        path=path,
        root=root,
        select=tuple(data["select"]) if "select" in data else None,
        extend_select=tuple(data.get("extend-select", ())),
        ignore=tuple(data.get("ignore", ())),
        per_file_ignores=tuple(
            (glob, tuple(selectors)) for glob, selectors in data.get("per-file-ignores", {}).items()
        ),
        severity=dict(data.get("severity", {})),
        rule_options={key: dict(value) for key, value in data.get("rules", {}).items()},
        exclude=tuple(data.get("exclude", DEFAULT_EXCLUDE)),
        extend_exclude=tuple(data.get("extend-exclude", ())),
        include=tuple(data.get("include", DEFAULT_INCLUDE)),
        packs=tuple(Path(p) for p in data.get("packs", ())),
        fail_on=data.get("fail-on", "error"),
        require_suppression_reason=data.get("require-suppression-reason", False),
        max_file_bytes=data.get("max-file-bytes", 5_000_000),
        aliases={key: tuple(value) for key, value in data.get("aliases", {}).items()},
        extra_metadata_keys=tuple(data.get("extra-metadata-keys", ())),
        today=dt.date.fromisoformat(today) if today else None,
    )


# --- the command line ----------------------------------------------------------------------


def merge_cli(
    config: Config,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    fail_on: str | None = None,
    extend_exclude: Sequence[str] = (),
    today: dt.date | None = None,
    require_suppression_reason: bool | None = None,
    max_file_bytes: int | None = None,
) -> Config:
    """The config with command-line values laid over it (the top layer, as in ruff:
    ``--select`` replaces the file's select, extend-select and ignore). Returns ``config``
    itself when nothing changes."""
    changes: dict[str, Any] = {}
    if select is not None:
        changes.update(
            select=tuple(select), extend_select=tuple(extend_select), ignore=tuple(ignore)
        )
    else:
        if extend_select:
            changes["extend_select"] = tuple(_unique([*config.extend_select, *extend_select]))
        if ignore:
            changes["ignore"] = tuple(_unique([*config.ignore, *ignore]))
    if extend_exclude:
        changes["extend_exclude"] = tuple(_unique([*config.extend_exclude, *extend_exclude]))
    if fail_on is not None:
        changes["fail_on"] = fail_on
    if today is not None:
        changes["today"] = today
    if require_suppression_reason is not None:
        changes["require_suppression_reason"] = require_suppression_reason
    if max_file_bytes is not None:
        changes["max_file_bytes"] = max_file_bytes
    unchanged = all(getattr(config, key) == value for key, value in changes.items())
    return config if unchanged else replace(config, **changes)
