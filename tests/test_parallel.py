"""The process pool: the same findings as one process, in the same order; a dead worker
is an error, never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import claimlint.parallel
from claimlint.cli import main
from claimlint.runner import FileResult, Overrides, Session

BAD = "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\nThis diet cures diabetes.\n\nNot medical advice.\n"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args, "--format", "concise", "-q", "--today", "2026-11-22"])
    return code, capsys.readouterr().out


@pytest.fixture
def many(isolated: Path) -> Path:
    for index in range(claimlint.parallel.MIN_FILES + 10):
        text = BAD if index % 3 else BAD.replace("cures", "may ease")
        (isolated / f"a{index:02d}.md").write_text(text + f"\nAbout {index}% agree.\n")
    return isolated


def test_the_pool_finds_what_one_process_finds(
    many: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    single = check(capsys, ".", "--no-cache", "--jobs", "1")
    pooled = check(capsys, ".", "--jobs", "2")
    assert pooled == single
    assert single[1].count("CL301") == 40 and single[1].count("CL401") == 60
    assert check(capsys, ".", "--jobs", "2") == single  # now all from the cache


def test_results_come_back_in_the_order_given(many: Path) -> None:
    session = Session(Overrides())
    found = list(session.files([many]))[::-1]
    results = list(claimlint.parallel.lint_files(session, found, jobs=2))
    assert [path for path, _ in results] == [path for path, _ in found]
    assert all(result.path == str(path) for path, result in results)


def crash(item: tuple[Path, str]) -> FileResult:
    os._exit(3)  # a worker killed mid-file


def test_a_dead_worker_is_an_error_not_a_hang(
    many: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(claimlint.parallel, "_lint", crash)
    code = main(["check", ".", "--no-cache", "--jobs", "2"])
    assert code == 2
    assert capsys.readouterr().err == (
        "claimlint: error: a worker process stopped abruptly (killed, or out of memory?); "
        "'--jobs 1' lints in one process\n"
    )


def test_jobs_must_be_a_positive_number(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", ".", "--jobs", "0"])
    assert "not a whole number of at least 1: '0'" in capsys.readouterr().err
