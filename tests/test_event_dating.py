"""Event dates and their basis: the event's own clause (text), the article's account of it
elsewhere (discourse), the publication date; and what must stay undated."""

from __future__ import annotations

from datetime import date

from parley.actors.entities import extract_entities
from parley.cli.events import _timeline_text
from parley.events import extract_events
from parley.events.undated import year_of_weekday
from parley.models import Event
from parley.nlp import parse
from parley.timeline import TimelineEntry
from parley.timex import extract_timexes

MONDAY = "2025-08-04"


def events_of(text: str, date: str | None = MONDAY) -> list[Event]:
    doc = parse(text)
    return extract_events(doc, date, extract_entities(doc, date), extract_timexes(doc, date))


def first(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.type == event_type]
    assert found, [(e.type, e.date) for e in events]
    return found[0]


def test_own_clause_dates_with_text_basis() -> None:
    event = first(events_of("Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Saturday."),
                  "CONSULT")
    assert (event.date, event.date_basis, event.date_text) == ("2025-08-02", "text", "Saturday")
    assert event.as_dict()["date_basis"] == "text"


def test_story_anchor_dates_a_later_paragraph() -> None:
    events = events_of("Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Saturday.\n"
                       "Kenya accused Somalia of arming militias along the border.")
    event = first(events, "ACCUSE")
    assert (event.date, event.date_basis) == ("2025-08-02", "discourse")


def test_publication_date_when_nothing_else_dates_it() -> None:
    event = first(events_of("Kenya accused Somalia of arming militias along the border."), "ACCUSE")
    assert (event.date, event.date_basis, event.date_text) == (MONDAY, "publication", None)


def test_no_publication_date_means_no_inferred_date() -> None:
    event = first(events_of("Kenya accused Somalia of arming militias along the border.", None), "ACCUSE")
    assert (event.date, event.date_basis) == (None, None)


def test_planned_event_without_a_date_stays_undated() -> None:
    event = first(events_of("Kenya will host talks with Ethiopia to settle the border dispute."), "CONSULT")
    assert event.modality == "planned"
    assert (event.date, event.date_basis) == (None, None)


def test_background_keeps_its_own_coarse_date() -> None:
    event = first(events_of("Kenya and Ethiopia held talks in Addis Ababa in March 2022."), "CONSULT")
    assert (event.date, event.modality, event.date_basis) == ("2022-03", "reported_past", "text")


def test_a_state_since_a_year_does_not_date_the_event() -> None:
    events = events_of("Kenya's president met Ethiopia's prime minister in Nairobi on Saturday.\n"
                       "Kenya also lifted sanctions on Ethiopia, in place since 1992.")
    dates = [(e.type, e.date) for e in events]
    assert len(dates) >= 2 and all(date == "2025-08-02" for _, date in dates), dates


def test_a_time_before_the_news_blocks_inferred_dates() -> None:
    for text in ("Kenya earlier accused Somalia of arming militias along the border.",
                 "Kenya recently accused Somalia of arming militias along the border."):
        event = first(events_of(text), "ACCUSE")
        assert (event.date, event.date_basis) == (None, None), text


def test_a_later_date_of_another_clause_does_not_date_a_past_event() -> None:
    events = events_of("Kenya proposed to Ethiopia to hold a summit of the two presidents from "
                       "August 20 to 30.")
    asserted = [e for e in events if e.modality == "asserted"]
    assert asserted and all((e.date, e.date_basis) == (MONDAY, "publication") for e in asserted)


def test_undated_article_is_read_against_the_date_it_writes_out() -> None:
    events = events_of("Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Tuesday.\n"
                       "The two ministers meet in Nairobi on 2 December 2025.", None)
    event = first(events, "CONSULT")
    assert (event.date, event.date_basis) == ("2025-12-02", "text")


def test_timeline_marks_inferred_dates() -> None:
    entry = TimelineEntry(event_id="e1", date="2025-08-02", date_basis="discourse", type="ACCUSE",
                          mode=None, source={"name": "Kenya", "code": "KEN"}, target=None,
                          modality="asserted", negated=False, location=None, intensity=None, cameo=None,
                          outlets=("Example News",), article_ids=("a1",), evidence="", story_id=None)
    assert _timeline_text(entry, markdown=False).startswith("2025-08-02~ ")
    assert entry.as_dict()["date_basis"] == "discourse"


def test_a_weekday_with_its_month_day_fixes_the_year_of_an_undated_article() -> None:
    events = events_of("The foreign ministers of Kenya and Ethiopia held talks in Nairobi on Saturday "
                       "(August 2).\nKenya accused Somalia of arming militias along the border.", None)
    consult, accuse = first(events, "CONSULT"), first(events, "ACCUSE")
    assert consult.date is not None and consult.date == accuse.date
    day = date.fromisoformat(consult.date)
    # the latest Saturday, 2 August, not after today (2025 until the calendar repeats in 2031)
    assert (day.month, day.day, day.isoweekday()) == (8, 2, 6) and day <= date.today()
    assert accuse.date_basis == "discourse"


def test_the_year_of_a_weekday_is_the_latest_not_after_today() -> None:
    assert year_of_weekday(3, 18, 2, date(2026, 12, 3)) == date(2025, 3, 18)  # a Tuesday
    assert year_of_weekday(3, 18, 2, date(2025, 3, 18)) == date(2025, 3, 18)
    assert year_of_weekday(3, 18, 2, date(2025, 3, 17)) is None  # 2014 is too far back
    assert year_of_weekday(2, 30, 1, date(2026, 12, 3)) is None


def test_a_year_that_starts_a_state_gives_no_year_to_a_bare_day() -> None:
    events = events_of("Kenya's president met Ethiopia's prime minister in Nairobi on 6 May, marking a "
                       "shift in policy since the onset of the border war in October 2023.", None)
    assert first(events, "CONSULT").date is None


def test_an_act_a_speaker_reports_as_going_on_takes_the_report_date() -> None:
    events = events_of("An army spokesman said the strikes continued, adding that Israel is conducting "
                       "a large operation against Hamas in Gaza.")
    found = [e for e in events if e.type == "ASSAULT"]
    assert found and all((e.date, e.date_basis) == (MONDAY, "publication") for e in found), \
        [(e.type, e.date) for e in events]
    standing = first(events_of("Kenya is accusing Somalia of arming militias along the border."), "ACCUSE")
    assert standing.date is None


def test_the_same_event_elsewhere_is_the_same_only_in_the_same_direction() -> None:
    events = events_of("Kenya's president met Ethiopia's prime minister in Nairobi on Friday.\n"
                       "The talks follow a proposal by Ethiopia on Sunday to resume negotiations "
                       "with Kenya.\n"
                       "A Kenyan official said that Kenya proposed direct talks to Ethiopia.", "2025-05-16")
    requests = {(e.source.country if e.source else None, e.date) for e in events if e.type == "REQUEST"}
    assert ("ETH", "2025-05-11") in requests and ("KEN", "2025-05-11") not in requests, requests


def test_what_a_speaker_said_before_the_news_stays_undated() -> None:
    events = events_of("Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Saturday. "
                       "Kenya has previously said it is ready to sign a deal with Ethiopia.")
    assert (first(events, "AGREE").date, first(events, "CONSULT").date) == (None, "2025-08-02")


def test_a_year_that_names_a_thing_gives_no_year_to_a_bare_day() -> None:
    from parley.events.undated import resolve_undated
    for text in ("Kenya and Ethiopia signed a deal on 6 May ahead of the 2026 World Cup qualifiers.",
                 "Kenya signed a deal with Ethiopia on 6 May under its Vision 2030 plan."):
        doc = parse(text)
        _, timexes = resolve_undated(doc, extract_timexes(doc, None))
        assert [t.value for t in timexes if t.text == "6 May"] == ["XXXX-05-06"], text
    doc = parse("Kenya signed a deal with Ethiopia on 6 May. The talks began in 2024.")
    _, timexes = resolve_undated(doc, extract_timexes(doc, None))
    assert [t.value for t in timexes if t.text == "6 May"] == ["2024-05-06"]
