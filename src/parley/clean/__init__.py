"""Clean: RawDoc -> Article. HTML through trafilatura, text dumps through the line classifier.

Metadata given with the document (DocHints) wins over what is found in it.
"""

from __future__ import annotations

import hashlib
import re
from typing import cast

from parley.clean.dates import date_from_url
from parley.clean.dump import parse_dump
from parley.clean.html import extract_page
from parley.clean.language import detect_language
from parley.clean.metadata import site_from_url
from parley.errors import CleanError
from parley.models import Article, DateOrigin, RawDoc

__all__ = ["clean_document", "content_hash"]


def clean_document(doc: RawDoc) -> Article:
    """The clean article in a raw document; CleanError if it holds no text."""
    if doc.kind == "html":
        page = extract_page(doc.body, doc.source, doc.hints.url)
        text, title, published, outlet, authors = (
            page.text, page.title, page.published, page.outlet, page.authors)
        credit, url, basis = None, doc.hints.url or page.url, page.published_from
    elif doc.raw:
        text, title, published, outlet, authors, credit = doc.body, None, None, None, (), None
        url, basis = doc.hints.url, None
    else:
        dump = parse_dump(doc.body, doc.hints.url)
        text, title, published, outlet = dump.text, dump.title, dump.published, dump.outlet
        authors, credit, url = dump.authors, dump.credited_source, doc.hints.url
        basis = dump.published_from
    if not text.strip():
        raise CleanError(doc.source, "no article text found")
    hints = doc.hints
    published_final, origin = _published(hints.published, published, basis, url)
    digest = content_hash(text)
    return Article(
        id=article_id(hints.id, url, doc.source, digest),
        source=doc.source,
        text=text,
        content_hash=digest,
        title=hints.title or title,
        published=published_final,
        published_from=origin,
        outlet=hints.outlet or outlet or site_from_url(url),
        credited_source=credit,
        authors=hints.authors or authors,
        language=detect_language(text),
        url=url,
        input_id=hints.id,
    )


def _published(given: str | None, found: str | None, basis: str | None,
               url: str | None) -> tuple[str | None, DateOrigin | None]:
    """The publication date and what it rests on: the input, else the page, else its URL."""
    if given:
        return given, "input"
    if found:
        return found, cast(DateOrigin, basis or "text")
    from_url = date_from_url(url)
    return (from_url, "url") if from_url else (None, None)


def content_hash(text: str) -> str:
    """Hash of the text with case and spacing normalised: equal for exact duplicates."""
    normalized = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def article_id(input_id: str | None, url: str | None, source: str, digest: str) -> str:
    """A stable id: the same document from the same place always gets the same one."""
    origin = url or (f"{source.rsplit(':', 1)[0]}#{input_id}" if input_id else source)
    return hashlib.sha256(f"{origin}\n{digest}".encode()).hexdigest()[:16]
