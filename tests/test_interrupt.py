"""Ctrl-C (issue 6): claimlint stops promptly with exit status 130 and no traceback, and
its worker processes end with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimlint.parallel import MIN_FILES

ARTICLE = (
    "# Turmeric\n\n"
    + "Turmeric cures arthritis, and 40% of people take it every day for their joints. " * 200
    + "\n"
)


def group_members(group: int) -> list[int]:
    """Processes in a process group, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members


@pytest.mark.parametrize("to_group", [True, False], ids=["Ctrl-C", "SIGINT to claimlint only"])
def test_ctrl_c_exits_130_and_stops_the_workers(tmp_path: Path, to_group: bool) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for index in range(MIN_FILES * 4):
        (articles / f"article-{index:03}.md").write_text(ARTICLE, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "claimlint", "check", str(articles), "--no-cache", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        while len(group_members(process.pid)) < 3:  # claimlint and its two workers
            assert process.poll() is None, "the run ended before its workers started"
            assert time.monotonic() < deadline, "no worker processes started"
            time.sleep(0.05)
        if to_group:
            os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        else:
            os.kill(process.pid, signal.SIGINT)
        sent = time.monotonic()
        _, err = process.communicate(timeout=20)
        assert time.monotonic() - sent < 10
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert err == "claimlint: interrupted\n"
    deadline = time.monotonic() + 5
    while group_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert group_members(process.pid) == []
