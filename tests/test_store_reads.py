"""The store's paged, filtered and full-text reads (schema v8) on SQLite and PostgreSQL: the
same answers on both, search words never parsed as query syntax, date bounds as `timeline`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from parley.pipeline import process_sources
from parley.query import article_view, find_events, search
from parley.store import EventQuery, Store
from parley.store.reads import fts5_query
from parley.timeline import _in_range

from .conftest import REPO

SAMPLES = REPO / "samples" / "wikinews_sample.jsonl"
HOSTILE = ('"; DROP TABLE articles; --', "NEAR(a b) OR title:* AND -x", "' OR 1=1 --", "\\",
           '"unclosed', "\u0645\u0631\u062d\u0628\u0627 \u202e", "%_%", "*")


def _check_reads(store: Store) -> dict[str, object]:
    """Everything the API reads of the samples, checked; the answers, to compare backends."""
    hits = search(store, "Trump")
    assert hits and all(any(s["hit"] for s in h["snippet"]) for h in hits)
    assert all("trump" in "".join(s["text"] for s in h["snippet"] if s["hit"]).lower() for h in hits)
    phrase = search(store, '"President Donald Trump"')
    assert phrase and {h["id"] for h in phrase} <= {h["id"] for h in hits}
    for words in HOSTILE:
        search(store, words)  # no error, whatever the words
    assert store.count_articles() > 0

    everything, _ = find_events(store, EventQuery(), limit=10_000, newest_first=False)
    for since, until in (("2019", None), ("2019-10", "2020-01"), (None, "2019-12-15")):
        chosen, _ = find_events(store, EventQuery(since=since, until=until), limit=10_000,
                                newest_first=False)
        expected = [e["id"] for e in everything if _in_range(e["date"], since, until)]
        assert [e["id"] for e in chosen] == expected, (since, until)
    pages: list[str] = []
    after = None
    while True:
        page, after = find_events(store, EventQuery(), limit=4, after=after)
        pages += [e["id"] for e in page]
        if after is None:
            break
    assert sorted(pages) == sorted(e["id"] for e in everything) and len(set(pages)) == len(pages)

    article = article_view(store, hits[0]["id"])
    assert article is not None and article["timexes"]
    for timex in article["timexes"]:
        assert article["text"][timex["start"]:timex["end"]] == timex["text"]
    return {"search": sorted(h["id"] for h in hits), "events": sorted(pages)}


def test_reads_agree_on_sqlite_and_postgres(db_path: Path, postgres_url: str) -> None:
    answers = []
    for target in (db_path, postgres_url):
        store = Store.open(target)
        assert process_sources([str(SAMPLES)], store).stored > 0
        answers.append(_check_reads(store))
        store.close()
    assert answers[0] == answers[1]


def test_articles_stored_before_v8_are_indexed_by_the_migration(db_path: Path) -> None:
    store = Store.open(db_path)
    process_sources([str(SAMPLES)], store)
    with store.engine.begin() as conn:  # back to v7: no index, no triggers
        conn.execute(text("DROP TRIGGER articles_fts_insert"))
        conn.execute(text("DROP TABLE articles_fts"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version = 8"))
    store.close()
    store = Store.open(db_path)
    assert search(store, "Trump")
    store.close()


@pytest.mark.parametrize(("words", "query"), [
    ("Iran talks", '"Iran" "talks"'),
    ('"nuclear deal" Iran', '"nuclear deal" "Iran"'),
    ('NEAR(a b) OR x*', '"NEAR" "a" "b" "OR" "x"'),
    ('"; DROP TABLE', '"DROP" "TABLE"'),
    ("", ""),
])
def test_search_words_become_quoted_fts5_terms(words: str, query: str) -> None:
    assert fts5_query(words) == query
