"""Fuzz the citation and reference parser: prose full of markers before and after a
reference heading, built from the fuzzer's bytes, and the marker-number expansion.

    python fuzz/fuzz_references.py [libFuzzer options] [CORPUS_DIR ...]

See fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["claimlint"]):
    from claimlint.document import parse_document
    from claimlint.document.references import expand

from invariants import check_document  # after the instrumented imports

# Pieces the parser cares about, so that the fuzzer reaches its branches quickly.
PIECES = [
    "[", "]", "[^", "](#", "<sup>", "</sup>", "[[", "]]", "(", ")", ",", "-", "–", "\\",
    "`", "<!--", "-->", "\n", "\n\n", "## References\n", "**Sources**\n", "Notes:\n",
    "1. ", "2) ", "[3] ", "[^a]: ", "doi:10.1/x ", "https://example.org ", "2020 ",
    "(Smith et al., 2020)", "    ", "> ", "- ", "|",
]  # fmt: skip


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    parts = []
    while provider.remaining_bytes():
        if provider.ConsumeBool():
            parts.append(PIECES[provider.ConsumeIntInRange(0, len(PIECES) - 1)])
        elif provider.ConsumeBool():
            parts.append(str(provider.ConsumeIntInRange(0, 10_000)))
        else:
            parts.append(provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 12)))
    text = "".join(parts)
    check_document(parse_document(text, "fuzz.md"))
    numbers = "".join(ch for ch in text if ch in "0123456789,-–— \t")[:200].strip(" \t,-–—")
    if numbers and numbers[0].isdigit():
        try:
            expanded = expand(numbers)
        except ValueError:
            return  # not a marker's number list (the marker pattern never passes one)
        assert len(expanded) <= 201 * (numbers.count(",") + 1)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
