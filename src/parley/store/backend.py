"""What differs between database backends: driver URLs, SQLite settings, idempotent inserts."""

from __future__ import annotations

import importlib.util
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from parley.store.records import StoreError


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


def with_driver(url: str) -> str:
    """PostgreSQL URLs without a driver use psycopg 3 (SQLAlchemy's default is psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("postgresql+psycopg://") and importlib.util.find_spec("psycopg") is None:
        raise StoreError("PostgreSQL needs the psycopg driver: pip install 'parley[postgres]'")
    return url


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
