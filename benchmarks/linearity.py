"""Time grows linearly with input size: each hostile input is linted at size n and 2n.

    python benchmarks/linearity.py [--check] [--scale 1.0] [--only NAME] [--repeat 3]
                                   [--large-only]

For every input shape (a huge paragraph, one 3.5 MB sentence dense with claim triggers,
100,000 lines, 10,000 citation markers, nested lists and quotes, mixed line breaks, other
encodings, brackets that tempt a backtracking regex, ...) the whole pipeline runs (decode,
parse, every rule of the default packs) on the input and on the input doubled, best of
--repeat runs each. A table shows the bytes, the times and their ratio: linear work
doubles (ratio near 2), quadratic work quadruples.

--check exits 1 when a ratio exceeds 3.0 (a margin for timer noise and cache effects on
small inputs; a quadratic path gives 4 or more). A ratio is not judged when the larger
run takes under 0.05 s (input answered early, such as CL001 or an unclosed comment):
timer noise dominates there, and no quadratic path stays that fast at these sizes.
--check also exits 1 when the larger run of a shape with an absolute limit (LIMITS: the
one sentence dense with claim triggers, 3.5 MB, in 20 s) takes longer than that; above
--scale 1 the limit grows in proportion to the size.

--scale multiplies every size (use 2 or 4 for a slower but steadier run, as a release
check; 0.01 for a quick smoke run). --only runs the shapes whose name contains NAME.
--large-only lints only the larger input of each shape (no ratio, absolute limits still
judged), so that one input is timed alone at its full size:

    python benchmarks/linearity.py --only "one sentence" --large-only --repeat 1 --check
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claimlint.config import default_config
from claimlint.runner import Overrides, Session

MAX_RATIO = 3.0
MIN_TIME = 0.05  # seconds: below this at the larger size, the ratio is noise
TODAY = dt.date(2026, 11, 22)

Make = Callable[[int], bytes]


def _text(make: Callable[[int], str], encoding: str = "utf-8") -> Make:
    return lambda n: make(n).encode(encoding)


SENTENCE = "Vitamin D may help bones, and about 40% of adults are low in it [1]. "
LINE = "A short line of ordinary prose about sleep and health.\n"

# Phrases full of the claim rules' trigger words (cure, guaranteed, completely safe, no side
# effects, proven, studies have shown, experts agree, never fails, 100% effective, ...),
# with no sentence-ending punctuation, so that any number of them is one sentence.
TRIGGER_SUBJECTS = (
    "this miracle cure",
    "this herbal tea",
    "the detox diet",
    "our natural remedy",
    "the new supplement",
)
TRIGGER_PHRASES = (
    "studies have shown {} is completely safe and guaranteed to work with no side effects "
    "and proven benefits, ",
    "but {} may not cure everyone and experts agree it never fails ",
    "and research proves {} cures arthritis permanently and reverses diabetes, ",
    "doctors recommend {} because it is 100% effective, risk free and clinically proven ",
    "while scientists confirm {} boosts immunity, detoxes the liver and prevents cancer, ",
    "so {} will heal you for good and it is totally safe for children ",
)


def one_sentence(n: int) -> str:
    """About n kB of trigger phrases in a deterministic random order: one paragraph that
    is one sentence (a single line, no '.', '!' or '?')."""
    size, parts, length = n * 1000, [], 0
    rng = random.Random(0)  # the same seed each time: make(2n) starts with make(n)
    while length < size:
        part = rng.choice(TRIGGER_PHRASES).format(rng.choice(TRIGGER_SUBJECTS))
        parts.append(part)
        length += len(part)
    return "".join(parts).rstrip(", ") + "\n"


ONE_SENTENCE = "one sentence dense with claim triggers (MB)"

# name -> (make(n) -> bytes, base n). The base n is chosen so that the larger run takes
# a fraction of a second to a few seconds on a 2-core machine.
INPUTS: dict[str, tuple[Make, int]] = {
    # 4 MB at the larger size, as one paragraph with no line break at all.
    "single paragraph (MB)": (_text(lambda n: "word " * (n * 200_000)), 2),
    # 3.5 MB at the larger size (n is in kB), one line and one sentence: the claim rules
    # see a single sentence of millions of characters full of their trigger words.
    ONE_SENTENCE: (_text(one_sentence), 1_750),
    "lines": (_text(lambda n: LINE * n), 50_000),
    "citation markers": (
        _text(lambda n: "Claim [1]. " * n + "\n\n## References\n\n1. Ref 2020. doi:10.1/x\n"),
        20_000,
    ),
    "markers, one line each": (
        _text(lambda n: "".join(f"Claim [{i}].\n" for i in range(n))),
        20_000,
    ),
    "footnote definitions": (
        _text(
            lambda n: "".join(f"Note [^{i}].\n\n[^{i}]: Source {i}, 2020.\n\n" for i in range(n))
        ),
        2_000,
    ),
    "sentences with statistics": (_text(lambda n: SENTENCE * n), 4_000),
    "nested lists": (
        _text(lambda n: "".join("  " * (i % 200) + "- item\n" for i in range(n))),
        10_000,
    ),
    "nested block quotes": (
        _text(lambda n: "".join("> " * (i % 200) + "quote\n" for i in range(n))),
        2_000,
    ),
    "deep quote, one line": (_text(lambda n: "> " * n + "text\n"), 50_000),
    "mixed CRLF/LF/CR": (_text(lambda n: "Line one.\r\nLine two.\nLine three.\r" * n), 20_000),
    "UTF-16 with BOM": (_text(lambda n: "\ufeff" + LINE * n, "utf-16-le"), 20_000),
    "UTF-16 without BOM": (_text(lambda n: LINE * n, "utf-16-le"), 20_000),
    "Latin-1": (_text(lambda n: "Café crème, très bien. Ça va.\n" * n, "latin-1"), 20_000),
    "invalid UTF-8 in the middle": (
        lambda n: (LINE * n).encode() + b"\xff\xfe\xc3" + (LINE * n).encode(),
        10_000,
    ),
    "NUL bytes": (lambda n: (LINE * n).encode() + b"\x00" + (LINE * n).encode(), 50_000),
    "RTL and CJK": (
        _text(lambda n: "مرحبا بالعالم. שלום עולם. 健康的生活方式很重要。\n" * n),
        20_000,
    ),
    "emoji and zero-width": (
        _text(lambda n: "Eat 🥦 daily\u200b\u200d\ufeff👩‍⚕️ ok.\n" * n),
        20_000,
    ),
    "open brackets": (_text(lambda n: "[" * n), 100_000),
    "open footnote refs": (_text(lambda n: "[^" * n), 50_000),
    "open links": (_text(lambda n: "[a](" * n), 50_000),
    "open code spans": (_text(lambda n: "`a" * n), 50_000),
    "open tags": (_text(lambda n: "<a " * n), 50_000),
    "open comments": (_text(lambda n: "<!--" * n), 50_000),
    "emphasis runs": (_text(lambda n: "*_" * n), 50_000),
    "sup markers": (_text(lambda n: "<sup>1</sup>" * n), 10_000),
    "long number lists": (_text(lambda n: "[" + "1," * n + "1]"), 20_000),
    "table cells": (_text(lambda n: "a|b\n-|-\n" + "x|" * n + "\n"), 50_000),
    "metadata lines": (_text(lambda n: "# T\n\n" + "**Author:** Jane\n\n" * n), 10_000),
    "setext underlines": (_text(lambda n: "a\n" + "=\n" * n), 20_000),
    "YAML front matter keys": (
        _text(lambda n: "---\n" + "".join(f"k{i}: v\n" for i in range(n)) + "---\nBody.\n"),
        5_000,
    ),
    "YAML flow nesting": (
        _text(lambda n: "---\na: " + "[" * n + "]" * n + "\n---\nBody.\n"),
        2_000,
    ),
}


# name -> seconds: an absolute limit on the larger run at --scale 1 (at a larger --scale,
# the limit grows in proportion), judged by --check on top of the ratio. The ratio alone
# misses work quadratic in a sentence's length at full size: spaCy reads a paragraph in
# pieces of claimlint.nlp.MAX_CHUNK (100,000) characters, so such work is quadratic only
# within a piece and the time of 1.75 MB and 3.5 MB (17 and 35 pieces) still doubles.
# Below one piece (--scale 0.02 or less) the ratio shows it.
LIMITS: dict[str, float] = {ONE_SENTENCE: 20.0}


def _lint(session: Session, data: bytes) -> int:
    assert session.base is not None
    return len(session.lint_bytes(data, "article.md", session.base).diagnostics)


def best_time(session: Session, data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        _lint(session, data)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 if a ratio > {MAX_RATIO} or a larger run exceeds its absolute limit",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input size")
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument(
        "--large-only",
        action="store_true",
        help="lint only the larger input of each shape: its time alone, no ratio",
    )
    args = parser.parse_args(argv)
    only = (args.only or "").lower()
    selected = [name for name in INPUTS if only in name.lower()]

    session = Session(Overrides(today=TODAY), base=default_config(Path.cwd()))
    _lint(session, b"Warm up the spaCy pipeline and the plan cache.\n")
    print(f"{'input':<44} {'bytes':>10} {'time':>8} {'bytes x2':>10} {'time x2':>8} {'ratio':>6}")
    superlinear, slow = [], []
    for name in selected:
        make, base = INPUTS[name]
        n = max(1, int(base * args.scale))
        large = make(2 * n)
        if args.large_only:
            t_large = best_time(session, large, args.repeat)
            shown, flag = f"{'':>10} {'':>8} {len(large):>10,} {t_large:>7.3f}s {'-':>6}", ""
        else:
            small = make(n)
            t_small = best_time(session, small, args.repeat)
            t_large = best_time(session, large, args.repeat)
            ratio = t_large / t_small if t_small > 0 else float("inf")
            shown = f"{len(small):>10,} {t_small:>7.3f}s {len(large):>10,} {t_large:>7.3f}s {ratio:>6.2f}"
            judged = t_large >= MIN_TIME
            flag = "" if judged else "  (too fast to judge)"
            if judged and ratio > MAX_RATIO:
                flag = "  <-- superlinear"
                superlinear.append(name)
        limit = LIMITS.get(name)
        if limit is not None:
            limit *= max(1.0, args.scale)
            if t_large > limit:
                flag += f"  <-- over the {limit:g} s limit"
                slow.append(f"{name} ({t_large:.1f} s > {limit:g} s)")
            else:
                flag += f"  (within the {limit:g} s limit)"
        print(f"{name:<44} {shown}{flag}", flush=True)
    if superlinear:
        print(f"superlinear: {', '.join(superlinear)}", file=sys.stderr)
    if slow:
        print(f"over the absolute limit: {', '.join(slow)}", file=sys.stderr)
    if superlinear or slow:
        return 1 if args.check else 0
    if not args.large_only:
        print("every ratio is within", MAX_RATIO)
    if any(name in LIMITS for name in selected):
        print("every absolute limit is met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
