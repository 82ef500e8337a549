"""Wire-style shapes whose parties or category the parse alone hides: reactions to an act a
noun names, implied arresting police, people placed by the state they deal with, recipients
the parser hung inside an object, measures dealt "with" a striking verb, a family name written
first. Invented sentences."""

from __future__ import annotations

from parley.actors.entities import extract_entities
from parley.nlp import parse

from .test_events import countries, events_of, only


def test_a_reaction_verb_of_the_dictionary_over_an_attack_noun_is_the_reaction() -> None:
    """ "chided an attack by X": the chiding is the news (ACCUSE, aimed at X), not X's attack."""
    events = events_of("The Peruvian government chided an attack by Chilean soldiers on Thursday.")
    chided = only(events, "ACCUSE")
    assert countries(chided) == ("PER", "CHL")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_the_town_a_weapon_struck_near_places_its_attackers() -> None:
    """ "near the town of Tacna": the name a settlement noun is "of" is a place, whatever label
    the entity recogniser gave it."""
    [attack] = events_of("A mine explosion near the town of Tacna killed two youths on Sunday.")
    assert attack.type == "ASSAULT"
    assert countries(attack) == ("PER", "PER")


def test_an_ethnic_people_protests_where_the_state_it_protests_against_rules() -> None:
    [protest] = [e for e in events_of(
        "Up to 800 ethnic Chileans began a hunger strike on Monday to protest against Peru's "
        "decision to send them back to Bolivia.") if e.type == "PROTEST"][:1]
    assert countries(protest) == ("PER", "PER")


def test_an_arrest_with_no_agent_is_by_the_police_of_where_it_happened() -> None:
    [arrest] = events_of("Two Chilean journalists were detained in Lima on Monday.")
    assert arrest.type == "COERCE" and (arrest.cameo or "").startswith("173")
    assert countries(arrest) == ("PER", "CHL")
    assert arrest.source is not None and arrest.source.sector == "COP"


def test_a_state_body_deals_with_its_own_people() -> None:
    """People of no stated country a state body warns, frees or pardons are its country's."""
    [warning] = events_of("Lima's police chief warned protesters to stay off the streets.")
    assert countries(warning) == ("PER", "PER")
    [pardon] = events_of("Peru's president Luis Mora pardoned 30 political prisoners on Sunday.")
    assert countries(pardon) == ("PER", "PER")


def test_a_recipient_hung_inside_the_object_of_giving() -> None:
    [aid] = events_of("The European Union provided 20 million euros in humanitarian assistance to Peru.")
    assert aid.type == "AID" and countries(aid) == ("IGO", "PER")


def test_aid_received_as_an_amount_is_the_givers() -> None:
    [aid] = events_of("Peru has received 20 million dollars in emergency aid from Chile.")
    assert aid.type == "AID" and countries(aid) == ("CHL", "PER")


def test_the_agent_of_what_an_object_is_of_or_was_set_by_is_the_target() -> None:
    [probe] = events_of("The United Nations investigated allegations of abuses by Peruvian troops.")
    assert countries(probe) == ("IGO", "PER")
    [refusal] = events_of("Chile said on Monday it would not accept any conditions set by Peru for "
                          "the resumption of talks.")
    assert countries(refusal) == ("CHL", "PER")


def test_a_measure_dealt_with_a_striking_verb_is_no_attack() -> None:
    for text in ("The European Union hit Peru with new sanctions on Friday.",
                 "The United States targeted Chile with tariffs."):
        [event] = events_of(text)
        assert event.type == "SANCTION", (text, event.type, event.cameo)
    [attack] = events_of("Chilean troops hit the Peruvian town of Tacna with artillery fire.")
    assert attack.type == "ASSAULT"


def test_a_lone_family_name_written_first_is_the_person_named_in_full() -> None:
    text = ("Chinese Foreign Minister Wang Yi met his Japanese counterpart on Tuesday. "
            "Wang warned Japan against interfering in Taiwan.")
    doc = parse(text)
    wang = [e for e in extract_entities(doc, "2025-08-04") if e.name == "Wang Yi"]
    assert len(wang) == 1 and len(wang[0].mentions) == 2
    warning = only(events_of(text), "THREATEN")
    assert countries(warning) == ("CHN", "JPN")


def test_a_warning_is_aimed_at_whose_force_it_names() -> None:
    [warning] = events_of("Chile warned that it would not tolerate any further incursions by "
                          "Peruvian troops.")
    assert warning.type == "THREATEN" and countries(warning) == ("CHL", "PER")


def test_an_object_after_a_fronted_as_predicate() -> None:
    """ "rejected as baseless Chilean charges": the charges are the object, not an "as" phrase."""
    [rejection] = events_of("The Peruvian foreign minister rejected as baseless Chilean charges that "
                            "Lima was arming rebels.")
    assert rejection.type == "REJECT" and countries(rejection) == ("PER", "CHL")


def test_a_measure_on_ones_own_domain_is_aimed_at_those_it_is_for() -> None:
    """ "restrictions on its labour market for workers from Chile": aimed at Chile's workers, not
    at Peru; a measure on its own domain that names no one else stays at home."""
    [measure] = events_of("Peru plans to impose restrictions on its labour market for workers from Chile.")
    assert countries(measure) == ("PER", "CHL")
    [lifted] = events_of("Peru lifted restrictions on its ports.")
    assert countries(lifted) == ("PER", "PER")


def test_an_embassy_closed_is_aimed_at_its_host_or_its_owner() -> None:
    [own] = events_of("Chile closed its embassy in Lima on Monday.")
    assert own.type == "SANCTION" and countries(own) == ("CHL", "PER")
    [theirs] = events_of("Peru closed the Chilean consulate in Tacna.")
    assert countries(theirs) == ("PER", "CHL")


def test_material_cooperation_with_a_partner_is_each_sides() -> None:
    events = events_of("Peru has been sharing intelligence with Chile, according to a report.")
    assert {countries(e) for e in events if e.type == "COOPERATE"} == {("PER", "CHL"), ("CHL", "PER")}


def test_an_organisations_initials_no_table_lists() -> None:
    """ "The AU": the initials of one international organisation the actor tables know."""
    [ties] = events_of("The AU is about to restore full diplomatic ties with Chile.")
    assert countries(ties) == ("IGO", "CHL")
