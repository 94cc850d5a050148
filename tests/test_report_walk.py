"""claimlint report: which files it reads (.gitignore, exclude, links), and the pool."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ROOT

from claimlint.cli import main

CLAIM = "# Tea\n\nThis tea cures colds.\n"


def report_json(*args: str) -> dict[str, Any]:
    code = main(["report", *args, "--json", "out.json", "--today", "2026-11-22", "-q",
                 "--no-cache"])  # fmt: skip
    assert code == 0
    data: dict[str, Any] = json.loads(Path("out.json").read_text(encoding="utf-8"))
    return data


def paths(data: dict[str, Any]) -> list[str]:
    return [row["path"] for row in data["files"]]


def test_gitignored_files_are_not_reported(isolated: Path) -> None:
    subprocess.run(["git", "init", "-q", "lib"], check=True)
    Path("lib/drafts").mkdir()
    Path("lib/drafts/tea.md").write_text(CLAIM, encoding="utf-8")
    Path("lib/tea.md").write_text(CLAIM, encoding="utf-8")
    Path("lib/.gitignore").write_text("drafts/\n", encoding="utf-8")
    assert paths(report_json("lib", "-j", "1")) == ["lib/tea.md"]
    # A folder the user names is reported even when git ignores it.
    assert paths(report_json("lib/drafts", "-j", "1")) == ["lib/drafts/tea.md"]


def test_exclude_is_honoured_and_output_files_are_not_reported(isolated: Path) -> None:
    Path("lib/archive").mkdir(parents=True)
    Path("lib/archive/old.md").write_text(CLAIM, encoding="utf-8")
    Path("lib/tea.md").write_text(CLAIM, encoding="utf-8")
    Path(".claimlint.yaml").write_text("extend-exclude: [archive]\n", encoding="utf-8")
    Path("lib/summary.md").write_text("an old summary\n", encoding="utf-8")
    code = main(["report", "lib", "--markdown", "lib/summary.md", "--json", "out.json",
                 "-q", "--no-cache", "-j", "1"])  # fmt: skip
    assert code == 0
    data = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert paths(data) == ["lib/tea.md"]  # 5 errors: 3 x CL101, CL201, CL301
    assert (
        Path("lib/summary.md")
        .read_text(encoding="utf-8")
        .startswith("# claimlint report\n\n1 file checked, 0 clean, 5 findings, mean score 50.0.\n")
    )


def test_a_folder_link_loop_never_stops_the_report(isolated: Path) -> None:
    Path("lib/sub").mkdir(parents=True)
    Path("lib/sub/tea.md").write_text(CLAIM, encoding="utf-8")
    os.symlink("..", "lib/sub/up")
    os.symlink("self.md", "lib/self.md")
    data = report_json("lib", "-j", "1")
    assert [(row["path"], row["readable"]) for row in data["files"]] == [
        ("lib/self.md", False),
        ("lib/sub/tea.md", True),
    ]
    assert data["findings"][0]["code"] == "CL001"


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("tea.md").write_text(CLAIM, encoding="utf-8")
    assert main(["report", "tea.md", "--no-cache", "--color", "never"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("1 file checked, 0 clean, 5 findings, mean score 50.0\n")


def test_the_pool_reports_what_one_process_reports(isolated: Path) -> None:
    for index in range(30):
        shutil.copytree(ROOT / "examples", f"lib/{index:02d}")
    one = report_json("lib", "-j", "1")
    pooled = report_json("lib", "-j", "2")
    assert pooled == one
    assert one["summary"]["files"] == 90
    assert one["summary"]["findings"] == 120  # 4 in each copy of the turmeric article


def _stderr_on_a_terminal(command: list[str]) -> bytes:
    import pty

    parent, child = pty.openpty()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=child, check=False)
    os.close(child)
    shown = b""
    while True:
        try:
            data = os.read(parent, 65536)
        except OSError:  # EIO: the terminal closed and everything was read
            break
        if not data:
            break
        shown += data
    os.close(parent)
    assert done.returncode == 0
    return shown


def test_a_progress_bar_on_a_terminal_unless_quiet(isolated: Path) -> None:
    import sys

    shutil.copytree(ROOT / "examples", "lib")
    command = [sys.executable, "-m", "claimlint", "report", "lib", "--no-cache"]
    shown = _stderr_on_a_terminal([*command, "--markdown", "s.md"])
    assert b"linting" in shown and b"3/3" in shown
    assert _stderr_on_a_terminal([*command, "-q", "--markdown", "s.md"]) == b""
