"""The pre-commit hook, for real: `pre-commit try-repo <this repository> claimlint`.

try-repo clones a repository and pip-installs claimlint into a fresh virtualenv, from PyPI
for the dependencies, so this test takes some seconds and needs the package index, like
the rest of CI. It is given a snapshot of this working tree (tracked and untracked files,
not ignored ones) committed in a temporary repository: try-repo on the checkout itself
would leave out new files not yet added, so the hook would run other code than the suite.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Creating the hook's virtualenv installs spaCy; give a slow mirror plenty of time.
TIMEOUT = 900


def _environment(home: Path) -> dict[str, str]:
    # Outside variables such as GIT_DIR (set when the suite runs inside a git hook) would
    # point git at the wrong repository.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(home)
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    return env


def _snapshot(target: Path, env: dict[str, str]) -> Path:
    """This working tree, as git sees it (ignored files left out), committed in ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert listed.returncode == 0, f"{ROOT} must be a git checkout: {listed.stderr!r}"
    names = [name for name in listed.stdout.decode().split("\0") if name]
    assert ".pre-commit-hooks.yaml" in names
    for name in names:
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    identity = {
        f"GIT_{role}_{part}": value
        for role in ("AUTHOR", "COMMITTER")
        for part, value in (("NAME", "Test"), ("EMAIL", "test@example.com"))
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", *command], cwd=target, env=env | identity, check=True)
    return target


def _try_repo(repo: Path, content: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "claimlint"]
    return subprocess.run(
        [*command, "--files", "article.md", "--color", "never"],
        cwd=content,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_try_repo_fails_on_a_claim_then_passes(tmp_path: Path) -> None:
    env = _environment(tmp_path / "pre-commit-home")
    (tmp_path / "claimlint").mkdir()
    repo = _snapshot(tmp_path / "claimlint", env)
    content = tmp_path / "content"
    content.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=content, env=env, check=True)
    today = dt.date.today().isoformat()
    article = content / "article.md"
    head = f"---\nslug: diabetes-diet\ndate: {today}\nauthor: Dana Lee\n---\n\n"
    foot = "\nThis article is not medical advice.\n"
    article.write_text(head + "This diet cures diabetes.\n" + foot, encoding="utf-8")
    subprocess.run(["git", "add", "article.md"], cwd=content, env=env, check=True)

    failed = _try_repo(repo, content, env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "- hook id: claimlint\n- exit code: 1\n" in output
    assert (
        "article.md:7:11: error CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
        "  |\n"
        "7 | This diet cures diabetes.\n"
        "  |           ^^^^^\n"
    ) in output
    assert "Found 1 problem (1 error) in 1 of 1 file.\n" in output

    article.write_text(head + "This diet may help some people with diabetes.\n" + foot, "utf-8")
    subprocess.run(["git", "add", "article.md"], cwd=content, env=env, check=True)
    passed = _try_repo(repo, content, env)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert [line for line in output.splitlines() if line.startswith("claimlint.")] == [
        "claimlint" + "." * (79 - len("claimlint") - len("Passed")) + "Passed"
    ]
