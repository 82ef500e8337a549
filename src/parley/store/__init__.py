"""The store: the only module that writes. SQLite by default (WAL), PostgreSQL by URL.

    store = Store.open("parley.db")            # or "postgresql://user@host/db"
    store.add_article(bundle)                  # one transaction: all or nothing

Every write is a single transaction, so a killed process leaves either the whole record or
nothing, and re-running the same input finds the records it already has and skips them.
Several processes may write one store at once: `write_lock()` serialises deciding-and-writing
across them (see `parley.store.concurrency`), and transactions another writer aborted are retried.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import Select

from parley.actors.registry import CorpusEntity, surname_of
from parley.models import Article, DocError, Entity, Quote
from parley.store.backend import insert_ignore, sqlite_pragmas, with_driver
from parley.store.concurrency import WriteLock, begin_migration, begin_write, with_retries
from parley.store.reads import EventQuery, ReadTables
from parley.store.records import (
    ArticleBundle,
    StoreError,
    corpus_entity,
    event_values,
    now,
    party_rows,
    record_id,
    stored_event,
)
from parley.store.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    articles,
    entities,
    entity_keys,
    entity_mentions,
    errors,
    event_mentions,
    event_parties,
    events,
    schema_migrations,
    timexes,
)
from parley.store.schema import quotes as quotes_table
from parley.store.stories import StoryTables, save_story
from parley.store.watch import WatchTables
from parley.stories.merge import CandidateRequest, DateWindow, KnownEvent, Merged

__all__ = ["SCHEMA_VERSION", "ArticleBundle", "EventQuery", "Store", "StoreError"]

DEFAULT_DB = "parley.db"
# Candidate lookups per query (SQLite allows 500 terms in a compound select), and event ids.
_BRANCHES_PER_QUERY = 200
_IDS_PER_QUERY = 500


def _candidate_branches(n: int, key: str, window: DateWindow | None, slots: Sequence[str],
                        recent: int | None, last: int) -> list[Select[Any]]:
    """Lookups of the events holding one of `slots` with a date a report in `window` could
    have: the window's exact dates and each of its prefixes within its year (ranges of
    ix_event_parties_lookup: key, slot, year, date), and with no date to compare (an undated
    event, or any event for an undated report) those reported by the latest `recent` articles
    up to `last` (ranges of ix_event_parties_recent: key, slot, seq); never a scan of the key."""
    if not slots:
        return []
    p = event_parties.c
    base = select(literal(n).label("n"), p.event_id).where(p.merge_key == key,
                                                          p.slot.in_(sorted(slots)))
    undated = base if recent is None else base.where(p.seq > last - recent)
    if window is None:
        return [undated]
    exact, prefixes = window
    branches = [undated.where(p.year.is_(None)),
                base.where(p.year.in_(sorted({v[:4] for v in exact})),
                           p.date.in_(sorted(set(exact))))]
    branches += [base.where(p.year == prefix[:4], p.date.like(prefix + "%"))
                 for prefix in prefixes]
    return branches


# Orderings put NULLs first on every backend (SQLite's default; PostgreSQL's is last).
class Store(StoryTables, ReadTables, WatchTables):
    """A parley database: articles (and, in later stages, entities, events, stories)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_lock = WriteLock(engine)

    @classmethod
    def open(cls, target: str | Path = DEFAULT_DB) -> Store:
        """Open (creating and migrating as needed) a store at a path or SQLAlchemy URL."""
        url = str(target)
        if "://" not in url:
            path = Path(url)
            if path.exists() and path.is_dir():
                raise StoreError(f"{url}: is a folder, not a database file")
            url = f"sqlite:///{path}"
        engine = create_engine(with_driver(url))
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", sqlite_pragmas)
        store = cls(engine)
        store.migrate()
        return store

    def close(self) -> None:
        self.engine.dispose()

    def write_lock(self) -> contextlib.AbstractContextManager[None]:
        """Hold the store-wide write lock: other processes' writes wait until it is released.

        Hold it around reading what a write decides on (is the article new, which stored events
        and entities does it join) and the write itself. Re-entrant; `add_article` takes it."""
        return self._write_lock.hold()

    def migrate(self) -> None:
        """Apply the migrations this database has not had yet (one process at a time)."""
        with_retries(self._migrate)

    def _migrate(self) -> None:
        with begin_migration(self.engine) as conn:
            schema_migrations.create(conn, checkfirst=True)
            done = set(conn.scalars(select(schema_migrations.c.version)))
            if done and max(done) > SCHEMA_VERSION:
                raise StoreError(f"database schema v{max(done)} is newer than this parley "
                                 f"(v{SCHEMA_VERSION}); upgrade parley")
            for version, description, apply in MIGRATIONS:
                if version not in done:
                    apply(conn)
                    conn.execute(insert(schema_migrations).values(
                        version=version, description=description, applied_at=now()))

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.max(schema_migrations.c.version))) or 0)

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.scalar(select(articles.c.id).where(articles.c.id == article_id))
        return found is not None

    def add_article(self, bundle: ArticleBundle) -> bool:
        """Store an article with everything found in it, in one transaction.

        False if the article was already there (nothing is written then).
        """
        with self.write_lock():
            try:
                with_retries(lambda: self._add_article(bundle))
            except IntegrityError:
                if self.has_article(bundle.article.id):
                    return False
                raise
        return True

    def _add_article(self, bundle: ArticleBundle) -> None:
        article = bundle.article
        row = {**article.as_dict(), "authors": json.dumps(list(article.authors)),
               "minhash": bundle.minhash, "created_at": now()}
        with begin_write(self.engine) as conn:
            last = conn.scalar(select(func.coalesce(func.max(articles.c.seq), 0)))
            row["seq"] = int(last or 0) + 1
            conn.execute(insert(articles).values(**row))
            # The input is stored now: an earlier run's failure of it is history.
            conn.execute(delete(errors).where(errors.c.source == article.source))
            for corpus, entity in bundle.entities:
                self._save_entity(conn, corpus)
                self._save_mentions(conn, article, corpus.id, entity)
            self._save_quotes(conn, article, bundle.quotes)
            insert_ignore(conn, timexes, [
                {"article_id": article.id, **t.as_dict()} for t in bundle.timexes])
            self._save_events(conn, article, row["seq"], bundle.events, bundle.story_id)
            save_story(conn, bundle)

    def _save_quotes(self, conn: Connection, article: Article,
                     found: Sequence[tuple[Quote, str | None]]) -> None:
        rows = []
        for quote, entity_id in found:
            speaker = quote.speaker
            rows.append({
                "id": record_id(article.id, "quote", quote.start, quote.end),
                "article_id": article.id, "text": quote.text, "start": quote.start,
                "end": quote.end, "kind": quote.kind,
                "speaker": json.dumps(speaker.as_dict(), ensure_ascii=False) if speaker else None,
                "speaker_name": speaker.name if speaker else None, "speaker_entity_id": entity_id,
                "cue": quote.cue, "cue_start": quote.cue_start, "cue_end": quote.cue_end,
                "published": article.published})
        insert_ignore(conn, quotes_table, rows)

    def _save_events(self, conn: Connection, article: Article, seq: int,
                     reports: Sequence[Merged], story_id: str | None) -> None:
        """Persist what the merger decided: new events, merged records, every report."""
        for report in reports:
            values = event_values(report.record)
            if report.is_new:
                conn.execute(insert(events).values(
                    id=report.event_id, merge_key=report.block_key, **values,
                    story_id=story_id, first_article_id=article.id))
            else:
                conn.execute(events.update().where(events.c.id == report.event_id)
                             .values(**values))
                conn.execute(delete(event_parties).where(
                    event_parties.c.event_id == report.event_id))
            parties = party_rows(report.event_id, report.block_key, report.record, seq)
            if parties:
                conn.execute(insert(event_parties), parties)
        insert_ignore(conn, event_mentions, [{
            "id": r.mention_id, "event_id": r.event_id, "article_id": article.id,
            "record": json.dumps(r.event.as_dict(), ensure_ascii=False),
            "start": r.event.sentence_start, "end": r.event.sentence_end, "text": r.sentence,
            "merge_basis": json.dumps(list(r.basis)) if r.basis else None}
            for r in reports])

    def event_candidates(self, key: str, window: DateWindow | None, slots: list[str],
                         recent: int | None = None) -> list[KnownEvent]:
        """The stored events of a block key that a report could be: holding one of its party
        `slots` (see `stories.merge.candidate_request`), dated in the window (None: any date)
        or undated; with no date to compare, only events reported by the latest `recent`
        articles (None: all). Each with its merged record and evidence sentences."""
        return self.events_for([(key, window, slots, recent)])[0]

    def events_for(self, requests: Sequence[CandidateRequest]) -> list[list[KnownEvent]]:
        """`event_candidates` of several reports at once (one article's), in a few queries
        however many reports and candidates: the party index gives the ids, then their rows
        and evidence come in one query each."""
        found: list[set[str]] = [set() for _ in requests]
        with self.engine.connect() as conn:
            last = int(conn.scalar(select(func.coalesce(func.max(articles.c.seq), 0))) or 0)
            branches = [branch for n, request in enumerate(requests)
                        for branch in _candidate_branches(n, *request, last)]
            for start in range(0, len(branches), _BRANCHES_PER_QUERY):
                part = branches[start:start + _BRANCHES_PER_QUERY]
                query = part[0] if len(part) == 1 else union_all(*part)
                for n, event_id in conn.execute(query):
                    found[n].add(event_id)
            wanted = sorted(set().union(*found))
            rows: dict[str, dict[str, Any]] = {}
            texts: dict[str, list[str]] = {}
            for start in range(0, len(wanted), _IDS_PER_QUERY):
                ids = wanted[start:start + _IDS_PER_QUERY]
                for row in conn.execute(select(events).where(events.c.id.in_(ids))).mappings():
                    rows[row["id"]] = dict(row)
                mentions = (select(event_mentions.c.event_id, event_mentions.c.text)
                            .where(event_mentions.c.event_id.in_(ids))
                            .order_by(event_mentions.c.id))
                for event_id, sentence in conn.execute(mentions):
                    texts.setdefault(event_id, []).append(sentence)
        known = {i: KnownEvent(i, stored_event(row), tuple(texts.get(i, ())))
                 for i, row in rows.items()}
        return [[known[i] for i in sorted(ids) if i in known] for ids in found]

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every corpus event with its evidence, article ids and outlets, in date order."""
        with self.engine.connect() as conn:
            evidence: dict[str, list[dict[str, Any]]] = {}
            query = (select(event_mentions.c.event_id, event_mentions.c.article_id,
                            event_mentions.c.start, event_mentions.c.end, event_mentions.c.text,
                            event_mentions.c.record, event_mentions.c.merge_basis,
                            articles.c.outlet, articles.c.published)
                     .join(articles, articles.c.id == event_mentions.c.article_id)
                     .order_by(articles.c.seq, event_mentions.c.start))
            for row in conn.execute(query).mappings():
                evidence.setdefault(row["event_id"], []).append(dict(row))
            by_date = select(events).order_by(events.c.date.asc().nulls_first(), events.c.id)
            for row in conn.execute(by_date).mappings():
                record = dict(row)
                for name in ("source", "target", "location"):
                    record[name] = json.loads(record[name]) if record[name] else None
                record["negated"] = bool(record["negated"])
                record["evidence"] = evidence.get(record["id"], [])
                yield record

    def iter_quotes(self, entity_ids: Sequence[str] | None = None, speaker_like: str | None = None,
                    since: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored quotes, oldest first; filtered by speaker entity, speaker name or date."""
        query = select(quotes_table, articles.c.outlet, articles.c.title).join(
            articles, articles.c.id == quotes_table.c.article_id)
        if entity_ids is not None or speaker_like is not None:
            conditions = []
            if entity_ids:
                conditions.append(quotes_table.c.speaker_entity_id.in_(list(entity_ids)))
            if speaker_like:
                pattern = speaker_like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                conditions.append(quotes_table.c.speaker_name.ilike(f"%{pattern}%", escape="\\"))
            query = query.where(or_(*conditions)) if conditions else query.where(false())
        if since:
            query = query.where(quotes_table.c.published >= since)
        query = query.order_by(quotes_table.c.published.asc().nulls_first(), quotes_table.c.article_id,
                               quotes_table.c.start)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                record = dict(row)
                record["speaker"] = json.loads(record["speaker"]) if record["speaker"] else None
                yield record

    # -- entities ---------------------------------------------------------------------------

    def _save_entity(self, conn: Connection, entity: CorpusEntity) -> None:
        row = {"type": entity.type, "name": entity.name, "country": entity.country,
               "sector": entity.sector, "role": entity.role,
               "aliases": json.dumps(list(entity.aliases), ensure_ascii=False),
               "roles": json.dumps([r.as_dict() for r in entity.roles], ensure_ascii=False),
               "updated_at": now()}
        exists = conn.scalar(select(entities.c.id).where(entities.c.id == entity.id))
        if exists:
            conn.execute(entities.update().where(entities.c.id == entity.id).values(**row))
        else:
            conn.execute(insert(entities).values(id=entity.id, **row))
        keys = set(entity.keys)
        if entity.type == "PERSON":
            keys.add(surname_of(entity.name))
        insert_ignore(conn, entity_keys, [{"key": k, "entity_id": entity.id} for k in keys if k])

    def _save_mentions(self, conn: Connection, article: Article, entity_id: str,
                       entity: Entity) -> None:
        rows = [{"article_id": article.id, "entity_id": entity_id, "start": start, "end": end,
                 "text": article.text[start:end]} for start, end in entity.mentions]
        insert_ignore(conn, entity_mentions, rows)

    def entity_candidates(self, keys: Iterable[str]) -> list[CorpusEntity]:
        """Corpus entities found by any of these name keys (full names, aliases, surnames)."""
        wanted = sorted({k for k in keys if k})
        if not wanted:
            return []
        with self.engine.connect() as conn:
            ids = conn.scalars(select(entity_keys.c.entity_id).where(entity_keys.c.key.in_(wanted))
                               .distinct())
            rows = conn.execute(select(entities).where(entities.c.id.in_(list(ids)))
                                .order_by(entities.c.id)).mappings()
            return [corpus_entity(dict(r)) for r in rows]

    def iter_entities(self) -> Iterator[tuple[CorpusEntity, list[str]]]:
        """Every corpus entity with the ids of the articles that mention it."""
        with self.engine.connect() as conn:
            mentioned: dict[str, list[str]] = {}
            query = (select(entity_mentions.c.entity_id, entity_mentions.c.article_id)
                     .distinct().order_by(entity_mentions.c.entity_id, entity_mentions.c.article_id))
            for entity_id, article_id in conn.execute(query):
                mentioned.setdefault(entity_id, []).append(article_id)
            for row in conn.execute(select(entities).order_by(entities.c.type, entities.c.name,
                                                              entities.c.id)).mappings():
                yield corpus_entity(dict(row)), mentioned.get(row["id"], [])

    def entity_mention_rows(self, entity_id: str) -> list[dict[str, Any]]:
        """The mentions of one entity: article id, offsets, text, and the article's date."""
        query = (select(entity_mentions, articles.c.published, articles.c.title, articles.c.outlet)
                 .join(articles, articles.c.id == entity_mentions.c.article_id)
                 .where(entity_mentions.c.entity_id == entity_id)
                 .order_by(articles.c.published.asc().nulls_first(), entity_mentions.c.article_id,
                           entity_mentions.c.start))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def co_mentioned(self, entity_id: str) -> list[tuple[str, int]]:
        """(entity id, number of shared articles) for entities appearing with this one."""
        mine = select(entity_mentions.c.article_id).where(entity_mentions.c.entity_id == entity_id)
        shared = func.count(func.distinct(entity_mentions.c.article_id))
        query = (select(entity_mentions.c.entity_id, shared)
                 .where(entity_mentions.c.article_id.in_(mine),
                        entity_mentions.c.entity_id != entity_id)
                 .group_by(entity_mentions.c.entity_id)
                 .order_by(shared.desc(), entity_mentions.c.entity_id))
        with self.engine.connect() as conn:
            return [(row[0], int(row[1])) for row in conn.execute(query)]

    def get_entities(self, ids: Iterable[str]) -> dict[str, CorpusEntity]:
        wanted = list(ids)
        with self.engine.connect() as conn:
            rows = conn.execute(select(entities).where(entities.c.id.in_(wanted))).mappings()
            return {r["id"]: corpus_entity(dict(r)) for r in rows}



    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every stored article as a dict, in insertion order."""
        columns = [c for c in articles.c if c.name not in ("minhash", "seq")]
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=500).execute(
                select(*columns).order_by(articles.c.seq))
            for row in result.mappings():
                record = dict(row)
                record["authors"] = json.loads(record["authors"])
                yield record

    def last_seq(self) -> int:
        """The insertion number of the newest article (0: none)."""
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.coalesce(func.max(articles.c.seq), 0))) or 0)

    def signatures_since(self, seq: int) -> list[tuple[int, str, str, bytes | None]]:
        """(seq, id, content_hash, minhash) of the articles stored after insertion number `seq`
        (by this process or another writer), oldest first."""
        query = (select(articles.c.seq, articles.c.id, articles.c.content_hash,
                        articles.c.minhash).where(articles.c.seq > seq).order_by(articles.c.seq))
        with self.engine.connect() as conn:
            return [(int(row[0]), row[1], row[2], row[3]) for row in conn.execute(query)]

    def article_ids_like(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids of stored articles starting with a prefix (an id as the CLI shortens it)."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = (select(articles.c.id).where(articles.c.id.like(pattern, escape="\\"))
                 .order_by(articles.c.seq).limit(limit))
        with self.engine.connect() as conn:
            return list(conn.scalars(query))

    def article_entities(self, article_id: str) -> list[tuple[CorpusEntity, int]]:
        """The corpus entities one article mentions, with their number of mentions there."""
        count = func.count()
        query = (select(entity_mentions.c.entity_id, count)
                 .where(entity_mentions.c.article_id == article_id)
                 .group_by(entity_mentions.c.entity_id)
                 .order_by(count.desc(), entity_mentions.c.entity_id))
        with self.engine.connect() as conn:
            counts = [(row[0], int(row[1])) for row in conn.execute(query)]
        known = self.get_entities(entity_id for entity_id, _ in counts)
        return [(known[i], n) for i, n in counts if i in known]

    def iter_signatures(self) -> Iterator[tuple[str, str, bytes | None]]:
        """(id, content_hash, minhash) of every article, oldest first, for duplicate lookup."""
        with self.engine.connect() as conn:
            query = select(articles.c.id, articles.c.content_hash, articles.c.minhash).order_by(
                articles.c.seq)
            for row in conn.execute(query):
                yield row[0], row[1], row[2]

    # -- errors -----------------------------------------------------------------------------

    def add_error(self, error: DocError) -> None:
        """Record a failed input once (the same failure seen again is not repeated)."""
        def write() -> None:
            with begin_write(self.engine) as conn:
                conn.execute(insert(errors).values(**error.as_dict(), created_at=now()))

        with contextlib.suppress(IntegrityError):
            with_retries(write)

    def iter_errors(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(errors).order_by(errors.c.id)).mappings():
                yield dict(row)

    # -- counts -----------------------------------------------------------------------------

    def count_articles(self, *, duplicates: bool | None = None) -> int:
        """Number of stored articles; only duplicates (True) or only originals (False)."""
        query = select(func.count()).select_from(articles)
        if duplicates is not None:
            column = articles.c.duplicate_of
            query = query.where(column.isnot(None) if duplicates else column.is_(None))
        with self.engine.connect() as conn:
            return int(conn.scalar(query) or 0)

    def count_errors(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(errors)) or 0)

    def error_stage_counts(self) -> list[tuple[str | None, int]]:
        """(stage, number of failed inputs) most frequent first; None: the input itself."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(errors.c.stage, func.count()).group_by(errors.c.stage)
                                .order_by(func.count().desc(), errors.c.stage.asc().nulls_first()))
            return [(row[0], int(row[1])) for row in rows]

    def group_counts(self, column: str) -> list[tuple[str | None, int]]:
        """(value, count) of an article column, most frequent first."""
        col = articles.c[column]
        with self.engine.connect() as conn:
            rows = conn.execute(select(col, func.count()).group_by(col)
                                .order_by(func.count().desc(), col.asc().nulls_first()))
            return [(row[0], int(row[1])) for row in rows]

    def published_range(self) -> tuple[str | None, str | None]:
        with self.engine.connect() as conn:
            row = conn.execute(select(func.min(articles.c.published),
                                      func.max(articles.c.published))).one()
        return row[0], row[1]
