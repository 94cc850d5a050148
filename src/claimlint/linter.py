"""lint(document, plan) -> diagnostics: run the active rules, then apply suppressions."""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from claimlint import selectors, suppress
from claimlint.config import ConfigError
from claimlint.diagnostics import Diagnostic, Severity
from claimlint.document import Document
from claimlint.kinds import KINDS, Context, Hit
from claimlint.packs import PackError, RuleSet
from claimlint.patterns import PatternError, Prefilter
from claimlint.rule import Rule, fill
from claimlint.settings import Settings


class SentenceGate:
    """Which paragraphs the active rules need sentences of: those in which one of their
    triggers (Kind.triggers) can match. Built on first use, because the claim kind's
    triggers come from spaCy's tokens, and a run whose files all come from the cache must
    not load spaCy."""

    def __init__(self, active: Sequence[tuple[Rule, Any]], settings: Settings) -> None:
        self._active = tuple(active)
        self._settings = settings

    @cached_property
    def prefilter(self) -> Prefilter:
        return Prefilter(
            (rule.code, triggers(rule, prepared, self._settings))
            for rule, prepared in self._active
            if (triggers := KINDS[rule.kind].triggers) is not None
        )

    def which(self, text: str) -> set[str]:
        return self.prefilter.which(text)


@dataclass(frozen=True)
class Plan:
    """The rules that run under one configuration, with their options merged and prepared."""

    active: tuple[tuple[Rule, Any], ...]
    ruleset: RuleSet
    settings: Settings
    enabled: frozenset[str]
    today: dt.date
    require_reason: bool = False
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    extra_keys: tuple[str, ...] = ()
    # Shared by the plans without() makes: the triggers of more rules than run still only
    # ever skip paragraphs in which none of them can match.
    gate: SentenceGate | None = None

    def rule(self, code: str) -> Rule:
        for rule, _ in self.active:
            if rule.code == code:
                return rule
        return self.ruleset.by_code()[code]

    def known(self, selector: str) -> bool:
        return any(selectors.matches(selector, r.code, r.name) for r in self.ruleset.rules)

    def selector_enabled(self, selector: str) -> bool:
        return any(selectors.matches(selector, r.code, r.name) for r, _ in self.active)

    def without(self, ignored: Sequence[str]) -> Plan:
        if not ignored:
            return self
        active = tuple(
            (rule, prepared)
            for rule, prepared in self.active
            if not any(selectors.matches(s, rule.code, rule.name) for s in ignored)
        )
        return replace(self, active=active, enabled=frozenset(rule.code for rule, _ in active))


def build_plan(
    ruleset: RuleSet,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, str] | None = None,
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    today: dt.date | None = None,
    require_reason: bool = False,
    aliases: Mapping[str, Sequence[str]] | None = None,
    extra_keys: Sequence[str] = (),
) -> Plan:
    """Resolve selection, merge options and severities, and prepare each active rule.

    Raises PackError when a rule's options do not compile (the message names the rule).
    """
    pairs = [(rule.code, rule.name) for rule in ruleset.rules]
    named_anywhere = [
        *(select or ()),
        *extend_select,
        *ignore,
        *(severity or {}),
        *(rule_options or {}),
    ]
    unknown = selectors.unknown(named_anywhere, pairs)
    if unknown:
        raise ConfigError(
            f"unknown rule selector{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)} "
            "(name rules by code, name or code prefix; see 'claimlint rules')"
        )
    enabled = selectors.resolve(select, extend_select, ignore, pairs)
    named = list(select or ()) + list(extend_select)
    settings = Settings(ruleset.settings)
    active = []
    for rule in ruleset.rules:
        if rule.code not in enabled:
            continue
        if not rule.enabled and not any(s in (rule.code, rule.name) for s in named):
            continue
        rule = _configured(rule, severity or {}, rule_options or {})
        kind = KINDS.get(rule.kind)
        if kind is None:
            known = ", ".join(sorted(KINDS))
            raise PackError(
                f"{rule.source}: rule {rule.code}: unknown kind {rule.kind!r} (known: {known})"
            )
        try:
            prepared = kind.prepare(rule, settings)
        except PatternError as error:
            raise PackError(f"{rule.source}: rule {rule.code}: {error}") from None
        active.append((rule, prepared))
    try:
        for key in ruleset.settings:
            settings.pattern(key) if key.endswith("-patterns") else None
    except PatternError as error:
        raise PackError(f"pack settings: {error}") from None
    return Plan(
        active=tuple(active),
        ruleset=ruleset,
        settings=settings,
        enabled=frozenset(rule.code for rule, _ in active),
        today=today or dt.date.today(),
        require_reason=require_reason,
        aliases={k: tuple(v) for k, v in (aliases or {}).items()},
        extra_keys=tuple(extra_keys),
        gate=SentenceGate(active, settings),
    )


def _configured(
    rule: Rule, severity: Mapping[str, str], options: Mapping[str, Mapping[str, Any]]
) -> Rule:
    """Apply config severity overrides and rule options; the most specific selector wins."""

    def specificity(selector: str) -> int:
        return selectors.specificity(selector, rule.code, rule.name) or 0

    matched = sorted(
        (s for s in severity if selectors.matches(s, rule.code, rule.name)), key=specificity
    )
    if matched:
        rule = replace(rule, severity=Severity.parse(severity[matched[-1]]))
    merged = dict(rule.options)
    for selector in sorted(
        (s for s in options if selectors.matches(s, rule.code, rule.name)), key=specificity
    ):
        merged.update(options[selector])
    return replace(rule, options=merged) if merged != rule.options else rule


def lint(
    document: Document, plan: Plan, *, inline_suppressions: bool = True, debug: bool = False
) -> list[Diagnostic]:
    context = Context(document, plan.settings, plan.today, plan.gate)
    found: list[Diagnostic] = []
    for rule, prepared in plan.active:
        try:
            hits = list(KINDS[rule.kind].check(context, rule, prepared))
        except Exception as error:  # a bug in one rule must not hide the others' findings
            if debug:
                traceback.print_exc()
            found.append(
                engine_diagnostic(
                    plan,
                    document,
                    "CL002",
                    rule=rule.code,
                    problem=f"{type(error).__name__}: {error}",
                )
            )
            continue
        found.extend(to_diagnostic(document, rule, hit) for hit in hits)
    if inline_suppressions:
        found = _suppressed(document, plan, found)
    return sorted(found, key=Diagnostic.sort_key)


def to_diagnostic(document: Document, rule: Rule, hit: Hit) -> Diagnostic:
    line, column = document.position(hit.start)
    if hit.end > hit.start:
        end_line, end_column = document.position(hit.end)
    else:
        end_line, end_column = line, column
    source_line = document.lines.line_text(line) if hit.end > hit.start or hit.start > 0 else ""
    return Diagnostic(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=fill(rule.message, hit.values),
        suggestion=fill(rule.suggestion, hit.values) if rule.suggestion else None,
        pack=rule.pack,
        text=str(hit.values.get("text", "")),
        context=hit.context,
        source_line=source_line,
    )


def engine_diagnostic(
    plan: Plan,
    document: Document | None,
    code: str,
    *,
    path: str = "",
    line: int = 1,
    column: int = 1,
    flagged: str = "",
    **values: object,
) -> Diagnostic:
    """A finding of the engine itself (CL001-CL004); ``flagged`` is the text it points at."""
    rule = plan.ruleset.by_code()[code]
    source = document.lines.line_text(line) if document is not None and flagged else ""
    width = len(flagged.splitlines()[0]) if flagged else 0
    return Diagnostic(
        path=document.path if document is not None else path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + width,
        code=code,
        name=rule.name,
        severity=rule.severity,
        message=fill(rule.message, values),
        suggestion=fill(rule.suggestion, values) if rule.suggestion else None,
        pack=rule.pack,
        text=flagged,
        source_line=source,
    )


def _suppressed(document: Document, plan: Plan, found: Iterable[Diagnostic]) -> list[Diagnostic]:
    directives = suppress.parse(document)
    if not directives:
        return list(found)
    kept = [
        d
        for d in found
        if d.code == "CL002"
        or not suppress.is_suppressed(directives, d.code, d.name, d.line, selectors.matches)
    ]
    for code, directive, detail in suppress.problems(
        directives, plan.known, plan.selector_enabled, plan.require_reason
    ):
        if code not in plan.enabled:
            continue
        line_text = document.lines.line_text(directive.line)[directive.column - 1 :]
        flagged = line_text.split("-->", 1)[0] + "-->" if "-->" in line_text else line_text
        if directive.action == "front-matter":
            flagged = ""
        kept.append(
            engine_diagnostic(
                plan,
                document,
                code,
                line=directive.line,
                column=directive.column,
                flagged=flagged,
                text=detail,
            )
        )
    return kept
