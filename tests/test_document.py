"""The document model: decoding, metadata in every format, prose exclusion, positions."""

from __future__ import annotations

import codecs

import pytest
from tests.conftest import SHARED, codes, needs_shared

from claimlint.document import DecodeError, decode, parse_document


def prose(text: str, path: str = "a.md") -> list[str]:
    return [" ".join(s.text.split()) for s in parse_document(text, path).segments]


# -- decoding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Café".encode(), "utf-8 (BOM)"),
        (codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"), "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE + "Café".encode("utf-16-be"), "utf-16-be (BOM)"),
        ("Café au lait, à la française.".encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decodes_utf8_and_utf16(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text.startswith("Caf")
    assert decoded.encoding == encoding


def test_latin1_falls_back_to_a_detected_encoding() -> None:
    text = "Le café est très bon pour la santé, disent les études récentes. " * 3
    assert decode(text.encode("latin-1")).text == text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def"])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(data)


# -- metadata ----------------------------------------------------------------------------


def fields(text: str, path: str = "a.md") -> dict[str, object]:
    doc = parse_document(text, path)
    return {
        name: (doc.field(name)[0].value if doc.field(name) else None)
        for name in ("slug", "date", "author", "title")
    }


def test_yaml_front_matter() -> None:
    got = fields("---\nslug: a-b\npublishDate: 2024-01-02\nauthors: [Dana]\n---\nBody.\n")
    assert (got["slug"], str(got["date"]), got["author"], got["title"]) == (
        "a-b",
        "2024-01-02",
        ["Dana"],
        None,
    )


def test_toml_front_matter() -> None:
    got = fields('+++\nslug = "a"\ndate = 2024-01-02\nauthor = "Dana"\ntitle = "T"\n+++\nBody.\n')
    assert (got["slug"], str(got["date"]), got["author"], got["title"]) == (
        "a",
        "2024-01-02",
        "Dana",
        "T",
    )


def test_json_front_matter() -> None:
    got = fields('{"slug": "a", "datePublished": "2024-01-02", "byline": "Dana"}\n\nBody.\n')
    assert got == {"slug": "a", "date": "2024-01-02", "author": "Dana", "title": None}


def test_bold_key_blocks_at_both_ends() -> None:
    text = "A Title\n**Author:** Dana\n**Date:** 2024-01-02\nBody text.\n**Slug:** a-title\n"
    assert fields(text) == {
        "slug": "a-title",
        "date": "2024-01-02",
        "author": "Dana",
        "title": None,
    }
    assert prose(text) == ["A Title", "Body text."]


def test_cms_export_block_with_blank_lines() -> None:
    text = "# Title\n\n**Published:** 2024-01-02\n\n**Author:** Dana\n\nBody.\n"
    assert fields(text)["date"] == "2024-01-02"
    assert fields(text)["author"] == "Dana"


def test_plain_key_value_counts_only_for_known_keys() -> None:
    text = "Author: Dana\nSlug: x\n\nBottom line: statins cut risk.\n"
    assert fields(text)["author"] == "Dana"
    assert prose(text) == ["Bottom line: statins cut risk."]


def test_keys_match_case_and_separators_alike() -> None:
    doc = parse_document("---\nMeta Description: Hello there.\nPUBLISH-DATE: 2024-01-02\n---\n")
    assert doc.field("description")[0].value == "Hello there."
    assert str(doc.field("date")[0].value) == "2024-01-02"


def test_empty_value_counts_as_absent() -> None:
    assert fields("---\nauthor: ''\nslug:\n---\n") == {
        "slug": None,
        "date": None,
        "author": None,
        "title": None,
    }


def test_jekyll_file_name_date() -> None:
    assert fields("Body.\n", "posts/2024-01-31-title.md")["date"] == "2024-01-31"
    assert fields("Body.\n", "posts/20240131-title.md")["date"] is None


# -- prose -------------------------------------------------------------------------------


def test_code_comments_urls_and_tags_are_not_prose() -> None:
    text = (
        "Intro with `inline cures code` and <!-- a cures comment --> here.\n\n"
        "```\nThis cures nothing.\n```\n\n"
        "    indented cures code\n\n"
        "See [the CDC](https://cdc.gov/cures) or https://example.org/cures.\n\n"
        '<div class="note">Tag text stays.</div>\n\n'
        "import Chart from './Chart'\n\n"
        '{"json": "cures blob"}\n'
    )
    assert prose(text) == [
        "Intro with and here.",
        "See the CDC or .",
        "Tag text stays.",
    ]


def test_headings_lists_tables_quotes_and_fields_are_prose() -> None:
    text = (
        "---\ntitle: The Title\ndescription: The summary.\nlayout: page\n---\n"
        "# Heading\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n\n> quoted\n"
    )
    assert prose(text) == [
        "Heading",
        "item one",
        "item two",
        "a",
        "b",
        "c",
        "d",
        "quoted",
        "The Title",
        "The summary.",
    ]


# -- positions ---------------------------------------------------------------------------


def test_line_and_column_after_front_matter_with_crlf_and_non_ascii() -> None:
    text = "---\r\ntitle: Café\r\n---\r\n\r\nÉté — this diet cures type 2 diabetes.\r\n"
    found = [c for c in codes(text) if c[2] == "CL301"]
    assert found == [(5, 17, "CL301")]


def test_position_inside_a_list_item_and_a_quote() -> None:
    text = "Intro.\n\n- first\n  - nested: it **cures** colds\n\n> A quote that cures flu.\n"
    assert [c for c in codes(text) if c[2] == "CL301"] == [(4, 18, "CL301"), (6, 16, "CL301")]


# -- citations ---------------------------------------------------------------------------


def test_markers_and_reference_lists() -> None:
    text = (
        "A [1]. B [2, 3]. C [4-5]. D [[6]](#r6). E <sup>7</sup>. F [^n]. "
        "`[8]` \\[9\\] [link][10].\n\n"
        "[10]: https://example.org\n\n## Sources\n\n1. One.\n2) Two.\n[3] Three.\n\n[^n]: Note.\n"
    )
    doc = parse_document(text)
    assert [(m.raw, m.numbers, m.label) for m in doc.citations.markers] == [
        ("[1]", (1,), ""),
        ("[2, 3]", (2, 3), ""),
        ("[4-5]", (4, 5), ""),
        ("[[6]](#r6)", (6,), ""),
        ("<sup>7</sup>", (7,), ""),
        ("[^n]", (), "n"),
    ]
    assert [e.number for e in doc.citations.entries] == [1, 2, 3]
    assert [e.label for e in doc.citations.footnotes] == ["n"]


@needs_shared
def test_seed_with_metadata_blocks_at_both_ends() -> None:
    path = SHARED / "seeds" / "000_c31e374a4b1367d8.txt"
    found = {c[2] for c in codes(path.read_text(encoding="utf-8"), str(path))}
    assert "CL101" not in found and "CL201" not in found
