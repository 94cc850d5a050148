"""FileReports -> Report: counters and small rows, filled as results stream in.

A Tally keeps, per file, one small row; per rule, pack, severity, author and category, a
few counts; and the findings themselves only when an output file needs them. Nothing of a
document is kept. ``finish()`` turns it into a Report, which every renderer reads.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimlint.diagnostics import Severity
from claimlint.report.model import Facts, FileReport, Finding
from claimlint.report.score import score

TOP_FILES = 10
NO_VALUE = "(none)"  # the group of articles without an author, or without a category
AGE_BUCKETS = (  # (label, articles younger than this many days; None: no upper bound)
    ("under 1 year", 365),
    ("1–2 years", 730),
    ("2–3 years", 1095),
    ("3–5 years", 1826),
    ("5 years or more", None),
)
NO_DATE = "no date"


@dataclass(frozen=True, slots=True)
class FileRow:
    path: str
    readable: bool
    errors: int
    warnings: int
    infos: int
    score: int
    stale: bool  # CL104 flagged it
    facts: Facts | None
    problem: str = ""  # CL001's message, for an unreadable file

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass(frozen=True)
class RuleRow:
    code: str
    name: str
    pack: str
    severity: Severity
    findings: int
    files: int


@dataclass(frozen=True)
class GroupRow:
    """Articles sharing an author (or a category); an article with two authors counts
    in both groups."""

    name: str
    articles: int
    errors: int
    warnings: int
    infos: int
    stale: int
    mean_score: float

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass(frozen=True)
class Coverage:
    """How many of ``total`` readable articles have ``field``; ``total`` is 0 when the
    report cannot tell (the disclaimer rule CL201 ran on no file)."""

    field: str
    present: int
    total: int

    @property
    def share(self) -> float | None:
        return self.present / self.total if self.total else None


@dataclass(frozen=True)
class Report:
    roots: tuple[str, ...]
    today: dt.date
    files: tuple[FileRow, ...]  # in the order of the walk (sorted per folder)
    findings: tuple[Finding, ...]  # sorted by path, line, column, code; () when not kept
    by_severity: dict[Severity, int]
    by_pack: tuple[tuple[str, int], ...]
    by_rule: tuple[RuleRow, ...]
    coverage: tuple[Coverage, ...]
    authors: tuple[GroupRow, ...]  # () when no article names an author
    categories: tuple[GroupRow, ...]  # () when no article names a category

    @property
    def checked(self) -> int:
        return len(self.files)

    @property
    def clean(self) -> int:
        return sum(1 for row in self.files if row.readable and row.findings == 0)

    @property
    def unreadable(self) -> tuple[FileRow, ...]:
        return tuple(row for row in self.files if not row.readable)

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def mean_score(self) -> float | None:
        return sum(r.score for r in self.files) / len(self.files) if self.files else None

    def worst(self, count: int = TOP_FILES) -> tuple[FileRow, ...]:
        """The files most in need of work: lowest score, then most errors, most findings."""
        needy = [row for row in self.files if row.findings]
        needy.sort(key=lambda r: (r.score, -r.errors, -r.findings, r.path))
        return tuple(needy[:count])

    @property
    def stale(self) -> tuple[FileRow, ...]:
        """Articles CL104 flagged, oldest first."""
        rows = [row for row in self.files if row.stale]
        rows.sort(key=lambda r: (-(r.facts.age_days or 0) if r.facts else 0, r.path))
        return tuple(rows)

    def ages(self) -> tuple[tuple[str, int], ...]:
        """Readable articles per age of their newest date (`updated` or `date`)."""
        counts = dict.fromkeys([label for label, _ in AGE_BUCKETS] + [NO_DATE], 0)
        for row in self.files:
            if row.facts is None:
                continue
            counts[age_bucket(row.facts.age_days)] += 1
        return tuple(counts.items())

    def score_bins(self) -> tuple[tuple[str, int], ...]:
        """Files per score band: 0–9, 10–19, … 90–99, and 100."""
        counts = Counter(min(row.score // 10, 10) for row in self.files)
        labels = [f"{10 * b}–{10 * b + 9}" for b in range(10)] + ["100"]
        return tuple((label, counts[band]) for band, label in enumerate(labels))


def age_bucket(age_days: int | None) -> str:
    if age_days is None:
        return NO_DATE
    for label, limit in AGE_BUCKETS:
        if limit is None or age_days < limit:
            return label
    raise AssertionError("the last bucket has no limit")


@dataclass
class _Group:
    articles: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    stale: int = 0
    scores: int = 0


@dataclass
class Tally:
    """Add FileReports as they come; ``keep_findings`` keeps each finding for the files
    that list them (HTML, JSON, CSV)."""

    keep_findings: bool = True
    files: list[FileRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    severities: Counter[Severity] = field(default_factory=Counter)
    packs: Counter[str] = field(default_factory=Counter)
    rule_findings: Counter[str] = field(default_factory=Counter)
    rule_files: Counter[str] = field(default_factory=Counter)
    rules: dict[str, Finding] = field(default_factory=dict)  # the first finding of each rule
    present: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    authors: dict[str, _Group] = field(default_factory=dict)
    categories: dict[str, _Group] = field(default_factory=dict)

    def add(self, report: FileReport) -> FileRow:
        severities = Counter(f.severity for f in report.findings)
        codes = Counter(f.code for f in report.findings)
        for finding in report.findings:
            self.rules.setdefault(finding.code, finding)
            self.packs[finding.pack] += 1
        self.severities.update(severities)
        self.rule_findings.update(codes)
        self.rule_files.update(codes.keys())
        if self.keep_findings:
            self.findings.extend(report.findings)
        errors, warnings, infos = (
            severities[s] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        row = FileRow(
            path=report.path,
            readable=report.readable,
            errors=errors,
            warnings=warnings,
            infos=infos,
            score=score(errors, warnings, infos),
            stale="CL104" in codes,
            facts=report.facts,
            problem=next((f.message for f in report.findings if f.code == "CL001"), ""),
        )
        self.files.append(row)
        if report.facts is not None:
            self._count_metadata(row, report.facts, "CL201" in codes)
        return row

    def _count_metadata(self, row: FileRow, facts: Facts, flagged_disclaimer: bool) -> None:
        for name, present in (
            ("author", facts.has_author),
            ("date", facts.has_date),
            ("slug", facts.has_slug),
            ("references", facts.has_reference_list),
        ):
            self.totals[name] += 1
            self.present[name] += present
        if facts.checks_disclaimer:
            self.totals["disclaimer"] += 1
            self.present["disclaimer"] += not flagged_disclaimer
        for groups, names in ((self.authors, facts.authors), (self.categories, facts.categories)):
            for name in names or (NO_VALUE,):
                group = groups.setdefault(name, _Group())
                group.articles += 1
                group.errors += row.errors
                group.warnings += row.warnings
                group.infos += row.infos
                group.stale += row.stale
                group.scores += row.score

    def finish(self, roots: Sequence[str], today: dt.date) -> Report:
        by_rule = [
            RuleRow(
                code,
                self.rules[code].name,
                self.rules[code].pack,
                self.rules[code].severity,
                count,
                self.rule_files[code],
            )
            for code, count in self.rule_findings.items()
        ]
        by_rule.sort(key=lambda r: (-r.findings, r.code))
        return Report(
            roots=tuple(roots),
            today=today,
            files=tuple(self.files),
            findings=tuple(sorted(self.findings, key=_finding_order)),
            by_severity={s: self.severities[s] for s in sorted(Severity, reverse=True)},
            by_pack=tuple(sorted(self.packs.items(), key=lambda item: (-item[1], item[0]))),
            by_rule=tuple(by_rule),
            coverage=tuple(
                Coverage(name, self.present[name], self.totals[name])
                for name in ("author", "date", "slug", "disclaimer", "references")
            ),
            authors=_groups(self.authors),
            categories=_groups(self.categories),
        )


def _finding_order(f: Finding) -> tuple[str, int, int, str]:
    return (f.path, f.line, f.column, f.code)


def _groups(groups: dict[str, _Group]) -> tuple[GroupRow, ...]:
    if set(groups) <= {NO_VALUE}:
        return ()
    rows = [
        GroupRow(name, g.articles, g.errors, g.warnings, g.infos, g.stale, g.scores / g.articles)
        for name, g in groups.items()
    ]
    rows.sort(key=lambda r: (r.name == NO_VALUE, -r.articles, r.name.lower(), r.name))
    return tuple(rows)
