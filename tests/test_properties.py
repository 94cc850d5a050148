"""Property-based tests (issue 6): for arbitrary text, bytes, Markdown structure and front
matter, ``lint_text``, the byte pipeline and the CLI never raise, every diagnostic lies
inside the file, and results are deterministic."""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.cli import main
from claimlint.config import default_config
from claimlint.diagnostics import Diagnostic
from claimlint.document.decoding import DecodeError, decode
from claimlint.runner import Overrides, Session
from conftest import TODAY, lint

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BREAK = re.compile(r"\r\n|\n|\r")  # the line breaks of RULES.md section 1
SESSION = Session(Overrides(today=TODAY), base=default_config(Path.cwd()))

FRAGMENTS = [
    "# Heading", "## References", "### Sources", "**References**", "Notes:",
    "- item", "  - nested item", "1. first", "2) second", "[1] Entry 2020. doi:10.1/x",
    "> quote", "> > deeper quote", "```", "```python", "~~~", "    indented code",
    "| a | b |", "|---|---|", "<!-- comment -->", "<!-- claimlint-disable CL301 -->",
    "<!-- claimlint-disable-next-line -->", "<!-- claimlint-enable", "<sup>3</sup>",
    "[^1]: A footnote.", "[^1]", "[1]", "[2, 3]", "[4-9]", "[[5]](#r5)", "[text][1]",
    "[1]: https://example.org", "This tea cures colds.", "It has no side effects.",
    "40% of people", "110% of patients", "according to studies", "(Smith et al., 2020)",
    "Consult your doctor.", "**Author:** Dana", "Date: 2020-01-01", "---", "+++", "{",
    "`code`", "<div>", "</div>", "import x from 'y'", "=====", "-----", "\t", "\u200b",
    "健康", "مرحبا", "🥦", "\ufeff", "\x0c",
]  # fmt: skip
SEPARATORS = ["\n", "\r\n", "\r", "\n\n", " ", ""]

markdown = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS) | st.text(max_size=20), st.sampled_from(SEPARATORS)),
    max_size=40,
).map(lambda parts: "".join(text + sep for text, sep in parts))

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.dates()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
metadata = st.dictionaries(
    st.sampled_from(["title", "author", "date", "slug", "updated", "claimlint", "disclaimer"])
    | st.text(max_size=10),
    values,
    max_size=6,
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["yaml", "raw-yaml", "raw-toml", "json"]))
    data = draw(metadata)
    if kind == "yaml":
        head = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n"
    elif kind == "json":
        head = json.dumps(data, default=str) + "\n"
    else:
        fence = "---" if kind == "raw-yaml" else "+++"
        head = f"{fence}\n{draw(markdown)}\n{fence}\n"
    return head + draw(markdown)


def lines_of(text: str) -> list[str]:
    return BREAK.split(text)


def assert_inside(diagnostics: list[Diagnostic], text: str) -> None:
    lines = lines_of(text)
    for d in diagnostics:
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert d.line <= d.end_line <= len(lines), d
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, d
        assert (d.line, d.column) <= (d.end_line, d.end_column), d
        assert d.code != "CL002", d  # a rule crashed


def check_text(text: str) -> None:
    first = lint(text)
    assert_inside(first, text.lstrip("\ufeff"))
    assert lint(text) == first


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    check_text(text)


@SETTINGS
@given(markdown)
def test_random_markdown_structure(text: str) -> None:
    check_text(text)


@SETTINGS
@given(front_matter())
def test_random_front_matter(text: str) -> None:
    check_text(text)


def lint_bytes(data: bytes) -> list[Diagnostic]:
    assert SESSION.base is not None
    return list(SESSION.lint_bytes(data, "article.md", SESSION.base).diagnostics)


@SETTINGS
@given(
    st.binary(max_size=400) | markdown.map(lambda t: t.encode("utf-16")) | st.text().map(str.encode)
)
def test_arbitrary_bytes(data: bytes) -> None:
    first = lint_bytes(data)
    try:
        text = decode(data).text
    except DecodeError:
        assert [(d.line, d.column, d.code) for d in first] == [(1, 1, "CL001")]
    else:
        assert_inside(first, text)
    assert lint_bytes(data) == first


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300) | markdown.map(str.encode) | front_matter().map(str.encode))
def test_the_cli_on_arbitrary_files(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.md"
        path.write_bytes(data)
        runs = []
        for _ in range(2):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(
                    ["check", str(path), "--format", "json", "--no-cache", "--today", "2026-11-22"]
                )
            assert err.getvalue() == ""
            assert code in (0, 1)
            runs.append(out.getvalue())
        assert runs[0] == runs[1]
        report = json.loads(runs[0])
        assert all(d["code"] != "CL002" for d in report["diagnostics"])
        assert (code == 1) == any(d["severity"] == "error" for d in report["diagnostics"])
