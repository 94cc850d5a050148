"""Baselines: --write-baseline records today's findings, --baseline reports only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from claimlint.cli import main
from claimlint.resources import load_schema

HEAD = "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\n"
FOOT = "\nNot medical advice.\n"
OLD = HEAD + "This diet cures diabetes.\n\nIt has no side effects.\n" + FOOT


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", *args, "--today", "2026-11-22", "--format", "concise"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library(isolated: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder of articles with a baseline of their two findings written at the top."""
    (isolated / "docs").mkdir()
    (isolated / "docs" / "diet.md").write_text(OLD, encoding="utf-8")
    (isolated / "docs" / "clean.md").write_text(HEAD + "Walking helps.\n" + FOOT, encoding="utf-8")
    code, out, err = run(["docs", "--write-baseline", "baseline.json"], capsys)
    assert (code, out, err) == (
        0,
        "All checks passed! (2 files checked)\n",
        "claimlint: recorded 2 findings in baseline.json\n",
    )
    return isolated


def test_written_baseline_is_exact_and_valid(library: Path) -> None:
    data = json.loads((library / "baseline.json").read_text(encoding="utf-8"))
    Draft202012Validator(load_schema("baseline.schema.json")).validate(data)
    assert data == {
        "version": 1,
        "tool": "claimlint",
        "entries": [
            {
                "fingerprint": data["entries"][0]["fingerprint"],
                "path": "docs/diet.md",
                "code": "CL301",
                "text": "cures",
                "count": 1,
            },
            {
                "fingerprint": data["entries"][1]["fingerprint"],
                "path": "docs/diet.md",
                "code": "CL302",
                "text": "no side effects",
                "count": 1,
            },
        ],
    }
    # The fingerprints are the json format's, since the paths are the same from here.
    main(["check", "docs", "--today", "2026-11-22", "--format", "json", "-o", "out.json"])
    reported = json.loads((library / "out.json").read_text(encoding="utf-8"))["diagnostics"]
    assert [e["fingerprint"] for e in data["entries"]] == [d["fingerprint"] for d in reported]
    assert [p.name for p in library.glob("*.tmp")] == []  # the atomic write left nothing


def test_round_trip(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    diet = library / "docs" / "diet.md"
    # Recheck passes.
    assert run(["docs", "--baseline", "baseline.json"], capsys) == (
        0,
        "All checks passed! (2 files checked)\n",
        "",
    )
    # A new claim: only it is reported.
    diet.write_text(OLD.replace(FOOT, "\nIt is 100% effective.\n" + FOOT), encoding="utf-8")
    assert run(["docs", "--baseline", "baseline.json"], capsys) == (
        1,
        "docs/diet.md:11:7: CL301 [absolute-efficacy-claim] absolute efficacy claim '100% effective' with no source\n"
        "Found 1 problem (1 error) in 1 of 2 files.\n",
        "",
    )
    # Lines inserted above the old findings (and the new claim gone): still passes.
    diet.write_text(OLD.replace(HEAD, HEAD + "# Diet\n\nAn intro.\n\n"), encoding="utf-8")
    assert run(["docs", "--baseline", "baseline.json"], capsys)[:2] == (
        0,
        "All checks passed! (2 files checked)\n",
    )
    # A finding removed: the run passes and names the stale entry.
    diet.write_text(OLD.replace("This diet cures diabetes.", "This diet helps."), encoding="utf-8")
    assert run(["docs", "--baseline", "baseline.json"], capsys) == (
        0,
        "All checks passed! (2 files checked)\n",
        "claimlint: 1 baseline entry no longer occurs (prune with --write-baseline baseline.json):\n"
        "  docs/diet.md: CL301 'cures'\n",
    )
    # Pruning rewrites the baseline without it.
    run(["docs", "--write-baseline", "baseline.json"], capsys)
    entries = json.loads((library / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["code"], e["text"]) for e in entries] == [("CL302", "no side effects")]


def test_moved_sentence_and_changed_sentence(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diet = library / "docs" / "diet.md"
    # Reordered paragraphs and rewrapped white space keep the fingerprints.
    diet.write_text(
        HEAD + "It has no  side effects.\n\nThis diet\ncures diabetes.\n" + FOOT, encoding="utf-8"
    )
    assert run(["docs", "--baseline", "baseline.json", "-q"], capsys) == (0, "", "")
    # A different sentence around the same word is a new finding (and the old one is stale).
    diet.write_text(
        OLD.replace("This diet cures diabetes.", "Fasting cures diabetes."), encoding="utf-8"
    )
    code, out, err = run(["docs", "--baseline", "baseline.json", "-q"], capsys)
    assert code == 1
    assert out.startswith("docs/diet.md:7:9: CL301 ")
    assert err.endswith("  docs/diet.md: CL301 'cures'\n")


def test_identical_findings_are_counted(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twice = HEAD + "This diet cures diabetes.\n\nThis diet cures diabetes.\n" + FOOT
    (isolated / "a.md").write_text(twice, encoding="utf-8")
    run(["a.md", "--write-baseline", "b.json"], capsys)
    entries = json.loads((isolated / "b.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["code"], e["count"]) for e in entries] == [("CL301", 2)]
    thrice = twice.replace(FOOT, "\nThis diet cures diabetes.\n" + FOOT)
    (isolated / "a.md").write_text(thrice, encoding="utf-8")
    code, out, _ = run(["a.md", "--baseline", "b.json", "-q"], capsys)
    assert (code, out.splitlines()[0][:14]) == (1, "a.md:11:11: CL")
    (isolated / "a.md").write_text(HEAD + "This diet cures diabetes.\n" + FOOT, encoding="utf-8")
    code, out, err = run(["a.md", "--baseline", "b.json", "-q"], capsys)
    assert (code, out) == (0, "")
    assert err == (
        "claimlint: 1 baseline entry no longer occurs (prune with --write-baseline b.json):\n"
        "  a.md: CL301 'cures'\n"
    )


def test_paths_are_relative_to_the_baseline_file(
    library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(library / "docs")
    assert run(["diet.md", "--baseline", "../baseline.json"], capsys) == (
        0,
        "All checks passed! (1 file checked)\n",
        "",
    )
    (library / "docs" / "diet.md").write_text(HEAD + "Walking helps.\n" + FOOT, encoding="utf-8")
    assert run([".", "--baseline", str(library / "baseline.json"), "-q"], capsys) == (
        0,
        "",
        "claimlint: 2 baseline entries no longer occur "
        f"(prune with --write-baseline {library / 'baseline.json'}):\n"
        "  diet.md: CL301 'cures'\n"
        "  diet.md: CL302 'no side effects'\n",
    )


def test_stale_entries_only_for_files_in_the_run(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # diet.md is not linted: its entries are not stale.
    assert run(["docs/clean.md", "--baseline", "baseline.json", "-q"], capsys) == (0, "", "")
    # A deleted file's entries are stale whatever the run covers.
    (library / "docs" / "diet.md").unlink()
    assert run(["docs/clean.md", "--baseline", "baseline.json", "-q"], capsys) == (
        0,
        "",
        "claimlint: 2 baseline entries no longer occur (prune with --write-baseline baseline.json):\n"
        "  docs/diet.md: CL301 'cures'\n"
        "  docs/diet.md: CL302 'no side effects'\n",
    )


def test_baseline_with_fail_on_statistics_and_json(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diet = library / "docs" / "diet.md"
    diet.write_text(OLD.replace(FOOT, "\nAbout 40% of adults snore.\n" + FOOT), encoding="utf-8")
    assert run(["docs", "--baseline", "baseline.json", "-q"], capsys)[0] == 0
    assert (
        run(["docs", "--baseline", "baseline.json", "--fail-on", "warning", "-q"], capsys)[0] == 1
    )
    assert (
        run(["docs", "--baseline", "baseline.json", "--fail-on", "warning", "--exit-zero"], capsys)[
            0
        ]
        == 0
    )
    code = main(["check", "docs", "--baseline", "baseline.json", "--statistics"])
    assert (code, capsys.readouterr().out) == (0, "1\tCL401\t[warning]\tuncited-statistic\n")
    diet.write_text(HEAD + "Walking helps.\n" + FOOT, encoding="utf-8")
    code = main(["check", "docs", "--baseline", "baseline.json", "--format", "json"])
    out, err = capsys.readouterr()
    document = json.loads(out)
    Draft202012Validator(load_schema("diagnostics.schema.json")).validate(document)
    assert (code, document["diagnostics"]) == (0, [])
    assert err.startswith("claimlint: 2 baseline entries no longer occur")


def test_unreadable_files_are_never_baselined(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated / "a.md").write_text(OLD, encoding="utf-8")
    (isolated / "blob.md").write_bytes(b"\x00\x01\x02binary\x00")
    code, out, err = run([".", "--write-baseline", "b.json"], capsys)
    assert code == 1
    assert out.startswith("blob.md:1:1: CL001 [unreadable-file] ")
    assert err == "claimlint: recorded 2 findings in b.json\n"
    entries = json.loads((isolated / "b.json").read_text(encoding="utf-8"))["entries"]
    assert [e["code"] for e in entries] == ["CL301", "CL302"]
    code, out, err = run([".", "--baseline", "b.json", "-q"], capsys)
    assert (code, out[:33], err) == (1, "blob.md:1:1: CL001 [unreadable-fi", "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline b.json does not exist (create it with --write-baseline b.json)"),
        (
            '{\n  "version": 1,\n',
            "baseline b.json is corrupt: not valid JSON (line 3, column 1: Expecting property name enclosed in double quotes)",
        ),
        (b"\xff\xfe{}", "baseline b.json is corrupt: not UTF-8 text"),
        (
            '{"version": 2, "tool": "claimlint", "entries": [], "new": true}',
            "baseline b.json has version 2, but this claimlint reads version 1 "
            "(upgrade claimlint, or rewrite the baseline with --write-baseline)",
        ),
        (
            '{"version": 1, "tool": "claimlint", "entries": [{"fingerprint": "x", "path": "a.md", "code": "CL301", "text": "", "count": 1}]}',
            "baseline b.json is not a claimlint baseline: at entries/0/fingerprint: 'x' does not match '^[0-9a-f]{32}$'",
        ),
        (
            "[]",
            "baseline b.json is not a claimlint baseline: at the top level: [] is not of type 'object'",
        ),
        (
            '{"version": 1, "tool": "ruff", "entries": []}',
            "baseline b.json is not a claimlint baseline: at tool: 'claimlint' was expected",
        ),
    ],
)
def test_bad_baselines_are_exit_2(
    isolated: Path, capsys: pytest.CaptureFixture[str], content: str | bytes | None, message: str
) -> None:
    (isolated / "a.md").write_text(OLD, encoding="utf-8")
    if isinstance(content, str):
        (isolated / "b.json").write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        (isolated / "b.json").write_bytes(content)
    assert run(["a.md", "--baseline", "b.json"], capsys) == (
        2,
        "",
        f"claimlint: error: {message}\n",
    )


def test_write_failure_is_exit_2_and_leaves_no_file(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (isolated / "a.md").write_text(OLD, encoding="utf-8")
    code, out, err = run(["a.md", "--write-baseline", "missing/b.json"], capsys)
    assert (code, out) == (2, "")
    assert (
        err == "claimlint: error: cannot write baseline missing/b.json: No such file or directory\n"
    )


def test_baseline_and_write_baseline_exclude_each_other(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--baseline", "a.json", "--write-baseline", "b.json"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
