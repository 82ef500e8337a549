"""Story clustering on real articles: order independence, the store, joining and keeping apart.

The fixture holds 22 Wikinews articles (CC BY 2.5, see fixtures/stories/ATTRIBUTION.md) in date
order: two reports of one New Hampshire crash, the killing of Qasem Soleimani and his funeral,
four different earthquakes (Philippines in July and in October 2019, Puerto Rico, Izmir), and
other deaths, crashes and fires. Entities come from parley's real pipeline.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from parley.models import Article, Entity
from parley.pipeline import analyze_articles, require_analysis
from parley.query import export_records
from parley.store import ArticleBundle, Store
from parley.stories import (
    MemoryStoryIndex,
    StoryClusterer,
    StoryDoc,
    StoryUpdate,
    cluster_vectors,
    salient_actors,
    story_doc,
    story_id_for,
    story_vector,
)
from parley.stories.similarity import STALE_FACTOR, similarity_matrix
from parley.stories.vectors import article_vectors, stem

from .conftest import FIXTURES

CRASH = ("2019-06-24-new-hampshire-crash-kills", "2019-06-28-driver-in-new-hampshire")
SOLEIMANI = ("2020-01-05-united-states-military-kills", "2020-01-09-stampede-during-funeral-procession")
QUAKES = ("2019-07-15-earthquake-injures-25-people", "2019-10-22-aftershocks-increase-death-toll",
          "2020-01-17-seismic-activity-continues-to", "2020-11-07-turkish-government-stops-search")


def _articles(path: Path) -> list[Article]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [Article(id=r["id"], source=r["url"], text=r["text"], content_hash=r["id"],
                    title=r["title"], published=r["published"], url=r["url"]) for r in records]


@pytest.fixture(scope="module")
def docs() -> list[StoryDoc]:
    articles = _articles(FIXTURES / "stories" / "wikinews_stories.jsonl")
    return [story_doc(a, require_analysis(result).entities)
            for a, result in analyze_articles(articles, stages=("entities",))]


def _cluster(docs: list[StoryDoc]) -> dict[str, str]:
    index = MemoryStoryIndex()
    clusterer = StoryClusterer(index)
    for doc in docs:
        index.apply(clusterer.place(doc))
    return index.assignments()


def test_the_stories_do_not_depend_on_the_input_order(docs: list[StoryDoc]) -> None:
    first = _cluster(docs)
    assert _cluster(list(reversed(docs))) == first
    assert _cluster(docs[1::2] + docs[::2]) == first
    assert cluster_vectors(story_vector(d) for d in docs) == first  # all at once


def test_adding_an_article_again_changes_nothing(docs: list[StoryDoc]) -> None:
    index = MemoryStoryIndex()
    clusterer = StoryClusterer(index)
    for doc in docs:
        index.apply(clusterer.place(doc))
    again = [clusterer.place(doc) for doc in docs]
    assert all(u.vector is None and not u.moves for u in again)
    assert {u.article_id: u.story_id for u in again} == index.assignments()


def test_a_story_is_named_after_its_smallest_article_id(docs: list[StoryDoc]) -> None:
    assignments = _cluster(docs)
    for article_id, story_id in assignments.items():
        members = sorted(a for a, s in assignments.items() if s == story_id)
        assert story_id == story_id_for(members[0]), article_id


def test_two_reports_of_one_event_join(docs: list[StoryDoc]) -> None:
    assignments = _cluster(docs)
    assert assignments[CRASH[0]] == assignments[CRASH[1]]
    assert assignments[SOLEIMANI[0]] == assignments[SOLEIMANI[1]]


def test_different_earthquakes_stay_apart(docs: list[StoryDoc]) -> None:
    assignments = _cluster(docs)
    assert len({assignments[q] for q in QUAKES}) == len(QUAKES)


def test_different_earthquakes_stay_apart_without_dates(docs: list[StoryDoc]) -> None:
    assignments = _cluster([replace(doc, published=None) for doc in docs])
    assert len({assignments[q] for q in QUAKES}) == len(QUAKES)
    assert assignments[CRASH[0]] == assignments[CRASH[1]]


def test_unrelated_articles_start_their_own_stories(docs: list[StoryDoc]) -> None:
    assignments = _cluster(docs)
    assert len(set(assignments.values())) >= len(docs) - 4


def test_a_gap_of_weeks_lowers_the_similarity_and_past_the_window_ends_it(
        docs: list[StoryDoc]) -> None:
    by_id = {doc.article_id: doc for doc in docs}
    first, follow_up = by_id[CRASH[0]], by_id[CRASH[1]]

    def similarity(published: str | None) -> float:
        pair = [story_vector(first), story_vector(replace(follow_up, published=published))]
        return float(similarity_matrix(pair)[0, 1])

    near = similarity(follow_up.published)
    assert similarity("2019-08-05") == pytest.approx(near * STALE_FACTOR)
    assert similarity("2019-12-01") == 0.0
    assert similarity(None) == pytest.approx(near)


def test_a_story_is_titled_with_its_most_representative_headline(docs: list[StoryDoc]) -> None:
    index = MemoryStoryIndex()
    clusterer = StoryClusterer(index)
    for doc in docs:
        index.apply(clusterer.place(doc))
    titles = {doc.article_id: doc.title for doc in docs}
    for story_id, title in index.titles.items():
        members = [a for a, s in index.assignments().items() if s == story_id]
        assert title in {titles[a] for a in members}
    assert set(index.titles) == set(index.assignments().values())


def _place_in_store(store: Store, articles: dict[str, Article], docs: list[StoryDoc]) -> None:
    clusterer = StoryClusterer(store)
    for doc in docs:
        placed = clusterer.place(doc)
        store.add_article(ArticleBundle(articles[doc.article_id], story_id=placed.story_id,
                                        story_actors=doc.actors, story_update=placed))


def test_the_store_gives_the_same_stories_in_any_order_and_over_several_runs(
        docs: list[StoryDoc], tmp_path: Path) -> None:
    articles = {a.id: a for a in _articles(FIXTURES / "stories" / "wikinews_stories.jsonl")}
    expected = _cluster(docs)
    backwards = list(reversed(docs))
    for name, runs in (("one", [docs]), ("three", [backwards[:7], backwards[7:15], backwards[15:]])):
        for run in runs:  # each run opens the store anew, as `parley process` does
            store = Store.open(tmp_path / f"{name}.db")
            _place_in_store(store, articles, run)
            store.close()
        store = Store.open(tmp_path / f"{name}.db")
        stored = {a: s for s, a, _, _ in store.iter_story_articles()}
        titles = {r["id"]: r["title"] for r in export_records(store, "stories")}
        store.close()
        assert stored == expected, name
        assert all(titles.values()), titles


def test_the_store_moves_articles_their_repeats_and_events_with_their_story(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    first = Article(id="a1", source="a1", text="One.", content_hash="h1", title="One")
    repeat = Article(id="a2", source="a2", text="One.", content_hash="h2", duplicate_of="a1")
    store.add_article(ArticleBundle(first, story_id="story-a"))
    store.add_article(ArticleBundle(repeat, story_id="story-a"))
    moved = StoryUpdate("a3", "story-b", moves=(("a1", "story-b"),),
                        titles=(("story-b", "Two"),), removed=("story-a",))
    third = Article(id="a3", source="a3", text="Two.", content_hash="h3", title="Two")
    store.add_article(ArticleBundle(third, story_id="story-b", story_update=moved))
    [story] = list(export_records(store, "stories"))
    assert story["id"] == "story-b" and story["article_ids"] == ["a1", "a2", "a3"]
    assert story["title"] == "Two"
    store.close()


def test_salient_actors_are_the_entities_an_article_is_about() -> None:
    entities = [
        Entity("Qasem Soleimani", "PERSON", mentions=((0, 15), (200, 209))),
        Entity("Iran", "GPE", country="IRN", mentions=((40, 44),)),
        Entity("Baghdad", "GPE", mentions=((900, 907),)),  # once, deep in the body
        Entity("2020", "DATE", mentions=((50, 54), (60, 64))),
        Entity("the U.S.'s", "GPE", mentions=((70, 80), (300, 310))),
    ]
    assert salient_actors(entities) == frozenset({"qasem soleimani", "iran", "u.s"})


def test_names_and_numbers_tell_like_events_apart() -> None:
    vectors = article_vectors(
        "Earthquake hits Mindanao",
        "A magnitude 6.3 earthquake struck Mindanao on Tuesday. Officials in Cotabato said the "
        "quake damaged schools.",
    )
    assert {"mindanao", "6.3", "cotabato"} <= set(vectors.names)
    assert "earthquak" in vectors.words and "earthquak" not in vectors.names
    assert stem("arrests") == stem("arrested") == stem("arresting") == stem("arrest")
