"""Cross-article event merging, timelines and briefs over a real SQLite store.

The events are built by hand here so that merging is tested apart from the event coder;
the end-to-end path (articles -> coder -> merge) is tested with the seeds elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from parley.brief import write_brief
from parley.clean import content_hash
from parley.models import Actor, Article, Event
from parley.pipeline import merge_events
from parley.query import export_records
from parley.store import ArticleBundle, Store
from parley.timeline import dyad_trend, timeline

PAK = Actor("Ishaq Dar", "PAK", "GOV", "Foreign Minister")
TUR = Actor("Hakan Fidan", "TUR", "GOV", "Foreign Minister")
IRN = Actor("Abbas Araghchi", "IRN", "GOV", "Foreign Minister")
USA = Actor("United States", "USA", None)
IRAN = Actor("Iran", "IRN", None)


def _article(number: int, text: str, outlet: str, published: str) -> Article:
    digest = content_hash(text)
    return Article(id=f"article{number:02d}", source=f"{outlet}-{number}.txt", text=text,
                   content_hash=digest, title=f"Report {number}", published=published,
                   outlet=outlet)


def _event(text: str, kind: str, source: Actor | None, target: Actor | None, date: str | None,
           modality: str = "asserted", intensity: float = 2.5, date_text: str | None = None,
           mode: str | None = None) -> Event:
    return Event(type=kind, sentence_start=0, sentence_end=len(text), source=source,
                 target=target, date=date, date_text=date_text, mode=mode,
                 date_basis=None if date is None else (
                     "publication" if modality == "asserted" and not date_text else "text"),
                 modality=modality,  # type: ignore[arg-type]
                 trigger_start=0, trigger_end=5, confidence=0.8, intensity=intensity)


def _store_article(store: Store, article: Article, events: list[Event]) -> None:
    reports = merge_events(store, article, events)
    assert store.add_article(ArticleBundle(article, events=reports, story_id="story-1"))


def test_same_call_reported_by_three_outlets_is_one_event(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    call = "Dar spoke with Araghchi by telephone on Monday."
    for number, outlet in enumerate(("Dawn", "TRT", "Reuters")):
        article = _article(number, call, outlet, "2025-08-04")
        _store_article(store, article, [_event(call, "CONSULT", PAK, IRN, "2025-08-04")])
    [event] = list(export_records(store, "events"))
    assert event["mentions"] == 3 and event["outlets"] == ["Dawn", "TRT", "Reuters"]
    assert len(event["evidence"]) == 3 and event["story_id"] == "story-1"
    store.close()


def test_near_misses_stay_apart(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    first = "Turkey's foreign minister called Araghchi on Sunday."
    second = "Pakistan's foreign minister called Araghchi on Monday."
    _store_article(store, _article(1, first, "A", "2025-08-03"),
                   [_event(first, "CONSULT", TUR, IRN, "2025-08-03")])
    _store_article(store, _article(2, second, "B", "2025-08-04"),
                   [_event(second, "CONSULT", PAK, IRN, "2025-08-04", date_text="on Monday")])
    third = "Pakistan's foreign minister called Araghchi again on Tuesday."
    _store_article(store, _article(3, third, "C", "2025-08-05"),
                   [_event(third, "CONSULT", PAK, IRN, "2025-08-05", date_text="on Tuesday")])
    assert len(list(export_records(store, "events"))) == 3
    store.close()


def test_background_report_merges_with_precise_date(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    back = "Following the June 2025 strikes by the United States on Iran, talks stalled."
    news = "The United States struck three Iranian nuclear sites on June 22."
    _store_article(store, _article(1, back, "A", "2026-02-04"),
                   [_event(back, "ASSAULT", USA, IRAN, "2025-06", "reported_past", -9.0)])
    _store_article(store, _article(2, news, "B", "2025-06-22"),
                   [_event(news, "ASSAULT", USA, IRAN, "2025-06-22", intensity=-9.0)])
    [event] = list(export_records(store, "events"))
    assert event["date"] == "2025-06-22" and event["mentions"] == 2
    store.close()


def test_timeline_brief_and_trend(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    strike = "The United States struck Iranian nuclear sites."
    talks = "Iran and the United States will meet in Istanbul."
    _store_article(store, _article(1, strike, "A", "2025-06-22"),
                   [_event(strike, "ASSAULT", USA, IRAN, "2025-06-22", intensity=-9.0)])
    _store_article(store, _article(2, talks, "B", "2026-02-03"),
                   [_event(talks, "CONSULT", IRAN, USA, "2026-02-06", "planned")])
    entries = timeline(store, ["USA", "IRN"])
    assert [(e.date, e.type, e.modality) for e in entries] == [
        ("2025-06-22", "ASSAULT", "asserted"), ("2026-02-06", "CONSULT", "planned")]
    assert [e.type for e in timeline(store, ["Iran"], since="2026")] == ["CONSULT"]
    assert dyad_trend(store, "USA", "IRN") == [("2025-06", -9.0, 1)]  # plans are not relations
    text, svg = write_brief(store, ["USA", "IRN"], "trend.svg")
    assert "## Timeline" in text and "*(planned)*" in text and "[1]" in text and "[2]" in text
    assert "![PLOVER intensity per month](trend.svg)" in text and "<svg" in svg
    stories = list(export_records(store, "stories"))
    assert stories[0]["article_ids"] == ["article01", "article02"]
    assert stories[0]["first_date"] == "2025-06-22" and stories[0]["last_date"] == "2026-02-06"
    json.dumps(stories)
    store.close()


RUSSIA = Actor("Russia", "RUS", None)
PUTIN = Actor("Vladimir Putin", "RUS", "GOV", "President")
TRUMP = Actor("Donald Trump", "USA", "GOV", "President")
UKRAINE = Actor("Ukraine", "UKR", None)


def _events(store: Store) -> list[dict[str, object]]:
    return list(export_records(store, "events"))


def test_parties_however_named_and_a_missing_party_merge(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    first = "Trump spoke with Putin for two hours on Tuesday."
    second = "Russia and the United States held a phone call on Tuesday."
    third = "The Kremlin said the call took place on Tuesday."
    _store_article(store, _article(1, first, "A", "2025-03-18"),
                   [_event(first, "CONSULT", TRUMP, PUTIN, "2025-03-18", date_text="on Tuesday")])
    _store_article(store, _article(2, second, "B", "2025-03-18"),
                   [_event(second, "CONSULT", RUSSIA, USA, "2025-03-18", mode="phone",
                           date_text="on Tuesday")])
    _store_article(store, _article(3, third, "C", "2025-03-19"),
                   [_event(third, "CONSULT", RUSSIA, None, "2025-03-18", date_text="on Tuesday")])
    [event] = _events(store)
    assert event["mentions"] == 3 and event["mode"] == "phone"
    assert event["source"]["code"] == "USAGOV" and event["target"]["code"] == "RUSGOV"
    bases = [e["merge_basis"] for e in event["evidence"]]  # type: ignore[union-attr]
    assert bases[0] is None
    assert "parties RUS+USA" in bases[1] and "same date" in bases[1]
    assert "parties RUS" in bases[2]
    store.close()


def test_a_day_of_publication_lag_merges_but_two_stated_days_do_not(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    first = "Israel struck targets across Gaza on Tuesday, killing more than 400 people."
    second = "Israeli airstrikes pounded Gaza and killed more than 400 people."
    # the report dated only by its publication comes first; the stated date wins
    _store_article(store, _article(2, second, "B", "2025-03-19"),
                   [_event(second, "ASSAULT", Actor("Israel", "ISR"), Actor("Gaza", "PSE"),
                           "2025-03-19", mode="aerial", intensity=-9.0)])
    _store_article(store, _article(1, first, "A", "2025-03-18"),
                   [_event(first, "ASSAULT", Actor("Israel", "ISR"), Actor("Gaza", "PSE"),
                           "2025-03-18", date_text="on Tuesday", intensity=-9.0)])
    [event] = _events(store)
    assert event["mentions"] == 2 and event["date"] == "2025-03-18"
    assert "dates a day apart" in event["evidence"][1]["merge_basis"]  # type: ignore[index]
    store.close()


def test_undated_report_joins_only_with_evidence(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    dated = "Russia and Ukraine agreed on Friday to exchange 1,000 prisoners each."
    alike = "Both sides agreed to a swap of 1,000 prisoners of war."
    unlike = "Russia and Ukraine have agreed on several things over the years."
    _store_article(store, _article(1, dated, "A", "2025-05-16"),
                   [_event(dated, "AGREE", RUSSIA, UKRAINE, "2025-05-16", date_text="on Friday")])
    _store_article(store, _article(2, alike, "B", "2025-05-17"),
                   [_event(alike, "AGREE", UKRAINE, RUSSIA, None)])
    _store_article(store, _article(3, unlike, "C", "2025-05-17"),
                   [_event(unlike, "AGREE", RUSSIA, UKRAINE, None)])
    events = _events(store)
    assert sorted(e["mentions"] for e in events) == [1, 2]  # type: ignore[type-var]
    joined = next(e for e in events if e["mentions"] == 2)
    assert "figure 1000" in joined["evidence"][1]["merge_basis"]  # type: ignore[index]
    store.close()


def test_same_parties_in_another_place_or_reversed_roles_stay_apart(tmp_path: Path) -> None:
    from parley.models import Location

    store = Store.open(tmp_path / "p.db")
    aze, arm = Actor("Ilham Aliyev", "AZE", "GOV"), Actor("Nikol Pashinyan", "ARM", "GOV")
    here = "Aliyev and Pashinyan met at the White House in Washington in August."
    there = "Aliyev and Pashinyan held talks in Abu Dhabi in July, officials said."
    _store_article(store, _article(1, here, "A", "2025-08-09"), [replace(
        _event(here, "CONSULT", aze, arm, "2025-08"),
        location=Location("Washington", "USA"))])
    _store_article(store, _article(2, there, "B", "2025-08-09"), [replace(
        _event(there, "CONSULT", aze, arm, "2025-08"), location=Location("Abu Dhabi", "ARE"))])
    blame = "Armenia accused Azerbaijan of shelling on Monday."
    reply = "Azerbaijan accused Armenia of shelling on Monday."
    _store_article(store, _article(3, blame + " " + reply, "C", "2025-08-04"), [
        _event(blame, "ACCUSE", Actor("Armenia", "ARM"), Actor("Azerbaijan", "AZE"),
               "2025-08-04"),
        _event(reply, "ACCUSE", Actor("Azerbaijan", "AZE"), Actor("Armenia", "ARM"),
               "2025-08-04")])
    assert len(_events(store)) == 4
    store.close()



def test_a_symmetric_report_naming_the_parties_the_other_way_keeps_both(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    text = "A July meeting between Ilham Aliyev and Nikol Pashinyan in Abu Dhabi produced nothing."
    aliyev, pashinyan = Actor("Ilham Aliyev", "AZE", "GOV"), Actor("Nikol Pashinyan")
    _store_article(store, _article(1, text, "A", "2025-08-09"), [
        _event(text, "CONSULT", aliyev, pashinyan, "2025-07", "reported_past"),
        _event(text, "CONSULT", pashinyan, aliyev, "2025-07", "reported_past")])
    [event] = _events(store)
    assert {event["source"]["name"], event["target"]["name"]} == {  # type: ignore[index]
        "Ilham Aliyev", "Nikol Pashinyan"}
    store.close()
