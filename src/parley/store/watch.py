"""The store's record of what `parley watch` has polled: feeds and folders (with the feeds'
ETag / Last-Modified), and every entry or file it has processed, with what became of it.

Marking an entry seen comes after its article is committed: a watcher killed in between sees
the entry again on restart, and the article, already stored under the same id, is not stored
twice. So nothing is lost (unmarked entries are processed again) and nothing is duplicated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func, select

from parley.store.backend import upsert
from parley.store.concurrency import begin_write, with_retries
from parley.store.records import now
from parley.store.schema import watch_items, watch_sources


class WatchTables:
    """Watch look-ups and writes of a store (mixed into `Store`, which holds the engine)."""

    engine: Engine

    def watch_source(self, target: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_sources).where(watch_sources.c.target == target)
                               ).mappings().first()
        return dict(row) if row else None

    def save_watch_source(self, target: str, kind: str, status: str, *,
                          etag: str | None = None, last_modified: str | None = None) -> None:
        row = {"target": target, "kind": kind, "etag": etag, "last_modified": last_modified,
               "checked_at": now(), "status": status}
        self._upsert(watch_sources, [row], ("target",))

    def watched_items(self, target: str) -> dict[str, str]:
        """key -> fingerprint of the entries or files of a source already processed."""
        query = select(watch_items.c.key, watch_items.c.fingerprint).where(
            watch_items.c.target == target)
        with self.engine.connect() as conn:
            return {row[0]: row[1] for row in conn.execute(query)}

    def mark_watched(self, target: str, key: str, fingerprint: str, status: str,
                     article_id: str | None = None) -> None:
        row = {"target": target, "key": key, "fingerprint": fingerprint, "status": status,
               "article_id": article_id, "seen_at": now()}
        self._upsert(watch_items, [row], ("target", "key"))

    def watch_summary(self) -> list[dict[str, Any]]:
        """Each watched source with its last poll and its items counted by status."""
        counts: dict[str, dict[str, int]] = {}
        query = (select(watch_items.c.target, watch_items.c.status, func.count())
                 .group_by(watch_items.c.target, watch_items.c.status))
        with self.engine.connect() as conn:
            for target, status, number in conn.execute(query):
                counts.setdefault(target, {})[status] = int(number)
            sources = [dict(r) for r in conn.execute(
                select(watch_sources).order_by(watch_sources.c.target)).mappings()]
        for source in sources:
            source["items"] = dict(sorted(counts.get(source["target"], {}).items()))
        return sources

    def _upsert(self, table: Any, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
        def write() -> None:
            with begin_write(self.engine) as conn:
                upsert(conn, table, list(rows), keys)

        with_retries(write)
