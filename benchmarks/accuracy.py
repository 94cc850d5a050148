"""Accuracy of claimlint on the hand-labelled corpus and on the sentence suite.

    python benchmarks/accuracy.py [--corpus ../shared/corpus] [--suite tests/claims]
                                  [--corpus-only | --suite-only] [--show-errors] [--check]

Two tables of true positives, false positives, misses, precision, recall and F1:

- the corpus (../shared/corpus, scoring rules in its README.md): per code, per pack and
  overall. Skipped, with a note, when the corpus folder is absent;
- the sentence suite (tests/claims/*.yaml, format in tests/claims/README.md): per scored
  code (CL301-CL304, CL402), for the claims codes CL301-CL304 together, and overall. Each
  case's text is linted alone; its ``either`` codes are not counted for it. A malformed
  case is not counted either (tests/test_claims_suite.py names what is wrong with it).

--show-errors lists each false positive and miss under its table.

--check exits 1 when a corpus target is missed: every pack precision >= 0.90 and recall
>= 0.85, overall F1 >= 0.90; a missing corpus counts as a miss. The suite has no targets
(tests/test_claims_suite.py holds every case to its labels), so --check cannot be combined
with --suite-only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from claimlint.api import lint_paths, lint_text
from claimlint.diagnostics import Diagnostic

# The suite's loader is tests/claims_suite.py, imported as under `python -m pytest`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.claims_suite import CLAIMS, SCORED, SUITE, load_cases

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 22)  # the corpus README judges dates (CL104) as of this day
PACKS = {"1": "metadata", "2": "disclaimer", "3": "claims", "4": "statistics", "5": "references"}
PRECISION_TARGET, RECALL_TARGET, F1_TARGET = 0.90, 0.85, 0.90


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _matches(diagnostic: Diagnostic, label: dict[str, object]) -> bool:
    if diagnostic.code != label["code"] or abs(diagnostic.line - int(str(label["line"]))) > 2:
        return False
    field = label.get("field")
    return label["code"] != "CL101" or field is None or f"'{field}'" in diagnostic.message


def score_file(
    diagnostics: list[Diagnostic], labels: dict[str, object], errors: list[str]
) -> dict[str, Tally]:
    scored = set(cast(list[str], labels["labeled"]))
    findings = list(cast(list[dict[str, object]], labels["findings"]))
    tallies: dict[str, Tally] = defaultdict(Tally)
    used: set[int] = set()
    for diagnostic in diagnostics:
        if diagnostic.code not in scored:
            continue
        candidates = [
            (abs(diagnostic.line - int(str(label["line"]))), i)
            for i, label in enumerate(findings)
            if i not in used and _matches(diagnostic, label)
        ]
        match = min(candidates)[1] if candidates else None
        if match is None:
            tallies[diagnostic.code].fp += 1
            errors.append(
                f"FP {labels['file']}:{diagnostic.line}: {diagnostic.code} {diagnostic.message}"
            )
            continue
        used.add(match)
        if findings[match]["status"] == "required":
            tallies[diagnostic.code].tp += 1
    for i, label in enumerate(findings):
        if i not in used and label["status"] == "required" and label["code"] in scored:
            tallies[str(label["code"])].fn += 1
            errors.append(
                f"FN {labels['file']}:{label['line']}: {label['code']} {label.get('text', label.get('field', ''))}"
            )
    return tallies


def run(corpus: Path) -> tuple[dict[str, Tally], list[str]]:
    totals: dict[str, Tally] = defaultdict(Tally)
    errors: list[str] = []
    for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        labels = json.loads(line)
        name = labels["file"]
        path = corpus.parent / name if name.startswith("seeds/") else corpus / "articles" / name
        diagnostics = lint_paths([path], config={}, today=AS_OF)
        for code, tally in score_file(diagnostics, labels, errors).items():
            totals[code].add(tally)
    return totals, errors


HEADER = [
    "| scope | TP | FP | FN | precision | recall | F1 |",
    "|---|---:|---:|---:|---:|---:|---:|",
]


def row(name: str, t: Tally) -> str:
    return (
        f"| {name} | {t.tp} | {t.fp} | {t.fn} | {t.precision:.2f} | {t.recall:.2f} | {t.f1:.2f} |"
    )


def table(totals: dict[str, Tally]) -> tuple[str, bool]:
    rows = list(HEADER)
    ok = True
    packs: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    for code in sorted(totals):
        rows.append(row(code, totals[code]))
        packs[PACKS.get(code[2], "engine")].add(totals[code])
        overall.add(totals[code])
    for pack in PACKS.values():
        tally = packs.get(pack, Tally())
        rows.append(row(f"**{pack}**", tally))
        ok &= tally.precision >= PRECISION_TARGET and tally.recall >= RECALL_TARGET
    rows.append(row("**overall**", overall))
    ok &= overall.f1 >= F1_TARGET
    return "\n".join(rows), ok


def run_suite(folder: Path) -> tuple[dict[str, Tally], int, list[str], list[str]]:
    """Tallies per scored code, the number of cases scored, the errors (each false
    positive and miss) and the malformed cases, which are not scored."""
    totals = {code: Tally() for code in sorted(SCORED)}
    scored, errors, malformed = 0, [], []
    for case in load_cases(folder):
        if case.problems:
            malformed.append(f"{case.id}: {'; '.join(case.problems)}")
            continue
        scored += 1
        diagnostics = lint_text(case.text, path="article.md", config={}, today=AS_OF)
        reported = {d.code for d in diagnostics}
        for code in sorted(SCORED - case.either):
            wanted, found = code in case.fire, code in reported
            if wanted and found:
                totals[code].tp += 1
            elif wanted:
                totals[code].fn += 1
                errors.append(f"FN {case.id}: {code} {case.text}")
            elif found:
                totals[code].fp += 1
                errors.append(f"FP {case.id}: {code} {case.text}")
    return totals, scored, errors, malformed


def suite_table(totals: dict[str, Tally]) -> str:
    rows = list(HEADER)
    claims, overall = Tally(), Tally()
    for code, tally in sorted(totals.items()):
        rows.append(row(code, tally))
        overall.add(tally)
        if code in CLAIMS:
            claims.add(tally)
    rows.append(row(f"**claims** ({CLAIMS[0]}-{CLAIMS[-1]})", claims))
    rows.append(row("**overall**", overall))
    return "\n".join(rows)


def _shown(path: Path) -> str:
    """``path`` relative to the repository root when that is shorter, as in the docs."""
    relative = os.path.relpath(path.resolve(), ROOT)
    return relative if len(relative) < len(str(path)) else str(path)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--suite", type=Path, default=SUITE, help="folder of the suite's *.yaml")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--corpus-only", action="store_true", help="score the corpus alone")
    only.add_argument("--suite-only", action="store_true", help="score the sentence suite alone")
    parser.add_argument(
        "--show-errors", action="store_true", help="list each false positive and miss"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a corpus target is missed"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.check and args.suite_only:
        parser.error("--check judges the corpus targets; the suite has none (drop --suite-only)")
    ok = True
    if not args.suite_only:
        ok = corpus_report(args.corpus, args.show_errors)
    if not args.corpus_only:
        if not args.suite_only:
            print()
        suite_report(args.suite, args.show_errors)
    return 0 if ok or not args.check else 1


def corpus_report(corpus: Path, show_errors: bool) -> bool:
    """Print the corpus table; True when every target is met."""
    if not (corpus / "labels.jsonl").is_file():
        print(f"Corpus ({_shown(corpus)}): not found, so not scored")
        print("\ntargets: not checked (no corpus)")
        return False
    print(f"Corpus ({_shown(corpus)})\n")
    totals, errors = run(corpus)
    text, ok = table(totals)
    print(text)
    print(
        f"\ntargets (every pack P >= {PRECISION_TARGET}, R >= {RECALL_TARGET}; overall F1 >= {F1_TARGET}): "
        f"{'met' if ok else 'MISSED'}"
    )
    if show_errors and errors:
        print("\n" + "\n".join(errors))
    return ok


def suite_report(folder: Path, show_errors: bool) -> None:
    totals, scored, errors, malformed = run_suite(folder)
    title = f"Sentence suite ({_shown(folder)})"
    if not scored:
        print(f"{title}: no cases" + (f" ({len(malformed)} malformed)" if malformed else ""))
    else:
        print(f"{title}: {scored} cases\n")
        print(suite_table(totals))
    if malformed:
        print(f"\n{len(malformed)} malformed cases not scored (tests/test_claims_suite.py):")
        print("\n".join(malformed))
    if show_errors and errors:
        print("\n" + "\n".join(errors))


if __name__ == "__main__":
    sys.exit(main())
