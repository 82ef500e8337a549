"""One writer among several: what other processes stored since this one last looked.

Each `parley process` (or watch, or API ingest) analyses its articles on its own and then,
holding the store's write lock, decides and writes one article at a time. Before deciding,
`WriterSync.catch_up` looks at the articles other writers stored meanwhile: an article one of
them already stored is not written again, and one that repeats theirs becomes a duplicate of
it, exactly as if the two runs had been one run in the order their writes committed.
"""

from __future__ import annotations

from dataclasses import replace

from parley.duplicates import DuplicateIndex, signature_from_bytes
from parley.models import Article
from parley.store import Store


class WriterSync:
    """Keeps one writer's duplicate index up to date with the store's other writers."""

    def __init__(self, store: Store) -> None:
        # Read before the writer loads its index: articles stored in between are seen twice
        # (and skipped the second time), never missed.
        self.store = store
        self.seq = store.last_seq()
        self.rerouted: dict[str, str] = {}  # our article -> the other writer's one it repeats
        # What other writers stored since we started: an article of ours queued before one of
        # theirs was seen may still repeat it.
        self.theirs = DuplicateIndex()

    def catch_up(self, index: DuplicateIndex, article: Article, signature: bytes) -> Article | None:
        """The article as it must be written now; None if another writer already stored it.

        Call with the store's write lock held."""
        if self.store.has_article(article.id):
            return None
        theirs = self.theirs
        for seq, article_id, digest, blob in self.store.signatures_since(self.seq):
            self.seq = max(self.seq, seq)
            if article_id in index or not blob:
                continue
            stored = signature_from_bytes(blob)
            theirs.add(article_id, digest, stored)
            index.add(article_id, digest, stored)
        repeats = article.duplicate_of
        if repeats is None:
            repeats = theirs.find(article.content_hash, signature_from_bytes(signature))
            if repeats is not None:
                self.rerouted[article.id] = repeats
        else:
            repeats = self.rerouted.get(repeats, repeats)
        return article if repeats == article.duplicate_of else replace(article, duplicate_of=repeats)
