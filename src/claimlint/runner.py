"""A lint session: config per file, a prepared plan per config, files -> diagnostics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.cache import Cache, file_key, is_cache, plan_key
from claimlint.config import Config, default_config, find_config, load_config, merge_cli
from claimlint.diagnostics import Diagnostic
from claimlint.document import DecodeError, Document, decode, parse_document
from claimlint.files import discover
from claimlint.linter import Plan, build_plan, engine_diagnostic, lint
from claimlint.packs import RuleSet, load_rules, pack_files
from claimlint.reading import ReadError, read_bytes


@dataclass(frozen=True)
class Overrides:
    """What the command line (or an API caller) sets over the config files."""

    config: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    inline_suppressions: bool = True
    debug: bool = False
    today: dt.date | None = None


@dataclass(frozen=True)
class FileResult:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    readable: bool = True


@dataclass
class Session:
    overrides: Overrides = field(default_factory=Overrides)
    base: Config | None = None  # a config given directly (API); else found per file
    cache: Cache | None = None  # results (and validated packs) kept between runs
    _configs: dict[Path, Config] = field(default_factory=dict)
    # Keyed by id() of a config that the cache itself keeps alive, so ids are never reused.
    _effective_configs: dict[int, tuple[Config, Config]] = field(default_factory=dict)
    _plans: dict[int, tuple[Config, Plan]] = field(default_factory=dict)
    _rulesets: dict[tuple[Path, ...], RuleSet] = field(default_factory=dict)
    _defaults: dict[Path, Config] = field(default_factory=dict)
    _folders: dict[Path, Config] = field(default_factory=dict)
    _folder_of: dict[Path, Path] = field(default_factory=dict)
    _plan_keys: dict[tuple[int, tuple[str, ...]], tuple[Config, str]] = field(default_factory=dict)

    def config_for(self, path: Path) -> Config:
        if self.base is not None:
            config = self.base
        elif self.overrides.config is not None:
            config = self._load(self.overrides.config)
        else:
            try:
                # Asked about each file several times (discovery, reading): one stat.
                folder = self._folder_of.get(path)
                if folder is None:
                    folder = self._folder_of[path] = path if path.is_dir() else path.parent
                # Once per folder: resolving a path costs a system call per component.
                if folder not in self._folders:
                    found = find_config(folder.resolve() if str(folder) else Path.cwd())
                    self._folders[folder] = self._load(found) if found else self._default()
            except OSError:
                # A path the system refuses (longer than PATH_MAX, ...): no config can be
                # found from it, and reading it will be CL001.
                return self._default()
            config = self._folders[folder]
        return config

    def _default(self) -> Config:
        # One object per working folder, so that its plan (cached by id) is built once.
        cwd = Path.cwd()
        if cwd not in self._defaults:
            self._defaults[cwd] = default_config(cwd)
        return self._defaults[cwd]

    def _load(self, path: Path) -> Config:
        key = path.resolve()
        if key not in self._configs:
            self._configs[key] = merge_cli(
                load_config(path),
                select=self.overrides.select,
                extend_select=self.overrides.extend_select,
                ignore=self.overrides.ignore,
                fail_on=self.overrides.fail_on,
            )
        return self._configs[key]

    def _effective(self, config: Config) -> Config:
        if config.path is not None and config.path.resolve() in self._configs:
            return config
        cached = self._effective_configs.get(id(config))
        if cached is not None:
            return cached[1]
        effective = merge_cli(
            config,
            select=self.overrides.select,
            extend_select=self.overrides.extend_select,
            ignore=self.overrides.ignore,
            fail_on=self.overrides.fail_on,
        )
        self._effective_configs[id(config)] = (config, effective)
        return effective

    def plan_for(self, config: Config) -> Plan:
        config = self._effective(config)
        cached = self._plans.get(id(config))
        if cached is None:
            packs = tuple(config.packs)
            if packs not in self._rulesets:
                self._rulesets[packs] = load_rules(packs, self.cache)
            plan = build_plan(
                self._rulesets[packs],
                select=config.select,
                extend_select=config.extend_select,
                ignore=config.ignore,
                severity=config.severity,
                rule_options=config.rule_options,
                today=self.overrides.today or config.today,
                require_reason=config.require_suppression_reason,
                aliases=config.aliases,
                extra_keys=config.extra_metadata_keys,
            )
            cached = self._plans[id(config)] = (config, plan)
        return cached[1]

    def files(self, roots: Sequence[Path]) -> Iterator[tuple[Path, str]]:
        """(path, problem) pairs for every file under the roots; problem is '' when readable."""
        cache = self.cache.root if self.cache is not None else None
        for found in discover(
            roots,
            lambda p: (
                self.config_for(p).is_excluded(p) or (cache is not None and is_cache(p, cache))
            ),
            lambda p: self.config_for(p).include,
        ):
            yield found.path, found.problem

    def lint_path(self, path: Path, problem: str = "") -> FileResult:
        loaded = self._load_file(path, problem)
        if isinstance(loaded, FileResult):
            return loaded
        config, data, key = loaded
        plan = self.plan_for(config).without(config.ignored_for(path))
        result = self.lint_bytes(data, str(path), config, plan)
        if key is not None and self.cache is not None and _cacheable(result):
            self.cache.put(key, result.diagnostics)
        return result

    def cached(self, path: Path, problem: str = "") -> FileResult | None:
        """The result when the file needs no linting (it is unreadable, or in the cache)."""
        loaded = self._load_file(path, problem)
        return loaded if isinstance(loaded, FileResult) else None

    def _load_file(self, path: Path, problem: str) -> FileResult | tuple[Config, bytes, str | None]:
        """The file's CL001 or cached result, else its config, bytes and cache key."""
        config = self.config_for(path)
        display = str(path)
        if not problem:
            try:
                data = read_bytes(path, config.max_file_bytes)
            except ReadError as error:
                problem = str(error)
        if problem:
            plan = self.plan_for(config).without(config.ignored_for(path))
            return FileResult(
                display,
                (engine_diagnostic(plan, None, "CL001", path=display, problem=problem),),
                False,
            )
        if self.cache is None:
            return config, data, None
        key = file_key(self._plan_key(config, path), display, data)
        hit = self.cache.get(key)
        return FileResult(display, hit) if hit is not None else (config, data, key)

    def _plan_key(self, config: Config, path: Path) -> str:
        """What a file's cache key shares with every file linted under the same plan."""
        effective = self._effective(config)
        ignored = config.ignored_for(path)
        memo = (id(effective), ignored)
        if memo not in self._plan_keys:
            key = plan_key(
                effective,
                ignored=ignored,
                today=self.overrides.today or effective.today or dt.date.today(),
                inline_suppressions=self.overrides.inline_suppressions,
                pack_files=pack_files(effective.packs),
            )
            self._plan_keys[memo] = (effective, key)
        return self._plan_keys[memo][1]

    def lint_bytes(
        self, data: bytes, display: str, config: Config, plan: Plan | None = None
    ) -> FileResult:
        plan = plan or self.plan_for(config).without(config.ignored_for(Path(display)))
        try:
            text = decode(data).text
        except DecodeError as error:
            return FileResult(
                display,
                (engine_diagnostic(plan, None, "CL001", path=display, problem=str(error)),),
                False,
            )
        return self.lint_decoded(text, display, plan)

    def lint_decoded(self, text: str, display: str, plan: Plan) -> FileResult:
        document = self.parse(text, display, plan)
        diagnostics = lint(
            document,
            plan,
            inline_suppressions=self.overrides.inline_suppressions,
            debug=self.overrides.debug,
        )
        return FileResult(display, tuple(diagnostics))

    def parse(self, text: str, display: str, plan: Plan) -> Document:
        """The document to lint (`claimlint report` also reads its metadata here)."""
        return parse_document(text, display, plan.aliases, plan.extra_keys)


def _cacheable(result: FileResult) -> bool:
    # An internal error (CL002) is never cached: the next run shows it again, and --debug
    # can then print its traceback.
    return result.readable and not any(d.code == "CL002" for d in result.diagnostics)
