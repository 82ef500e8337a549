"""Events on real sentences: triggers, frames, arguments (passives, compound actors, nominal
events), modality and negation, dates and places; and the seed articles' events."""

from __future__ import annotations

from functools import lru_cache

import pytest

from parley.actors.entities import extract_entities
from parley.clean import clean_document
from parley.events import candidate_sentences, extract_events
from parley.events.lexicon import load_lexicon
from parley.events.prefilter import inflections, trigger_forms
from parley.ingest import read_sources
from parley.models import Article, Entity, Event, RawDoc
from parley.nlp import parse
from parley.timex import extract_timexes

from .conftest import shared_path


def events_of(text: str, date: str | None = "2025-08-04") -> list[Event]:
    doc = parse(text)
    return extract_events(doc, date, extract_entities(doc, date), extract_timexes(doc, date))


def only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.cameo) for e in events]
    return found[0]


def countries(event: Event) -> tuple[str | None, str | None]:
    return (event.source.country if event.source else None, event.target.country if event.target else None)


# -- lexicon and pre-filter -------------------------------------------------------------------


def test_lexicon_codes_exist_and_categories_are_plover() -> None:
    lexicon = load_lexicon()
    categories = set(lexicon.categories)
    assert len(categories) == 16
    for word_class in lexicon.entries.values():
        for senses in word_class.values():
            for sense in senses:
                if sense.cameo:
                    assert sense.cameo in lexicon.codes, sense
                    assert (sense.type or lexicon.plover_of(sense.cameo)) in categories, sense
                assert sense.frame is None or sense.frame in lexicon.frames, sense


def test_inflections_cover_regular_and_irregular_forms() -> None:
    assert {"banned", "banning", "bans"} <= inflections("ban", "verbs")
    assert {"talks"} <= inflections("talk", "nouns")
    assert {"met", "spoke", "struck"} <= trigger_forms()
    assert "held" not in trigger_forms()  # a light verb: "held talks" is found by "talks"


def test_pre_filter_works_without_a_parser() -> None:
    text = ("The weather was mild. Iran and Pakistan held talks in Islamabad on Monday. "
            "Prices rose by two percent.")
    doc = parse(text, disable=("parser", "tagger", "attribute_ruler", "lemmatizer"))
    kept = [span.text for span in candidate_sentences(doc)]
    assert kept == ["Iran and Pakistan held talks in Islamabad on Monday."]


# -- who did what to whom ---------------------------------------------------------------------


def test_phone_call_between_named_people() -> None:
    event = only(events_of("Pakistan's Foreign Minister Ishaq Dar spoke with US Secretary of State Marco "
                           "Rubio by telephone on Monday."), "CONSULT")
    assert (event.source and event.source.name, event.target and event.target.name) == ("Ishaq Dar",
                                                                                         "Marco Rubio")
    assert countries(event) == ("PAK", "USA")
    assert (event.mode, event.cameo, event.date, event.modality) == ("phone", "041", "2025-08-04", "asserted")


def test_passive_with_agent() -> None:
    event = only(events_of("A refugee camp in Burundi was attacked by Burundian militiamen on Tuesday."),
                 "ASSAULT")
    assert event.source is not None and event.source.country == "BDI"
    assert event.cameo is not None and event.cameo.startswith("18")  # not a state's armed forces


def test_compound_subject_of_a_symmetric_event_goes_both_ways() -> None:
    # coded in both directions, as PLOVER's gold standard records do; the store merges the pair
    events = [e for e in events_of("Jordan and Britain have agreed to undertake joint military "
                                   "exercises this month.") if e.type == "AGREE"]
    assert sorted(countries(e) for e in events) == [("GBR", "JOR"), ("JOR", "GBR")]
    assert {e.cameo for e in events} == {"0312"}  # intent to cooperate militarily


def test_compound_object_gives_one_event_per_target() -> None:
    events = events_of("Security forces in Guinea have tortured scores of Sierra Leonean and Liberian "
                       "refugees.")
    assert sorted(countries(e) for e in events if e.type == "ASSAULT") == [("GIN", "LBR"), ("GIN", "SLE")]


def test_nominal_event_with_agent_and_target() -> None:
    event = only(events_of("This move comes at a time of intense friction, following the June 2025 military "
                           "strikes conducted by the United States against Iranian nuclear facilities.",
                           None), "ASSAULT")
    assert countries(event) == ("USA", "IRN")
    assert (event.date, event.modality) == ("2025-06", "reported_past")


def test_light_verb_and_sanctions() -> None:
    event = only(events_of("President Bill Clinton has imposed sanctions on the Taliban."), "SANCTION")
    assert countries(event) == ("USA", "AFG")
    assert event.cameo == "163"


def test_rejection_of_an_offer_is_coded_by_what_was_offered() -> None:
    event = only(events_of("Pakistan's president today rejected a fresh offer from Afghanistan for direct "
                           "talks between the two neighbors."), "REJECT")
    assert countries(event) == ("PAK", "AFG")
    assert event.cameo == "125"  # reject a proposal to meet


def test_reported_obligation_is_a_demand_on_its_subject() -> None:
    events = events_of("China said on Tuesday that Japan must hand over the suspects.")
    assert [(e.type, countries(e)[1]) for e in events] == [("REQUEST", "JPN")]


def test_threat_takes_its_target_from_the_complement() -> None:
    event = only(events_of("Iran on Tuesday threatened to cut off electricity to the Azerbaijani republic "
                           "of Nakhichevan."), "THREATEN")
    assert countries(event) == ("IRN", "AZE")


def test_unless_makes_a_future_withdrawal_a_threat() -> None:
    event = only(events_of("Nigeria announced that it will withdraw its peacekeeping force from Chad unless "
                           "the president arranged a ceasefire."), "THREATEN")
    assert countries(event) == ("NGA", "TCD")
    assert event.cameo is not None and event.cameo.startswith("13")


def test_protest_absorbs_its_demand() -> None:
    events = events_of("Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday "
                       "calling for independence from Iraq.")
    assert [e.type for e in events] == ["PROTEST"]
    assert events[0].location is not None and events[0].location.name == "Kirkuk"
    assert events[0].location.country == "IRQ"


# -- modality and negation --------------------------------------------------------------------


def test_planned_meeting_with_its_own_date_and_place() -> None:
    events = [e for e in events_of("Diplomatic circles anticipate a high-level meeting in Istanbul as early "
                                   "as Friday, February 6, 2026, potentially involving U.S. Special Envoy "
                                   "Steve Witkoff and Iranian Foreign Minister Abbas Araghchi.", None)
              if e.type == "CONSULT"]
    assert sorted(countries(e) for e in events) == [("IRN", "USA"), ("USA", "IRN")]
    for event in events:
        assert (event.modality, event.date, event.cameo) == ("planned", "2026-02-06", "036")
        assert event.location is not None and event.location.country == "TUR"


def test_refused_negotiations() -> None:
    events = events_of("Iranian officials said they will not permit negotiations regarding their ballistic "
                       "missile program.")
    event = only(events, "REJECT")  # PLOVER: a refused meeting is a rejection (CAMEO 125)
    assert (event.modality, event.negated, event.cameo) == ("refused", True, "125")
    assert countries(event)[0] == "IRN"


def test_denied_mediation() -> None:
    # a mediation the text says did not happen is no record of one (issue 15)
    assert "CONSULT" not in [e.type for e in events_of("India, however, says there was no US mediation.")]


def test_hypothetical_meeting() -> None:
    events = events_of("Afghan rebel leaders said on Wednesday they would meet the Pakistani envoy if he "
                       "gave them guarantees.")
    event = only(events, "CONSULT")
    assert event.modality == "hypothetical"
    assert event.cameo == "036"


def test_background_event_keeps_its_own_date() -> None:
    event = only(events_of("President Donald Trump also hosted Pakistan's army chief General Asim Munir at "
                           "the White House for lunch in June."), "CONSULT")
    assert (event.date, event.modality, event.mode) == ("2025-06", "reported_past", "visit")


def test_a_wire_dateline_is_no_subject() -> None:
    events = events_of("NAIROBI — On July 10, the President of the Republic of Kenya and the Prime Minister "
                       "of the Republic of Somalia met in Nairobi and discussed the border.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults and {countries(e) for e in consults} <= {("KEN", "SOM"), ("SOM", "KEN")}


def test_a_meeting_named_as_a_circumstance_is_the_subjects() -> None:
    event = only(events_of("The Peruvian president left Lima after two hours of talks with the Chilean "
                           "president."), "CONSULT")
    assert countries(event) == ("PER", "CHL")
    pairs = {countries(e) for e in events_of("Kenya and Somalia have agreed to exchange prisoners following "
                                              "a new round of peace talks held in Nairobi.")
             if e.type == "CONSULT"}
    assert pairs == {("KEN", "SOM"), ("SOM", "KEN")}


def test_fighting_named_as_a_circumstance_is_not_read() -> None:
    events = events_of("Bolivia and Paraguay agreed to a ceasefire after two days of fierce fighting.")
    assert "ASSAULT" not in {e.type for e in events}


def test_an_agreement_made_in_negotiations_is_with_the_other_party() -> None:
    events = events_of("Peru agreed to an unconditional truce during negotiations with Chile earlier "
                       "this month.")
    agreed = only(events, "AGREE")
    assert countries(agreed) == ("PER", "CHL")


def test_sentences_without_events_give_none() -> None:
    assert events_of("This rhetorical shift suggests a desire to maintain national pride. Prices of oil "
                     "rose sharply on Monday. The weather in Islamabad was hot.") == []


def test_offsets_point_into_the_text() -> None:
    text = "Talks resumed. Israel and Lebanon renewed negotiations today on an Israeli troop pullback."
    for event in events_of(text):
        assert event.trigger_start is not None and event.trigger_end is not None
        assert text[event.sentence_start:event.sentence_end].startswith("Israel and Lebanon")
        assert text[event.trigger_start:event.trigger_end] in ("negotiations", "pullback")


# -- the seed articles ------------------------------------------------------------------------


@lru_cache(maxsize=4)
def seed_events(prefix: str) -> tuple[Article, tuple[Event, ...]]:
    [path] = shared_path("seeds").glob(f"{prefix}_*.txt")
    [raw] = list(read_sources([str(path)]))
    assert isinstance(raw, RawDoc)
    article = clean_document(raw)
    doc = parse(article.text)
    date = article.published
    events = extract_events(doc, date, extract_entities(doc, date), extract_timexes(doc, date))
    return article, tuple(events)


def _pair(event: Event) -> set[str | None]:
    return {event.source.name if event.source else None, event.target.name if event.target else None}


def test_seed_dar_rubio_phone_call() -> None:
    _, events = seed_events("002")
    calls = [e for e in events if e.type == "CONSULT" and e.mode == "phone"]
    assert any(_pair(e) == {"Ishaq Dar", "Marco Rubio"} and e.date == "2025-08-04"
               and e.modality == "asserted" for e in calls), calls


def test_seed_pezeshkian_visit_to_islamabad() -> None:
    _, events = seed_events("002")
    visits = [e for e in events if e.type == "CONSULT" and e.mode == "visit" and e.date == "2025-08-03"]
    visit = next(e for e in visits if e.source and e.source.name == "Masoud Pezeshkian"
                 and e.location and e.location.name == "Islamabad")
    assert visit.source is not None and visit.source.country == "IRN"
    assert visit.target is not None and visit.target.country == "PAK"
    assert visit.modality == "asserted"


def test_seed_planned_istanbul_meeting() -> None:
    _, events = seed_events("003")
    meeting = next(e for e in events if e.type == "CONSULT" and e.date == "2026-02-06")
    assert meeting.modality == "planned"
    assert {a.country for a in (meeting.source, meeting.target) if a} == {"USA", "IRN"}
    assert "Steve Witkoff" in _pair(meeting)
    assert meeting.location is not None and meeting.location.name == "Istanbul"


def test_seed_june_2025_strikes_are_background() -> None:
    _, events = seed_events("003")
    strikes = [e for e in events if e.type == "ASSAULT" and e.source and e.source.country == "USA"]
    assert strikes and all(e.date == "2025-06" and e.modality == "reported_past" for e in strikes)
    assert any(e.target and e.target.country == "IRN" for e in strikes)


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_seed_events_come_from_article_text_only(prefix: str) -> None:
    article, events = seed_events(prefix)
    assert events
    for event in events:
        sentence = article.text[event.sentence_start:event.sentence_end]
        assert sentence.strip() and "Explore" not in sentence
        assert event.trigger_start is not None and event.sentence_start <= event.trigger_start
        assert event.type in load_lexicon().categories
        assert event.cameo is not None and len(event.cameo) >= 3


def test_an_actors_abstract_thing_stands_for_the_actor() -> None:
    event = only(events_of("Ankara backed Cairo's bid for a seat on the council."), "SUPPORT")
    assert countries(event) == ("TUR", "EGY")
    assert event.target is not None and event.target.name == "Cairo"
    enemies = only(events_of("Israel's enemies fired rockets at Haifa."), "ASSAULT")
    assert enemies.source is not None and enemies.source.name != "Israel"  # other actors


def test_two_entities_claiming_one_mention_do_not_stop_the_coder() -> None:
    """On a garbled page spaCy may take "frien d. She" for a person and the pronoun is then
    resolved for two people: the coder used to sort the mentions with the entities in the
    tuple and raised TypeError on the tie."""
    text = "Anna Berg met her friend. She accused Tomas Lind of lying, the court heard."
    doc = parse(text)
    she = (text.index("She"), text.index("She") + 3)
    entities = [Entity("Anna Berg", "PERSON", country="SWE", mentions=((0, 9), she)),
                Entity("friend. She", "PERSON", mentions=((18, 29), she)),
                *extract_entities(doc, "2025-08-04")]
    accused = only(extract_events(doc, "2025-08-04", entities, []), "ACCUSE")
    assert accused.source is not None and accused.source.name == "Anna Berg"


def test_a_proposal_without_recipient_goes_to_the_other_side_of_the_talks() -> None:
    events = events_of("Kenya and Somalia held a second round of talks in Nairobi on Monday. Kenya had "
                       "made a specific proposal for a three-day ceasefire on parts of the border.")
    proposal = only([e for e in events if e.sentence_start > 60], "REQUEST")
    assert countries(proposal) == ("KEN", "SOM")


def test_a_plural_group_of_named_parties_is_those_parties() -> None:
    """"Delegations of Peru and Chile concluded their meeting": Peru met Chile; one official
    "of" a country and something else is no group of two."""
    events = [e for e in events_of("Delegations of Peru and Chile concluded their meeting in "
                                   "Lima on Friday.") if e.type == "CONSULT"]
    assert events and {frozenset(countries(e)) for e in events} == {frozenset({"PER", "CHL"})}


def test_a_place_beside_the_target_gives_it_no_country() -> None:
    """ "camps near the Thai border" are placed by the border, they are not Thai; "Congolese"
    alone is the more populous Congo."""
    attack = only(events_of("Laotian troops shelled rebel camps near the Thai border on Monday."), "ASSAULT")
    assert countries(attack)[1] != "THA"
    refugees = only(events_of("Rwandan militiamen attacked a camp for Congolese refugees on Monday."),
                    "ASSAULT")
    assert countries(refugees) == ("RWA", "COD")


def test_insurgents_of_no_stated_country_are_the_state_s_that_fights_them() -> None:
    """Invented: a guerrilla group parley has no country for, attacked by a state's army, is
    that state's insurgency; a border beside its camp does not make it the neighbour's."""
    attack = only(events_of("Peruvian troops overran a Condor guerrilla base near the Bolivian border "
                            "on Monday."), "ASSAULT")
    assert countries(attack) == ("PER", "PER")


def test_a_threat_without_an_object_is_made_to_the_subject_of_its_condition() -> None:
    threat = only(events_of("Norway has threatened to leave the fishing talks if Iceland goes ahead with "
                            "its new quotas."), "THREATEN")
    assert countries(threat) == ("NOR", "ISL")
