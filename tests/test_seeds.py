"""The two seed articles, end to end through the CLI (issue done-when conditions)."""

from __future__ import annotations

import pytest
from tests.conftest import SHARED, needs_shared

from claimlint.cli import main

SEEDS = SHARED / "seeds"
pytestmark = needs_shared


def concise(path: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(["check", path, "--format", "concise", "-q", "--today", "2026-11-22"])
    return capsys.readouterr().out.splitlines()


def test_seed_000_metadata_in_bold_key_blocks_and_a_disclaimer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(SEEDS / "000_c31e374a4b1367d8.txt")
    assert concise(path, capsys) == [
        f"{path}:10:1: CL303 [unsupported-proof-claim] 'Studies have shown' claims proof but names no source",
    ]


def test_seed_003_no_metadata_no_disclaimer_markers_without_a_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(SEEDS / "003_692814ebd52c64d4.txt")
    assert concise(path, capsys) == [
        f"{path}:1:1: CL101 [missing-metadata] missing metadata field 'slug' (looked for: slug, handle, permalink)",
        f"{path}:1:1: CL101 [missing-metadata] missing metadata field 'date' (looked for: date, published, publish_date, publishDate, pubDate, datePublished, created)",
        f"{path}:1:1: CL101 [missing-metadata] missing metadata field 'author' (looked for: author, authors, byline, writer)",
        f"{path}:1:1: CL201 [missing-disclaimer] no medical disclaimer in the article",
        f"{path}:13:48: CL501 [missing-reference-list] 10 citation markers ([1]–[10]) but no reference list",
        # "have revolutionized cancer care": the verb of 'revolutionary' (an optional label)
        f"{path}:26:16: CL304 [hype-language] hype word 'revolutionized'",
    ]
