"""Read-side functions shared by the CLI, the API and the web UI. No interface holds SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parley.store import Store

EXPORT_KINDS = ("articles", "entities", "events", "quotes", "stories")
# Columns of `parley export articles`: CONTRACT section 2 fields first.
ARTICLE_FIELDS = ("id", "source", "content_hash", "duplicate_of", "title", "published",
                  "published_from", "outlet", "credited_source", "authors", "language",
                  "url", "input_id", "text")


def export_records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """The records of one export kind (CONTRACT section 2)."""
    if kind == "articles":
        for row in store.iter_articles():
            yield {name: row.get(name) for name in ARTICLE_FIELDS}
    elif kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")
    # entities, events, quotes and stories are filled by later stages: none stored yet


@dataclass(frozen=True)
class StoreStats:
    articles: int
    duplicates: int
    errors: int
    first_published: str | None
    last_published: str | None
    languages: list[tuple[str | None, int]]
    outlets: list[tuple[str | None, int]]
    date_origins: list[tuple[str | None, int]]
    schema_version: int


def store_stats(store: Store) -> StoreStats:
    first, last = store.published_range()
    return StoreStats(
        articles=store.count_articles(),
        duplicates=store.count_articles(duplicates=True),
        errors=store.count_errors(),
        first_published=first,
        last_published=last,
        languages=store.group_counts("language"),
        outlets=store.group_counts("outlet"),
        date_origins=store.group_counts("published_from"),
        schema_version=store.schema_version(),
    )
