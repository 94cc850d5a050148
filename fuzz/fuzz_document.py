"""Fuzz the document parser: bytes -> decode -> parse_document, and check its invariants.

    python fuzz/fuzz_document.py [libFuzzer options] [CORPUS_DIR ...]

See fuzz/README.md. A crash (an exception or a failed invariant) stops the run and
writes the input to crash-<hash>.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["claimlint"]):
    from claimlint.document import parse_document
    from claimlint.document.decoding import DecodeError, decode

from invariants import check_document  # after the instrumented imports


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data).text
    except DecodeError:
        return  # binary or undecodable: CL001, by design
    check_document(parse_document(text, "fuzz.md"))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
