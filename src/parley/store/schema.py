"""The store's tables and their versioned migrations.

Each migration is a function of a connection, applied once, in order, inside a transaction,
and recorded in `schema_migrations`. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
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


def _create_core_tables(conn: Connection) -> None:
    for table in (articles, errors):
        table.create(conn, checkfirst=True)


def _create_entity_tables(conn: Connection) -> None:
    for table in (entities, entity_keys, entity_mentions):
        table.create(conn, checkfirst=True)


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "articles and processing errors", _create_core_tables),
    (2, "corpus-wide entities, their lookup keys and mentions", _create_entity_tables),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
