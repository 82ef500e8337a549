"""What the store takes in and hands out: bundles of an article's records, and row helpers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from parley.actors.registry import CorpusEntity, RoleFact
from parley.models import Actor, Article, Entity, Event, Location, Quote, Timex
from parley.stories.index import StoryUpdate
from parley.stories.merge import Merged, party_slots


@dataclass(frozen=True)
class ArticleBundle:
    """An article and everything found in it, written together or not at all."""

    article: Article
    minhash: bytes | None = None
    entities: Sequence[tuple[CorpusEntity, Entity]] = ()  # article entity -> corpus entity
    quotes: Sequence[tuple[Quote, str | None]] = ()  # quote -> speaker's corpus entity id
    events: Sequence[Merged] = ()  # each report and the corpus event it joined
    story_id: str | None = None
    story_actors: Collection[str] = ()  # the salient actors the story assignment used
    story_update: StoryUpdate | None = None  # its vectors, and stored articles that moved
    timexes: Sequence[Timex] = ()


class StoreError(Exception):
    """The store cannot be opened or is newer than this version of parley."""


def corpus_entity(row: dict[str, Any]) -> CorpusEntity:
    return CorpusEntity(
        id=row["id"], type=row["type"], name=row["name"], country=row["country"],
        sector=row["sector"], role=row["role"], aliases=tuple(json.loads(row["aliases"])),
        roles=tuple(RoleFact(**fact) for fact in json.loads(row["roles"])))


def record_json(record: Actor | Location | None) -> str | None:
    return json.dumps(record.as_dict(), ensure_ascii=False) if record is not None else None


def record_id(article_id: str, kind: str, *parts: object) -> str:
    """A stable id for a record found in an article: the same input always gives the same id."""
    key = "\n".join([article_id, kind, *map(str, parts)])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def event_values(record: Event) -> dict[str, Any]:
    """The `events` columns of a corpus event's merged record."""
    return {
        "type": record.type, "mode": record.mode, "source": record_json(record.source),
        "target": record_json(record.target),
        "source_code": record.source.code if record.source else None,
        "target_code": record.target.code if record.target else None,
        "date": record.date, "date_text": record.date_text, "date_basis": record.date_basis,
        "modality": record.modality,
        "negated": int(record.negated), "location": record_json(record.location),
        "confidence": record.confidence, "cameo": record.cameo, "intensity": record.intensity}


def party_rows(event_id: str, merge_key: str, record: Event, seq: int) -> list[dict[str, Any]]:
    """The `event_parties` rows of a corpus event: its parties' slots, with its date and the
    insertion number `seq` of the article of its latest report."""
    year = record.date[:4] if record.date else None
    return [{"event_id": event_id, "merge_key": merge_key, "slot": slot, "year": year,
             "date": record.date, "seq": seq} for slot in party_slots(record)]


def stored_event(row: dict[str, Any]) -> Event:
    """A corpus event's merged record from its `events` row (no offsets: it has many reports)."""
    def actor(value: str | None) -> Actor | None:
        if not value:
            return None
        fields = json.loads(value)
        fields.pop("code", None)  # derived from country and sector
        return Actor(**fields)

    location = json.loads(row["location"]) if row["location"] else None
    return Event(type=row["type"], sentence_start=0, sentence_end=0, source=actor(row["source"]),
                 target=actor(row["target"]), mode=row["mode"], date=row["date"],
                 date_text=row["date_text"], date_basis=row.get("date_basis"),
                 modality=row["modality"],
                 negated=bool(row["negated"]), confidence=row["confidence"], cameo=row["cameo"],
                 intensity=row["intensity"], location=Location(**location) if location else None)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
