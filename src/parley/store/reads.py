"""The store's reads for interfaces that page, filter and search (the API and the web UI).

`ReadTables` is mixed into `Store`. Every filter value is a bound parameter; full-text search
goes through SQLite FTS5 or PostgreSQL text search (schema v8), never through string-built SQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    text,
)

from parley.store.schema import (
    FTS_TABLE,
    PG_SEARCH_VECTOR,
    articles,
    entities,
    entity_mentions,
    errors,
    event_mentions,
    events,
    quotes,
    stories,
    story_articles,
    timexes,
)

# Markers around the matched words of a search snippet (control characters: never in text).
HIT_START, HIT_END = "\x02", "\x03"
_SEARCH_WORD = re.compile(r'"([^"]+)"|(\w+)')


@dataclass(frozen=True)
class EventQuery:
    """What `event_rows` filters on (all optional; every one narrows)."""

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    # (type, mode or None) pairs, any of which a record may match: what a query word such as
    # "ceasefire" (RETREAT/ceasefire) or "talks" (CONSULT) names
    kinds: tuple[tuple[str, str | None], ...] = ()
    modalities: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()  # each a party's code prefix ("USA", "IRNGOV"): all must take part
    since: str | None = None  # YYYY[-MM[-DD]], compared at the coarser of the two precisions
    until: str | None = None
    story_id: str | None = None
    article_id: str | None = None
    text: str | None = None  # words in an evidence sentence
    min_reports: int | None = None
    dated: bool | None = None  # True: only dated events; False: only undated ones
    min_confidence: float | None = None  # the calibrated confidence of the merged record


def like_pattern(value: str) -> str:
    """A LIKE pattern matching the value anywhere, its wildcards escaped (escape='\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _date_bounds(query: EventQuery) -> list[ColumnElement[bool]]:
    """Dates of any precision against bounds of any precision: "2025-08" is within
    since=2025-08-15 (the month overlaps it), like `timeline`'s range test."""
    date = events.c.date
    conditions: list[ColumnElement[bool]] = []
    if query.since:
        conditions.append(func.substr(date, 1, len(query.since))
                          >= func.substr(literal(query.since), 1, func.length(date)))
    if query.until:
        conditions.append(func.substr(date, 1, len(query.until))
                          <= func.substr(literal(query.until), 1, func.length(date)))
    return conditions


def _event_filter(query: EventQuery) -> list[ColumnElement[bool]]:
    c = events.c
    conditions: list[ColumnElement[bool]] = []
    if query.types:
        conditions.append(c.type.in_(query.types))
    if query.modes:
        conditions.append(c.mode.in_(query.modes))
    if query.kinds:
        conditions.append(or_(*(c.type == kind if mode is None
                                else and_(c.type == kind, c.mode == mode)
                                for kind, mode in query.kinds)))
    if query.modalities:
        conditions.append(c.modality.in_(query.modalities))
    for code in query.codes:
        prefix = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(or_(c.source_code.like(prefix, escape="\\"),
                              c.target_code.like(prefix, escape="\\")))
    conditions += _date_bounds(query)
    if query.dated is not None:
        conditions.append(c.date.isnot(None) if query.dated else c.date.is_(None))
    if query.min_confidence is not None:
        conditions.append(c.confidence >= query.min_confidence)
    if query.story_id:
        conditions.append(c.story_id == query.story_id)
    mention = event_mentions.c
    if query.article_id:
        conditions.append(exists().where(mention.event_id == c.id,
                                         mention.article_id == query.article_id))
    if query.text:
        conditions.append(exists().where(mention.event_id == c.id, mention.text.ilike(
            like_pattern(query.text), escape="\\")))
    if query.min_reports:
        reports = (select(func.count(func.distinct(mention.article_id)))
                   .where(mention.event_id == c.id).scalar_subquery())
        conditions.append(reports >= query.min_reports)
    return conditions


def _decode_event(row: dict[str, Any]) -> dict[str, Any]:
    record = dict(row)
    for name in ("source", "target", "location"):
        record[name] = json.loads(record[name]) if record[name] else None
    record["negated"] = bool(record["negated"])
    return record


def fts5_query(words: str) -> str:
    """A user's search words as an FTS5 query: every word (or "quoted phrase") must occur;
    FTS5 operators and punctuation in the input are words, never syntax."""
    terms = []
    for phrase, word in _SEARCH_WORD.findall(words):
        value = phrase or word
        tokens = re.findall(r"\w+", value)
        if tokens:
            terms.append('"' + " ".join(tokens) + '"')
    return " ".join(terms)


class ReadTables:
    """Paged, filtered and full-text reads of a store (mixed into `Store`)."""

    engine: Engine

    # -- articles ---------------------------------------------------------------------------

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """One article (every column but the signature), with its story id."""
        columns = [c for c in articles.c if c.name != "minhash"]
        query = (select(*columns, story_articles.c.story_id)
                 .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
                 .where(articles.c.id == article_id))
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            return None
        record = dict(row)
        record["authors"] = json.loads(record["authors"])
        return record

    def article_rows(self, *, before_seq: int | None = None, limit: int = 50,
                     outlet: str | None = None, language: str | None = None,
                     since: str | None = None, until: str | None = None,
                     story_id: str | None = None) -> list[dict[str, Any]]:
        """Articles newest-stored first (a page after `before_seq`), without their text."""
        a = articles.c
        query = (select(a.id, a.seq, a.source, a.url, a.title, a.published, a.published_from,
                        a.outlet, a.language, a.duplicate_of, a.skipped, a.created_at,
                        func.length(a.text).label("chars"), story_articles.c.story_id)
                 .outerjoin(story_articles, story_articles.c.article_id == a.id))
        if before_seq is not None:
            query = query.where(a.seq < before_seq)
        if outlet:
            query = query.where(a.outlet == outlet)
        if language:
            query = query.where(a.language == language)
        if since:
            query = query.where(a.published >= since)
        if until:
            query = query.where(func.substr(a.published, 1, len(until)) <= until)
        if story_id:
            query = query.where(story_articles.c.story_id == story_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query.order_by(a.seq.desc()).limit(limit))
                    .mappings()]

    def article_annotations(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """What was found in one article, as offsets into its text: entity mentions (with the
        corpus entity), timexes, quotes, and each event report (with its merged event)."""
        m, e = entity_mentions.c, entities.c
        mentions = (select(m.start, m.end, m.text, m.entity_id, e.name, e.type, e.country,
                           e.sector)
                    .join(entities, e.id == m.entity_id).where(m.article_id == article_id)
                    .order_by(m.start))
        found_timexes = (select(timexes.c.start, timexes.c.end, timexes.c.text, timexes.c.type,
                                timexes.c.value)
                         .where(timexes.c.article_id == article_id).order_by(timexes.c.start))
        q = quotes.c
        found_quotes = (select(q.id, q.start, q.end, q.text, q.kind, q.speaker,
                               q.speaker_entity_id, q.cue, q.cue_start, q.cue_end)
                        .where(q.article_id == article_id).order_by(q.start))
        r = event_mentions.c
        reports = (select(r.event_id, r.start, r.end, r.text, r.record, events.c.type,
                          events.c.mode, events.c.date, events.c.modality, events.c.source,
                          events.c.target)
                   .join(events, events.c.id == r.event_id).where(r.article_id == article_id)
                   .order_by(r.start, r.event_id))
        with self.engine.connect() as conn:
            result = {
                "entities": [dict(row) for row in conn.execute(mentions).mappings()],
                "timexes": [dict(row) for row in conn.execute(found_timexes).mappings()],
                "quotes": [dict(row) for row in conn.execute(found_quotes).mappings()],
                "events": [dict(row) for row in conn.execute(reports).mappings()],
            }
        for row in result["quotes"]:
            row["speaker"] = json.loads(row["speaker"]) if row["speaker"] else None
        for row in result["events"]:
            record = json.loads(row.pop("record"))
            row["trigger"] = record.get("trigger")
            for name in ("source", "target"):
                row[name] = json.loads(row[name]) if row[name] else None
        return result

    # -- events -----------------------------------------------------------------------------

    def event_rows(self, query: EventQuery, *, after: tuple[str, str] | None = None,
                   limit: int = 50, newest_first: bool = True) -> list[dict[str, Any]]:
        """Merged events matching the query, ordered by (date, id) (undated as the earliest),
        a page after the key `after` = (date or "", id), each with its evidence."""
        date_key = func.coalesce(events.c.date, "")
        select_events: Select[Any] = select(events).where(*_event_filter(query))
        if after is not None:
            before = (date_key < after[0]) if newest_first else (date_key > after[0])
            tie = (events.c.id < after[1]) if newest_first else (events.c.id > after[1])
            select_events = select_events.where(or_(before, and_(date_key == after[0], tie)))
        order = (date_key.desc(), events.c.id.desc()) if newest_first else (
            date_key.asc(), events.c.id.asc())
        with self.engine.connect() as conn:
            rows = [_decode_event(dict(r)) for r in
                    conn.execute(select_events.order_by(*order).limit(limit)).mappings()]
            evidence = self._evidence(conn, [r["id"] for r in rows])
        for row in rows:
            row["evidence"] = evidence.get(row["id"], [])
        return rows

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One merged event with every report's evidence (article title, outlet, date, URL)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(events).where(events.c.id == event_id)).mappings().first()
            if row is None:
                return None
            record = _decode_event(dict(row))
            record["evidence"] = self._evidence(conn, [event_id]).get(event_id, [])
        return record

    def _evidence(self, conn: Any, event_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        if not event_ids:
            return found
        r, a = event_mentions.c, articles.c
        query = (select(r.event_id, r.article_id, r.start, r.end, r.text, r.record,
                        r.merge_basis, a.outlet, a.published, a.title, a.url, a.source)
                 .join(articles, a.id == r.article_id)
                 .where(r.event_id.in_(bindparam("ids", expanding=True)))
                 .order_by(a.seq, r.start))
        for start in range(0, len(event_ids), 500):
            chunk = list(event_ids[start:start + 500])
            for row in conn.execute(query, {"ids": chunk}).mappings():
                found.setdefault(row["event_id"], []).append(dict(row))
        return found

    def dyad_counts(self, since: str | None, limit: int = 10) -> list[tuple[str, str, int]]:
        """(source code, target code, events) of the most active dyads dated from `since`."""
        c = events.c
        count = func.count()
        query = (select(c.source_code, c.target_code, count)
                 .where(c.source_code.isnot(None), c.target_code.isnot(None),
                        c.source_code != c.target_code)
                 .group_by(c.source_code, c.target_code)
                 .order_by(count.desc(), c.source_code, c.target_code).limit(limit))
        if since:
            query = query.where(c.date >= since)
        with self.engine.connect() as conn:
            return [(row[0], row[1], int(row[2])) for row in conn.execute(query)]

    def latest_event_date(self) -> str | None:
        with self.engine.connect() as conn:
            found = conn.scalar(select(func.max(events.c.date)))
        return str(found) if found else None

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(events)) or 0)

    def count_quotes(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(quotes)) or 0)

    def recent_errors(self, limit: int = 10) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            query = select(errors).order_by(errors.c.id.desc()).limit(limit)
            return [dict(r) for r in conn.execute(query).mappings()]

    def last_stored(self) -> str | None:
        """When the newest article was stored (ISO time)."""
        with self.engine.connect() as conn:
            found = conn.scalar(select(func.max(articles.c.created_at)))
        return str(found) if found else None

    def story_titles(self, story_ids: Sequence[str]) -> dict[str, str | None]:
        if not story_ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(stories.c.id, stories.c.title)
                                .where(stories.c.id.in_(list(story_ids))))
            return {row[0]: row[1] for row in rows}

    # -- full-text search -------------------------------------------------------------------

    def search_articles(self, words: str, *, offset: int = 0,
                        limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching every search word, best first, each with a snippet whose
        matched words are wrapped in HIT_START/HIT_END."""
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            match = fts5_query(words)
            if not match:
                return []
            query = text(
                f"SELECT a.id, a.title, a.published, a.outlet, a.url, "
                f"snippet({FTS_TABLE}, 1, :hit_start, :hit_end, '…', 16) AS snippet, "
                f"bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} "
                f"JOIN articles a ON a.seq = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH :match ORDER BY score, a.seq LIMIT :limit OFFSET :offset")
            params: dict[str, Any] = {"match": match, "hit_start": HIT_START,
                                      "hit_end": HIT_END}
        elif dialect == "postgresql":
            query = text(
                "SELECT a.id, a.title, a.published, a.outlet, a.url, "
                f"ts_headline('simple', a.text, q, :options) AS snippet, "
                f"ts_rank({PG_SEARCH_VECTOR}, q) AS score "
                f"FROM articles a, websearch_to_tsquery('simple', :words) q "
                f"WHERE {PG_SEARCH_VECTOR} @@ q ORDER BY score DESC, a.seq "
                "LIMIT :limit OFFSET :offset")
            params = {"words": words, "options": (
                f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=10")}
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise NotImplementedError(dialect)
        params.update({"limit": limit, "offset": offset})
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query, params).mappings()]
