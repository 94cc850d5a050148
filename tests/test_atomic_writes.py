"""Nothing lost (issue 6): claimlint never writes to the files it checks, and every file it
writes (report, baseline, cache) appears whole or not at all, even when interrupted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimlint.cli import main

ARTICLES = {
    "a.md": "This tea cures colds.\n",
    "b.md": "About 40% of adults are low in vitamin D.\n",
    "c.md": "---\ntitle: [\n---\nBody.\n",
}


@pytest.fixture
def folder(isolated: Path) -> Path:
    for name, text in ARTICLES.items():
        (isolated / name).write_text(text, encoding="utf-8")
    return isolated


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        name: ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns)
        for name in ARTICLES
    }


def check(*args: str) -> int:
    return main(["check", "a.md", "b.md", "c.md", "--today", "2026-11-22", "-q", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.tmp"))


def test_checked_files_are_never_written(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(folder)
    assert check("--output", "report.json", "--format", "json") == 1
    assert check("--write-baseline", "baseline.json") == 0
    assert check("--baseline", "baseline.json", "--format", "sarif", "-o", "report.sarif") == 0
    capsys.readouterr()
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*ARTICLES, ".claimlint_cache", "baseline.json", "report.json", "report.sarif"]
    )


@pytest.mark.parametrize("at", ["fsync", "replace"], ids=["while writing", "before the rename"])
@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["--output", "report.json", "--format", "json"], "report.json"),
        (["--write-baseline", "baseline.json"], "baseline.json"),
    ],
    ids=["report", "baseline"],
)
def test_an_interrupted_write_leaves_the_old_file_whole(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    target: str,
    at: str,
) -> None:
    (folder / target).write_text("the previous version\n", encoding="utf-8")
    real = getattr(os, at)

    def interrupted(*call: object) -> None:
        if str(call[-1]).endswith(target) or at == "fsync":
            raise KeyboardInterrupt
        real(*call)

    monkeypatch.setattr(os, at, interrupted)
    assert check("--no-cache", *args) == 130
    assert capsys.readouterr().err == "claimlint: interrupted\n"
    assert (folder / target).read_text(encoding="utf-8") == "the previous version\n"
    assert leftovers(folder) == []
    monkeypatch.setattr(os, at, real)
    assert check("--no-cache", *args) in (0, 1)
    assert (folder / target).read_text(encoding="utf-8").startswith(("{", "["))


def test_an_interrupted_cache_write_leaves_no_partial_entry(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check("--format", "concise") == 1
    first = capsys.readouterr().out
    entries = sorted(p for p in (folder / ".claimlint_cache").rglob("*.json"))
    assert len(entries) == 3
    for entry in entries:
        entry.unlink()
    real = os.replace

    def interrupted(source: object, destination: object) -> None:
        if str(destination).endswith(".json"):
            raise KeyboardInterrupt
        real(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", interrupted)
    assert check("--format", "concise") == 130
    capsys.readouterr()
    assert sorted((folder / ".claimlint_cache").rglob("*.json")) == []
    assert leftovers(folder) == []
    monkeypatch.setattr(os, "replace", real)
    assert check("--format", "concise") == 1
    assert capsys.readouterr().out == first
