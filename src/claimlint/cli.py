"""The command line: main(argv) -> int; one run_<command>() per subcommand."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from claimlint import __version__, baseline, gitdiff
from claimlint.baseline import BaselineError
from claimlint.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from claimlint.cache import Cache
from claimlint.config import ConfigError, find_config, load_config
from claimlint.diagnostics import Diagnostic, Severity
from claimlint.gitdiff import Changes, GitError
from claimlint.packs import PackError, RuleSet, ValidationMemo, load_rules
from claimlint.parallel import WorkerError, lint_files
from claimlint.patterns import PatternError
from claimlint.report.outputs import OutputError
from claimlint.runner import FileResult, Overrides, Session

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
COMMANDS = ("check", "report", "rules", "rule", "clean", "-h", "--help", "--version")


class UsageError(Exception):
    pass


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    from claimlint.formatters import FORMATTERS

    parser = argparse.ArgumentParser(
        prog="claimlint",
        description="A content-quality and claim-checking linter for health writing.",
    )
    parser.add_argument("--version", action="version", version=f"claimlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint files and folders (the default command)")
    check.add_argument(
        "paths", nargs="*", type=Path, help="files or folders ('-' reads stdin); default '.'"
    )
    check.add_argument("--config", type=Path, help="use this config file for every file")
    check.add_argument(
        "--select",
        type=_csv,
        help="rules to run (codes, names or prefixes), replacing the config's",
    )
    check.add_argument("--extend-select", type=_csv, default=[], help="rules to run in addition")
    check.add_argument("--ignore", type=_csv, default=[], help="rules not to run")
    check.add_argument(
        "--format", default="full", choices=sorted(FORMATTERS), help="output format (default: full)"
    )
    check.add_argument(
        "--output", "-o", type=Path, help="write the report to this file instead of stdout"
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="lowest severity that fails the run (default: error)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    check.add_argument(
        "--statistics", action="store_true", help="show counts per rule instead of each finding"
    )
    check.add_argument(
        "--no-inline-suppressions", action="store_true", help="ignore suppression comments (audits)"
    )
    check.add_argument("--stdin-filename", help="the path to report for text read from stdin")
    recorded = check.add_mutually_exclusive_group()
    recorded.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="report only findings not recorded in this baseline, and name stale entries",
    )
    recorded.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record every current finding in this baseline file (then report none of them)",
    )
    check.add_argument(
        "--diff",
        metavar="REF",
        help="lint only files changed against this git revision (and untracked files)",
    )
    check.add_argument(
        "--diff-lines",
        action="store_true",
        help="with --diff: report only findings on lines added or changed against REF",
    )
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    check.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    check.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only, no summary line"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        help="worker processes for many files (default: one per processor; 1: none)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="lint every file afresh, and write no cache"
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE_DIR,
        help=f"where results are cached (default: {DEFAULT_CACHE_DIR})",
    )

    _add_report_parser(commands)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--config", type=Path, help="include the packs this config adds")

    rule = commands.add_parser("rule", help="explain one rule, with its examples")
    rule.add_argument("rule", help="a code (CL301) or name (absolute-efficacy-claim)")
    rule.add_argument("--config", type=Path, help="include the packs this config adds")

    clean = commands.add_parser("clean", help="remove the result cache")
    clean.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE_DIR,
        help=f"the cache to remove (default: {DEFAULT_CACHE_DIR})",
    )
    return parser


def _add_report_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help="a folder-wide quality report for editors")
    report.add_argument("paths", nargs="*", type=Path, help="folders or files; default '.'")
    report.add_argument("--config", type=Path, help="use this config file for every file")
    report.add_argument("--select", type=_csv, help="rules to run, replacing the config's")
    report.add_argument("--extend-select", type=_csv, default=[], help="rules to run in addition")
    report.add_argument("--ignore", type=_csv, default=[], help="rules not to run")
    for kind, what in (
        ("html", "a self-contained HTML page"),
        ("json", "JSON"),
        ("csv", "CSV (a row per file and per finding)"),
        ("markdown", "Markdown (a CI job summary)"),
    ):
        report.add_argument(f"--{kind}", type=Path, metavar="FILE", help=f"write {what} here")
    report.add_argument("--jobs", "-j", type=_positive, help="worker processes (default: all)")
    report.add_argument("--quiet", "-q", action="store_true", help="no summary, no progress bar")
    report.add_argument("--no-cache", action="store_true", help="lint every file afresh")
    report.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR)
    report.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    report.add_argument("--no-inline-suppressions", action="store_true")
    report.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    report.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    report.set_defaults(fail_on=None)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {value!r}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in COMMANDS:
        args_list.insert(0, "check")
    debug = "--debug" in args_list
    try:
        parser = build_parser()
        args = parser.parse_args(args_list)
        if args.command == "rules":
            return run_rules(args)
        if args.command == "rule":
            return run_rule(args)
        if args.command == "clean":
            return run_clean(args)
        if args.command == "report":
            from claimlint.report.command import run_report

            return run_report(args, _overrides(args))
        return run_check(args)
    except KeyboardInterrupt:
        print("claimlint: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (
        BaselineError,
        ConfigError,
        GitError,
        OutputError,
        PackError,
        PatternError,
        UsageError,
        WorkerError,
    ) as error:
        print(f"claimlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # never a traceback unless --debug
        if debug:
            raise
        print(
            f"claimlint: internal error: {type(error).__name__}: {error} (run with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _overrides(args: argparse.Namespace) -> Overrides:
    return Overrides(
        config=args.config,
        select=tuple(args.select) if args.select is not None else None,
        extend_select=tuple(args.extend_select),
        ignore=tuple(args.ignore),
        fail_on=args.fail_on,
        inline_suppressions=not args.no_inline_suppressions,
        debug=args.debug,
        today=args.today,
    )


def lint_all(
    session: Session, args: argparse.Namespace, changes: Changes | None = None
) -> list[FileResult]:
    paths = args.paths or [Path(".")]
    results: list[FileResult] = []
    for path in paths:
        if str(path) == "-" and changes is not None:
            raise UsageError("--diff cannot check stdin ('-'): name files or folders")
        if str(path) == "-":
            display = args.stdin_filename or "-"
            config = session.config_for(Path(display) if args.stdin_filename else Path.cwd())
            results.append(session.lint_bytes(sys.stdin.buffer.read(), display, config))
            continue
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"{path}: no such file or folder")
    file_paths = [p for p in paths if str(p) != "-"]
    found = (
        (path, problem)
        for path, problem in session.files(file_paths)
        if changes is None or changes.contains(path)
    )
    results.extend(result for _, result in lint_files(session, found, args.jobs))
    return results


def run_check(args: argparse.Namespace) -> int:
    from claimlint.formatters import FORMATTERS

    changes = _changes(args)
    recorded = baseline.load(args.baseline) if args.baseline else None
    session = Session(_overrides(args), cache=None if args.no_cache else Cache(args.cache_dir))
    results = lint_all(session, args, changes)
    diagnostics = sorted((d for r in results for d in r.diagnostics), key=Diagnostic.sort_key)
    diagnostics = _gate(diagnostics, args, results, recorded)
    if changes is not None and args.diff_lines:

        def lint_old(path: str, data: bytes) -> Sequence[Diagnostic]:
            return session.lint_bytes(data, path, session.config_for(Path(path))).diagnostics

        diagnostics = gitdiff.on_changed_lines(diagnostics, changes, lint_old)
    rules = {rule.code: rule.info() for rule in _ruleset(args.config, session.cache).rules}
    color = args.color == "always" or (
        args.color == "auto"
        and args.output is None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    if args.statistics:
        output = render_statistics(diagnostics)
    else:
        output = FORMATTERS[args.format](diagnostics, rules, color=color)
        if args.format in ("full", "concise") and not args.quiet:
            output += summary(diagnostics, len(results))
    _write(output, args.output)
    return exit_status(diagnostics, _fail_on(args), args.exit_zero)


def _changes(args: argparse.Namespace) -> Changes | None:
    if args.diff_lines and args.diff is None:
        raise UsageError("--diff-lines needs --diff REF")
    if args.diff is None:
        return None
    if args.write_baseline:
        raise UsageError("--write-baseline records a whole run; it cannot be combined with --diff")
    roots = [p for p in args.paths or [Path(".")] if str(p) != "-"]
    return gitdiff.changes(args.diff, roots)


def _gate(
    diagnostics: list[Diagnostic],
    args: argparse.Namespace,
    results: Sequence[FileResult],
    recorded: baseline.Baseline | None,
) -> list[Diagnostic]:
    """Record the findings in a baseline, or drop the ones a baseline holds."""
    if args.write_baseline:
        written = baseline.write(args.write_baseline, diagnostics)
        if not args.quiet:
            count = sum(e.count for e in written.entries)
            print(
                f"claimlint: recorded {count} finding{'s' if count != 1 else ''} "
                f"in {args.write_baseline}",
                file=sys.stderr,
            )
        return [d for d in diagnostics if not baseline.baselinable(d)]
    if recorded is None:
        return diagnostics
    compared = baseline.compare(recorded, diagnostics, [r.path for r in results])
    if compared.stale:
        sys.stderr.write(baseline.stale_note(compared.stale, recorded, args.baseline))
    return list(compared.new)


def _ruleset(config_path: Path | None, memo: ValidationMemo | None = None) -> RuleSet:
    config = load_config(config_path) if config_path else None
    if config is None:
        found = find_config(Path.cwd())
        config = load_config(found) if found else None
    return load_rules(tuple(config.packs) if config else (), memo)


def _fail_on(args: argparse.Namespace) -> Severity:
    if args.fail_on:
        return Severity.parse(args.fail_on)
    path = args.config or find_config(Path.cwd())
    return Severity.parse(load_config(path).fail_on if path else "error")


def exit_status(diagnostics: Sequence[Diagnostic], fail_on: Severity, exit_zero: bool) -> int:
    if any(d.code == "CL002" for d in diagnostics):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(d.severity >= fail_on for d in diagnostics) else EXIT_OK


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    if not diagnostics:
        return f"All checks passed! ({files} file{'s' if files != 1 else ''} checked)\n"
    counts = Counter(d.severity for d in diagnostics)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in sorted(counts, reverse=True)
    ]
    touched = len({d.path for d in diagnostics})
    total = len(diagnostics)
    return (
        f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
        f"in {touched} of {files} file{'s' if files != 1 else ''}.\n"
    )


def render_statistics(diagnostics: Sequence[Diagnostic]) -> str:
    counts = Counter((d.code, d.name, d.severity) for d in diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}\t{code}\t[{severity}]\t{name}" for (code, name, severity), n in rows]
    return "\n".join(lines) + ("\n" if lines else "")


def _write(output: str, target: Path | None) -> None:
    if target is None:
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    from claimlint.atomic import write_text_atomic

    write_text_atomic(target, output)


def run_rules(args: argparse.Namespace) -> int:
    import json

    ruleset = load_rules(tuple(load_config(args.config).packs) if args.config else ())
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "pack": r.pack,
                        "severity": str(r.severity),
                        "summary": r.summary,
                        "enabled": r.enabled,
                    }
                    for r in ruleset.rules
                ],
                indent=2,
            )
        )
        return EXIT_OK
    width = max(len(r.name) for r in ruleset.rules)
    for r in ruleset.rules:
        print(f"{r.code}  {r.name:<{width}}  {r.pack:<11} {r.severity!s:<8} {r.summary}")
    return EXIT_OK


def run_rule(args: argparse.Namespace) -> int:
    from claimlint.ruledoc import explain

    ruleset = load_rules(tuple(load_config(args.config).packs) if args.config else ())
    wanted = args.rule.strip()
    for rule in ruleset.rules:
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            print(explain(rule), end="")
            return EXIT_OK
    raise UsageError(f"unknown rule {wanted!r} (see 'claimlint rules')")


def run_clean(args: argparse.Namespace) -> int:
    from claimlint.cache import clean

    try:
        removed = clean(args.cache_dir)
    except ValueError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot remove {args.cache_dir}: {error.strerror or error}") from None
    print(f"removed {args.cache_dir}" if removed else f"no cache at {args.cache_dir}")
    return EXIT_OK
