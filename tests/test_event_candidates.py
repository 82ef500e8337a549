"""Merge candidates come from the party index (schema v10), not from every event of a category.

A report is compared only with stored events that hold one of its parties (in the same role,
or either role for a symmetric category) and a date its window allows, or none: every other
event `stories.merge` would reject anyway. On SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text

from parley.clean import content_hash
from parley.models import Actor, Article, Event
from parley.pipeline import merge_events
from parley.store import ArticleBundle, Store
from parley.store.records import stored_event
from parley.store.schema import event_mentions, event_parties, events, schema_migrations
from parley.stories import merge
from parley.stories.merge import KnownEvent, block_key, candidate_request, find_same_event

COUNTRIES = ("PAK", "IRN", "TUR", "USA", "RUS", "UKR", "ISR", "LBN", "EGY", "QAT")


def _actor(code: str, name: str | None = None) -> Actor:
    return Actor(name or f"Minister of {code}", code, "GOV")


def _event(kind: str, source: Actor | None, target: Actor | None, date: str | None,
           sentence: str) -> Event:
    return Event(type=kind, sentence_start=0, sentence_end=len(sentence), source=source,
                 target=target, date=date, date_basis="text" if date else None,
                 trigger_start=0, trigger_end=4, confidence=0.8)


def _add(store: Store, number: int, event: Event, sentence: str,
         published: str | None = "2025-01-01") -> None:
    article = Article(id=f"a{number:04d}", source=f"s{number}", text=sentence,
                      content_hash=content_hash(f"{number}{sentence}"), title=None,
                      published=published)
    reports = merge_events(store, article, [event])
    assert store.add_article(ArticleBundle(article, events=reports))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    target = (str(tmp_path / "p.db") if request.param == "sqlite"
              else request.getfixturevalue("postgres_url"))
    opened = Store.open(target)
    yield opened
    opened.close()


def _filled(store: Store) -> None:
    """Talks and strikes between every pair of countries on several days, some undated."""
    number = 0
    for day, date in enumerate(("2025-03-01", "2025-03-10", "2025-04-02", None)):
        for i, a in enumerate(COUNTRIES):
            for b in COUNTRIES[i + 1:]:
                for kind in ("CONSULT", "ASSAULT"):
                    sentence = f"{a} and {b} {kind.lower()} round {day} figure {number + 11}."
                    _add(store, number, _event(kind, _actor(a), _actor(b), date, sentence),
                         sentence)
                    number += 1


def _all_of_key(store: Store, key: str) -> list[KnownEvent]:
    """Every stored event of a block key with its evidence: what a lookup without the
    index would offer."""
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(events).where(events.c.merge_key == key)).mappings())
        texts: dict[str, list[str]] = {}
        for event_id, sentence in conn.execute(select(event_mentions.c.event_id,
                                                      event_mentions.c.text)):
            texts.setdefault(event_id, []).append(sentence)
    return [KnownEvent(r["id"], stored_event(dict(r)), tuple(texts.get(r["id"], ())))
            for r in rows]


def test_candidates_share_a_party_and_a_possible_date(store: Store) -> None:
    _filled(store)
    pak, irn = _actor("PAK", "Ishaq Dar"), _actor("IRN", "Abbas Araghchi")
    talks = _event("CONSULT", pak, irn, "2025-03-10", "Dar called Araghchi.")
    [found] = store.events_for([candidate_request(talks)])
    everything = _all_of_key(store, block_key(talks))
    assert len(everything) == 4 * 45 and 0 < len(found) < len(everything) / 4
    for known in found:  # symmetric: PAK or IRN on either side; dated in the window or undated
        parties = {known.event.source.country, known.event.target.country}  # type: ignore[union-attr]
        assert parties & {"PAK", "IRN"}
        assert known.event.date in (None, "2025-03-10")
    assert len(found) == 2 * (9 + 9 - 1)  # the day's and the undated events of PAK or IRN

    strike = _event("ASSAULT", _actor("ISR"), _actor("LBN"), "2025-03", "Israel struck.")
    [found] = store.events_for([candidate_request(strike)])
    assert found  # not symmetric: the same source, or the same target
    for known in found:
        assert (known.event.source.country == "ISR"  # type: ignore[union-attr]
                or known.event.target.country == "LBN")  # type: ignore[union-attr]
        assert known.event.date is None or known.event.date.startswith("2025-03")
    assert store.events_for([candidate_request(_event("CONSULT", None, None, None, "Talks."))]
                            ) == [[]]


def test_every_event_a_report_could_join_is_a_candidate(store: Store) -> None:
    """The index only leaves out events the merge rules reject: for each report, the events
    `find_same_event` accepts among all of its category are all among its candidates."""
    _filled(store)
    reports = [
        ("CONSULT", _actor("TUR", "Hakan Fidan"), _actor("USA"), "2025-03-11",
         "TUR and USA consult round 1 figure 99."),
        ("CONSULT", _actor("UKR"), None, None, "UKR and RUS consult round 3 figure 40."),
        ("CONSULT", None, _actor("QAT"), "2025-04-02", "QAT and EGY consult round 2."),
        ("ASSAULT", _actor("LBN"), _actor("ISR"), "2025-04", "LBN and ISR assault round 2."),
        ("ASSAULT", None, _actor("QAT"), "2025", "EGY and QAT assault round 2."),
        ("ASSAULT", _actor("RUS", "Russian forces"), _actor("UKR"), None,
         "RUS and UKR assault round 3 figure 60."),
    ]
    events_ = [_event(kind, a, b, date, sentence) for kind, a, b, date, sentence in reports]
    found = store.events_for([candidate_request(e) for e in events_])
    joined = 0
    for (*_, sentence), report, candidates in zip(reports, events_, found, strict=True):
        ids = {c.id for c in candidates}
        everything = _all_of_key(store, block_key(report))
        assert len(ids) < len(everything)
        for known in everything:
            if find_same_event(report, sentence, [known]) is not None:
                joined += 1
                assert known.id in ids, (report, known.event)
    assert joined >= len(reports)  # the check compared something


def test_a_merge_moves_the_event_in_the_index(store: Store) -> None:
    sentence = "Turkey and Pakistan held talks, officials said, on 120 projects."
    _add(store, 1, _event("CONSULT", _actor("TUR"), _actor("PAK"), None, sentence), sentence,
         published=None)
    dated = _event("CONSULT", _actor("PAK"), _actor("TUR"), "2025-05-02", sentence)
    _add(store, 2, dated, sentence)
    with store.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(events)) == 1
        dates = set(conn.scalars(select(event_parties.c.date)))
    assert dates == {"2025-05-02"}  # the merged record is dated now, and so is its index
    elsewhere = _event("CONSULT", _actor("PAK"), _actor("TUR"), "2025-07-02", sentence)
    assert store.events_for([candidate_request(elsewhere)]) == [[]]
    [[known]] = store.events_for([candidate_request(dated)])
    assert len(known.evidence) == 2


def test_the_index_is_looked_up_not_scanned(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    _filled(store)
    from parley.store import _candidate_branches

    report = _event("CONSULT", _actor("PAK"), _actor("IRN"), "2025-03", "Talks.")
    for branch in _candidate_branches(0, *candidate_request(report), store.last_seq()):
        compiled = branch.compile(store.engine, compile_kwargs={"literal_binds": True})
        with store.engine.connect() as conn:
            plan = " ".join(str(row[-1]) for row in conn.execute(
                text(f"EXPLAIN QUERY PLAN {compiled}")))
        # either index of the table (parties and dates, or parties and recency) - never a scan
        assert "INDEX ix_event_parties_" in plan and "SCAN" not in plan, plan
    store.close()


def test_a_v9_store_is_indexed_in_place(store: Store) -> None:
    _filled(store)
    report = _event("CONSULT", _actor("PAK"), _actor("IRN"), "2025-03-10", "Talks.")
    [before] = store.events_for([candidate_request(report)])
    with store.engine.begin() as conn:  # back to v9: no party index
        conn.execute(delete(schema_migrations).where(schema_migrations.c.version == 10))
        conn.execute(text("DROP TABLE event_parties"))
    store.migrate()
    assert store.schema_version() == 10
    [after] = store.events_for([candidate_request(report)])
    assert [k.id for k in after] == [k.id for k in before] and before


def test_undated_pairs_are_compared_within_the_latest_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(tmp_path / "p.db")
    monkeypatch.setattr(merge, "UNDATED_RECENT_ARTICLES", 3)
    sentence = "Turkey and Pakistan held talks on 120 joint projects."
    _add(store, 1, _event("CONSULT", _actor("TUR"), _actor("PAK"), None, sentence), sentence,
         published=None)
    undated = _event("CONSULT", _actor("PAK"), _actor("TUR"), None, sentence)
    dated = _event("CONSULT", _actor("PAK"), _actor("TUR"), "2025-05-02", sentence)
    for number in range(2, 4):  # two more articles: the event's is among the latest three
        store.add_article(ArticleBundle(Article(
            id=f"other{number}", source=f"o{number}", text="Nothing.",
            content_hash=content_hash(f"o{number}"), title=None, published="2025-05-01")))
    assert [len(found) for found in store.events_for(
        [candidate_request(undated), candidate_request(dated)])] == [1, 1]
    store.add_article(ArticleBundle(Article(
        id="other4", source="o4", text="Nothing.", content_hash=content_hash("o4"),
        title=None, published="2025-05-01")))  # now it is not
    assert store.events_for([candidate_request(undated), candidate_request(dated)]) == [[], []]
    monkeypatch.setattr(merge, "UNDATED_RECENT_ARTICLES", 4)
    _add(store, 5, undated, sentence, published=None)  # joins it, and makes it recent again
    monkeypatch.setattr(merge, "UNDATED_RECENT_ARTICLES", 1)
    [[known]] = store.events_for([candidate_request(undated)])
    assert len(known.evidence) == 2
    store.close()
