"""Read-side functions shared by the CLI, the API and the web UI. No interface holds SQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parley.actors.registry import CorpusEntity, find_match, name_key, surname_of
from parley.models import Entity, strongest_basis
from parley.store import Store

EXPORT_KINDS = ("articles", "entities", "events", "quotes", "stories")
# Columns of `parley export articles`: CONTRACT section 2 fields first.
ARTICLE_FIELDS = ("id", "source", "content_hash", "duplicate_of", "title", "published",
                  "published_from", "outlet", "credited_source", "authors", "language",
                  "skipped", "url", "input_id", "text")


def export_records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """The records of one export kind (CONTRACT section 2)."""
    if kind == "articles":
        for row in store.iter_articles():
            yield {name: row.get(name) for name in ARTICLE_FIELDS}
    elif kind == "entities":
        for entity, article_ids in store.iter_entities():
            yield entity_record(entity, article_ids)
    elif kind == "quotes":
        yield from (quote_record(row) for row in store.iter_quotes())
    elif kind == "events":
        yield from (event_record(row) for row in store.iter_events())
    elif kind == "stories":
        yield from story_records(store)
    elif kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A merged event as CONTRACT section 2 exports it: the event, its reports and outlets."""
    evidence = row["evidence"]
    records = [json.loads(e["record"]) for e in evidence]
    first = records[0] if records else {}
    article_ids = list(dict.fromkeys(e["article_id"] for e in evidence))
    return {
        "id": row["id"], "type": row["type"], "mode": row["mode"], "source": row["source"],
        "target": row["target"], "date": row["date"], "date_text": row["date_text"],
        "date_basis": strongest_basis(row["date"], records),
        "modality": row["modality"], "negated": row["negated"], "location": row["location"],
        "sentence": first.get("sentence"), "trigger": first.get("trigger"),
        "confidence": row["confidence"], "cameo": row["cameo"], "intensity": row["intensity"],
        "article_ids": article_ids, "mentions": len(article_ids),
        "outlets": list(dict.fromkeys(e["outlet"] for e in evidence if e["outlet"])),
        "story_id": row["story_id"],
        "evidence": [{"article_id": e["article_id"], "start": e["start"], "end": e["end"],
                      "text": e["text"],
                      "merge_basis": json.loads(e["merge_basis"]) if e["merge_basis"] else None}
                     for e in evidence],
    }


def story_records(store: Store) -> Iterator[dict[str, Any]]:
    """Stories (CONTRACT section 2): their articles, events and date range."""
    stories: dict[str, dict[str, Any]] = {}
    for story_id, article_id, published, title in store.iter_story_articles():
        story = stories.setdefault(story_id, {"id": story_id, "title": title, "article_ids": [],
                                              "event_ids": [], "dates": []})
        story["article_ids"].append(article_id)
        story["title"] = story["title"] or title
        if published:
            story["dates"].append(published)
    for row in store.iter_events():
        owner = stories.get(row["story_id"] or "")
        if owner is not None:
            owner["event_ids"].append(row["id"])
            if row["date"]:
                owner["dates"].append(row["date"])
    for story in stories.values():
        dates = sorted(story.pop("dates"))
        yield {**story, "first_date": dates[0] if dates else None,
               "last_date": dates[-1] if dates else None}


def quote_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored quote as CONTRACT section 2 exports it."""
    return {"id": row["id"], "article_id": row["article_id"], "text": row["text"],
            "start": row["start"], "end": row["end"], "kind": row["kind"],
            "speaker": row["speaker"], "speaker_entity_id": row["speaker_entity_id"],
            "cue": row["cue"], "cue_start": row["cue_start"], "cue_end": row["cue_end"],
            "published": row["published"], "outlet": row.get("outlet")}


def find_quotes(store: Store, speaker: str | None = None,
                since: str | None = None) -> Iterator[dict[str, Any]]:
    """Quotes, oldest first; by a speaker (any entity answering to the name) and a date."""
    if speaker is None:
        yield from (quote_record(r) for r in store.iter_quotes(since=since))
        return
    ids = [e.id for e in find_actors(store, speaker)]
    rows = store.iter_quotes(entity_ids=ids, speaker_like=speaker, since=since)
    yield from (quote_record(r) for r in rows)


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
    # several answer to the name: the one with the most stated roles (the public figure) first
    exact = sorted((c for c in candidates if key in c.keys), key=lambda c: -len(c.roles))
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
    error_stages: list[tuple[str | None, int]]  # failed inputs by stage (None: the input)
    skipped: list[tuple[str | None, int]]  # articles stored unread, by reason (language)
    watched: list[dict[str, Any]]  # what `parley watch` polls (see watch_state)


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
        error_stages=store.error_stage_counts(),
        skipped=[(reason, n) for reason, n in store.group_counts("skipped") if reason],
        watched=watch_state(store),
    )


def watch_state(store: Store) -> list[dict[str, Any]]:
    """Each feed or folder `parley watch` polls: kind, when it was last checked and what that
    found, the feed's validators (etag, last_modified), and its entries or files by status."""
    return store.watch_summary()
