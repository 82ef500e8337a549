"""Read-side functions shared by the CLI, the API and the web UI. No interface holds SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parley.actors.registry import CorpusEntity, find_match, name_key, surname_of
from parley.models import Entity
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
    elif kind == "entities":
        for entity, article_ids in store.iter_entities():
            yield entity_record(entity, article_ids)
    elif kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")
    # events, quotes and stories are filled by later stages: none stored yet


def entity_record(entity: CorpusEntity, article_ids: list[str]) -> dict[str, Any]:
    """A corpus-wide entity as CONTRACT section 2 exports it."""
    return {"id": entity.id, "name": entity.name, "type": entity.type,
            "country": entity.country, "sector": entity.sector, "role": entity.role,
            "aliases": list(entity.aliases), "article_ids": article_ids,
            "roles": [r.as_dict() for r in sorted(entity.roles, key=lambda r: r.since or "")]}


@dataclass(frozen=True)
class ActorProfile:
    entity: CorpusEntity
    articles: list[dict[str, Any]]  # id, published, title, outlet, mentions
    co_actors: list[tuple[CorpusEntity, int]]


def find_actors(store: Store, name: str) -> list[CorpusEntity]:
    """Corpus entities answering to a name (full name, alias or surname), best first."""
    key = name_key(name)
    candidates = store.entity_candidates([key, surname_of(name)])
    probe = Entity(name=name, type="PERSON")
    exact = [c for c in candidates if key in c.keys]
    person = find_match(probe, [c for c in candidates if c.type == "PERSON"])
    ordered = exact + ([person] if person and person not in exact else [])
    return ordered + [c for c in candidates if c not in ordered]


def actor_profile(store: Store, entity: CorpusEntity, co_actor_limit: int = 10) -> ActorProfile:
    """Roles over time, the articles that mention the actor, and who appears with it."""
    articles: dict[str, dict[str, Any]] = {}
    for row in store.entity_mention_rows(entity.id):
        entry = articles.setdefault(row["article_id"], {
            "id": row["article_id"], "published": row["published"], "title": row["title"],
            "outlet": row["outlet"], "mentions": 0})
        entry["mentions"] += 1
    shared = store.co_mentioned(entity.id)[:co_actor_limit]
    known = store.get_entities(entity_id for entity_id, _ in shared)
    co_actors = [(known[i], n) for i, n in shared if i in known]
    return ActorProfile(entity, list(articles.values()), co_actors)


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
