"""Decide what kind of document a blob of text is: JSONL, a feed, an HTML page or plain text."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["jsonl", "feed", "html", "text"]

_EXTENSIONS: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(r"<(!doctype html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
SNIFF_CHARS = 4096


def format_from_name(name: str) -> Format | None:
    """The format a file name announces (`.gz` is looked through), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return None


def sniff_format(text: str) -> Format:
    """The format of a document judged from its first characters."""
    head = text[:SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<?xml") or head.startswith("<"):
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_MARK.search(head):
            return "html"
    if len(_HTML_MARK.findall(head)) >= 3:
        return "html"
    return "text"


def resolve_format(name: str, text: str) -> Format:
    """Trust content over a misleading extension for XML feeds and JSONL; else the extension."""
    sniffed = sniff_format(text)
    by_name = format_from_name(name)
    if by_name is None or by_name == "text" or sniffed == "feed":
        return sniffed
    if by_name == "feed":  # a .xml/.rss name on something that is not a feed
        return sniffed
    return by_name
