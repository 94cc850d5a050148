"""The document model: bytes -> Document (text, metadata, prose segments, line index)."""

from claimlint.document.blocks import Segment
from claimlint.document.decoding import DecodeError, decode
from claimlint.document.metadata import MetaEntry, MetaError
from claimlint.document.model import Document, parse_document
from claimlint.document.references import Citations, Entry, Marker

__all__ = [
    "Citations",
    "DecodeError",
    "Document",
    "Entry",
    "Marker",
    "MetaEntry",
    "MetaError",
    "Segment",
    "decode",
    "parse_document",
]
