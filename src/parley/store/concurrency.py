"""Several writers on one store: a store-wide write lock, immediate SQLite transactions, and
retries of transactions the database aborted because another writer got in the way.

Analysis runs in parallel in every writer; what must not interleave is the short step that
*decides* against the store (is this article new, which stored event or entity does it join,
which story) and then writes. `WriteLock` serialises that step across processes:

- PostgreSQL: a session-level advisory lock (`pg_advisory_lock`) on a connection of its own,
  released on exit, or by the server when the holder dies (`kill -9` included);
- SQLite: an exclusive `flock` on a lock file beside the database (`parley.db.lock`), released
  by the kernel when the holder dies. SQLite itself also gets WAL, a busy timeout and
  `BEGIN IMMEDIATE` write transactions (see `begin_write`), so even writers that do not take
  the lock never corrupt the file or fail on a stale read snapshot.

The lock is re-entrant within one Store (a write inside a held lock does not wait on itself).
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

# Keys of parley's PostgreSQL advisory locks (any fixed 64-bit numbers; per database).
WRITE_LOCK_KEY = 0x7061726C6579_01  # "parley" 1: deciding and writing articles
MIGRATE_LOCK_KEY = 0x7061726C6579_02  # "parley" 2: applying schema migrations

# PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock, lock not available.
RETRY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
RETRY_ATTEMPTS = 6

T = TypeVar("T")


class WriteLock:
    """The store-wide lock of one Store (re-entrant in this process)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._guard = threading.RLock()
        self._depth = 0
        self._held: Connection | IO[bytes] | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._guard:
            if self._depth == 0:
                self._held = self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    held, self._held = self._held, None
                    self._release(held)

    def _acquire(self) -> Connection | IO[bytes] | None:
        dialect = self.engine.dialect.name
        if dialect == "postgresql":
            conn = self.engine.connect()
            try:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": WRITE_LOCK_KEY})
                conn.commit()
            except BaseException:
                conn.close()
                raise
            return conn
        path = sqlite_lock_path(self.engine)
        if path is None:
            return None
        import fcntl

        handle = open(path, "ab")  # noqa: SIM115 (held open until release)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        except BaseException:
            handle.close()
            raise
        return handle

    def _release(self, held: Connection | IO[bytes] | None) -> None:
        if held is None:
            return
        if isinstance(held, Connection):
            try:
                held.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITE_LOCK_KEY})
                held.commit()
            finally:
                held.close()  # a dead connection's session lock goes with it
            return
        import fcntl

        try:
            fcntl.flock(held.fileno(), fcntl.LOCK_UN)
        finally:
            held.close()


def sqlite_lock_path(engine: Engine) -> Path | None:
    """The lock file of a SQLite database file (None: in-memory, or no flock here)."""
    if engine.dialect.name != "sqlite" or os.name != "posix":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).with_name(Path(database).name + ".lock")


@contextmanager
def begin_write(engine: Engine) -> Iterator[Connection]:
    """A write transaction: on SQLite `BEGIN IMMEDIATE` (the write lock is taken up front, so
    a read-then-write never fails on a snapshot another writer made stale; waiting is the busy
    timeout's job), elsewhere an ordinary transaction."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        yield conn


@contextmanager
def begin_migration(engine: Engine) -> Iterator[Connection]:
    """The migrations' transaction, one process at a time: on PostgreSQL an advisory lock held
    to commit (DDL is transactional there, so the next process sees the finished schema); on
    SQLite an immediate transaction."""
    with begin_write(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK_KEY})
        yield conn


def is_retryable(exc: BaseException) -> bool:
    """A transaction the database aborted because of another writer (try it again)."""
    if not isinstance(exc, DBAPIError):
        return False
    original: Any = exc.orig
    sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if sqlstate in RETRY_SQLSTATES:
        return True
    message = str(original).lower()
    return "database is locked" in message or "database table is locked" in message


def with_retries(operation: Callable[[], T], attempts: int = RETRY_ATTEMPTS) -> T:
    """Run a transaction, again (after a short random pause) if another writer aborted it."""
    for attempt in range(1, attempts + 1):
        try:
            return operation()
        except DBAPIError as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
