"""The store's story tables: each article's story, its vectors and index terms, story titles.

`StoryTables` is the store's side of `parley.stories.StoryIndex` (batched look-ups: one query
per question, never one per candidate); `save_story` writes what the clusterer decided inside
the article's transaction: the article's story, vectors and terms, the stored articles (with
their repeats and events) that moved to another story, and the titles of the stories touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from parley.store.backend import insert_ignore
from parley.store.records import ArticleBundle
from parley.store.schema import articles, events, stories, story_articles, story_terms, story_vectors
from parley.stories import StoryDoc, StoryUpdate, StoryVector, story_vector

# Ids per IN (...) list: within every backend's limit on bound parameters.
CHUNK = 500


class StoryTables:
    """Story look-ups of a store (mixed into `Store`, which holds the engine)."""

    engine: Engine

    def story_of(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            found = conn.scalar(select(story_articles.c.story_id)
                                .where(story_articles.c.article_id == article_id))
        return str(found) if found is not None else None

    def story_candidates(self, terms: Sequence[str], day: int | None,
                         window: int) -> list[tuple[str, int]]:
        """(article id, shared terms) of the articles indexed by any of the terms, in the
        window around `day` or undated."""
        if not terms:
            return []
        shared = select(story_terms.c.article_id, func.count()).where(
            story_terms.c.term.in_(sorted(set(terms))))
        if day is not None:
            shared = shared.where(or_(story_terms.c.day.is_(None),
                                      story_terms.c.day.between(day - window, day + window)))
        query = shared.group_by(story_terms.c.article_id).order_by(story_terms.c.article_id)
        with self.engine.connect() as conn:
            return [(row[0], int(row[1])) for row in conn.execute(query)]

    def story_vectors(self, article_ids: Sequence[str]) -> list[tuple[StoryVector, str]]:
        wanted = sorted(set(article_ids))
        found: list[tuple[StoryVector, str]] = []
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), CHUNK):
                query = _vector_query().where(
                    story_vectors.c.article_id.in_(wanted[start:start + CHUNK]))
                found += [_vector_row(row) for row in conn.execute(query).mappings()]
        return sorted(found, key=lambda hit: hit[0].article_id)

    def story_members(self, story_ids: Sequence[str]) -> list[tuple[StoryVector, str]]:
        if not story_ids:
            return []
        query = _vector_query().where(story_articles.c.story_id.in_(sorted(set(story_ids))))
        with self.engine.connect() as conn:
            found = [_vector_row(row) for row in conn.execute(query).mappings()]
        return sorted(found, key=lambda hit: hit[0].article_id)

    def iter_story_articles(self) -> Iterator[tuple[str, str, str | None, str | None]]:
        """(story id, article id, published, title) in insertion order; the title is the
        story's (its most representative headline), else the article's own."""
        query = (select(story_articles.c.story_id, articles.c.id, articles.c.published,
                        stories.c.title, articles.c.title.label("article_title"))
                 .join(articles, articles.c.id == story_articles.c.article_id)
                 .outerjoin(stories, stories.c.id == story_articles.c.story_id)
                 .order_by(articles.c.seq))
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield row[0], row[1], row[2], row[3] or row[4]


def save_story(conn: Connection, bundle: ArticleBundle) -> None:
    """Persist an article's story assignment and what the clusterer changed with it."""
    article = bundle.article
    if bundle.story_id:
        insert_ignore(conn, story_articles, [{
            "article_id": article.id, "story_id": bundle.story_id,
            "actors": json.dumps(sorted(bundle.story_actors), ensure_ascii=False),
            "follows": article.duplicate_of}])
    placed = bundle.story_update
    if placed is None:
        return
    if placed.vector is not None:
        save_vector(conn, placed.vector)
    _move_articles(conn, placed.moves)
    _save_titles(conn, placed)


def save_vector(conn: Connection, vector: StoryVector) -> None:
    conn.execute(insert(story_vectors).values(
        article_id=vector.article_id, day=vector.day, channels=vector.channels_json(),
        headline=vector.headline))
    insert_ignore(conn, story_terms, [{"term": t, "article_id": vector.article_id,
                                       "day": vector.day} for t in vector.terms])


def vectorise_stored_articles(conn: Connection) -> None:
    """Vectors and index terms for articles stored before v7 (done once, by the migration);
    their stories are kept as they were."""
    query = (select(story_articles.c.actors, articles.c.id, articles.c.title, articles.c.text,
                    articles.c.published)
             .join(articles, articles.c.id == story_articles.c.article_id)
             .where(articles.c.duplicate_of.is_(None)).order_by(articles.c.seq))
    for row in conn.execute(query).mappings().all():
        doc = StoryDoc(row["id"], row["title"], row["text"], row["published"],
                       frozenset(json.loads(row["actors"])))
        save_vector(conn, story_vector(doc))


def _move_articles(conn: Connection, moves: Sequence[tuple[str, str]]) -> None:
    """Stored articles (their repeats, the events they first reported) into new stories."""
    if not moves:
        return
    rows = [{"moved_id": article_id, "new_story": story_id} for article_id, story_id in moves]
    for column in (story_articles.c.article_id, story_articles.c.follows):
        conn.execute(update(story_articles).where(column == bindparam("moved_id"))
                     .values(story_id=bindparam("new_story")), rows)
    conn.execute(update(events).where(events.c.first_article_id == bindparam("moved_id"))
                 .values(story_id=bindparam("new_story")), rows)


def _save_titles(conn: Connection, placed: StoryUpdate) -> None:
    gone = sorted({*placed.removed, *(story_id for story_id, _ in placed.titles)})
    if gone:
        conn.execute(delete(stories).where(stories.c.id.in_(gone)))
    if placed.titles:
        conn.execute(insert(stories), [{"id": s, "title": t} for s, t in placed.titles])


def _vector_query() -> Any:
    return (select(story_vectors, story_articles.c.story_id)
            .join(story_articles, story_articles.c.article_id == story_vectors.c.article_id))


def _vector_row(row: Any) -> tuple[StoryVector, str]:
    vector = StoryVector.from_stored(row["article_id"], row["day"], row["channels"],
                                     row["headline"])
    return vector, row["story_id"]
