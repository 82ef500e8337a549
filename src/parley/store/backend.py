"""What differs between database backends: driver URLs, SQLite settings, idempotent inserts."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from parley.store.records import StoreError

# How long a SQLite writer waits for another one before giving up (then the write is retried).
SQLITE_BUSY_TIMEOUT_MS = 30_000


def insert_ignore(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those that would break a unique constraint (idempotent writes)."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)
    elif dialect == "postgresql":
        conn.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    else:
        for row in rows:
            try:
                with conn.begin_nested():
                    conn.execute(insert(table).values(**row))
            except IntegrityError:
                pass


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]],
           keys: Sequence[str]) -> None:
    """Insert rows, or update the row already there with the same `keys` columns."""
    if not rows:
        return
    dialect = conn.dialect.name
    module: Any = sqlite if dialect == "sqlite" else postgresql if dialect == "postgresql" else None
    if module is None:
        for row in rows:
            match = [table.c[k] == row[k] for k in keys]
            if conn.execute(table.update().where(*match).values(**row)).rowcount == 0:
                conn.execute(insert(table).values(**row))
        return
    statement = module.insert(table)
    changed = {c.name: statement.excluded[c.name] for c in table.c if c.name not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changed), rows)


def with_driver(url: str) -> str:
    """PostgreSQL URLs without a driver use psycopg 3 (SQLAlchemy's default is psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("postgresql+psycopg://") and importlib.util.find_spec("psycopg") is None:
        raise StoreError("PostgreSQL needs the psycopg driver: pip install 'parley[postgres]'")
    return url


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL (readers never wait for a writer), and a generous busy timeout set first, so that
    even switching a fresh file to WAL waits for another process instead of failing."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
