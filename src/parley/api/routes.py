"""The read endpoints: thin over `parley.query` (no SQL, no NLP here)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from parley import query
from parley.api import schemas
from parley.api.problems import Problem
from parley.api.responses import decode_cursor, json_response, page
from parley.api.schemas import ok
from parley.models import Modality
from parley.query_terms import resolve_types
from parley.store import EventQuery, Store

DATE = r"^\d{4}(-\d\d(-\d\d)?)?$"
ID = r"^[A-Za-z0-9_.:-]{1,80}$"
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1-500).")]
Cursor = Annotated[str | None, Query(max_length=400, description=(
    "`next_cursor` of the previous page, unchanged."))]
Since = Annotated[str | None, Query(pattern=DATE, description="From this date: YYYY[-MM[-DD]].")]
Until = Annotated[str | None, Query(pattern=DATE, description="Up to this date: YYYY[-MM[-DD]].")]
Actors = Annotated[list[str] | None, Query(
    max_length=10, description="A party (repeatable: all must take part): a code (USA, IRNGOV), "
                               "a country or demonym (Iran), or a person's name (Trump).")]
Types = Annotated[list[str] | None, Query(
    max_length=16, description=(
        "Event type (repeatable, any matches): a PLOVER category (CONSULT, ASSAULT), a mode "
        "(ceasefire, aerial) or a common word for one (talks, airstrike, deal)."))]
Text = Annotated[str | None, Query(max_length=200)]


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
router = APIRouter()


def _names(values: list[str] | None) -> list[str]:
    return [v.strip() for v in values or [] if v.strip()][:10]


def _known(values: list[str], known: Iterable[str], what: str) -> tuple[str, ...]:
    """The values, each checked against the known ones (422 naming them otherwise)."""
    choices = sorted(known)
    unknown = [v for v in values if v not in choices]
    if unknown:
        raise Problem(422, f"unknown {what} {unknown[0]!r}; choose from {', '.join(choices)}",
                      kind="invalid-request")
    return tuple(values)


def _found(record: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    """The one record asked for, or a 404 problem naming it."""
    if record is None:
        raise Problem(404, f"no {what} {key}", kind="not-found")
    return record


def _offset_page(request: Request, items: list[Any], offset: int, limit: int) -> Response:
    chunk = items[offset:offset + limit]
    return json_response(request, page(chunk, offset + limit if offset + limit < len(items) else None))


@router.get("/health", tags=["status"], summary="Is the server up and the store readable?",
            responses=ok(schemas.Health))
def health(request: Request, store: StoreDep) -> Response:
    return json_response(request, {"status": "ok", "schema_version": store.schema_version()})


@router.get("/stats", tags=["status"], summary="The store at a glance, latest stories, active dyads",
            responses=ok(schemas.Stats))
def stats(request: Request, store: StoreDep) -> Response:
    return json_response(request, query.dashboard(store))


@router.get("/articles", tags=["articles"], summary="Stored articles, newest stored first",
            responses=ok(schemas.Page[schemas.ArticleSummary]))
def list_articles(request: Request, store: StoreDep, limit: Limit = 50, cursor: Cursor = None,
                  outlet: Text = None, language: Annotated[str | None, Query(max_length=8)] = None,
                  since: Since = None, until: Until = None,
                  story: Annotated[str | None, Query(max_length=80)] = None) -> Response:
    items, next_key = query.article_list(store, before=decode_cursor(cursor, int), limit=limit,
                                         outlet=outlet, language=language, since=since,
                                         until=until, story_id=story)
    return json_response(request, page(items, next_key))


@router.get("/articles/{article_id}", tags=["articles"],
            summary="An article's clean text with entities, timexes, quotes and events as offsets",
            responses=ok(schemas.ArticleView))
def get_article(request: Request, store: StoreDep,
                article_id: Annotated[str, Path(pattern=ID)]) -> Response:
    return json_response(request, _found(query.article_view(store, article_id), "article",
                                         article_id))


@router.get("/events", tags=["events"], summary="Merged events, newest first, with their evidence",
            responses=ok(schemas.Page[schemas.Event]))
def list_events(
        request: Request, store: StoreDep, actor: Actors = None,
        dyad: Annotated[str | None, Query(max_length=120, description=(
            "Two parties separated by a comma: USA,IRN (both must take part)."))] = None,
        type: Types = None, mode: Annotated[list[str] | None, Query(max_length=16)] = None,
        modality: Annotated[list[str] | None, Query(max_length=6)] = None,
        since: Since = None, until: Until = None,
        story: Annotated[str | None, Query(max_length=80)] = None,
        article: Annotated[str | None, Query(max_length=80)] = None,
        text: Text = None, min_reports: Annotated[int | None, Query(ge=1, le=1000)] = None,
        dated: bool | None = None,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=(
            "Only records whose calibrated confidence is at least this."))] = None,
        order: Literal["newest", "oldest"] = "newest",
        limit: Limit = 50, cursor: Cursor = None) -> Response:
    actors = _names(actor) + _names((dyad or "").split(","))
    filters = EventQuery(kinds=tuple((spec.type, spec.mode) for spec in resolve_types(_names(type))),
                         modes=tuple(_names(mode)),
                         modalities=_known(_names(modality), get_args(Modality), "modality"),
                         since=since, until=until, story_id=story, article_id=article,
                         text=(text or "").strip() or None, min_reports=min_reports, dated=dated,
                         min_confidence=min_confidence)
    items, next_key = query.find_events(store, filters, actors, after=decode_cursor(cursor, list),
                                        limit=limit, newest_first=order == "newest")
    return json_response(request, page(items, list(next_key) if next_key else None))


@router.get("/events/{event_id}", tags=["events"],
            summary="One event: every report's evidence sentence, outlet and merge basis",
            responses=ok(schemas.Event))
def get_event(request: Request, store: StoreDep,
              event_id: Annotated[str, Path(pattern=ID)]) -> Response:
    return json_response(request, _found(query.get_event(store, event_id), "event", event_id))


@router.get("/entities", tags=["entities"], summary="Corpus entities (people, groups, places)",
            responses=ok(schemas.Page[schemas.Entity]))
def list_entities(request: Request, store: StoreDep, q: Text = None,
                  type: Annotated[str | None, Query(max_length=16)] = None,
                  limit: Limit = 50, cursor: Cursor = None) -> Response:
    needle = (q or "").casefold().strip()
    items = [query.entity_record(entity, ids) for entity, ids in store.iter_entities()
             if (not type or entity.type == type.upper()) and (
                 not needle or needle in entity.name.casefold()
                 or any(needle in a.casefold() for a in entity.aliases))]
    items.sort(key=lambda e: (-len(e["article_ids"]), e["name"], e["id"]))
    return _offset_page(request, items, decode_cursor(cursor, int) or 0, limit)


@router.get("/entities/{entity_id}", tags=["entities"],
            summary="One entity: dated roles, co-actors and the articles that mention it",
            responses=ok(schemas.EntityDetail))
def get_entity(request: Request, store: StoreDep,
               entity_id: Annotated[str, Path(pattern=ID)]) -> Response:
    found = store.get_entities([entity_id]).get(entity_id)
    if found is None:
        raise Problem(404, f"no entity {entity_id}", kind="not-found")
    profile = query.actor_profile(store, found)
    record = query.entity_record(found, [a["id"] for a in profile.articles])
    record["articles"] = profile.articles
    record["co_actors"] = [{"id": e.id, "name": e.name, "type": e.type, "shared_articles": n}
                           for e, n in profile.co_actors]
    return json_response(request, record)


@router.get("/quotes", tags=["quotes"], summary="Quotes with their speakers, oldest first",
            responses=ok(schemas.Page[schemas.Quote]))
def list_quotes(request: Request, store: StoreDep, speaker: Text = None, since: Since = None,
                until: Until = None, article: Annotated[str | None, Query(max_length=80)] = None,
                kind: Literal["direct", "indirect", "mixed"] | None = None,
                limit: Limit = 50, cursor: Cursor = None) -> Response:
    items = [q for q in query.find_quotes(store, (speaker or "").strip() or None, since)
             if (not until or (q["published"] or "")[:len(until)] <= until)
             and (not article or q["article_id"] == article) and (not kind or q["kind"] == kind)]
    return _offset_page(request, items, decode_cursor(cursor, int) or 0, limit)


@router.get("/stories", tags=["stories"], summary="Stories, most recent first",
            responses=ok(schemas.Page[schemas.Story]))
def list_stories(request: Request, store: StoreDep, limit: Limit = 50,
                 cursor: Cursor = None) -> Response:
    items = sorted(query.story_records(store), key=lambda s: (s["last_date"] or "", s["id"]),
                   reverse=True)
    return _offset_page(request, items, decode_cursor(cursor, int) or 0, limit)


@router.get("/stories/{story_id}", tags=["stories"], summary="One story: its articles and events",
            responses=ok(schemas.Story))
def get_story(request: Request, store: StoreDep,
              story_id: Annotated[str, Path(pattern=ID)]) -> Response:
    for story in query.story_records(store):
        if story["id"] == story_id:
            return json_response(request, story)
    raise Problem(404, f"no story {story_id}", kind="not-found")


@router.get("/timeline", tags=["events"],
            summary="Dated events of actors in order, undated apart, and the monthly trend",
            responses=ok(schemas.Timeline))
def get_timeline(request: Request, store: StoreDep, actor: Actors = None, since: Since = None,
                 until: Until = None, type: Types = None) -> Response:
    return json_response(request, query.timeline_view(store, _names(actor), since, until,
                                                      [t.upper() for t in _names(type)]))


@router.get("/network", tags=["events"],
            summary="The actor network: nodes are actors, edges events by PLOVER quad class",
            responses=ok(schemas.Network))
def get_network(request: Request, store: StoreDep, actor: Actors = None, since: Since = None,
                until: Until = None, type: Types = None) -> Response:
    return json_response(request, query.network_view(store, _names(actor), since, until,
                                                      [t.upper() for t in _names(type)]))


@router.get("/search", tags=["articles"], summary="Full-text search of articles, best first",
            responses=ok(schemas.Page[schemas.SearchHit]))
def search(request: Request, store: StoreDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description=(
               'Words that must all occur; "a quoted phrase" stays a phrase.'))],
           limit: Annotated[int, Query(ge=1, le=100)] = 20, cursor: Cursor = None) -> Response:
    offset = decode_cursor(cursor, int) or 0
    hits = query.search(store, q, offset=offset, limit=limit + 1)
    return json_response(request, page(hits[:limit], offset + limit if len(hits) > limit else None))
