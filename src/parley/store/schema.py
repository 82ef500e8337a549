"""The store's tables and their versioned migrations.

Each migration is a function of a connection, applied once, in order, inside a transaction,
and recorded in `schema_migrations`. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    inspect,
    select,
    text,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # insertion order
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("input_id", Text),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_from", String(16)),
    Column("outlet", Text),
    Column("credited_source", Text),
    Column("authors", Text, nullable=False),  # JSON list
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(32)),
    Column("skipped", Text),  # why the English-only stages did not run (v5)
    Column("minhash", LargeBinary),
    Column("created_at", String(32), nullable=False),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_published", "published"),
)

errors = Table(
    "errors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("type", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("stage", String(32)),  # the pipeline stage that failed (v5)
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("source", "type", "message", name="uq_errors_source_message"),
)


entities = Table(
    "entities", metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("role", Text),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("roles", Text, nullable=False),  # JSON list of role facts
    Column("updated_at", String(32), nullable=False),
    Index("ix_entities_type_name", "type", "name"),
)

entity_keys = Table(
    "entity_keys", metadata,  # normalised names and surnames an entity is found by
    Column("key", Text, nullable=False),
    Column("entity_id", String(32), nullable=False),
    UniqueConstraint("key", "entity_id", name="uq_entity_keys"),
    Index("ix_entity_keys_key", "key"),
)

entity_mentions = Table(
    "entity_mentions", metadata,
    Column("article_id", String(32), nullable=False),
    Column("entity_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("article_id", "start", "end", name="uq_entity_mentions"),
    Index("ix_entity_mentions_entity", "entity_id"),
)


quotes = Table(
    "quotes", metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker", Text),  # JSON Actor
    Column("speaker_name", Text),
    Column("speaker_entity_id", String(32)),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("published", String(10)),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker_entity", "speaker_entity_id"),
    Index("ix_quotes_published", "published"),
)


events = Table(
    "events", metadata,  # one row per real-world event, merged across reports
    Column("id", String(32), primary_key=True),
    Column("merge_key", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("source", Text),  # JSON Actor
    Column("target", Text),  # JSON Actor
    Column("source_code", String(16)),
    Column("target_code", String(16)),
    Column("date", String(10)),
    Column("date_text", Text),
    Column("date_basis", String(16)),  # what the merged date rests on (v6)
    Column("modality", String(16), nullable=False),
    Column("negated", Integer, nullable=False),
    Column("location", Text),  # JSON Location
    Column("confidence", Float, nullable=False),
    Column("cameo", String(8)),
    Column("intensity", Float),
    Column("story_id", String(32)),
    Column("first_article_id", String(32), nullable=False),
    Index("ix_events_merge_key", "merge_key"),
    Index("ix_events_date", "date"),
)

event_mentions = Table(
    "event_mentions", metadata,  # each report of an event: the evidence
    Column("id", String(32), primary_key=True),
    Column("event_id", String(32), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("record", Text, nullable=False),  # JSON: the event as this article states it
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("merge_basis", Text),  # JSON list: why this report joined the event (v6)
    Index("ix_event_mentions_event", "event_id"),
    Index("ix_event_mentions_article", "article_id"),
)

event_parties = Table(
    "event_parties", metadata,  # the index merge candidates come from (v10)
    Column("event_id", String(32), nullable=False),
    Column("merge_key", Text, nullable=False),
    Column("slot", Text, nullable=False),  # a party's key in its role: "source c:RUS"
    Column("year", String(4)),  # the event's date and its year, kept with it so that a
    Column("date", String(10)),  # date window is a few ranges of the index
    Column("seq", Integer, nullable=False),  # the insertion number of its latest report
    UniqueConstraint("event_id", "slot", name="uq_event_parties"),
    Index("ix_event_parties_lookup", "merge_key", "slot", "year", "date", "event_id"),
    Index("ix_event_parties_recent", "merge_key", "slot", "seq", "event_id"),
)

story_articles = Table(
    "story_articles", metadata,
    Column("article_id", String(32), primary_key=True),
    Column("story_id", String(32), nullable=False),
    Column("actors", Text, nullable=False),  # JSON list: the salient actors clustering used
    Column("follows", String(32)),  # a repeat: the article whose story it follows (v7)
    Index("ix_story_articles_story", "story_id"),
    Index("ix_story_articles_follows", "follows"),
)

story_vectors = Table(
    "story_vectors", metadata,  # each article's clustering vectors, computed once (v7)
    Column("article_id", String(32), primary_key=True),
    Column("day", Integer),  # publication date as a day number, for time windows
    Column("channels", Text, nullable=False),  # JSON: words, names, actors vectors
    Column("headline", Text),
)

story_terms = Table(
    "story_terms", metadata,  # the index: an article's top terms, by day (v7)
    Column("term", Text, nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("day", Integer),
    UniqueConstraint("term", "article_id", name="uq_story_terms"),
    Index("ix_story_terms_term_day", "term", "day"),
)

stories = Table(
    "stories", metadata,  # each story's title: its most representative headline (v7)
    Column("id", String(32), primary_key=True),
    Column("title", Text),
)

timexes = Table(
    "timexes", metadata,  # an article's temporal expressions, for readers of the text (v8)
    Column("article_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", Text, nullable=False),
    UniqueConstraint("article_id", "start", "end", name="uq_timexes"),
)

# Full-text search over articles' titles and texts (v8): SQLite FTS5 table `articles_fts`
# kept by triggers; PostgreSQL a GIN index on the same expression search.py queries.
FTS_TABLE = "articles_fts"
PG_SEARCH_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

watch_sources = Table(
    "watch_sources", metadata,  # each feed or folder `parley watch` polls (v9)
    Column("target", Text, primary_key=True),  # the feed URL or the folder, as given
    Column("kind", String(8), nullable=False),  # feed | folder
    Column("etag", Text),  # the feed's validators, sent back on the next poll
    Column("last_modified", Text),
    Column("checked_at", String(32), nullable=False),
    Column("status", Text, nullable=False),  # what the last poll found, one line
)

watch_items = Table(
    "watch_items", metadata,  # each feed entry or file a watch has processed (v9)
    Column("target", Text, nullable=False),
    Column("key", Text, nullable=False),  # the entry's id or link; the file's path
    Column("fingerprint", Text, nullable=False),  # entry's updated stamp; file's sha256
    Column("status", String(16), nullable=False),  # stored, duplicate, unchanged, failed, ...
    Column("article_id", String(32)),
    Column("seen_at", String(32), nullable=False),
    UniqueConstraint("target", "key", name="uq_watch_items"),
)


def _create_core_tables(conn: Connection) -> None:
    for table in (articles, errors):
        table.create(conn, checkfirst=True)


def _create_entity_tables(conn: Connection) -> None:
    for table in (entities, entity_keys, entity_mentions):
        table.create(conn, checkfirst=True)


def _create_quote_tables(conn: Connection) -> None:
    quotes.create(conn, checkfirst=True)


def _create_event_tables(conn: Connection) -> None:
    for table in (events, event_mentions, story_articles):
        table.create(conn, checkfirst=True)


def _add_columns(conn: Connection, *wanted: tuple[Table, str]) -> None:
    """Add columns to existing tables; a table an earlier migration of this same store
    created from today's definition already has them."""
    for table, column in wanted:
        present = {c["name"] for c in inspect(conn).get_columns(table.name)}
        if column not in present:
            kind = table.c[column].type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column} {kind}"))


def _add_stage_columns(conn: Connection) -> None:
    """Failed inputs name their stage; articles say why English-only stages were skipped."""
    _add_columns(conn, (errors, "stage"), (articles, "skipped"))


def _add_merge_basis(conn: Connection) -> None:
    """Each report of an event says why it was merged into it; an event, what its date
    rests on (merging weighs a stated date above one lent by the publication date)."""
    _add_columns(conn, (event_mentions, "merge_basis"), (events, "date_basis"))


def _add_story_index(conn: Connection) -> None:
    """Stories re-clustered from stored vectors and a term index instead of re-read texts;
    the articles already stored get their vectors now, once."""
    _add_columns(conn, (story_articles, "follows"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_story_articles_follows "
                      "ON story_articles (follows)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_first_article "
                      "ON events (first_article_id)"))
    for table in (story_vectors, story_terms, stories):
        table.create(conn, checkfirst=True)
    from parley.store.stories import vectorise_stored_articles  # needs the stories stage

    vectorise_stored_articles(conn)


def _add_search(conn: Connection) -> None:
    """An article's temporal expressions are kept; titles and texts get a full-text index
    (already stored articles are indexed now; their timexes were not kept)."""
    timexes.create(conn, checkfirst=True)
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                          "title, text, content='articles', content_rowid='seq', "
                          "tokenize='unicode61 remove_diacritics 2')"))
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, title, text) "
                          "SELECT seq, coalesce(title, ''), text FROM articles"))
        conn.execute(text(f"CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON "
                          f"articles BEGIN INSERT INTO {FTS_TABLE}(rowid, title, text) "
                          "VALUES (new.seq, coalesce(new.title, ''), new.text); END"))
    elif conn.dialect.name == "postgresql":
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_search ON articles "
                          f"USING GIN (({PG_SEARCH_VECTOR}))"))


def _create_watch_tables(conn: Connection) -> None:
    for table in (watch_sources, watch_items):
        table.create(conn, checkfirst=True)


def _add_event_parties(conn: Connection) -> None:
    """Merge candidates come from an index of events' parties and dates instead of every
    event of a category; the events already stored are indexed now."""
    event_parties.create(conn, checkfirst=True)
    from parley.store.records import party_rows, stored_event  # needs the merge policy

    columns = (events.c.id, events.c.merge_key, events.c.type, events.c.source,
               events.c.target, events.c.date, events.c.date_text, events.c.date_basis,
               events.c.modality, events.c.negated, events.c.confidence, events.c.cameo,
               events.c.mode, events.c.intensity, events.c.location)
    latest = dict(conn.execute(
        select(event_mentions.c.event_id, func.max(articles.c.seq))
        .join(articles, articles.c.id == event_mentions.c.article_id)
        .group_by(event_mentions.c.event_id)).all())
    stored = [dict(r) for r in conn.execute(select(*columns).order_by(events.c.id)).mappings()]
    for start in range(0, len(stored), 2000):
        rows = [row for r in stored[start:start + 2000]
                for row in party_rows(r["id"], r["merge_key"], stored_event(r),
                                      int(latest.get(r["id"]) or 0))]
        if rows:
            conn.execute(insert(event_parties), rows)


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "articles and processing errors", _create_core_tables),
    (2, "corpus-wide entities, their lookup keys and mentions", _create_entity_tables),
    (3, "quotes with their speakers", _create_quote_tables),
    (4, "events merged across reports, their evidence, and stories", _create_event_tables),
    (5, "the failing stage of an error; why an article's English-only stages were skipped",
     _add_stage_columns),
    (6, "why each report of an event was merged into it; what its date rests on",
     _add_merge_basis),
    (7, "story vectors, their term index and story titles", _add_story_index),
    (8, "articles' temporal expressions; full-text search of articles", _add_search),
    (9, "what `parley watch` has polled: feeds and folders, and the entries and files seen",
     _create_watch_tables),
    (10, "an index of events' parties and dates that merge candidates are found by",
     _add_event_parties),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
