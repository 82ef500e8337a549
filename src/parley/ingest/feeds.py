"""RSS and Atom feeds: the items they list, with the metadata each item carries."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser

from parley.errors import InputFormatError
from parley.models import DocHints


@dataclass(frozen=True)
class FeedItem:
    link: str
    hints: DocHints
    summary: str | None
    guid: str | None = None  # the entry's id (RSS guid, Atom id), if it has one
    updated: str | None = None  # when the entry says it last changed, if it does

    @property
    def key(self) -> str:
        """What identifies the entry across polls of its feed: its id, else its link."""
        return self.guid or self.link


def parse_feed(data: bytes, source: str) -> list[FeedItem]:
    """The items of an RSS/Atom feed; InputFormatError if the data is not a feed."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise InputFormatError(source, f"not an RSS or Atom feed{detail}")
    outlet = parsed.feed.get("title") or None
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        items.append(FeedItem(link=link, hints=_entry_hints(entry, outlet), summary=_summary(entry),
                              guid=entry.get("id") or None,
                              updated=_stamp(entry)))
    return items


def _entry_hints(entry: feedparser.FeedParserDict, outlet: str | None) -> DocHints:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", stamp) if stamp else None
    author = entry.get("author")
    return DocHints(title=entry.get("title") or None, published=published, outlet=outlet,
                    url=entry.get("link"), authors=(author,) if author else ())


def _stamp(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's last-updated stamp as written, else its publication stamp (read from the
    dict itself: feedparser's own `updated` lookup falls back to `published` with a warning)."""
    return dict.get(entry, "updated") or dict.get(entry, "published") or None


def _summary(entry: feedparser.FeedParserDict) -> str | None:
    content = entry.get("content")
    if content:
        return str(content[0].get("value") or "") or None
    return entry.get("summary") or None
