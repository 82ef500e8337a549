"""Events in the shapes of wire sentences: parties the parse gives in a predicate adjective's
clause, in a giving verb's object, in an infinitive describing an object, after "between" and
as the adjective of a thing. Invented sentences and names."""

from __future__ import annotations

from .test_events import countries, events_of, only


def test_subject_of_a_predicate_adjective_acts_in_its_infinitive() -> None:
    # "is about to restore": the parser hangs "restore" under the adjective "about"
    event = only(events_of("Chile is about to restore full diplomatic ties with Peru, an official said."),
                 "SUPPORT")
    assert countries(event) == ("CHL", "PER")


def test_giving_verb_whose_object_receives_what_the_with_phrase_names() -> None:
    event = only(events_of("Chile supplied Peru with 50,000 tonnes of wheat on Thursday."), "AID")
    assert countries(event) == ("CHL", "PER")
    given = only(events_of("Chile provided weapons to Bolivia."), "AID")  # the to-phrase still wins
    assert countries(given) == ("CHL", "BOL")


def test_accord_whose_infinitive_names_the_other_party() -> None:
    events = events_of("Chile signed an accord on Thursday to supply Peru with 50,000 tonnes of wheat, "
                       "an embassy spokesman said.")
    assert [countries(e) for e in events] == [("CHL", "PER")]


def test_counterpart_is_of_the_country_its_own_words_give_not_of_the_meeting_place() -> None:
    event = only(events_of("Bolivian President Maria Torres held talks with her Peruvian counterpart "
                           "in La Paz on Monday."), "CONSULT")
    assert countries(event) == ("BOL", "PER")


def test_passive_symmetric_act_between_parties() -> None:
    events = events_of("A memorandum on the pipeline was signed between Chile and Peru on Tuesday.")
    assert {countries(e) for e in events} == {("CHL", "PER"), ("PER", "CHL")}


def test_owner_of_a_thing_named_by_its_adjective() -> None:
    event = only(events_of("Bolivian fighter jets violated Chilean airspace on Monday."), "ASSAULT")
    assert countries(event) == ("BOL", "CHL")


def test_meeting_that_is_the_aim_of_a_journey_is_the_travellers() -> None:
    event = only(events_of("Chilean Foreign Minister Ana Soto left for Lima on Wednesday for talks with "
                           "Peruvian officials."), "CONSULT")
    assert countries(event) == ("CHL", "PER")


def test_halting_a_relation_reduces_it() -> None:
    event = only(events_of("Bolivia suspended military cooperation with Chile on Monday."), "SANCTION")
    assert countries(event) == ("BOL", "CHL")
    assert (event.cameo or "").startswith("16")


def test_announced_act_is_the_announcers() -> None:
    event = only(events_of("Bolivia on Sunday announced the expulsion of the Chilean ambassador."), "COERCE")
    assert countries(event) == ("BOL", "CHL")


def test_condemning_an_attack_is_no_attack_by_the_one_who_condemns() -> None:
    events = events_of("NATO condemned the attack on the Chilean embassy in Lima.")
    assert not [e for e in events if e.type == "ASSAULT"], [(e.type, countries(e)) for e in events]


def test_the_means_a_party_uses_does_not_act() -> None:
    event = only(events_of("Chilean police used water cannon to disperse Peruvian migrants at the border."),
                 "ASSAULT")
    assert countries(event) == ("CHL", "PER")


def test_event_noun_a_party_draws_from_another() -> None:
    event = only(events_of("Chile's refusal to negotiate drew sharp criticism from Bolivia."), "ACCUSE")
    assert countries(event) == ("BOL", "CHL")


def test_protest_at_a_partys_seat_is_aimed_at_that_party() -> None:
    text = "Thousands of Peruvians demonstrated outside the Chilean embassy in Lima on Sunday."
    event = only(events_of(text), "PROTEST")
    assert countries(event) == ("PER", "CHL")


def test_light_verb_listed_with_the_event_noun_carries_it() -> None:
    # "ceasefire" alone is mostly a mention; "declared a ceasefire" is the act, with the other
    # side the sentence names (insurgents facing a country named bare are that country's)
    event = only(events_of("Peru declared a ceasefire with the rebels on Wednesday."), "RETREAT")
    assert countries(event) == ("PER", "PER")
    assert not events_of("The ceasefire between Peru and Chile held on Wednesday.")


def test_he_of_a_reporting_officeholder_with_no_named_person_near() -> None:
    event = only(events_of("Peru's foreign minister said he would meet his Chilean counterpart next week."),
                 "CONSULT")
    assert countries(event) == ("PER", "CHL")


def test_state_force_of_no_country_is_the_reporting_bodys() -> None:
    event = only(events_of("The Peruvian interior ministry said police had detained 30 Bolivian smugglers."),
                 "COERCE")
    assert countries(event) == ("PER", "BOL")


def test_parties_named_together_who_fight_a_thing_do_not_fight_each_other() -> None:
    events = events_of("Peru and Bolivia pledged to fight drug smuggling.")
    assert not [e for e in events if e.target is not None and e.type in ("ASSAULT", "THREATEN")]
    clash = events_of("Peru and Bolivia clashed on Monday.")
    assert {countries(e) for e in clash} == {("PER", "BOL"), ("BOL", "PER")}


def test_words_before_a_known_body_place_it() -> None:
    text = "Paraguay's Senate on Thursday rejected a free trade deal with Bolivia."
    event = only(events_of(text), "REJECT")
    assert countries(event) == ("PRY", "BOL")


def test_object_named_by_a_free_relative() -> None:
    event = only(events_of("Bolivia condemned what it described as an attack by Chilean police."), "ACCUSE")
    assert countries(event) == ("BOL", "CHL")


def test_attack_blamed_on_a_party_is_theirs() -> None:
    text = "Three Peruvian policemen were killed in an attack blamed on Bolivian guerrillas."
    event = only(events_of(text), "ASSAULT")
    assert countries(event) == ("BOL", "PER")


def test_those_who_died_in_an_attack_are_its_target() -> None:
    event = only(events_of("Two Peruvians died in a Chilean air strike on Monday."), "ASSAULT")
    assert countries(event) == ("CHL", "PER")


def test_passive_removal_is_by_the_country_it_removes_from() -> None:
    event = only(events_of("A Bolivian diplomat was expelled from Chile on Tuesday."), "SANCTION")
    assert countries(event) == ("CHL", "BOL")


def test_promised_force_is_a_threat() -> None:
    # "retaliate" and "punish" are verbs only PETRARCH2's dictionary codes (as force)
    event = only(events_of("Peru vowed to retaliate against Bolivia."), "THREATEN")
    assert countries(event) == ("PER", "BOL")
    punished = only(events_of("Peru vowed to punish Bolivia."), "THREATEN")
    assert countries(punished) == ("PER", "BOL")
    assert only(events_of("Peru pledged to help Bolivia with food aid."), "AGREE")


def test_recipient_the_parser_made_a_compound_of_the_object() -> None:
    event = only(events_of("Chile granted Peru access to its port of Arica."), "RETREAT")
    assert countries(event) == ("CHL", "PER")


def test_event_noun_received_from_a_party_is_its_act() -> None:
    event = only(events_of("Bolivia received military aid from Chile on Monday."), "AID")
    assert countries(event) == ("CHL", "BOL")
    assert not events_of("Bolivia received aid.")
