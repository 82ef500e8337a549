"""Coverage of attack, threat, protest and truce phrasings in news prose (issue 13): invented
paragraphs in wire style (invented names and places), each shape coded by a general mechanism
(a trigger condition, an argument rule, an implied party), never by a listed sentence."""

from __future__ import annotations

import pytest

from parley.events.detector import Prediction
from parley.events.lexicon import load_lexicon
from parley.events.proposals import model_proto
from parley.events.records import event_records
from parley.models import Event
from parley.nlp import parse

from .test_events import events_of


def dyads(events: list[Event], event_type: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.type == event_type}


def types(events: list[Event]) -> set[str]:
    return {e.type for e in events}


# -- truces -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peru and Bolivia reached a truce on Monday.",
    "A truce between Peru and Bolivia took effect at midnight.",
])
def test_a_truce_reached_or_taking_effect_is_a_ceasefire_between_its_parties(text: str) -> None:
    assert dyads(events_of(text), "RETREAT") >= {("PER", "BOL")} or dyads(events_of(text), "RETREAT") >= {
        ("BOL", "PER")}


def test_a_truce_mentioned_in_passing_is_none() -> None:
    events = events_of("The truce between Peru and Bolivia collapsed on Sunday.")
    assert "RETREAT" not in types(events)


@pytest.mark.parametrize("text", [
    "Peru announced a halt to its military operations in Bolivia.",
    "Peru announced an end to its attacks on Bolivia.",
    "Peru ordered a pause in its strikes on Bolivia.",
])
def test_a_halt_to_attacks_is_no_attack(text: str) -> None:
    events = events_of(text)
    assert "ASSAULT" not in types(events), [(e.type, e.cameo) for e in events]
    assert ("PER", "BOL") in dyads(events, "RETREAT")


def test_an_end_in_passing_halts_nothing() -> None:
    events = events_of("At the end of two days of talks, Peru and Bolivia agreed to reopen the border.")
    assert "RETREAT" not in types(events)


def test_a_unilateral_truce_faces_the_other_side_of_the_articles_fighting() -> None:
    events = events_of("Chilean artillery shelled the Bolivian town of Uyuni on Friday. "
                       "Bolivia declared a unilateral ceasefire on Sunday.")
    assert ("CHL", "BOL") in dyads(events, "ASSAULT")
    assert ("BOL", "CHL") in dyads(events, "RETREAT")


def test_no_fighting_told_no_side_for_a_unilateral_truce() -> None:
    assert "RETREAT" not in types(events_of("Bolivia declared a unilateral ceasefire on Sunday."))


# -- threats ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Peru vowed to retaliate against Bolivia.",
    "Bolivian militia leaders vowed revenge against Chile after the strike.",
    "Chile warned that it would use force against Bolivia.",
])
def test_vowed_retaliation_and_warned_force_are_threats(text: str) -> None:
    events = events_of(text)
    assert "AGREE" not in types(events)
    assert len(dyads(events, "THREATEN")) == 1
    assert next(iter(dyads(events, "THREATEN")))[1] in ("BOL", "CHL")


def test_a_vow_of_retaliation_faces_the_attacker_named_before() -> None:
    events = events_of("Chilean artillery shelled the Bolivian town of Uyuni on Friday. "
                       "Bolivia vowed to retaliate.")
    assert ("BOL", "CHL") in dyads(events, "THREATEN")


def test_retaliation_alone_is_no_attack() -> None:
    events = events_of("Chile expelled Bolivia's ambassador in retaliation for the raid.")
    assert "ASSAULT" not in types(events)


# -- attacks ----------------------------------------------------------------------------------

def test_weapons_launched_at_a_target_are_an_attack() -> None:
    events = events_of("Bolivia launched a wave of drones at Chilean military bases overnight.")
    assert dyads(events, "ASSAULT") == {("BOL", "CHL")}


def test_strikes_launched_on_a_place_are_attacks_not_a_labour_strike() -> None:
    events = events_of("Chile launched strikes on Bolivian positions.")
    assert dyads(events, "ASSAULT") == {("CHL", "BOL")}
    assert "PROTEST" not in types(events)
    labour = events_of("Miners launched a strike against the government in Bolivia.")
    assert "PROTEST" in types(labour) and "ASSAULT" not in types(labour)


def test_an_ambush_names_its_attacker_and_target() -> None:
    events = events_of("Bolivian militants ambushed a Chilean convoy on Friday.")
    assert ("BOL", "CHL") in dyads(events, "ASSAULT")


# -- protests ---------------------------------------------------------------------------------

def test_a_counted_crowd_protests_where_it_marches() -> None:
    events = events_of("Thousands took to the streets of La Paz on Saturday.")
    protests = [e for e in events if e.type == "PROTEST"]
    assert protests and all(e.source is not None and e.source.country == "BOL" for e in protests)


@pytest.mark.parametrize("text", [
    "Protesters gathered outside the Chilean embassy in La Paz.",
    "Students staged a sit-in outside the Chilean embassy in La Paz.",
])
def test_a_protest_at_an_embassy_is_aimed_at_its_country(text: str) -> None:
    assert dyads(events_of(text), "PROTEST") == {("BOL", "CHL")}


def test_strike_action_is_a_labour_strike() -> None:
    events = events_of("Bolivian workers staged strike action across the country over the Chilean accord.")
    assert "ASSAULT" not in types(events)
    assert "PROTEST" in types(events)


# -- the learned detector's proposals ---------------------------------------------------------

def test_a_proposed_attack_finds_its_target_where_an_attack_is_aimed() -> None:
    """The model's category brings its own slots: an attack aimed "at" a place."""
    sent = next(iter(parse("Bolivia sent a wave of drones at Chilean bases.").sents))
    proto = model_proto(sent, Prediction("ASSAULT", 0.99, 0.99), load_lexicon())
    assert proto is not None and "bases" in {t.text for g in proto.target_groups() for t in g}
    consult = model_proto(sent, Prediction("CONSULT", 0.99, 0.99), load_lexicon())
    assert consult is not None and "bases" not in {t.text for g in consult.target_groups() for t in g}


def test_an_attack_the_model_reads_with_a_weapon_named_is_proposed(monkeypatch: pytest.MonkeyPatch) -> None:
    """No trigger word fires on "rained bombs on"; the model reads an attack, unsurely, and the
    lexicon's weapon words confirm it; the rules' argument logic says who struck whom."""
    from parley.events import extract
    from parley.events.detector import load_detector
    text = "Chilean drones rained bombs on Bolivian towns."
    detector = load_detector()
    assert detector is not None
    reading = detector.predict(text)
    assert reading.type == "ASSAULT" and reading.score < extract.MODEL_MIN_SCORE
    assert ("CHL", "BOL") in dyads(events_of(text), "ASSAULT")
    monkeypatch.setattr(extract, "MODEL_CONFIRMED_SCORE", {})
    assert "ASSAULT" not in types(events_of(text))  # the model alone is not sure enough
    unarmed = extract._confirmed(next(iter(parse("Chilean envoys rained praise on Bolivian towns.").sents)),
                                 reading, load_lexicon())
    assert not unarmed  # no weapon named: nothing confirms the model's reading


@pytest.mark.parametrize("text", [
    "A Chilean missile slammed into a Bolivian apartment block in Oruro.",
    "Chilean shells blasted the Bolivian town of Uyuni.",
])
def test_a_weapon_that_slams_or_blasts_strikes_rather_than_rebukes(text: str) -> None:
    events = events_of(text)
    assert dyads(events, "ASSAULT") == {("CHL", "BOL")}
    assert "ACCUSE" not in types(events)


def test_a_minister_who_slams_a_decision_rebukes() -> None:
    events = events_of("The Chilean minister slammed Bolivia's decision.")
    assert "ACCUSE" in types(events) and "ASSAULT" not in types(events)


# -- mutual acts happening "between" two sides --------------------------------------------------

@pytest.mark.parametrize(("text", "event_type"), [
    ("Clashes broke out between Chilean and Bolivian troops near the border on Monday.", "ASSAULT"),
    ("Fighting resumed between Peruvian and Chilean forces on Monday.", "ASSAULT"),
    ("A meeting took place between Peru and Chile on Monday.", "CONSULT"),
])
def test_a_mutual_act_happening_between_two_sides_is_theirs(text: str, event_type: str) -> None:
    found = dyads(events_of(text), event_type)
    assert len(found) == 2 and {country for pair in found for country in pair} >= {"CHL"}, found


# -- threats told as consequences, forecasts and resolve (issue 13) ----------------------------

@pytest.mark.parametrize(("text", "dyad"), [
    ("Peru would pay a heavy price if it sent troops to the border, the Chilean minister said.",
     ("CHL", "PER")),
    ("Chile will face serious consequences if it closes the border, Bolivia said.", ("BOL", "CHL")),
    ("Chile would pay a heavy price for any aggression, Peru's defence minister Ruiz said.", ("PER", "CHL")),
    ("Peru's defence minister Ruiz warned that Chile would face consequences.", ("PER", "CHL")),
    ("Chile will suffer the consequences of its actions, the Peruvian president said.", ("PER", "CHL")),
])
def test_a_consequence_promised_to_a_party_is_a_threat_by_whoever_says_so(
        text: str, dyad: tuple[str, str]) -> None:
    assert dyad in dyads(events_of(text), "THREATEN")


def test_a_consequence_suffered_already_is_no_threat() -> None:
    events = events_of("Chile paid a heavy price for the war, Bolivia said.")
    assert "THREATEN" not in types(events)


@pytest.mark.parametrize("text", [
    "Bolivia will respond forcefully to any attack by Chile, the president said.",
    "Bolivia will use force against Chile if its troops cross the border, the president said.",
    "Bolivia would not hesitate to use force against Chile, Bolivia's defence minister warned.",
    "Mora said Bolivia would not hesitate to use force against Chile.",
])
def test_force_a_party_says_it_will_use_is_a_threat_not_an_attack(text: str) -> None:
    events = events_of(text)
    assert ("BOL", "CHL") in dyads(events, "THREATEN"), [(e.type, e.cameo) for e in events]
    assert "ASSAULT" not in types(events)


def test_an_attack_that_may_come_is_none() -> None:
    events = events_of("Bolivia will respond forcefully to any attack by Chile, the president said.")
    assert ("CHL", "BOL") not in dyads(events, "ASSAULT") and ("CHL", None) not in dyads(events, "ASSAULT")


def test_holding_back_from_force_is_no_threat() -> None:
    assert "THREATEN" not in types(events_of("Bolivia hesitated to use force against Chile."))


def test_a_threat_not_made_is_none() -> None:
    assert "THREATEN" not in types(events_of("Peru did not threaten Chile, the minister said."))


# -- attacks told by what met them (issue 13) ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Drones launched by Peru were intercepted over Chile on Sunday.",
    "Two drones launched by Peru were shot down over Chile.",
    "Chile shot down two Peruvian drones on Sunday.",
    "Chile intercepted missiles fired by Peru on Sunday.",
    "Chile said its air defences intercepted a ballistic missile fired from Peru.",
    "Chile's defence ministry said its air defences destroyed 40 Peruvian drones overnight.",
    "Chile said it had neutralised three Peruvian drones over Santiago.",
])
def test_weapons_intercepted_are_an_attack_by_their_launcher(text: str) -> None:
    events = events_of(text)
    assert ("PER", "CHL") in dyads(events, "ASSAULT"), [(e.type, e.source, e.target) for e in events]
    assert ("CHL", "PER") not in dyads(events, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Missiles fired from Bolivian territory hit the Chilean town of Arica on Sunday.",
    "Rockets fired from Bolivian territory struck the Chilean town of Arica.",
])
def test_weapons_fired_from_a_sides_territory_are_its_attack(text: str) -> None:
    assert ("BOL", "CHL") in dyads(events_of(text), "ASSAULT")


def test_coming_under_fire_names_the_shooter_as_attacker() -> None:
    events = events_of("Chilean forces came under fire from Peruvian troops on Sunday.")
    assert ("PER", "CHL") in dyads(events, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Peru and Chile signed a ceasefire on Monday.",
    "Peru and Chile signed a ceasefire agreement on Monday.",
])
def test_a_signed_ceasefire_is_the_truce_not_an_endorsement(text: str) -> None:
    events = events_of(text)
    assert dyads(events, "RETREAT") & {("PER", "CHL"), ("CHL", "PER")}
    assert "SUPPORT" not in types(events)


def test_a_verb_the_parser_joins_to_a_reported_clause_is_the_reporters() -> None:
    events = events_of("Both Lima and Santiago emphasized that bilateral negotiations are the most "
                       "effective format and agreed to continue the dialogue.")
    assert dyads(events, "AGREE") & {("PER", "CHL"), ("CHL", "PER")}


def test_strikes_a_state_launches_are_attacks_not_a_labour_strike() -> None:
    events = events_of("Peru launched surprise strikes across Chile on Tuesday.")
    assert ("PER", "CHL") in dyads(events, "ASSAULT")
    assert "PROTEST" not in types(events)


def test_a_ceasefire_announced_between_two_sides_is_theirs_not_the_announcers() -> None:
    events = events_of("Oman announced a ceasefire between Peru and the Bolivian rebels on Tuesday.")
    assert dyads(events, "RETREAT") & {("PER", "BOL"), ("BOL", "PER")}
    assert not any(s == "OMN" for s, _ in dyads(events, "RETREAT"))


def test_force_that_will_no_longer_be_used_is_neither_attack_nor_threat() -> None:
    events = events_of("The Bolivian rebels will no longer target Peruvian ships, Oman said.")
    assert not types(events) & {"ASSAULT", "THREATEN"}


def test_who_claims_responsibility_for_an_attack_made_it() -> None:
    events = events_of("Bolivian rebels claimed responsibility for a drone attack on the Peruvian port of "
                       "Callao.")
    assert ("BOL", "PER") in dyads(events, "ASSAULT")


def test_a_deal_announced_between_two_sides_is_their_agreement() -> None:
    events = events_of("A ceasefire deal between Peru and Chile was announced on Wednesday.")
    assert dyads(events, "AGREE") & {("PER", "CHL"), ("CHL", "PER")}


def test_weapons_owned_by_a_pronoun_strike_for_its_antecedent() -> None:
    events = events_of("Peru said its drones hit a Chilean base.")
    assert ("PER", "CHL") in dyads(events, "ASSAULT")


@pytest.mark.parametrize("text", [
    "Peru ended its ceasefire with Chile on Tuesday with a wave of strikes on Santiago.",
    "Peru broke the truce with Chile on Tuesday.",
    "Peru abandoned the ceasefire with Chile.",
])
def test_ending_or_breaking_a_truce_violates_it(text: str) -> None:
    events = events_of(text)
    assert ("PER", "CHL") in dyads(events, "ASSAULT"), [(e.type, e.cameo) for e in events]
    assert "RETREAT" not in types(events)


@pytest.mark.parametrize("text", [
    "Peru agreed to an unconditional ceasefire during negotiations with Chile.",
    "At a meeting in Lima, the leaders of Peru and Chile agreed to reopen the border.",
])
def test_a_meeting_that_is_the_setting_of_an_agreement_is_a_record_too(text: str) -> None:
    """The meeting an agreement was made at happened: readers of the dev articles marked such
    records right (2 of 2), though the gold lists the agreement only."""
    events = event_records(events_of(text))
    assert "AGREE" in types(events)
    assert dyads(events, "CONSULT") & {("PER", "CHL"), ("CHL", "PER")}


def test_talks_told_as_the_news_are_a_consultation() -> None:
    events = events_of("Peru and Chile held talks in Lima on Monday.")
    assert dyads(events, "CONSULT") & {("PER", "CHL"), ("CHL", "PER")}


def test_destroying_a_launcher_is_no_attack_by_the_launchers_side() -> None:
    events = events_of("Peru destroyed two Chilean missile launchers in Arica.")
    assert ("CHL", "PER") not in dyads(events, "ASSAULT")


@pytest.mark.parametrize(("text", "day"), [
    ("Chile would pay a heavy price for any aggression, Peru's defence minister Ruiz said.", "2025-08-04"),
    ("Peru will strike Chile on Friday, Ruiz said on Monday.", "2025-08-04"),
])
def test_a_threat_told_as_what_will_happen_is_dated_when_it_was_said(text: str, day: str) -> None:
    threats = [e for e in events_of(text) if e.type == "THREATEN"]
    assert threats and {e.date for e in threats} == {day}, [(e.type, e.date) for e in threats]


def test_a_deadline_is_no_agent_of_an_ultimatum() -> None:
    events = events_of("Peru gave Chile an ultimatum to withdraw its troops by Friday.")
    assert ("PER", "CHL") in dyads(events, "THREATEN")
    assert "AID" not in types(events)


def test_an_attack_noun_of_a_named_side_as_subject_acts_for_that_side() -> None:
    events = events_of("Peruvian airstrikes killed 12 people in Arica.")
    assert {(e.source.country if e.source else None) for e in events if e.type == "ASSAULT"} == {"PER"}
    assert len([e for e in events if e.type == "ASSAULT"]) == 1
