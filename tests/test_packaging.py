"""The wheel carries rules/ and schemas/; a plain (non-editable) install lints a file."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_installs_in_a_fresh_venv_and_lints(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    [wheel] = dist.glob("claimlint-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "claimlint/rules/claims.yaml" in names
    assert "claimlint/schemas/pack.schema.json" in names
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    article = tmp_path / "a.md"
    article.write_text(
        "---\nslug: a\ndate: 2026-01-01\nauthor: Dana\n---\n\nIt cures colds.\n\nNot medical advice.\n"
    )
    result = subprocess.run(
        [str(env / "bin" / "claimlint"), "check", "--format", "concise", "-q", str(article)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert (
        result.stdout
        == f"{article}:7:4: CL301 [absolute-efficacy-claim] absolute efficacy claim 'cures' with no source\n"
    )
