"""The command line: exit statuses, output formats, stdin, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimlint.cli import main

BAD = "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\nThis diet cures diabetes.\n\nNot medical advice.\n"
WARN = "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\nAbout 40% of adults snore.\n\nNot medical advice.\n"
CLEAN = (
    "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\nWalking helps.\n\nNot medical advice.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([*args, "--today", "2026-11-22"] if args and args[0] == "check" else args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(isolated: Path) -> Path:
    (isolated / "bad.md").write_text(BAD, encoding="utf-8")
    (isolated / "warn.md").write_text(WARN, encoding="utf-8")
    (isolated / "clean.md").write_text(CLEAN, encoding="utf-8")
    return isolated


def test_full_output_exact(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "bad.md", "--color", "never"], capsys)
    assert code == 1
    assert out == (
        "bad.md:7:11: error CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
        "  |\n"
        "7 | This diet cures diabetes.\n"
        "  |           ^^^^^\n"
        '  = help: Hedge the wording ("may help", "in some people") or cite a source for the claim.\n'
        "\n"
        "Found 1 problem (1 error) in 1 of 1 file.\n"
    )


def test_concise_output_and_sorting(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", ".", "--format", "concise"], capsys)
    assert code == 1
    assert out == (
        "bad.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
        "warn.md:7:7: CL401 [uncited-statistic] statistic '40%' with no source\n"
        "Found 2 problems (1 error, 1 warning) in 2 of 3 files.\n"
    )


def test_clean_run_exits_zero(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "clean.md"], capsys)[:2] == (0, "All checks passed! (1 file checked)\n")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["warn.md"], 0),
        (["warn.md", "--fail-on", "warning"], 1),
        (["warn.md", "--fail-on", "info"], 1),
        (["bad.md", "--exit-zero"], 0),
        (["bad.md", "--ignore", "CL301"], 0),
        (["bad.md", "--ignore", "absolute-efficacy-claim"], 0),
        (["bad.md", "--select", "CL4"], 0),
        (["missing.md"], 2),
        (["bad.md", "--select", "CL999"], 2),
    ],
)
def test_exit_status(
    files: Path, capsys: pytest.CaptureFixture[str], args: list[str], status: int
) -> None:
    assert run(["check", *args], capsys)[0] == status


def test_fail_on_from_config(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / ".claimlint.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    assert run(["check", "warn.md"], capsys)[0] == 1


def test_json_and_json_lines(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "bad.md", "--format", "json"], capsys)
    document = json.loads(out)
    assert document["version"] == 1
    [item] = document["diagnostics"]
    assert (item["path"], item["line"], item["column"], item["end_line"], item["end_column"]) == (
        "bad.md",
        7,
        11,
        7,
        16,
    )
    assert (item["code"], item["name"], item["severity"]) == (
        "CL301",
        "absolute-efficacy-claim",
        "error",
    )
    _, out, _ = run(["check", ".", "--format", "json-lines"], capsys)
    assert [json.loads(line)["code"] for line in out.splitlines()] == ["CL301", "CL401"]


def test_statistics(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "two.md").write_text(BAD + "\nIt cures colds too.\n", encoding="utf-8")
    _, out, _ = run(["check", ".", "--statistics"], capsys)
    assert (
        out
        == "3\tCL301\t[error]\tabsolute-efficacy-claim\n1\tCL401\t[warning]\tuncited-statistic\n"
    )


def test_stdin_with_filename(
    files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, out, _ = run(
        ["check", "-", "--stdin-filename", "posts/x.md", "--format", "concise", "-q"], capsys
    )
    assert (code, out) == (
        1,
        "posts/x.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n",
    )


def test_suppressions_and_audit_mode(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "s.md").write_text(
        BAD.replace(
            "This diet", "<!-- claimlint-disable-next-line CL301 -- quoted ad -->\nThis diet"
        )
    )
    assert run(["check", "s.md"], capsys)[0] == 0
    code, out, _ = run(
        ["check", "s.md", "--no-inline-suppressions", "--format", "concise", "-q"], capsys
    )
    assert (code, out) == (
        1,
        "s.md:8:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n",
    )


def test_unreadable_files_are_reported_and_the_run_goes_on(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, out, _ = run(["check", ".", "--format", "concise", "-q"], capsys)
    assert code == 1
    assert out.splitlines() == [
        "bad.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source",
        "image.md:1:1: CL001 [unreadable-file] binary file (contains NUL bytes)",
        "warn.md:7:7: CL401 [uncited-statistic] statistic '40%' with no source",
    ]


def test_internal_error_is_cl002_and_exit_2(
    files: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimlint import kinds

    def boom(*args: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setitem(kinds.KINDS, "statistic", kinds.KINDS["statistic"]._replace(check=boom))
    code, out, err = run(["check", "warn.md", "--format", "concise", "-q"], capsys)
    assert code == 2
    assert (
        out
        == "warn.md:1:1: CL002 [internal-error] rule CL401 failed on this file: RuntimeError: boom\n"
    )
    assert "Traceback" not in err


def test_broken_config_is_a_clear_error(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / ".claimlint.yaml").write_text("selct: [CL3]\n", encoding="utf-8")
    code, out, err = run(["check", "bad.md"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("claimlint: error: ") and "'selct'" in err and "select" in err
    assert "Traceback" not in err


def test_broken_pack_names_file_rule_and_json_path(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "mine.yaml").write_text(
        "pack: mine\nrules:\n  - code: XX100\n    name: x\n    kind: claim\n    severity: fatal\n"
        "    summary: s\n    message: m\n",
        encoding="utf-8",
    )
    (files / ".claimlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    code, _, err = run(["check", "bad.md"], capsys)
    assert code == 2
    assert err == (
        f"claimlint: error: {files / 'mine.yaml'}: rule XX100: $.rules[0].severity: "
        "'fatal' is not one of ['error', 'warning', 'info']\n"
    )


def test_hostile_pack_regex_runs_in_linear_time(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "mine.yaml").write_text(
        "pack: mine\nrules:\n  - code: XX100\n    name: evil\n    kind: claim\n    severity: error\n"
        "    summary: s\n    message: 'evil {text}'\n    options:\n      patterns: ['(a+)+$']\n",
        encoding="utf-8",
    )
    (files / ".claimlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    (files / "a.md").write_text("a" * 50_000 + "b\n", encoding="utf-8")
    code, out, _ = run(["check", "a.md", "--select", "XX100", "--format", "concise", "-q"], capsys)
    assert (code, out) == (0, "")


def test_invalid_regex_in_pack_is_exit_2(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "mine.yaml").write_text(
        "pack: mine\nrules:\n  - code: XX100\n    name: evil\n    kind: claim\n    severity: error\n"
        "    summary: s\n    message: m\n    options:\n      patterns: ['(a)\\1']\n",
        encoding="utf-8",
    )
    (files / ".claimlint.yaml").write_text("packs: [mine.yaml]\n", encoding="utf-8")
    code, _, err = run(["check", "bad.md"], capsys)
    assert code == 2
    assert "rule XX100: invalid RE2 pattern '(a)\\\\1'" in err


def test_rules_and_rule_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    assert out.splitlines()[0].split()[:4] == ["CL001", "unreadable-file", "engine", "error"]
    assert sum(1 for line in out.splitlines() if line.startswith("CL")) == 23
    code, out, _ = run(["rule", "CL301"], capsys)
    assert code == 0 and out.startswith("# CL301 absolute-efficacy-claim\n")
    assert "- `This diet cures type 2 diabetes.`" in out
    assert run(["rule", "CL999"], capsys)[0] == 2


def test_no_traceback_from_a_real_process(files: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "nope.md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "claimlint: error: nope.md: no such file or folder\n"
