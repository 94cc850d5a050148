"""Changed-only runs against real git repositories: --diff REF and --diff-lines."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from claimlint.cli import main
from claimlint.gitdiff import changes

HEAD = "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\n"
FOOT = "\nNot medical advice.\n"
CLAIM = "This diet cures diabetes.\n"


def article(*paragraphs: str) -> str:
    return HEAD + "\n".join(paragraphs) + FOOT


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", *args, "--today", "2026-11-22", "--format", "concise", "-q"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository (the working folder) with two committed articles on main.

    docs/diet.md has one claim; docs/old.md has no front matter (three CL101) and a claim.
    """
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "test@example.com")
    git(isolated, "init", "-q", "-b", "main")
    (isolated / "docs").mkdir()
    (isolated / "docs" / "diet.md").write_text(article(CLAIM), encoding="utf-8")
    (isolated / "docs" / "old.md").write_text(
        "Old notes.\n\nIt has no side effects.\n" + FOOT, encoding="utf-8"
    )
    (isolated / "notes.md").write_text(article(CLAIM), encoding="utf-8")
    git(isolated, "add", ".")
    git(isolated, "commit", "-q", "-m", "articles")
    return isolated


def test_unchanged_repository_lints_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--diff", "HEAD", "--today", "2026-11-22"]) == 0
    assert capsys.readouterr() == ("All checks passed! (0 files checked)\n", "")


def test_changed_files_committed_staged_unstaged_and_untracked(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    git(repo, "checkout", "-q", "-b", "topic")
    (repo / "docs" / "committed.md").write_text(article(CLAIM), encoding="utf-8")
    git(repo, "add", "docs/committed.md")
    git(repo, "commit", "-q", "-m", "new article")
    (repo / "docs" / "staged.md").write_text(article(CLAIM), encoding="utf-8")
    git(repo, "add", "docs/staged.md")
    (repo / "docs" / "diet.md").write_text(article(CLAIM, "Walking helps.\n"), encoding="utf-8")
    (repo / "docs" / "untracked.md").write_text(article(CLAIM), encoding="utf-8")
    (repo / "docs" / "ignored.md").write_text(article(CLAIM), encoding="utf-8")
    (repo / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (repo / "script.py").write_text("print('cures')\n", encoding="utf-8")  # not an article
    (repo / "notes.md").unlink()  # deleted: nothing to lint
    code, out, err = run(["--diff", "main"], capsys)
    assert (code, err) == (1, "")
    assert [line.split(" ")[0] for line in out.splitlines()] == [
        "docs/committed.md:7:11:",
        "docs/diet.md:7:11:",
        "docs/staged.md:7:11:",
        "docs/untracked.md:7:11:",
    ]
    # The paths given narrow the changed files, as given (a file or a folder).
    assert run(["docs/diet.md", "--diff", "main"], capsys)[1] == (
        "docs/diet.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
    )
    assert run(["docs/old.md", "--diff", "main"], capsys)[:2] == (0, "")
    monkeypatch.chdir(repo / "docs")
    code, out, _ = run([".", "--diff", "main"], capsys)
    assert [line.split(" ")[0] for line in out.splitlines()] == [
        "committed.md:7:11:",
        "diet.md:7:11:",
        "staged.md:7:11:",
        "untracked.md:7:11:",
    ]


def test_explicit_unchanged_file_is_not_linted(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "notes.md", "--diff", "HEAD", "--today", "2026-11-22"]) == 0
    assert capsys.readouterr().out == "All checks passed! (0 files checked)\n"


def test_config_excludes_apply(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".claimlint.yaml").write_text("extend-exclude: [drafts]\n", encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "draft.md").write_text(article(CLAIM), encoding="utf-8")
    (repo / "docs" / "new.md").write_text(article(CLAIM), encoding="utf-8")
    code, out, _ = run(["--diff", "HEAD"], capsys)
    assert (code, [line.split(" ")[0] for line in out.splitlines()]) == (1, ["docs/new.md:7:11:"])


def test_diff_lines_reports_only_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diet = repo / "docs" / "diet.md"
    diet.write_text(
        article("An intro.\n", CLAIM, "Walking helps.\n", "It is completely safe.\n"),
        encoding="utf-8",
    )
    # Without --diff-lines the whole changed file is reported.
    assert run(["--diff", "HEAD"], capsys)[1] == (
        "docs/diet.md:9:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
        "docs/diet.md:13:7: CL302 [absolute-safety-claim] absolute safety claim 'completely safe' with no source\n"
    )
    assert run(["--diff", "HEAD", "--diff-lines"], capsys) == (
        1,
        "docs/diet.md:13:7: CL302 [absolute-safety-claim] absolute safety claim 'completely safe' with no source\n",
        "",
    )
    # A claim edited in place is on a changed line.
    diet.write_text(article("This diet cures gout.\n"), encoding="utf-8")
    assert run(["--diff", "HEAD", "--diff-lines"], capsys)[1] == (
        "docs/diet.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
    )
    # A finding whose sentence lost a line elsewhere is not on a changed line.
    diet.write_text(HEAD + CLAIM, encoding="utf-8")  # the disclaimer removed
    assert run(["--diff", "HEAD", "--diff-lines", "--select", "CL3"], capsys)[:2] == (0, "")


def test_diff_lines_file_level_findings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # old.md lacked metadata at HEAD: an edit is not blamed for it.
    (repo / "docs" / "old.md").write_text(
        "Old notes, edited.\n\nIt has no side effects.\n" + FOOT, encoding="utf-8"
    )
    # diet.md loses its disclaimer and its author: both are new file-level findings.
    (repo / "docs" / "diet.md").write_text(
        HEAD.replace("author: Dana\n", "") + CLAIM, encoding="utf-8"
    )
    # A new file: every finding is new.
    (repo / "docs" / "new.md").write_text("Fasting cures gout.\n", encoding="utf-8")
    code, out, _ = run(["--diff", "HEAD", "--diff-lines"], capsys)
    assert code == 1
    assert out == (
        "docs/diet.md:1:1: CL101 [missing-metadata] missing metadata field 'author' (looked for: author, authors, byline, writer)\n"
        "docs/diet.md:1:1: CL201 [missing-disclaimer] no medical disclaimer in the article\n"
        "docs/new.md:1:1: CL101 [missing-metadata] missing metadata field 'slug' (looked for: slug, handle, permalink)\n"
        "docs/new.md:1:1: CL101 [missing-metadata] missing metadata field 'date' (looked for: date, published, publish_date, publishDate, pubDate, datePublished, created)\n"
        "docs/new.md:1:1: CL101 [missing-metadata] missing metadata field 'author' (looked for: author, authors, byline, writer)\n"
        "docs/new.md:1:1: CL201 [missing-disclaimer] no medical disclaimer in the article\n"
        "docs/new.md:1:9: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
    )


def test_diff_with_baseline(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--write-baseline", "baseline.json"], capsys)[0] == 0
    git(repo, "add", "baseline.json")
    git(repo, "commit", "-q", "-m", "baseline")
    (repo / "docs" / "diet.md").write_text(article("Walking helps.\n"), encoding="utf-8")
    (repo / "docs" / "new.md").write_text(article(CLAIM), encoding="utf-8")
    code, out, err = run(["--diff", "HEAD", "--diff-lines", "--baseline", "baseline.json"], capsys)
    assert (code, out) == (
        1,
        "docs/new.md:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n",
    )
    # Only the linted file's entries can be stale; old.md and notes.md were not linted.
    assert err == (
        "claimlint: 1 baseline entry no longer occurs (prune with --write-baseline baseline.json):\n"
        "  docs/diet.md: CL301 'cures'\n"
    )


def test_changed_lines_parses_hunks(repo: Path) -> None:
    diet = repo / "docs" / "diet.md"
    lines = diet.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0:1] = []  # a pure deletion: no line of the new file
    lines[5:5] = ["one\n", "two\n", "three\n"]
    lines[-1] = "Changed.\n"
    diet.write_text("".join(lines), encoding="utf-8")
    found = changes("HEAD", [repo])
    assert found.changed_lines(diet) == {6, 7, 8, len(lines)}
    assert found.is_new(diet) is False
    assert found.old_bytes(diet) == article(CLAIM).encode()
    (repo / "docs" / "crlf.md").write_text("a\rb\r", encoding="utf-8", newline="")
    git(repo, "add", "docs/crlf.md")
    git(repo, "commit", "-q", "-m", "lone CR")
    (repo / "docs" / "crlf.md").write_text("a\rc\r", encoding="utf-8", newline="")
    assert changes("HEAD", [repo]).changed_lines(repo / "docs" / "crlf.md") is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--diff", "no-such-branch"],
            "--diff: unknown git revision 'no-such-branch' (give a branch, tag or commit, such as main, origin/main or HEAD~1; in CI, fetch it first)",
        ),
        (["--diff=--output=x"], "--diff: '--output=x' is not a git revision"),
        (["--diff-lines"], "--diff-lines needs --diff REF"),
        (
            ["--diff", "HEAD", "--write-baseline", "b.json"],
            "--write-baseline records a whole run; it cannot be combined with --diff",
        ),
        (["-", "--diff", "HEAD"], "--diff cannot check stdin ('-'): name files or folders"),
    ],
)
def test_bad_diff_arguments_are_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(args, capsys) == (2, "", f"claimlint: error: {message}\n")
    assert not (repo / "b.json").exists()


def test_outside_a_repository_is_exit_2(
    tmp_path_factory: pytest.TempPathFactory,
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = tmp_path_factory.mktemp("plain")
    (elsewhere / "a.md").write_text(article(CLAIM), encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(elsewhere.parent))
    # The repository is the first path's; every path must be in it.
    assert run(["docs", str(elsewhere / "a.md"), "--diff", "HEAD"], capsys) == (
        2,
        "",
        f"claimlint: error: --diff: {elsewhere / 'a.md'} is outside the git repository {repo.resolve()}\n",
    )
    assert run([str(elsewhere / "a.md"), "--diff", "HEAD"], capsys) == (
        2,
        "",
        f"claimlint: error: --diff needs a git repository, and {elsewhere} is not inside one\n",
    )
    monkeypatch.chdir(elsewhere)
    assert run(["--diff", "HEAD"], capsys) == (
        2,
        "",
        f"claimlint: error: --diff needs a git repository, and {elsewhere} is not inside one\n",
    )
    # From outside, a path into the repository is enough.
    (repo / "docs" / "new.md").write_text(article(CLAIM), encoding="utf-8")
    assert run([str(repo / "docs"), "--diff", "HEAD"], capsys)[:2] == (
        1,
        f"{repo / 'docs' / 'new.md'}:7:11: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n",
    )
    assert run([str(repo / "missing" / "x.md"), "--diff", "HEAD"], capsys) == (
        2,
        "",
        f"claimlint: error: {repo / 'missing' / 'x.md'}: no such file or folder\n",
    )


def test_diff_lines_with_fail_on_exit_zero_and_statistics(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The old claim (an error) is not on a changed line; the new statistic (a warning) is.
    (repo / "docs" / "diet.md").write_text(
        article(CLAIM, "About 40% of adults snore.\n"), encoding="utf-8"
    )
    assert run(["--diff", "HEAD", "--diff-lines"], capsys)[0] == 0
    assert run(["--diff", "HEAD", "--diff-lines", "--fail-on", "warning"], capsys)[0] == 1
    assert (
        run(["--diff", "HEAD", "--diff-lines", "--fail-on", "info", "--exit-zero"], capsys)[0] == 0
    )
    assert run(["--diff", "HEAD", "--diff-lines", "--statistics"], capsys)[:2] == (
        0,
        "1\tCL401\t[warning]\tuncited-statistic\n",
    )
    assert run(["--diff", "HEAD", "--statistics"], capsys)[:2] == (
        1,
        "1\tCL301\t[error]\tabsolute-efficacy-claim\n1\tCL401\t[warning]\tuncited-statistic\n",
    )
