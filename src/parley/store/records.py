"""What the store takes in and hands out: bundles of an article's records, and row helpers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from parley.actors.registry import CorpusEntity, RoleFact
from parley.models import Actor, Article, Entity, Event, Location, Quote


@dataclass(frozen=True)
class ArticleBundle:
    """An article and everything found in it, written together or not at all."""

    article: Article
    minhash: bytes | None = None
    entities: Sequence[tuple[CorpusEntity, Entity]] = ()  # article entity -> corpus entity
    quotes: Sequence[tuple[Quote, str | None]] = ()  # quote -> speaker's corpus entity id
    events: Sequence[EventReport] = ()
    story_id: str | None = None
    story_actors: Collection[str] = ()  # the salient actors the story assignment used


@dataclass(frozen=True)
class EventReport:
    """One article's report of an event, and the corpus event it was merged into."""

    event: Event
    event_id: str
    mention_id: str
    merge_key: str
    text: str  # the sentence that reports it
    is_new: bool  # True: this report creates the corpus event


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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
