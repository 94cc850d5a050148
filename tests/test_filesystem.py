"""The file system (issue 6): symlink loops, unreadable files and folders, files that
vanish during the run, FIFOs and devices, very long paths. Each is reported (CL001) and the
run goes on; no link is followed out of the roots the user named."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimlint.cli import main
from claimlint.config import default_config
from claimlint.parallel import lint_files
from claimlint.runner import Overrides, Session
from conftest import TODAY

CLAIM = "This tea cures colds.\n"
CURES = "CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    options = ["--today", "2026-11-22", "--no-cache", "--format", "concise", "-q"]
    code = main(["check", *args, *options, "--select", "CL001,CL301"])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


@pytest.fixture
def root(isolated: Path) -> Path:
    folder = isolated / "root"
    folder.mkdir()
    (folder / "ok.md").write_text(CLAIM, encoding="utf-8")
    return folder


def test_symlink_loops_are_reported_and_not_followed(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "a.md").symlink_to("b.md")
    (root / "b.md").symlink_to("a.md")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to("..")  # a folder loop: links to folders are not walked
    (root / "sub" / "self.md").symlink_to("self.md")
    assert run(["root"], capsys) == (
        1,
        [
            "root/a.md:1:1: CL001 [unreadable-file] cannot read: Too many levels of symbolic links",
            "root/b.md:1:1: CL001 [unreadable-file] cannot read: Too many levels of symbolic links",
            f"root/ok.md:1:10: {CURES}",
            "root/sub/self.md:1:1: CL001 [unreadable-file] cannot read: Too many levels of symbolic links",
        ],
    )


def test_links_out_of_the_roots_are_not_followed(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(CLAIM, encoding="utf-8")
    (root / "link.md").symlink_to(outside / "secret.md")
    (root / "folder-link").symlink_to(outside)
    (root / "inside.md").symlink_to("ok.md")  # inside the root: the same file, linted once
    assert run(["root"], capsys) == (1, [f"root/inside.md:1:10: {CURES}"])


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Permission bits bind root only through another effective user id."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)  # nobody; the real user id stays root, so this can be undone
    try:
        yield
    finally:
        os.seteuid(0)


def test_unreadable_files_and_folders(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not under pytest's tmp_path: its parents are private to the user running the tests.
    work = Path(tempfile.mkdtemp(prefix="claimlint-perm-"))
    monkeypatch.chdir(work)
    root = work / "root"
    root.mkdir()
    (root / "ok.md").write_text(CLAIM, encoding="utf-8")
    (root / "locked.md").write_text(CLAIM, encoding="utf-8")
    (root / "locked.md").chmod(0)
    (root / "closed").mkdir()
    (root / "closed" / "hidden.md").write_text(CLAIM, encoding="utf-8")
    (root / "closed").chmod(0)
    for folder in (root.parent, root):
        folder.chmod(0o755)
    (root / "ok.md").chmod(0o644)
    try:
        with unprivileged():
            result = run(["root"], capsys)
    finally:
        (root / "closed").chmod(0o755)
        shutil.rmtree(work)
    assert result == (
        1,
        [
            "root/closed:1:1: CL001 [unreadable-file] cannot read: Permission denied",
            "root/locked.md:1:1: CL001 [unreadable-file] cannot read: Permission denied",
            f"root/ok.md:1:10: {CURES}",
        ],
    )


def test_a_file_that_vanishes_during_the_run(root: Path) -> None:
    (root / "gone.md").write_text(CLAIM, encoding="utf-8")
    session = Session(Overrides(today=TODAY), base=default_config(Path.cwd()))
    found = list(session.files([Path("root")]))
    (root / "gone.md").unlink()
    results = [
        [
            (d.line, d.column, d.code, d.message)
            for d in result.diagnostics
            if d.code in ("CL001", "CL301")
        ]
        for _, result in lint_files(session, found, jobs=1)
    ]
    assert results == [
        [(1, 1, "CL001", "cannot read: No such file or directory")],
        [(1, 10, "CL301", "absolute efficacy claim 'cures' with no source")],
    ]


def test_fifos_and_devices(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(root / "pipe.md")  # opening a FIFO for reading would block: it is never read
    assert stat.S_ISFIFO((root / "pipe.md").stat().st_mode)
    assert run(["root", "root/pipe.md", "/dev/zero"], capsys) == (
        1,
        [
            "/dev/zero:1:1: CL001 [unreadable-file] not a regular file (a FIFO, socket, device or folder)",
            f"root/ok.md:1:10: {CURES}",
            "root/pipe.md:1:1: CL001 [unreadable-file] not a regular file (a FIFO, socket or device)",
        ],
    )


def test_very_long_paths(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bug found here: a path longer than PATH_MAX was an internal error (config lookup)."""
    long_name = "n" * 250 + ".md"
    (root / long_name).write_text(CLAIM, encoding="utf-8")
    deep = os.open(root, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 251 characters: beyond PATH_MAX (4096)
            os.mkdir("d" * 250, dir_fd=deep)
            inner = os.open("d" * 250, os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        with open(os.open("deep.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=deep), "w") as f:
            f.write(CLAIM)
    finally:
        os.close(deep)
    code, lines = run(["root"], capsys)
    assert code == 1
    assert lines[1:] == [f"root/{long_name}:1:10: {CURES}", f"root/ok.md:1:10: {CURES}"]
    path, rest = lines[0].split(":", 1)
    assert rest == "1:1: CL001 [unreadable-file] cannot read: File name too long"
    assert path.startswith("root/" + "d" * 250 + "/") and len(path) > 4096
