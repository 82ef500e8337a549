"""Cross-article event merging, timelines and briefs over a real SQLite store.

The events are built by hand here so that merging is tested apart from the event coder;
the end-to-end path (articles -> coder -> merge) is tested with the seeds elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from parley.brief import write_brief
from parley.clean import content_hash
from parley.models import Actor, Article, Event
from parley.pipeline import merge_events
from parley.query import export_records
from parley.store import ArticleBundle, Store
from parley.stories.merge import KnownEvent
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


def _events(store: Store) -> list[dict[str, Any]]:
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
    bases = [e["merge_basis"] for e in event["evidence"]]
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
    assert "dates a day apart" in event["evidence"][1]["merge_basis"]
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
    assert sorted(e["mentions"] for e in events) == [1, 2]
    joined = next(e for e in events if e["mentions"] == 2)
    assert "figure 1000" in joined["evidence"][1]["merge_basis"]
    store.close()


def test_same_parties_in_another_place_or_reversed_roles_stay_apart(tmp_path: Path) -> None:
    from parley.models import Location

    store = Store.open(tmp_path / "p.db")
    per, chl = Actor("Ana Ruiz", "PER", "GOV"), Actor("Luis Mora", "CHL", "GOV")
    here = "Ruiz and Mora met at the presidential palace in Brasilia in August."
    there = "Ruiz and Mora held talks in Quito in July, officials said."
    _store_article(store, _article(1, here, "A", "2025-08-09"), [replace(
        _event(here, "CONSULT", per, chl, "2025-08"),
        location=Location("Brasilia", "BRA"))])
    _store_article(store, _article(2, there, "B", "2025-08-09"), [replace(
        _event(there, "CONSULT", per, chl, "2025-08"), location=Location("Quito", "ECU"))])
    blame = "Chile accused Peru of shelling on Monday."
    reply = "Peru accused Chile of shelling on Monday."
    _store_article(store, _article(3, blame + " " + reply, "C", "2025-08-04"), [
        _event(blame, "ACCUSE", Actor("Chile", "CHL"), Actor("Peru", "PER"),
               "2025-08-04"),
        _event(reply, "ACCUSE", Actor("Peru", "PER"), Actor("Chile", "CHL"),
               "2025-08-04")])
    assert len(_events(store)) == 4
    store.close()



def test_a_symmetric_report_naming_the_parties_the_other_way_keeps_both(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    text = "A July meeting between Ana Ruiz and Luis Mora in Quito produced nothing."
    ruiz, mora = Actor("Ana Ruiz", "PER", "GOV"), Actor("Luis Mora")
    _store_article(store, _article(1, text, "A", "2025-08-09"), [
        _event(text, "CONSULT", ruiz, mora, "2025-07", "reported_past"),
        _event(text, "CONSULT", mora, ruiz, "2025-07", "reported_past")])
    [event] = _events(store)
    assert {event["source"]["name"], event["target"]["name"]} == {
        "Ana Ruiz", "Luis Mora"}
    store.close()


ISRAEL, YEMEN = Actor("Israel", "ISR"), Actor("Yemen", "YEM")


def test_one_strike_in_its_modes_and_places_is_one_event(tmp_path: Path) -> None:
    from parley.models import Location

    store = Store.open(tmp_path / "p.db")
    missile = "The Israeli military said it had struck a military target in Sanaa with missiles."
    air = "An Israeli airstrike on Thursday killed the prime minister of the Houthi government."
    _store_article(store, _article(1, missile + " " + air, "A", "2025-08-28"), [
        replace(_event(missile, "ASSAULT", ISRAEL, YEMEN, "2025-08-28", mode="heavy-weapons",
                       intensity=-9.0), location=Location("Sanaa", "YEM")),
        replace(_event(air, "ASSAULT", ISRAEL, YEMEN, "2025-08-28", mode="aerial",
                       date_text="on Thursday", intensity=-9.0),
                sentence_start=len(missile) + 1, sentence_end=len(missile) + 1 + len(air),
                location=Location("Yemen", "YEM"))])
    [event] = _events(store)
    assert len(event["evidence"]) == 2
    # a shooting is another mode of attack: the same day and parties do not make it the strike
    shots = "Israeli troops shot at fishermen off the coast of Yemen."
    _store_article(store, _article(2, shots, "B", "2025-08-28"),
                   [_event(shots, "ASSAULT", ISRAEL, YEMEN, "2025-08-28", mode="firearms",
                           intensity=-9.0)])
    assert len(_events(store)) == 2
    store.close()


def test_a_one_party_report_of_another_month_needs_evidence(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    strike = "Israel struck the port of Hodeidah in Yemen on 6 May."
    background = "The airport was knocked out of service by Israeli attacks in May."
    same_day = "Israeli jets hit the port of Hodeidah, officials said."
    _store_article(store, _article(1, strike, "A", "2025-05-06"),
                   [_event(strike, "ASSAULT", ISRAEL, YEMEN, "2025-05-06", date_text="on 6 May",
                           intensity=-9.0)])
    _store_article(store, _article(2, background, "B", "2025-08-30"),
                   [_event(background, "ASSAULT", ISRAEL, None, "2025-05", "reported_past",
                           -9.0, date_text="in May")])
    _store_article(store, _article(3, same_day, "C", "2025-05-06"),
                   [_event(same_day, "ASSAULT", ISRAEL, None, "2025-05-06", intensity=-9.0)])
    events = _events(store)
    assert sorted(e["mentions"] for e in events) == [1, 2]
    joined = next(e for e in events if e["mentions"] == 2)
    assert joined["evidence"][1]["text"] == same_day
    assert "parties ISR" in joined["evidence"][1]["merge_basis"]
    store.close()


def test_an_undated_article_is_read_at_the_day_of_its_lead_news(tmp_path: Path) -> None:
    """Two rounds of talks two weeks apart: an undated report of the second round's swap,
    with the first round's figure, stays apart from the first swap."""
    store = Store.open(tmp_path / "p.db")
    first = "Russia and Ukraine met in Istanbul on Friday and agreed to swap 1,000 prisoners each."
    second = "Russia and Ukraine held a second round of talks in Istanbul on June 2."
    _store_article(store, _article(1, first, "A", "2025-05-16"), [
        _event(first, "CONSULT", RUSSIA, UKRAINE, "2025-05-16", date_text="on Friday"),
        _event(first, "AGREE", RUSSIA, UKRAINE, "2025-05-16", date_text="on Friday")])
    _store_article(store, _article(2, second, "B", "2025-06-02"),
                   [_event(second, "CONSULT", RUSSIA, UKRAINE, "2025-06-02", date_text="on June 2")])
    lead = "The second round of talks between Russia and Ukraine in Istanbul has concluded."
    swap = "They agreed on an exchange of the wounded, no fewer than 1,000 people from each side."
    undated = Article(id="article03", source="C-3.txt", text=lead + " " + swap,
                      content_hash=content_hash(lead + swap), title="Report 3", published=None,
                      outlet="C")
    reports = merge_events(store, undated, [
        _event(lead, "CONSULT", UKRAINE, RUSSIA, None),
        replace(_event(swap, "AGREE", RUSSIA, UKRAINE, None), sentence_start=len(lead) + 1,
                sentence_end=len(lead) + 1 + len(swap))])
    assert store.add_article(ArticleBundle(undated, events=reports, story_id="story-1"))
    by_type = {(e["type"], e["date"]): e["mentions"] for e in _events(store)}
    assert by_type == {("CONSULT", "2025-05-16"): 1, ("CONSULT", "2025-06-02"): 2,
                       ("AGREE", "2025-05-16"): 1, ("AGREE", None): 1}
    store.close()


def test_an_undated_fact_joins_no_event_after_its_article(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    later = "Russia and Ukraine agreed to exchange 1,000 prisoners each on Friday."
    earlier = "Russia and Ukraine have agreed on a swap of 1,000 prisoners, officials say."
    _store_article(store, _article(1, later, "A", "2025-05-16"),
                   [_event(later, "AGREE", RUSSIA, UKRAINE, "2025-05-16", date_text="on Friday")])
    # published a month before: its undated report cannot be of the May swap
    _store_article(store, _article(2, earlier, "B", "2025-04-10"),
                   [_event(earlier, "AGREE", RUSSIA, UKRAINE, None)])
    # published the day after: it can
    _store_article(store, _article(3, earlier + " ", "C", "2025-05-17"),
                   [_event(earlier, "AGREE", RUSSIA, UKRAINE, None)])
    assert sorted(len(e["evidence"]) for e in _events(store)) == [1, 2]
    store.close()


def test_an_agreement_to_meet_and_the_meeting_stay_apart(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.db")
    plan = "Russia and Ukraine agreed on Friday to meet again in Istanbul."
    meeting = "Russia and Ukraine met in Istanbul on Friday."
    _store_article(store, _article(1, plan, "A", "2025-05-16"), [
        _event(plan, "AGREE", RUSSIA, UKRAINE, "2025-05-16", date_text="on Friday"),
        _event(plan, "CONSULT", RUSSIA, UKRAINE, None, "planned")])
    _store_article(store, _article(2, meeting, "B", "2025-05-16"),
                   [_event(meeting, "CONSULT", UKRAINE, RUSSIA, "2025-05-16", date_text="on Friday")])
    kinds = sorted((e["type"], e["modality"]) for e in _events(store))
    assert kinds == [("AGREE", "asserted"), ("CONSULT", "asserted"), ("CONSULT", "planned")]
    store.close()


def test_a_signing_is_its_agreement_and_is_signed_by_both(tmp_path: Path) -> None:
    """CAMEO 057 (signing a formal agreement, PLOVER SUPPORT) is reciprocal: 'Pakistan and
    Turkey signed the accord' told either way, and 'they agreed' the same day, is one event;
    a signing with another party stays apart."""
    store = Store.open(tmp_path / "p.db")
    signed = "Pakistan and Turkey signed a border accord in Ankara on Monday."
    agreed = "Dar and Fidan agreed on Monday to settle the border question."
    other = "Turkey also signed a trade accord with Iran on Monday."
    first = _article(1, signed, "Dawn", "2025-08-04")
    _store_article(store, first, [
        replace(_event(signed, "SUPPORT", PAK, TUR, "2025-08-04"), cameo="057"),
        replace(_event(signed, "SUPPORT", TUR, PAK, "2025-08-04"), cameo="057")])
    second = _article(2, agreed + " " + other, "TRT", "2025-08-04")
    _store_article(store, second, [
        replace(_event(agreed, "AGREE", PAK, TUR, "2025-08-04"), cameo="030"),
        replace(_event(other, "SUPPORT", TUR, IRN, "2025-08-04"), cameo="057")])
    events = list(export_records(store, "events"))
    pair = [e for e in events if {e["source"]["country"], e["target"]["country"]} == {"PAK", "TUR"}]
    assert len(pair) == 1 and pair[0]["type"] == "AGREE" and pair[0]["mentions"] == 2
    assert [e["type"] for e in events if e["target"]["country"] == "IRN"] == ["SUPPORT"]


def test_reports_alike_in_every_hashed_field_are_stored_apart(tmp_path: Path) -> None:
    """Two reports of one article with the same type, sentence, trigger and party codes that
    are different events (here: different days) get different ids; the article is stored."""
    store = Store.open(tmp_path / "p.db")
    text = "Secretary Jane Doe refused on Monday, and Secretary John Roe on Friday, to testify."
    doe, roe = Actor("Jane Doe", "USA", "GOV"), Actor("John Roe", "USA", "GOV")
    article = _article(1, text, "A", "2025-08-09")
    reports = [_event(text, "REJECT", doe, None, "2025-08-04", date_text="on Monday"),
               _event(text, "REJECT", roe, None, "2025-08-08", date_text="on Friday")]
    _store_article(store, article, reports)
    records = list(export_records(store, "events"))
    assert len(records) == 2 and len({r["id"] for r in records}) == 2
    assert sorted(r["date"] for r in records) == ["2025-08-04", "2025-08-08"]
    store.close()


def test_an_undated_agreement_of_the_news_pair_is_the_news_agreement(tmp_path: Path) -> None:
    """Within one article, an undated meeting or agreement of the same two parties as the
    article's dated one of its own day is that one, even in other words; the record keeps the
    dated report's parties. Directed acts (requests) stay apart."""
    store = Store.open(tmp_path / "p.db")
    lead = "Chile and Peru agreed on Monday to reopen their border crossings."
    later = " Both sides also promised to share their written terms for a truce."
    ask = " Peru asked Chile for maps of the minefields."
    text = lead + later + ask
    chile, peru = Actor("Chile", "CHL", None), Actor("Peru", "PER", None)
    sides = Actor("both sides", "CHL", "GOV")
    dated = _event(lead, "AGREE", chile, peru, "2025-08-04", date_text="on Monday")
    undated = replace(_event(later, "AGREE", sides, peru, None), sentence_start=len(lead),
                      sentence_end=len(lead + later), trigger_start=len(lead) + 20)
    request = replace(_event(ask, "REQUEST", peru, chile, None), sentence_start=len(lead + later),
                      sentence_end=len(text), trigger_start=len(lead + later) + 6)
    _store_article(store, _article(1, text, "A", "2025-08-04"), [dated, undated, request])
    records = _events(store)
    agreements = [r for r in records if r["type"] == "AGREE"]
    assert len(agreements) == 1 and len(agreements[0]["evidence"]) == 2
    assert agreements[0]["source"]["name"] == "Chile"
    assert [r["type"] for r in records].count("REQUEST") == 1
    store.close()


def test_a_record_two_articles_report_is_at_least_as_sure_as_such_records_are() -> None:
    """Reports of one event by several articles confirm each other: the merged record's
    confidence is at least the fitted share right of such records."""
    from parley.events.calibration import load_corroborated
    from parley.stories.merge import merge_reports

    share = load_corroborated()
    assert share is not None and 0.5 < share < 1.0
    call = "Dar spoke with Araghchi by telephone on Monday."
    report = replace(_event(call, "CONSULT", PAK, IRN, "2025-08-04"), confidence=0.55)
    [first] = merge_reports("a1", call, [report], lambda events: [[] for _ in events], "2025-08-04")
    assert first.record.confidence == 0.55
    known = [KnownEvent(first.event_id, first.record, (call,))]
    [second] = merge_reports("a2", call, [report], lambda events: [known for _ in events], "2025-08-04")
    assert not second.is_new and second.record.confidence == share
