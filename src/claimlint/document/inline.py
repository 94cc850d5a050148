"""Inline masking: blank out what is not prose while keeping every offset in place.

Each function returns a string of the same length as its input in which code, URLs,
link targets, HTML tags, comments and Markdown punctuation are replaced by spaces, so
that an offset in the prose view is the same offset in the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_IMAGE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\n]*\)")
# [text](target "title"), one level of nested brackets in the text: [[3]](#ref3)
_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\s*\)"
)
_REF_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\[([^\[\]\n]*)\]")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`]+", re.I)
_URL_TRAIL = re.compile(r"[.,;:!?)\]'\"]+$")
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{:[^}\n]*\}")
_EMPHASIS = re.compile(r"\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|~~")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#x[0-9A-Fa-f]{1,6});")


def _blank(text: str) -> str:
    return "".join("\n" if char == "\n" else " " for char in text)


def _blank_match(match: re.Match[str]) -> str:
    return _blank(match.group(0))


def _keep_group(group: int) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        whole = match.group(0)
        start = match.start(group) - match.start(0)
        end = match.end(group) - match.start(0)
        return _blank(whole[:start]) + whole[start:end] + _blank(whole[end:])

    return replace


def _url(match: re.Match[str]) -> str:
    url = match.group(0)
    trail = _URL_TRAIL.search(url)
    cut = trail.start() if trail else len(url)
    return _blank(url[:cut]) + url[cut:]


def mask_inline(text: str, link_labels: frozenset[str] = frozenset()) -> str:
    """The prose view of one block's text (same length as the input)."""
    # Each pattern runs only when the text holds a string that every match of it contains:
    # most blocks have no code, links or markup, and the substitutions dominated parsing.
    if "<!--" in text:
        text = _COMMENT.sub(_blank_match, text)
    if "`" in text:
        text = _CODE.sub(_blank_match, text)
    if "![" in text:
        text = _IMAGE.sub(_blank_match, text)
    if "{" in text:
        text = _SHORTCODE.sub(_blank_match, text)
    if "](" in text:
        text = _LINK.sub(_keep_group(1), text)
    if "][" in text:
        text = _REF_LINK.sub(_keep_group(1), text)
    if "<" in text:
        text = _AUTOLINK.sub(_blank_match, text)
        text = _TAG.sub(_blank_match, text)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(_url, text)
    if "&" in text:
        text = _ENTITY.sub(_blank_match, text)
    if "*" in text or "_" in text or "~~" in text:
        text = _EMPHASIS.sub(_blank_match, text)
    return _ESCAPE.sub(" ", text) if "\\" in text else text


def code_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of inline code and HTML comments, where nothing is a citation marker."""
    spans = [(m.start(), m.end()) for m in _CODE.finditer(text)]
    spans.extend((m.start(), m.end()) for m in _COMMENT.finditer(text))
    return spans
