"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, a detected fallback."""

from __future__ import annotations

import codecs
from typing import NamedTuple


class DecodeError(Exception):
    """The bytes are binary or cannot be decoded; the message says which."""


class Decoded(NamedTuple):
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

SAMPLE_BYTES = 200_000  # how much of a file the encoding detector reads

# Control characters that never appear in text files (tab, newlines, form feed allowed).
_CONTROL = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D}


def decode(data: bytes) -> Decoded:
    """Decode file bytes, or raise DecodeError for binary and undecodable input."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding + " (BOM)")
            except UnicodeDecodeError as error:
                message = f"invalid {encoding} after its byte-order mark: {error.reason}"
                raise DecodeError(message) from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        return _detected(data, error.start)


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM shows as NUL in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    for nul_count, other, encoding in (
        (odd_nul, even_nul, "utf-16-le"),
        (even_nul, odd_nul, "utf-16-be"),
    ):
        if nul_count > half * 0.6 and other < half * 0.05:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if _looks_like_text(text):
                return Decoded(text, encoding)
    return None


def _detected(data: bytes, first_invalid: int) -> Decoded:
    """The first candidate encoding that decodes every byte. The sample the detector
    reads always holds the first byte that is not UTF-8: with only the file's start, a
    large file with one stray byte deep inside was taken for ASCII and refused."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE_BYTES]
    if first_invalid >= SAMPLE_BYTES // 2:
        sample = data[: SAMPLE_BYTES // 2] + data[first_invalid : first_invalid + SAMPLE_BYTES // 2]
    tried = []
    text, encoding = None, ""
    for match in from_bytes(sample):
        try:
            text, encoding = data.decode(match.encoding), match.encoding
            break
        except (UnicodeDecodeError, LookupError) as error:
            tried.append(f"{match.encoding} ({error.__class__.__name__})")
    if text is None:
        also = f" or {', '.join(tried)}" if tried else ", UTF-16 or any detected encoding"
        raise DecodeError(f"cannot be decoded as UTF-8{also}")
    if not _looks_like_text(text):
        raise DecodeError("binary file (too many control characters)")
    return Decoded(text, encoding)


def _looks_like_text(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return True
    controls = sum(1 for char in sample if ord(char) in _CONTROL)
    return controls <= len(sample) * 0.01
