"""Story clustering on real articles: stability, rebuilding, joining and keeping apart.

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
from parley.stories import StoryClusterer, StoryDoc, salient_actors, story_doc, story_id_for
from parley.stories.clustering import STALE_FACTOR
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
    clusterer = StoryClusterer()
    for doc in docs:
        clusterer.add(doc)
    return clusterer.assignments


def test_the_same_articles_in_the_same_order_get_the_same_stories(docs: list[StoryDoc]) -> None:
    assert _cluster(docs) == _cluster(list(docs))


def test_adding_an_article_again_keeps_its_story(docs: list[StoryDoc]) -> None:
    clusterer = StoryClusterer()
    first = [clusterer.add(doc) for doc in docs]
    assert [clusterer.add(doc) for doc in docs] == first


def test_a_rebuilt_clusterer_assigns_the_next_articles_alike(docs: list[StoryDoc]) -> None:
    half = len(docs) // 2
    original = StoryClusterer()
    pairs = [(doc, original.add(doc)) for doc in docs[:half]]
    rebuilt = StoryClusterer.from_assignments(pairs)
    assert rebuilt.assignments == original.assignments
    for doc in docs[half:]:
        for story_id in set(original.assignments.values()):
            assert rebuilt.similarity(doc, story_id) == original.similarity(doc, story_id)
        assert rebuilt.add(doc) == original.add(doc)


def test_a_story_is_named_after_the_article_that_started_it(docs: list[StoryDoc]) -> None:
    assignments = _cluster(docs)
    for article_id, story_id in assignments.items():
        members = [a for a, s in assignments.items() if s == story_id]
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


def test_a_gap_of_weeks_lowers_the_similarity(docs: list[StoryDoc]) -> None:
    by_id = {doc.article_id: doc for doc in docs}
    clusterer = StoryClusterer()
    story_id = clusterer.add(by_id[CRASH[0]])
    follow_up = by_id[CRASH[1]]
    near = clusterer.similarity(follow_up, story_id)
    late = clusterer.similarity(replace(follow_up, published="2019-09-28"), story_id)
    assert late == pytest.approx(near * STALE_FACTOR)


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
