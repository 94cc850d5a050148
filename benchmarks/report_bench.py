"""`claimlint report` against `claimlint check` on the same generated articles.

    python benchmarks/report_bench.py [--counts 1000,2000] [--jobs 2] [--repeat 2]

For each count, makes a corpus with make_corpus.py and runs, with an empty cache,

    claimlint check  DIR --jobs J --no-cache --format json -o check.json --exit-zero
    claimlint report DIR --jobs J --no-cache -q --html r.html --json r.json --csv r.csv

(`report` writing every output file, the most it does), and `report -q --markdown s.md`
(the summary only, which keeps no finding). It prints the best wall time of ``--repeat``
runs of each, the ratio of report to check, and the peak memory of the whole process tree
(the command and its workers: the largest sum of their resident set sizes, sampled every
20 ms from /proc). Workers send back findings only, never documents, so the summary's
memory stays flat as the count grows; the output files that list every finding hold them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus

CLAIMLINT = [sys.executable, "-m", "claimlint"]


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        pid = int(status.parent.name)
        children.setdefault(int(fields["PPid"]), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(command: Sequence[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak process-tree RSS of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return elapsed, peak


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1000,2000", help="corpus sizes (default 1000,2000)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    jobs = ["--jobs", str(args.jobs), "--no-cache"]
    print(
        "| articles | check | report | report / check | peak RSS: check | report "
        "| report, summary only |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count in (int(c) for c in args.counts.split(",")):
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            make_corpus(folder / "articles", count)
            check = [*CLAIMLINT, "check", "articles", *jobs, "--format", "json", "-o",
                     "check.json", "--exit-zero"]  # fmt: skip
            report = [*CLAIMLINT, "report", "articles", *jobs, "-q", "--html", "r.html",
                      "--json", "r.json", "--csv", "r.csv"]  # fmt: skip
            summary = [*CLAIMLINT, "report", "articles", *jobs, "-q", "--markdown", "s.md"]
            runs: dict[str, list[tuple[float, int]]] = {"check": [], "report": [], "summary": []}
            for _ in range(args.repeat):  # alternate, so all see the same machine load
                runs["check"].append(measure(check, folder))
                runs["report"].append(measure(report, folder))
                runs["summary"].append(measure(summary, folder))
            best = {name: min(t for t, _ in r) for name, r in runs.items()}
            peak = {name: max(m for _, m in r) for name, r in runs.items()}
            print(
                f"| {count:,} | {best['check']:.2f} s | {best['report']:.2f} s | "
                f"{best['report'] / best['check']:.2f}× | {peak['check'] / 2**20:.0f} MB | "
                f"{peak['report'] / 2**20:.0f} MB | {peak['summary'] / 2**20:.0f} MB |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
