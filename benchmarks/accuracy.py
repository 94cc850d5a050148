"""Accuracy of claimlint on the hand-labelled corpus: precision, recall and F1 per code,
per pack and overall (scoring rules in ../shared/corpus/README.md).

    python benchmarks/accuracy.py [--corpus ../shared/corpus] [--show-errors] [--check]

--check exits 1 when a target is missed: every pack precision >= 0.90 and recall >= 0.85,
overall F1 >= 0.90.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimlint.api import lint_paths
from claimlint.diagnostics import Diagnostic

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
    scored = set(labels["labeled"])  # type: ignore[arg-type]
    findings: list[dict[str, object]] = list(labels["findings"])  # type: ignore[arg-type]
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


def table(totals: dict[str, Tally]) -> tuple[str, bool]:
    rows = [
        "| scope | TP | FP | FN | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]

    def row(name: str, t: Tally) -> str:
        return f"| {name} | {t.tp} | {t.fp} | {t.fn} | {t.precision:.2f} | {t.recall:.2f} | {t.f1:.2f} |"

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


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--show-errors", action="store_true", help="list each false positive and miss"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(list(argv) if argv is not None else None)
    totals, errors = run(args.corpus)
    text, ok = table(totals)
    print(text)
    print(
        f"\ntargets (every pack P >= {PRECISION_TARGET}, R >= {RECALL_TARGET}; overall F1 >= {F1_TARGET}): "
        f"{'met' if ok else 'MISSED'}"
    )
    if args.show_errors:
        print("\n" + "\n".join(errors))
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
