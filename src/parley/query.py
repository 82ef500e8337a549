"""Read-side functions shared by the CLI, the API and the web UI. No interface holds SQL."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from parley.actors.registry import CorpusEntity, find_match, name_key, surname_of
from parley.datafiles import read_data_json
from parley.models import Entity, strongest_basis

# The actor network (nodes = actors, edges = events by type): every interface builds this one.
from parley.network import ActorNetwork as ActorNetwork
from parley.network import actor_network as actor_network
from parley.store import EventQuery, Store
from parley.store.reads import HIT_END, HIT_START
from parley.timeline import ActorTest, TimelineEntry, actor_test, timeline

EXPORT_KINDS = ("articles", "entities", "events", "quotes", "stories")
# Columns of `parley export articles`: CONTRACT section 2 fields first.
ARTICLE_FIELDS = ("id", "source", "content_hash", "duplicate_of", "title", "published",
                  "published_from", "outlet", "credited_source", "authors", "language",
                  "skipped", "url", "input_id", "text")


def export_records(store: Store, kind: str, min_confidence: float = 0.0) -> Iterator[dict[str, Any]]:
    """The records of one export kind (CONTRACT section 2); events only at `min_confidence` or
    above (their calibrated share of right records, see `parley.events.calibration`)."""
    if kind == "articles":
        for row in store.iter_articles():
            yield {name: row.get(name) for name in ARTICLE_FIELDS}
    elif kind == "entities":
        for entity, article_ids in store.iter_entities():
            yield entity_record(entity, article_ids)
    elif kind == "quotes":
        yield from (quote_record(row) for row in store.iter_quotes())
    elif kind == "events":
        yield from (event_record(row) for row in store.iter_events()
                    if (row["confidence"] or 0.0) >= min_confidence)
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


def find_quotes(store: Store, speaker: str | None = None, since: str | None = None, *,
                until: str | None = None, articles: Sequence[str] = (),
                kinds: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    """Quotes, oldest first; by a speaker (any entity answering to the name), publication dates
    (since, until: YYYY[-MM[-DD]], inclusive), articles (ids or id prefixes) and kinds (direct,
    indirect, mixed)."""
    if speaker is None:
        rows = store.iter_quotes(since=since)
    else:
        ids = [e.id for e in find_actors(store, speaker)]
        rows = store.iter_quotes(entity_ids=ids, speaker_like=speaker, since=since)
    for row in rows:
        published = row["published"]
        if until and (published is None or published[: len(until)] > until):
            continue
        if articles and not any(row["article_id"].startswith(a) for a in articles):
            continue
        if kinds and row["kind"] not in kinds:
            continue
        yield quote_record(row)


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


# -- paged reads of the API and the web UI ------------------------------------------------------

QUADS = ("VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT", "MATERIAL CONFLICT")


@lru_cache(maxsize=1)
def quad_classes() -> dict[str, int]:
    """PLOVER category -> quad class (1 verbal cooperation .. 4 material conflict), from the
    PLOVER manual's table in data/event_cameo.json."""
    categories = read_data_json("event_cameo.json")["categories"]
    return {name: QUADS.index(v["quad"]) + 1 for name, v in categories.items() if v.get("quad") in QUADS}


def is_actor_code(spec: str) -> bool:
    """"USA", "IRNGOV": a CAMEO-style code the store can filter on directly."""
    return spec.isalpha() and spec.isupper() and len(spec) in (3, 6, 9)


def party_test(spec: str) -> ActorTest:
    """A predicate on event parties: a code ("USAGOV") matches parties whose code starts with
    it; anything else is `timeline.actor_test` (country names, demonyms, people)."""
    if is_actor_code(spec):
        return lambda actor: bool(actor and (str(actor.get("code") or "").startswith(spec)
                                             or actor.get("country") == spec))
    return actor_test(spec)


def _entries(store: Store, actors: Sequence[str], since: str | None, until: str | None,
             types: Sequence[str]) -> list[TimelineEntry]:
    tests = [party_test(a) for a in actors]
    return [e for e in timeline(store, [], since, until, types)
            if all(test(e.source) or test(e.target) for test in tests)]


def find_events(store: Store, query: EventQuery, actors: Sequence[str] = (), *,
                after: tuple[str, str] | None = None, limit: int = 50, newest_first: bool = True
                ) -> tuple[list[dict[str, Any]], tuple[str, str] | None]:
    """A page of merged events (`event_detail` records) with every actor taking part, and
    the key to pass as `after` for the next page (None: no more)."""
    codes = tuple(a for a in actors if is_actor_code(a))
    tests = [actor_test(a) for a in actors if not is_actor_code(a)]
    query = EventQuery(**{**query.__dict__, "codes": query.codes + codes})
    found: list[dict[str, Any]] = []
    batch = limit + 1 if not tests else max(4 * limit, 200)
    while len(found) <= limit:
        rows = store.event_rows(query, after=after, limit=batch, newest_first=newest_first)
        for row in rows:
            after = (row["date"] or "", row["id"])
            if all(test(row["source"]) or test(row["target"]) for test in tests):
                found.append(event_detail(row))
                if len(found) > limit:
                    break
        if len(rows) < batch:
            break
    page = found[:limit]
    more = len(found) > limit
    return page, ((page[-1]["date"] or "", page[-1]["id"]) if more and page else None)


def event_detail(row: dict[str, Any]) -> dict[str, Any]:
    """A merged event with its quad class and every report's evidence: the outlet, title,
    date and URL of the article, the sentence, and why the report joined the event."""
    records = [json.loads(e["record"]) for e in row["evidence"]]
    evidence = [{"article_id": e["article_id"], "start": e["start"], "end": e["end"],
                 "text": e["text"], "outlet": e.get("outlet"), "title": e.get("title"),
                 "published": e.get("published"), "url": e.get("url"),
                 "trigger": rec.get("trigger"), "date": rec.get("date"),
                 "date_text": rec.get("date_text"), "modality": rec.get("modality"),
                 "merge_basis": json.loads(e["merge_basis"]) if e.get("merge_basis") else None}
                for e, rec in zip(row["evidence"], records, strict=True)]
    article_ids = list(dict.fromkeys(e["article_id"] for e in evidence))
    return {
        "id": row["id"], "type": row["type"], "mode": row["mode"],
        "quad_class": quad_classes().get(row["type"]),
        "source": row["source"], "target": row["target"], "date": row["date"],
        "date_text": row["date_text"], "date_basis": strongest_basis(row["date"], records),
        "modality": row["modality"], "negated": row["negated"], "location": row["location"],
        "confidence": row["confidence"], "cameo": row["cameo"], "intensity": row["intensity"],
        "story_id": row["story_id"], "mentions": len(article_ids), "article_ids": article_ids,
        "outlets": list(dict.fromkeys(e["outlet"] for e in evidence if e["outlet"])),
        "evidence": evidence,
    }


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    row = store.get_event(event_id)
    return event_detail(row) if row is not None else None


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article's clean text and everything found in it, as offsets into that text."""
    article = store.get_article(article_id)
    if article is None:
        return None
    found = store.article_annotations(article_id)
    entities: dict[str, dict[str, Any]] = {}
    for m in found["entities"]:
        entity = entities.setdefault(m["entity_id"], {
            "entity_id": m["entity_id"], "name": m["name"], "type": m["type"],
            "country": m["country"], "sector": m["sector"], "mentions": []})
        entity["mentions"].append([m["start"], m["end"]])
    events = [{"event_id": r["event_id"], "type": r["type"], "mode": r["mode"],
               "quad_class": quad_classes().get(r["type"]), "date": r["date"],
               "modality": r["modality"], "source": r["source"], "target": r["target"],
               "sentence": {"start": r["start"], "end": r["end"]}, "trigger": r["trigger"]}
              for r in found["events"]]
    article.pop("seq", None)
    return {**article, "entities": list(entities.values()), "timexes": found["timexes"],
            "quotes": found["quotes"], "events": events}


def article_list(store: Store, *, before: int | None = None, limit: int = 50,
                 **filters: str | None) -> tuple[list[dict[str, Any]], int | None]:
    """A page of articles, newest stored first, and the cursor of the next page."""
    rows = store.article_rows(before_seq=before, limit=limit + 1, **filters)
    page = rows[:limit]
    return page, (page[-1]["seq"] if len(rows) > limit else None)


def search(store: Store, words: str, *, offset: int = 0, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every word, best first; each snippet as segments [{text, hit}]."""
    hits = store.search_articles(words, offset=offset, limit=limit)
    for hit in hits:
        hit["snippet"] = snippet_segments(hit.pop("snippet") or "")
        hit.pop("score", None)
    return hits


def snippet_segments(snippet: str) -> list[dict[str, Any]]:
    segments: list[dict[str, Any]] = []
    for i, part in enumerate(snippet.replace(HIT_END, HIT_START).split(HIT_START)):
        if part:
            segments.append({"text": part, "hit": i % 2 == 1})
    return segments


def network_view(store: Store, actors: Sequence[str] = (), since: str | None = None,
                 until: str | None = None, types: Sequence[str] = ()) -> dict[str, Any]:
    """`actor_network` as the API and the web UI draw it: the same nodes and edges (so the
    same counts as the GraphML export), each with an id and a label."""
    network = actor_network(store, actors, since, until, types)
    nodes = [{**n.as_dict(), "label": n.name} for n in network.nodes]
    edges = [{**e.as_dict(), "id": e.key, "types": {e.type: e.events}} for e in network.edges]
    return {"nodes": nodes, "edges": edges}


def monthly_trend(entries: Sequence[Any]) -> list[dict[str, Any]]:
    """Mean PLOVER intensity per month from the first dated event to the last, every month
    present (a month without events has mean None: a gap, not a skip). Asserted or recalled
    events only, as `dyad_trend` counts them."""
    months: dict[str, list[float]] = {}
    for entry in entries:
        if entry.date and len(entry.date) >= 7 and entry.intensity is not None and (
                entry.modality in ("asserted", "reported_past") and not entry.negated):
            months.setdefault(entry.date[:7], []).append(entry.intensity)
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        values = months.get(key, [])
        series.append({"month": key, "mean": sum(values) / len(values) if values else None,
                       "events": len(values)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


def timeline_view(store: Store, actors: Sequence[str] = (), since: str | None = None,
                  until: str | None = None, types: Sequence[str] = ()) -> dict[str, Any]:
    """A timeline's events (dated ones in order, undated ones counted apart) and its
    monthly cooperation-conflict trend."""
    entries = _entries(store, actors, since, until, types)
    quads = quad_classes()
    events = [{**e.as_dict(), "quad_class": quads.get(e.type)} for e in entries]
    return {"actors": list(actors), "events": [e for e in events if e["date"]],
            "undated": [e for e in events if not e["date"]], "trend": monthly_trend(entries)}


def dashboard(store: Store, stories: int = 10, dyads: int = 10, days: int = 7) -> dict[str, Any]:
    """What a reader sees first: the store's state, the latest stories, and the most active
    dyads of the last `days` days before the newest event date."""
    latest = store.latest_event_date()
    since = None
    if latest and len(latest) == 10:
        since = (date.fromisoformat(latest) - timedelta(days=days - 1)).isoformat()
    recent = sorted(story_records(store), key=lambda s: (s["last_date"] or "", s["id"]),
                    reverse=True)[:stories]
    stats = store_stats(store)
    return {
        "stats": {**stats.__dict__, "events": store.count_events(), "quotes": store.count_quotes(),
                  "last_stored": store.last_stored(), "latest_event_date": latest},
        "stories": [{**s, "articles": len(s["article_ids"]), "events": len(s["event_ids"])}
                    for s in recent],
        "dyads": [{"source": a, "target": b, "events": n}
                  for a, b, n in store.dyad_counts(since, dyads)],
        "dyads_since": since,
        "errors": store.recent_errors(5),
    }
