"""Seconds per added article as the store grows: story placement, event merging, the write.

    python bench/store_scale.py [--sizes 1000,10000,50000] [--added 200] [--per-day 8]
                                [--undated 0.05] [--cache FILE]

`bench/stories_scale.py` measures story placement alone; this measures what adding an article
costs the store in all: the story clusterer places it, `pipeline.merge_events` pairs each of
its events with a stored event (candidates from the party index, `event_parties`) and the
store writes everything in one transaction.

The store is filled with synthetic copies of the 295 Wikinews 2019-2020 articles in
shared/data/wikinews (CC BY 2.5), analysed once by the real pipeline (spaCy; not timed, and
cached with `--cache`). Every copy renames the article's names and numbers (its events'
actors keep their countries, so the parties are as skewed as in the news: many events of
the United States, few of Samoa) and is published `--per-day` copies a day along a stream;
its events' dates move with it. A share (`--undated`) of copies has no publication date and
its events none: undated events are the ones every report of their parties may join, the
part of merging a date window does not bound. Filling writes the stored rows directly
(articles, story vectors and terms, each event as a new one with its report and party
index rows: what the store writes for an event no stored one matched); then, at each size,
`--added` new copies go through the real path, timed in three parts. Prints milliseconds per
added article at each size, by part, and the growth from the first size to the last.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from parley.clean import content_hash
from parley.models import Actor, Article, Event
from parley.pipeline import Analysis, analyze_articles, merge_events
from parley.store import ArticleBundle, Store
from parley.store.records import event_values, party_rows
from parley.store.schema import (
    event_mentions,
    event_parties,
    events,
)
from parley.stories import StoryClusterer, StoryDoc, merge, story_id_for, story_vector
from parley.stories.documents import day_number
from parley.stories.merge import block_key, mention_id
from parley.stories.vectors import StoryVector, name_words
from stories_scale import _WORD, START, _renamed, _wikinews, insert_filler

SHARED = Path(os.environ.get("PARLEY_SHARED", "../shared"))
FILL_CHUNK = 2000
# Filler copies of one base article this many copies apart share their story vector.
VECTOR_PERIOD = 4
_VECTORS: dict[tuple[int, int], StoryVector] = {}
PARTS = ("stories", "events", "write")


@dataclass(frozen=True)
class Base:
    """One Wikinews article as analysed once: its text, title, date, events, name words."""

    url: str
    title: str
    text: str
    published: str
    events: tuple[Event, ...]
    names: frozenset[str]


@dataclass(frozen=True)
class Copy:
    article: Article
    doc: StoryDoc
    events: tuple[Event, ...]
    origin: tuple[int, int]  # the base article's index, the copy's number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--added", type=int, default=200)
    parser.add_argument("--per-day", type=int, default=8)
    parser.add_argument("--undated", type=float, default=0.05,
                        help="share of copies with no publication date (their events undated)")
    parser.add_argument("--cache", type=Path, help="keep the base articles' analysis here")
    parser.add_argument("--unbounded", action="store_true",
                        help="compare undated pairs with every stored event (no "
                             "UNDATED_RECENT_ARTICLES bound), to see what the bound saves")
    parser.add_argument("--db", help="SQLAlchemy URL or path (default: a temporary SQLite file)")
    args = parser.parse_args()
    if args.unbounded:
        merge.UNDATED_RECENT_ARTICLES = None  # type: ignore[assignment]
    started = time.perf_counter()
    base = _bases(args.cache)
    if not base:
        print(f"no Wikinews articles under {SHARED}/data/wikinews (set PARLEY_SHARED)",
              file=sys.stderr)
        return 2
    print(f"{len(base)} base articles, {sum(len(b.events) for b in base)} events "
          f"({time.perf_counter() - started:.0f} s)", flush=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or Path(tmp) / "scale.db")
        stream = _copies(base, args.per_day, args.undated)
        timings = [_measure(store, stream, size, args.added) for size in sizes]
        store.close()
    for size, parts in zip(sizes, timings, strict=True):
        split = "  ".join(f"{name} {parts[name] * 1000:6.2f}" for name in PARTS)
        print(f"{size:>7} stored: {sum(parts.values()) * 1000:7.2f} ms per added article "
              f"({split})")
    first, last = timings[0], timings[-1]
    growth = "  ".join(f"{name} {last[name] / first[name]:.2f}x" for name in PARTS)
    print(f"growth {sizes[0]} -> {sizes[-1]}: {sum(last.values()) / sum(first.values()):.2f}x "
          f"(target < 2x; {growth}); {args.per_day} articles a day, {args.undated:.0%} undated, "
          f"undated pairs within the latest {merge.UNDATED_RECENT_ARTICLES} articles; "
          f"whole run {time.perf_counter() - started:.0f} s")
    return 0


def _measure(store: Store, stream: Iterator[Copy], size: int, added: int) -> dict[str, float]:
    """Fill the store to `size` articles, then add `added` through the real path; seconds
    each, by part."""
    started = time.perf_counter()
    _fill(store, stream, size - store.count_articles())
    with store.engine.connect() as conn:
        stored_events = conn.scalar(select(func.count()).select_from(events))
    print(f"filled to {store.count_articles()} articles, {stored_events} events in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    clusterer = StoryClusterer(store)
    _add(store, clusterer, next(stream))  # untimed: the first loads what merging reads
    arriving = [next(stream) for _ in range(added)]  # made up before the clock starts
    spent = dict.fromkeys(PARTS, 0.0)
    for copy in arriving:
        t0 = time.perf_counter()
        placed = clusterer.place(copy.doc)
        t1 = time.perf_counter()
        merged = merge_events(store, copy.article, copy.events)
        t2 = time.perf_counter()
        store.add_article(ArticleBundle(copy.article, events=merged, story_id=placed.story_id,
                                        story_update=placed))
        t3 = time.perf_counter()
        for name, seconds in zip(PARTS, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            spent[name] += seconds
    return {name: seconds / added for name, seconds in spent.items()}


def _add(store: Store, clusterer: StoryClusterer, copy: Copy) -> None:
    placed = clusterer.place(copy.doc)
    merged = merge_events(store, copy.article, copy.events)
    store.add_article(ArticleBundle(copy.article, events=merged, story_id=placed.story_id,
                                    story_update=placed))


def _filler_vector(copy: Copy) -> StoryVector:
    """The copy's story vector: computed for the first VECTOR_PERIOD copies of each base
    article, then those of copy `n % VECTOR_PERIOD` with this copy's id and day (copies that
    far apart are outside each other's story window; computing 50,000 vectors would take
    most of the run)."""
    index, number = copy.origin
    key = (index, number % VECTOR_PERIOD)
    if key not in _VECTORS:
        _VECTORS[key] = story_vector(copy.doc)
    return replace(_VECTORS[key], article_id=copy.article.id,
                   day=day_number(copy.article.published))


def _fill(store: Store, stream: Iterator[Copy], count: int) -> None:
    """Write `count` stored articles directly: rows, story vectors and terms (each its own
    story), and each event as a new one with its report and party index rows."""
    while count > 0:
        batch = [next(stream) for _ in range(min(count, FILL_CHUNK))]
        count -= len(batch)
        with store.engine.begin() as conn:
            seq = insert_filler(conn, [c.article for c in batch], [_filler_vector(c) for c in batch])
            event_rows, mention_rows, index_rows = [], [], []
            for n, c in enumerate(batch):
                article = c.article
                seen: set[str] = set()
                for event in c.events:
                    event_id = mention_id(article.id, event)
                    if event_id in seen:  # one report found twice: merging keeps one
                        continue
                    seen.add(event_id)
                    key = block_key(event)
                    event_rows.append({"id": event_id, "merge_key": key, **event_values(event),
                                       "story_id": story_id_for(article.id),
                                       "first_article_id": article.id})
                    mention_rows.append({
                        "id": event_id, "event_id": event_id, "article_id": article.id,
                        "record": json.dumps(event.as_dict(), ensure_ascii=False),
                        "start": event.sentence_start, "end": event.sentence_end,
                        "text": article.text[event.sentence_start:event.sentence_end],
                        "merge_basis": None})
                    index_rows += party_rows(event_id, key, event, seq + n + 1)
            for table, rows in ((events, event_rows), (event_mentions, mention_rows),
                                (event_parties, index_rows)):
                if rows:
                    conn.execute(insert(table), rows)


def _copies(base: list[Base], per_day: int, undated: float) -> Iterator[Copy]:
    """Endless renamed copies of the base articles, `per_day` of them each day; a share
    `undated` of them (chosen by a hash of the copy) without a date."""
    number = 0
    while True:
        row = base[number % len(base)]
        copy = number // len(base)
        article_id = hashlib.sha256(f"{copy}:{row.url}".encode()).hexdigest()[:16]
        day = START + timedelta(days=number // per_day)
        no_date = int(article_id[:8], 16) / 16**8 < undated
        title = _renamed(row.title, copy, row.names)
        text, moved = _renamed_with_offsets(row.text, copy, row.names)
        shift = day - date.fromisoformat(row.published)
        copied = tuple(_copied_event(e, copy, row.names, moved, None if no_date else shift)
                       for e in row.events)
        published = None if no_date else day.isoformat()
        article = Article(id=article_id, source=f"synthetic/{article_id}", text=text,
                          content_hash=content_hash(text), title=title, published=published)
        yield Copy(article, StoryDoc(article_id, title, text, published, frozenset()), copied,
                   (number % len(base), copy))
        number += 1


def _renamed_with_offsets(text: str, copy: int, names: frozenset[str]
                          ) -> tuple[str, list[tuple[int, int]]]:
    """The renamed text (as `stories_scale._renamed` renames it), and (old offset, shift) at
    each word whose length changed, so that offsets into the old text (sentences, triggers)
    can be moved into the new one."""
    pieces: list[str] = []
    moved: list[tuple[int, int]] = []
    made: dict[str, str] = {}
    last = shift = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.lower() not in names and not any(c.isdigit() for c in word):
            continue
        if word not in made:
            digest = hashlib.sha256(f"{copy}:{word}".encode()).hexdigest()
            made[word] = str(int(digest[:6], 16)) if word.isdigit() else "Q" + digest[:7]
        new = made[word]
        pieces += [text[last:match.start()], new]
        last = match.end()
        if len(new) != len(word):
            shift += len(new) - len(word)
            moved.append((match.end(), shift))
    pieces.append(text[last:])
    return "".join(pieces), moved


def _moved(offset: int | None, moved: list[tuple[int, int]]) -> int | None:
    if offset is None:
        return None
    at = bisect.bisect_right(moved, (offset, 10**9)) - 1
    return offset + (moved[at][1] if at >= 0 else 0)


def _copied_event(event: Event, copy: int, names: frozenset[str],
                  moved: list[tuple[int, int]], shift: timedelta | None) -> Event:
    """The event as the copy reports it: renamed actors (same countries), offsets into the
    renamed text, the date moved with the copy's (None: the copy is undated)."""
    def actor(party: Actor | None) -> Actor | None:
        if party is None:
            return None
        return replace(party, name=_renamed(party.name, copy, names), start=_moved(
            party.start, moved), end=_moved(party.end, moved))

    when, text, basis = event.date, event.date_text, event.date_basis
    if shift is None:
        when = text = basis = None
    elif when:
        padded = when + "-01-01"[len(when) - 4:] if len(when) < 10 else when
        try:
            when = (date.fromisoformat(padded) + shift).isoformat()[:len(when)]
        except ValueError:
            when = text = basis = None
    location = event.location
    if location is not None:
        location = replace(location, name=_renamed(location.name, copy, names))
    return replace(event, source=actor(event.source), target=actor(event.target), date=when,
                   date_text=text, date_basis=basis, location=location,
                   sentence_start=_moved(event.sentence_start, moved) or 0,
                   sentence_end=_moved(event.sentence_end, moved) or 0,
                   trigger_start=_moved(event.trigger_start, moved),
                   trigger_end=_moved(event.trigger_end, moved))


def _bases(cache: Path | None) -> list[Base]:
    """The Wikinews articles with their events, analysed by the real pipeline (or cached)."""
    analysed: list[tuple[str, str, str, str, tuple[Event, ...]]]
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            analysed = pickle.load(f)  # a file this script wrote
    else:
        rows = _wikinews(SHARED / "data" / "wikinews")
        found = [Article(id=f"base{n}", source=row["url"], text=row["text"],
                         content_hash=content_hash(row["text"]), title=row["title"],
                         published=row["date"]) for n, row in enumerate(rows)]
        analysed = [(a.source, a.title or "", a.text, a.published or START.isoformat(),
                     result.events if isinstance(result, Analysis) else ())
                    for a, result in analyze_articles(found, stages=("events",))]
        if cache is not None:
            with cache.open("wb") as f:
                pickle.dump(analysed, f)
    return [Base(url, title, text, published, found_events,
                 name_words(title + "\n" + text))
            for url, title, text, published, found_events in analysed]


if __name__ == "__main__":
    sys.exit(main())
