"""Hostile article files (issue 6): each is linted correctly or gives CL001, never a
traceback. Time linear in the size is checked by benchmarks/linearity.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import default_config
from claimlint.runner import Overrides, Session
from conftest import TODAY

SELECT = ("CL001", "CL105", "CL301", "CL501", "CL502", "CL503")
CLAIM = "This tea cures colds."
LINE = "A short line of ordinary prose about sleep and health.\n"
CURES = "absolute efficacy claim 'cures' with no source"


@pytest.fixture(scope="module")
def session() -> Session:
    return Session(Overrides(today=TODAY, select=SELECT), base=default_config(Path.cwd()))


def found(session: Session, data: bytes) -> list[tuple[int, int, str, str]]:
    assert session.base is not None
    result = session.lint_bytes(data, "article.md", session.base)
    return [(d.line, d.column, d.code, d.message) for d in result.diagnostics]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"---\ntitle: Only front matter\n---\n",
        b"+++\ntitle = 'x'\n+++\n",
        b"  \n\t\n \r\n\f\n",
    ],
    ids=["empty", "only YAML front matter", "only TOML front matter", "only white space"],
)
def test_files_with_no_prose_give_nothing(session: Session, data: bytes) -> None:
    assert found(session, data) == []


def test_a_4mb_single_paragraph(session: Session) -> None:
    data = ("word " * 800_000 + CLAIM).encode()
    assert len(data) > 4_000_000
    assert found(session, data) == [(1, 4_000_010, "CL301", CURES)]


def test_100000_lines(session: Session) -> None:
    data = (LINE * 100_000 + CLAIM + "\n").encode()
    assert found(session, data) == [(100_001, 10, "CL301", CURES)]


def test_10000_citation_markers(session: Session) -> None:
    refs = "\n\n## References\n\n1. Ref 2020. doi:10.1/x\n"
    assert found(session, ("Claim [1]. " * 10_000 + refs).encode()) == []
    data = ("Claim [1]. " * 10_000 + "Claim [2]." + refs).encode()
    assert found(session, data) == [
        (1, 110_007, "CL502", "citation [2] has no entry in the reference list")
    ]


def test_deeply_nested_lists_and_quotes(session: Session) -> None:
    lists = "".join("  " * i + "- item\n" for i in range(300)) + "  " * 300 + "- " + CLAIM
    assert found(session, lists.encode()) == [(301, 612, "CL301", CURES)]
    quotes = "> " * 500 + CLAIM + "\n"
    assert found(session, quotes.encode()) == [(1, 1010, "CL301", CURES)]


def test_mixed_crlf_lf_and_cr(session: Session) -> None:
    data = b"# T\r\n\r\nLine one.\rThis tea cures colds.\nok\r\n"
    assert found(session, data) == [(4, 10, "CL301", CURES)]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["CRLF", "CR", "LF"])
def test_front_matter_with_any_line_break(session: Session, newline: str) -> None:
    """A bug found here: '---' closing front matter before a CRLF or CR was not seen."""
    text = newline.join(["---", "title: x", "author: [", "---", CLAIM, ""])
    assert found(session, text.encode()) == [
        (
            3,
            1,
            "CL105",
            "invalid YAML front matter: expected the node content, but found '<stream end>' (front matter line 2)",
        ),
        (5, 10, "CL301", CURES),
    ]
    good = newline.join(["---", "title: x", "---", CLAIM, ""])
    assert found(session, good.encode()) == [(4, 10, "CL301", CURES)]


def test_nul_bytes_are_cl001(session: Session) -> None:
    data = (LINE * 100).encode() + b"\x00" + (LINE * 100).encode()
    assert found(session, data) == [(1, 1, "CL001", "binary file (contains NUL bytes)")]


@pytest.mark.parametrize(
    "lines", [10, 30_000], ids=["near the start", "past the detector's sample"]
)
def test_invalid_utf8_in_the_middle_falls_back(session: Session, lines: int) -> None:
    """A bug found here: a stray byte beyond 200 KB made the file 'ASCII', then CL001."""
    data = (
        (LINE * lines).encode() + b"caf\xe9 \xff\xfe\n" + (LINE * lines).encode() + CLAIM.encode()
    )
    assert found(session, data) == [(2 * lines + 2, 10, "CL301", CURES)]


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", True), ("utf-16-be", True), ("utf-16-le", False), ("utf-16-be", False)],
)
def test_utf16_with_and_without_bom(session: Session, encoding: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + "健康的生活方式很重要。\nThis tea cures colds.\n"
    assert found(session, text.encode(encoding)) == [(2, 10, "CL301", CURES)]


def test_latin1(session: Session) -> None:
    data = "# Café crème\n\nCe thé, très bien, cures colds.\n".encode("latin-1")
    assert found(session, data) == [(3, 20, "CL301", CURES)]


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("مرحبا بالعالم. שלום עולם.\n\n健康的生活方式很重要。This tea cures colds.\n", 21),
        ("👩‍⚕️🥦 This\u200b tea\u200d cures colds.\n", 18),
        ("\u200b\u200c\u200d\u2060\ufeffThis tea cures\u200b colds.\n", 15),
    ],
    ids=["right-to-left and CJK", "emoji and joiners", "zero-width characters"],
)
def test_columns_count_characters_in_any_script(session: Session, text: str, column: int) -> None:
    line = text.count("\n") if "\n\n" in text else 1
    assert found(session, text.encode()) == [(line, column, "CL301", CURES)]


def test_deep_json_front_matter_is_cl105(session: Session) -> None:
    data = b'{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}\n\n" + CLAIM.encode()
    assert found(session, data) == [
        (1, 1, "CL105", "JSON front matter is nested too deeply"),
        (3, 10, "CL301", CURES),  # the body is still linted
    ]


def test_long_runs_without_spaces(session: Session) -> None:
    """spaCy's tokenizer is quadratic in a token's length: 10,000 brackets took 8 s."""
    data = ("[" * 20_000 + "]" * 20_000 + " " + CLAIM + " " + "x" * 50_000).encode()
    assert found(session, data) == [(1, 40_011, "CL301", CURES)]


LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)


@pytest.mark.parametrize(
    ("front", "error"),
    [
        (
            LAUGHS,
            (
                3,
                1,
                "CL105",
                "invalid YAML front matter: aliases are not allowed in front matter (front matter line 2)",
            ),
        ),
        (
            "a: " + "[" * 5_000 + "]" * 5_000 + "\n",
            (1, 1, "CL105", "YAML front matter is nested too deeply"),
        ),
        (
            "title: " + "x" * 300_000 + "\n",
            (1, 1, "CL105", "front matter is larger than 200000 chars"),
        ),
        (
            "x: !!python/object/apply:os.system ['echo pwned']\n",
            (
                2,
                1,
                "CL105",
                "invalid YAML front matter: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system' (front matter line 1)",
            ),
        ),
        (
            "x: !custom 1\n",
            (
                2,
                1,
                "CL105",
                "invalid YAML front matter: could not determine a constructor for the tag '!custom' (front matter line 1)",
            ),
        ),
        (
            "title: x\ndate: 0260-29-14\n",  # found by fuzz/fuzz_document.py: was ValueError
            (
                3,
                1,
                "CL105",
                "invalid YAML front matter: invalid value: month must be in 1..12 (front matter line 2)",
            ),
        ),
    ],
    ids=[
        "billion laughs",
        "deep nesting",
        "huge scalar",
        "python tag",
        "custom tag",
        "impossible date",
    ],
)
def test_front_matter_attacks_are_cl105_and_the_body_is_linted(
    session: Session, front: str, error: tuple[int, int, str, str]
) -> None:
    data = f"---\n{front}---\n{CLAIM}\n".encode()
    line = 2 + front.count("\n") + 1
    assert found(session, data) == [error, (line, 10, "CL301", CURES)]


def test_unclosed_footnote_references(session: Session) -> None:
    """A bug found by benchmarks/linearity.py: 100,000 '[^' took 34 s (quadratic regex)."""
    data = ("[^" * 50_000 + " " + CLAIM + " [^a]\n\n[^a]: A note.\n").encode()
    assert found(session, data) == [(1, 100_011, "CL301", CURES)]
