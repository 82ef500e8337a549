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


def test_a_reported_refusal_is_dated_by_its_statement() -> None:
    event = first(events_of("The Kenyan government said President Ruto would not attend the talks with "
                            "Ethiopia."), "REJECT")
    assert (event.modality, event.date, event.date_basis) == ("refused", MONDAY, "publication")
    events = events_of("Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Saturday. "
                       "The Somali government said President Mohamud would not attend the talks with "
                       "Kenya.")
    # a refusal to attend talks the article dates was stated before them, on no day it gives
    assert (first(events, "REJECT").date, first(events, "REJECT").date_basis) == (None, None)
    event = first(events_of("Kenya refused to attend the talks with Ethiopia."), "REJECT")
    assert (event.modality, event.date, event.date_basis) == ("refused", MONDAY, "publication")


def test_a_refusal_in_the_articles_own_future_stays_undated() -> None:
    event = first(events_of("Kenya will not attend the talks with Ethiopia."), "REJECT")
    assert (event.modality, event.date, event.date_basis) == ("refused", None, None)


def test_support_a_speaker_says_will_come_is_given_by_the_statement() -> None:
    event = first(events_of("Kenya's president said Kenya would support the initiative of Ethiopia."),
                  "SUPPORT")
    assert (event.modality, event.date, event.date_basis) == ("planned", MONDAY, "publication")
    event = first(events_of("Kenya will support the plan of Ethiopia."), "SUPPORT")
    assert (event.date, event.date_basis) == (None, None)


def test_a_background_event_takes_the_date_of_the_same_event_told_as_news() -> None:
    events = events_of("Kenya's president met Ethiopia's prime minister in Addis Ababa on Saturday. "
                       "The Kenyan president had travelled to Ethiopia after two weeks of diplomacy.")
    background = [e for e in events if e.modality == "reported_past"]
    assert background and all((e.type, e.date, e.date_basis) == ("CONSULT", "2025-08-02", "discourse")
                              for e in background), [(e.type, e.modality, e.date) for e in events]


def test_a_background_event_in_another_place_is_another_event() -> None:
    events = events_of("Kenya's president met Ethiopia's prime minister in Nairobi on Saturday. "
                       "The two leaders had met in Addis Ababa in a first round of talks.")
    background = [e for e in events if e.modality == "reported_past"]
    assert background and all(e.date is None for e in background), [(e.type, e.date) for e in events]


def test_a_background_event_without_its_same_event_stays_undated() -> None:
    events = events_of("Kenya's president met Ethiopia's prime minister in Nairobi on Saturday. "
                       "Somalia had accused Kenya of arming militias along the border.")
    event = first(events, "ACCUSE")
    assert (event.modality, event.date, event.date_basis) == ("reported_past", None, None)


def test_a_two_sided_plan_to_exchange_is_an_agreement_of_the_news() -> None:
    events = [e for e in events_of("Kenya and Ethiopia plan to exchange prisoners.") if e.type == "AGREE"]
    assert events and all((e.modality, e.date, e.date_basis) == ("asserted", MONDAY, "publication")
                          for e in events), events
    events = [e for e in events_of("Kenya and Ethiopia will exchange prisoners.") if e.type == "AGREE"]
    assert events and all((e.modality, e.date) == ("planned", None) for e in events), events


def test_a_planned_event_next_week_is_dated_to_the_month_of_that_week() -> None:
    event = first(events_of("Kenya will host talks with Ethiopia next week."), "CONSULT")
    assert (event.modality, event.date, event.date_basis) == ("planned", "2025-08", "text")
    # the week of 1-7 September 2025 belongs to September (the month of its Thursday)
    event = first(events_of("Kenya will host talks with Ethiopia next week.", "2025-08-25"), "CONSULT")
    assert (event.modality, event.date, event.date_basis) == ("planned", "2025-09", "text")


def test_a_date_of_what_the_news_follows_anchors_nothing_after_it() -> None:
    events = events_of("Kenya's foreign minister met his Ethiopian counterpart in Nairobi on Friday.\n"
                       "The talks follow a proposal by Ethiopia on Sunday to resume negotiations with Kenya. "
                       "The Somali government accused Kenya of sabotaging the talks.",
                       "2025-08-02")
    accusation = first(events, "ACCUSE")
    assert (accusation.date, accusation.date_basis) == ("2025-08-01", "discourse")


def test_a_refusal_to_attend_talks_is_not_dated_by_the_talks() -> None:
    """ "the ministry said the president would not attend the talks", in a report of the talks
    held on Friday: the refusal was stated before them, on a day the text does not give; a
    refusal of another kind still takes the day of its statement."""
    events = events_of("Delegations of Peru and Chile held talks in Lima on Friday. However, the "
                       "Chilean ministry said President Ruiz would not attend the talks.", "2025-05-16")
    refusals = [e for e in events if e.modality == "refused"]
    assert refusals and all(e.date is None for e in refusals)
    assert "2025-05-16" in [e.date for e in events if e.type == "CONSULT"]
    other = first(events_of("Kenya refused to attend the talks with Ethiopia."), "REJECT")
    assert other.date == MONDAY


def test_a_paragraph_told_in_the_past_takes_no_date_of_the_news() -> None:
    """ "In December, Peru accused Chile ... Ruiz also accused Mora": once its paragraph has moved
    back before the news, an undated event is not the lead's news day (nor the publication's)."""
    events = events_of("Peru's foreign minister met his Chilean counterpart in Lima on Saturday.\n"
                       "In December, Peru accused Chile of arming smugglers. Minister Ruiz also "
                       "accused Mora of lying to the press.")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert len(accusations) >= 2, [(e.type, e.date) for e in events]
    assert accusations[0].date == "2024-12"
    assert all(e.date is None for e in accusations[1:]), [(e.date, e.date_basis) for e in accusations]
    # a news anchor after the past in the same paragraph brings the narrative back to the news
    events = events_of("Peru's foreign minister met his Chilean counterpart in Lima on Saturday.\n"
                       "In December, Peru accused Chile of arming smugglers. On Sunday, Ruiz "
                       "met Mora. Minister Ruiz also accused Mora of lying to the press.")
    assert events[-1].type == "ACCUSE" and events[-1].date == "2025-08-03", [(e.type, e.date) for e in events]


def test_a_speakers_today_counts_from_the_day_of_the_statement() -> None:
    """ "Today, I am asking ..." quoted from a statement the article tells as Saturday's, in an
    article of Monday: the speaker's today is Saturday."""
    events = events_of("Peru's president Ruiz met Chilean envoy Mora in Lima on Saturday.\n"
                       'In a televised statement, Ruiz said: "Today, I am asking Chile to return '
                       'the detained fishermen."')
    request = first(events, "REQUEST")
    assert (request.date, request.date_basis) == ("2025-08-02", "discourse")
    # outside quotation marks the article's today stands
    request = first(events_of("Today, Peru asked Chile to return the detained fishermen."), "REQUEST")
    assert (request.date, request.date_basis) == (MONDAY, "text")


def test_support_not_announced_is_not_given() -> None:
    """ "did not announce whom they would support": no statement of support was made."""
    events = events_of("Peru's ruling party met in Lima on Saturday. The party did not immediately "
                       "announce whom they would support in the vote on Chile's proposal.")
    support = [e for e in events if e.type == "SUPPORT"]
    assert all(e.date is None for e in support), [(e.modality, e.date) for e in support]


def test_a_paragraph_told_last_week_takes_no_date_of_the_news() -> None:
    """ "For three days last week, the court heard ... Ruiz has accused Mora": the paragraph is
    at last week, not at the lead's day."""
    events = events_of("Peru's foreign minister met his Chilean counterpart in Lima on Saturday.\n"
                       "For three days last week, the court heard arguments. Minister Ruiz has "
                       "accused Mora of lying to the press.", "2025-08-06")
    accusation = first(events, "ACCUSE")
    assert (accusation.date, accusation.date_basis) == (None, None)


def test_a_past_perfect_clause_does_not_take_the_date_of_the_clause_beside_it() -> None:
    """ "On Friday, Chile approved a quarter of the aid Peru had requested": the request was
    made before Friday, on a day the text does not give; "by Friday Peru had recalled its
    envoy" is dated by its own clause."""
    events = events_of("On Friday, Chile's congress approved about a quarter of the funds that "
                       "Peru had requested from Chile.")
    request = first(events, "REQUEST")
    assert request.date is None, (request.date, request.date_text)
