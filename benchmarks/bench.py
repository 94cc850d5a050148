"""Speed of claimlint, side by side with a peer prose linter, in whole-process runs.

    python benchmarks/bench.py [--quick] [--repeat N] [--keep DIR] [--no-check]

Every figure is the median of N timed runs (3 by default) after one untimed warm-up run,
whose peak memory is sampled. Ratios compare runs made in this same invocation on this
same machine, so they hold where absolute times do not. Measured:

- throughput: ``claimlint check`` (all packs, empty cache, default output) of 2,000
  generated articles against ``proselint check`` of the same files; proselint (a peer
  linter from PyPI) is installed into its own virtual environment, benchmarks/.venv-peer;
- scaling: claimlint on 100, 500, 2,000 and 8,000 articles and on one 4 MB article, in
  one process (``--jobs 1``, so that the single big file and the folders are measured
  alike), as seconds per MB of input; start-up (the run on one short article) is
  subtracted, since it is paid once per run and not per MB;
- pre-commit: one changed 5 KB article (its content differs on every run, the cache
  folder is warm) against the floor ``python -c "import spacy; spacy.blank('en')"``;
- cache: the same 2,000-article run with every file unchanged against the cold run.

Peak memory is the largest sum of the proportional set sizes (PSS: shared pages split
between the processes that share them) over the process and all its workers, sampled every
50 ms; ru_maxrss (the largest single process) is shown beside it. Child processes run
without PYTHONDONTWRITEBYTECODE, as installed tools do, so that imports use bytecode.

--quick runs a small version (smaller corpus, one timed run) as a smoke test; its targets
are not checked. Without --no-check the exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import article, make_corpus, make_large_article

HERE = Path(__file__).resolve().parent
PEER_VENV = HERE / ".venv-peer"
PEER = "proselint==0.16.0"
FLOOR = "import spacy; spacy.blank('en')"

THROUGHPUT_MAX = 0.33  # claimlint / proselint wall time
MEMORY_MAX_MB = 400
LATENCY_MAX = 1.25  # one changed article / floor
CACHE_MAX = 0.10  # unchanged re-run / cold run
SCALING_MAX = 1.5  # largest / smallest time per MB


@dataclass(frozen=True)
class Run:
    seconds: float  # median wall time of the timed runs
    pss_mb: float  # peak summed PSS over the process tree, in the warm-up run
    maxrss_mb: float  # ru_maxrss of the largest process, in the warm-up run
    status: int


# --- running ---------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_once(command: Sequence[str], cwd: Path, sample: bool = False) -> Run:
    """One run: wall time, and with ``sample`` its memory (sampling costs a little time)."""
    peak = [0]
    done = threading.Event()
    with tempfile.TemporaryFile() as errors:  # not a pipe: a full pipe would stall the child
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=child_env(), stdout=subprocess.DEVNULL, stderr=errors
        )

        def watch() -> None:
            while not done.wait(0.05):
                tree = _descendants(process.pid)
                peak[0] = max(peak[0], sum(_pss_kb(pid) for pid in tree))

        watcher = threading.Thread(target=watch, daemon=True)
        if sample:
            watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        if sample:
            watcher.join()
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")
            raise SystemExit(f"bench: {' '.join(command)} failed ({code}):\n{message}")
    return Run(seconds, peak[0] / 1024, usage.ru_maxrss / 1024, code)


@dataclass(frozen=True)
class Job:
    command: Sequence[str]
    before: Callable[[], None] = lambda: None  # runs before every run of the command


def measure(jobs: dict[str, Job], cwd: Path, repeat: int) -> dict[str, Run]:
    """Each job once as a warm-up (memory sampled), then ``repeat`` rounds that run every
    job once, in order: interleaving keeps the ratios fair when the machine's speed drifts."""
    warm: dict[str, Run] = {}
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for round_ in range(repeat + 1):
        for name, job in jobs.items():
            job.before()
            run = run_once(job.command, cwd, sample=round_ == 0)
            if round_ == 0:
                warm[name] = run
            else:
                times[name].append(run.seconds)
    return {
        name: Run(statistics.median(times[name]), run.pss_mb, run.maxrss_mb, run.status)
        for name, run in warm.items()
    }


def claimlint_command() -> list[str]:
    script = Path(sys.executable).parent / "claimlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimlint"]


def peer_command() -> list[str]:
    """proselint in its own virtual environment, installed from PyPI on first use."""
    python = PEER_VENV / "bin" / "python"
    script = PEER_VENV / "bin" / "proselint"
    if not script.exists():
        print(f"bench: installing {PEER} into {PEER_VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", PEER],
            check=True,
            env={k: v for k, v in os.environ.items() if k != "PIP_REQUIRE_VIRTUALENV"},
        )
    return [str(script), "check"]


def megabytes(paths: Sequence[Path]) -> float:
    return sum(path.stat().st_size for path in paths) / 1e6


# --- the benchmark -------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    throughput: int
    scaling: tuple[int, ...]
    large_bytes: int
    repeat: int


FULL = Sizes(2000, (100, 500, 2000, 8000), 4 * 1024 * 1024, 3)
QUICK = Sizes(200, (50, 200), 512 * 1024, 1)


def five_kb_article() -> str:
    for index in range(1000):
        text = article(0, index)[2]
        if 4800 <= len(text.encode("utf-8")) <= 5300:
            return text
    raise SystemExit("bench: the corpus generator made no 5 KB article")


def bench(work: Path, sizes: Sizes, repeat: int) -> tuple[list[list[str]], list[list[str]], bool]:
    claimlint = claimlint_command()
    proselint = peer_command()
    cache = work / ".claimlint_cache"

    def empty_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    corpora: dict[int, list[Path]] = {}
    for count in sorted({sizes.throughput, *sizes.scaling}):
        corpora[count] = make_corpus(work / f"corpus-{count}", count)
    large = make_large_article(work / "large" / "large.md", sizes.large_bytes)
    n = sizes.throughput
    folder = f"corpus-{n}"
    mb = megabytes(corpora[n])
    print(f"bench: {n} articles, {mb:.1f} MB; {repeat} timed runs each", file=sys.stderr)

    whole = measure(
        {
            "cold": Job([*claimlint, "check", folder], empty_cache),
            "warm": Job([*claimlint, "check", folder]),  # right after a cold run
            "peer": Job([*proselint, folder]),
        },
        work,
        repeat,
    )
    cold, warm, peer = whole["cold"], whole["warm"], whole["peer"]

    changed = work / "pre-commit" / "changed.md"
    changed.parent.mkdir(parents=True, exist_ok=True)
    base_text, edits = five_kb_article(), [0]

    def edit() -> None:  # a different article on every run: the commit changed it
        edits[0] += 1
        changed.write_text(base_text + f"\nEdited for run {edits[0]}.\n", encoding="utf-8")

    latency = measure(
        {
            "floor": Job([sys.executable, "-c", FLOOR]),
            "hook": Job([*claimlint, "check", str(changed.relative_to(work))], edit),
        },
        work,
        max(repeat, 5),
    )
    floor, hook = latency["floor"], latency["hook"]

    # Scaling: one process, so the 4 MB file and the folders are measured alike.
    short = work / "short" / "short.md"
    short.parent.mkdir(parents=True, exist_ok=True)
    # The short article needs sentences (a statistic), so that its run loads spaCy's
    # pipeline, as every folder run does: start-up is what a run pays once.
    short.write_text("# Note\n\nAbout 40% of adults walk daily.\n", encoding="utf-8")
    single = [*claimlint, "check", "--jobs", "1", "--no-cache"]
    inputs = {f"{count:,} articles": (f"corpus-{count}", corpora[count]) for count in sizes.scaling}
    inputs[f"one {large.stat().st_size / 1e6:.1f} MB article"] = (
        str(large.relative_to(work)),
        [large],
    )
    runs = measure(
        {
            "start-up": Job([*single, str(short.relative_to(work))]),
            **{label: Job([*single, target]) for label, (target, _) in inputs.items()},
        },
        work,
        repeat,
    )
    startup = runs["start-up"]
    scaling = [(label, megabytes(files), runs[label]) for label, (_, files) in inputs.items()]

    per_mb = [(run.seconds - startup.seconds) / size for _, size, run in scaling]
    spread = max(per_mb) / min(per_mb)
    checks = [
        cold.seconds / peer.seconds <= THROUGHPUT_MAX,
        cold.pss_mb <= MEMORY_MAX_MB,
        hook.seconds / floor.seconds <= LATENCY_MAX,
        warm.seconds / cold.seconds <= CACHE_MAX,
        spread <= SCALING_MAX,
    ]
    mark = ["met" if ok else "**missed**" for ok in checks]
    summary = [
        [
            f"throughput: `check` of {n:,} articles ({mb:.1f} MB), all packs, empty cache",
            f"{cold.seconds:.2f} s",
            f"proselint {peer.seconds:.2f} s",
            f"{cold.seconds / peer.seconds:.2f}×",
            f"≤ {THROUGHPUT_MAX}×",
            mark[0],
        ],
        [
            f"peak memory of that run (PSS of all processes; largest process ru_maxrss {cold.maxrss_mb:.0f} MB)",
            f"{cold.pss_mb:.0f} MB",
            f"proselint {peer.pss_mb:.0f} MB",
            "",
            f"≤ {MEMORY_MAX_MB} MB",
            mark[1],
        ],
        [
            "pre-commit: one changed 5 KB article, whole process",
            f"{hook.seconds:.2f} s",
            f"floor {floor.seconds:.2f} s",
            f"{hook.seconds / floor.seconds:.2f}×",
            f"≤ {LATENCY_MAX}×",
            mark[2],
        ],
        [
            f"cache: re-run over {n:,} unchanged articles",
            f"{warm.seconds:.2f} s",
            f"cold {cold.seconds:.2f} s",
            f"{warm.seconds / cold.seconds:.3f}×",
            f"≤ {CACHE_MAX}×",
            mark[3],
        ],
        [
            "scaling: largest / smallest time per MB (table below)",
            "",
            "",
            f"{spread:.2f}×",
            f"≤ {SCALING_MAX}×",
            mark[4],
        ],
    ]
    rows = [
        [
            label,
            f"{size:.2f}",
            f"{run.seconds:.2f} s",
            f"{(run.seconds - startup.seconds) / size:.3f} s",
            f"{run.seconds / size:.3f} s",
            f"{run.pss_mb:.0f} MB",
        ]
        for (label, size, run), _ in zip(scaling, per_mb, strict=True)
    ]
    rows.append(["start-up (one short article)", "", f"{startup.seconds:.2f} s", "", "", ""])
    return summary, rows, all(checks)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    align = ["---" if i == 0 else "---:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument("--repeat", type=int, help="timed runs per measure (default 3; quick 1)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--no-check", action="store_true", help="exit 0 even if a target is missed")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    repeat = args.repeat or sizes.repeat
    work = args.keep or Path(tempfile.mkdtemp(prefix="claimlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        summary, rows, met = bench(work.resolve(), sizes, repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"claimlint benchmark{' (quick: targets not checked)' if args.quick else ''}, "
        f"{os.cpu_count()} processors, Python {sys.version.split()[0]}\n"
    )
    print(table(["measure", "claimlint", "reference", "ratio", "target", ""], summary))
    print()
    print(
        table(
            [
                "scaling (one process)",
                "MB",
                "wall",
                "s per MB after start-up",
                "s per MB",
                "peak PSS",
            ],
            rows,
        )
    )
    if args.quick or args.no_check:
        return 0
    print("\nall targets met" if met else "\nsome targets missed")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
