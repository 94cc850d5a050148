"""Load rule packs (YAML), validate them against schemas/pack.schema.json, build Rules."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from claimlint import __version__, safeyaml
from claimlint.diagnostics import Severity
from claimlint.resources import data_dir, load_schema
from claimlint.rule import Example, Rule

MAX_PACK_BYTES = 5_000_000


class PackError(Exception):
    """A pack that cannot be used; the message names the file, the rule and the JSON path."""


class ValidationMemo(Hashable, Protocol):
    """Remembers packs that passed validation (the result cache is one), by content digest."""

    def pack_validated(self, digest: str) -> bool: ...
    def remember_pack(self, digest: str) -> None: ...


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    settings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def by_code(self) -> dict[str, Rule]:
        return {rule.code: rule for rule in self.rules}


def builtin_pack_files() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))


def pack_files(extra: Sequence[Path] = ()) -> list[Path]:
    """The built-in packs, then the extra ones (files, or the YAML files in folders)."""
    files = builtin_pack_files()
    for path in extra:
        files.extend(sorted(path.glob("*.y*ml")) if path.is_dir() else [path])
    return files


def load_rules(extra: Sequence[Path] = (), memo: ValidationMemo | None = None) -> RuleSet:
    """Built-in packs, then extra packs (files or folders); a later rule with a known
    code replaces the earlier one, and settings lists are concatenated. Cached per
    process on the pack files and their modification times. With a ``memo``, a pack
    whose content already passed validation is not validated again."""
    files = pack_files(extra)
    return _load_rules(tuple((path, _mtime(path)) for path in files), memo)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


@cache
def _load_rules(
    stamped: tuple[tuple[Path, float], ...], memo: ValidationMemo | None = None
) -> RuleSet:
    files = [path for path, _ in stamped]
    rules: dict[str, Rule] = {}
    settings: dict[str, list[str]] = {}
    for path in files:
        pack = load_pack(path, memo)
        for key, values in pack.get("settings", {}).items():
            settings.setdefault(key, []).extend(values)
        for entry in pack["rules"]:
            rule = _rule(entry, pack["pack"], path)
            previous = rules.get(rule.code)
            if previous is not None and previous.source == path:
                raise PackError(f"{path}: rule {rule.code}: the code is defined twice in this pack")
            rules[rule.code] = rule
    _check_unique_names(rules.values())
    ordered = tuple(sorted(rules.values(), key=lambda rule: rule.code))
    return RuleSet(ordered, {key: tuple(values) for key, values in settings.items()})


def load_pack(path: Path, memo: ValidationMemo | None = None) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            raise PackError(f"{path}: the pack is larger than {MAX_PACK_BYTES} bytes")
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PackError(f"{path}: cannot read the pack: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise PackError(f"{path}: the pack is not UTF-8 text") from None
    try:
        data = _parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise PackError(f"{path}: invalid YAML{where}: {problem}") from None
    digest = _validation_digest(text) if memo is not None else ""
    if memo is None or not memo.pack_validated(digest):
        validate_pack(data, path)
        if memo is not None:
            memo.remember_pack(digest)
    assert isinstance(data, dict)
    return data


def _parse_yaml(text: str) -> Any:
    return safeyaml.load(text)  # no aliases, no deep recursion (a pack may be hostile)


def _validation_digest(text: str) -> str:
    """Identifies a pass of validation: the pack's text under this schema and version."""
    schema = json.dumps(load_schema("pack.schema.json"), sort_keys=True)
    key = "\0".join((__version__, schema, text))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=20).hexdigest()


def validate_pack(data: Any, path: Path) -> None:
    from jsonschema import Draft202012Validator  # costly to import: only when validating

    validator = Draft202012Validator(load_schema("pack.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = errors[0]
    location = list(error.absolute_path)
    rule = ""
    if len(location) >= 2 and location[0] == "rules" and isinstance(data, dict):
        entry = data["rules"][location[1]]
        code = entry.get("code") if isinstance(entry, dict) else None
        rule = f" rule {code}:" if code else f" rule #{location[1] + 1}:"
    json_path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in location)
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    raise PackError(f"{path}:{rule} {json_path}: {error.message}{more}")


def _rule(entry: Mapping[str, Any], pack: str, path: Path) -> Rule:
    examples = entry.get("examples", {})
    return Rule(
        code=entry["code"],
        name=entry["name"],
        pack=pack,
        kind=entry["kind"],
        severity=Severity.parse(entry["severity"]),
        summary=entry["summary"],
        message=entry["message"],
        suggestion=entry.get("suggestion"),
        rationale=entry.get("rationale", ""),
        enabled=entry.get("enabled", True),
        options=dict(entry.get("options", {})),
        fail=tuple(_examples(examples.get("fail", ()))),
        passes=tuple(_examples(examples.get("pass", ()))),
        source=path,
    )


def _examples(items: Iterable[Any]) -> Iterable[Example]:
    for item in items:
        if isinstance(item, str):
            yield Example(item)
        else:
            yield Example(
                item["text"],
                item.get("path", "example.md"),
                item.get("line"),
                item.get("column"),
                item.get("count"),
            )


def _check_unique_names(rules: Iterable[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        other = seen.get(rule.name)
        if other is not None:
            raise PackError(
                f"{rule.source}: rule {rule.code}: the name {rule.name!r} is already used by "
                f"{other.code} ({other.source})"
            )
        seen[rule.name] = rule
