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


def test_output_to_a_device_writes_through_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o /dev/null` must not replace the device with a plain file (found by a run)."""
    assert check("--no-cache", "--format", "json", "-o", os.devnull) == 1
    assert not Path(os.devnull).is_file()
    assert Path(os.devnull).is_char_device()


def test_output_to_a_named_pipe_is_written_in_place(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading

    pipe = folder / "out.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    assert check("--no-cache", "--format", "concise", "-o", str(pipe)) == 1
    reader.join(10)
    assert received and "a.md:1:10: CL301 [absolute-efficacy-claim]" in received[0].decode()
    assert pipe.is_fifo()


def test_a_symlinked_output_keeps_the_link(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "real.json").write_text("old\n", encoding="utf-8")
    (folder / "link.json").symlink_to("real.json")
    assert check("--no-cache", "--format", "json", "-o", "link.json") == 1
    assert (folder / "link.json").is_symlink()
    assert (folder / "real.json").read_text(encoding="utf-8").startswith('{\n  "version": 1')


def test_written_files_get_the_usual_mode(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o022)
    try:
        assert check("--no-cache", "--format", "json", "-o", "new.json") == 1
        (folder / "kept.json").write_text("old\n", encoding="utf-8")
        os.chmod(folder / "kept.json", 0o640)
        assert check("--no-cache", "--format", "json", "-o", "kept.json") == 1
    finally:
        os.umask(old)
    assert (folder / "new.json").stat().st_mode & 0o777 == 0o644
    assert (folder / "kept.json").stat().st_mode & 0o777 == 0o640
