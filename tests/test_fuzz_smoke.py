"""The fuzz smoke run (issue 6): each atheris target in fuzz/ runs for about 25 seconds
with a 10-second limit per input; any exception, failed invariant, hang or memory blow-up
fails the test. Longer campaigns: fuzz/README.md."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SECONDS = 25


@pytest.mark.parametrize("target", ["fuzz_document.py", "fuzz_references.py"])
def test_fuzz_target_smoke_run(tmp_path: Path, target: str) -> None:
    corpus = tmp_path / "corpus"  # new inputs go here, never into the repository
    corpus.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "fuzz" / target),
            f"-max_total_time={SECONDS}",
            "-timeout=10",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
            str(ROOT / "examples"),  # seeds, read only
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 120,
        cwd=tmp_path,
    )
    crashes = sorted(path.name for path in tmp_path.glob("crash-*")) + sorted(
        path.name for path in tmp_path.glob("timeout-*")
    )
    assert result.returncode == 0 and not crashes, result.stderr[-3000:]
    done = re.search(r"^Done (\d+) runs in \d+ second", result.stderr, re.M)
    assert done is not None, result.stderr[-3000:]
    assert int(done.group(1)) >= 1000  # it really ran, not a setup failure
