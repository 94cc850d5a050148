"""claimlint report: the numbers, the output files and bad input, on a small library."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from tests.conftest import ROOT

from claimlint.cli import main

TODAY = "2026-11-22"
DISCLAIMER = "This article is for information only and is not medical advice."

STALE = f"""---
title: Iron and tiredness
slug: iron-and-tiredness
date: 2021-02-01
author: Lee Park
category: nutrition
---

# Iron and tiredness

This supplement cures fatigue.

{DISCLAIMER}
"""

BARE = """# Sleep hygiene

Keep a regular bedtime and a dark, quiet bedroom.
"""


@pytest.fixture
def library(isolated: Path) -> Path:
    """examples/ (4 findings in 1 of 3 files), a stale article with a claim, a bare note
    with no metadata or disclaimer, a binary file and a symlink loop."""
    folder = isolated / "library"
    shutil.copytree(ROOT / "examples", folder)
    (folder / "iron.md").write_text(STALE, encoding="utf-8")
    (folder / "notes").mkdir()
    (folder / "notes" / "sleep.md").write_text(BARE, encoding="utf-8")
    (folder / "notes" / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    os.symlink("loop.md", folder / "notes" / "loop.md")
    return folder


def report(*args: str) -> int:
    return main(["report", *args, "--today", TODAY, "-q", "--no-cache", "--jobs", "1"])


def test_json_report_numbers(library: Path) -> None:
    assert report("library", "--json", "out.json") == 0
    data = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert data["summary"] == {
        "files": 7,
        "clean": 2,
        "unreadable": 2,
        "findings": 12,
        "mean_score": 88.4,  # (87 + 92 + 100 + 100 + 90 + 90 + 60) / 7
        "by_severity": {"error": 7, "warning": 3, "info": 2},
        "by_pack": {"metadata": 4, "claims": 2, "engine": 2, "disclaimer": 1,
                    "references": 1, "statistics": 2},
    }  # fmt: skip
    assert [(f["path"], f["score"]) for f in data["files"]] == [
        ("library/iron.md", 87),  # CL301 error, CL104 warning: 100 - 10 - 3
        ("library/turmeric-and-joint-pain.md", 92),  # 2 warnings, 2 infos
        ("library/vitamin-d-basics.md", 100),
        ("library/walking-after-a-heart-attack.md", 100),
        ("library/notes/image.md", 90),  # CL001
        ("library/notes/loop.md", 90),  # CL001
        ("library/notes/sleep.md", 60),  # CL101 x 3, CL201
    ]
    assert data["coverage"] == {
        "author": {"present": 4, "total": 5, "share": 0.8},
        "date": {"present": 4, "total": 5, "share": 0.8},
        "slug": {"present": 4, "total": 5, "share": 0.8},
        "disclaimer": {"present": 4, "total": 5, "share": 0.8},
        "references": {"present": 2, "total": 5, "share": 0.4},
    }
    assert data["stale"] == ["library/iron.md"]
    assert data["worst"][:2] == ["library/notes/sleep.md", "library/iron.md"]
    assert data["categories"][0] == {
        "name": "nutrition", "articles": 1, "errors": 1, "warnings": 1, "infos": 0,
        "stale": 1, "mean_score": 87.0,
    }  # fmt: skip
    assert [g["name"] for g in data["authors"]] == [
        "Lee Park", "Dana Reyes, RD", "Sam Okafor, cardiac rehabilitation nurse", "(none)",
    ]  # fmt: skip
    assert data["ages"] == {"under 1 year": 3, "1–2 years": 0, "2–3 years": 0,
                            "3–5 years": 0, "5 years or more": 1, "no date": 1}  # fmt: skip


def test_report_numbers_equal_check_json_totals(library: Path) -> None:
    assert report("library", "--json", "report.json") == 0
    main(["check", "library", "--format", "json", "-o", "check.json", "--today", TODAY,
          "--no-cache", "--exit-zero"])  # fmt: skip
    checked = json.loads(Path("check.json").read_text(encoding="utf-8"))["diagnostics"]
    data = json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert data["summary"]["findings"] == len(checked)
    assert data["summary"]["by_severity"] == {
        s: n for s, n in Counter(d["severity"] for d in checked).items()
    } | {s: 0 for s in ("error", "warning", "info") if s not in {d["severity"] for d in checked}}
    assert {r["code"]: r["findings"] for r in data["by_rule"]} == Counter(
        d["code"] for d in checked
    )
    assert {r["code"]: r["files"] for r in data["by_rule"]} == Counter(
        code for code, _ in {(d["code"], d["path"]) for d in checked}
    )
    assert data["summary"]["by_pack"] == Counter(d["pack"] for d in checked)
    per_file = Counter(d["path"] for d in checked)
    assert {f["path"]: f["errors"] + f["warnings"] + f["infos"] for f in data["files"]} == {
        f["path"]: per_file[f["path"]] for f in data["files"]
    }
    assert [(f["path"], f["line"], f["code"]) for f in data["findings"]] == [
        (d["path"], d["line"], d["code"]) for d in checked
    ]


def test_unreadable_files_are_listed_as_cl001(library: Path) -> None:
    assert report("library", "--json", "out.json") == 0
    data = json.loads(Path("out.json").read_text(encoding="utf-8"))
    unreadable = [(f["path"], f["code"]) for f in data["findings"] if f["code"] == "CL001"]
    assert unreadable == [("library/notes/image.md", "CL001"), ("library/notes/loop.md", "CL001")]
    assert [f["readable"] for f in data["files"]].count(False) == 2


def test_markdown_summary(library: Path) -> None:
    assert report("library", "--markdown", "summary.md") == 0
    text = Path("summary.md").read_text(encoding="utf-8")
    assert text.startswith(
        "# claimlint report\n\n7 files checked, 2 clean, 12 findings, mean score 88.4.\n\n"
        "## Findings by severity\n\n| severity | findings |\n|---|---|\n"
        "| error | 7 |\n| warning | 3 |\n| info | 2 |\n"
    )
    assert (
        "## Stale articles\n\n| file | newest date |\n|---|---|\n| `library/iron.md` | 2021-02-01 |\n"
        in text
    )
    assert "| `library/notes/sleep.md` | 60 | 4 | 0 | 0 |\n" in text
    assert "| author | 80% (4/5) |\n" in text


def test_csv_has_file_rows_and_finding_rows(library: Path) -> None:
    assert report("library", "--csv", "out.csv") == 0
    rows = list(csv.DictReader(io.StringIO(Path("out.csv").read_text(encoding="utf-8"))))
    assert Counter(r["record"] for r in rows) == {"file": 7, "finding": 12}
    iron = [r for r in rows if r["path"] == "library/iron.md"]
    assert [(r["record"], r["score"], r["line"], r["code"], r["text"]) for r in iron] == [
        ("file", "87", "", "", ""),
        ("finding", "", "4", "CL104", "2021-02-01"),
        ("finding", "", "11", "CL301", "cures"),
    ]


def test_terminal_summary(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["report", "library", "--today", TODAY, "--no-cache", "-j", "1", "--color", "never"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("7 files checked, 2 clean, 12 findings, mean score 88.4\n")
    lines = [line.rstrip() for line in out.splitlines()]
    for title in ("Findings by severity", "Findings by pack", "Findings by rule",
                  "Files most in need of work (5)", "Metadata coverage", "Stale articles (1)",
                  "Unreadable files (CL001)", "By author", "By category"):  # fmt: skip
        assert title in lines
    assert "│ library/notes/sleep.md             │    60 │      4 │        0 │    0 │" in lines


def test_unwritable_output_is_an_error_before_linting(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "library", "--html", "missing/out.html", "--cache-dir", "cache"])
    assert code == 2
    assert capsys.readouterr().err == (
        "claimlint: error: cannot write --html missing/out.html: no folder missing\n"
    )
    assert not Path("cache").exists()  # nothing was linted
    assert main(["report", "library", "--json", "library"]) == 2
    assert capsys.readouterr().err == (
        "claimlint: error: cannot write --json library: it is a folder\n"
    )


def test_a_missing_folder_is_a_clear_error(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "nowhere"]) == 2
    assert capsys.readouterr().err == "claimlint: error: nowhere: no such file or folder\n"
