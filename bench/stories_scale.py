"""Seconds per added article as the store grows: story placement and the store write.

    python bench/stories_scale.py [--sizes 1000,10000,50000] [--added 100] [--per-day 8]

The store is filled with synthetic copies of the 295 Wikinews 2019-2020 articles in
shared/data/wikinews (CC BY 2.5): every copy renames the article's names and numbers, so no
two copies report the same event. Articles arrive at a constant rate (`--per-day`), dated
along a stream, so a larger store spans more time, as a real one does. Filling writes the
stored rows directly (articles, story vectors, index terms; each article its own story), not
through spaCy; then, at each size, `--added` new copies go through the real path: the
clusterer places each (candidates from the term index in the time window, its region
re-clustered) and the store writes it in its own transaction. Prints seconds per added
article at each size and the growth from the first size to the last.

`bench/store_scale.py` measures the whole store path the same way: story placement, event
merging and the write, with copies that carry their events.

At the default rate the candidate window (WINDOW_DAYS either side) holds fewer articles than
the first size, so the sizes differ in what lies outside the window: the cost that should
not grow. At a higher rate the window itself fills up to its own bound while the store grows.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Connection, func, insert, select

from parley.clean import content_hash
from parley.models import Article
from parley.store import ArticleBundle, Store
from parley.store.records import now
from parley.store.schema import articles, story_articles, story_terms, story_vectors
from parley.stories import StoryClusterer, StoryDoc, story_id_for, story_vector
from parley.stories.vectors import StoryVector, name_words

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
START = date(2019, 1, 1)
FILL_CHUNK = 2000
_WORD = re.compile(r"[^\W_]+")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--added", type=int, default=100)
    parser.add_argument("--per-day", type=int, default=8)
    parser.add_argument("--db", help="SQLAlchemy URL or path (default: a temporary SQLite file)")
    args = parser.parse_args()
    base = _wikinews(SHARED / "data" / "wikinews")
    if not base:
        print(f"no Wikinews articles under {SHARED}/data/wikinews (set PARLEY_SHARED)", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or Path(tmp) / "scale.db")
        stream = _copies(base, args.per_day)
        timings = [_measure(store, stream, size, args.added) for size in sizes]
        store.close()
    for size, seconds in zip(sizes, timings, strict=True):
        print(f"{size:>7} stored: {seconds * 1000:7.2f} ms per added article")
    print(f"growth {sizes[0]} -> {sizes[-1]}: {timings[-1] / timings[0]:.2f}x "
          f"(target < 2x); {args.per_day} articles a day")
    return 0


def _measure(store: Store, stream: Iterator[tuple[Article, StoryDoc]], size: int,
             added: int) -> float:
    """Fill the store to `size` articles, then add `added` through the real path; seconds each."""
    started = time.perf_counter()
    _fill(store, stream, size - store.count_articles())
    print(f"filled to {store.count_articles()} in {time.perf_counter() - started:.0f} s",
          flush=True)
    clusterer = StoryClusterer(store)
    arriving = [next(stream) for _ in range(added)]  # made up before the clock starts
    started = time.perf_counter()
    for article, doc in arriving:
        placed = clusterer.place(doc)
        store.add_article(ArticleBundle(article, story_id=placed.story_id, story_update=placed))
    return (time.perf_counter() - started) / added


def _fill(store: Store, stream: Iterator[tuple[Article, StoryDoc]], count: int) -> None:
    """Write `count` stored articles directly: rows, vectors and terms, each its own story."""
    while count > 0:
        batch = [next(stream) for _ in range(min(count, FILL_CHUNK))]
        count -= len(batch)
        with store.engine.begin() as conn:
            insert_filler(conn, [a for a, _ in batch], [story_vector(doc) for _, doc in batch])


def _copies(base: list[dict[str, str]], per_day: int) -> Iterator[tuple[Article, StoryDoc]]:
    """Endless renamed copies of the base articles, `per_day` of them each day."""
    names = [name_words(row["title"] + "\n" + row["text"]) for row in base]
    number = 0
    while True:
        row = base[number % len(base)]
        copy = number // len(base)
        title, text = (_renamed(row[k], copy, names[number % len(base)]) for k in ("title", "text"))
        published = (START + timedelta(days=number // per_day)).isoformat()
        article_id = hashlib.sha256(f"{copy}:{row['url']}".encode()).hexdigest()[:16]
        article = Article(id=article_id, source=f"synthetic/{article_id}", text=text,
                          content_hash=content_hash(text), title=title, published=published)
        yield article, StoryDoc(article_id, title, text, published, frozenset())
        number += 1


def _renamed(text: str, copy: int, names: frozenset[str]) -> str:
    """The text with each name and number replaced by one made up for this copy."""
    def rename(match: re.Match[str]) -> str:
        word = match.group()
        if word.lower() not in names and not any(c.isdigit() for c in word):
            return word
        digest = hashlib.sha256(f"{copy}:{word}".encode()).hexdigest()
        return str(int(digest[:6], 16)) if word.isdigit() else "Q" + digest[:7]

    return _WORD.sub(rename, text)


def _wikinews(folder: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**9)
    rows: list[dict[str, str]] = []
    for path in sorted(folder.glob("wikinews_*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f))
    return rows


def insert_filler(conn: Connection, filler: list[Article], vectors: list[StoryVector]) -> int:
    """Bulk-write filler articles with the story rows the store would give each (one story of
    its own), numbered after the store's last insertion number, which it returns."""
    seq = int(conn.scalar(select(func.coalesce(func.max(articles.c.seq), 0))) or 0)
    conn.execute(insert(articles), [
        {**a.as_dict(), "authors": "[]", "seq": seq + n + 1, "created_at": now()}
        for n, a in enumerate(filler)])
    conn.execute(insert(story_articles), [
        {"article_id": v.article_id, "story_id": story_id_for(v.article_id), "actors": "[]"}
        for v in vectors])
    conn.execute(insert(story_vectors), [
        {"article_id": v.article_id, "day": v.day, "channels": v.channels_json(),
         "headline": v.headline} for v in vectors])
    conn.execute(insert(story_terms), [
        {"term": t, "article_id": v.article_id, "day": v.day} for v in vectors for t in v.terms])
    return seq


if __name__ == "__main__":
    sys.exit(main())
